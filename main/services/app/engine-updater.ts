import { rm } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import type { AppUpdater, NsisUpdater, UpdateDownloadedEvent, UpdateInfo } from 'electron-updater';
import type { UpdateFailure, UpdatesOffReason } from '../../../shared/domain/update';
import type { Logger, Updater, UpdaterEvent } from '../../ports';
import { verifyUpdate, type UpdateRefusal } from './update-signature';

/** What the updater is doing, which decides what an error from electron-updater means. */
type Phase = 'idle' | 'checking' | 'downloading' | 'installing';

/** A download that verified, kept for the person's click. */
interface Verified {
  readonly file: string;
  readonly info: UpdateDownloadedEvent;
}

/**
 * The `Updater` port over electron-updater's `AppUpdater` (NsisUpdater, MacUpdater,
 * AppImageUpdater), with the app's policy:
 *
 * - a newer version downloads in the background (`autoDownload`), never an older one
 *   (`allowDowngrade: false`);
 * - nothing installs on quit (`autoInstallOnAppQuit: false`): only `installAndRestart()`, the
 *   person's click on Restart, installs;
 * - a download is "downloaded" only after `verifyUpdate` accepts it (the app's Ed25519 key over
 *   version and SHA-512); a refused one is deleted and reported as `failed: signature`;
 * - on Windows the same check runs inside electron-updater's `verifyUpdateCodeSignature` hook,
 *   before the Authenticode check against `publisherName`, so electron-updater itself refuses
 *   and deletes the file (ERR_UPDATER_INVALID_SIGNATURE);
 * - the file is verified again right before it is installed.
 *
 * Plain Node: electron-updater is imported only as types, the engine is passed in
 * (`main/platform/updater.ts` passes `autoUpdater`; tests pass a real NsisUpdater over a
 * loopback feed, or a fake).
 */
export class EngineUpdater implements Updater {
  readonly off: UpdatesOffReason | null;
  private readonly listeners = new Set<(event: UpdaterEvent) => void>();
  private phase: Phase = 'idle';
  /** What the feed offered last (the Windows hook sees only a file path). */
  private offered: UpdateInfo | null = null;
  private verified: Verified | null = null;
  /** The refusal behind the next ERR_UPDATER_INVALID_SIGNATURE (the Windows hook). */
  private hookRefusal: UpdateRefusal | null = null;

  constructor(
    private readonly engine: AppUpdater,
    private readonly options: {
      readonly trustedKeys: readonly KeyObject[];
      readonly logger: Logger;
      /** Why this copy does not update (not packaged, no feed); null when it does. */
      readonly off?: UpdatesOffReason | null;
    },
  ) {
    this.off = options.off ?? (options.trustedKeys.length === 0 ? 'no-key' : null);
    const { logger } = options;
    engine.autoDownload = true;
    engine.autoInstallOnAppQuit = false;
    engine.allowDowngrade = false;
    engine.disableWebInstaller = true;
    engine.logger = {
      info: (message?: unknown) => logger.debug('updater', { message: String(message) }),
      warn: (message?: unknown) => logger.warn('updater', { message: String(message) }),
      error: (message?: unknown) => logger.warn('updater', { message: String(message) }),
    };
    if (isNsisUpdater(engine)) this.hookWindowsVerification(engine);

    engine.on('checking-for-update', () => {
      this.phase = 'checking';
      this.emit({ kind: 'checking' });
    });
    engine.on('update-not-available', () => {
      this.phase = 'idle';
      this.emit({ kind: 'not-available' });
    });
    engine.on('update-available', (info) => {
      this.offered = info;
      this.phase = 'downloading';
      this.emit({ kind: 'available', version: info.version });
    });
    engine.on('download-progress', (progress) => {
      this.emit({ kind: 'progress', percent: progress.percent });
    });
    engine.on('update-downloaded', (event) => void this.downloaded(event));
    engine.on('error', (error) => this.failed(error));
  }

  async check(): Promise<void> {
    if (this.off !== null) return;
    try {
      const result = await this.engine.checkForUpdates();
      // The background download's failure is reported through the 'error' event (electron-
      // updater dispatches it before rejecting); unobserved, the rejection would be unhandled,
      // which ends a Node process.
      void result?.downloadPromise?.catch(() => undefined);
    } catch (error) {
      // electron-updater reports the same error through its 'error' event too; that one is the
      // one reported (once), this one only ends the check.
      this.options.logger.debug('updater: the check ended with an error', {
        reason: error instanceof Error ? error.name : 'unknown',
      });
    }
  }

  onEvent(listener: (event: UpdaterEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async installAndRestart(): Promise<void> {
    const verified = this.verified;
    if (verified === null) {
      this.emit({
        kind: 'failed',
        failure: 'install',
        version: null,
        detail: 'nothing downloaded',
      });
      return;
    }
    // The file sat in a folder the user can write to since it was checked: check it again.
    const verdict = await verifyUpdate({
      file: verified.file,
      info: verified.info,
      trustedKeys: this.options.trustedKeys,
    });
    if (!verdict.ok) {
      this.verified = null;
      await this.refuse(verified.file, verified.info.version, verdict.refusal);
      return;
    }
    this.phase = 'installing';
    this.options.logger.info('updater: installing and restarting', { version: verdict.version });
    // Silent, and started again afterwards: the person already chose "Restart to update".
    this.engine.quitAndInstall(true, true);
  }

  private async downloaded(event: UpdateDownloadedEvent): Promise<void> {
    const verdict = await verifyUpdate({
      file: event.downloadedFile,
      info: event,
      trustedKeys: this.options.trustedKeys,
    });
    if (!verdict.ok) {
      await this.refuse(event.downloadedFile, event.version, verdict.refusal);
      return;
    }
    this.verified = { file: event.downloadedFile, info: event };
    this.phase = 'idle';
    this.options.logger.info('updater: update downloaded and verified', {
      version: verdict.version,
    });
    this.emit({ kind: 'downloaded', version: verdict.version });
  }

  private async refuse(file: string, version: string, refusal: UpdateRefusal): Promise<void> {
    this.phase = 'idle';
    this.options.logger.warn('updater: update refused', { version, refusal });
    // Never left where a later quit or check could pick it up.
    await rm(file, { force: true }).catch(() => undefined);
    this.emit({ kind: 'failed', failure: 'signature', version, detail: refusal });
  }

  private failed(error: Error): void {
    const failure = classifyUpdaterError(error, this.phase);
    const version = this.phase === 'checking' ? null : (this.offered?.version ?? null);
    const detail =
      failure === 'signature' && this.hookRefusal !== null
        ? this.hookRefusal
        : (codeOf(error) ?? error.name);
    this.hookRefusal = null;
    this.phase = 'idle';
    this.emit({ kind: 'failed', failure, version, detail });
  }

  /**
   * electron-updater calls `verifyUpdateCodeSignature(publisherNames, file)` after an NSIS
   * download when app-update.yml names a publisher (`NsisUpdater.verifySignature`); a non-null
   * answer makes it delete the file and fail with ERR_UPDATER_INVALID_SIGNATURE. The app's key
   * check runs first, then the default Authenticode check.
   */
  private hookWindowsVerification(engine: NsisUpdater): void {
    const authenticode = engine.verifyUpdateCodeSignature;
    engine.verifyUpdateCodeSignature = async (publisherNames, file) => {
      const verdict = await verifyUpdate({
        file,
        info: this.offered,
        trustedKeys: this.options.trustedKeys,
      });
      if (!verdict.ok) {
        this.hookRefusal = verdict.refusal;
        return `Campaign Desk's update signature did not verify (${verdict.refusal})`;
      }
      return authenticode(publisherNames, file);
    };
  }

  private emit(event: UpdaterEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

function isNsisUpdater(engine: AppUpdater): engine is NsisUpdater {
  return 'verifyUpdateCodeSignature' in engine;
}

function codeOf(error: Error): string | null {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** Network failures by Node's and Chromium's error names (Electron's `net` says `net::ERR_…`). */
const NETWORK_CODES =
  /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE)$/;

/** What an electron-updater error means for the person. */
export function classifyUpdaterError(error: Error, phase: Phase): UpdateFailure {
  const code = codeOf(error);
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') return 'signature';
  if (code === 'ERR_CHECKSUM_MISMATCH' || code === 'ERR_UPDATER_NO_CHECKSUM') return 'download';
  if ((code !== null && NETWORK_CODES.test(code)) || /net::ERR_/.test(error.message)) {
    return 'network';
  }
  if (code?.startsWith('ERR_UPDATER_')) return 'feed';
  // builder-util-runtime's HttpError: the feed answered, with a status that is not 200.
  if (typeof (error as { statusCode?: unknown }).statusCode === 'number') return 'feed';
  if (phase === 'installing') return 'install';
  if (phase === 'downloading') return 'download';
  return 'network';
}
