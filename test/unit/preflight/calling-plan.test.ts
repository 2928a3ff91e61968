import { describe, expect, it } from 'vitest';
import { planCalling } from '../../../main/services/preflight/calling-plan';
import { callLoad, durationText } from '../../../main/services/preflight/estimate';
import { DEFAULT_ESTIMATE_SETTINGS } from '../../../shared/domain/preflight';

const HOUR = 3_600;

describe('duration and cost', () => {
  it('derives calling time and cost from numbers, answer rate, call lengths and concurrency', () => {
    const load = callLoad(1_000, DEFAULT_ESTIMATE_SETTINGS);
    // 300 answered × 45 s + 700 unanswered × 30 s = 34,500 line-seconds over 10 lines.
    expect(load.answered).toBe(300);
    expect(load.lineSeconds).toBe(34_500);
    expect(load.callingSeconds).toBe(3_450);
    // 300 answered calls billed one started minute each at 0.05.
    expect(load.cost).toBe(15);
  });

  it('bills per started billing step', () => {
    const load = callLoad(1_000, { ...DEFAULT_ESTIMATE_SETTINGS, billingIncrementSeconds: 6 });
    expect(load.billedSecondsPerCall).toBe(48);
    expect(load.cost).toBe(12);
    const doubled = callLoad(1_000, { ...DEFAULT_ESTIMATE_SETTINGS, concurrency: 20 });
    expect(doubled.callingSeconds).toBe(1_725);
  });

  it('writes durations for people', () => {
    expect(durationText(3_450)).toEqual({ en: '58 min', 'zh-CN': '58 分钟' });
    expect(durationText(90_061)).toEqual({ en: '1 d 1 h 2 min', 'zh-CN': '1 天 1 小时 2 分钟' });
  });
});

describe('laying calling time out over windows', () => {
  it('runs without a break when there are no windows', () => {
    const startAt = Date.UTC(2025, 5, 2, 1);
    const plan = planCalling({
      startAt,
      zone: 'Asia/Shanghai',
      windows: [],
      callingSeconds: 2 * HOUR,
    });
    expect(plan.intervals).toEqual([{ start: startAt, end: startAt + 2 * HOUR * 1_000 }]);
    expect(plan.finishAt).toBe(startAt + 2 * HOUR * 1_000);
    expect(plan.callingDays).toBe(1);
  });

  it('calls only inside windows and spills what is left into the next windows and days', () => {
    // Start 2025-06-02 17:00 Shanghai (09:00Z); windows 09–12 and 14–18; five hours of calling.
    const plan = planCalling({
      startAt: Date.UTC(2025, 5, 2, 9),
      zone: 'Asia/Shanghai',
      windows: [
        { start: '14:00', end: '18:00' },
        { start: '09:00', end: '12:00' },
      ],
      callingSeconds: 5 * HOUR,
    });
    expect(plan.intervals).toEqual([
      { start: Date.UTC(2025, 5, 2, 9), end: Date.UTC(2025, 5, 2, 10) }, // 17:00–18:00
      { start: Date.UTC(2025, 5, 3, 1), end: Date.UTC(2025, 5, 3, 4) }, // 09:00–12:00 next day
      { start: Date.UTC(2025, 5, 3, 6), end: Date.UTC(2025, 5, 3, 7) }, // 14:00–15:00
    ]);
    expect(plan.finishAt).toBe(Date.UTC(2025, 5, 3, 7));
    expect(plan.callingDays).toBe(2);
  });

  it('starts on the next day when the start is after the last window', () => {
    const plan = planCalling({
      startAt: Date.UTC(2025, 5, 2, 12), // 20:00 Shanghai
      zone: 'Asia/Shanghai',
      windows: [{ start: '09:00', end: '18:00' }],
      callingSeconds: HOUR,
    });
    expect(plan.intervals[0]?.start).toBe(Date.UTC(2025, 5, 3, 1));
    expect(plan.firstDay).toMatchObject({ year: 2025, month: 6, day: 3 });
  });

  it('keeps windows on the wall clock across a DST change', () => {
    // New York 09:00–10:00 daily from 2025-03-08 (EST) into 2025-03-09 (EDT).
    const plan = planCalling({
      startAt: Date.UTC(2025, 2, 8, 12),
      zone: 'America/New_York',
      windows: [{ start: '09:00', end: '10:00' }],
      callingSeconds: 2 * HOUR,
    });
    expect(plan.intervals).toEqual([
      { start: Date.UTC(2025, 2, 8, 14), end: Date.UTC(2025, 2, 8, 15) },
      { start: Date.UTC(2025, 2, 9, 13), end: Date.UTC(2025, 2, 9, 14) },
    ]);
  });

  it('reports windows that can never be used, and a horizon that runs out', () => {
    const unusable = planCalling({
      startAt: Date.UTC(2025, 5, 2),
      zone: 'Asia/Shanghai',
      windows: [{ start: '18:00', end: '09:00' }],
      callingSeconds: HOUR,
    });
    expect(unusable.usableWindows).toBe(false);
    expect(unusable.finishAt).toBeNull();
    const long = planCalling({
      startAt: Date.UTC(2025, 5, 2),
      zone: 'Asia/Shanghai',
      windows: [{ start: '09:00', end: '09:01' }],
      callingSeconds: 10 * HOUR,
      horizonDays: 30,
    });
    expect(long.finishAt).toBeNull();
    expect(long.callingDays).toBeNull();
  });
});
