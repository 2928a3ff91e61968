import { wallClockToEpochMs } from '../../../../shared/util/wall-clock';
import {
  utcOffsetLabel,
  type NumberOutcome,
  type NumberResult,
  type TaskCounts,
  type TaskKind,
  type TaskState,
  type TaskSummary,
} from '../../../../shared/domain/task';
import type { CcTaskNumber, CcTaskRecord, GroupTaskDetail, GroupTaskRecord } from './schemas';

// The three families have separate status tables (itniotech.md §9.5): never share a mapping.

interface StatusEntry {
  readonly state: TaskState;
  readonly label: string;
}

/** cc task `taskStatus` (§4.4). */
export const CC_TASK_STATUS: Readonly<Record<number, StatusEntry>> = {
  1: { state: 'pending', label: 'enabled' },
  2: { state: 'paused', label: 'disabled' },
  11: { state: 'running', label: 'calling' },
  12: { state: 'completed', label: 'task completed' },
  13: { state: 'failed', label: 'submission failed' },
  14: { state: 'cancelled', label: 'task cancelled' },
  15: { state: 'paused', label: 'task paused' },
  16: { state: 'pending', label: 'submitting' },
};

/** Group-call (voice and AI-agent) `status` (§5). */
export const GROUP_TASK_STATUS: Readonly<Record<number, StatusEntry>> = {
  0: { state: 'pending', label: 'waiting for submission' },
  1: { state: 'running', label: 'calling' },
  2: { state: 'completed', label: 'task completed' },
  3: { state: 'failed', label: 'submission failed' },
  4: { state: 'cancelled', label: 'task cancelled' },
  5: { state: 'paused', label: 'task paused' },
  6: { state: 'pending', label: 'submitting' },
};

/** Per-number status of a cc task (§4.5). */
export const CC_NUMBER_STATUS: Readonly<
  Record<number, { readonly outcome: NumberOutcome; readonly label: string }>
> = {
  1: { outcome: 'unknown', label: 'call in progress' },
  5: { outcome: 'not-called', label: 'not called' },
  7: { outcome: 'failed', label: 'call abnormal' },
  9: { outcome: 'answered', label: 'called' },
};

/** The vendor codes that mean one of our states, for list filters. */
export function statusCodesFor(
  table: Readonly<Record<number, StatusEntry>>,
  states: readonly TaskState[],
): number[] {
  return Object.entries(table)
    .filter(([, entry]) => states.includes(entry.state))
    .map(([code]) => Number(code));
}

/** The per-number status codes of an outcome filter (empty: the vendor cannot filter by it). */
export function ccNumberStatusesFor(outcome: NumberOutcome): number[] {
  return Object.entries(CC_NUMBER_STATUS)
    .filter(([, entry]) => entry.outcome === outcome)
    .map(([code]) => Number(code));
}

function lookup(table: Readonly<Record<number, StatusEntry>>, code: number): StatusEntry {
  return table[code] ?? { state: 'unknown', label: `unknown status ${code}` };
}

function count(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.max(0, Math.trunc(value));
}

/**
 * `yyyy-MM-dd HH:mm:ss` in the vendor's time zone, from an instant.
 *
 * The vendor's zone is not documented; it is a per-account setting (default UTC+8).
 */
export function formatVendorTime(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** `yyyy-MM-dd` in the vendor's time zone. */
export function formatVendorDate(ms: number, offsetMinutes: number): string {
  return formatVendorTime(ms, offsetMinutes).slice(0, 10);
}

/** A vendor `yyyy-MM-dd HH:mm:ss` (or ISO) time as an ISO instant; null when absent or unreadable. */
export function vendorTimeToIso(
  text: string | null | undefined,
  offsetMinutes: number,
): string | null {
  if (!text) return null;
  const ms = wallClockToEpochMs(text, offsetMinutes);
  if (ms !== null) return new Date(ms).toISOString();
  // An ISO instant with its zone is taken as it is; anything else is unreadable.
  const parsed = Date.parse(text);
  return Number.isFinite(parsed) && /[zZ]|[+-]\d{2}:?\d{2}$/.test(text)
    ? new Date(parsed).toISOString()
    : null;
}

/** The vendor-clock `yyyy-MM-dd HH:mm:ss` fields of a task detail (§5.6). */
export const DETAIL_TIME_FIELDS: readonly string[] = [
  'sendTime',
  'createdTime',
  'mdfTime',
  'finishTime',
];

/**
 * A task record as the detail shows it: its vendor-clock times as ISO instants, so the screen
 * shows them in the manager's zone, and the vendor's zone named (`vendorClock`, e.g.
 * `UTC+08:00`; §9.9: the times carry no zone, the offset is the account's setting). A time that
 * cannot be read is kept as the vendor wrote it.
 */
export function detailRecordOf(
  record: Readonly<Record<string, unknown>>,
  offsetMinutes: number,
): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...record };
  for (const key of DETAIL_TIME_FIELDS) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') {
      shown[key] = vendorTimeToIso(value, offsetMinutes) ?? value;
    }
  }
  shown['vendorClock'] = utcOffsetLabel(offsetMinutes);
  return shown;
}

/**
 * A cc task row as the board shows it. The task's name is its `remark` (cc tasks have no name).
 *
 * The record (§4.4) has no counter of numbers called or answered: `called` and `success` are
 * null. `totalCount − remainCount` is not used for them: what "remaining" means for a cancelled
 * task is not documented, and a cancelled task whose remainder drops to 0 would read as all
 * called. The record has no creation time either (createdAt null; the board uses the app's own).
 */
export function ccTaskSummary(record: CcTaskRecord, accountId: string): TaskSummary {
  const status = lookup(CC_TASK_STATUS, record.taskStatus);
  const counts: TaskCounts = {
    total: count(record.totalCount),
    called: null,
    success: null,
    failed: count(record.callFailuresNum),
    transferred: count(record.transfersNum),
  };
  return {
    id: record.taskId,
    accountId,
    vendor: 'itniotech',
    kind: 'cc-preview',
    name: record.remark ?? '',
    state: status.state,
    vendorStatus: { code: String(record.taskStatus), label: status.label },
    counts,
    createdAt: null,
    finishedAt: null,
  };
}

/** A voice or AI-agent group-call row as the board shows it. */
export function groupTaskSummary(
  record: GroupTaskRecord,
  kind: Extract<TaskKind, 'voice-group' | 'ai-agent-group'>,
  accountId: string,
  offsetMinutes: number,
): TaskSummary {
  const status = lookup(GROUP_TASK_STATUS, record.status);
  return {
    id: String(record.jobId ?? record.taskId),
    accountId,
    vendor: 'itniotech',
    kind,
    name: record.taskName,
    state: status.state,
    vendorStatus: { code: String(record.status), label: status.label },
    counts: {
      total: count(record.numCnt),
      called: count(record.callNum),
      success: count(record.success),
      failed: count(record.fail),
      transferred: null,
    },
    createdAt: vendorTimeToIso(record.createdTime, offsetMinutes),
    finishedAt: null,
  };
}

/** A group-call detail as a summary (the detail adds transfers and finish time). */
export function groupDetailSummary(
  detail: GroupTaskDetail,
  kind: Extract<TaskKind, 'voice-group' | 'ai-agent-group'>,
  accountId: string,
  offsetMinutes: number,
): TaskSummary {
  const status = lookup(GROUP_TASK_STATUS, detail.status);
  return {
    id: detail.jobId,
    accountId,
    vendor: 'itniotech',
    kind,
    name: detail.taskName,
    state: status.state,
    vendorStatus: { code: String(detail.status), label: status.label },
    counts: {
      total: count(detail.numCnt),
      // The detail has no `callNum` (§5.6); `callTotal` is its own count of calls made. Without
      // it, called is unknown (success + fail would be a derived number, not the vendor's).
      called: count(detail.callTotal),
      success: count(detail.success),
      failed: count(detail.fail),
      transferred: count(detail.toseatNum),
    },
    createdAt: vendorTimeToIso(detail.createdTime, offsetMinutes),
    finishedAt: vendorTimeToIso(detail.finishTime, offsetMinutes),
  };
}

/** One number of a cc task as a result row. The vendor masks the number (`encryptCalled`). */
export function ccNumberResult(row: CcTaskNumber): NumberResult {
  const entry = CC_NUMBER_STATUS[row.status] ?? {
    outcome: 'unknown' as const,
    label: `unknown status ${row.status}`,
  };
  return {
    phone: row.encryptCalled ?? '',
    outcome: entry.outcome,
    vendorStatus: { code: String(row.status), label: entry.label },
    calledAt: null,
    durationSeconds: null,
    agent: row.seatName === null || row.seatName === undefined ? null : String(row.seatName),
  };
}
