import { describe, expect, it } from 'vitest';
import { COUNTRY_ZONES, PREFIX_ZONES } from '../../../shared/compliance/zone-data';
import { isKnownZone } from '../../../shared/compliance/zoned-clock';

describe('zone data', () => {
  it('names only zones the runtime Intl can compute with', () => {
    const zones = new Set([
      ...Object.values(COUNTRY_ZONES).flat(),
      ...PREFIX_ZONES.flatMap(([list]) => list.split('&')),
    ]);
    expect([...zones].filter((zone) => !isKnownZone(zone))).toEqual([]);
    expect(zones.size).toBeGreaterThan(300);
  });

  it('lists each prefix once, under a calling code of a country with several zones', () => {
    const prefixes = PREFIX_ZONES.flatMap(([, list]) => list.split(' '));
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(prefixes.filter((p) => p.startsWith('86') || p.startsWith('44'))).toEqual([]);
    expect(isKnownZone('Not/AZone')).toBe(false);
  });
});
