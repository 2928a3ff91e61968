// Wall-clock arithmetic in IANA zones with nothing but Intl.DateTimeFormat (Node's full ICU), so
// DST and historical offsets come from the same tz data the OS and the vendors' servers use.

/** A wall-clock date and time (month 1–12). */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

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
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when Intl knows the IANA zone (`Asia/Shanghai`). */
export function isValidZone(zone: string): boolean {
  try {
    formatterOf(zone);
    return true;
  } catch {
    return false;
  }
}

/** This computer's zone. */
export function systemZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The wall clock of `zone` at an instant (ms since epoch), seconds dropped. */
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

const utcOf = (wall: WallTime): number =>
  Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);

/** Minutes `zone` is ahead of UTC at an instant (e.g. 480 for Asia/Shanghai). */
export function offsetMinutes(zone: string, instant: number): number {
  const floored = Math.floor(instant / MINUTE) * MINUTE;
  return Math.round((utcOf(wallTimeAt(zone, floored)) - floored) / MINUTE);
}

const sameWall = (a: WallTime, b: WallTime): boolean =>
  a.year === b.year &&
  a.month === b.month &&
  a.day === b.day &&
  a.hour === b.hour &&
  a.minute === b.minute;

/**
 * The instant a wall-clock time happens in `zone`.
 *
 * Around DST changes: a time that happens twice (autumn) is its first occurrence; a time that
 * does not exist (the spring gap) moves forward by the gap, as clocks do (02:30 → 03:30).
 */
export function instantOf(zone: string, wall: WallTime): number {
  const guess = utcOf(wall);
  const before = offsetMinutes(zone, guess - 14 * HOUR);
  const after = offsetMinutes(zone, guess + 14 * HOUR);
  const candidates = [guess - before * MINUTE, guess - after * MINUTE]
    .filter((t) => sameWall(wallTimeAt(zone, t), wall))
    .sort((a, b) => a - b);
  return candidates[0] ?? guess - before * MINUTE;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `yyyy-MM-dd`. */
export const dateText = (wall: WallTime): string =>
  `${String(wall.year).padStart(4, '0')}-${two(wall.month)}-${two(wall.day)}`;

/** `HH:mm`. */
export const clockText = (wall: WallTime): string => `${two(wall.hour)}:${two(wall.minute)}`;

/** `UTC+08:00`, `UTC-04:00`, `UTC+05:45`. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** Whole days from one wall date to another (calendar days, DST-free). */
export function daysBetween(from: WallTime, to: WallTime): number {
  return Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) /
      (24 * HOUR),
  );
}

/** The wall date `days` after `wall` (time of day kept). */
export function addDays(wall: WallTime, days: number): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: wall.hour,
    minute: wall.minute,
  };
}

/** Parses `HH:mm` to minutes after midnight (`24:00` = 1440); null when malformed. */
export function minutesOfClock(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** Parses `yyyy-MM-dd HH:mm:ss` (the draft's sendAt); null when malformed. */
export function parseWallTime(text: string): WallTime | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

/** The wall time at `minutes` after midnight of `wall`'s date. */
export function atMinutes(wall: WallTime, minutes: number): WallTime {
  const base = addDays(wall, Math.floor(minutes / 1440));
  const rest = minutes % 1440;
  return { ...base, hour: Math.floor(rest / 60), minute: rest % 60 };
}
