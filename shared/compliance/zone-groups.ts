import {
  blackoutDatesOf,
  localTimeAt,
  windowAt,
  type BlackoutCalendar,
  type DailyWindow,
  type LocalTime,
} from './calling-window';
import { zonesOf, type ZoneSource } from './recipient-zone';
import { MINUTE_MS } from './zoned-clock';

/** Numbers that share their inferred zone(s), with their local times over the campaign. */
export interface ZoneGroup {
  /** The zones joined by `&` (one zone, or the candidates when `source` is `none`); `` when unknown. */
  readonly key: string;
  readonly zones: readonly string[];
  readonly source: ZoneSource;
  /** The country of the group's first number (a group may span NANP members on one clock). */
  readonly country?: string;
  readonly count: number;
  /** Per zone: the local time when calling starts and when it is expected to end. */
  readonly localTimes: readonly {
    readonly zone: string;
    readonly start: LocalTime;
    readonly end: LocalTime;
  }[];
}

/**
 * Groups E.164 numbers by inferred zone, largest group first.
 *
 * `startAt` (ms) is when calling starts and `durationMs` how long it is expected to last; each
 * group shows both instants in each of its zones. Numbers with no single zone form groups by
 * their candidate set, so the review can ask once per set.
 */
export function groupByZone(
  numbers: Iterable<string>,
  startAt: number,
  durationMs: number,
): ZoneGroup[] {
  const groups = new Map<
    string,
    { zones: readonly string[]; source: ZoneSource; country?: string; count: number }
  >();
  for (const number of numbers) {
    const found = zonesOf(number);
    const key = found.zones.join('&');
    const group = groups.get(key);
    if (group) group.count += 1;
    else
      groups.set(key, {
        zones: found.zones,
        source: found.source,
        ...(found.country === undefined ? {} : { country: found.country }),
        count: 1,
      });
  }
  const endAt = startAt + durationMs;
  return [...groups]
    .map(([key, group]) => ({
      key,
      ...group,
      localTimes: group.zones.map((zone) => ({
        zone,
        start: localTimeAt(zone, startAt),
        end: localTimeAt(zone, endAt),
      })),
    }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** A vendor server's clock: an IANA zone, or a fixed UTC offset (the account's `serverUtcOffsetMinutes`). */
export type VendorClock =
  | { readonly kind: 'zone'; readonly zone: string }
  | { readonly kind: 'offset'; readonly minutes: number };

/** An ITNIO `allowSendTime` entry: `HH:mm` in the vendor's clock, `strTime` before `endTime`. */
export interface ItnioSendWindow {
  readonly strTime: string;
  readonly endTime: string;
}

/** When and how a zone group's task runs at the vendor. */
export interface VendorSchedule {
  /** The first instant calling is allowed for the group at or after `from` (ms). */
  readonly startAt: number;
  /** When that stretch of the window ends (ms). */
  readonly endAt: number;
  /** `startAt` / `endAt` as the vendor writes them: `yyyy-MM-dd HH:mm:ss` on the vendor's clock. */
  readonly vendorStart: string;
  readonly vendorEnd: string;
  /**
   * ITNIO: `sendTime` and the daily `allowSendTime` windows (§5.4) on the vendor's clock. A window
   * that crosses the vendor's midnight is split in two, the first ending at 23:59 (ITNIO takes no
   * 24:00). Exact for the offsets of `startAt`'s day; a DST change of either side moves it an hour.
   */
  readonly itnio: { readonly sendTime: string; readonly allowSendTime: readonly ItnioSendWindow[] };
  /** Yccall TaskCreat `scheduledtime` / `pausedtime` (yccall.md §4.1): the stretch itself. */
  readonly yccall: { readonly scheduledtime: string; readonly pausedtime: string };
}

/** A group's zone, window and blackout dates, and from when to schedule it. */
export interface GroupScheduleRequest {
  readonly zone: string;
  readonly country?: string;
  readonly window: DailyWindow;
  readonly blackouts?: BlackoutCalendar;
  /** The earliest instant the task may start (ms), e.g. now. */
  readonly from: number;
  readonly vendor: VendorClock;
}

function vendorOffsetAt(vendor: VendorClock, instant: number): number {
  return vendor.kind === 'offset'
    ? vendor.minutes
    : localTimeAt(vendor.zone, instant).offsetMinutes;
}

/** `yyyy-MM-dd HH:mm:ss` of an instant on the vendor's clock (both vendors' format). */
export function vendorTimeText(vendor: VendorClock, instant: number): string {
  const shifted = new Date(instant + vendorOffsetAt(vendor, instant) * MINUTE_MS);
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The vendor-side schedule of one zone group: the first allowed instant at or after `from`, and
 * the window on the vendor's clock (ITNIO `sendTime` + `allowSendTime`, Yccall
 * `scheduledtime` + `pausedtime`). Null when no allowed instant exists within a year (every day
 * blacked out).
 */
export function vendorScheduleOf(request: GroupScheduleRequest): VendorSchedule | null {
  const answer = windowAt(
    {
      zone: request.zone,
      window: request.window,
      blackoutDates: blackoutDatesOf(request.blackouts ?? {}, request.country),
    },
    request.from,
  );
  if (answer.nextStart === null || answer.stretchEnd === null) return null;
  const startAt = answer.nextStart;
  const vendorStart = vendorTimeText(request.vendor, startAt);
  const vendorEnd = vendorTimeText(request.vendor, answer.stretchEnd);
  return {
    startAt,
    endAt: answer.stretchEnd,
    vendorStart,
    vendorEnd,
    itnio: { sendTime: vendorStart, allowSendTime: dailyWindowsOn(request, startAt) },
    yccall: { scheduledtime: vendorStart, pausedtime: vendorEnd },
  };
}

/** The recipient's daily window, on the day of `startAt`, in the vendor's `HH:mm`. */
function dailyWindowsOn(request: GroupScheduleRequest, startAt: number): ItnioSendWindow[] {
  // Shift the window by the offset difference on the start's day: recipient wall − vendor wall.
  const difference =
    localTimeAt(request.zone, startAt).offsetMinutes - vendorOffsetAt(request.vendor, startAt);
  const toMinutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
  const start = mod(toMinutes(request.window.start) - difference, 1440);
  const length = mod(toMinutes(request.window.end) - toMinutes(request.window.start), 1440) || 1440;
  const end = start + length;
  const clock = (minutes: number) => {
    const m = mod(minutes, 1440);
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  };
  if (end <= 1440) return [{ strTime: clock(start), endTime: end === 1440 ? '23:59' : clock(end) }];
  return [
    { strTime: '00:00', endTime: clock(end) },
    { strTime: clock(start), endTime: '23:59' },
  ];
}

const mod = (n: number, m: number): number => ((n % m) + m) % m;
