import type { Migration } from '../migrations';

/**
 * The live task board: the last snapshot of every task row (so the board opens instantly and
 * works offline), each account's polling status, counters over time (one point per poll, for the
 * chart and the ETA), alert thresholds, and the notifications already sent (each fires once).
 *
 * `monitor_tasks.id` is the row id the board's deltas use; AUTOINCREMENT so an id is never reused
 * after a row is removed (a late delta can never land on another task).
 */
export const monitorMigration: Migration = {
  version: 3,
  describe: 'task board snapshot, counter history, alert thresholds',
  up(db) {
    db.exec(`
      CREATE TABLE monitor_tasks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        row_key TEXT NOT NULL UNIQUE,
        account_id TEXT NOT NULL,
        vendor TEXT NOT NULL,
        kind TEXT NOT NULL,
        task_id TEXT NOT NULL,
        name TEXT NOT NULL,
        state TEXT NOT NULL,
        status_code TEXT NOT NULL,
        status_label TEXT NOT NULL,
        total INTEGER,
        called INTEGER,
        success INTEGER,
        failed INTEGER,
        transferred INTEGER,
        created_at INTEGER,
        finished_at INTEGER,
        seen_at INTEGER NOT NULL
      );
      CREATE INDEX monitor_tasks_by_account ON monitor_tasks (account_id, state);
      CREATE TABLE monitor_counters (
        task_row INTEGER NOT NULL REFERENCES monitor_tasks (id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        total INTEGER,
        called INTEGER,
        success INTEGER,
        failed INTEGER,
        transferred INTEGER,
        PRIMARY KEY (task_row, at)
      ) WITHOUT ROWID;
      CREATE TABLE monitor_accounts (
        account_id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state IN ('never', 'ok', 'error')),
        last_success_at INTEGER,
        last_attempt_at INTEGER,
        error_code TEXT,
        error_en TEXT,
        error_zh TEXT,
        first_sync_done INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE monitor_thresholds (
        scope TEXT PRIMARY KEY,
        success_rate_below REAL NOT NULL,
        after_calls INTEGER NOT NULL
      );
      CREATE TABLE monitor_notified (
        row_key TEXT NOT NULL,
        condition TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (row_key, condition)
      ) WITHOUT ROWID;
    `);
  },
};
