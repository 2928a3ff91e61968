import type { Migration } from '../migrations';

/** Imported phone lists: one row per list, one row per number keyed by list id (never a blob). */
export const listsMigration: Migration = {
  version: 1,
  describe: 'imported lists and their rows',
  up(db) {
    db.exec(`
      CREATE TABLE lists (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('importing', 'ready')),
        source_file_name TEXT NOT NULL,
        source_sha256 TEXT NOT NULL,
        source_size INTEGER NOT NULL,
        sheet TEXT NOT NULL,
        header_row INTEGER NOT NULL,
        mapping_json TEXT NOT NULL,
        column_names_json TEXT NOT NULL,
        default_country TEXT,
        rule TEXT NOT NULL,
        encoding TEXT,
        total INTEGER NOT NULL DEFAULT 0,
        valid INTEGER NOT NULL DEFAULT 0,
        fixed INTEGER NOT NULL DEFAULT 0,
        invalid INTEGER NOT NULL DEFAULT 0,
        duplicate INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE list_rows (
        list_id TEXT NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        row_number INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('valid', 'fixed', 'invalid', 'duplicate')),
        original TEXT NOT NULL,
        phone TEXT,
        name TEXT,
        var1 TEXT, var2 TEXT, var3 TEXT, var4 TEXT, var5 TEXT,
        reason_code TEXT,
        reason_detail TEXT,
        PRIMARY KEY (list_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX list_rows_by_status ON list_rows (list_id, status, seq);
    `);
  },
};
