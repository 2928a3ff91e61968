import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BackupIdSchema, type Backup, type BackupId } from '../../../shared/domain/storage';
import type { Logger } from '../../ports';

// The daily backups (`VACUUM INTO`, keep 7) and the two recovery actions (restore a backup, start
// empty).

/** How many daily backups are kept. */
export const BACKUPS_KEPT = 7;

const BACKUP_NAME = /^campaign-desk-(\d{4}-\d{2}-\d{2})\.db$/;
const PENDING_FILE = 'pending-recovery.json';

/** The day (UTC) of a time, `YYYY-MM-DD`. */
function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The name of the backup taken on `time`'s day. */
export function backupIdFor(time: number): BackupId {
  return BackupIdSchema.parse(`campaign-desk-${dayOf(time)}.db`);
}

/** The day a backup file name was taken on, or null when the name is not a backup's. */
function takenOnOf(name: string): string | null {
  return BACKUP_NAME.exec(name)?.[1] ?? null;
}

function newestFirst(backups: Backup[]): Backup[] {
  return backups.sort((a, b) => (a.takenOn < b.takenOn ? 1 : a.takenOn > b.takenOn ? -1 : 0));
}

/** The backups in `folder`, newest first (none when the folder does not exist). */
export async function readBackups(folder: string): Promise<Backup[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const backups: Backup[] = [];
  for (const name of names) {
    const takenOn = takenOnOf(name);
    if (takenOn === null) continue;
    try {
      const { size } = await stat(path.join(folder, name));
      backups.push({ id: BackupIdSchema.parse(name), takenOn, sizeBytes: size });
    } catch {
      // Removed while listing (a rotation): not a backup any more.
    }
  }
  return newestFirst(backups);
}

/** Whether a backup should be taken now: none yet, or the newest is from an earlier day. */
export function isBackupDue(backups: readonly Backup[], now: number): boolean {
  const newest = backups[0];
  return newest === undefined || newest.takenOn < dayOf(now);
}

/** Where a backup is written before it is complete (renamed to its id when it is). */
export function partialBackupPath(folder: string, id: BackupId): string {
  return path.join(folder, `.${id}.partial`);
}

/**
 * Makes a finished `VACUUM INTO` file the day's backup and drops the oldest beyond `keep`.
 *
 * Only files named like a backup are ever removed, and never the one just taken.
 */
export async function completeBackup(
  folder: string,
  id: BackupId,
  keep: number = BACKUPS_KEPT,
): Promise<{ readonly removed: readonly BackupId[] }> {
  const target = path.join(folder, id);
  await chmod(partialBackupPath(folder, id), 0o600);
  await rename(partialBackupPath(folder, id), target);
  const removed: BackupId[] = [];
  for (const old of (await readBackups(folder)).slice(keep)) {
    if (old.id === id) continue;
    await rm(path.join(folder, old.id), { force: true });
    removed.push(old.id);
  }
  // A backup interrupted by quitting leaves a partial file; it is never a backup.
  for (const name of await readdir(folder)) {
    if (name.endsWith('.partial') && name !== path.basename(partialBackupPath(folder, id))) {
      await rm(path.join(folder, name), { force: true });
    }
  }
  return { removed };
}

/** The file name a damaged database is kept under, beside it: `<name>.damaged-<time>.db`. */
export function keptNameFor(databaseFile: string, foundAt: number): string {
  const extension = path.extname(databaseFile);
  const stem = path.basename(databaseFile, extension);
  const stamp = new Date(foundAt).toISOString().replace(/[:.]/g, '-');
  return `${stem}.damaged-${stamp}${extension || '.db'}`;
}

const PendingRecoverySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('restore'), backup: BackupIdSchema, keepAs: z.string() }),
  z.strictObject({ action: z.literal('start-empty'), keepAs: z.string() }),
]);
/** A recovery the person chose, carried out at the next start (when nothing holds the file). */
export type PendingRecovery = z.infer<typeof PendingRecoverySchema>;

/**
 * Records a recovery to carry out at the next start.
 *
 * The database may be open (damage found by a check that finished after start-up) and Windows
 * cannot rename an open file, so the swap happens before anything opens it again.
 */
export async function schedulePendingRecovery(
  folder: string,
  recovery: PendingRecovery,
): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = path.join(folder, PENDING_FILE);
  await writeFile(`${file}.tmp`, JSON.stringify(recovery), { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}

// ---------------------------------------------------------------------------------------------
// Start-up: what happens before the database is opened.
//
/* eslint-disable no-restricted-syntax -- synchronous on purpose: this runs once at start-up,
   before any window exists, inside `createCore`, which is synchronous and opens the database
   synchronously (node:sqlite is synchronous file I/O itself). It touches a folder of about
   eight entries, and copies a backup only when the person chose to restore one. Everything
   after start-up is asynchronous. */

/** `readBackups` at start-up. */
export function listBackups(folder: string): Backup[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const backups: Backup[] = [];
  for (const name of names) {
    const takenOn = takenOnOf(name);
    if (takenOn === null) continue;
    try {
      const { size } = statSync(path.join(folder, name));
      backups.push({ id: BackupIdSchema.parse(name), takenOn, sizeBytes: size });
    } catch {
      // Removed while listing: not a backup any more.
    }
  }
  return newestFirst(backups);
}

/** Creates the backups folder (owner only: it holds the same data as the database). */
export function ensureBackupsFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
}

/** True when the database file exists and holds nothing (and no WAL holds its pages either). */
export function isEmptiedDatabase(file: string): boolean {
  const size = (name: string) => (existsSync(name) ? statSync(name).size : 0);
  return existsSync(file) && size(file) === 0 && size(`${file}-wal`) === 0;
}

/** What a pending recovery did at start-up. */
export type RecoveryOutcome =
  | { readonly applied: false }
  | { readonly applied: true; readonly recovery: PendingRecovery }
  | { readonly applied: false; readonly failed: PendingRecovery };

/** Moves the database and its WAL and shared-memory files aside under `keepAs` (never deletes). */
function moveAside(databaseFile: string, keepAs: string): void {
  const folder = path.dirname(databaseFile);
  let target = path.join(folder, path.basename(keepAs));
  for (let n = 1; existsSync(target); n += 1) {
    target = path.join(folder, `${path.basename(keepAs)}.${String(n)}`);
  }
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(databaseFile + suffix)) renameSync(databaseFile + suffix, target + suffix);
  }
}

/**
 * Carries out a recovery recorded by `schedulePendingRecovery`, before the database is opened.
 *
 * Order matters for a crash at any step: the backup is first copied next to the database, then
 * the damaged file is moved aside, then the copy takes its name, then the record is removed. A
 * restore that cannot copy the backup leaves the damaged file where it was (the check finds it
 * again and the screen says the restore failed) rather than starting on an empty database.
 */
export function applyPendingRecovery(
  databaseFile: string,
  folder: string,
  logger: Logger,
): RecoveryOutcome {
  const file = path.join(folder, PENDING_FILE);
  let recovery: PendingRecovery;
  try {
    recovery = PendingRecoverySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    if (existsSync(file)) {
      logger.warn('storage: an unreadable recovery record was ignored', {
        reason: error instanceof Error ? error.name : 'unknown',
      });
      unlinkSync(file);
    }
    return { applied: false };
  }
  if (recovery.action === 'restore') {
    const copy = `${databaseFile}.restoring`;
    try {
      copyFileSync(path.join(folder, recovery.backup), copy);
    } catch (error) {
      logger.error('storage: the backup could not be copied; the damaged database stays', {
        backup: recovery.backup,
        code: error instanceof Error && 'code' in error ? String(error.code) : 'unknown',
      });
      unlinkSync(file);
      return { applied: false, failed: recovery };
    }
    moveAside(databaseFile, recovery.keepAs);
    renameSync(copy, databaseFile);
  } else {
    moveAside(databaseFile, recovery.keepAs);
  }
  unlinkSync(file);
  logger.info('storage: recovery carried out', { ...recovery });
  return { applied: true, recovery };
}
/* eslint-enable no-restricted-syntax */
