import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { SubmissionStage, SubmissionView } from '../../../shared/domain/submission';
import type { TaskKind } from '../../../shared/domain/task';
import type { Clock, Logger } from '../../ports';
import type { AuditTrail } from '../audit/audit-trail';
import type { RequestRecorder } from '../audit/request-recorder';
import type { ListSource } from '../drafts/list-source';
import { AppError } from '../errors';
import type { CreateCheckpoint, Progress, Vendor } from '../vendors/vendor';
import { partialRefusalOf, type PartialRefusal } from '../vendors/partial-refusal';
import { calleeFingerprintOf } from './callees';
import type { SubmitCompliance } from '../compliance/submit-compliance';
import type { JournalError, JournalRecord, Refusal, SubmissionJournal } from './journal';

/** How an Outbox is put together. */
export interface OutboxOptions {
  readonly journal: SubmissionJournal;
  readonly audit: AuditTrail;
  readonly lists: ListSource;
  /** The vendor of an account (AccountsService.vendor). */
  readonly vendorFor: (accountId: string) => Promise<Vendor>;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * Waits before the automatic retries of a submission that keeps ending without an answer:
   * the n-th try in a row waits the n-th delay; the last repeats.
   */
  readonly retryDelaysMs?: readonly number[];
  readonly newId?: () => string;
  /** Records each attempt's exact vendor requests in the audit trail (the vendors must send through it). */
  readonly recorder?: RequestRecorder;
  /**
   * Calling compliance (issue 17): the DNC recheck before a submission's first byte, and the
   * call history written when a submission is verified done.
   */
  readonly compliance?: Pick<SubmitCompliance, 'recheck' | 'recordSent'>;
}

/** What to submit: a validated draft turned into a create request (numbers come from the list). */
export interface SubmissionInput {
  readonly accountId: string;
  readonly kind: TaskKind;
  /** Unique per account and kind: the idempotency key. */
  readonly name: string;
  readonly listId: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly draftId?: string | null;
}

/** Where a task the outbox created can be opened. */
export interface TaskLocation {
  readonly accountId: string;
  readonly kind: TaskKind;
  readonly taskId: string;
}

/** Receives every change of a submission (state, stage, progress). */
export type SubmissionListener = (view: SubmissionView) => void;

/**
 * Exponential backoff per submission: 10 s, doubling, capped at 5 minutes. An unreachable
 * account is tried about 7 times in its first 6 minutes, then every 5 minutes (issue 13).
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  10_000, 20_000, 40_000, 80_000, 160_000, 300_000,
];

/** The wait after the `tries`-th try in a row that ended without an answer (1-based). */
export function retryDelayAfter(tries: number, delays: readonly number[]): number {
  const index = Math.min(Math.max(tries, 1), delays.length) - 1;
  return delays[index] ?? 60_000;
}

// An error that means "no answer came back": the request may or may not have landed, and the
// vendor may be unreachable. Everything else is an answer (a refusal) and needs a person.
const UNKNOWN_OUTCOME_CODES = new Set(['NETWORK', 'TIMEOUT', 'VENDOR_UNAVAILABLE', 'INTERNAL']);

function errorOf(error: unknown): JournalError {
  if (error instanceof AppError) return { code: error.code, text: { ...error.text } };
  return {
    code: 'INTERNAL',
    text: {
      en: 'Something unexpected went wrong while sending. The app checks the vendor before trying again.',
      'zh-CN': '发送时出现意外错误。再次尝试前，应用会先向服务商核对。',
    },
  };
}

function stageOfProgress(progress: Progress): SubmissionStage | null {
  switch (progress.stage) {
    case 'workbook':
      return 'writing-workbook';
    case 'upload':
      return 'uploading';
    case 'submit':
    case 'send':
      return 'creating';
    case 'start':
      return 'starting';
    default:
      return null;
  }
}

function stageOfCheckpoint(checkpoint: CreateCheckpoint): SubmissionStage {
  if (checkpoint.stage === 'create') return 'creating';
  if (checkpoint.stage === 'start') return 'starting';
  return 'appending';
}

function sampleOf(refusal: Refusal): SubmissionView['refused']['sample'][number] {
  return { phone: refusal.phone, sent: refusal.sent, reason: refusal.reason };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

const STOPPED = new Set(['done', 'cancelled']);

/**
 * The outbox: every create is journaled before its first byte leaves, sent once, and after a
 * crash, a timeout or a lost connection reconciled with the vendor (task looked up by its unique
 * name; for chunked creates, the numbers the task holds counted) before anything is sent again.
 *
 * Submissions of one account go out in the order they were queued; one that is waiting for the
 * vendor holds back the later ones of its account. Call `drain()` when the app starts, after
 * `enqueue`, and when the network comes back; `recover()` once at start-up.
 */
export class Outbox {
  private readonly journal: SubmissionJournal;
  private readonly audit: AuditTrail;
  private readonly retryDelays: readonly number[];
  private readonly newId: () => string;
  private readonly listeners = new Set<SubmissionListener>();
  private readonly running = new Map<string, AbortController>();
  /** Per running attempt: how many tries in a row before it ended without an answer. */
  private readonly streaks = new Map<string, number>();
  private draining: Promise<void> | null = null;
  private again = false;

  constructor(private readonly options: OutboxOptions) {
    this.journal = options.journal;
    this.audit = options.audit;
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.newId = options.newId ?? randomUUID;
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: SubmissionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Journals a submission (durably, with its audit entry) and returns it queued. Nothing is sent
   * here; call `drain()`.
   */
  async enqueue(input: SubmissionInput): Promise<SubmissionView> {
    const summary = await this.options.lists.summary(input.listId);
    if (!summary) {
      throw new AppError(
        'NOT_FOUND',
        {
          en: 'The list this campaign uses is no longer in the app. Import it again and pick it in the draft.',
          'zh-CN': '此活动使用的名单已不在应用中。请重新导入并在草稿中选择。',
        },
        { listId: input.listId },
      );
    }
    const existing = this.journal.findByName(input.accountId, input.kind, input.name);
    if (existing) {
      throw new AppError(
        'CONFLICT',
        {
          en: `A campaign named “${input.name}” is already in the outbox. Task names must be unique; rename this one.`,
          'zh-CN': `发件箱中已有名为“${input.name}”的活动。任务名称必须唯一，请重命名。`,
        },
        { submissionId: existing.id },
      );
    }
    // By reference: the fingerprint stored with the list at import (no rows are read here).
    const fingerprint = (await calleeFingerprintOf(this.options.lists, input.listId)) ?? {
      count: 0,
      sha256: '',
    };
    if (fingerprint.count === 0) {
      throw new AppError(
        'INVALID_INPUT',
        {
          en: 'The list has no valid numbers, so there is nothing to send.',
          'zh-CN': '名单中没有有效号码，无可发送内容。',
        },
        { listId: input.listId },
      );
    }
    const id = this.newId();
    const now = this.options.clock.now();
    const record = this.journal.transaction(() => {
      const inserted = this.journal.insert(
        {
          id,
          accountId: input.accountId,
          kind: input.kind,
          name: input.name,
          draftId: input.draftId ?? null,
          listId: input.listId,
          calleeCount: fingerprint.count,
          calleeSha256: fingerprint.sha256,
          settings: input.settings,
        },
        now,
      );
      this.audit.append('submission.queued', id, {
        accountId: input.accountId,
        kind: input.kind,
        name: input.name,
        draftId: input.draftId ?? null,
        source: {
          listId: summary.listId,
          listName: summary.name,
          fileName: summary.sourceFileName,
          sha256: summary.sourceSha256,
          sheet: summary.sheet,
          mapping: summary.mapping,
        },
        counts: { total: summary.total, valid: summary.valid, sent: fingerprint.count },
        exclusions: summary.excluded,
        callees: { count: fingerprint.count, sha256: fingerprint.sha256 },
        settings: input.settings,
      });
      return inserted;
    });
    const view = this.viewOf(record);
    this.emit(view);
    return view;
  }

  /**
   * Marks submissions that were being sent when the process stopped as waiting: their outcome is
   * unknown, so the next attempt reconciles first. Call once at start-up, before `drain`.
   */
  recover(): readonly SubmissionView[] {
    const now = this.options.clock.now();
    const changed: SubmissionView[] = [];
    for (const record of this.journal.unfinished()) {
      if (record.state !== 'sending' || this.running.has(record.id)) continue;
      const updated = this.journal.update(
        record.id,
        {
          state: record.sent ? 'waiting' : 'queued',
          nextAttemptAt: null,
          error: record.sent
            ? {
                code: 'INTERRUPTED',
                text: {
                  en: 'The app stopped while this campaign was being sent. It checks with the vendor what arrived and sends only the rest.',
                  'zh-CN':
                    '发送此活动时应用已停止。应用会先向服务商核对已送达的内容，只发送其余部分。',
                },
              }
            : null,
        },
        now,
      );
      changed.push(this.viewOf(updated));
      this.emit(this.viewOf(updated));
    }
    return changed;
  }

  /** Every submission, oldest first. */
  list(): readonly SubmissionView[] {
    return this.journal.all().map((record) => this.viewOf(record));
  }

  /** One submission. */
  get(id: string): SubmissionView {
    return this.viewOf(this.mustGet(id));
  }

  /**
   * Sends every submission that is due, in order per account. `force` ignores retry times (the
   * network just came back, or the user pressed Retry). Resolves when nothing due is left.
   */
  async drain(options: { readonly force?: boolean } = {}): Promise<void> {
    if (this.draining) {
      this.again = true;
      await this.draining;
      return;
    }
    this.draining = this.drainLoop(options.force === true);
    try {
      await this.draining;
    } finally {
      this.draining = null;
    }
  }

  /** Makes a waiting or failed submission due now and sends it (with everything before it). */
  async retry(id: string): Promise<SubmissionView> {
    const record = this.mustGet(id);
    if (record.state === 'done' || record.state === 'cancelled') {
      throw new AppError(
        'CONFLICT',
        {
          en: 'This campaign is already finished; there is nothing to retry.',
          'zh-CN': '此活动已结束，无需重试。',
        },
        { state: record.state },
      );
    }
    if (record.state !== 'sending') {
      const updated = this.journal.update(
        id,
        { state: record.sent ? 'waiting' : 'queued', nextAttemptAt: null },
        this.options.clock.now(),
      );
      this.emit(this.viewOf(updated));
    }
    await this.drain({ force: true });
    return this.get(id);
  }

  /**
   * Withdraws a submission before anything was sent. Once a create may have reached the vendor
   * it is refused: the task may exist, so it has to be cancelled at the vendor instead.
   */
  cancel(id: string): SubmissionView {
    const record = this.mustGet(id);
    if (record.state === 'cancelled') return this.viewOf(record);
    if (record.sent || record.state === 'done') {
      throw new AppError(
        'CONFLICT',
        {
          en: `“${record.name}” has already been sent to the vendor, so it can no longer be withdrawn here. Open the task and cancel it there.`,
          'zh-CN': `“${record.name}”已发送给服务商，无法在此撤回。请打开该任务并在那里取消。`,
        },
        { state: record.state, taskId: record.taskId },
      );
    }
    this.running.get(id)?.abort();
    const updated = this.journal.transaction(() => {
      const next = this.journal.update(
        id,
        { state: 'cancelled', stage: 'queued', nextAttemptAt: null },
        this.options.clock.now(),
      );
      this.audit.append('submission.cancelled', id, { name: record.name });
      return next;
    });
    const view = this.viewOf(updated);
    this.emit(view);
    return view;
  }

  /** Where the created task is, for "Open task". */
  openTask(id: string): TaskLocation {
    const record = this.mustGet(id);
    if (record.taskId === null) {
      throw new AppError(
        'NOT_FOUND',
        {
          en: 'The vendor has not confirmed this task yet, so there is nothing to open.',
          'zh-CN': '服务商尚未确认此任务，暂无可打开的内容。',
        },
        { state: record.state },
      );
    }
    return { accountId: record.accountId, kind: record.kind, taskId: record.taskId };
  }

  /** Stops sending (the app quits): the current request is aborted and reconciled next time. */
  stop(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  // --- sending ---

  private async drainLoop(force: boolean): Promise<void> {
    do {
      this.again = false;
      const now = this.options.clock.now();
      const blocked = new Set<string>();
      for (const record of this.journal.unfinished()) {
        if (blocked.has(record.accountId)) continue;
        if (record.state === 'attention') continue;
        if (!force && record.nextAttemptAt !== null && record.nextAttemptAt > now) {
          blocked.add(record.accountId);
          continue;
        }
        const after = await this.attempt(record);
        if (after.state === 'waiting') blocked.add(after.accountId);
      }
      force = false;
    } while (this.again);
  }

  private async attempt(initial: JournalRecord): Promise<JournalRecord> {
    const id = initial.id;
    const controller = new AbortController();
    this.running.set(id, controller);
    // The streak survives restarts in the journaled error; any other outcome ends it.
    this.streaks.set(id, initial.state === 'waiting' ? (initial.error?.tries ?? 0) : 0);
    const signal = controller.signal;
    let record = initial;
    try {
      record = this.patch(id, { state: 'sending', stage: 'checking', error: null });
      const vendor = await this.options.vendorFor(record.accountId);
      const loaded = (await calleeFingerprintOf(this.options.lists, record.listId)) ?? {
        count: 0,
        sha256: '',
      };
      if (loaded.count !== record.calleeCount || loaded.sha256 !== record.calleeSha256) {
        return this.needsAttention(
          id,
          new AppError(
            'CONFLICT',
            {
              en: 'The list changed after this campaign was queued, so it cannot be sent as reviewed. Create a new draft from the list as it is now.',
              'zh-CN': '此活动排队后名单已更改，无法按审核时的内容发送。请基于当前名单新建草稿。',
            },
            { expected: record.calleeCount, found: loaded.count },
          ),
        );
      }
      if (!record.sent && this.options.compliance !== undefined) {
        const rechecked = await this.recheck(record);
        if (rechecked instanceof AppError) return this.needsAttention(id, rechecked);
        record = rechecked;
      }
      const resume = await this.reconcile(vendor, record, signal);
      if (resume.kind === 'done') return await this.verify(id, vendor, resume.taskId, signal);
      if (resume.kind === 'attention') return this.needsAttention(id, resume.error);
      if (this.journal.mustGet(id).state === 'cancelled') return this.journal.mustGet(id);

      // Journal first (durable), then the first byte.
      record = this.journal.transaction(() => {
        const next = this.journal.update(
          id,
          {
            sent: true,
            attempts: record.attempts + 1,
            stage: resume.resumeFrom > 0 ? 'appending' : 'creating',
          },
          this.options.clock.now(),
        );
        this.audit.append('submission.attempt', id, {
          attempt: next.attempts,
          request: {
            kind: next.kind,
            name: next.name,
            settings: next.settings,
            callees: { count: next.calleeCount, sha256: next.calleeSha256 },
            resumeFrom: resume.resumeFrom,
          },
        });
        return next;
      });
      this.emit(this.viewOf(record));
      const sending = record;
      const send = async () => {
        const created = await vendor.createTask(
          {
            kind: sending.kind,
            name: sending.name,
            // Read from the list a chunk at a time as the vendor sends: the rows' one read.
            callees: this.options.lists.callees(sending.listId, sending.calleeCount),
            settings: sending.settings,
            ...(resume.resumeFrom > 0 ? { resumeFrom: resume.resumeFrom } : {}),
          },
          {
            signal,
            onProgress: (progress) => this.onProgress(id, progress),
            onCheckpoint: (checkpoint) => this.onCheckpoint(id, checkpoint),
          },
        );
        const found =
          created.taskId ??
          (await vendor.findTaskByName(sending.kind, sending.name, { signal }))?.id ??
          null;
        return { created, taskId: found };
      };
      const recorder = this.options.recorder;
      // The exact requests (secrets removed) go to the audit trail as they are sent.
      const { created, taskId } = recorder
        ? await recorder.run(
            (exchange) => this.audit.append('submission.request', id, exchange),
            send,
          )
        : await send();
      this.audit.append('submission.created', id, { taskId, accepted: created.accepted });
      if (taskId === null) {
        return this.needsAttention(
          id,
          new AppError(
            'NOT_FOUND',
            {
              en: `The vendor accepted “${sending.name}” but the task cannot be found by its name, so the app cannot check what it holds. Look for it on the task board; Retry checks again.`,
              'zh-CN': `服务商已接受“${sending.name}”，但按名称找不到该任务，应用无法核对其中的号码。请在任务面板中查找；“重试”会再次核对。`,
            },
            { name: sending.name },
          ),
        );
      }
      return await this.verify(id, vendor, taskId, signal);
    } catch (error) {
      return this.failed(id, error);
    } finally {
      this.running.delete(id);
      this.streaks.delete(id);
    }
  }

  /**
   * Decides what to send. Never sent before: only checks that the name is free. Sent before
   * (crash, timeout, reset, refusal): finds the task, and for chunked creates counts its
   * numbers, so what already landed is never sent twice.
   */
  private async reconcile(
    vendor: Vendor,
    record: JournalRecord,
    signal: AbortSignal,
  ): Promise<
    | { readonly kind: 'send'; readonly resumeFrom: number }
    | { readonly kind: 'done'; readonly taskId: string; readonly accepted: number }
    | { readonly kind: 'attention'; readonly error: AppError }
  > {
    const nameTaken = (taskId: string) =>
      new AppError(
        'CONFLICT',
        {
          en: `A task named “${record.name}” already exists at the vendor, and this app did not create it. Task names must be unique: rename the campaign and submit it again.`,
          'zh-CN': `服务商处已存在名为“${record.name}”的任务，且并非本应用创建。任务名称必须唯一：请重命名活动后重新提交。`,
        },
        { taskId },
      );
    if (!record.sent) {
      const existing = await vendor.findTaskByName(record.kind, record.name, { signal });
      return existing
        ? { kind: 'attention', error: nameTaken(existing.id) }
        : { kind: 'send', resumeFrom: 0 };
    }
    this.patch(record.id, { stage: 'checking' });
    if (vendor.reconcileCheckpoint && record.checkpoint) {
      const found = await vendor.reconcileCheckpoint(record.name, record.checkpoint, { signal });
      this.journal.transaction(() => {
        this.journal.update(
          record.id,
          {
            ...(found.taskId !== null ? { taskId: found.taskId } : {}),
            confirmed: found.taskId === null ? 0 : found.resumeFrom,
          },
          this.options.clock.now(),
        );
        this.audit.append('submission.reconciled', record.id, {
          checkpoint: record.checkpoint,
          found,
        });
      });
      // Resuming at the end still runs the create once more: it finds the task and starts it
      // when the settings ask for that; nothing is added.
      return { kind: 'send', resumeFrom: found.taskId === null ? 0 : found.resumeFrom };
    }
    const existing = await vendor.findTaskByName(record.kind, record.name, { signal });
    this.audit.append('submission.reconciled', record.id, {
      lookedUpByName: record.name,
      found: existing ? { taskId: existing.id, total: existing.counts.total } : null,
    });
    if (!existing) return { kind: 'send', resumeFrom: 0 };
    if (vendor.reconcileCheckpoint) {
      // A chunked create journals a checkpoint before its first chunk: a task without one is
      // not ours.
      return { kind: 'attention', error: nameTaken(existing.id) };
    }
    return {
      kind: 'done',
      taskId: existing.id,
      accepted: existing.counts.total ?? record.calleeCount,
    };
  }

  private onCheckpoint(id: string, checkpoint: CreateCheckpoint): void {
    // Synchronous and durable: the vendor sends the chunk only after this returns.
    const record = this.journal.transaction(() => {
      const next = this.journal.update(
        id,
        {
          checkpoint,
          stage: stageOfCheckpoint(checkpoint),
          confirmed: checkpoint.confirmed,
          ...(checkpoint.taskId !== null ? { taskId: checkpoint.taskId } : {}),
        },
        this.options.clock.now(),
      );
      this.audit.append('submission.chunk', id, {
        stage: checkpoint.stage,
        chunk: checkpoint.chunk,
        chunks: checkpoint.chunks,
        from: checkpoint.pendingFrom,
        to: checkpoint.pendingTo,
        confirmed: checkpoint.confirmed,
        held: checkpoint.held,
        taskId: checkpoint.taskId,
      });
      return next;
    });
    this.emit(this.viewOf(record));
  }

  private onProgress(id: string, progress: Progress): void {
    const stage = stageOfProgress(progress);
    if (stage === null) return;
    const current = this.journal.mustGet(id);
    if (current.stage === stage) return;
    this.emit(this.viewOf(this.patch(id, { stage })));
  }

  /**
   * Reads the task back and finishes only when the vendor holds every number that was sent (the
   * list minus the numbers it refused); otherwise the submission needs a person, with the counts.
   */
  private async verify(
    id: string,
    vendor: Vendor,
    taskId: string,
    signal: AbortSignal,
  ): Promise<JournalRecord> {
    const current = this.patch(id, { stage: 'verifying', taskId });
    this.emit(this.viewOf(current));
    const readBack = await vendor.readBack(current.kind, taskId, { signal });
    const refused = this.journal.refusalCount(id);
    const expected = current.calleeCount - refused;
    this.audit.append('submission.readBack', id, {
      taskId,
      held: readBack.held,
      state: readBack.state,
      expected,
      refused,
    });
    this.patch(id, { held: readBack.held });
    if (readBack.held === expected) {
      const done = this.finish(id, taskId, readBack.held);
      await this.recordHistory(done);
      return done;
    }
    if (readBack.held === null) {
      return this.failed(
        id,
        new AppError(
          'VENDOR_UNAVAILABLE',
          {
            en: 'The vendor has created the task but has not counted its numbers yet. The app checks again shortly and shows the campaign as done only when the count matches.',
            'zh-CN':
              '服务商已创建任务，但尚未统计号码数量。应用稍后会再次核对，只有数量一致时才显示为完成。',
          },
          { taskId },
        ),
      );
    }
    const fmt = (n: number) => n.toLocaleString('en');
    return this.needsAttention(
      id,
      new AppError(
        'VENDOR_REJECTED',
        {
          en: `The vendor's task holds ${fmt(readBack.held)} numbers, but ${fmt(expected)} were sent${refused > 0 ? ` (${fmt(refused)} more were refused)` : ''}. The campaign is not shown as done until they match: check the task at the vendor; Retry reads it again.`,
          'zh-CN': `服务商的任务中有 ${readBack.held} 个号码，但发送了 ${expected} 个${refused > 0 ? `（另有 ${refused} 个被拒收）` : ''}。数量一致前不会显示为完成：请在服务商处核对任务；“重试”会再次读取。`,
        },
        { taskId, held: readBack.held, expected },
      ),
    );
  }

  /**
   * A chunk was answered with fewer numbers held than sent: records the refused numbers, settles
   * the checkpoint after that chunk (so a resume sends none of them again and nothing twice) and
   * asks a person. Nothing after that chunk was sent and the task was not started.
   */
  private refused(id: string, error: AppError, refusal: PartialRefusal): JournalRecord {
    const now = this.options.clock.now();
    const { settled } = refusal;
    this.journal.transaction(() => {
      this.journal.addRefusals(
        id,
        refusal.refused.map((entry) => ({
          position: entry.index,
          phone: entry.phone,
          sent: entry.sent,
          reason: entry.reason,
        })),
        now,
      );
      this.journal.update(
        id,
        {
          checkpoint: settled,
          confirmed: settled.confirmed,
          held: settled.held,
          ...(settled.taskId !== null ? { taskId: settled.taskId } : {}),
        },
        now,
      );
    });
    return this.needsAttention(id, error);
  }

  /** Writes the numbers the vendor refused to a CSV file; returns how many. */
  async exportRefused(id: string, file: string, locale: 'en' | 'zh-CN'): Promise<number> {
    this.mustGet(id);
    const refusals = this.journal.refusals(id);
    const reason = (code: 'invalid' | 'not-held') =>
      locale === 'zh-CN'
        ? code === 'invalid'
          ? '服务器拒收（invaliddata）'
          : '任务中没有该号码'
        : code === 'invalid'
          ? 'refused by the server (invaliddata)'
          : 'not in the task when read back';
    const header = locale === 'zh-CN' ? '行号,号码,发送的号码,原因' : 'row,phone,sent as,reason';
    const csv = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    // Numbers as text for spreadsheets: a leading apostrophe keeps Excel from reading `+86…` as a
    // formula or a number in E-notation (and the app's own import reads it back as the number).
    const lines = refusals.map((r) =>
      [String(r.position + 1), csv(`'${r.phone}`), csv(`'${r.sent}`), csv(reason(r.reason))].join(
        ',',
      ),
    );
    await writeFile(file, `\ufeff${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
    return refusals.length;
  }

  /**
   * The DNC lists may have changed while the submission was queued (offline, or a number added
   * after the review): numbers now on a list that applies to the account are removed (a new
   * hidden list, its fingerprint journaled) and audited with the rule, before anything is sent.
   * Answers an error when nothing would be left to send.
   */
  private async recheck(record: JournalRecord): Promise<JournalRecord | AppError> {
    const compliance = this.options.compliance;
    if (compliance === undefined) return record;
    const result = await compliance.recheck(record.listId, record.accountId);
    if (result.removed === 0) return record;
    if (result.list === null) {
      for (const proof of result.exclusions) {
        this.audit.append('compliance.excluded', record.id, proof);
      }
      return new AppError(
        'CONFLICT',
        {
          en: 'Every number of this campaign is now on a do-not-call list, so nothing was sent.',
          'zh-CN': '此活动的所有号码现已在禁呼名单上，因此未发送任何内容。',
        },
        { removed: result.removed },
      );
    }
    const list = result.list;
    return this.journal.transaction(() => {
      const next = this.journal.update(
        record.id,
        {
          listId: list.listId,
          calleeCount: list.callees.count,
          calleeSha256: list.callees.sha256,
        },
        this.options.clock.now(),
      );
      this.audit.append('compliance.checked', record.id, {
        stage: 'submit',
        dncVersion: result.dncVersion,
        removed: result.removed,
        listId: list.listId,
        callees: { count: list.callees.count, sha256: list.callees.sha256 },
      });
      for (const proof of result.exclusions) {
        this.audit.append('compliance.excluded', record.id, proof);
      }
      return next;
    });
  }

  /** Writes a done submission's numbers (minus the refused) to the call history. */
  private async recordHistory(record: JournalRecord): Promise<void> {
    const compliance = this.options.compliance;
    if (compliance === undefined) return;
    try {
      const refused = new Set(this.journal.refusals(record.id).map((r) => r.phone));
      await compliance.recordSent({
        accountId: record.accountId,
        taskRef: record.taskId ?? record.id,
        listId: record.listId,
        draftId: record.draftId,
        refused,
      });
    } catch (error) {
      // The vendor holds the task either way; a missing history entry is logged, not hidden.
      this.options.logger.error('call history not recorded', {
        id: record.id,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }

  private finish(id: string, taskId: string | null, accepted: number): JournalRecord {
    const record = this.journal.transaction(() => {
      const current = this.journal.mustGet(id);
      const next = this.journal.update(
        id,
        {
          state: 'done',
          stage: 'done',
          taskId,
          confirmed: current.calleeCount,
          error: null,
          nextAttemptAt: null,
        },
        this.options.clock.now(),
      );
      this.audit.append('submission.done', id, {
        response: { taskId, accepted },
        numbers: current.calleeCount,
      });
      return next;
    });
    this.options.logger.info('submission done', { id, taskId, accepted });
    this.emit(this.viewOf(record));
    return record;
  }

  private needsAttention(id: string, error: AppError): JournalRecord {
    const record = this.journal.transaction(() => {
      const next = this.journal.update(
        id,
        { state: 'attention', error: errorOf(error), nextAttemptAt: null },
        this.options.clock.now(),
      );
      this.audit.append('submission.failed', id, {
        name: next.name,
        outcome: 'refused',
        error: {
          code: error.code,
          message: error.text.en,
          text: error.text,
          details: error.details ?? null,
        },
      });
      return next;
    });
    this.emit(this.viewOf(record));
    return record;
  }

  private failed(id: string, error: unknown): JournalRecord {
    const current = this.journal.mustGet(id);
    if (current.state === 'cancelled') return current;
    const appError = error instanceof AppError ? error : null;
    const code = appError?.code ?? 'INTERNAL';
    if (code === 'CANCELLED' && !current.sent) {
      return this.patch(id, { state: 'queued', stage: 'queued' });
    }
    const refusal = partialRefusalOf(error);
    if (refusal && appError) return this.refused(id, appError, refusal);
    if (!UNKNOWN_OUTCOME_CODES.has(code) && code !== 'CANCELLED') {
      return this.needsAttention(id, appError ?? new AppError('INTERNAL', errorOf(error).text, {}));
    }
    // One entry per try, with its outcome and the next try; ticks that try nothing add none.
    const tries = (this.streaks.get(id) ?? 0) + 1;
    const nextAttemptAt = this.options.clock.now() + retryDelayAfter(tries, this.retryDelays);
    const journalError: JournalError = { ...errorOf(error), tries };
    const record = this.journal.transaction(() => {
      const next = this.journal.update(
        id,
        { state: 'waiting', error: journalError, nextAttemptAt },
        this.options.clock.now(),
      );
      this.audit.append('submission.failed', id, {
        name: current.name,
        outcome: current.sent ? 'unknown' : 'not-sent',
        try: tries,
        error: {
          code,
          message: journalError.text.en,
          text: journalError.text,
          details: appError?.details ?? null,
        },
        nextAttemptAt,
      });
      return next;
    });
    this.options.logger.warn('submission waiting for the vendor', { id, code });
    this.emit(this.viewOf(record));
    return record;
  }

  // --- helpers ---

  private patch(id: string, patch: Parameters<SubmissionJournal['update']>[1]): JournalRecord {
    return this.journal.update(id, patch, this.options.clock.now());
  }

  private mustGet(id: string): JournalRecord {
    const record = this.journal.get(id);
    if (!record) {
      throw new AppError(
        'NOT_FOUND',
        { en: 'That submission is not in the outbox.', 'zh-CN': '发件箱中没有该提交。' },
        { id },
      );
    }
    return record;
  }

  private emit(view: SubmissionView): void {
    for (const listener of this.listeners) {
      try {
        listener(view);
      } catch (error) {
        this.options.logger.error('submission listener failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  /** The screen's view of a journal record. */
  viewOf(record: JournalRecord): SubmissionView {
    const refusedCount = this.journal.refusalCount(record.id);
    const active = record.state === 'sending' || record.state === 'waiting';
    return {
      id: record.id,
      accountId: record.accountId,
      kind: record.kind,
      name: record.name,
      draftId: record.draftId,
      listId: record.listId,
      state: record.state,
      stage: record.stage,
      progress: {
        done: record.state === 'done' ? (record.held ?? record.calleeCount) : record.confirmed,
        total: record.calleeCount,
      },
      chunk:
        active && record.checkpoint && record.checkpoint.chunks > 1
          ? { index: record.checkpoint.chunk, of: record.checkpoint.chunks }
          : null,
      taskId: record.taskId,
      attempts: record.attempts,
      held: record.held,
      refused: { count: refusedCount, sample: this.journal.refusals(record.id, 5).map(sampleOf) },
      sent: record.sent,
      error: record.error ? { code: record.error.code, message: record.error.text } : null,
      actions: {
        retry: record.state === 'waiting' || record.state === 'attention',
        cancel: !record.sent && !STOPPED.has(record.state),
        openTask: record.taskId !== null,
        exportRefused: refusedCount > 0,
      },
      createdAt: iso(record.createdAt),
      updatedAt: iso(record.updatedAt),
      nextAttemptAt: record.nextAttemptAt === null ? null : iso(record.nextAttemptAt),
    };
  }
}
