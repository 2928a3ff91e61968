import { describe, expect, it } from 'vitest';
import {
  groupByZone,
  vendorScheduleOf,
  vendorTimeText,
} from '../../../shared/compliance/zone-groups';

const at = (iso: string) => Date.parse(iso);
const dayWindow = { start: '09:00', end: '20:00' };

describe('groupByZone', () => {
  it('counts numbers per inferred zone and shows the local start and expected end in each', () => {
    const groups = groupByZone(
      [
        '+12125550123',
        '+12125550124',
        '+16025550123',
        '+442071234567',
        '+442071234568',
        '+442071234569',
      ],
      at('2026-07-01T13:00:00Z'),
      3 * 60 * 60_000,
    );
    expect(groups.map((g) => [g.key, g.count, g.source])).toEqual([
      ['Europe/London', 3, 'country'],
      ['America/New_York', 2, 'region'],
      ['America/Phoenix', 1, 'region'],
    ]);
    expect(groups[2]?.localTimes).toEqual([
      {
        zone: 'America/Phoenix',
        start: {
          zone: 'America/Phoenix',
          date: '2026-07-01',
          time: '06:00',
          offsetMinutes: -420,
          text: '2026-07-01 06:00 UTC-07:00',
        },
        end: {
          zone: 'America/Phoenix',
          date: '2026-07-01',
          time: '09:00',
          offsetMinutes: -420,
          text: '2026-07-01 09:00 UTC-07:00',
        },
      },
    ]);
    expect(groups[0]?.localTimes[0]?.end.text).toBe('2026-07-01 17:00 UTC+01:00');
  });

  it('keeps numbers without a single zone together by candidate set, with a local time per candidate', () => {
    const [group] = groupByZone(['+59352123456', '+59352123457'], at('2026-07-01T15:00:00Z'), 0);
    expect(group).toMatchObject({
      key: 'America/Guayaquil&Pacific/Galapagos',
      source: 'none',
      count: 2,
      country: 'EC',
    });
    expect(group?.localTimes.map((t) => t.start.time)).toEqual(['10:00', '09:00']);
  });
});

describe('vendorScheduleOf', () => {
  it('New York 09:00–20:00 on a UTC+08:00 server: starts 21:00 server time, and ITNIO windows split at its midnight', () => {
    expect(
      vendorScheduleOf({
        zone: 'America/New_York',
        window: dayWindow,
        from: at('2026-07-01T00:00:00Z'),
        vendor: { kind: 'offset', minutes: 480 },
      }),
    ).toEqual({
      startAt: at('2026-07-01T13:00:00Z'),
      endAt: at('2026-07-02T00:00:00Z'),
      vendorStart: '2026-07-01 21:00:00',
      vendorEnd: '2026-07-02 08:00:00',
      itnio: {
        sendTime: '2026-07-01 21:00:00',
        allowSendTime: [
          { strTime: '00:00', endTime: '08:00' },
          { strTime: '21:00', endTime: '23:59' },
        ],
      },
      yccall: { scheduledtime: '2026-07-01 21:00:00', pausedtime: '2026-07-02 08:00:00' },
    });
  });

  it("follows the recipient's DST: the same window is an hour later on the server in January", () => {
    const winter = vendorScheduleOf({
      zone: 'America/New_York',
      window: dayWindow,
      from: at('2026-01-15T05:00:00Z'),
      vendor: { kind: 'offset', minutes: 480 },
    });
    expect(winter?.vendorStart).toBe('2026-01-15 22:00:00');
    expect(winter?.itnio.allowSendTime).toEqual([
      { strTime: '00:00', endTime: '09:00' },
      { strTime: '22:00', endTime: '23:59' },
    ]);
  });

  it("uses a vendor zone's own DST and keeps a window that stays on one server day whole", () => {
    const schedule = vendorScheduleOf({
      zone: 'Europe/Berlin',
      window: dayWindow,
      from: at('2026-07-01T00:00:00Z'),
      vendor: { kind: 'zone', zone: 'Europe/London' },
    });
    expect(schedule?.itnio.allowSendTime).toEqual([{ strTime: '08:00', endTime: '19:00' }]);
    expect(schedule?.yccall).toEqual({
      scheduledtime: '2026-07-01 08:00:00',
      pausedtime: '2026-07-01 19:00:00',
    });
  });

  it("skips the blackout dates of the group's country", () => {
    const schedule = vendorScheduleOf({
      zone: 'America/Chicago',
      country: 'US',
      window: dayWindow,
      blackouts: { US: ['2026-07-04'], GB: ['2026-07-05'] },
      from: at('2026-07-04T00:00:00Z'),
      vendor: { kind: 'offset', minutes: 0 },
    });
    // 2026-07-03 19:00 in Chicago is still open; from 20:00 to the 5th at 09:00 it is not.
    expect(schedule?.vendorStart).toBe('2026-07-04 00:00:00');
    expect(schedule?.vendorEnd).toBe('2026-07-04 01:00:00');
    const next = vendorScheduleOf({
      zone: 'America/Chicago',
      country: 'US',
      window: dayWindow,
      blackouts: { US: ['2026-07-04'] },
      from: at('2026-07-04T01:00:00Z'),
      vendor: { kind: 'offset', minutes: 0 },
    });
    expect(next?.vendorStart).toBe('2026-07-05 14:00:00');
  });

  it('writes times as both vendors read them', () => {
    expect(vendorTimeText({ kind: 'offset', minutes: -330 }, at('2026-07-01T00:00:00Z'))).toBe(
      '2026-06-30 18:30:00',
    );
    expect(
      vendorTimeText({ kind: 'zone', zone: 'Asia/Shanghai' }, at('2026-07-01T00:00:00Z')),
    ).toBe('2026-07-01 08:00:00');
  });
});
