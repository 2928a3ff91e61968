import type { Migration } from '../migrations';

/**
 * Numbers a vendor refused during a submission (yccall.md §4.2 `invaliddata`, or missing from the
 * task when it was read back): one row per number, by its position in the submitted list, so the
 * outbox can show them, export them, and resume without sending any of them again.
 */
export const submissionRefusalsMigration: Migration = {
  version: 4,
  describe: 'numbers a vendor refused, per submission',
  up(db) {
    db.exec(`
      CREATE TABLE submission_refusals (
        submission_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        phone TEXT NOT NULL,
        sent TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('invalid', 'not-held')),
        at INTEGER NOT NULL,
        PRIMARY KEY (submission_id, position)
      ) WITHOUT ROWID;
      ALTER TABLE submissions ADD COLUMN held INTEGER;
    `);
  },
};
