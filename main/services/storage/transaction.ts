import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `work` in one IMMEDIATE transaction: every write inside lands together or not at all.
 * A call inside an open transaction joins it (so services can compose their writes).
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
