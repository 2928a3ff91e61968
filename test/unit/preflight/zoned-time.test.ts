import { describe, expect, it } from 'vitest';
import {
  instantOf,
  offsetMinutes,
  offsetText,
  parseWallTime,
  wallTimeAt,
} from '../../../main/services/preflight/zoned-time';

const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
});

describe('zoned time', () => {
  it('reads offsets with and without DST', () => {
    expect(offsetMinutes('Asia/Shanghai', Date.UTC(2025, 0, 15))).toBe(480);
    expect(offsetMinutes('America/New_York', Date.UTC(2025, 0, 15))).toBe(-300);
    expect(offsetMinutes('America/New_York', Date.UTC(2025, 6, 15))).toBe(-240);
    expect(offsetMinutes('Asia/Kathmandu', Date.UTC(2025, 6, 15))).toBe(345);
    expect(offsetText(345)).toBe('UTC+05:45');
    expect(offsetText(-210)).toBe('UTC-03:30');
  });

  it('turns a wall time into the instant it happens, on both sides of a DST change', () => {
    expect(instantOf('America/New_York', wall(2025, 3, 8, 9))).toBe(Date.UTC(2025, 2, 8, 14));
    expect(instantOf('America/New_York', wall(2025, 3, 10, 9))).toBe(Date.UTC(2025, 2, 10, 13));
    expect(instantOf('Asia/Shanghai', wall(2025, 6, 2, 0))).toBe(Date.UTC(2025, 5, 1, 16));
  });

  it('moves a time in the spring gap forward and takes the first of a repeated autumn time', () => {
    // 02:30 does not exist in New York on 2025-03-09: clocks go 02:00 → 03:00, so it is 03:30 EDT.
    const gap = instantOf('America/New_York', wall(2025, 3, 9, 2, 30));
    expect(gap).toBe(Date.UTC(2025, 2, 9, 7, 30));
    expect(wallTimeAt('America/New_York', gap)).toMatchObject({ hour: 3, minute: 30 });
    // 01:30 happens twice on 2025-11-02: first in EDT (05:30Z), then in EST (06:30Z).
    expect(instantOf('America/New_York', wall(2025, 11, 2, 1, 30))).toBe(
      Date.UTC(2025, 10, 2, 5, 30),
    );
  });

  it('parses the draft start format and refuses impossible dates', () => {
    expect(parseWallTime('2025-03-08 09:30:00')).toEqual(wall(2025, 3, 8, 9, 30));
    expect(parseWallTime('2025-02-30 09:30:00')).toBeNull();
    expect(parseWallTime('2025-03-08T09:30')).toBeNull();
  });
});
