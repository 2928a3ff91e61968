import path from 'node:path';
import type { SettingsRecovery } from '../../../shared/domain/settings-recovery';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import { AppError } from '../errors';
import {
  inspectSettingsFile,
  moveAside,
  settingsFiles,
  writeFileAtomically,
  type SettingsFileState,
  type SettingsFiles,
} from './settings-file';

/** How to open the store over its file once the file is known to be readable. */
export type OpenKeyValueStore = (folder: string, name: string) => KeyValueStore;

/** Options of {@link BackedUpKeyValueStore.open}. */
export interface BackedUpStoreOptions {
  /** The data folder; the store's file is `<folder>/<name>.json`. */
  readonly folder: string;
  readonly name?: string;
  /** Opens the underlying store: `conf` under Node, electron-store in the app. */
  readonly open: OpenKeyValueStore;
  readonly logger: Logger;
  readonly clock?: Clock;
}

/**
 * The settings store that survives a damaged file: the one place both the conf store (tests,
 * browser host) and the electron-store adapter (the app) get their backup and recovery from.
 *
 * - Every write is followed by a copy of the file, checked, to `settings.backup.json`: the last
 *   good copy.
 * - On opening, a settings file that is not JSON or not a settings file is renamed aside
 *   (`settings.damaged-<time>.json`, never deleted) and the backup takes its place; what happened
 *   is kept for a notice the renderer shows once (`recovery()`).
 * - A file damaged while the app runs is not written over: writes fail with an error that says
 *   to restart, reads answer from the last good copy, and the next start recovers as above.
 *
 * The file checks run before the underlying store is opened, because conf refuses to open a
 * file that is not JSON ("not valid JSON") and would otherwise stop the app from starting.
 */
export class BackedUpKeyValueStore implements KeyValueStore {
  private backupWanted = false;
  private damageReported = false;
  private backupRun: Promise<void> | null = null;
  private lastBackup: string | null;

  private constructor(
    private readonly inner: KeyValueStore,
    private readonly files: SettingsFiles,
    private readonly found: SettingsRecovery | null,
    private readonly logger: Logger,
    backedUp: string | null,
  ) {
    this.lastBackup = backedUp;
  }

  /** Checks (and if need be repairs) the settings file, then opens the store over it. */
  static async open(options: BackedUpStoreOptions): Promise<BackedUpKeyValueStore> {
    const name = options.name ?? 'settings';
    const files = settingsFiles(options.folder, name);
    const at = new Date((options.clock ?? { now: () => Date.now() }).now());
    const { recovery, backedUp } = await recoverSettingsFile(files, at, options.logger);
    const inner = options.open(options.folder, name);
    return new BackedUpKeyValueStore(inner, files, recovery, options.logger, backedUp);
  }

  get path(): string {
    return this.inner.path;
  }

  get(key: string): unknown {
    try {
      return this.inner.get(key);
    } catch (error) {
      if (!isUnreadableFile(error)) throw error;
      this.reportDamage();
      // Reads answer from the last good copy, so the app keeps working (and every error can
      // still be worded in the person's language) until it is restarted and recovers the file.
      return valueAt(this.lastGood(), key);
    }
  }

  set(key: string, value: unknown): void {
    this.refuseIfDamaged(() => this.inner.set(key, value));
    this.requestBackup();
  }

  delete(key: string): void {
    this.refuseIfDamaged(() => this.inner.delete(key));
    this.requestBackup();
  }

  /** What was repaired when the store was opened, or null when the file was fine. */
  recovery(): SettingsRecovery | null {
    return this.found;
  }

  /** Resolves once the backup of every write so far is on disk. */
  async flush(): Promise<void> {
    while (this.backupRun) await this.backupRun;
  }

  /** A write over a file damaged since it was opened would lose what the file holds: refused. */
  private refuseIfDamaged(write: () => void): void {
    try {
      write();
    } catch (error) {
      if (!isUnreadableFile(error)) throw error;
      this.reportDamage();
      throw damagedWhileRunning();
    }
  }

  private reportDamage(): void {
    if (this.damageReported) return;
    this.damageReported = true;
    this.logger.error('The settings file became unreadable while the app was running.', {
      file: path.basename(this.files.file),
    });
  }

  private lastGood(): unknown {
    return this.lastBackup === null ? {} : (JSON.parse(this.lastBackup) as unknown);
  }

  private requestBackup(): void {
    this.backupWanted = true;
    this.backupRun ??= this.runBackups();
  }

  /** Copies the file to the backup until no write is waiting (one copy for a burst of writes). */
  private async runBackups(): Promise<void> {
    try {
      while (this.backupWanted) {
        this.backupWanted = false;
        await this.backupOnce();
      }
    } finally {
      this.backupRun = null;
    }
  }

  private async backupOnce(): Promise<void> {
    try {
      const current = await inspectSettingsFile(this.files.file);
      // Only a good copy becomes the backup: a file damaged since the write keeps the old one.
      if (current.state !== 'good') {
        this.logger.warn('The settings file was not copied to its backup: it is not readable.', {
          state: current.state,
        });
        return;
      }
      if (current.text === this.lastBackup) return;
      await writeFileAtomically(this.files.backup, current.text);
      this.lastBackup = current.text;
    } catch (error) {
      // The settings themselves are saved; a backup that failed is retried on the next write.
      this.logger.warn('The settings backup could not be written.', { error: errorCode(error) });
    }
  }
}

/**
 * Makes the settings file readable before the store opens it, and says what it did.
 *
 * Returns the text the backup holds afterwards (null when unknown), so the first write after
 * opening does not copy the same text again.
 */
async function recoverSettingsFile(
  files: SettingsFiles,
  at: Date,
  logger: Logger,
): Promise<{ recovery: SettingsRecovery | null; backedUp: string | null }> {
  const current = await inspectSettingsFile(files.file);
  let backup: SettingsFileState;
  try {
    backup = await inspectSettingsFile(files.backup);
  } catch (error) {
    logger.warn('The settings backup could not be read.', { error: errorCode(error) });
    backup = { state: 'missing' };
  }

  if (current.state === 'good') {
    if (backup.state === 'good' && backup.text === current.text) {
      return { recovery: null, backedUp: current.text };
    }
    try {
      await writeFileAtomically(files.backup, current.text);
      return { recovery: null, backedUp: current.text };
    } catch (error) {
      logger.warn('The settings backup could not be written.', { error: errorCode(error) });
      return { recovery: null, backedUp: null };
    }
  }

  if (current.state === 'missing') {
    // A write replaces the file in one rename, so a file that is gone while its backup is
    // there was removed by something else: bring the last good copy back.
    if (backup.state !== 'good') return { recovery: null, backedUp: null };
    await writeFileAtomically(files.file, backup.text);
    logger.warn('The settings file was missing; the last good copy was restored.', {});
    return {
      recovery: {
        at: at.toISOString(),
        problem: 'missing',
        restoredFrom: 'backup',
        keptAs: null,
      },
      backedUp: backup.text,
    };
  }

  const keptAs = await moveAside(files.file, (attempt) => files.damagedName(at, attempt));
  const restoredFrom = backup.state === 'good' ? 'backup' : 'nothing';
  if (backup.state === 'good') await writeFileAtomically(files.file, backup.text);
  logger.warn('The settings file was damaged; it was set aside.', {
    problem: current.problem,
    keptAs: path.basename(keptAs),
    restoredFrom,
  });
  return {
    recovery: {
      at: at.toISOString(),
      problem: current.problem,
      restoredFrom,
      keptAs: path.basename(keptAs),
    },
    backedUp: backup.state === 'good' ? backup.text : null,
  };
}

/** conf reports a file it cannot parse as a SyntaxError ("… is not valid JSON"). */
function isUnreadableFile(error: unknown): boolean {
  return error instanceof Error && error.name === 'SyntaxError';
}

/** A value by conf's dotted key (`lists.recipes` is `recipes` inside `lists`). */
function valueAt(store: unknown, key: string): unknown {
  let value = store;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Readonly<Record<string, unknown>>)[part];
  }
  return value;
}

function damagedWhileRunning(): AppError {
  return new AppError('FILE_UNREADABLE', {
    en: 'The settings file was damaged while Campaign Desk was running (another program may have changed it), so nothing was saved. Restart Campaign Desk: it keeps the damaged file aside and starts from the last good copy.',
    'zh-CN':
      '设置文件在 Campaign Desk 运行期间损坏（可能被其他程序修改），因此未保存任何内容。请重新启动 Campaign Desk：它会把损坏的文件另存一旁，并从上一份完好的副本启动。',
  });
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : error instanceof Error
      ? error.name
      : typeof error;
}
