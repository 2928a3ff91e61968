import type { DatabaseSync } from 'node:sqlite';
import {
  AlertThresholdSchema,
  type AccountBoardStatus,
  type AlertThreshold,
  type BoardDelta,
  type BoardRow,
  type BoardSnapshot,
  type CounterPoint,
  type PatchField,
  type PollingState,
  type TaskHistory,
  type ThresholdScope,
  type ThresholdSettings,
} from '../../../shared/domain/board';
import type { Locale } from '../../../shared/domain/locale';
import {
  ACTIVE_TASK_STATES,
  type CallRecord,
  type NumberOutcome,
  type NumberResult,
  type TaskKind,
  type TaskSummary,
} from '../../../shared/domain/task';
import type { ErrorCode } from '../../../shared/ipc/errors';
import type { Activity, Clock, Logger, Notifier } from '../../ports';
import { AppError } from '../errors';
import type { Page, TaskCapabilities, TaskDetail, Vendor } from '../vendors/vendor';
import type { TaskAction, TaskActionResult } from '../../../shared/domain/board-ui';
import type { TaskSearchResult } from '../../../shared/domain/task-search';
import { runTaskAction } from './task-actions';
import { alertsFor } from './alerts';
import type { FiredAlerts } from '../../../shared/domain/fired-alerts';
import {
  changedFields,
  groupPatches,
  mergeFields,
  rowFieldsOf,
  type RowFields,
} from './board-rows';
import { estimateEta } from './eta';
import { MonitorStore, type StoredAccount } from './monitor-store';
import { SubmittedTasksRepository } from '../storage/submitted-tasks-repository';
import {
  BudgetExhausted,
  RequestBudget,
  activeQueries,
  clampPageSize,
  detailAdds,
  requestCost,
} from './polling-plan';
import type { Scheduler } from './scheduler';

/** The accounts to watch, and their vendor clients (AccountsService fits). */
export interface MonitorAccounts {
  list(): readonly { readonly id: string }[];
  vendor(id: string): Promise<Vendor>;
  /** Called after accounts are added or removed, so the monitor follows. */
  onChange?(listener: () => void): () => void;
}

/** Tunables; every one has a default. */
export interface TaskMonitorOptions {
  /** Poll interval of an account with active tasks (default 5 s). */
  readonly activeIntervalMs?: number;
  /** Poll interval of an account without active tasks: the new-task check only (default 60 s). */
  readonly idleIntervalMs?: number;
  /** First retry delay after a failed cycle, doubled per failure up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Most vendor requests per account per cycle (default 20). */
  readonly requestBudget?: number;
  /** Rows per list request, 1–100 (default 100). */
  readonly pageSize?: number;
  /** Pages of history per kind the first sync of an account lists (default 3). */
  readonly initialPages?: number;
  /** Rows of the "new tasks" check: page 1, newest first (default 20). */
  readonly newTaskPageSize?: number;
  /** Most task details (getTask) per account per cycle (default 10). */
  readonly detailsPerCycle?: number;
  /** Counter history kept (default 30 days). */
  readonly historyRetentionMs?: number;
  /** How far back the ETA's rate looks (default 10 min). */
  readonly etaWindowMs?: number;
  /** Pages per kind a content search reads (default 3, so at most 300 tasks per kind). */
  readonly searchPages?: number;
}

/** What a TaskMonitor is built from (ports; nothing global). */
export interface TaskMonitorDeps {
  readonly db: DatabaseSync;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly logger: Logger;
  readonly notifier: Notifier;
  readonly activity: Activity;
  readonly accounts: MonitorAccounts;
  /** The UI language, for notification texts. */
  readonly locale: () => Locale;
  readonly options?: TaskMonitorOptions;
}

type Settings = Required<TaskMonitorOptions>;

const DEFAULTS: Settings = {
  activeIntervalMs: 5_000,
  idleIntervalMs: 60_000,
  backoffMs: 10_000,
  maxBackoffMs: 300_000,
  requestBudget: 20,
  pageSize: 100,
  initialPages: 3,
  newTaskPageSize: 20,
  detailsPerCycle: 10,
  historyRetentionMs: 30 * 86_400_000,
  etaWindowMs: 10 * 60_000,
  searchPages: 3,
};

/** Where an account's listing of active tasks stands (a pass may span cycles). */
interface ActivePass {
  query: number;
  page: number;
  readonly seen: Set<string>;
}

interface AccountRuntime {
  readonly id: string;
  stored: StoredAccount;
  cancelTimer: (() => void) | null;
  nextPollAt: number | null;
  running: Promise<void> | null;
  abort: AbortController | null;
  failures: number;
  requests: number;
  /** Per kind: the active pass in progress. */
  readonly passes: Map<TaskKind, ActivePass>;
  /** Per kind: the next history page of the first sync, or 'done'. */
  readonly history: Map<TaskKind, number | 'done'>;
  /** Row keys whose detail is due (they left the active states); kept across cycles. */
  readonly lookups: Set<string>;
  /** When each row's detail was last fetched, for round-robin enrichment. */
  readonly detailAt: Map<string, number>;
  /** True when the last cycle stopped at the budget with work left. */
  backlog: boolean;
  removed: boolean;
}

/** A task seen during a cycle, and whether it was polled (its counters recorded). */
interface Seen {
  fields: RowFields;
  polled: boolean;
}

const isActive = (row: { readonly s: BoardRow['s'] }) => ACTIVE_TASK_STATES.includes(row.s);

const REFRESH_FAILED = {
  en: 'Something went wrong while refreshing this account’s tasks. It is retried automatically.',
  'zh-CN': '刷新该账户的任务时出错，将自动重试。',
};

const SEARCH_FAILED = {
  en: 'Something went wrong while searching this account’s tasks. Try the search again.',
  'zh-CN': '搜索该账户的任务时出错，请重新搜索。',
};

/** An error as the board shows it: the AppError's words, or `fallback` for anything else. */
function errorOf(
  error: unknown,
  fallback: { en: string; 'zh-CN': string } = REFRESH_FAILED,
): { code: ErrorCode; message: { en: string; 'zh-CN': string } } {
  if (error instanceof AppError) {
    return { code: error.code, message: { en: error.text.en, 'zh-CN': error.text['zh-CN'] } };
  }
  return { code: 'INTERNAL', message: fallback };
}

function notFound(key: string): AppError {
  return new AppError(
    'NOT_FOUND',
    {
      en: 'That task is no longer on the board. Refresh the board and try again.',
      'zh-CN': '该任务已不在任务面板上。请刷新面板后重试。',
    },
    { key },
  );
}

/** Pages start at 1 and hold 1–100 rows (the vendor limit), or INVALID_INPUT. */
function checkPage(query: { readonly page: number; readonly pageSize: number }): void {
  if (
    !Number.isInteger(query.page) ||
    query.page < 1 ||
    clampPageSize(query.pageSize) !== query.pageSize
  ) {
    throw new AppError(
      'INVALID_INPUT',
      {
        en: 'Pages start at 1 and hold 1–100 rows (the vendor limit).',
        'zh-CN': '页码从 1 开始，每页 1–100 行（服务商限制）。',
      },
      { page: query.page, pageSize: query.pageSize },
    );
  }
}

/**
 * The live task board in main: polls every account's vendor, keeps the last snapshot in SQLite,
 * records counters over time, pushes compact deltas, and notifies on completion, failure and
 * thresholds.
 *
 * Polling: each account has its own timer, so a failing account backs off (doubling, up to
 * `maxBackoffMs`) without slowing the others. A cycle lists the active tasks of each kind with a
 * server-side state filter (so it pages through active tasks only), looks up the tasks that left
 * the active states, checks page 1 (newest first) for new tasks, and spends what is left of the
 * per-account request budget on task details. Nothing is polled while the window is hidden or
 * the machine is offline (Activity port); in-flight requests are cancelled and polling resumes
 * at once when both are back.
 */
export class TaskMonitor {
  private readonly store: MonitorStore;
  private readonly submitted: SubmittedTasksRepository;
  private readonly settings: Settings;
  private readonly rows = new Map<string, BoardRow>();
  private readonly runtimes = new Map<string, AccountRuntime>();
  private readonly listeners = new Set<(delta: BoardDelta) => void>();
  private seq = 0;
  private started = false;
  private polling: PollingState = 'stopped';
  private unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: TaskMonitorDeps) {
    this.store = new MonitorStore(deps.db);
    this.submitted = new SubmittedTasksRepository(deps.db);
    const settings = { ...DEFAULTS, ...deps.options };
    // Both vendors take 1–100 rows per page; anything else is refused (itniotech.md §3, yccall.md §4.6).
    this.settings = {
      ...settings,
      pageSize: clampPageSize(settings.pageSize),
      newTaskPageSize: clampPageSize(settings.newTaskPageSize),
      requestBudget: Math.max(1, Math.trunc(settings.requestBudget)),
    };
    for (const row of this.store.loadRows()) this.rows.set(row.k, row);
    for (const stored of this.store.loadAccounts()) this.runtimeOf(stored.accountId, stored);
  }

  /** Starts polling (when the window is visible and the machine online). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.store.prunePoints(this.deps.clock.now() - this.settings.historyRetentionMs);
    this.unsubscribe.push(this.deps.activity.onChange(() => this.onActivity()));
    const follow = this.deps.accounts.onChange?.(() => this.reconcileAccounts());
    if (follow) this.unsubscribe.push(follow);
    this.polling = this.wantedPolling();
    this.reconcileAccounts();
    if (this.polling === 'on') this.scheduleAll(0);
    this.emit({ polling: this.polling });
  }

  /** Stops polling, cancels requests in flight, and waits for running cycles to end. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.polling = 'stopped';
    await this.pauseAll();
    this.emit({ polling: 'stopped' });
  }

  /** The whole board as last known (from SQLite before the first poll, so it works offline). */
  snapshot(): BoardSnapshot {
    const accounts = [...this.runtimes.values()]
      .filter((rt) => !rt.removed)
      .map((rt) => this.statusOf(rt));
    const lastUpdated = accounts.reduce<number | null>(
      (latest, a) =>
        a.lastSuccessAt !== null && (latest === null || a.lastSuccessAt > latest)
          ? a.lastSuccessAt
          : latest,
      null,
    );
    return {
      seq: this.seq,
      rows: [...this.rows.values()],
      accounts,
      polling: this.polling,
      lastUpdated,
    };
  }

  /** Calls `listener` with every delta; returns the unsubscribe function. */
  onChange(listener: (delta: BoardDelta) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Polls one account (or every account) now, and resolves when done. */
  async refreshNow(accountId?: string): Promise<void> {
    const ids = accountId === undefined ? this.accountIds() : [accountId];
    if (accountId !== undefined && !this.accountIds().includes(accountId)) {
      throw new AppError(
        'NOT_FOUND',
        {
          en: 'That account no longer exists. It may have been removed in another window.',
          'zh-CN': '该账户已不存在，可能已在其他窗口中删除。',
        },
        { accountId },
      );
    }
    await Promise.all(ids.map((id) => this.runNow(id)));
  }

  /**
   * Every board row's "called" counter as last read at or before `at` (epoch ms): the board's
   * "called today" subtracts it from the counter now.
   */
  calledAt(at: number): { readonly i: number; readonly c: number }[] {
    return this.store.calledAt(at).map((entry) => ({ i: entry.rowId, c: entry.called }));
  }

  /** A task's counters over time and its estimated finish. */
  history(rowKey: string): TaskHistory {
    const row = this.rows.get(rowKey);
    if (!row) throw notFound(rowKey);
    const points = this.store.points(row.i);
    const { eta, callsPerMinute } = estimateEta(points, row.s, this.settings.etaWindowMs);
    return { key: rowKey, points, eta, callsPerMinute };
  }

  /** Every documented field of a task, grouped; also refreshes its row and records a point. */
  async detail(rowKey: string, signal?: AbortSignal): Promise<TaskDetail> {
    const row = this.rows.get(rowKey);
    if (!row) throw notFound(rowKey);
    const vendor = await this.deps.accounts.vendor(row.a);
    const detail = await vendor.getTask(row.kd, row.t, signal ? { signal } : {});
    const seen = new Map<string, Seen>();
    this.collect(seen, detail.summary, true);
    this.emit(this.commit(row.a, seen, this.deps.clock.now(), []));
    return this.withOwnCreatedTime(detail, this.rows.get(rowKey) ?? row);
  }

  /**
   * A detail whose vendor gives no created time (ITNIO cc records, itniotech.md §4.4) with the
   * board's own, named for what it is: when the manager submitted it from this app
   * (`submittedAt`, from the submissions journal) or when this app first saw it (`firstSeenAt`).
   */
  private withOwnCreatedTime(detail: TaskDetail, row: BoardRow): TaskDetail {
    if (detail.summary.createdAt !== null || row.cr === null) return detail;
    const submitted = this.submitted.submittedAt(row.a, row.kd, row.t);
    const field =
      submitted === null
        ? { key: 'firstSeenAt', value: new Date(row.cr).toISOString() }
        : { key: 'submittedAt', value: new Date(submitted).toISOString() };
    const hasTiming = detail.groups.some((group) => group.group === 'timing');
    const groups = hasTiming
      ? detail.groups.map((group) =>
          group.group === 'timing' ? { ...group, fields: [field, ...group.fields] } : group,
        )
      : [
          ...detail.groups.filter((group) => group.group !== 'settings'),
          { group: 'timing', fields: [field] },
          ...detail.groups.filter((group) => group.group === 'settings'),
        ];
    return { ...detail, groups };
  }

  /** A page of a task's per-number results, optionally filtered (pages hold 1–100 rows). */
  async numberResults(
    rowKey: string,
    query: {
      readonly page: number;
      readonly pageSize: number;
      readonly outcome?: NumberOutcome;
      readonly phone?: string;
    },
    signal?: AbortSignal,
  ): Promise<Page<NumberResult>> {
    const row = this.rows.get(rowKey);
    if (!row) throw notFound(rowKey);
    checkPage(query);
    const vendor = await this.deps.accounts.vendor(row.a);
    if (!vendor.capabilities(row.kd).numberResults) {
      throw new AppError(
        'INVALID_INPUT',
        {
          en: 'The vendor does not list per-number results for this kind of task. Use the call records instead.',
          'zh-CN': '服务商不提供此类任务的逐号码结果，请改用通话记录。',
        },
        { kind: row.kd },
      );
    }
    return vendor.listNumberResults(row.kd, row.t, query, signal ? { signal } : {});
  }

  /** A page of a task's call records (pages hold 1–100 rows), when its vendor lists them. */
  async callRecords(
    rowKey: string,
    query: { readonly page: number; readonly pageSize: number },
    signal?: AbortSignal,
  ): Promise<Page<CallRecord>> {
    const row = this.row(rowKey);
    checkPage(query);
    const vendor = await this.deps.accounts.vendor(row.a);
    if (!vendor.listCallRecords) {
      throw new AppError(
        'INVALID_INPUT',
        {
          en: 'The vendor does not list call records for this account.',
          'zh-CN': '服务商不提供此账户的通话记录。',
        },
        { kind: row.kd },
      );
    }
    return vendor.listCallRecords(row.kd, row.t, query, signal ? { signal } : {});
  }

  /**
   * Searches task contents (voice file name, TTS text, name) at every vendor whose task list can
   * (capability `searchContent`), a few pages per kind. Tasks found that were not on the board yet
   * (older than the first sync reached) are added to it quietly. An account that fails is
   * reported with its error; the others still answer. The board's own name search stays local.
   */
  async search(text: string, signal?: AbortSignal): Promise<TaskSearchResult> {
    const needle = text.trim();
    const keys = new Set<string>();
    const searched: string[] = [];
    const failed: TaskSearchResult['failed'] = [];
    await Promise.all(
      this.accountIds().map(async (accountId) => {
        try {
          const vendor = await this.deps.accounts.vendor(accountId);
          const kinds = vendor.kinds.filter((kind) => vendor.capabilities(kind).searchContent);
          if (kinds.length === 0) return;
          const seen = new Map<string, Seen>();
          for (const kind of kinds) {
            for (let page = 1; page <= this.settings.searchPages; page += 1) {
              const result = await vendor.listTasks(
                { kind, name: needle, page, pageSize: this.settings.pageSize },
                signal ? { signal } : {},
              );
              for (const summary of result.items) keys.add(this.collect(seen, summary, false));
              const more =
                result.items.length >= this.settings.pageSize &&
                (result.total === null || page * this.settings.pageSize < result.total);
              if (!more) break;
            }
          }
          searched.push(accountId);
          this.emit(this.commit(accountId, seen, this.deps.clock.now(), [], false));
        } catch (error) {
          if (signal?.aborted) throw error;
          if (!(error instanceof AppError)) {
            this.deps.logger.warn('A task search failed', {
              error: error instanceof Error ? error.name : typeof error,
            });
          }
          failed.push({ accountId, ...errorOf(error, SEARCH_FAILED) });
        }
      }),
    );
    return { keys: [...keys].filter((key) => this.rows.has(key)), searched, failed };
  }

  /** The board row of a key, or NOT_FOUND. */
  row(rowKey: string): BoardRow {
    const row = this.rows.get(rowKey);
    if (!row) throw notFound(rowKey);
    return row;
  }

  /** The rows with these ids, in the order given (ids not on the board are skipped). */
  rowsByIds(ids: readonly number[]): BoardRow[] {
    const byId = new Map<number, BoardRow>();
    for (const row of this.rows.values()) byId.set(row.i, row);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row] : [];
    });
  }

  /** What the task's vendor can do with it. */
  async capabilities(rowKey: string): Promise<TaskCapabilities> {
    const row = this.row(rowKey);
    const vendor = await this.deps.accounts.vendor(row.a);
    return vendor.capabilities(row.kd);
  }

  /**
   * Runs an action (resend, pause, resume, cancel, edit) on a task, then polls its account so the
   * board shows the outcome (and a resend's new task) at once.
   */
  async act(action: TaskAction, signal?: AbortSignal): Promise<TaskActionResult> {
    const row = this.row(action.key);
    const vendor = await this.deps.accounts.vendor(row.a);
    const result = await runTaskAction(vendor, row, action, signal ? { signal } : {});
    this.deps.logger.info('Task action done', { action: action.action, kind: row.kd });
    if (this.accountIds().includes(row.a)) await this.refreshNow(row.a);
    return result;
  }

  /** The alerts that fired, newest first. */
  firedAlerts(): FiredAlerts {
    return { alerts: this.store.firedAlerts() };
  }

  /** Clears the list of fired alerts. */
  clearFiredAlerts(): FiredAlerts {
    this.store.clearAlerts();
    return { alerts: [] };
  }

  /** The alert thresholds set. */
  thresholds(): ThresholdSettings {
    return this.store.thresholds();
  }

  /** Sets or (with null) clears the global threshold or one account's. */
  setThreshold(scope: ThresholdScope, threshold: AlertThreshold | null): void {
    const parsed = threshold === null ? null : AlertThresholdSchema.safeParse(threshold);
    if (parsed && !parsed.success) {
      throw new AppError(
        'INVALID_INPUT',
        {
          en: 'A threshold is a success rate from 0 to 100 % and a number of calls of at least 1.',
          'zh-CN': '阈值须为 0–100% 的成功率，以及至少 1 次的拨打数。',
        },
        { fields: parsed.error.issues.map((issue) => issue.path.join('.')) },
      );
    }
    this.store.setThreshold('global' in scope ? null : scope.accountId, parsed?.data ?? null);
  }

  // --- scheduling ---

  private wantedPolling(): PollingState {
    if (!this.started) return 'stopped';
    if (!this.deps.activity.isOnline()) return 'offline';
    if (!this.deps.activity.isVisible()) return 'hidden';
    return 'on';
  }

  private onActivity(): void {
    const next = this.wantedPolling();
    if (next === this.polling) return;
    const wasOn = this.polling === 'on';
    this.polling = next;
    if (next === 'on') {
      this.scheduleAll(0);
    } else if (wasOn) {
      void this.pauseAll();
    }
    this.emit({ polling: next, accounts: this.accountIds().map((id) => this.runtimeOf(id)) });
  }

  private async pauseAll(): Promise<void> {
    const running: Promise<void>[] = [];
    for (const rt of this.runtimes.values()) {
      rt.cancelTimer?.();
      rt.cancelTimer = null;
      rt.nextPollAt = null;
      rt.abort?.abort();
      if (rt.running) running.push(rt.running);
    }
    await Promise.allSettled(running);
  }

  private scheduleAll(delayMs: number): void {
    for (const id of this.accountIds()) this.schedule(this.runtimeOf(id), delayMs);
  }

  private schedule(rt: AccountRuntime, delayMs: number): void {
    rt.cancelTimer?.();
    rt.cancelTimer = null;
    rt.nextPollAt = null;
    if (this.polling !== 'on' || rt.removed) return;
    rt.nextPollAt = this.deps.clock.now() + delayMs;
    rt.cancelTimer = this.deps.scheduler.schedule(delayMs, async () => {
      rt.cancelTimer = null;
      try {
        await this.runNow(rt.id);
      } catch (error) {
        // Vendor errors become the account's status inside the cycle; this is e.g. a disk error.
        this.deps.logger.error('Task board cycle failed', {
          accountId: rt.id,
          error: error instanceof Error ? error.name : typeof error,
        });
      }
    });
  }

  private async runNow(accountId: string): Promise<void> {
    const rt = this.runtimeOf(accountId);
    // One cycle per account at a time: a refresh during a cycle waits for it, then runs.
    while (rt.running) await rt.running;
    rt.cancelTimer?.();
    rt.cancelTimer = null;
    const cycle = this.cycle(rt);
    rt.running = cycle;
    try {
      await cycle;
    } finally {
      rt.running = null;
    }
  }

  private nextDelay(rt: AccountRuntime): number {
    if (rt.failures > 0) {
      return Math.min(this.settings.maxBackoffMs, this.settings.backoffMs * 2 ** (rt.failures - 1));
    }
    const active = [...this.rows.values()].some((row) => row.a === rt.id && isActive(row));
    return active || rt.backlog || !rt.stored.firstSyncDone
      ? this.settings.activeIntervalMs
      : this.settings.idleIntervalMs;
  }

  // --- accounts ---

  private accountIds(): string[] {
    return this.deps.accounts.list().map((account) => account.id);
  }

  private runtimeOf(id: string, stored?: StoredAccount): AccountRuntime {
    let rt = this.runtimes.get(id);
    if (!rt) {
      rt = {
        id,
        stored: stored ?? {
          accountId: id,
          state: 'never',
          lastSuccessAt: null,
          lastAttemptAt: null,
          error: null,
          firstSyncDone: false,
        },
        cancelTimer: null,
        nextPollAt: null,
        running: null,
        abort: null,
        failures: 0,
        requests: 0,
        passes: new Map(),
        history: new Map(),
        lookups: new Set(),
        detailAt: new Map(),
        backlog: false,
        removed: false,
      };
      this.runtimes.set(id, rt);
    }
    return rt;
  }

  private reconcileAccounts(): void {
    const ids = new Set(this.accountIds());
    const removedRows: number[] = [];
    for (const rt of [...this.runtimes.values()]) {
      if (ids.has(rt.id)) continue;
      rt.removed = true;
      rt.cancelTimer?.();
      rt.abort?.abort();
      this.runtimes.delete(rt.id);
      this.store.removeAccount(rt.id);
    }
    for (const row of [...this.rows.values()]) {
      if (ids.has(row.a)) continue;
      removedRows.push(row.i);
      this.rows.delete(row.k);
    }
    if (removedRows.length > 0) this.store.removeRows(removedRows);
    const added: AccountRuntime[] = [];
    for (const id of ids) {
      if (!this.runtimes.has(id)) added.push(this.runtimeOf(id));
    }
    if (this.started) for (const rt of added) this.schedule(rt, 0);
    if (removedRows.length > 0 || added.length > 0) {
      this.emit({ removed: removedRows, accounts: added });
    }
  }

  private statusOf(rt: AccountRuntime): AccountBoardStatus {
    return {
      accountId: rt.id,
      state: rt.stored.state,
      lastSuccessAt: rt.stored.lastSuccessAt,
      lastAttemptAt: rt.stored.lastAttemptAt,
      error: rt.stored.error,
      nextPollAt: rt.nextPollAt,
      requests: rt.requests,
      budget: this.settings.requestBudget,
    };
  }

  // --- one cycle ---

  private async cycle(rt: AccountRuntime): Promise<void> {
    if (rt.removed) return;
    const abort = new AbortController();
    rt.abort = abort;
    const budget = new RequestBudget(this.settings.requestBudget);
    const seen = new Map<string, Seen>();
    const gone: string[] = [];
    const startedAt = this.deps.clock.now();
    let failure: unknown = null;
    let exhausted = false;
    let kinds: readonly TaskKind[] = [];
    try {
      const vendor = await this.deps.accounts.vendor(rt.id);
      kinds = vendor.kinds;
      for (const kind of vendor.kinds) {
        await this.pollActive(rt, vendor, kind, budget, seen, abort.signal);
      }
      await this.lookUpDeparted(rt, vendor, budget, seen, gone, abort.signal);
      for (const kind of vendor.kinds) {
        await this.discover(rt, vendor, kind, budget, seen, abort.signal);
      }
      await this.enrich(rt, vendor, budget, seen, abort.signal);
    } catch (error) {
      if (error instanceof BudgetExhausted) exhausted = true;
      else failure = error;
    } finally {
      rt.abort = null;
    }
    if (rt.removed) return;
    const now = this.deps.clock.now();
    const cancelled = abort.signal.aborted;
    rt.requests = budget.spent;
    rt.backlog = exhausted;
    if (failure !== null && !cancelled) {
      rt.failures += 1;
      const { code, message } = errorOf(failure);
      this.deps.logger.warn('Task board refresh failed', {
        accountId: rt.id,
        code,
        failures: rt.failures,
      });
      rt.stored = {
        ...rt.stored,
        state: 'error',
        lastAttemptAt: startedAt,
        error: { code, message },
      };
    } else if (failure === null && !cancelled) {
      rt.failures = 0;
      rt.stored = {
        ...rt.stored,
        state: 'ok',
        lastAttemptAt: startedAt,
        lastSuccessAt: now,
        error: null,
        firstSyncDone:
          rt.stored.firstSyncDone || kinds.every((kind) => rt.history.get(kind) === 'done'),
      };
    }
    this.store.saveAccount(rt.stored);
    const changes = this.commit(rt.id, seen, now, gone);
    if (!cancelled) this.schedule(rt, this.nextDelay(rt));
    this.emit({ ...changes, accounts: [rt], at: now });
  }

  /** Lists a kind's active tasks (server-side state filter), resuming a pass cut by the budget. */
  private async pollActive(
    rt: AccountRuntime,
    vendor: Vendor,
    kind: TaskKind,
    budget: RequestBudget,
    seen: Map<string, Seen>,
    signal: AbortSignal,
  ): Promise<void> {
    const queries = activeQueries(vendor, kind);
    const pass = rt.passes.get(kind) ?? { query: 0, page: 1, seen: new Set<string>() };
    rt.passes.set(kind, pass);
    const size = this.settings.pageSize;
    while (pass.query < queries.length) {
      budget.take(requestCost(vendor, 'list'));
      const page = await vendor.listTasks(
        { kind, states: queries[pass.query], page: pass.page, pageSize: size },
        { signal },
      );
      for (const summary of page.items) {
        pass.seen.add(this.collect(seen, summary, true));
      }
      const more =
        page.items.length > 0 &&
        (page.total === null ? page.items.length >= size : pass.page * size < page.total);
      if (more) pass.page += 1;
      else {
        pass.query += 1;
        pass.page = 1;
      }
    }
    // A complete pass: every task we hold as active but did not see has left the active states.
    rt.passes.delete(kind);
    for (const row of this.rows.values()) {
      if (row.a === rt.id && row.kd === kind && isActive(row) && !pass.seen.has(row.k)) {
        rt.lookups.add(row.k);
      }
    }
  }

  /** Fetches the tasks that left the active states, for their final counters and state. */
  private async lookUpDeparted(
    rt: AccountRuntime,
    vendor: Vendor,
    budget: RequestBudget,
    seen: Map<string, Seen>,
    gone: string[],
    signal: AbortSignal,
  ): Promise<void> {
    for (const key of [...rt.lookups]) {
      const row = this.rows.get(key);
      if (!row || seen.has(key)) {
        rt.lookups.delete(key);
        continue;
      }
      budget.take(requestCost(vendor, 'detail'));
      try {
        const detail = await vendor.getTask(row.kd, row.t, { signal });
        this.collect(seen, detail.summary, true);
        rt.detailAt.set(key, this.deps.clock.now());
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
        gone.push(key);
      }
      rt.lookups.delete(key);
    }
  }

  /** First sync: history pages of a kind (newest first). Later: page 1 for tasks created since. */
  private async discover(
    rt: AccountRuntime,
    vendor: Vendor,
    kind: TaskKind,
    budget: RequestBudget,
    seen: Map<string, Seen>,
    signal: AbortSignal,
  ): Promise<void> {
    if (!rt.stored.firstSyncDone) {
      let page = rt.history.get(kind) ?? 1;
      const size = this.settings.pageSize;
      while (page !== 'done') {
        budget.take(requestCost(vendor, 'list'));
        const result = await vendor.listTasks({ kind, page, pageSize: size }, { signal });
        for (const summary of result.items) this.collect(seen, summary, false);
        const more =
          page < this.settings.initialPages &&
          result.items.length >= size &&
          (result.total === null || page * size < result.total);
        page = more ? page + 1 : 'done';
        rt.history.set(kind, page);
      }
      return;
    }
    budget.take(requestCost(vendor, 'list'));
    const result = await vendor.listTasks(
      { kind, page: 1, pageSize: this.settings.newTaskPageSize },
      { signal },
    );
    for (const summary of result.items) this.collect(seen, summary, false);
  }

  /** Spends what is left of the budget on details that add fields, least recently fetched first. */
  private async enrich(
    rt: AccountRuntime,
    vendor: Vendor,
    budget: RequestBudget,
    seen: Map<string, Seen>,
    signal: AbortSignal,
  ): Promise<void> {
    const latest = new Map<string, RowFields>();
    for (const row of this.rows.values()) if (row.a === rt.id) latest.set(row.k, row);
    for (const [key, { fields }] of seen) latest.set(key, fields);
    const candidates = [...latest.values()]
      .filter((row) => detailAdds(vendor, row.kd, row))
      .sort((a, b) => (rt.detailAt.get(a.k) ?? 0) - (rt.detailAt.get(b.k) ?? 0))
      .slice(0, this.settings.detailsPerCycle);
    for (const row of candidates) {
      if (!budget.fits(requestCost(vendor, 'detail'))) return;
      budget.take(requestCost(vendor, 'detail'));
      rt.detailAt.set(row.k, this.deps.clock.now());
      try {
        const detail = await vendor.getTask(row.kd, row.t, { signal });
        this.collect(seen, detail.summary, true);
      } catch (error) {
        // A detail is extra; a task that vanished is found by the next pass.
        if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
      }
    }
  }

  /**
   * Adds a summary to what this cycle saw (merging with what it saw before); returns its key.
   *
   * Every row has a created time: a task whose vendor reports none (ITNIO cc records, §4.4) gets
   * when this app submitted it (the submissions journal) or else when the board first saw it; the
   * detail says which (`withOwnCreatedTime`). Kept afterwards, since a null `cr` keeps its value.
   */
  private collect(seen: Map<string, Seen>, summary: TaskSummary, polled: boolean): string {
    const fields = rowFieldsOf(summary);
    const before = seen.get(fields.k);
    const base = before?.fields ?? this.rows.get(fields.k);
    const merged = mergeFields(base, fields);
    const dated =
      merged.cr === null
        ? {
            ...merged,
            cr: this.submitted.submittedAt(merged.a, merged.kd, merged.t) ?? this.deps.clock.now(),
          }
        : merged;
    seen.set(fields.k, { fields: dated, polled: polled || !!before?.polled });
    return fields.k;
  }

  // --- committing a cycle ---

  private commit(
    accountId: string,
    seen: ReadonlyMap<string, Seen>,
    now: number,
    gone: readonly string[],
    /** Whether new tasks may notify (false when a search brings old tasks onto the board). */
    announce = true,
  ): {
    added: BoardRow[];
    patched: { row: BoardRow; fields: PatchField[] }[];
    removed: number[];
  } {
    const writes: (RowFields & { i?: number })[] = [];
    const changes: { key: string; fields: PatchField[] }[] = [];
    const points: { key: string; point: CounterPoint }[] = [];
    const alerts: { key: string; previous: RowFields | undefined; next: RowFields }[] = [];
    const rt = this.runtimes.get(accountId);
    const live = rt?.stored.firstSyncDone ?? false;
    for (const [key, { fields, polled }] of seen) {
      const previous = this.rows.get(key);
      const changed = previous ? changedFields(previous, fields) : null;
      if (changed === null || changed.length > 0) {
        writes.push(previous ? { ...fields, i: previous.i } : fields);
        changes.push({ key, fields: changed ?? [] });
        alerts.push({ key, previous, next: fields });
      }
      if (polled && (isActive(fields) || (changed !== null && changed.length > 0))) {
        points.push({
          key,
          point: { at: now, tot: fields.tot, c: fields.c, ok: fields.ok, f: fields.f, x: fields.x },
        });
      }
    }
    const saved =
      writes.length > 0 || points.length > 0 ? this.store.save(writes, points, now) : [];
    const added: BoardRow[] = [];
    const patched: { row: BoardRow; fields: PatchField[] }[] = [];
    saved.forEach((row, index) => {
      this.rows.set(row.k, row);
      const change = changes[index];
      if (change && change.fields.length > 0) patched.push({ row, fields: change.fields });
      else added.push(row);
    });
    const removedIds: number[] = [];
    for (const key of gone) {
      const row = this.rows.get(key);
      if (!row) continue;
      this.rows.delete(key);
      removedIds.push(row.i);
    }
    if (removedIds.length > 0) this.store.removeRows(removedIds);
    this.notify(accountId, alerts, live && announce, now);
    return { added, patched, removed: removedIds };
  }

  private notify(
    accountId: string,
    changes: readonly { key: string; previous: RowFields | undefined; next: RowFields }[],
    live: boolean,
    now: number,
  ): void {
    if (changes.length === 0) return;
    const thresholds = this.store.thresholds();
    const threshold = thresholds.accounts[accountId] ?? thresholds.global;
    const locale = this.deps.locale();
    for (const { key, previous, next } of changes) {
      for (const alert of alertsFor(previous, next, threshold, live, locale)) {
        if (!this.store.markNotified(key, alert.condition, now)) continue;
        // Kept for the alerts list (newest first, across restarts) before the notification.
        this.store.recordAlert({
          at: now,
          rowKey: key,
          accountId: next.a,
          kind: next.kd,
          taskName: next.n || next.t,
          what: alert.what,
          rate: alert.rate,
          limit: alert.limit,
          afterCalls: alert.afterCalls,
          called: next.c,
          total: next.tot,
          statusCode: next.sc,
        });
        try {
          this.deps.notifier.notify({
            title: alert.title,
            body: alert.body,
            target: { accountId: next.a, taskId: next.t },
          });
        } catch (error) {
          this.deps.logger.warn('A notification could not be shown', {
            condition: alert.condition,
            error: error instanceof Error ? error.name : typeof error,
          });
        }
      }
    }
  }

  private emit(parts: {
    added?: readonly BoardRow[];
    patched?: readonly { row: BoardRow; fields: readonly PatchField[] }[];
    removed?: readonly number[];
    accounts?: readonly AccountRuntime[];
    polling?: PollingState;
    at?: number;
  }): void {
    const added = [...(parts.added ?? [])];
    const changed = groupPatches(parts.patched ?? []);
    const removed = [...(parts.removed ?? [])];
    const accounts = (parts.accounts ?? [])
      .filter((rt) => !rt.removed)
      .map((rt) => this.statusOf(rt));
    if (
      added.length === 0 &&
      changed.length === 0 &&
      removed.length === 0 &&
      accounts.length === 0 &&
      parts.polling === undefined
    ) {
      return;
    }
    this.seq += 1;
    const delta: BoardDelta = {
      seq: this.seq,
      at: parts.at ?? this.deps.clock.now(),
      added,
      changed,
      removed,
      accounts,
      ...(parts.polling !== undefined ? { polling: parts.polling } : {}),
    };
    for (const listener of this.listeners) {
      try {
        listener(delta);
      } catch (error) {
        this.deps.logger.error('A task board listener failed', {
          error: error instanceof Error ? error.name : typeof error,
        });
      }
    }
  }
}
