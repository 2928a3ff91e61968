import type { LocalizedText } from '../domain/locale';
import {
  addDays,
  clockText,
  dateText,
  firstInstantAtOrAfter,
  minutesOfClock,
  occurrencesOf,
  offsetMinutesAt,
  offsetText,
  parseDate,
  wallAt,
  wallTimeAt,
  type WallDate,
} from './zoned-clock';

/**
 * A daily calling window in the recipient's local time, `HH:mm` each (`end` may be `24:00`).
 *
 * An `end` at or before `start` crosses midnight (22:00–02:00 for a night shift). Calling is
 * allowed from `start` up to, not including, `end`.
 */
export interface DailyWindow {
  readonly start: string;
  readonly end: string;
}

/** The rules one recipient zone is called under. */
export interface CallingRules {
  /** The recipient's IANA zone. */
  readonly zone: string;
  readonly window: DailyWindow;
  /**
   * Local dates (`yyyy-MM-dd`, the recipient's calendar) on which nobody is called, e.g. the
   * public holidays the manager entered for the recipient's country (blackoutDatesOf).
   */
  readonly blackoutDates?: readonly string[];
}

/** Blackout dates per country (ISO 3166-1 alpha-2 → `yyyy-MM-dd` dates), entered by the manager. */
export type BlackoutCalendar = Readonly<Record<string, readonly string[]>>;

/** A local time as the recipient reads it. */
export interface LocalTime {
  readonly zone: string;
  /** `yyyy-MM-dd`. */
  readonly date: string;
  /** `HH:mm`. */
  readonly time: string;
  /** Minutes ahead of UTC at that instant (DST included). */
  readonly offsetMinutes: number;
  /** `yyyy-MM-dd HH:mm UTC-07:00`. */
  readonly text: string;
}

/** Whether calling is allowed at an instant, and when the allowed stretch starts and ends. */
export interface WindowAnswer {
  /** True when the instant is inside the window on a day that is not blacked out. */
  readonly allowed: boolean;
  /** The instant itself when allowed, else the next instant calling is allowed; null if none within a year. */
  readonly nextStart: number | null;
  /** When the stretch that `nextStart` begins stops being allowed (window end, blackout midnight). */
  readonly stretchEnd: number | null;
}

/** How far ahead the next allowed instant is looked for. */
const HORIZON_DAYS = 400;

/** The dates a country's calls are blacked out on (empty when none were entered). */
export function blackoutDatesOf(calendar: BlackoutCalendar, country: string | undefined) {
  return country === undefined ? [] : (calendar[country.toUpperCase()] ?? []);
}

/**
 * What is wrong with a window or blackout list, for a person; null when it is usable.
 *
 * A window needs `HH:mm` times that differ (equal ones would mean neither "never" nor "always"
 * clearly); dates must be real `yyyy-MM-dd` dates.
 */
export function problemOf(window: DailyWindow, blackoutDates: readonly string[] = []) {
  const start = minutesOfClock(window.start);
  const end = minutesOfClock(window.end);
  if (start === null || end === null || start === 1440) {
    return text(
      `Calling window ${window.start}–${window.end}: use times from 00:00 to 24:00 (HH:mm).`,
      `呼叫时段 ${window.start}–${window.end}：请使用 00:00 至 24:00 的时间（HH:mm）。`,
    );
  }
  if (start === end % 1440) {
    return text(
      `Calling window ${window.start}–${window.end}: the start and the end must differ.`,
      `呼叫时段 ${window.start}–${window.end}：开始时间与结束时间不能相同。`,
    );
  }
  const bad = blackoutDates.find((date) => parseDate(date) === null);
  if (bad !== undefined) {
    return text(
      `Blackout date "${bad}" is not a date: use yyyy-MM-dd, e.g. 2026-12-25.`,
      `禁呼日期“${bad}”不是有效日期：请使用 yyyy-MM-dd，例如 2026-12-25。`,
    );
  }
  return null;
}

function text(en: string, zh: string): LocalizedText {
  return { en, 'zh-CN': zh };
}

interface Compiled {
  readonly zone: string;
  readonly start: number;
  readonly end: number;
  readonly crosses: boolean;
  readonly blackout: ReadonlySet<string>;
}

function compile(rules: CallingRules): Compiled {
  const problem = problemOf(rules.window, rules.blackoutDates);
  if (problem !== null) throw new RangeError(problem.en);
  const start = minutesOfClock(rules.window.start) ?? 0;
  const end = minutesOfClock(rules.window.end) ?? 0;
  return {
    zone: rules.zone,
    start,
    end,
    crosses: end <= start,
    blackout: new Set(rules.blackoutDates ?? []),
  };
}

/** Allowed by the recipient's wall clock: inside the window, on a date not blacked out. */
function allowedAt(rules: Compiled, instant: number): boolean {
  const wall = wallTimeAt(rules.zone, instant);
  if (rules.blackout.has(dateText(wall))) return false;
  const minute = wall.hour * 60 + wall.minute;
  return rules.crosses
    ? minute >= rules.start || minute < rules.end
    : minute >= rules.start && minute < rules.end;
}

/** The instants of a local date where "allowed" can change: window edges, midnight, a DST jump. */
function edgesOf(rules: Compiled, date: WallDate): number[] {
  const at = (minutes: number) => firstInstantAtOrAfter(rules.zone, wallAt(date, minutes));
  const midnight = at(0);
  const nextMidnight = at(1440);
  // The second occurrences count too: the repeated hour can reach a window edge twice.
  const edges = [midnight, at(rules.start), at(rules.end)].concat(
    occurrencesOf(rules.zone, wallAt(date, rules.start)),
    occurrencesOf(rules.zone, wallAt(date, rules.end)),
  );
  if (offsetMinutesAt(rules.zone, midnight) !== offsetMinutesAt(rules.zone, nextMidnight)) {
    // The day's DST change: a fall-back jump can re-enter the window (the hour that repeats).
    let low = midnight / 60_000;
    let high = nextMidnight / 60_000;
    const first = offsetMinutesAt(rules.zone, midnight);
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (offsetMinutesAt(rules.zone, middle * 60_000) !== first) high = middle;
      else low = middle + 1;
    }
    edges.push(low * 60_000);
  }
  return edges;
}

/** The first instant after `after` (exclusive) where "allowed" equals `wanted`, or null. */
function nextEdge(rules: Compiled, after: number, wanted: boolean): number | null {
  const first = wallTimeAt(rules.zone, after);
  for (let day = -1; day <= HORIZON_DAYS; day += 1) {
    const edges = edgesOf(rules, addDays(first, day))
      .filter((edge) => edge > after)
      .sort((a, b) => a - b);
    for (const edge of edges) if (allowedAt(rules, edge) === wanted) return edge;
  }
  return null;
}

/**
 * May this recipient be called at `instant` (ms), and when is the next allowed stretch.
 *
 * Judged by the recipient's wall clock, as a person would: in a spring-forward gap a window
 * start that does not exist that day opens when the clock jumps past it (02:30 → 03:00); in the
 * fall-back overlap the repeated hour counts both times it is on the clock; a window crossing
 * midnight belongs to both dates it touches, and a blackout date stops calling from its local
 * midnight to the next.
 */
export function windowAt(rules: CallingRules, instant: number): WindowAnswer {
  const compiled = compile(rules);
  const allowed = allowedAt(compiled, instant);
  const nextStart = allowed ? instant : nextEdge(compiled, instant, true);
  const stretchEnd = nextStart === null ? null : nextEdge(compiled, nextStart, false);
  return { allowed, nextStart, stretchEnd };
}

/** True when calling the recipient at `instant` respects the window and blackout dates. */
export function isCallingAllowed(rules: CallingRules, instant: number): boolean {
  return allowedAt(compile(rules), instant);
}

/** The first instant at or after `instant` when calling is allowed; null if none within a year. */
export function nextAllowedStart(rules: CallingRules, instant: number): number | null {
  return windowAt(rules, instant).nextStart;
}

/** The recipient's local time at an instant. */
export function localTimeAt(zone: string, instant: number): LocalTime {
  const wall = wallTimeAt(zone, instant);
  const offsetMinutes = offsetMinutesAt(zone, instant);
  const date = dateText(wall);
  const time = clockText(wall);
  return { zone, date, time, offsetMinutes, text: `${date} ${time} ${offsetText(offsetMinutes)}` };
}
