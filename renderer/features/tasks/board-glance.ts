import type { BoardRow } from '../../../shared/domain/board';
import { ACTIVE_TASK_STATES } from '../../../shared/domain/task';

// The board's at-a-glance strip, computed from the board's own rows (the vendors' counters as
// the monitor last read them) and nothing else: no figure is estimated. A figure no task can
// give is null, with the reason, so the strip shows "—" and says why.

/** Why a figure is not shown. */
export type GlanceGap =
  'noTasks' | 'noCalled' | 'noCalledToday' | 'noAnswered' | 'noNumbers' | 'noTransfers';

/** A figure, or why there is none. */
export type GlanceFigure<T> =
  { readonly value: T; readonly gap: null } | { readonly value: null; readonly gap: GlanceGap };

/** The strip's figures. */
export interface Glance {
  /** Tasks that can still change by themselves: running, paused, not started. */
  readonly active: {
    readonly total: number;
    readonly running: number;
    readonly paused: number;
    readonly pending: number;
  };
  /** Rows the rates and counts below are taken over (active, or created or finished today). */
  readonly scope: number;
  /** Numbers called since `dayStart`, and the older tasks that could not be counted. */
  readonly calledToday: GlanceFigure<number>;
  readonly uncounted: number;
  /** Answered of called, as a percentage, with the counts it comes from. */
  readonly answerRate: GlanceFigure<{
    readonly percent: number;
    readonly answered: number;
    readonly called: number;
  }>;
  /** Answered of all numbers of the campaigns, as a percentage, with its counts. */
  readonly successRate: GlanceFigure<{
    readonly percent: number;
    readonly answered: number;
    readonly numbers: number;
  }>;
  /** Calls transferred to agents. */
  readonly transfers: GlanceFigure<number>;
}

/** What the strip needs beside the rows. */
export interface GlanceInput {
  /** The start of today in the manager's zone (epoch ms). */
  readonly dayStart: number;
  /**
   * Each older row's "called" counter at the app's last reading at or before `dayStart`, by row
   * id (main's counter history). A row created before today without one cannot be counted.
   */
  readonly calledAtDayStart: ReadonlyMap<number, number>;
}

const isActive = (row: BoardRow) => ACTIVE_TASK_STATES.includes(row.s);

/** Whether a row belongs to today's work: active now, or created or finished today. */
export function inToday(row: BoardRow, dayStart: number): boolean {
  return (
    isActive(row) ||
    (row.cr !== null && row.cr >= dayStart) ||
    (row.fin !== null && row.fin >= dayStart)
  );
}

function figure<T>(value: T | null, gap: GlanceGap): GlanceFigure<T> {
  return value === null ? { value: null, gap } : { value, gap: null };
}

/** The strip's figures over `rows` (the board's rows of the accounts in view). */
export function glanceOf(rows: Iterable<BoardRow>, input: GlanceInput): Glance {
  let running = 0;
  let paused = 0;
  let pending = 0;
  let scope = 0;
  let calledToday: number | null = null;
  let calledKnown = false;
  let uncounted = 0;
  let answered = 0;
  let called = 0;
  let answeredOfNumbers = 0;
  let numbers = 0;
  let transfers: number | null = null;
  for (const row of rows) {
    if (row.s === 'running') running++;
    else if (row.s === 'paused') paused++;
    else if (row.s === 'pending') pending++;
    if (!inToday(row, input.dayStart)) continue;
    scope++;
    if (row.c !== null) {
      calledKnown = true;
      const createdToday = row.cr !== null && row.cr >= input.dayStart;
      const before = input.calledAtDayStart.get(row.i);
      if (createdToday) calledToday = (calledToday ?? 0) + row.c;
      else if (before !== undefined) calledToday = (calledToday ?? 0) + Math.max(0, row.c - before);
      else uncounted++;
    }
    if (row.ok !== null && row.c !== null) {
      answered += row.ok;
      called += row.c;
    }
    if (row.ok !== null && row.tot !== null) {
      answeredOfNumbers += row.ok;
      numbers += row.tot;
    }
    if (row.x !== null) transfers = (transfers ?? 0) + row.x;
  }
  const percent = (part: number, whole: number) => Math.min(100, (part / whole) * 100);
  return {
    active: { total: running + paused + pending, running, paused, pending },
    scope,
    calledToday:
      scope === 0
        ? { value: null, gap: 'noTasks' }
        : figure(calledToday, calledKnown ? 'noCalledToday' : 'noCalled'),
    uncounted,
    answerRate:
      scope === 0
        ? { value: null, gap: 'noTasks' }
        : figure(
            called > 0 ? { percent: percent(answered, called), answered, called } : null,
            'noAnswered',
          ),
    successRate:
      scope === 0
        ? { value: null, gap: 'noTasks' }
        : figure(
            numbers > 0
              ? {
                  percent: percent(answeredOfNumbers, numbers),
                  answered: answeredOfNumbers,
                  numbers,
                }
              : null,
            'noNumbers',
          ),
    transfers: scope === 0 ? { value: null, gap: 'noTasks' } : figure(transfers, 'noTransfers'),
  };
}

/** Local midnight of the day `now` falls in (epoch ms), in this computer's zone. */
export function startOfDay(now: number): number {
  const day = new Date(now);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
}
