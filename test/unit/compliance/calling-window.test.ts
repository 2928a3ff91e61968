import { describe, expect, it } from 'vitest';
import {
  isCallingAllowed,
  localTimeAt,
  nextAllowedStart,
  problemOf,
  windowAt,
  type CallingRules,
} from '../../../shared/compliance/calling-window';

const at = (iso: string) => Date.parse(iso);
const day = (zone: string, blackoutDates: string[] = []): CallingRules => ({
  zone,
  window: { start: '09:00', end: '20:00' },
  blackoutDates,
});
/** windowAt with ISO instants, for exact comparisons. */
function answer(rules: CallingRules, iso: string) {
  const result = windowAt(rules, at(iso));
  const text = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    allowed: result.allowed,
    nextStart: text(result.nextStart),
    stretchEnd: text(result.stretchEnd),
  };
}

describe('calling windows: zones without DST inside countries that have it', () => {
  it('Phoenix keeps UTC−07:00 while Denver moves to UTC−06:00 (US spring forward, 2026-03-08)', () => {
    expect(answer(day('America/Denver'), '2026-03-08T15:00:00Z')).toEqual({
      allowed: true,
      nextStart: '2026-03-08T15:00:00.000Z',
      stretchEnd: '2026-03-09T02:00:00.000Z',
    });
    expect(answer(day('America/Phoenix'), '2026-03-08T15:00:00Z')).toEqual({
      allowed: false,
      nextStart: '2026-03-08T16:00:00.000Z',
      stretchEnd: '2026-03-09T03:00:00.000Z',
    });
  });

  it('Phoenix and Denver open at the same instant in winter', () => {
    const from = at('2026-01-15T05:00:00Z'); // 22:00 on both clocks
    expect(nextAllowedStart(day('America/Phoenix'), from)).toBe(at('2026-01-15T16:00:00Z'));
    expect(nextAllowedStart(day('America/Denver'), from)).toBe(at('2026-01-15T16:00:00Z'));
  });

  it('Brisbane stays at UTC+10:00 while Sydney keeps summer time (southern January)', () => {
    const from = at('2026-01-14T12:00:00Z');
    expect(nextAllowedStart(day('Australia/Sydney'), from)).toBe(at('2026-01-14T22:00:00Z'));
    expect(nextAllowedStart(day('Australia/Brisbane'), from)).toBe(at('2026-01-14T23:00:00Z'));
  });
});

describe('calling windows: southern-hemisphere DST', () => {
  it('Sydney opens an hour later in UTC the day its summer time ends (2026-04-05)', () => {
    expect(nextAllowedStart(day('Australia/Sydney'), at('2026-04-03T12:00:00Z'))).toBe(
      at('2026-04-03T22:00:00Z'),
    );
    expect(answer(day('Australia/Sydney'), '2026-04-04T12:00:00Z')).toEqual({
      allowed: false,
      nextStart: '2026-04-04T23:00:00.000Z',
      stretchEnd: '2026-04-05T10:00:00.000Z',
    });
  });

  it('Santiago opens an hour earlier in UTC once its summer time starts (2026-09-06)', () => {
    expect(answer(day('America/Santiago'), '2026-09-05T20:00:00Z')).toEqual({
      allowed: true,
      nextStart: '2026-09-05T20:00:00.000Z',
      stretchEnd: '2026-09-06T00:00:00.000Z',
    });
    expect(nextAllowedStart(day('America/Santiago'), at('2026-09-06T00:00:00Z'))).toBe(
      at('2026-09-06T12:00:00Z'),
    );
  });
});

describe('calling windows: the DST gap and overlap', () => {
  const newYork = (start: string, end: string): CallingRules => ({
    zone: 'America/New_York',
    window: { start, end },
  });

  it('a start that does not exist that day (02:30, spring forward) opens when the clock jumps to 03:00', () => {
    expect(answer(newYork('02:30', '06:00'), '2026-03-08T05:00:00Z')).toEqual({
      allowed: false,
      nextStart: '2026-03-08T07:00:00.000Z',
      stretchEnd: '2026-03-08T10:00:00.000Z',
    });
    expect(localTimeAt('America/New_York', at('2026-03-08T07:00:00Z')).text).toBe(
      '2026-03-08 03:00 UTC-04:00',
    );
  });

  it('the repeated hour (fall back) is judged by the clock both times it shows', () => {
    // 01:30 EDT opens; at 02:00 EDT the clock goes back to 01:00 EST, before 01:30 again.
    expect(answer(newYork('01:30', '06:00'), '2026-11-01T04:00:00Z')).toEqual({
      allowed: false,
      nextStart: '2026-11-01T05:30:00.000Z',
      stretchEnd: '2026-11-01T06:00:00.000Z',
    });
    expect(answer(newYork('01:30', '06:00'), '2026-11-01T06:00:00Z')).toEqual({
      allowed: false,
      nextStart: '2026-11-01T06:30:00.000Z',
      stretchEnd: '2026-11-01T11:00:00.000Z',
    });
  });

  it('a night window crossing the fall-back night lasts five hours (22:00 EDT to 02:00 EST)', () => {
    expect(answer(newYork('22:00', '02:00'), '2026-10-31T12:00:00Z')).toEqual({
      allowed: false,
      nextStart: '2026-11-01T02:00:00.000Z',
      stretchEnd: '2026-11-01T07:00:00.000Z',
    });
  });
});

describe('calling windows: crossing midnight and blackout dates', () => {
  const night: CallingRules = {
    zone: 'America/New_York',
    window: { start: '22:00', end: '02:00' },
  };

  it('a 22:00–02:00 window is open on both sides of midnight and closed at 02:00', () => {
    expect(isCallingAllowed(night, at('2026-07-01T02:00:00Z'))).toBe(true); // 22:00 EDT
    expect(isCallingAllowed(night, at('2026-07-01T05:59:00Z'))).toBe(true); // 01:59
    expect(isCallingAllowed(night, at('2026-07-01T06:00:00Z'))).toBe(false); // 02:00
    expect(isCallingAllowed(night, at('2026-07-01T01:59:00Z'))).toBe(false); // 21:59
    expect(answer(night, '2026-07-01T03:00:00Z')).toEqual({
      allowed: true,
      nextStart: '2026-07-01T03:00:00.000Z',
      stretchEnd: '2026-07-01T06:00:00.000Z',
    });
    expect(nextAllowedStart(night, at('2026-07-01T06:00:00Z'))).toBe(at('2026-07-02T02:00:00Z'));
  });

  it('a blackout date closes its whole local day, also the part of a night window after midnight', () => {
    expect(answer(day('America/New_York', ['2026-12-25']), '2026-12-25T15:00:00Z')).toEqual({
      allowed: false,
      nextStart: '2026-12-26T14:00:00.000Z',
      stretchEnd: '2026-12-27T01:00:00.000Z',
    });
    // The night of the 24th runs until the 25th begins; the night of the 25th is closed.
    expect(answer({ ...night, blackoutDates: ['2026-12-25'] }, '2026-12-25T03:00:00Z')).toEqual({
      allowed: true,
      nextStart: '2026-12-25T03:00:00.000Z',
      stretchEnd: '2026-12-25T05:00:00.000Z',
    });
    expect(
      nextAllowedStart({ ...night, blackoutDates: ['2026-12-25'] }, at('2026-12-25T05:00:00Z')),
    ).toBe(
      at('2026-12-26T05:00:00Z'), // 00:00 EST on the 26th: the rest of the night of the 25th
    );
  });

  it('a window may end at 24:00', () => {
    const late: CallingRules = { zone: 'Asia/Shanghai', window: { start: '18:00', end: '24:00' } };
    expect(answer(late, '2026-07-01T09:00:00Z')).toEqual({
      allowed: false,
      nextStart: '2026-07-01T10:00:00.000Z',
      stretchEnd: '2026-07-01T16:00:00.000Z',
    });
  });
});

describe('calling windows: checks and local times', () => {
  it('says in English and Chinese what is wrong with a window or a date', () => {
    expect(problemOf({ start: '9:00', end: '20:00' })).toEqual({
      en: 'Calling window 9:00–20:00: use times from 00:00 to 24:00 (HH:mm).',
      'zh-CN': '呼叫时段 9:00–20:00：请使用 00:00 至 24:00 的时间（HH:mm）。',
    });
    expect(problemOf({ start: '00:00', end: '24:00' })?.en).toMatch(/must differ/);
    expect(problemOf({ start: '09:00', end: '20:00' }, ['2026-02-30'])?.['zh-CN']).toContain(
      '2026-02-30',
    );
    expect(problemOf({ start: '09:00', end: '20:00' }, ['2026-02-28'])).toBeNull();
    expect(() => windowAt({ zone: 'UTC', window: { start: '25:00', end: '20:00' } }, 0)).toThrow(
      RangeError,
    );
  });

  it('gives the local time of an instant with its offset', () => {
    expect(localTimeAt('America/Phoenix', at('2026-07-01T19:00:00Z'))).toEqual({
      zone: 'America/Phoenix',
      date: '2026-07-01',
      time: '12:00',
      offsetMinutes: -420,
      text: '2026-07-01 12:00 UTC-07:00',
    });
    expect(localTimeAt('Asia/Kathmandu', at('2026-07-01T19:00:00Z')).text).toBe(
      '2026-07-02 00:45 UTC+05:45',
    );
  });
});
