import type { CallWindow } from '../../../shared/domain/draft';
import {
  addDays,
  atMinutes,
  daysBetween,
  instantOf,
  minutesOfClock,
  wallTimeAt,
  type WallTime,
} from './zoned-time';

/** A stretch of time in which calls are placed: [start, end) in ms since epoch. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** When calling happens, from the start until the estimated calling time is used up. */
export interface CallingPlan {
  /** Calling stretches in order (one per window per day; one in all without windows). */
  readonly intervals: readonly Interval[];
  /** When the last call is placed; null when the horizon ends first or no window is usable. */
  readonly finishAt: number | null;
  /** Calendar days (in the plan's zone) with calling; null when `finishAt` is null. */
  readonly callingDays: number | null;
  /** The day of the first calling stretch (or of the start), in the plan's zone. */
  readonly firstDay: WallTime;
  /** False when windows were given but none is usable (start not before end). */
  readonly usableWindows: boolean;
}

/** How far ahead a plan looks before it gives up (a year of calling days). */
export const PLAN_HORIZON_DAYS = 366;

/** Usable windows as minutes after midnight, sorted, overlaps merged. */
export function windowMinutes(windows: readonly CallWindow[]): readonly [number, number][] {
  const spans = windows
    .map((w) => [minutesOfClock(w.start), minutesOfClock(w.end)] as const)
    .filter((s): s is readonly [number, number] => s[0] !== null && s[1] !== null && s[0] < s[1])
    .map(([s, e]): [number, number] => [s, e])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/**
 * Lays `callingSeconds` of calling out from `startAt`: without windows in one stretch; with
 * windows (wall-clock `HH:mm` in `zone`, every day) only inside them, spilling into the next
 * windows and days. Window edges are converted per day, so DST changes move them correctly.
 */
export function planCalling(input: {
  readonly startAt: number;
  readonly zone: string;
  readonly windows: readonly CallWindow[];
  readonly callingSeconds: number;
  readonly horizonDays?: number;
}): CallingPlan {
  const { startAt, zone } = input;
  const startDay = wallTimeAt(zone, startAt);
  const needed = Math.max(0, input.callingSeconds) * 1_000;
  const days = (from: number, to: number) =>
    daysBetween(wallTimeAt(zone, from), wallTimeAt(zone, Math.max(from, to - 1))) + 1;

  if (input.windows.length === 0) {
    const finishAt = startAt + needed;
    return {
      intervals: needed > 0 ? [{ start: startAt, end: finishAt }] : [],
      finishAt,
      callingDays: needed > 0 ? days(startAt, finishAt) : 0,
      firstDay: startDay,
      usableWindows: true,
    };
  }
  const spans = windowMinutes(input.windows);
  if (spans.length === 0) {
    return {
      intervals: [],
      finishAt: null,
      callingDays: null,
      firstDay: startDay,
      usableWindows: false,
    };
  }
  const intervals: Interval[] = [];
  let remaining = needed;
  const horizon = input.horizonDays ?? PLAN_HORIZON_DAYS;
  for (let d = 0; d <= horizon && remaining > 0; d += 1) {
    const day = addDays(startDay, d);
    for (const [s, e] of spans) {
      const from = Math.max(startAt, instantOf(zone, atMinutes(day, s)));
      const to = instantOf(zone, atMinutes(day, e));
      if (to <= from) continue;
      const take = Math.min(remaining, to - from);
      intervals.push({ start: from, end: from + take });
      remaining -= take;
      if (remaining <= 0) break;
    }
  }
  const first = intervals[0];
  const last = intervals.at(-1);
  const firstDay = first ? wallTimeAt(zone, first.start) : startDay;
  if (remaining > 0 || !first || !last) {
    // Nothing to call (needed = 0) finishes at the start; otherwise the horizon ran out.
    const done = needed === 0;
    return {
      intervals: done ? [] : intervals,
      finishAt: done ? startAt : null,
      callingDays: done ? 0 : null,
      firstDay,
      usableWindows: true,
    };
  }
  return {
    intervals,
    finishAt: last.end,
    callingDays: days(first.start, last.end),
    firstDay,
    usableWindows: true,
  };
}
