import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { AppError } from '../errors';
import { PHONE_KEY_SQL } from './number-key';
import { APPLICABLE_LISTS_SQL } from './sqlite-dnc-repository';
import { windowBounds } from './sqlite-call-history-repository';
import { readVersion } from './sqlite-versions';

/** What to check: one imported list, for one account, at one instant. */
export interface ListCheckRequest {
  readonly listId: string;
  readonly accountId: string;
  /** Skip numbers called in the last N days; null checks DNC lists only. */
  readonly historyDays: number | null;
  /** The instant the check is for (epoch ms): expiries and the history window are seen from it. */
  readonly at: number;
}

/** The rule that excluded a number; a number on a DNC list is reported under `dnc`. */
export type ExclusionRule = 'dnc' | 'recent-call';

/** One callable row the check excluded, and why. */
export interface Exclusion {
  /** The row's position in the imported list. */
  readonly seq: number;
  /** E.164. */
  readonly phone: string;
  readonly rule: ExclusionRule;
  /** The DNC list that holds the number (the first by creation), or null. */
  readonly dncListId: string | null;
  /** The last call inside the history window, or null; set for `dnc` rows too when called. */
  readonly lastCalledAt: number | null;
}

/** The check's outcome: counts and the versions of the data it used (for the audit trail). */
export interface ListCheckSummary {
  /** Callable rows (valid or fixed) of the list. */
  readonly callable: number;
  /** Rows excluded by any rule. */
  readonly excluded: number;
  /** Excluded rows by rule (each row under one rule, `dnc` first). */
  readonly byRule: { readonly dnc: number; readonly 'recent-call': number };
  /** Rows on a DNC list that were also called inside the window. */
  readonly dncAndRecentCall: number;
  /** `DncRepository.version()` when the check ran. */
  readonly dncVersion: number;
  /** `CallHistoryRepository.version()` when the check ran. */
  readonly historyVersion: number;
}

/** A page of exclusions; `next` is the `afterSeq` of the following page, or null. */
export interface ExclusionPage {
  readonly items: readonly Exclusion[];
  readonly next: number | null;
}

/**
 * The check's query: the list's callable rows after `:after` that a rule excludes, in list order.
 *
 * `+r.status` keeps the planner on the primary key (rows in seq order, no sort); the applicable
 * DNC lists are computed once per statement (they do not depend on the row); each row probes the
 * primary keys of `dnc_entries` (number, list) and `call_history` (number, at).
 */
export const LIST_CHECK_SQL = `SELECT seq, phone, dnc_list, last_called FROM (
     SELECT r.seq, r.phone,
       (SELECT l.id FROM dnc_entries e JOIN dnc_lists l ON l.key = e.list_key
        WHERE e.number = ${PHONE_KEY_SQL('r.phone')}
          AND e.list_key IN (${APPLICABLE_LISTS_SQL.replace('?', ':account')})
          AND (e.expires_at IS NULL OR e.expires_at > :at)
        ORDER BY e.list_key LIMIT 1) AS dnc_list,
       (SELECT MAX(h.at) FROM call_history h
        WHERE h.number = ${PHONE_KEY_SQL('r.phone')} AND h.at >= :from AND h.at <= :to)
         AS last_called
     FROM list_rows r
     WHERE r.list_id = :list AND +r.status IN ('valid', 'fixed') AND r.seq > :after)
   WHERE dnc_list IS NOT NULL OR last_called IS NOT NULL
   ORDER BY seq LIMIT :limit`;

/** How many exclusions the streaming check hands over at a time. */
export const EXCLUSION_BATCH = 5_000;

/** A history window that can never match (no history rule). */
const NO_WINDOW = { from: 1, to: 0 };

/**
 * The fast check of an imported list against the DNC lists and the call history (issue 17).
 *
 * One SQL pass over the list's callable rows in list order (its primary key, `list_id, seq`); for
 * each row two index probes: `dnc_entries` by number (scope and expiry filtered on the entry) and
 * `call_history` by (number, at) inside the window. Only excluded rows leave SQLite, and they
 * stream out in batches, so a 1,000,000-row list is never in memory. The DNC and history versions
 * are read in the same read transaction as the rows (a WAL snapshot), so they describe exactly the
 * data the check saw.
 */
export class SqliteListCheck {
  private readonly statement: StatementSync;
  private readonly callable: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.statement = db.prepare(LIST_CHECK_SQL);
    this.statement.setReturnArrays(true);
    this.callable = db.prepare(
      `SELECT COUNT(*) AS n FROM list_rows WHERE list_id = ? AND status IN ('valid', 'fixed')`,
    );
  }

  /**
   * Checks the whole list: returns the counts and versions, and hands every exclusion, in list
   * order, to `onExclusions` in batches of up to `EXCLUSION_BATCH` (e.g. to write the audit
   * trail). The sink is synchronous because the rows are read inside one read transaction.
   */
  async check(
    request: ListCheckRequest,
    onExclusions?: (batch: readonly Exclusion[]) => void,
  ): Promise<ListCheckSummary> {
    const params = this.params(request);
    const began = !this.db.isTransaction;
    if (began) this.db.exec('BEGIN');
    try {
      this.requireList(request.listId);
      const dncVersion = readVersion(this.db, 'dnc');
      const historyVersion = readVersion(this.db, 'history');
      const callable = Number(this.callable.get(request.listId)?.['n'] ?? 0);
      let dnc = 0;
      let recent = 0;
      let both = 0;
      let batch: Exclusion[] = [];
      for (const values of this.statement.iterate({ ...params, after: -1, limit: -1 })) {
        const exclusion = toExclusion(values);
        if (exclusion.rule === 'dnc') {
          dnc += 1;
          if (exclusion.lastCalledAt !== null) both += 1;
        } else recent += 1;
        if (onExclusions) {
          batch.push(exclusion);
          if (batch.length >= EXCLUSION_BATCH) {
            onExclusions(batch);
            batch = [];
          }
        }
      }
      if (onExclusions && batch.length > 0) onExclusions(batch);
      return {
        callable,
        excluded: dnc + recent,
        byRule: { dnc, 'recent-call': recent },
        dncAndRecentCall: both,
        dncVersion,
        historyVersion,
      };
    } finally {
      if (began) this.db.exec('COMMIT');
    }
  }

  /** One page of exclusions in list order after row `afterSeq` (-1 for the first page). */
  async page(request: ListCheckRequest, afterSeq: number, limit: number): Promise<ExclusionPage> {
    this.requireList(request.listId);
    const rows = this.statement.all({ ...this.params(request), after: afterSeq, limit: limit + 1 });
    const items = rows.slice(0, limit).map(toExclusion);
    return { items, next: rows.length > limit ? (items.at(-1)?.seq ?? null) : null };
  }

  private params(request: ListCheckRequest): {
    readonly list: string;
    readonly account: string;
    readonly at: number;
    readonly from: number;
    readonly to: number;
  } {
    const window =
      request.historyDays === null
        ? NO_WINDOW
        : windowBounds({ days: request.historyDays, at: request.at });
    return {
      list: request.listId,
      account: request.accountId,
      at: request.at,
      from: window.from,
      to: window.to,
    };
  }

  private requireList(listId: string): void {
    if (this.db.prepare('SELECT 1 AS found FROM lists WHERE id = ?').get(listId)) return;
    throw new AppError(
      'NOT_FOUND',
      {
        en: 'The list to check is no longer there. Import it again and review the campaign.',
        'zh-CN': '要检查的名单已不存在。请重新导入并重新检查活动。',
      },
      { failure: 'list-not-found', listId },
    );
  }
}

function toExclusion(values: unknown): Exclusion {
  const [seq, phone, dncList, lastCalled] = values as readonly unknown[];
  return {
    seq: Number(seq),
    phone: String(phone),
    rule: dncList === null ? 'recent-call' : 'dnc',
    dncListId: typeof dncList === 'string' ? dncList : null,
    lastCalledAt: lastCalled === null || lastCalled === undefined ? null : Number(lastCalled),
  };
}
