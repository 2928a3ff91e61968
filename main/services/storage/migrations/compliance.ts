import type { Migration } from '../migrations';

/**
 * Calling compliance (issue 17): do-not-call lists and the history of every number submitted.
 *
 * Numbers are stored as INTEGER (the E.164 digits, `compliance/number-key.ts`) so the check is
 * an indexed join on compact keys. `dnc_entries` and `call_history` are WITHOUT ROWID tables whose
 * primary keys start with the number: the check's probe per list row reads one b-tree and never a
 * second table. List ids and sources are kept once (`dnc_lists.key`, `dnc_sources`) and referred
 * to by small integers, so 5,000,000 entries stay small. `compliance_versions` holds the
 * watermarks that change with every change (the proof the audit trail records).
 */
export const complianceMigration: Migration = {
  version: 8,
  describe: 'do-not-call lists and the call history',
  up(db) {
    db.exec(`
      CREATE TABLE dnc_lists (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        all_accounts INTEGER NOT NULL CHECK (all_accounts IN (0, 1)),
        entry_count INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE dnc_list_accounts (
        list_key INTEGER NOT NULL REFERENCES dnc_lists (key) ON DELETE CASCADE,
        account_id TEXT NOT NULL,
        PRIMARY KEY (list_key, account_id)
      ) WITHOUT ROWID;
      CREATE INDEX dnc_list_accounts_by_account ON dnc_list_accounts (account_id, list_key);
      CREATE TABLE dnc_sources (
        key INTEGER PRIMARY KEY,
        text TEXT NOT NULL UNIQUE
      );
      CREATE TABLE dnc_entries (
        number INTEGER NOT NULL,
        list_key INTEGER NOT NULL REFERENCES dnc_lists (key) ON DELETE CASCADE,
        expires_at INTEGER,
        source_key INTEGER REFERENCES dnc_sources (key),
        added_at INTEGER NOT NULL,
        PRIMARY KEY (number, list_key)
      ) WITHOUT ROWID;
      CREATE INDEX dnc_entries_by_list ON dnc_entries (list_key, number);
      CREATE TABLE call_submissions (
        key INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL,
        task_ref TEXT NOT NULL,
        at INTEGER NOT NULL,
        by_resend INTEGER NOT NULL CHECK (by_resend IN (0, 1)),
        UNIQUE (account_id, task_ref)
      );
      CREATE TABLE call_history (
        number INTEGER NOT NULL,
        at INTEGER NOT NULL,
        submission_key INTEGER NOT NULL REFERENCES call_submissions (key),
        PRIMARY KEY (number, at, submission_key)
      ) WITHOUT ROWID;
      CREATE TABLE compliance_versions (
        name TEXT PRIMARY KEY CHECK (name IN ('dnc', 'history')),
        version INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO compliance_versions (name, version) VALUES ('dnc', 0), ('history', 0);
    `);
  },
};
