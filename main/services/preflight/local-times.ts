import type { LocalizedText } from '../../../shared/domain/locale';
import type { RecipientTime, ZonedTime } from '../../../shared/domain/preflight';
import type { Interval } from './calling-plan';
import {
  clockText,
  dateText,
  daysBetween,
  offsetMinutes,
  offsetText,
  wallTimeAt,
  type WallTime,
} from './zoned-time';

/** Local calling hours recipients should be called in: 09:00–20:00 their time. */
export const CALLING_HOURS = { from: 9 * 60, to: 20 * 60 } as const;

/** An instant as one zone's clock shows it. */
export function zonedTime(zone: string, instant: number): ZonedTime {
  const wall = wallTimeAt(zone, instant);
  return {
    zone,
    local: `${dateText(wall)} ${clockText(wall)}`,
    utcOffset: offsetText(offsetMinutes(zone, instant)),
  };
}

/** Zones ordered west to east by their offset at `instant` (ties by name). */
export function sortZones(zones: readonly string[], instant: number): string[] {
  return [...zones].sort(
    (a, b) => offsetMinutes(a, instant) - offsetMinutes(b, instant) || a.localeCompare(b),
  );
}

function shiftWords(days: number): LocalizedText {
  if (days === 0) return { en: '', 'zh-CN': '' };
  if (days === -1) return { en: ' (previous day)', 'zh-CN': '（前一天）' };
  if (days === 1) return { en: ' (next day)', 'zh-CN': '（次日）' };
  return days < 0
    ? { en: ` (${-days} days earlier)`, 'zh-CN': `（提前 ${-days} 天）` }
    : { en: ` (${days} days later)`, 'zh-CN': `（${days} 天后）` };
}

/**
 * A window [start, end) as the recipients of one country see it, relative to `managerDay`.
 *
 * Several zones are listed west to east; the text shows the range from the first to the last.
 */
export function recipientWindow(
  country: string | null,
  count: number,
  zones: readonly string[],
  window: Interval,
  managerDay: WallTime,
): RecipientTime {
  const entries = sortZones(zones, window.start).map((zone) => {
    const start = wallTimeAt(zone, window.start);
    const end = wallTimeAt(zone, window.end);
    return {
      zone,
      start: clockText(start),
      end: clockText(end),
      dayShift: daysBetween(managerDay, start),
      utcOffset: offsetText(offsetMinutes(zone, window.start)),
    };
  });
  const one = (e: (typeof entries)[number] | undefined): LocalizedText => {
    if (!e) return { en: 'unknown zone', 'zh-CN': '时区未知' };
    const shift = shiftWords(e.dayShift);
    return {
      en: `${e.start}–${e.end}${shift.en}`,
      'zh-CN': `${e.start}–${e.end}${shift['zh-CN']}`,
    };
  };
  const first = one(entries[0]);
  const last = one(entries.at(-1));
  const text =
    entries.length > 1
      ? { en: `${first.en} … ${last.en}`, 'zh-CN': `${first['zh-CN']} … ${last['zh-CN']}` }
      : first;
  return { country, count, zones: entries, text };
}

/** A stretch that falls outside 09:00–20:00 on `zone`'s clock, with its local times. */
export interface OutsideHours {
  readonly zone: string;
  /**
   * The first stretch outside the hours on the zone's clock, in words: `21:00–23:00`, or
   * `09:40 – 09:37 next day` for one that runs past midnight (the end is a later day's clock).
   */
  readonly local: LocalizedText;
}

/** A stretch's `start – end` where the end is `days` later: "09:40 – 09:37 next day". */
function stretchWords(start: string, end: string, days: number): LocalizedText {
  if (days <= 0) return { en: `${start}–${end}`, 'zh-CN': `${start}–${end}` };
  if (days === 1) return { en: `${start} – ${end} next day`, 'zh-CN': `${start} – 次日 ${end}` };
  return { en: `${start} – ${end} ${days} days later`, 'zh-CN': `${start} – ${days} 天后 ${end}` };
}

/**
 * The first calling stretch that is (partly) outside 09:00–20:00 in `zone`, or null.
 *
 * A stretch that crosses local midnight is outside; one that ends exactly at 20:00 is not.
 */
export function outsideCallingHours(
  zone: string,
  intervals: readonly Interval[],
): OutsideHours | null {
  for (const interval of intervals) {
    const start = wallTimeAt(zone, interval.start);
    const end = wallTimeAt(zone, interval.end);
    const startMinute = start.hour * 60 + start.minute;
    const endMinute = daysBetween(start, end) * 1_440 + end.hour * 60 + end.minute;
    if (startMinute < CALLING_HOURS.from || endMinute > CALLING_HOURS.to) {
      return {
        zone,
        local: stretchWords(clockText(start), clockText(end), daysBetween(start, end)),
      };
    }
  }
  return null;
}
