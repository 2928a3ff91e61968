const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * A vendor's `yyyy-MM-dd HH:mm:ss` wall-clock time, read at a UTC offset (minutes east), as epoch
 * milliseconds; null when the text is not in that form or not a real date and time. Both vendors write times this way
 * without a zone (api/itniotech.md §9, api/yccall.md §1).
 */
export function wallClockToEpochMs(
  text: string | null | undefined,
  offsetMinutes: number,
): number | null {
  const match = WALL_CLOCK.exec(text?.trim() ?? '');
  if (!match) return null;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = match.slice(1).map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 2026-13-45 over into 2027; a time that is not on the calendar is no time.
  const check = new Date(utc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  return utc - offsetMinutes * 60_000;
}

/** The year of a wall-clock time, for "not set" placeholders such as `0000-00-00 00:00:00`. */
export function wallClockYear(text: string | null | undefined): number | null {
  const match = WALL_CLOCK.exec(text?.trim() ?? '');
  return match ? Number(match[1]) : null;
}
