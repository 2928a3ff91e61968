import type { Migration } from '../migrations';

/**
 * The fingerprint of a list's callable rows (count and SHA-256, `lists/callee-fingerprint.ts`),
 * computed while the import writes them, so the outbox queues a list by reference and reads its
 * rows once, as it sends them. Lists imported before stay NULL: the outbox computes theirs from the
 * rows when it needs it.
 */
export const listCalleeFingerprintMigration: Migration = {
  version: 7,
  describe: "the fingerprint of each list's callable rows",
  up(db) {
    db.exec(`
      ALTER TABLE lists ADD COLUMN callee_count INTEGER;
      ALTER TABLE lists ADD COLUMN callee_sha256 TEXT;
    `);
  },
};
