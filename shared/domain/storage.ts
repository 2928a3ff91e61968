import { z } from 'zod';

/**
 * A daily backup's name, e.g. `campaign-desk-2025-01-31.db` (the day it was taken, UTC).
 *
 * The name is the backup's id across IPC; the pattern keeps a request from naming any other file.
 */
export const BackupIdSchema = z
  .string()
  .regex(/^campaign-desk-\d{4}-\d{2}-\d{2}\.db$/, 'This is not the name of a backup.');
export type BackupId = z.infer<typeof BackupIdSchema>;

/** One backup in the data folder's `backups/` folder. */
export const BackupSchema = z.strictObject({
  id: BackupIdSchema,
  /** The day it was taken, `YYYY-MM-DD` (UTC). */
  takenOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sizeBytes: z.number().int().nonnegative(),
});
export type Backup = z.infer<typeof BackupSchema>;

/** The parts of the data a damaged page belongs to, in the words the screen uses. */
export const StorageAreaSchema = z.enum(['lists', 'drafts', 'submissions', 'tasks', 'other']);
export type StorageArea = z.infer<typeof StorageAreaSchema>;

/**
 * What the start-up check found.
 *
 * - `unreadable`: the file's header cannot be read (SQLite: "not a database", or damage as it
 *   opens), or the file is empty although backups exist; nothing in it can be opened.
 * - `damaged`: the file opens, but `PRAGMA quick_check` found damaged pages; `areas` says where
 *   (empty when SQLite could not tell), `problems` how many lines it reported.
 */
export const StorageProblemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unreadable') }),
  z.strictObject({
    kind: z.literal('damaged'),
    areas: z.array(StorageAreaSchema),
    problems: z.number().int().nonnegative(),
  }),
]);
export type StorageProblem = z.infer<typeof StorageProblemSchema>;

/**
 * The database's state, as the start-up check left it.
 *
 * `ok.check` is `running` while a large database is still being checked off the main thread
 * (the result arrives as a `storage.changed` event), `skipped` for an in-memory database, and
 * `unavailable` when the check could not run (e.g. the file was locked; that is not damage).
 * `damaged` means the app runs in recovery mode on an empty in-memory database: the damaged file
 * is left untouched until the person restores a backup or starts empty, and then kept under
 * `keptAs` beside the database, never deleted.
 */
export const StorageStateSchema = z.discriminatedUnion('state', [
  z.strictObject({
    state: z.literal('ok'),
    check: z.enum(['passed', 'running', 'skipped', 'unavailable']),
  }),
  z.strictObject({
    state: z.literal('damaged'),
    problem: StorageProblemSchema,
    /** When the check found it (ms since the epoch). */
    foundAt: z.number().int(),
    /** The file name the damaged database will be kept under, in the data folder. */
    keptAs: z.string(),
    /** Newest first. */
    backups: z.array(BackupSchema),
    /** The last restore could not be carried out (e.g. the backup could not be copied). */
    restoreFailed: z.boolean(),
  }),
]);
export type StorageState = z.infer<typeof StorageStateSchema>;

/** The answer to a recovery request: whether the app restarts by itself to finish it. */
export const RecoveryStartedSchema = z.strictObject({ restarting: z.boolean() });
export type RecoveryStarted = z.infer<typeof RecoveryStartedSchema>;
