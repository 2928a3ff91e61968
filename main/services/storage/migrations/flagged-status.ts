import type { Migration } from '../migrations';

/**
 * Reasons of numbers Excel had already damaged (lists/row-processor.ts `FLAGGED_PROBLEMS`),
 * written out here because a shipped step must not change when that code does.
 */
const FLAGGED_REASONS = ['stored-e-notation', 'lost-digits', 'not-whole-number', 'text-e-notation'];

/**
 * Damaged numbers get a status of their own, `flagged`, apart from `invalid` (issue 14): a
 * `flagged` count on each list, and rows already stored with those reasons moved over.
 *
 * SQLite cannot change a CHECK constraint in place, so `list_rows` is rebuilt (the
 * "make other kinds of table schema changes" procedure, sqlite.org/lang_altertable.html §7):
 * a new table with the wider CHECK, the rows copied with their new status, the old one dropped,
 * the new one renamed and its index made again. Nothing references `list_rows`, so foreign keys
 * stay on. Lists are rows keyed by list id, so the copy is one pass in key order.
 */
export const flaggedStatusMigration: Migration = {
  version: 6,
  describe: 'a status of its own for numbers Excel damaged (flagged)',
  up(db) {
    const reasons = FLAGGED_REASONS.map((reason) => `'${reason}'`).join(', ');
    db.exec(`
      ALTER TABLE lists ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE list_rows_flagged (
        list_id TEXT NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        row_number INTEGER NOT NULL,
        status TEXT NOT NULL
          CHECK (status IN ('valid', 'fixed', 'invalid', 'flagged', 'duplicate')),
        original TEXT NOT NULL,
        phone TEXT,
        name TEXT,
        var1 TEXT, var2 TEXT, var3 TEXT, var4 TEXT, var5 TEXT,
        reason_code TEXT,
        reason_detail TEXT,
        PRIMARY KEY (list_id, seq)
      ) WITHOUT ROWID;
      INSERT INTO list_rows_flagged (list_id, seq, row_number, status, original, phone, name,
          var1, var2, var3, var4, var5, reason_code, reason_detail)
        SELECT list_id, seq, row_number,
          CASE WHEN status = 'invalid' AND reason_code IN (${reasons}) THEN 'flagged'
            ELSE status END,
          original, phone, name, var1, var2, var3, var4, var5, reason_code, reason_detail
        FROM list_rows ORDER BY list_id, seq;
      DROP TABLE list_rows;
      ALTER TABLE list_rows_flagged RENAME TO list_rows;
      CREATE INDEX list_rows_by_status ON list_rows (list_id, status, seq);
      UPDATE lists SET
          flagged = (SELECT COUNT(*) FROM list_rows
            WHERE list_rows.list_id = lists.id AND list_rows.status = 'flagged'),
          invalid = MAX(0, invalid - (SELECT COUNT(*) FROM list_rows
            WHERE list_rows.list_id = lists.id AND list_rows.status = 'flagged'));
    `);
  },
};
