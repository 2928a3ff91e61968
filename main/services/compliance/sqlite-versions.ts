import type { DatabaseSync } from 'node:sqlite';

/** The watermarks `compliance_versions` holds. */
export type ComplianceStore = 'dnc' | 'history';

/** Reads a watermark. */
export function readVersion(db: DatabaseSync, store: ComplianceStore): number {
  const row = db.prepare('SELECT version FROM compliance_versions WHERE name = ?').get(store);
  return Number(row?.['version'] ?? 0);
}

/** Moves a watermark on by one and returns it; call inside the change's transaction. */
export function bumpVersion(db: DatabaseSync, store: ComplianceStore): number {
  const row = db
    .prepare(
      'UPDATE compliance_versions SET version = version + 1 WHERE name = ? RETURNING version',
    )
    .get(store);
  return Number(row?.['version'] ?? 0);
}
