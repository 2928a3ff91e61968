import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../storage/database';

/**
 * Opens a connection for the submissions journal (and audit trail) with `synchronous = FULL`.
 *
 * The shared connection runs WAL with `synchronous = NORMAL`: safe against an app crash, but a
 * commit may be lost if the OS or power goes (a closed lid on a flat battery) before the next
 * checkpoint. A journal entry must be on disk before the first byte of a create leaves, or a
 * lost entry could make the app create the task again; FULL syncs the WAL at every commit. It
 * is per connection, so imports on the shared connection keep NORMAL, and the journal pays one
 * fsync per step (a few per submission, one per 10,000-number chunk), not per row.
 */
export function openJournalDatabase(file: string): DatabaseSync {
  const db = openDatabase(file);
  db.exec('PRAGMA synchronous = FULL');
  return db;
}
