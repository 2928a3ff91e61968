import { describe, expect, it } from 'vitest';
import { zonesOf, zonesOfExactly } from '../../../shared/compliance/recipient-zone';
import { MULTI_ZONE_COUNTRIES, zoneCaseNumbers, zoneDisagreements } from '../../support/zone-cases';

describe('zonesOf memoised by leading digits and length', () => {
  it('answers as libphonenumber does for every number of a mixed sample (all regions, multi-zone countries twice)', () => {
    const numbers = zoneCaseNumbers(30_000);
    expect(numbers.length).toBeGreaterThan(30_000);
    const disagreements = zoneDisagreements(numbers);
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  it('tells apart numbers that share all but their last digits across a territory edge', () => {
    // Cocos (Keeling) Islands and Western Australia share +61 8 9162…: only the digits after the
    // prefix map's 7 say which; the memo must not hand one the other's answer.
    const perth = zonesOfExactly('+61892600000');
    const cocos = zonesOfExactly('+61891620000');
    expect(perth.country).toBe('AU');
    expect(cocos.country).toBe('CC');
    expect(zonesOf('+61892600000')).toEqual(perth);
    expect(zonesOf('+61891620000')).toEqual(cocos);
  });

  it('covers the countries with several zones', () => {
    expect(MULTI_ZONE_COUNTRIES).toEqual(
      expect.arrayContaining(['US', 'CA', 'AU', 'BR', 'RU', 'MX', 'ID']),
    );
  });
});
