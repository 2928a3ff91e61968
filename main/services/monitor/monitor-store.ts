import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { inTransaction } from '../storage/transaction';
import { z } from 'zod';
import {
  AlertThresholdSchema,
  BoardRowSchema,
  type AlertThreshold,
  type BoardRow,
  type CounterPoint,
  type ThresholdSettings,
} from '../../../shared/domain/board';
import { ErrorCodeSchema, type ErrorCode } from '../../../shared/ipc/errors';
import {
  FiredAlertWhatSchema,
  MAX_FIRED_ALERTS,
  type FiredAlert,
} from '../../../shared/domain/fired-alerts';
import { TaskKindSchema } from '../../../shared/domain/task';
import type { RowFields } from './board-rows';

/** An account's polling record as stored. */
export interface StoredAccount {
  readonly accountId: string;
  readonly state: 'never' | 'ok' | 'error';
  readonly lastSuccessAt: number | null;
  readonly lastAttemptAt: number | null;
  readonly error: {
    readonly code: ErrorCode;
    readonly message: { readonly en: string; readonly 'zh-CN': string };
  } | null;
  readonly firstSyncDone: boolean;
}

const TaskRecordSchema = z.object({
  id: z.number(),
  row_key: z.string(),
  account_id: z.string(),
  vendor: z.string(),
  kind: z.string(),
  task_id: z.string(),
  name: z.string(),
  state: z.string(),
  status_code: z.string(),
  status_label: z.string(),
  total: z.number().nullable(),
  called: z.number().nullable(),
  success: z.number().nullable(),
  failed: z.number().nullable(),
  transferred: z.number().nullable(),
  created_at: z.number().nullable(),
  finished_at: z.number().nullable(),
});

const AccountRecordSchema = z.object({
  account_id: z.string(),
  state: z.enum(['never', 'ok', 'error']),
  last_success_at: z.number().nullable(),
  last_attempt_at: z.number().nullable(),
  error_code: ErrorCodeSchema.nullable(),
  error_en: z.string().nullable(),
  error_zh: z.string().nullable(),
  first_sync_done: z.number(),
});

const PointRecordSchema = z.object({
  at: z.number(),
  total: z.number().nullable(),
  called: z.number().nullable(),
  success: z.number().nullable(),
  failed: z.number().nullable(),
  transferred: z.number().nullable(),
});

const CalledRecordSchema = z.object({ task_row: z.number(), called: z.number() });

const ThresholdRecordSchema = z.object({
  scope: z.string(),
  success_rate_below: z.number(),
  after_calls: z.number(),
});

const AlertRecordSchema = z.object({
  id: z.number(),
  at: z.number(),
  row_key: z.string(),
  account_id: z.string(),
  kind: TaskKindSchema,
  task_name: z.string(),
  what: FiredAlertWhatSchema,
  rate: z.number().nullable(),
  limit_value: z.number().nullable(),
  after_calls: z.number().nullable(),
  called: z.number().nullable(),
  total: z.number().nullable(),
  status_code: z.string(),
});

/** An alert to remember, as the monitor fired it. */
export type NewFiredAlert = Omit<FiredAlert, 'id' | 'at'> & { readonly at: number };

const GLOBAL_SCOPE = '*';

/**
 * The board's SQLite tables (migration `monitor`): task rows, account status, counters over time,
 * thresholds, and sent notifications. Every multi-row write is one transaction.
 */
export class MonitorStore {
  constructor(private readonly db: DatabaseSync) {}

  /** Every stored row (the board as last seen). Rows that no longer parse are skipped. */
  loadRows(): BoardRow[] {
    const rows: BoardRow[] = [];
    for (const record of this.db.prepare('SELECT * FROM monitor_tasks ORDER BY id').all()) {
      const r = TaskRecordSchema.parse(record);
      const parsed = BoardRowSchema.safeParse({
        i: r.id,
        k: r.row_key,
        a: r.account_id,
        v: r.vendor,
        kd: r.kind,
        t: r.task_id,
        n: r.name,
        s: r.state,
        sc: r.status_code,
        sl: r.status_label,
        tot: r.total,
        c: r.called,
        ok: r.success,
        f: r.failed,
        x: r.transferred,
        cr: r.created_at,
        fin: r.finished_at,
      });
      if (parsed.success) rows.push(parsed.data);
    }
    return rows;
  }

  /**
   * Writes rows and counter points in one transaction. Rows without an id are inserted and get
   * one; returns the rows with their ids, in the order given.
   */
  save(
    rows: readonly (RowFields & { readonly i?: number })[],
    points: readonly { readonly key: string; readonly point: CounterPoint }[],
    seenAt: number,
  ): BoardRow[] {
    const insert = this.db.prepare(
      `INSERT INTO monitor_tasks (row_key, account_id, vendor, kind, task_id, name, state,
         status_code, status_label, total, called, success, failed, transferred, created_at,
         finished_at, seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = this.db.prepare(
      `UPDATE monitor_tasks SET name = ?, state = ?, status_code = ?, status_label = ?, total = ?,
         called = ?, success = ?, failed = ?, transferred = ?, created_at = ?, finished_at = ?,
         seen_at = ? WHERE id = ?`,
    );
    const point = this.db.prepare(
      `INSERT OR REPLACE INTO monitor_counters (task_row, at, total, called, success, failed,
         transferred) SELECT id, ?, ?, ?, ?, ?, ? FROM monitor_tasks WHERE row_key = ?`,
    );
    return this.transaction(() => {
      const saved = rows.map((row): BoardRow => {
        const values: SQLInputValue[] = [
          row.n,
          row.s,
          row.sc,
          row.sl,
          row.tot,
          row.c,
          row.ok,
          row.f,
          row.x,
          row.cr,
          row.fin,
          seenAt,
        ];
        if (row.i !== undefined) {
          update.run(...values, row.i);
          return { ...row, i: row.i };
        }
        const result = insert.run(row.k, row.a, row.v, row.kd, row.t, ...values);
        return { ...row, i: Number(result.lastInsertRowid) };
      });
      for (const { key, point: p } of points) {
        point.run(p.at, p.tot, p.c, p.ok, p.f, p.x, key);
      }
      return saved;
    });
  }

  /** Removes rows (and their history). */
  removeRows(ids: readonly number[]): void {
    const remove = this.db.prepare('DELETE FROM monitor_tasks WHERE id = ?');
    this.transaction(() => {
      for (const id of ids) remove.run(id);
    });
  }

  /** A row's counters over time, oldest first. */
  points(rowId: number, since = 0): CounterPoint[] {
    return this.db
      .prepare(
        `SELECT at, total, called, success, failed, transferred FROM monitor_counters
         WHERE task_row = ? AND at >= ? ORDER BY at`,
      )
      .all(rowId, since)
      .map((record) => {
        const r = PointRecordSchema.parse(record);
        return {
          at: r.at,
          tot: r.total,
          c: r.called,
          ok: r.success,
          f: r.failed,
          x: r.transferred,
        };
      });
  }

  /**
   * Each row's "called" counter at its last point at or before `at` (epoch ms), for rows with
   * one: where "called today" starts counting.
   */
  calledAt(at: number): { readonly rowId: number; readonly called: number }[] {
    return this.db
      .prepare(
        `SELECT p.task_row, p.called FROM monitor_counters p
         WHERE p.called IS NOT NULL AND p.at = (
           SELECT MAX(q.at) FROM monitor_counters q
           WHERE q.task_row = p.task_row AND q.at <= ? AND q.called IS NOT NULL)`,
      )
      .all(at)
      .map((record) => {
        const r = CalledRecordSchema.parse(record);
        return { rowId: r.task_row, called: r.called };
      });
  }

  /** Drops counter points older than `before` (epoch ms); returns how many. */
  prunePoints(before: number): number {
    const result = this.db.prepare('DELETE FROM monitor_counters WHERE at < ?').run(before);
    return Number(result.changes);
  }

  /** Every account's stored polling record. */
  loadAccounts(): StoredAccount[] {
    return this.db
      .prepare('SELECT * FROM monitor_accounts ORDER BY account_id')
      .all()
      .map((record) => {
        const r = AccountRecordSchema.parse(record);
        return {
          accountId: r.account_id,
          state: r.state,
          lastSuccessAt: r.last_success_at,
          lastAttemptAt: r.last_attempt_at,
          error:
            r.error_code === null
              ? null
              : {
                  code: r.error_code,
                  message: { en: r.error_en ?? '', 'zh-CN': r.error_zh ?? '' },
                },
          firstSyncDone: r.first_sync_done === 1,
        };
      });
  }

  /** Writes an account's polling record. */
  saveAccount(account: StoredAccount): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO monitor_accounts (account_id, state, last_success_at,
           last_attempt_at, error_code, error_en, error_zh, first_sync_done)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        account.accountId,
        account.state,
        account.lastSuccessAt,
        account.lastAttemptAt,
        account.error?.code ?? null,
        account.error?.message.en ?? null,
        account.error?.message['zh-CN'] ?? null,
        account.firstSyncDone ? 1 : 0,
      );
  }

  /** Forgets an account: its record and rows (with their history). */
  removeAccount(accountId: string): number[] {
    return this.transaction(() => {
      const ids = this.db
        .prepare('SELECT id FROM monitor_tasks WHERE account_id = ?')
        .all(accountId)
        .map((record) => z.object({ id: z.number() }).parse(record).id);
      this.db.prepare('DELETE FROM monitor_tasks WHERE account_id = ?').run(accountId);
      this.db.prepare('DELETE FROM monitor_accounts WHERE account_id = ?').run(accountId);
      return ids;
    });
  }

  /** The thresholds set. */
  thresholds(): ThresholdSettings {
    const settings: { global: AlertThreshold | null; accounts: Record<string, AlertThreshold> } = {
      global: null,
      accounts: {},
    };
    for (const record of this.db.prepare('SELECT * FROM monitor_thresholds').all()) {
      const r = ThresholdRecordSchema.parse(record);
      const parsed = AlertThresholdSchema.safeParse({
        successRateBelow: r.success_rate_below,
        afterCalls: r.after_calls,
      });
      if (!parsed.success) continue;
      if (r.scope === GLOBAL_SCOPE) settings.global = parsed.data;
      else settings.accounts[r.scope.slice(1)] = parsed.data;
    }
    return settings;
  }

  /** Sets (or with null, clears) the global threshold or one account's. */
  setThreshold(accountId: string | null, threshold: AlertThreshold | null): void {
    // Account scopes are prefixed so no account id can collide with the global scope.
    const scope = accountId === null ? GLOBAL_SCOPE : `@${accountId}`;
    if (threshold === null) {
      this.db.prepare('DELETE FROM monitor_thresholds WHERE scope = ?').run(scope);
      return;
    }
    this.db
      .prepare(
        `INSERT OR REPLACE INTO monitor_thresholds (scope, success_rate_below, after_calls)
         VALUES (?, ?, ?)`,
      )
      .run(scope, threshold.successRateBelow, threshold.afterCalls);
  }

  /** Remembers an alert that fired; the oldest beyond MAX_FIRED_ALERTS are dropped. */
  recordAlert(alert: NewFiredAlert): void {
    inTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO monitor_alerts (at, row_key, account_id, kind, task_name, what, rate,
             limit_value, after_calls, called, total, status_code)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          alert.at,
          alert.rowKey,
          alert.accountId,
          alert.kind,
          alert.taskName,
          alert.what,
          alert.rate,
          alert.limit,
          alert.afterCalls,
          alert.called,
          alert.total,
          alert.statusCode,
        );
      this.db
        .prepare(
          `DELETE FROM monitor_alerts WHERE id NOT IN
             (SELECT id FROM monitor_alerts ORDER BY at DESC, id DESC LIMIT ?)`,
        )
        .run(MAX_FIRED_ALERTS);
    });
  }

  /** The alerts that fired, newest first. */
  firedAlerts(): FiredAlert[] {
    return this.db
      .prepare('SELECT * FROM monitor_alerts ORDER BY at DESC, id DESC')
      .all()
      .map((record) => {
        const r = AlertRecordSchema.parse(record);
        return {
          id: r.id,
          at: new Date(r.at).toISOString(),
          rowKey: r.row_key,
          accountId: r.account_id,
          kind: r.kind,
          taskName: r.task_name,
          what: r.what,
          rate: r.rate,
          limit: r.limit_value,
          afterCalls: r.after_calls,
          called: r.called,
          total: r.total,
          statusCode: r.status_code,
        };
      });
  }

  /** Forgets every fired alert (the list's Clear); each still fires only once per task. */
  clearAlerts(): void {
    this.db.prepare('DELETE FROM monitor_alerts').run();
  }

  /**
   * Records that a notification for (row, condition) was sent; false if it already was, so each
   * fires once, across restarts too.
   */
  markNotified(rowKey: string, condition: string, at: number): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO monitor_notified (row_key, condition, at) VALUES (?, ?, ?)')
      .run(rowKey, condition, at);
    return Number(result.changes) === 1;
  }

  private transaction<T>(work: () => T): T {
    return inTransaction(this.db, work);
  }
}
