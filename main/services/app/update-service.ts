import type { LocalizedText } from '../../../shared/domain/locale';
import {
  UpdateVersionSchema,
  type UpdateFailure,
  type UpdateState,
} from '../../../shared/domain/update';
import type { Clock, Logger, Updater, UpdaterEvent } from '../../ports';
import { AppError } from '../errors';
import type { Scheduler } from '../monitor/scheduler';

/** How often the feed is asked after the check at start: daily. */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1_000;

/**
 * Auto-update as the app sees it: the schedule (a check at start, then every 24 hours) and the
 * state the window shows (off, idle → checking → downloading → ready → installing, or error in
 * words).
 *
 * The download runs in the background by itself; installing happens only when the person
 * clicks Restart (`installAndRestart`), never on a schedule or on quit. A scheduled check is
 * skipped while a download runs or a verified update waits for the click, so the "ready"
 * notice stays put.
 */
export class UpdateService {
  private current: UpdateState;
  private cancelNext: (() => void) | null = null;
  private stopped = false;
  private readonly listeners = new Set<(state: UpdateState) => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly deps: {
      readonly updater: Updater;
      readonly scheduler: Scheduler;
      readonly clock: Clock;
      readonly logger: Logger;
      readonly intervalMs?: number;
    },
  ) {
    const off = deps.updater.off;
    this.current =
      off === null ? { state: 'idle', checkedAt: null } : { state: 'off', reason: off };
    this.unsubscribe = deps.updater.onEvent((event) => this.apply(event));
  }

  /** Checks now and then every 24 hours (nothing when updates are off in this build). */
  start(): void {
    if (this.current.state === 'off' || this.stopped || this.cancelNext) return;
    this.deps.logger.info('updates: checking at start and every 24 hours');
    this.scheduleCheck(0);
  }

  /** The state to show. */
  state(): UpdateState {
    return this.current;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: (state: UpdateState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The person clicked Restart: installs the verified update and restarts the app. */
  async installAndRestart(): Promise<void> {
    const state = this.current;
    if (state.state !== 'ready') {
      throw new AppError(
        'CONFLICT',
        {
          en: 'There is no downloaded update to install. Campaign Desk checks for one every day and says when it is ready.',
          'zh-CN': '没有已下载的更新可安装。Campaign Desk 每天检查一次更新，准备就绪时会提示您。',
        },
        { failure: 'no-update', state: state.state },
      );
    }
    this.set({ state: 'installing', version: state.version });
    await this.deps.updater.installAndRestart();
  }

  /** Stops the schedule (the app is quitting). */
  stop(): void {
    this.stopped = true;
    this.cancelNext?.();
    this.cancelNext = null;
    this.unsubscribe();
  }

  private scheduleCheck(delayMs: number): void {
    this.cancelNext = this.deps.scheduler.schedule(delayMs, async () => {
      this.cancelNext = null;
      await this.runCheck();
      if (!this.stopped) this.scheduleCheck(this.deps.intervalMs ?? UPDATE_CHECK_INTERVAL_MS);
    });
  }

  private async runCheck(): Promise<void> {
    const busy = ['checking', 'downloading', 'ready', 'installing'] as const;
    if ((busy as readonly string[]).includes(this.current.state)) return;
    await this.deps.updater.check();
  }

  private apply(event: UpdaterEvent): void {
    const now = new Date(this.deps.clock.now()).toISOString();
    switch (event.kind) {
      case 'checking':
        this.set({ state: 'checking' });
        return;
      case 'not-available':
        this.set({ state: 'idle', checkedAt: now });
        return;
      case 'available': {
        const version = versionOrNull(event.version);
        if (version === null) {
          this.fail('feed', null, 'the feed named a version that is not semver', now);
          return;
        }
        this.set({ state: 'downloading', version, percent: null });
        return;
      }
      case 'progress':
        if (this.current.state === 'downloading') {
          const percent = Math.min(100, Math.max(0, event.percent));
          this.set({ ...this.current, percent: Number.isFinite(percent) ? percent : null });
        }
        return;
      case 'downloaded': {
        const version = versionOrNull(event.version);
        if (version === null) {
          this.fail('feed', null, 'the feed named a version that is not semver', now);
          return;
        }
        this.deps.logger.info('updates: a verified update is ready', { version });
        this.set({ state: 'ready', version });
        return;
      }
      case 'failed':
        this.fail(event.failure, versionOrNull(event.version), event.detail, now);
        return;
    }
  }

  private fail(failure: UpdateFailure, version: string | null, detail: string, at: string): void {
    this.deps.logger.warn('updates: failed', { failure, version, detail });
    this.set({ state: 'error', failure, version, message: failureText(failure, version), at });
  }

  private set(state: UpdateState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}

function versionOrNull(version: string | null): string | null {
  if (version === null) return null;
  return UpdateVersionSchema.safeParse(version).success ? version : null;
}

/** What went wrong and what happens next, in words. */
export function failureText(failure: UpdateFailure, version: string | null): LocalizedText {
  const en = version === null ? 'the new version' : `version ${version}`;
  const zh = version === null ? '新版本' : `版本 ${version} `;
  switch (failure) {
    case 'signature':
      return {
        en: `An update to ${en} of Campaign Desk was downloaded but refused: its signature does not verify against Campaign Desk’s update key, so it may not come from the Campaign Desk team. It was deleted and nothing was installed.`,
        'zh-CN': `已下载 Campaign Desk 的${zh}更新，但已拒绝安装：它的签名无法通过 Campaign Desk 更新密钥的验证，可能并非来自 Campaign Desk 团队。该文件已删除，未安装任何内容。`,
      };
    case 'network':
      return {
        en: 'Campaign Desk could not reach its update server. It will try again tomorrow; your work is not affected.',
        'zh-CN': 'Campaign Desk 无法连接更新服务器，将于明天再试；您的工作不受影响。',
      };
    case 'feed':
      return {
        en: 'The update server’s answer could not be used. Campaign Desk will check again tomorrow; nothing was installed.',
        'zh-CN': '更新服务器的应答无法使用。Campaign Desk 将于明天再次检查；未安装任何内容。',
      };
    case 'download':
      return {
        en: `The download of ${en} broke off or did not match the update server’s checksum, so it was discarded. Campaign Desk will try again tomorrow.`,
        'zh-CN': `${zh}的下载中断，或与更新服务器提供的校验值不符，已被丢弃。Campaign Desk 将于明天再试。`,
      };
    case 'install':
      return {
        en: `The installer of ${en} could not be started. Campaign Desk keeps running the current version and will check again tomorrow.`,
        'zh-CN': `无法启动${zh}的安装程序。Campaign Desk 继续运行当前版本，并将于明天再次检查。`,
      };
  }
}
