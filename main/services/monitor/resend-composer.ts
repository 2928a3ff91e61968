import { randomUUID } from 'node:crypto';
import { ACTIVE_TASK_STATES } from '../../../shared/domain/task';
import type { BoardRow } from '../../../shared/domain/board';
import {
  LENGTH_RULE_OF_KIND,
  type ListCounts,
  type VendorLengthRule,
} from '../../../shared/domain/list';
import type { Locale } from '../../../shared/domain/locale';
import type { NumberOutcome, NumberResult, TaskKind } from '../../../shared/domain/task';
import { checkPhone } from '../../../shared/util/phone-normalize';
import type { Clock } from '../../ports';
import { AppError } from '../errors';
import { problemStatus } from '../lists/row-processor';
import type { ListsRepository, StoredRow } from '../storage/lists-repository';
import type { SubmittedNumbers } from '../submissions/submitted-numbers';
import { ITNIO_PAGE_SIZE } from '../vendors/itniotech/rules';
import type { Page, TaskCapabilities } from '../vendors/vendor';
import { MaskedNumberResolver, isMasked } from './masked-numbers';

/** Most numbers one resend collects (the rest are left out and `truncated` says so). */
export const MAX_RESEND_NUMBERS = 1_000_000;

/** Rows per vendor page: the most a page may hold (itniotech.md §3). */
const PAGE_SIZE = ITNIO_PAGE_SIZE.max;

/** Rows written to the list per transaction. */
const BATCH = 5_000;

/** Unresolved masked numbers shown as examples. */
const EXAMPLES = 5;

/**
 * Settings a draft never takes from a submission: `createSettingsOf` (drafts/draft-validation)
 * adds them from the draft's schedule, which belongs to the new campaign (a past start time or the
 * old task's windows would be wrong there).
 */
const SCHEDULE_KEYS: ReadonlySet<string> = new Set(['sendTime', 'allowSendTime', 'scheduledTime']);

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
      readonly settings?: Readonly<Record<string, unknown>>;
      readonly origin?: 'manager' | 'resend';
    }): { readonly id: string };
  };
  /**
   * Do-not-call lists (issue 17): true when a number is on one that applies to the account.
   * Such numbers are left out of the resend list and counted; the send path checks again.
   */
  readonly dncOf?: (accountId: string) => (e164: string) => boolean;
  /** What the app submitted for each task: numbers behind masked results, and the settings. */
  readonly submitted: SubmittedNumbers;
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

/** Masked numbers that could not be told apart, and so were left out of the resend. */
export interface UnresolvedNumbers {
  readonly count: number;
  /** Fitted several submitted numbers. */
  readonly ambiguous: number;
  /** Fitted none of the submitted numbers. */
  readonly unmatched: number;
  /** From tasks whose submitted numbers the app does not know (not sent by it, list removed). */
  readonly unknown: number;
  /** A few, as the vendor showed them. */
  readonly examples: readonly string[];
}

/** The draft and list a resend made. */
export interface ResendResult {
  readonly draftId: string;
  readonly listId: string;
  readonly counts: ListCounts;
  /** True when the numbers stopped at the limit and some were left out. */
  readonly truncated: boolean;
  readonly unresolved: UnresolvedNumbers;
  /** True when the draft took the settings the tasks were submitted with. */
  readonly settingsCopied: boolean;
  /** Numbers left out because they are on a do-not-call list for the target account. */
  readonly dncExcluded: number;
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

const fmt = (n: number, locale: Locale) => n.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en');

/**
 * The refusal when a resend would hold no number to call: nothing is created, and the manager
 * reads why, in the counts the composer found.
 */
export function nothingToSend(
  counts: ListCounts,
  unresolved: UnresolvedNumbers,
  outcomes: readonly NumberOutcome[],
): AppError {
  const text = (locale: Locale) => {
    const zh = locale === 'zh-CN';
    const n = (value: number) => fmt(value, locale);
    if (counts.total === 0 && unresolved.count === 0) {
      const words = outcomes.map((outcome) => OUTCOME_WORDS[outcome][locale]);
      return zh
        ? `没有可发送的号码：所选任务中没有结果为${words.join('、')}的号码。未创建任何内容。`
        : `0 numbers to send: none of the chosen tasks has numbers that ended as ${words.join(', ')}. Nothing was created.`;
    }
    const examples =
      unresolved.examples.length > 0
        ? zh
          ? `（例如 ${unresolved.examples.join('、')}）`
          : ` (for example ${unresolved.examples.join(', ')})`
        : '';
    const parts: string[] = [];
    const known = unresolved.ambiguous + unresolved.unmatched;
    if (known > 0) {
      parts.push(
        zh
          ? `${n(known)} 个被服务商隐去部分数字的号码无法与您提交的号码唯一对应${examples}`
          : `${n(known)} could not be matched to the numbers you submitted${examples}`,
      );
    }
    if (unresolved.unknown > 0) {
      parts.push(
        zh
          ? `${n(unresolved.unknown)} 个被隐去部分数字的号码来自并非由本应用提交的任务（或其名单已删除），无法补全${known > 0 ? '' : examples}`
          : `${n(unresolved.unknown)} are partly hidden by the vendor and come from tasks this app did not submit (or whose list was removed), so they cannot be filled in${known > 0 ? '' : examples}`,
      );
    }
    const refused = counts.invalid + counts.flagged;
    if (refused > 0) {
      parts.push(
        zh
          ? `${n(refused)} 个不是新任务可用的电话号码`
          : `${n(refused)} are not valid phone numbers for the new task`,
      );
    }
    return zh
      ? `没有可发送的号码：${parts.join('；')}。未创建草稿或名单。`
      : `0 numbers to send: ${parts.join('; ')}. No draft or list was created.`;
  };
  return new AppError(
    'INVALID_INPUT',
    { en: text('en'), 'zh-CN': text('zh-CN') },
    {
      total: counts.total,
      invalid: counts.invalid,
      flagged: counts.flagged,
      unresolved: unresolved.count,
      ambiguous: unresolved.ambiguous,
      unmatched: unresolved.unmatched,
      unknown: unresolved.unknown,
    },
  );
}

/** The settings every source task was submitted with and agrees on, ready for a draft. */
function sharedSettings(
  all: readonly Readonly<Record<string, unknown>>[],
): Readonly<Record<string, unknown>> {
  const [first, ...rest] = all;
  if (first === undefined) return {};
  const shared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(first)) {
    if (SCHEDULE_KEYS.has(key) || value === undefined) continue;
    const same = JSON.stringify(value);
    if (rest.every((other) => JSON.stringify(other[key]) === same)) shared[key] = value;
  }
  return shared;
}

/** How the masked numbers of one task are resolved: against its submitted numbers, or not at all. */
type TaskResolver = MaskedNumberResolver | null;

/** Counts unresolved masked numbers and keeps a few examples. */
class UnresolvedTally {
  ambiguous = 0;
  unmatched = 0;
  unknown = 0;
  private readonly examples: string[] = [];

  add(kind: 'ambiguous' | 'unmatched' | 'unknown', text: string): void {
    this[kind] += 1;
    // As the vendor showed it, cut to a length a dialog can show.
    const shown = text.slice(0, 64);
    if (this.examples.length < EXAMPLES && !this.examples.includes(shown))
      this.examples.push(shown);
  }

  result(): UnresolvedNumbers {
    return {
      count: this.ambiguous + this.unmatched + this.unknown,
      ambiguous: this.ambiguous,
      unmatched: this.unmatched,
      unknown: this.unknown,
      examples: [...this.examples],
    };
  }
}

/**
 * Builds a resend: the numbers of finished tasks that ended with the chosen outcomes, re-checked
 * for the new task's vendor and deduplicated across tasks, as a new list and a draft using it.
 *
 * Masked numbers (ITNIO cc results, itniotech.md §4.5) are replaced by the one submitted number
 * that fits their visible digits (masked-numbers.ts); those that fit none or several are left out
 * and reported. When the new task has the tasks' own account and kind, the draft takes the
 * settings they were submitted with, so the manager fills in only what is missing.
 *
 * Every task is checked before anything is written, so a refused task leaves nothing behind; a
 * failure while paging, or a resend with no number to call, removes the half-written list (it is
 * never marked finished) and creates no draft.
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
    const rows: BoardRow[] = [];
    for (const key of keys) {
      const row = this.deps.source.row(key);
      // A running task's outcomes are not final: its "failed" numbers may still be retried.
      if (ACTIVE_TASK_STATES.includes(row.s)) throw stillRunning(row);
      const capabilities = await this.deps.source.capabilities(key);
      if (!capabilities.numberResults) throw noNumberResults(row);
      rows.push(row);
    }
    const settings = this.draftSettings(rows, request);
    const listId = this.newId();
    const rule = LENGTH_RULE_OF_KIND[request.kind];
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
      const writer = new RowWriter(
        rule,
        (batch) => this.deps.lists.append(listId, batch),
        this.deps.dncOf?.(request.accountId),
      );
      const unresolved = new UnresolvedTally();
      let truncated = false;
      for (const row of rows) {
        let resolver: Promise<TaskResolver> | null = null;
        // Masks that fit several submitted numbers, and how many rows of this task showed each.
        const ambiguous = new Map<string, number>();
        for await (const result of this.numbersOf(row.k, outcomes, signal)) {
          if (writer.count >= this.maxNumbers) {
            truncated = true;
            break;
          }
          if (!isMasked(result.phone)) {
            writer.add(result.phone);
            continue;
          }
          // Read the task's submitted numbers once, and only when a masked number needs them.
          resolver ??= this.resolverOf(row);
          const resolve = await resolver;
          if (resolve === null) {
            unresolved.add('unknown', result.phone);
            continue;
          }
          const found = resolve.resolve(result.phone);
          if (found.kind === 'resolved') writer.add(result.phone, found.e164);
          else if (found.kind === 'plain') writer.add(result.phone);
          else if (found.kind === 'ambiguous')
            ambiguous.set(result.phone, (ambiguous.get(result.phone) ?? 0) + 1);
          else unresolved.add(found.kind, result.phone);
        }
        // Each submitted number is one row of the task. When as many chosen rows show a mask as
        // there are submitted numbers fitting it, every one of those numbers had the outcome:
        // all of them are resent, and none is guessed.
        const known = resolver === null ? null : await resolver;
        for (const [text, rowsShowing] of ambiguous) {
          const candidates = known?.candidates(text) ?? [];
          if (candidates.length === rowsShowing && !truncated) {
            for (const e164 of candidates) writer.add(text, e164);
          } else {
            for (let i = 0; i < rowsShowing; i += 1) unresolved.add('ambiguous', text);
          }
        }
        if (truncated) break;
      }
      writer.flush();
      signal?.throwIfAborted();
      const counts = writer.counts();
      // A resend with nothing to call makes no draft and leaves no list (removed below).
      if (counts.valid + counts.fixed === 0) {
        throw nothingToSend(counts, unresolved.result(), outcomes);
      }
      this.deps.lists.finish(listId, counts);
      const draft = this.deps.drafts.create({
        accountId: request.accountId,
        kind: request.kind,
        name: request.name,
        listId,
        ...(settings === null ? {} : { settings }),
        origin: 'resend',
      });
      return {
        draftId: draft.id,
        listId,
        counts,
        truncated,
        unresolved: unresolved.result(),
        settingsCopied: settings !== null,
        dncExcluded: writer.dncExcluded,
      };
    } catch (error) {
      this.deps.lists.remove(listId);
      throw error;
    }
  }

  /**
   * The settings the draft starts from: those the tasks were submitted with, when the new task
   * goes to the same account and kind as every chosen task (settings such as agent groups and
   * applications belong to an account) and the app submitted at least one of them; else null.
   */
  private draftSettings(
    rows: readonly BoardRow[],
    request: ResendRequest,
  ): Readonly<Record<string, unknown>> | null {
    if (rows.some((row) => row.a !== request.accountId || row.kd !== request.kind)) return null;
    const known = rows
      .map((row) =>
        this.deps.submitted.settingsOf({ accountId: row.a, kind: row.kd, taskId: row.t }),
      )
      .filter((settings) => settings !== null);
    if (known.length === 0) return null;
    const shared = sharedSettings(known);
    return Object.keys(shared).length > 0 ? shared : null;
  }

  /** A resolver over the task's submitted numbers, or null when they are not known. */
  private async resolverOf(row: BoardRow): Promise<TaskResolver> {
    const lookup = await this.deps.submitted.numbersOf({
      accountId: row.a,
      kind: row.kd,
      taskId: row.t,
    });
    return lookup.status === 'found' ? new MaskedNumberResolver(lookup.numbers) : null;
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

/**
 * Checks numbers into list rows (valid, fixed, invalid, flagged, duplicate) and writes them in
 * batches.
 */
class RowWriter {
  private readonly seen = new Map<string, number>();
  private readonly pending: StoredRow[] = [];
  private readonly tally = { total: 0, valid: 0, fixed: 0, invalid: 0, flagged: 0, duplicate: 0 };

  /** Numbers left out because they are on a do-not-call list. */
  dncExcluded = 0;

  constructor(
    private readonly rule: VendorLengthRule,
    private readonly write: (rows: readonly StoredRow[]) => void,
    private readonly isDnc?: (e164: string) => boolean,
  ) {}

  get count(): number {
    return this.tally.total;
  }

  /** Adds a number as the vendor reported it, checking `number` (the resolved one, if masked). */
  add(original: string, number: string = original): void {
    const seq = this.tally.total;
    const base = { seq, rowNumber: seq + 1, original, name: null, variables: [] };
    this.tally.total += 1;
    // Vendors report numbers as E.164, some without the '+' (ITNIO sends country code + digits):
    // with no default country, checkPhone reads them as international.
    const check = checkPhone(number, null, this.rule);
    if (!check.ok) {
      const status = problemStatus(check.problem);
      this.tally[status] += 1;
      this.push({
        ...base,
        status,
        phone: null,
        reasonCode: check.problem,
        reasonDetail: check.problem === 'letters' ? original : check.detail,
      });
      return;
    }
    if (this.isDnc?.(check.e164) === true) {
      // Not a row of the list at all: a DNC number is never offered for calling.
      this.tally.total -= 1;
      this.dncExcluded += 1;
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
