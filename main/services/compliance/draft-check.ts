import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ExclusionView } from '../../../shared/domain/compliance';
import type { Draft } from '../../../shared/domain/draft';
import {
  SqliteListCheck,
  type Exclusion,
  type ListCheckRequest,
  type ListCheckSummary,
} from './list-check';
import { PHONE_KEY_SQL } from './number-key';
import { APPLICABLE_LISTS_SQL } from './sqlite-dnc-repository';
import { windowBounds } from './sqlite-call-history-repository';

/** How many exclusions the review shows at once (the rest: `compliance.exclusions`). */
export const EXCLUSION_SAMPLE = 50;

/** The outcome of checking a draft's list: counts, versions, and what goes out. */
export interface DraftCheckResult extends ListCheckSummary {
  /** Recent-call exclusions the manager chose to call anyway. */
  readonly included: number;
  /** Numbers that will be sent: callable minus DNC, minus recent calls unless included. */
  readonly toSend: number;
}

/** One row that goes out after the exclusions (list order). */
export interface SendableRow {
  readonly seq: number;
  readonly phone: string;
}

/**
 * The compliance check of one draft (issue 17): its list against the DNC lists that apply to its
 * account and, when the draft asks, against the call history of the last N days.
 *
 * A thin layer over `SqliteListCheck` (the indexed join): it turns the draft's choices into a
 * check request, puts DNC list names on the exclusions, marks the recent calls the manager
 * includes anyway, and streams the rows that go out (the same conditions, negated, in one pass).
 */
export class DraftCheck {
  private readonly check: SqliteListCheck;
  private readonly sendable: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.check = new SqliteListCheck(db);
    this.sendable = db.prepare(
      `SELECT r.seq, r.phone FROM list_rows r
       WHERE r.list_id = :list AND +r.status IN ('valid', 'fixed')
         AND NOT EXISTS (SELECT 1 FROM dnc_entries e
           WHERE e.number = ${PHONE_KEY_SQL('r.phone')}
             AND e.list_key IN (${APPLICABLE_LISTS_SQL.replace('?', ':account')})
             AND (e.expires_at IS NULL OR e.expires_at > :at))
         AND NOT EXISTS (SELECT 1 FROM call_history h
           WHERE h.number = ${PHONE_KEY_SQL('r.phone')} AND h.at >= :from AND h.at <= :to)
       ORDER BY r.seq`,
    );
    this.sendable.setReturnArrays(true);
  }

  /** The check request of a draft's list at an instant (null without a list). */
  requestOf(draft: Draft, listId: string, at: number): ListCheckRequest {
    const days = draft.compliance.recentCallDays;
    return { listId, accountId: draft.accountId, historyDays: days > 0 ? days : null, at };
  }

  /** Checks a list for a draft; every exclusion goes to `onExclusions` in list order, in batches. */
  async run(
    draft: Draft,
    listId: string,
    at: number,
    onExclusions?: (batch: readonly Exclusion[]) => void,
  ): Promise<DraftCheckResult> {
    const summary = await this.check.check(this.requestOf(draft, listId, at), onExclusions);
    const included = draft.compliance.includeRecentCalls ? summary.byRule['recent-call'] : 0;
    return {
      ...summary,
      included,
      toSend: summary.callable - summary.excluded + included,
    };
  }

  /** A page of exclusions as the review shows them, after row `after` (null: from the start). */
  async page(
    draft: Draft,
    listId: string,
    at: number,
    after: number | null,
    limit: number,
  ): Promise<{ items: ExclusionView[]; next: number | null }> {
    const page = await this.check.page(this.requestOf(draft, listId, at), after ?? -1, limit);
    const names = this.dncNames();
    return { items: page.items.map((e) => this.viewOf(draft, e, names)), next: page.next };
  }

  /** An exclusion as the review and the report show it. */
  viewOf(draft: Draft, exclusion: Exclusion, names: ReadonlyMap<string, string>): ExclusionView {
    return {
      seq: exclusion.seq,
      phone: exclusion.phone,
      rule: exclusion.rule,
      dncList: exclusion.dncListId === null ? null : (names.get(exclusion.dncListId) ?? null),
      lastCalledAt:
        exclusion.lastCalledAt === null ? null : new Date(exclusion.lastCalledAt).toISOString(),
      included: exclusion.rule === 'recent-call' && draft.compliance.includeRecentCalls,
    };
  }

  /** DNC list id → name, as now. */
  dncNames(): Map<string, string> {
    return new Map(
      this.db
        .prepare('SELECT id, name FROM dnc_lists')
        .all()
        .map((row) => [String(row['id']), String(row['name'])]),
    );
  }

  /**
   * The rows of a draft's list that go out, in list order: callable, on no applicable DNC list,
   * and (unless the manager includes them) not called inside the history window.
   */
  rowsToSend(draft: Draft, listId: string, at: number): Generator<SendableRow> {
    const request = this.requestOf(draft, listId, at);
    return this.rowsPassing({
      ...request,
      historyDays: draft.compliance.includeRecentCalls ? null : request.historyDays,
    });
  }

  /**
   * The callable rows of a list that no rule of `request` excludes, in list order. A generator
   * over a streaming statement: a 1,000,000-row list is never held in memory.
   */
  *rowsPassing(request: ListCheckRequest): Generator<SendableRow> {
    const window =
      request.historyDays === null
        ? { from: 1, to: 0 }
        : windowBounds({ days: request.historyDays, at: request.at });
    const rows = this.sendable.iterate({
      list: request.listId,
      account: request.accountId,
      at: request.at,
      from: window.from,
      to: window.to,
    }) as unknown as Iterable<readonly unknown[]>;
    for (const values of rows) yield { seq: Number(values[0]), phone: String(values[1]) };
  }

  /**
   * A probe for single numbers (the resend composer): true when the number is on a DNC list that
   * applies to `accountId` and has not expired at `at`. One primary-key lookup per call.
   */
  dncProbe(accountId: string, at: number): (e164: string) => boolean {
    const statement = this.db.prepare(
      `SELECT 1 AS hit FROM dnc_entries
       WHERE number = ? AND list_key IN (${APPLICABLE_LISTS_SQL})
         AND (expires_at IS NULL OR expires_at > ?) LIMIT 1`,
    );
    return (e164) =>
      /^\+[1-9]\d{1,14}$/.test(e164) &&
      statement.get(Number(e164.slice(1)), accountId, at) !== undefined;
  }

  /** The DNC check alone (the submit-time recheck): every exclusion goes to `onExclusions`. */
  async checkDnc(
    request: Omit<ListCheckRequest, 'historyDays'>,
    onExclusions?: (batch: readonly Exclusion[]) => void,
  ): Promise<ListCheckSummary> {
    return this.check.check({ ...request, historyDays: null }, onExclusions);
  }
}
