import { zonesOf } from '../../../shared/compliance';
import type { Draft } from '../../../shared/domain/draft';
import type { Clock } from '../../ports';
import type { ListSource } from '../drafts/list-source';
import { AppError } from '../errors';
import { readCallees } from '../submissions/callees';
import type { ComplianceReview, ComplianceReviewResult, SplitPart } from './compliance-review';
import type { DerivedList, DerivedLists } from './derived-lists';
import type { DraftCheck } from './draft-check';
import type { Exclusion } from './list-check';
import type { CallHistoryRepository } from './ports';

/** Numbers per audit entry of an exclusion list (large sets are chunked across entries). */
export const AUDIT_NUMBERS_PER_ENTRY = 5_000;

/** Numbers recorded in the call history per write. */
const HISTORY_BATCH = 50_000;

/** One audit entry's worth of proof: which rule excluded which numbers. */
export interface ExclusionProof {
  readonly rule: 'dnc' | 'recent-call';
  /** `review` (checked when the draft was sent) or `submit` (rechecked before the first byte). */
  readonly stage: 'send' | 'submit';
  /** True for recent calls the manager included anyway (they were sent). */
  readonly included: boolean;
  readonly numbers: readonly string[];
  /** DNC list id per number (same order), for `dnc`. */
  readonly dncLists?: readonly string[];
  readonly part: number;
  readonly parts: number;
}

/** One submission a draft becomes after its compliance check. */
export interface PlannedSubmission {
  readonly name: string;
  readonly listId: string;
  /** Settings on top of the draft's: a split part's vendor schedule. */
  readonly schedule: Readonly<Record<string, unknown>>;
  readonly zone: string | null;
  readonly count: number;
}

/** What a draft's send-time check found, and the submissions it becomes. */
export interface SendPlan {
  readonly review: ComplianceReviewResult;
  readonly submissions: readonly PlannedSubmission[];
  /** Audit proof: what the check used and chose. */
  readonly checked: Readonly<Record<string, unknown>>;
  readonly exclusions: readonly ExclusionProof[];
}

/** The submit-time recheck's outcome for a queued submission. */
export interface Recheck {
  /** The list to send now (a new hidden list when numbers were removed). */
  readonly list: DerivedList | null;
  readonly dncVersion: number;
  readonly exclusions: readonly ExclusionProof[];
  readonly removed: number;
}

/** What the send side of compliance is built from. */
export interface SubmitComplianceOptions {
  readonly check: DraftCheck;
  readonly review: ComplianceReview;
  readonly derived: DerivedLists;
  readonly history: CallHistoryRepository;
  readonly lists: ListSource;
  readonly clock: Clock;
  /** Who started a draft (resend drafts' calls count as resends in the history). */
  readonly originOf: (draftId: string | null) => 'manager' | 'resend';
}

function chunked(
  rule: 'dnc' | 'recent-call',
  stage: 'send' | 'submit',
  included: boolean,
  exclusions: readonly Exclusion[],
): ExclusionProof[] {
  const parts = Math.ceil(exclusions.length / AUDIT_NUMBERS_PER_ENTRY);
  const proofs: ExclusionProof[] = [];
  for (let part = 0; part < parts; part += 1) {
    const slice = exclusions.slice(
      part * AUDIT_NUMBERS_PER_ENTRY,
      (part + 1) * AUDIT_NUMBERS_PER_ENTRY,
    );
    proofs.push({
      rule,
      stage,
      included,
      numbers: slice.map((e) => e.phone),
      ...(rule === 'dnc' ? { dncLists: slice.map((e) => e.dncListId ?? '') } : {}),
      part: part + 1,
      parts,
    });
  }
  return proofs;
}

/**
 * Compliance at send and submit time (issue 17): the same check as the review, run again when a
 * draft is sent (the lists may have changed since), turning the draft into hidden lists of the
 * numbers that go out (one per zone when split); a recheck against the DNC lists before a
 * submission's first byte; and the call history written once the vendor holds the numbers.
 */
export class SubmitCompliance {
  constructor(private readonly options: SubmitComplianceOptions) {}

  /**
   * Checks a draft at send time and writes what goes out. Refuses (nothing written) when a zone
   * is still to be chosen or nothing is left to send.
   */
  async plan(draft: Draft, listId: string, startAt: number): Promise<SendPlan> {
    const at = this.options.clock.now();
    const review = await this.options.review.review(draft, listId, at, {
      startAt: Math.max(at, startAt),
      durationMs: 0,
    });
    const blocking = review.problems[0];
    if (blocking !== undefined) {
      throw new AppError('INVALID_INPUT', blocking.message, { rule: blocking.rule });
    }
    const dnc: Exclusion[] = [];
    const recent: Exclusion[] = [];
    const result = await this.options.check.run(draft, listId, at, (batch) => {
      for (const exclusion of batch) (exclusion.rule === 'dnc' ? dnc : recent).push(exclusion);
    });
    if (result.toSend === 0) {
      throw new AppError('INVALID_INPUT', {
        en: 'Every number of the list is excluded by the do-not-call lists or the recent-call rule; nothing was sent.',
        'zh-CN': '名单中的所有号码都被禁呼名单或近期呼叫规则排除；未发送任何内容。',
      });
    }
    const include = draft.compliance.includeRecentCalls;
    const exclusions = [
      ...chunked('dnc', 'send', false, dnc),
      ...chunked('recent-call', 'send', include, recent),
    ];
    const checked = {
      draftId: draft.id,
      listId,
      dncVersion: result.dncVersion,
      historyVersion: result.historyVersion,
      recentCallDays: draft.compliance.recentCallDays,
      includeRecentCalls: include,
      callable: result.callable,
      excluded: { dnc: result.byRule.dnc, recentCall: result.byRule['recent-call'] },
      included: result.included,
      toSend: result.toSend,
      callingWindow: draft.compliance.callingWindow,
      splitByZone: draft.compliance.splitByZone,
    };
    const submissions =
      review.split === null
        ? [await this.whole(draft, listId, at, result.toSend, result.callable)]
        : await this.parts(draft, listId, at, review.split);
    return { review, submissions, checked, exclusions };
  }

  /** Before a queued submission's first byte: removes numbers put on a DNC list meanwhile. */
  async recheck(listId: string, accountId: string): Promise<Recheck> {
    const at = this.options.clock.now();
    const found: Exclusion[] = [];
    const summary = await this.options.check.checkDnc({ listId, accountId, at }, (batch) => {
      found.push(...batch);
    });
    if (found.length === 0) {
      return { list: null, dncVersion: summary.dncVersion, exclusions: [], removed: 0 };
    }
    const seqs = [...this.options.check.rowsPassing({ listId, accountId, at, historyDays: null })];
    const list =
      seqs.length === 0
        ? null
        : await this.options.derived.write(
            listId,
            seqs.map((row) => row.seq),
            'submit-time DNC recheck',
          );
    return {
      list,
      dncVersion: summary.dncVersion,
      exclusions: chunked('dnc', 'submit', false, found),
      removed: found.length,
    };
  }

  /**
   * Records a verified submission's numbers in the call history (minus those the vendor
   * refused), so the next campaign's history rule sees them, across vendors and accounts.
   */
  async recordSent(submission: {
    readonly accountId: string;
    readonly taskRef: string;
    readonly listId: string;
    readonly draftId: string | null;
    readonly refused: ReadonlySet<string>;
  }): Promise<number> {
    const { callees } = await readCallees(this.options.lists, submission.listId, { keep: true });
    const numbers = callees.map((c) => c.phone).filter((phone) => !submission.refused.has(phone));
    const at = this.options.clock.now();
    const byResend = this.options.originOf(submission.draftId) === 'resend';
    for (let from = 0; from < numbers.length; from += HISTORY_BATCH) {
      await this.options.history.record({
        accountId: submission.accountId,
        taskRef: submission.taskRef,
        at,
        byResend,
        numbers: numbers.slice(from, from + HISTORY_BATCH),
      });
    }
    return numbers.length;
  }

  private async whole(
    draft: Draft,
    listId: string,
    at: number,
    toSend: number,
    callable: number,
  ): Promise<PlannedSubmission> {
    const base = { name: draft.name.trim(), schedule: {}, zone: null, count: toSend };
    // Nothing excluded: the list itself goes, by reference, as before.
    if (toSend === callable) return { ...base, listId };
    const seqs = [...this.options.check.rowsToSend(draft, listId, at)].map((row) => row.seq);
    const list = await this.options.derived.write(listId, seqs, draft.name);
    return { ...base, listId: list.listId };
  }

  private async parts(
    draft: Draft,
    listId: string,
    at: number,
    split: readonly SplitPart[],
  ): Promise<PlannedSubmission[]> {
    const partOfKey = new Map<string, number>();
    split.forEach((part, index) => {
      for (const key of part.keys) partOfKey.set(key, index);
    });
    const seqs: number[][] = split.map(() => []);
    for (const row of this.options.check.rowsToSend(draft, listId, at)) {
      const index = partOfKey.get(zonesOf(row.phone).zones.join('&'));
      if (index !== undefined) seqs[index]?.push(row.seq);
    }
    const planned: PlannedSubmission[] = [];
    for (const [index, part] of split.entries()) {
      const list = await this.options.derived.write(listId, seqs[index] ?? [], part.name);
      planned.push({
        name: part.name,
        listId: list.listId,
        schedule: scheduleSettings(draft, part),
        zone: part.zone,
        count: list.callees.count,
      });
    }
    return planned;
  }
}

/** A split part's start and window in the settings fields the vendor module reads. */
function scheduleSettings(draft: Draft, part: SplitPart): Readonly<Record<string, unknown>> {
  const s = part.schedule;
  switch (draft.kind) {
    case 'voice-group':
    case 'ai-agent-group':
      return { sendTime: s.itnio.sendTime, allowSendTime: s.itnio.allowSendTime };
    case 'predictive':
      return { scheduledTime: s.yccall.scheduledtime, pausedTime: s.yccall.pausedtime };
    default:
      // cc-preview takes no start time (itniotech.md §4.2): the task starts when sent.
      return {};
  }
}
