import { DatabaseSync } from 'node:sqlite';
import { runMigrations, type Migration } from './migrations';
import { MIGRATIONS } from './migrations/index';

/**
 * Opens (creating if needed) the app database and brings its schema up to date.
 *
 * node:sqlite is built into Node 24 and Electron's Node, so there is no native module to rebuild
 * (DESIGN.md, "Where data lives"). WAL lets readers (the table view) run while an import writes;
 * `synchronous = NORMAL` is the documented safe pairing with WAL (durable at checkpoints, never
 * corrupt). `:memory:` gives a real SQLite database for tests.
 */
export function openDatabase(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): DatabaseSync {
  const db = openConnection(file);
  try {
    runMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens one more connection to a database `openDatabase` already brought up to date (the import
 * worker writes lists on its own), with the same settings and no schema steps.
 */
export function openConnection(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * True for SQLite's answers to a damaged file: SQLITE_CORRUPT (11, "database disk image is
 * malformed") and SQLITE_NOTADB (26, "file is not a database", e.g. a damaged header). Extended
 * codes keep the primary code in the low byte (https://sqlite.org/rescode.html).
 */
export function isDamagedDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error) || !('errcode' in error)) return false;
  const code = typeof error.errcode === 'number' ? error.errcode & 0xff : 0;
  return code === 11 || code === 26;
}
