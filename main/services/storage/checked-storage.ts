import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { BackupId, StorageProblem, StorageState } from '../../../shared/domain/storage';
import type { Clock, Logger } from '../../ports';
import { AppError } from '../errors';
import {
  BACKUPS_KEPT,
  applyPendingRecovery,
  backupIdFor,
  completeBackup,
  ensureBackupsFolder,
  isBackupDue,
  isEmptiedDatabase,
  keptNameFor,
  listBackups,
  partialBackupPath,
  readBackups,
  schedulePendingRecovery,
} from './backups';
import { describeDamage } from './damage-areas';
import { isDamagedDatabaseError, openConnection, openDatabase } from './database';
import { startIntegrityCheck, type CheckResult, type IntegrityCheck } from './integrity-check';
import { runMigrations } from './migrations';
import { MIGRATIONS } from './migrations/index';

/** How long start-up waits for the check before going on and letting it finish beside the app. */
export const CHECK_BUDGET_MS = 250;

/**
 * Start-up waits for the check only on a database this small (pages × page size): quick_check
 * reads about 5 ms per MB on a busy 2-core machine (`test/bench/storage.bench.ts`), so a larger
 * one would not finish within the budget anyway, and waiting would only slow the start.
 */
export const CHECK_WAIT_MAX_BYTES = 32 * 1024 * 1024;

/** What `openCheckedStorage` needs. */
export interface CheckedStorageOptions {
  /** The database file (`:memory:` for tests: no check, no backups). */
  readonly file: string;
  /** Where the daily backups go (`backups/` in the data folder). */
  readonly backupsFolder: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * How long start-up waits for the check (default: `CHECK_BUDGET_MS`, or 0 for a database
   * larger than `CHECK_WAIT_MAX_BYTES`).
   */
  readonly checkBudgetMs?: number;
  /** How many daily backups to keep (default 7). */
  readonly keepBackups?: number;
}

type Listener = (state: StorageState) => void;

/**
 * The app database, checked at start, backed up daily, and recoverable when damaged.
 *
 * At start: a recovery the person chose last time is carried out; the file is opened (a damaged
 * header fails here); `PRAGMA quick_check` runs in a thread, and start-up waits for it at most
 * the budget (not at all for a database too large to be checked within it); a sound database gets the day's `VACUUM INTO` backup from the same thread, so the
 * backups are always of a database that passed the check. On damage, `database` is an empty
 * in-memory database (recovery mode: every service still starts, nothing touches the file) and
 * `state()` says what was found; the person restores a backup or starts empty, and the swap is
 * done at the next start (`backups.ts`).
 */
export class CheckedStorage {
  private current: StorageState;
  private readonly listeners = new Set<Listener>();
  private check: IntegrityCheck | null = null;
  private pending: Promise<unknown> = Promise.resolve();

  private constructor(
    /** The connection every service uses (in-memory in recovery mode). */
    readonly database: DatabaseSync,
    initial: StorageState,
    private readonly options: CheckedStorageOptions,
  ) {
    this.current = initial;
  }

  /** Opens and checks the database; never throws for a damaged file (recovery mode instead). */
  static open(options: CheckedStorageOptions): CheckedStorage {
    const { file, logger } = options;
    if (file === ':memory:') {
      return new CheckedStorage(openDatabase(file), { state: 'ok', check: 'skipped' }, options);
    }
    const recovery = applyPendingRecovery(file, options.backupsFolder, logger);
    const restoreFailed = 'failed' in recovery;
    const damaged = (problem: StorageProblem): CheckedStorage => {
      const foundAt = options.clock.now();
      logger.error('storage: the database is damaged; starting in recovery mode', {
        problem: problem.kind,
        ...(problem.kind === 'damaged' ? { areas: problem.areas, problems: problem.problems } : {}),
      });
      return new CheckedStorage(
        openDatabase(':memory:'),
        {
          state: 'damaged',
          problem,
          foundAt,
          keptAs: keptNameFor(file, foundAt),
          backups: listBackups(options.backupsFolder),
          restoreFailed,
        },
        options,
      );
    };

    const backups = listBackups(options.backupsFolder);
    // An emptied file (a crash while it was copied, a full disk) opens as a new, empty database:
    // the lists would silently be gone. After the first start it always holds the schema.
    if (backups.length > 0 && isEmptiedDatabase(file)) return damaged({ kind: 'unreadable' });

    let db: DatabaseSync;
    try {
      db = openConnection(file);
    } catch (error) {
      if (isDamagedDatabaseError(error)) return damaged({ kind: 'unreadable' });
      throw error;
    }
    let bytes: number;
    try {
      // Reads page 1: a damaged header answers "file is not a database" here.
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      bytes = Number(
        db
          .prepare(
            'SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()',
          )
          .get()?.['bytes'],
      );
    } catch (error) {
      db.close();
      if (isDamagedDatabaseError(error)) return damaged({ kind: 'unreadable' });
      throw error;
    }

    const backupId = isBackupDue(backups, options.clock.now())
      ? backupIdFor(options.clock.now())
      : null;
    if (backupId !== null) ensureBackupsFolder(options.backupsFolder);
    const check = startIntegrityCheck(file, {
      waitMs: options.checkBudgetMs ?? (bytes <= CHECK_WAIT_MAX_BYTES ? CHECK_BUDGET_MS : 0),
      ...(backupId !== null
        ? { backupTo: partialBackupPath(options.backupsFolder, backupId) }
        : {}),
    });
    const found = check.immediate === null ? null : problemOf(check.immediate);
    if (found !== null) {
      db.close();
      void check.stop();
      return damaged(found);
    }
    try {
      runMigrations(db, MIGRATIONS);
    } catch (error) {
      db.close();
      void check.stop();
      if (isDamagedDatabaseError(error)) return damaged({ kind: 'unreadable' });
      throw error;
    }
    const storage = new CheckedStorage(
      db,
      {
        state: 'ok',
        check:
          check.immediate === null
            ? 'running'
            : check.immediate.kind === 'failed'
              ? 'unavailable'
              : 'passed',
      },
      options,
    );
    storage.follow(check, backupId);
    return storage;
  }

  /** The state the recovery screen and the status channel show. */
  state(): StorageState {
    return this.current;
  }

  /** Calls `listener` whenever the state changes (a check finished after start-up). */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Settles when the start-up check and the day's backup (if any) are done. */
  async settled(): Promise<void> {
    await this.pending;
  }

  /**
   * Restores `backup` at the next start, keeping the damaged file under `keptAs`.
   *
   * The backup is checked first (the same quick_check, in a thread), so a damaged backup is
   * refused now rather than found at the next start.
   */
  async scheduleRestore(backup: BackupId): Promise<void> {
    const state = this.damagedState();
    if (!(await readBackups(this.options.backupsFolder)).some((known) => known.id === backup)) {
      throw new AppError(
        'NOT_FOUND',
        {
          en: 'That backup is no longer in the backups folder. Choose another one.',
          'zh-CN': '该备份已不在备份文件夹中。请选择其他备份。',
        },
        { backup },
      );
    }
    const check = startIntegrityCheck(path.join(this.options.backupsFolder, backup), {
      waitMs: 0,
    });
    const result = await check.result;
    await check.stop();
    if (result.kind !== 'ok') {
      throw new AppError(
        'CONFLICT',
        {
          en: 'That backup could not be checked or is damaged too, so it was not restored. Choose an older backup, or start with an empty database.',
          'zh-CN': '该备份无法检查或同样已损坏，因此未恢复。请选择更早的备份，或使用空数据库启动。',
        },
        { backup, check: result.kind },
      );
    }
    await schedulePendingRecovery(this.options.backupsFolder, {
      action: 'restore',
      backup,
      keepAs: state.keptAs,
    });
    this.options.logger.info('storage: restore scheduled for the next start', { backup });
  }

  /** Starts with an empty database at the next start, keeping the damaged file under `keptAs`. */
  async scheduleStartEmpty(): Promise<void> {
    const state = this.damagedState();
    await schedulePendingRecovery(this.options.backupsFolder, {
      action: 'start-empty',
      keepAs: state.keptAs,
    });
    this.options.logger.info('storage: start with an empty database scheduled');
  }

  /** Stops a check or backup still running (an unfinished backup is never kept as one). */
  async close(): Promise<void> {
    await this.check?.stop();
  }

  private damagedState(): Extract<StorageState, { state: 'damaged' }> {
    if (this.current.state !== 'damaged') {
      throw new AppError('CONFLICT', {
        en: 'The database is in order; there is nothing to recover.',
        'zh-CN': '数据库正常，无需恢复。',
      });
    }
    return this.current;
  }

  private setState(state: StorageState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }

  /** Follows a check that outlived start-up, and completes the backup it takes. */
  private follow(check: IntegrityCheck, backupId: BackupId | null): void {
    this.check = check;
    const { logger, backupsFolder, file } = this.options;
    const checked = async () => {
      const result = await check.result;
      const problem = problemOf(result);
      if (problem !== null) {
        const foundAt = this.options.clock.now();
        logger.error('storage: the check found damage after start-up', { problem: problem.kind });
        this.setState({
          state: 'damaged',
          problem,
          foundAt,
          keptAs: keptNameFor(file, foundAt),
          backups: await readBackups(backupsFolder),
          restoreFailed: false,
        });
      } else if (result.kind === 'failed') {
        logger.warn('storage: the database check could not run', { reason: result.reason });
        if (this.current.state === 'ok' && this.current.check === 'running') {
          this.setState({ state: 'ok', check: 'unavailable' });
        }
      } else if (this.current.state === 'ok' && this.current.check === 'running') {
        this.setState({ state: 'ok', check: 'passed' });
      }
    };
    const backedUp = async () => {
      const backup = await check.backup;
      if (backupId === null) return;
      if (backup.kind === 'written') {
        const { removed } = await completeBackup(
          backupsFolder,
          backupId,
          this.options.keepBackups ?? BACKUPS_KEPT,
        );
        logger.info('storage: daily backup taken', { backup: backupId, removed });
      } else {
        await rm(partialBackupPath(backupsFolder, backupId), { force: true });
        if (backup.kind === 'failed') {
          logger.warn('storage: the daily backup failed', { reason: backup.reason });
        }
      }
    };
    const settle = async () => {
      try {
        await Promise.all([checked(), backedUp()]);
      } catch (error) {
        // Never unhandled: a failed rotation or rename costs a backup, not the app.
        logger.error('storage: the backup could not be completed', {
          reason: error instanceof Error ? error.name : 'unknown',
        });
      }
    };
    this.pending = settle();
  }
}

/** The problem a check result shows, or null when it shows none. */
function problemOf(result: CheckResult): StorageProblem | null {
  if (result.kind === 'unreadable') return { kind: 'unreadable' };
  if (result.kind !== 'damaged') return null;
  return { kind: 'damaged', ...describeDamage(result.lines, result.schema) };
}
