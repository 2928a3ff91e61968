import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { AppError } from '../errors';
import { inTransaction } from '../storage/transaction';
import { DAY_MS, numberKey, PHONE_KEY_SQL } from './number-key';
import type {
  BatchResult,
  CallHistoryRepository,
  HistoryCounts,
  HistoryWindow,
  Page,
  PageRequest,
  RecentCall,
  SubmittedNumbers,
} from './ports';
import { bumpVersion, readVersion } from './sqlite-versions';

/**
 * The instants a window covers: from exactly `days` days before `at` (included) up to `at`
 * (included). A call exactly N days ago is "in the last N days"; one a millisecond earlier is not.
 */
export function windowBounds(window: HistoryWindow): {
  readonly from: number;
  readonly to: number;
} {
  if (!Number.isInteger(window.days) || window.days < 0 || window.days > 3650) {
    throw new AppError(
      'INVALID_INPUT',
      {
        en: 'The number of days for "skip numbers called recently" must be a whole number from 0 to 3650.',
        'zh-CN': '“跳过近期呼叫过的号码”的天数必须是 0 到 3650 之间的整数。',
      },
      { failure: 'history-days', field: 'days' },
    );
  }
  return { from: window.at - window.days * DAY_MS, to: window.at };
}

const num = (value: unknown): number => Number(value ?? 0);

/** `CallHistoryRepository` on the app's SQLite database (`storage/migrations/compliance.ts`). */
export class SqliteCallHistoryRepository implements CallHistoryRepository {
  private readonly insertCall: StatementSync;
  private readonly lastCall: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.insertCall = db.prepare(
      'INSERT OR IGNORE INTO call_history (number, at, submission_key) VALUES (?, ?, ?)',
    );
    this.lastCall = db.prepare(
      `SELECT MAX(at) AS last, COUNT(*) AS calls FROM call_history
       WHERE number = ? AND at >= ? AND at <= ?`,
    );
  }

  /** {@inheritDoc CallHistoryRepository.record} */
  async record(submitted: SubmittedNumbers): Promise<BatchResult> {
    const keys = submitted.numbers.map(numberKey);
    return inTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT OR IGNORE INTO call_submissions (account_id, task_ref, at, by_resend)
           VALUES (?, ?, ?, ?)`,
        )
        .run(submitted.accountId, submitted.taskRef, submitted.at, submitted.byResend ? 1 : 0);
      const submission = num(
        this.db
          .prepare('SELECT key FROM call_submissions WHERE account_id = ? AND task_ref = ?')
          .get(submitted.accountId, submitted.taskRef)?.['key'],
      );
      let written = 0;
      for (const key of keys) {
        written += Number(this.insertCall.run(key, submitted.at, submission).changes);
      }
      return { count: written, version: bumpVersion(this.db, 'history') };
    });
  }

  /** {@inheritDoc CallHistoryRepository.recentlyCalled} */
  async recentlyCalled(
    numbers: readonly string[],
    window: HistoryWindow,
  ): Promise<readonly RecentCall[]> {
    const { from, to } = windowBounds(window);
    const recent: RecentCall[] = [];
    for (const number of numbers) {
      const row = this.lastCall.get(numberKey(number), from, to);
      const calls = num(row?.['calls']);
      if (calls > 0) recent.push({ number, lastCalledAt: num(row?.['last']), calls });
    }
    return recent;
  }

  /** {@inheritDoc CallHistoryRepository.calledFromList} */
  async calledFromList(
    listId: string,
    window: HistoryWindow,
    page: PageRequest,
  ): Promise<Page<RecentCall>> {
    const { from, to } = windowBounds(window);
    const after = page.after === undefined || page.after === null ? -1 : Number(page.after);
    // Keyset on the list's primary key (list_id, seq); `+status` keeps the planner on it so rows
    // come in list order without a sort. Each row probes call_history's (number, at) key.
    const rows = this.db
      .prepare(
        `SELECT seq, phone, last, calls FROM (
           SELECT r.seq, r.phone,
             (SELECT MAX(at) FROM call_history WHERE number = ${PHONE_KEY_SQL('r.phone')}
                AND at >= :from AND at <= :to) AS last,
             (SELECT COUNT(*) FROM call_history WHERE number = ${PHONE_KEY_SQL('r.phone')}
                AND at >= :from AND at <= :to) AS calls
           FROM list_rows r
           WHERE r.list_id = :list AND +r.status IN ('valid', 'fixed') AND r.seq > :after)
         WHERE calls > 0 ORDER BY seq LIMIT :limit`,
      )
      .all({ from, to, list: listId, after, limit: page.limit + 1 });
    const items = rows.slice(0, page.limit).map((row): RecentCall => ({
      number: String(row['phone']),
      lastCalledAt: num(row['last']),
      calls: num(row['calls']),
    }));
    const last = rows[page.limit - 1];
    return {
      items,
      next: rows.length > page.limit && last ? String(num(last['seq'])) : null,
    };
  }

  /** {@inheritDoc CallHistoryRepository.countCalledFromList} */
  async countCalledFromList(listId: string, window: HistoryWindow): Promise<number> {
    const { from, to } = windowBounds(window);
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM list_rows r
         WHERE r.list_id = ? AND r.status IN ('valid', 'fixed') AND EXISTS (
           SELECT 1 FROM call_history
           WHERE number = ${PHONE_KEY_SQL('r.phone')} AND at >= ? AND at <= ?)`,
      )
      .get(listId, from, to);
    return num(row?.['n']);
  }

  /** {@inheritDoc CallHistoryRepository.counts} */
  async counts(
    filter: { readonly accountId?: string; readonly since?: number } = {},
  ): Promise<HistoryCounts> {
    const row = this.db
      .prepare(
        `SELECT COUNT(DISTINCT s.key) AS submissions, COUNT(h.number) AS calls,
           COALESCE(SUM(CASE WHEN h.number IS NOT NULL THEN s.by_resend ELSE 0 END), 0) AS by_resend
         FROM call_submissions s JOIN call_history h ON h.submission_key = s.key
         WHERE (?1 IS NULL OR s.account_id = ?1) AND (?2 IS NULL OR h.at >= ?2)`,
      )
      .get(filter.accountId ?? null, filter.since ?? null);
    return {
      submissions: num(row?.['submissions']),
      calls: num(row?.['calls']),
      byResend: num(row?.['by_resend']),
    };
  }

  /** {@inheritDoc CallHistoryRepository.version} */
  async version(): Promise<number> {
    return readVersion(this.db, 'history');
  }
}
