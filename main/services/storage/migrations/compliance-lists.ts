import type { Migration } from '../migrations';

/**
 * Calling compliance, the lists' side (issue 17).
 *
 * - `lists.derived_from`: the list a hidden list was derived from. What a campaign sends after
 *   its exclusions is written as a new list with its own callee fingerprint (the outbox queues
 *   lists by reference); it is not one of the manager's lists, so the lists screen skips it.
 * - `list_dnc_marks`: per imported list, how many callable numbers are on a DNC list ("marked at
 *   import"), with the DNC version the count was made at; recounted when that version moves.
 */
export const complianceListsMigration: Migration = {
  version: 9,
  describe: 'hidden derived lists and the DNC marks of lists',
  up(db) {
    db.exec(`
      ALTER TABLE lists ADD COLUMN derived_from TEXT;
      CREATE TABLE list_dnc_marks (
        list_id TEXT PRIMARY KEY REFERENCES lists (id) ON DELETE CASCADE,
        count INTEGER NOT NULL,
        dnc_version INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
