import { z } from 'zod';
import { ErrorCodeSchema } from '../ipc/errors';
import { TaskKindSchema, TaskStateSchema, VendorIdSchema, type TaskKind } from './task';

// The live task board as it crosses IPC: a snapshot once, then compact deltas.
//
// A delta must stay small when thousands of tasks progress at once (target: at most 30 KB per
// 1,000 changed rows), so rows are addressed by a numeric id (`i`, stable for the life of the
// local database) instead of their string key, field names are one or two letters, progress and
// success rate are derived on the receiving side (`progressOf`, `successRateOf`) instead of being
// sent, and changed rows are grouped by the set of fields that changed, each row a plain array of
// values: `{ f: ['c', 'ok'], r: [[17, 5123, 2800], [42, 90, 51]] }`.

/** The stable key of a board row: `${accountId}:${kind}:${taskId}`. */
export type BoardRowKey = `${string}:${TaskKind}:${string}`;

/** Builds a row key. */
export function boardRowKey(accountId: string, kind: TaskKind, taskId: string): BoardRowKey {
  return `${accountId}:${kind}:${taskId}`;
}

const count = z.number().int().nonnegative().nullable();
const instant = z.number().int().nullable();

/**
 * One board row. Short names, because deltas repeat them:
 * `i` row id, `k` key, `a` account, `v` vendor, `kd` kind, `t` vendor task id, `n` name, `s` state,
 * `sc`/`sl` the vendor's own status code and label, `tot` numbers, `c` called, `ok` success,
 * `f` failed, `x` transferred to agents, `cr`/`fin` created/finished (epoch ms).
 */
export const BoardRowSchema = z.strictObject({
  i: z.number().int().positive(),
  k: z.string().min(1),
  a: z.string().min(1),
  v: VendorIdSchema,
  kd: TaskKindSchema,
  t: z.string().min(1),
  n: z.string(),
  s: TaskStateSchema,
  sc: z.string(),
  sl: z.string(),
  tot: count,
  c: count,
  ok: count,
  f: count,
  x: count,
  cr: instant,
  fin: instant,
});
export type BoardRow = z.infer<typeof BoardRowSchema>;

/** The fields a delta may change (identity fields never change). */
export const PATCH_FIELDS = [
  'n',
  's',
  'sc',
  'sl',
  'tot',
  'c',
  'ok',
  'f',
  'x',
  'cr',
  'fin',
] as const;
export const PatchFieldSchema = z.enum(PATCH_FIELDS);
export type PatchField = z.infer<typeof PatchFieldSchema>;

const PATCH_VALUE_SCHEMAS = BoardRowSchema.pick({
  n: true,
  s: true,
  sc: true,
  sl: true,
  tot: true,
  c: true,
  ok: true,
  f: true,
  x: true,
  cr: true,
  fin: true,
}).shape;

/**
 * Rows whose same set of fields changed: `f` names the fields, each entry of `r` is
 * `[rowId, ...values in the order of f]`.
 */
export const PatchGroupSchema = z
  .strictObject({
    f: z.array(PatchFieldSchema).min(1),
    r: z.array(z.array(z.union([z.number(), z.string(), z.null()]))),
  })
  .superRefine((group, context) => {
    if (new Set(group.f).size !== group.f.length) {
      context.addIssue({ code: 'custom', message: 'A field is named twice.', path: ['f'] });
    }
    group.r.forEach((entry, index) => {
      const [id, ...values] = entry;
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) {
        context.addIssue({ code: 'custom', message: 'Not a row id.', path: ['r', index, 0] });
      }
      if (values.length !== group.f.length) {
        context.addIssue({ code: 'custom', message: 'Wrong value count.', path: ['r', index] });
        return;
      }
      group.f.forEach((field, at) => {
        if (!PATCH_VALUE_SCHEMAS[field].safeParse(values[at]).success) {
          context.addIssue({
            code: 'custom',
            message: `Bad value for ${field}.`,
            path: ['r', index, at + 1],
          });
        }
      });
    });
  });
export type PatchGroup = z.infer<typeof PatchGroupSchema>;

/** Whether the monitor polls now, and if not, why. */
export const PollingStateSchema = z.enum(['on', 'hidden', 'offline', 'stopped']);
export type PollingState = z.infer<typeof PollingStateSchema>;

/** How one account's polling is going; the board shows it on the account's rows. */
export const AccountBoardStatusSchema = z.strictObject({
  accountId: z.string().min(1),
  /** `never`: not polled yet; `ok`: last cycle worked; `error`: last cycle failed (see error). */
  state: z.enum(['never', 'ok', 'error']),
  /** The last cycle that finished without error (epoch ms): "updated 2 min ago". */
  lastSuccessAt: instant,
  lastAttemptAt: instant,
  /** The error of the last failed cycle, in every UI language; null when the last cycle worked. */
  error: z
    .strictObject({
      code: ErrorCodeSchema,
      message: z.strictObject({ en: z.string(), 'zh-CN': z.string() }),
    })
    .nullable(),
  /** When the next poll is due (epoch ms), null while polling is paused. */
  nextPollAt: instant,
  /** Vendor requests the last cycle spent, and the per-cycle budget. */
  requests: z.number().int().nonnegative(),
  budget: z.number().int().positive(),
});
export type AccountBoardStatus = z.infer<typeof AccountBoardStatusSchema>;

/** Everything the board needs to open: every row, every account's status. */
export const BoardSnapshotSchema = z.strictObject({
  /** Deltas with a larger `seq` apply on top of this snapshot. */
  seq: z.number().int().nonnegative(),
  rows: z.array(BoardRowSchema),
  accounts: z.array(AccountBoardStatusSchema),
  polling: PollingStateSchema,
  /** The most recent successful poll of any account (epoch ms), null if none yet. */
  lastUpdated: instant,
});
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>;

/** What changed since the previous delta: only changed fields of changed rows. */
export const BoardDeltaSchema = z.strictObject({
  seq: z.number().int().positive(),
  /** When the change was seen (epoch ms). */
  at: z.number().int(),
  /** Rows seen for the first time, whole. */
  added: z.array(BoardRowSchema),
  /** Changed fields of known rows, grouped by which fields changed. */
  changed: z.array(PatchGroupSchema),
  /** Row ids no longer on the board (account removed, task gone at the vendor). */
  removed: z.array(z.number().int().positive()),
  /** Accounts whose status changed. */
  accounts: z.array(AccountBoardStatusSchema),
  /** Present when polling paused or resumed. */
  polling: PollingStateSchema.optional(),
});
export type BoardDelta = z.infer<typeof BoardDeltaSchema>;

/** Applies a delta to rows held by id; returns the rows that changed or were added. */
export function applyBoardDelta(rows: Map<number, BoardRow>, delta: BoardDelta): BoardRow[] {
  const touched: BoardRow[] = [];
  for (const row of delta.added) {
    rows.set(row.i, row);
    touched.push(row);
  }
  for (const group of delta.changed) {
    for (const [id, ...values] of group.r) {
      const current = rows.get(Number(id));
      if (!current) continue;
      const next: Record<string, unknown> = { ...current };
      group.f.forEach((field, index) => {
        next[field] = values[index];
      });
      const parsed = BoardRowSchema.parse(next);
      rows.set(parsed.i, parsed);
      touched.push(parsed);
    }
  }
  for (const id of delta.removed) rows.delete(id);
  return touched;
}

/**
 * Called numbers as a percentage of all numbers (0–100), or null when unknown.
 *
 * Only a completed task can be at 100 %. A task that stopped without completing (cancelled, ended
 * early, failed) and whose counter still claims every number was called contradicts its own state:
 * nothing is shown rather than a full bar.
 */
export function progressOf(row: Pick<BoardRow, 'tot' | 'c' | 's'>): number | null {
  if (row.tot === null || row.c === null) return null;
  const stoppedShort =
    row.s === 'cancelled' || row.s === 'ended-early' || row.s === 'failed' || row.s === 'ended';
  if (row.c >= row.tot && stoppedShort) return null;
  if (row.tot === 0) return 100;
  return Math.min(100, (row.c / row.tot) * 100);
}

/**
 * How many numbers a task that ended early never called (tot − c, both the vendor's own counts),
 * or null when either is unknown or the task did not end early.
 */
export function notCalledOf(row: Pick<BoardRow, 'tot' | 'c' | 's'>): number | null {
  if (row.s !== 'ended-early' || row.tot === null || row.c === null || row.c > row.tot) return null;
  return row.tot - row.c;
}

/** Successful calls as a percentage of called numbers, or null when unknown or none called. */
export function successRateOf(row: Pick<BoardRow, 'c' | 'ok'>): number | null {
  if (row.ok === null || row.c === null || row.c === 0) return null;
  return Math.min(100, (row.ok / row.c) * 100);
}

/**
 * A manager's alert: notify when a task's success rate is below `successRateBelow` percent once
 * at least `afterCalls` numbers were called.
 */
export const AlertThresholdSchema = z.strictObject({
  successRateBelow: z.number().min(0).max(100),
  afterCalls: z.number().int().min(1).max(10_000_000),
});
export type AlertThreshold = z.infer<typeof AlertThresholdSchema>;

/** Where a threshold applies: every account, or one account (which then overrides the global). */
export const ThresholdScopeSchema = z.union([
  z.strictObject({ global: z.literal(true) }),
  z.strictObject({ accountId: z.string().min(1) }),
]);
export type ThresholdScope = z.infer<typeof ThresholdScopeSchema>;

/** The thresholds set: the global one and the per-account ones. */
export const ThresholdSettingsSchema = z.strictObject({
  global: AlertThresholdSchema.nullable(),
  accounts: z.record(z.string(), AlertThresholdSchema),
});
export type ThresholdSettings = z.infer<typeof ThresholdSettingsSchema>;

/** One point of a task's counters over time. */
export const CounterPointSchema = z.strictObject({
  at: z.number().int(),
  tot: count,
  c: count,
  ok: count,
  f: count,
  x: count,
});
export type CounterPoint = z.infer<typeof CounterPointSchema>;

/** A task's counters over time (for a chart), with an estimated finish. */
export const TaskHistorySchema = z.strictObject({
  key: z.string(),
  points: z.array(CounterPointSchema),
  /** Estimated finish (epoch ms) from the recent calling rate; null when it cannot be told. */
  eta: instant,
  /** Numbers called per minute over the recent window, null when unknown. */
  callsPerMinute: z.number().nonnegative().nullable(),
});
export type TaskHistory = z.infer<typeof TaskHistorySchema>;
