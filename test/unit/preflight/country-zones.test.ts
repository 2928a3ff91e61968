import { describe, expect, it } from 'vitest';
import { COUNTRY_ZONES, zonesOfCountry } from '../../../main/services/preflight/country-zones';
import { isValidZone, offsetMinutes } from '../../../main/services/preflight/zoned-time';

describe('country → zones table', () => {
  it('uses only zones Intl knows', () => {
    const bad = Object.entries(COUNTRY_ZONES).flatMap(([country, zones]) =>
      zones.filter((zone) => !isValidZone(zone)).map((zone) => `${country}:${zone}`),
    );
    expect(bad).toEqual([]);
  });

  it('covers the countries call centres dial', () => {
    for (const country of [
      'CN',
      'HK',
      'TW',
      'SG',
      'MY',
      'ID',
      'PH',
      'TH',
      'VN',
      'IN',
      'BD',
      'PK',
    ]) {
      expect(zonesOfCountry(country).length, country).toBeGreaterThan(0);
    }
    for (const country of ['NG', 'KE', 'BR', 'MX', 'US', 'GB', 'RU', 'AU', 'CA']) {
      expect(zonesOfCountry(country).length, country).toBeGreaterThan(0);
    }
  });

  it('lists every clock of multi-zone countries', () => {
    const spread = (country: string) => {
      const offsets = zonesOfCountry(country).map((z) => offsetMinutes(z, Date.UTC(2025, 0, 15)));
      return (Math.max(...offsets) - Math.min(...offsets)) / 60;
    };
    expect(spread('US')).toBe(5); // Honolulu −10 … New York −5
    expect(spread('RU')).toBe(10); // Kaliningrad +2 … Kamchatka +12
    expect(spread('ID')).toBe(2); // Jakarta +7 … Jayapura +9
    expect(spread('BR')).toBe(3); // Rio Branco −5 … Noronha −2
    expect(spread('AU')).toBeGreaterThanOrEqual(3);
    expect(spread('CA')).toBeGreaterThanOrEqual(4.5);
    expect(spread('MX')).toBeGreaterThanOrEqual(3);
    expect(zonesOfCountry('US')).toContain('America/Phoenix');
  });

  it('knows no zone for countries outside the table and for numbers without a country', () => {
    expect(zonesOfCountry('AQ')).toEqual([]);
    expect(zonesOfCountry(null)).toEqual([]);
  });
});
