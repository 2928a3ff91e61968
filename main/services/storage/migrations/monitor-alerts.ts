import type { Migration } from '../migrations';

/**
 * The alerts that fired (issue 13): kept so the Alerts panel lists them across restarts, newest
 * first, until cleared. Facts only (rate, limit, counts, status code); the screen words them.
 */
export const monitorAlertsMigration: Migration = {
  version: 10,
  describe: 'fired alerts of the task monitor',
  up(db) {
    db.exec(`
      CREATE TABLE monitor_alerts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        row_key TEXT NOT NULL,
        account_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        task_name TEXT NOT NULL,
        what TEXT NOT NULL,
        rate REAL,
        limit_value REAL,
        after_calls INTEGER,
        called INTEGER,
        total INTEGER,
        status_code TEXT NOT NULL
      );
      CREATE INDEX monitor_alerts_by_time ON monitor_alerts (at DESC, id DESC);
    `);
  },
};
