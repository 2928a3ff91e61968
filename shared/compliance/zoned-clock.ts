// Wall-clock arithmetic in IANA zones with nothing but Intl.DateTimeFormat, so DST and historical
// offsets come from the same tz data as the OS. Plain TypeScript: main and the renderer use it.

/** A wall-clock date and time in some zone (month 1–12; seconds dropped). */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** A calendar date (month 1–12). */
export interface WallDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when Intl knows the IANA zone (`America/Phoenix`). */
export function isKnownZone(zone: string): boolean {
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of `zone` at an instant (ms since the epoch), seconds dropped. */
export function wallTimeAt(zone: string, instant: number): WallTime {
  const fields: Record<string, number> = {};
  for (const part of formatterOf(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields['year'] ?? 1970,
    month: fields['month'] ?? 1,
    day: fields['day'] ?? 1,
    hour: fields['hour'] ?? 0,
    minute: fields['minute'] ?? 0,
  };
}

/** A wall time read as if it were UTC, in ms: the order of wall times, DST aside. */
export const wallKey = (wall: WallTime): number =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);

/** Minutes `zone` is ahead of UTC at an instant (−420 for America/Phoenix). */
export function offsetMinutesAt(zone: string, instant: number): number {
  const floored = Math.floor(instant / MINUTE_MS) * MINUTE_MS;
  return Math.round((wallKey(wallTimeAt(zone, floored)) - floored) / MINUTE_MS);
}

/**
 * The earliest instant at which `zone`'s wall clock shows `wall` or later, seconds zero.
 *
 * A wall time that happens twice (the autumn overlap) gives its first occurrence. One that does
 * not happen (the spring gap: 02:30 on a day clocks jump from 02:00 to 03:00) gives the instant
 * of the jump, when the clock first shows a later time (03:00).
 */
export function firstInstantAtOrAfter(zone: string, wall: WallTime): number {
  const key = wallKey(wall);
  // Every offset in use lies within ±14 h, and a zone changes offset at most once a day.
  const before = offsetMinutesAt(zone, key - 14 * HOUR_MS);
  const after = offsetMinutesAt(zone, key + 14 * HOUR_MS);
  const candidates = [key - before * MINUTE_MS, key - after * MINUTE_MS].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (wallKey(wallTimeAt(zone, candidate)) === key) return candidate;
  }
  // In a gap: the jump lies between the two candidates; find the first minute showing ≥ wall.
  let low = Math.floor((candidates[0] ?? key) / MINUTE_MS);
  let high = Math.ceil((candidates[1] ?? key) / MINUTE_MS);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (wallKey(wallTimeAt(zone, middle * MINUTE_MS)) >= key) high = middle;
    else low = middle + 1;
  }
  return low * MINUTE_MS;
}

/** Every instant `zone`'s wall clock shows `wall`: two in the autumn overlap, none in the gap. */
export function occurrencesOf(zone: string, wall: WallTime): number[] {
  const key = wallKey(wall);
  const before = offsetMinutesAt(zone, key - 14 * HOUR_MS);
  const after = offsetMinutesAt(zone, key + 14 * HOUR_MS);
  return [...new Set([key - before * MINUTE_MS, key - after * MINUTE_MS])]
    .filter((instant) => wallKey(wallTimeAt(zone, instant)) === key)
    .sort((a, b) => a - b);
}

/** The date `days` after `date` (calendar days). */
export function addDays(date: WallDate, days: number): WallDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Calendar days from one date to another. */
export const daysBetween = (from: WallDate, to: WallDate): number =>
  Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) /
      DAY_MS,
  );

/** The wall time at `minutes` (0–1440) after midnight of `date`; 1440 is the next midnight. */
export function wallAt(date: WallDate, minutes: number): WallTime {
  const day = addDays(date, Math.floor(minutes / 1440));
  const rest = minutes % 1440;
  return { ...day, hour: Math.floor(rest / 60), minute: rest % 60 };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `yyyy-MM-dd`. */
export const dateText = (date: WallDate): string =>
  `${String(date.year).padStart(4, '0')}-${two(date.month)}-${two(date.day)}`;

/** `HH:mm`. */
export const clockText = (wall: WallTime): string => `${two(wall.hour)}:${two(wall.minute)}`;

/** `UTC+08:00`, `UTC-07:00`, `UTC+05:45`. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** Parses `HH:mm` (00:00–24:00) to minutes after midnight; null when malformed. */
export function minutesOfClock(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** Parses `yyyy-MM-dd` to a real calendar date; null when malformed or not on the calendar. */
export function parseDate(text: string): WallDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}
