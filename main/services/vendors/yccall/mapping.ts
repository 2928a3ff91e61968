import { wallClockToEpochMs, wallClockYear } from '../../../../shared/util/wall-clock';
import { z } from 'zod';
import type {
  NumberOutcome,
  NumberResult,
  TaskState,
  TaskSummary,
} from '../../../../shared/domain/task';
import type { Callee } from '../vendor';
import type { AssignType, TaskCreatRequest, TelphoneEntry } from './client';
import type { TaskNumberRow, TaskRow } from './schemas';
import {
  ASSIGN_TYPE_CODES,
  ASSIGN_TYPES,
  CALL_TIME_VARIABLE,
  CONCURRENT,
  DISPLAY_NUMBER,
  MAX_DISPLAY_NUMBERS,
  TASK_SCALE_PART,
} from './rules';

// Between Yccall's words and the app's: task states (three encodings, yccall.md §7.2), number
// results (§4.7), callees (§4.1), task settings, and the server's `yyyy-mm-dd hh:mm:ss` times
// (time zone not documented, §8: an explicit offset, defaulting to this computer's zone).

/** TaskList result codes (§3.3, §4.6). */
export const TASK_STATUS = {
  NOT_STARTED: 1025,
  RUNNING: 1026,
  PAUSED: 1027,
  ENDED: 1028,
} as const;

const TASK_STATES: Readonly<Record<number, { readonly state: TaskState; readonly label: string }>> =
  {
    [TASK_STATUS.NOT_STARTED]: { state: 'pending', label: 'Not started' },
    [TASK_STATUS.RUNNING]: { state: 'running', label: 'Running' },
    [TASK_STATUS.PAUSED]: { state: 'paused', label: 'Paused' },
    // "Ended" covers a finished list, TaskSet 3 and a deadline (§4.4, §4.9); TaskList does not
    // tell them apart, so the state stays 'ended' until the task's numbers are counted
    // (`endedStateOf`).
    [TASK_STATUS.ENDED]: { state: 'ended', label: 'Ended' },
  };

/**
 * Maps a TaskList status code to the app's state, keeping the code and the vendor's word. An
 * ended task (1028) is 'ended': whether it completed is told by its numbers (`endedStateOf`).
 */
export function taskStateOf(code: number): {
  readonly state: TaskState;
  readonly vendorStatus: { readonly code: string; readonly label: string };
} {
  const known = TASK_STATES[code];
  return {
    state: known?.state ?? 'unknown',
    vendorStatus: { code: String(code), label: known?.label ?? `Status ${code}` },
  };
}

/**
 * The TaskList filter value (0–3, §4.6) for an app state, or null if the server has none. The
 * three ways a task stops here all list as "ended" (3); a cancel is an end too (TaskSet 3), so
 * 'cancelled' has no code of its own.
 */
export function taskStatusFilterOf(state: TaskState): 0 | 1 | 2 | 3 | null {
  switch (state) {
    case 'pending':
      return 0;
    case 'running':
      return 1;
    case 'paused':
      return 2;
    case 'completed':
    case 'ended-early':
    case 'ended':
      return 3;
    default:
      return null;
  }
}

/**
 * Whether a listed task answers a filter by states: an 'ended' task (not counted yet) may be
 * completed or ended early, so it answers a filter for either.
 */
export function matchesStates(state: TaskState, states: readonly TaskState[]): boolean {
  if (states.includes(state)) return true;
  return state === 'ended' && (states.includes('completed') || states.includes('ended-early'));
}

/** TaskInfo number codes (§3.3). */
export const NUMBER_STATUS = { NOT_CALLED: 1035, CALLED: 1036 } as const;

/** Maps one TaskInfo row to a number result (§4.7). */
export function numberResultOf(row: TaskNumberRow): NumberResult {
  let outcome: NumberOutcome;
  let label: string;
  if (row.status === NUMBER_STATUS.NOT_CALLED) {
    outcome = 'not-called';
    label = 'Not called';
  } else if (row.status !== NUMBER_STATUS.CALLED) {
    outcome = 'unknown';
    label = `Status ${row.status}`;
  } else if (row.answered === 1) {
    outcome = 'answered';
    label = 'Called, connected';
  } else if (row.answertype === 'callee') {
    outcome = 'no-answer';
    label = 'Called, the callee did not answer';
  } else if (row.answertype === 'caller') {
    outcome = 'failed';
    label = 'Called, no agent answered';
  } else {
    outcome = row.answered === 0 ? 'failed' : 'unknown';
    label = 'Called';
  }
  const code = [row.status, row.answered ?? '', row.answertype ?? ''].join('/').replace(/\/+$/, '');
  return {
    phone: row.telphone,
    outcome,
    vendorStatus: { code, label },
    calledAt: null,
    durationSeconds: null,
    agent: row.extnumber ? row.extnumber : null,
  };
}

/** Callee variables, in order, become the custom keys that come back in rows and CDRs (§4.1). */
export function telphoneEntryOf(callee: Callee): TelphoneEntry {
  const [userid, memberid, customuuid, maturity] = callee.variables ?? [];
  return {
    phone: callee.phone,
    ...(userid ? { userid } : {}),
    ...(memberid ? { memberid } : {}),
    ...(customuuid ? { customuuid } : {}),
    // Older pages call it `chengshudu`, newer ones `ext`: send both (§7.4).
    ...(maturity ? { chengshudu: maturity, ext: maturity } : {}),
  };
}

/**
 * A preset call time as Unix seconds: `yyyy-mm-dd hh:mm[:ss]` (or with `T`) read at the UTC
 * offset given, or an ISO instant with its zone; undefined when the text is none of these.
 */
export function callTimeOf(text: string | undefined, offsetMinutes: number): number | undefined {
  const value = text?.trim() ?? '';
  if (value === '') return undefined;
  const wall = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(value);
  const ms = wall
    ? wallClockToEpochMs(`${wall[1]} ${wall[2]}${wall[3] ?? ':00'}`, offsetMinutes)
    : /[zZ]|[+-]\d{2}:?\d{2}$/.test(value)
      ? Date.parse(value)
      : Number.NaN;
  return ms !== null && Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/** Builds telphone entries that also carry each number's preset call time, when one is set. */
export function telphoneEntryMaker(options: {
  readonly callTimeVariable?: number;
  readonly offsetMinutes: number;
}): (callee: Callee) => TelphoneEntry {
  const index = options.callTimeVariable;
  if (index === undefined) return (callee) => telphoneEntryOf(callee);
  return (callee) => {
    const time = callTimeOf(callee.variables?.[index - 1], options.offsetMinutes);
    const entry = telphoneEntryOf(callee);
    return time === undefined ? entry : { ...entry, time };
  };
}

/** Formats an instant as the server's `yyyy-mm-dd hh:mm:ss` at a UTC offset (minutes). */
export function formatServerTime(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Parses the server's `yyyy-mm-dd hh:mm:ss` at a UTC offset to an ISO instant, or null. */
export function parseServerTime(
  text: string | null | undefined,
  offsetMinutes: number,
): string | null {
  const year = wallClockYear(text);
  if (year === null || year < 1971) return null; // "0000-00-00 00:00:00" and the like mean "not set".
  const ms = wallClockToEpochMs(text, offsetMinutes);
  return ms === null ? null : new Date(ms).toISOString();
}

/**
 * A server time as the task detail shows it: an ISO instant (shown in the manager's zone), null
 * for none or a "not set" placeholder such as `0000-00-00 00:00:00`, and any other text as the
 * server wrote it.
 */
export function serverTimeForDisplay(
  text: string | null | undefined,
  offsetMinutes: number,
): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const iso = parseServerTime(text, offsetMinutes);
  if (iso !== null) return iso;
  return wallClockYear(text) === null ? text : null;
}

/** This computer's UTC offset in minutes (east positive) at an instant. */
export function localOffsetMinutes(ms: number): number {
  return -new Date(ms).getTimezoneOffset();
}

/** A count of a task's TaskInfo rows (§4.7): the server's own record of each number. */
export interface NumberTally {
  /** Rows counted. */
  readonly rows: number;
  /** Called (1036). */
  readonly called: number;
  /** Called and connected (`answered` 1). */
  readonly answered: number;
  /** Called and not connected (the agent or the callee did not answer). */
  readonly unanswered: number;
  /** Not called (1035). */
  readonly notCalled: number;
  /** Rows with a status the docs do not list (§3.3). */
  readonly other: number;
}

/** A tally of no rows. */
export const EMPTY_TALLY: NumberTally = {
  rows: 0,
  called: 0,
  answered: 0,
  unanswered: 0,
  notCalled: 0,
  other: 0,
};

/** Adds one page of TaskInfo rows to a tally. */
export function tallyRows(
  rows: readonly TaskNumberRow[],
  tally: NumberTally = EMPTY_TALLY,
): NumberTally {
  let { called, answered, unanswered, notCalled, other } = tally;
  for (const row of rows) {
    if (row.status === NUMBER_STATUS.CALLED) {
      called += 1;
      if (row.answered === 1) answered += 1;
      else unanswered += 1;
    } else if (row.status === NUMBER_STATUS.NOT_CALLED) notCalled += 1;
    else other += 1;
  }
  return { rows: tally.rows + rows.length, called, answered, unanswered, notCalled, other };
}

/** What TaskInfo (§4.7) told about a task's numbers. */
export interface TaskNumbers {
  /** `totalitems`: how many numbers the task holds. */
  readonly total: number;
  /** Every row, counted; null when the rows were not all read (too many, or not asked). */
  readonly tally: NumberTally | null;
  /** Whether the rows that were read include a number never called (1035). */
  readonly someNotCalled: boolean;
}

/**
 * The state of an ended task (1028) from its numbers: completed when every number was called,
 * ended early when one was not (whoever ended it: TaskSet 3 from this app or anyone else, or the
 * deadline, §4.4, §4.9), and 'ended' while that is not known.
 */
export function endedStateOf(numbers: TaskNumbers | null): TaskState {
  if (numbers === null) return 'ended';
  const { tally } = numbers;
  if (numbers.someNotCalled || (tally !== null && tally.notCalled > 0)) return 'ended-early';
  if (tally !== null && tally.other === 0 && tally.called === numbers.total) return 'completed';
  return 'ended';
}

/**
 * Maps a TaskList row to the board's summary. `numbers` is what TaskInfo said, when it was asked:
 * the total (a number alone is the total), and for an ended task the counts that tell whether it
 * completed. Counters come from the rows only once the task has ended; while it runs they are
 * not read (a count taken once would go stale on the board), so they are null.
 */
export function taskSummaryOf(
  row: TaskRow,
  accountId: string,
  offsetMinutes: number,
  told: TaskNumbers | number | null = null,
): TaskSummary {
  const numbers: TaskNumbers | null =
    typeof told === 'number' ? { total: told, tally: null, someNotCalled: false } : told;
  const { state: listed, vendorStatus } = taskStateOf(row.status);
  const ended = row.status === TASK_STATUS.ENDED;
  const state = ended ? endedStateOf(numbers) : listed;
  const tally = ended ? (numbers?.tally ?? null) : null;
  return {
    id: row.taskid,
    accountId,
    vendor: 'yccall',
    kind: 'predictive',
    name: row.taskname ?? row.taskid,
    state,
    vendorStatus,
    counts: {
      total: numbers?.total ?? null,
      called: tally?.called ?? null,
      success: tally?.answered ?? null,
      failed: tally?.unanswered ?? null,
      transferred: null,
    },
    createdAt: parseServerTime(row.createtime, offsetMinutes),
    finishedAt: null,
  };
}

const ASSIGN_TYPE_CODE: Readonly<Record<'extension' | 'queue' | 'group', AssignType>> =
  ASSIGN_TYPE_CODES;

/** Accepts an ISO instant or the server's own `yyyy-mm-dd hh:mm:ss`. */
const TimeSettingSchema = z
  .string()
  .trim()
  .refine(
    (text) => !Number.isNaN(Date.parse(text)) || /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text),
    {
      message: 'Use a date and time such as 2026-01-05 09:00:00.',
    },
  );

/**
 * The Yccall settings of a create request (`CreateTaskRequest.settings`).
 *
 * `assignType` 'queue' is sent as 2, which only the older/English page documents (§7.1); a server
 * that refuses it answers with a business error that is shown as such.
 */
export const YccallTaskSettingsSchema = z.strictObject({
  assignType: z.enum(ASSIGN_TYPES),
  /** The extension number, queue name or group name. */
  assignAgent: z.string().trim().min(1),
  /** The task scale `N:M` (§4.1): for every `idleAgents` idle agents, `callsPerAgent` calls. */
  idleAgents: z.number().int().min(TASK_SCALE_PART.min).max(TASK_SCALE_PART.max).default(1),
  callsPerAgent: z.number().int().min(TASK_SCALE_PART.min).max(TASK_SCALE_PART.max).default(1),
  isScale: z.enum(['auto', 'manual']).optional(),
  concurrent: z.number().int().min(CONCURRENT.min).max(CONCURRENT.max).optional(),
  scheduledTime: TimeSettingSchema.optional(),
  pausedTime: TimeSettingSchema.optional(),
  /** Caller ids; empty = random (§7.3). */
  displayNumbers: z
    .array(z.string().trim().regex(DISPLAY_NUMBER))
    .max(MAX_DISPLAY_NUMBERS)
    .default([]),
  /**
   * Which of each number's variables (1–5, in list order) holds its preset call time (the
   * `time` of a telphone entry, §4.1); absent: every number is dialled as the task runs.
   */
  callTimeVariable: z
    .number()
    .int()
    .min(CALL_TIME_VARIABLE.min)
    .max(CALL_TIME_VARIABLE.max)
    .optional(),
  /**
   * Start dialling once every number is in ("Start when sent", the default): TaskSet 1 after the
   * last chunk is held (§4.4), never before; with `scheduledTime` the server waits until then
   * (§4.1: "only effective when the task is started"). False leaves the task not started.
   */
  start: z.boolean().default(true),
});
export type YccallTaskSettings = z.infer<typeof YccallTaskSettingsSchema>;

function serverTimeOf(text: string | undefined, offsetMinutes: number): string | undefined {
  if (text === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return text;
  return formatServerTime(Date.parse(text), offsetMinutes);
}

/**
 * The TaskCreat fields (without numbers) for settings. The task is always created stopped
 * (`status` 0): it is started only after every chunk is in, so a fast task cannot end before
 * TaskAdd appends the rest (TaskAdd refuses ended tasks, §4.2).
 */
export function taskCreatBaseOf(
  name: string,
  settings: YccallTaskSettings,
  offsetMinutes: number,
): Omit<TaskCreatRequest, 'telphone'> {
  const scheduledtime = serverTimeOf(settings.scheduledTime, offsetMinutes);
  const pausedtime = serverTimeOf(settings.pausedTime, offsetMinutes);
  return {
    assigntype: ASSIGN_TYPE_CODE[settings.assignType],
    assignagent: settings.assignAgent,
    taskscale: `${settings.idleAgents}:${settings.callsPerAgent}`,
    disnumber: settings.displayNumbers.join(','),
    taskname: name,
    status: 0,
    ...(settings.concurrent !== undefined ? { concurrent: settings.concurrent } : {}),
    ...(settings.isScale ? { isscale: settings.isScale } : {}),
    ...(scheduledtime ? { scheduledtime } : {}),
    ...(pausedtime ? { pausedtime } : {}),
  };
}
