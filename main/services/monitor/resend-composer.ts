import { randomUUID } from 'node:crypto';
import { ACTIVE_TASK_STATES } from '../../../shared/domain/task';
import type { BoardRow } from '../../../shared/domain/board';
import type { ListCounts, VendorLengthRule } from '../../../shared/domain/list';
import type { Locale } from '../../../shared/domain/locale';
import type { NumberOutcome, NumberResult, TaskKind } from '../../../shared/domain/task';
import { checkPhone } from '../../../shared/util/phone-normalize';
import type { Clock } from '../../ports';
import { AppError } from '../errors';
import type { ListsRepository, StoredRow } from '../storage/lists-repository';
import type { Page, TaskCapabilities } from '../vendors/vendor';

/** Most numbers one resend collects (the rest are left out and `truncated` says so). */
export const MAX_RESEND_NUMBERS = 1_000_000;

/** Rows per vendor page (the vendor limit is 1–100). */
const PAGE_SIZE = 100;

/** Rows written to the list per transaction. */
const BATCH = 5_000;

/** The board the composer reads tasks from (TaskMonitor fits). */
export interface ResendSource {
  row(rowKey: string): BoardRow;
  capabilities(rowKey: string): Promise<TaskCapabilities>;
  numberResults(
    rowKey: string,
    query: { readonly page: number; readonly pageSize: number; readonly outcome?: NumberOutcome },
    signal?: AbortSignal,
  ): Promise<Page<NumberResult>>;
}

/** What a ResendComposer is built from. */
export interface ResendComposerDeps {
  readonly source: ResendSource;
  readonly lists: Pick<ListsRepository, 'begin' | 'append' | 'finish' | 'remove'>;
  readonly drafts: {
    /** Refuses a target account that does not exist or cannot run the kind (before any request). */
    checkTarget?(accountId: string, kind: TaskKind): void;
    create(input: {
      readonly accountId: string;
      readonly kind: TaskKind;
      readonly name: string;
      readonly listId: string;
    }): { readonly id: string };
  };
  readonly clock: Clock;
  readonly locale: () => Locale;
  readonly newId?: () => string;
  /** Most numbers collected (default MAX_RESEND_NUMBERS). */
  readonly maxNumbers?: number;
}

/** What to resend: finished tasks on the board, the outcomes wanted, and where the draft goes. */
export interface ResendRequest {
  readonly keys: readonly string[];
  readonly outcomes: readonly NumberOutcome[];
  readonly accountId: string;
  readonly kind: TaskKind;
  readonly name: string;
}

/** The draft and list a resend made. */
export interface ResendResult {
  readonly draftId: string;
  readonly listId: string;
  readonly counts: ListCounts;
  /** True when the numbers stopped at the limit and some were left out. */
  readonly truncated: boolean;
}

/** The length rule the numbers are re-checked with, by the kind of the new task. */
export function ruleOfKind(kind: TaskKind): VendorLengthRule {
  switch (kind) {
    case 'ai-agent-group':
      return 'itniotech-ai';
    case 'predictive':
      return 'yccall';
    case 'voice-group':
    case 'cc-preview':
      return 'itniotech-voice';
  }
}

const OUTCOME_WORDS: Readonly<Record<NumberOutcome, { en: string; 'zh-CN': string }>> = {
  'not-called': { en: 'not called', 'zh-CN': '未呼叫' },
  answered: { en: 'answered', 'zh-CN': '已接听' },
  'no-answer': { en: 'no answer', 'zh-CN': '无人接听' },
  busy: { en: 'busy', 'zh-CN': '忙线' },
  failed: { en: 'failed', 'zh-CN': '失败' },
  transferred: { en: 'transferred', 'zh-CN': '已转接' },
  unknown: { en: 'unknown', 'zh-CN': '未知' },
};

/** "Resend of 2 tasks — failed, no answer" in the user's language. */
export function resendListName(
  tasks: number,
  outcomes: readonly NumberOutcome[],
  locale: Locale,
): string {
  const words = outcomes.map((outcome) => OUTCOME_WORDS[outcome][locale]);
  return locale === 'zh-CN'
    ? `重发 ${String(tasks)} 个任务 — ${words.join('、')}`
    : `Resend of ${String(tasks)} task${tasks === 1 ? '' : 's'} — ${words.join(', ')}`;
}

function stillRunning(row: BoardRow): AppError {
  return new AppError(
    'CONFLICT',
    {
      en: `“${row.n}” has not finished yet, so its outcomes may still change. Wait until it ends (or cancel it), then compose the resend.`,
      'zh-CN': `“${row.n}”尚未结束，其结果仍可能变化。请等待其结束（或取消它）后再组合重发。`,
    },
    { key: row.k, state: row.s },
  );
}

function noNumberResults(row: BoardRow): AppError {
  return new AppError(
    'INVALID_INPUT',
    {
      en: `“${row.n}” cannot be resent from here: its vendor does not list per-number results for this kind of task. Leave it out and try again.`,
      'zh-CN': `无法在此重发“${row.n}”：服务商不提供此类任务的逐号码结果。请去掉该任务后重试。`,
    },
    { key: row.k, kind: row.kd },
  );
}

/**
 * Builds a resend: the numbers of finished tasks that ended with the chosen outcomes, re-checked
 * for the new task's vendor and deduplicated across tasks, as a new list and a draft using it.
 *
 * Every task is checked before anything is written, so a refused task leaves nothing behind; a
 * failure while paging removes the half-written list (it is never marked finished).
 */
export class ResendComposer {
  private readonly newId: () => string;
  private readonly maxNumbers: number;

  constructor(private readonly deps: ResendComposerDeps) {
    this.newId = deps.newId ?? randomUUID;
    this.maxNumbers = deps.maxNumbers ?? MAX_RESEND_NUMBERS;
  }

  /** Collects the numbers, writes the list and creates the draft. */
  async compose(request: ResendRequest, signal?: AbortSignal): Promise<ResendResult> {
    const keys = [...new Set(request.keys)];
    const outcomes = [...new Set(request.outcomes)];
    this.deps.drafts.checkTarget?.(request.accountId, request.kind);
    for (const key of keys) {
      const row = this.deps.source.row(key);
      // A running task's outcomes are not final: its "failed" numbers may still be retried.
      if (ACTIVE_TASK_STATES.includes(row.s)) throw stillRunning(row);
      const capabilities = await this.deps.source.capabilities(key);
      if (!capabilities.numberResults) throw noNumberResults(row);
    }
    const listId = this.newId();
    const rule = ruleOfKind(request.kind);
    this.deps.lists.begin({
      id: listId,
      name: resendListName(keys.length, outcomes, this.deps.locale()),
      sourceFileName: 'resend',
      sourceSha256: '',
      sourceSizeBytes: 0,
      sheet: '',
      headerRow: 0,
      mapping: { phone: 0, name: null, variables: [] },
      columnNames: { phone: 'phone', name: null, variables: [] },
      defaultCountry: null,
      rule,
      encoding: null,
      createdAt: this.deps.clock.now(),
    });
    try {
      const writer = new RowWriter(rule, (rows) => this.deps.lists.append(listId, rows));
      let truncated = false;
      for (const key of keys) {
        for await (const result of this.numbersOf(key, outcomes, signal)) {
          if (writer.count >= this.maxNumbers) {
            truncated = true;
            break;
          }
          writer.add(result.phone);
        }
        if (truncated) break;
      }
      writer.flush();
      signal?.throwIfAborted();
      this.deps.lists.finish(listId, writer.counts());
      const draft = this.deps.drafts.create({
        accountId: request.accountId,
        kind: request.kind,
        name: request.name,
        listId,
      });
      return { draftId: draft.id, listId, counts: writer.counts(), truncated };
    } catch (error) {
      this.deps.lists.remove(listId);
      throw error;
    }
  }

  /**
   * A task's numbers with the wanted outcomes. Pages are filtered by outcome at the vendor; when
   * the vendor filters a page only after reading it (Yccall TaskInfo has no outcome filter, so
   * `total` is null and a filtered page may be short or empty before the end), the task is read
   * once unfiltered and filtered here instead.
   */
  private async *numbersOf(
    key: string,
    outcomes: readonly NumberOutcome[],
    signal: AbortSignal | undefined,
  ): AsyncGenerator<NumberResult> {
    for (const outcome of outcomes) {
      const first = await this.deps.source.numberResults(
        key,
        { page: 1, pageSize: PAGE_SIZE, outcome },
        signal,
      );
      if (first.total === null) {
        yield* this.allPages(key, new Set(outcomes), signal);
        return;
      }
      yield* first.items;
      for (let page = 2; (page - 1) * PAGE_SIZE < first.total; page += 1) {
        const next = await this.deps.source.numberResults(
          key,
          { page, pageSize: PAGE_SIZE, outcome },
          signal,
        );
        yield* next.items;
        if (next.items.length === 0) break;
      }
    }
  }

  private async *allPages(
    key: string,
    outcomes: ReadonlySet<NumberOutcome>,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<NumberResult> {
    for (let page = 1; ; page += 1) {
      const next = await this.deps.source.numberResults(key, { page, pageSize: PAGE_SIZE }, signal);
      for (const item of next.items) if (outcomes.has(item.outcome)) yield item;
      const more =
        next.total === null ? next.items.length >= PAGE_SIZE : page * PAGE_SIZE < next.total;
      if (!more || next.items.length === 0) return;
    }
  }
}

/** Checks numbers into list rows (valid, fixed, invalid, duplicate) and writes them in batches. */
class RowWriter {
  private readonly seen = new Map<string, number>();
  private readonly pending: StoredRow[] = [];
  private readonly tally = { total: 0, valid: 0, fixed: 0, invalid: 0, duplicate: 0 };

  constructor(
    private readonly rule: VendorLengthRule,
    private readonly write: (rows: readonly StoredRow[]) => void,
  ) {}

  get count(): number {
    return this.tally.total;
  }

  add(original: string): void {
    const seq = this.tally.total;
    const base = { seq, rowNumber: seq + 1, original, name: null, variables: [] };
    this.tally.total += 1;
    // Vendors report numbers as E.164, some without the '+' (ITNIO sends country code + digits):
    // with no default country, checkPhone reads them as international.
    const check = checkPhone(original, null, this.rule);
    if (!check.ok) {
      this.tally.invalid += 1;
      this.push({
        ...base,
        status: 'invalid',
        phone: null,
        reasonCode: check.problem,
        reasonDetail: check.problem === 'letters' ? original : check.detail,
      });
      return;
    }
    const first = this.seen.get(check.e164);
    if (first !== undefined) {
      this.tally.duplicate += 1;
      this.push({
        ...base,
        status: 'duplicate',
        phone: check.e164,
        reasonCode: 'duplicate',
        reasonDetail: String(first),
      });
      return;
    }
    this.seen.set(check.e164, base.rowNumber);
    if (check.changes.length === 0) {
      this.tally.valid += 1;
      this.push({
        ...base,
        status: 'valid',
        phone: check.e164,
        reasonCode: null,
        reasonDetail: null,
      });
      return;
    }
    this.tally.fixed += 1;
    this.push({
      ...base,
      status: 'fixed',
      phone: check.e164,
      reasonCode: check.changes.join(','),
      reasonDetail: `+${check.callingCode}`,
    });
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.write(this.pending.splice(0));
  }

  counts(): ListCounts {
    return { ...this.tally };
  }

  private push(row: StoredRow): void {
    this.pending.push(row);
    if (this.pending.length >= BATCH) this.flush();
  }
}
