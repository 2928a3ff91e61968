import type { Migration } from '../migrations';

/**
 * Call-center task records have no "called" counter (itniotech.md §4.4); earlier versions stored
 * total − remainCount there, which made a cancelled task read 100 %. The board keeps a stored
 * value when a poll brings none, so the derived numbers are cleared once here.
 */
export const ccCalledCounterMigration: Migration = {
  version: 5,
  describe: 'clear the derived "called" counts of call-center tasks',
  up(db) {
    db.exec(`
      UPDATE monitor_tasks SET called = NULL WHERE kind = 'cc-preview';
      UPDATE monitor_counters SET called = NULL
        WHERE task_row IN (SELECT id FROM monitor_tasks WHERE kind = 'cc-preview');
    `);
  },
};
