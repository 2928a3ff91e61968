import type { Migration } from '../migrations';

/**
 * Campaign drafts, the picker cache, the submissions journal (outbox) and the audit trail.
 *
 * Drafts reference lists by id and hold only their settings (a small JSON document with its own
 * `schema_version`, migrated in code when read), so a save never grows with the list. The audit
 * trail is append-only: triggers refuse UPDATE and DELETE, and every row carries the hash of the
 * previous one, so an entry changed or removed behind the app's back is detected on verify.
 */
export const draftsOutboxAuditMigration: Migration = {
  version: 2,
  describe: 'drafts, picker cache, submissions journal, audit trail',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        list_id TEXT,
        schema_version INTEGER NOT NULL,
        body_json TEXT NOT NULL,
        revision INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      );
      CREATE INDEX drafts_by_updated ON drafts (deleted_at, updated_at DESC);

      CREATE TABLE picker_cache (
        account_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        pickers_json TEXT NOT NULL,
        refreshed_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, kind)
      ) WITHOUT ROWID;

      CREATE TABLE submissions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        draft_id TEXT,
        list_id TEXT NOT NULL,
        callee_count INTEGER NOT NULL,
        callee_sha256 TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        state TEXT NOT NULL
          CHECK (state IN ('queued', 'sending', 'waiting', 'attention', 'done', 'cancelled')),
        stage TEXT NOT NULL,
        sent INTEGER NOT NULL DEFAULT 0,
        checkpoint_json TEXT,
        task_id TEXT,
        confirmed INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        error_json TEXT,
        next_attempt_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      -- One live submission per task name and account: the name is the idempotency key.
      CREATE UNIQUE INDEX submissions_one_per_name
        ON submissions (account_id, kind, name) WHERE state <> 'cancelled';

      CREATE TABLE audit_entries (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        type TEXT NOT NULL,
        submission_id TEXT,
        payload_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_by_submission ON audit_entries (submission_id, seq);
      CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `);
  },
};
