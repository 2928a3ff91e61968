import { describe, expect, it } from 'vitest';
import { zonesOfCountry } from '../../../main/services/preflight/country-zones';
import { outsideCallingHours, recipientWindow } from '../../../main/services/preflight/local-times';
import { hoursWarnings } from '../../../main/services/preflight/preflight';

const day = (year: number, month: number, d: number) => ({
  year,
  month,
  day: d,
  hour: 0,
  minute: 0,
});

describe('windows in the recipients’ zones', () => {
  it('converts a window and follows the recipients’ DST change', () => {
    // Shanghai 21:00–23:00 is 13:00–15:00Z: 08:00 in New York before DST, 09:00 after.
    const before = recipientWindow(
      'US',
      5,
      ['America/New_York'],
      { start: Date.UTC(2025, 2, 8, 13), end: Date.UTC(2025, 2, 8, 15) },
      day(2025, 3, 8),
    );
    expect(before.zones).toEqual([
      {
        zone: 'America/New_York',
        start: '08:00',
        end: '10:00',
        dayShift: 0,
        utcOffset: 'UTC-05:00',
      },
    ]);
    const after = recipientWindow(
      'US',
      5,
      ['America/New_York'],
      { start: Date.UTC(2025, 2, 10, 13), end: Date.UTC(2025, 2, 10, 15) },
      day(2025, 3, 10),
    );
    expect(after.zones[0]).toMatchObject({ start: '09:00', end: '11:00', utcOffset: 'UTC-04:00' });
  });

  it('shows a multi-zone country as a range from west to east, with day shifts', () => {
    // Shanghai 09:00–18:00 on 2025-06-02 = 01:00–10:00Z.
    const us = recipientWindow(
      'US',
      100,
      zonesOfCountry('US'),
      { start: Date.UTC(2025, 5, 2, 1), end: Date.UTC(2025, 5, 2, 10) },
      day(2025, 6, 2),
    );
    expect(us.zones[0]).toMatchObject({
      zone: 'Pacific/Honolulu',
      start: '15:00',
      end: '00:00',
      dayShift: -1,
    });
    expect(us.zones.at(-1)).toMatchObject({
      zone: 'America/New_York',
      start: '21:00',
      end: '06:00',
      dayShift: -1,
    });
    expect(us.text.en).toBe('15:00–00:00 (previous day) … 21:00–06:00 (previous day)');
    expect(us.text['zh-CN']).toBe('15:00–00:00（前一天） … 21:00–06:00（前一天）');
  });
});

describe('the 09:00–20:00 local calling hours', () => {
  const shanghaiDay = [{ start: Date.UTC(2025, 5, 2, 1), end: Date.UTC(2025, 5, 2, 10) }];

  it('flags a zone where calls would start before 09:00 or end after 20:00', () => {
    expect(outsideCallingHours('Asia/Tokyo', shanghaiDay)).toBeNull(); // 10:00–19:00
    expect(outsideCallingHours('Asia/Kolkata', shanghaiDay)).toEqual({
      zone: 'Asia/Kolkata',
      local: { en: '06:30–15:30', 'zh-CN': '06:30–15:30' },
    });
    const tokyoToEight = [{ start: Date.UTC(2025, 5, 2, 2), end: Date.UTC(2025, 5, 2, 11) }];
    expect(outsideCallingHours('Asia/Tokyo', tokyoToEight)).toBeNull(); // 11:00–20:00 is fine
    const tokyoPastEight = [{ start: Date.UTC(2025, 5, 2, 2), end: Date.UTC(2025, 5, 2, 11, 1) }];
    expect(outsideCallingHours('Asia/Tokyo', tokyoPastEight)).not.toBeNull();
  });

  it('warns once per country with its count, says "up to" when only some zones are affected', () => {
    // 12:00–13:00Z: Rio Branco 07:00, Manaus 08:00 (outside); São Paulo 09:00, Noronha 10:00.
    const warnings = hoursWarnings(
      [
        { country: 'BR', callingCode: '55', count: 40 },
        { country: 'GB', callingCode: '44', count: 500 }, // 13:00–14:00 BST
        { country: null, callingCode: '882', count: 3 },
      ],
      [{ start: Date.UTC(2025, 5, 2, 12), end: Date.UTC(2025, 5, 2, 13) }],
    );
    expect(warnings.map((w) => [w.code, w.country, w.count])).toEqual([
      ['outside-calling-hours', 'BR', 40],
      ['unknown-zone', null, 3],
    ]);
    expect(warnings[0]?.text.en).toBe(
      'BR: up to 40 numbers would be called outside 09:00–20:00 their time (America/Rio_Branco 07:00–08:00, America/Manaus 08:00–09:00).',
    );
    expect(warnings[0]?.text['zh-CN']).toContain('最多 40 个号码');
    expect(warnings[1]?.text.en).toContain('+882: 3 numbers are in an unknown time zone');
  });

  it('says a stretch across midnight with its later day, never as "09:40–09:37"', () => {
    // 01:40Z to 01:37Z the next day: 09:40 to 09:37 the next day in Shanghai (no daily windows).
    const overnight = [{ start: Date.UTC(2025, 5, 2, 1, 40), end: Date.UTC(2025, 5, 3, 1, 37) }];
    expect(outsideCallingHours('Asia/Shanghai', overnight)?.local).toEqual({
      en: '09:40 – 09:37 next day',
      'zh-CN': '09:40 – 次日 09:37',
    });
    const [warning] = hoursWarnings([{ country: 'CN', callingCode: '86', count: 12 }], overnight);
    expect(warning?.text.en).toBe(
      'CN: 12 numbers would be called outside 09:00–20:00 their time (Asia/Shanghai 09:40 – 09:37 next day).',
    );
    expect(warning?.text['zh-CN']).toContain('Asia/Shanghai 09:40 – 次日 09:37');
  });

  it('checks every calling day, so a DST change later in the campaign is caught', () => {
    // 13:00–14:00Z every day: 09:00 in New York while on EDT, 08:00 once EST starts (2025-11-02).
    const days = [31, 32, 33].map((d) => ({
      start: Date.UTC(2025, 9, d, 13),
      end: Date.UTC(2025, 9, d, 14),
    }));
    expect(outsideCallingHours('America/New_York', days.slice(0, 2))).toBeNull();
    expect(outsideCallingHours('America/New_York', days)).toEqual({
      zone: 'America/New_York',
      local: { en: '08:00–09:00', 'zh-CN': '08:00–09:00' },
    });
  });
});
