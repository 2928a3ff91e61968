import { getCountries, type CountryCode } from 'libphonenumber-js/max';
import { COUNTRY_ZONES } from '../../shared/compliance/zone-data';
import {
  zonesOf,
  zonesOfExactly,
  type RecipientZones,
} from '../../shared/compliance/recipient-zone';
import { checkPhone } from '../../shared/util/phone-normalize';
import { makePhoneCases, makeTypicalList } from './phone-cases';

/** Countries with more than one clock: where a wrong memo would change a number's zone. */
export const MULTI_ZONE_COUNTRIES: readonly CountryCode[] = getCountries().filter(
  (country) => (COUNTRY_ZONES[country]?.length ?? 0) > 1,
);

/**
 * E.164 numbers as an import stores them: `count` random cases of every region (those the
 * importer accepts), then as many fixed lines and mobiles of the countries with several zones.
 */
export function zoneCaseNumbers(count: number, seed = 17): string[] {
  const numbers: string[] = [];
  for (const item of makePhoneCases(count, seed)) {
    const checked = checkPhone(item.input, item.defaultCountry, item.rule);
    if (checked.ok) numbers.push(checked.e164);
  }
  const isValid = (input: string) => checkPhone(input, null, 'none').ok;
  for (const source of ['fixed-line', 'mobile'] as const) {
    const typical = makeTypicalList(
      Math.floor(count / 2),
      { regions: MULTI_ZONE_COUNTRIES, international: true, source },
      isValid,
      seed + (source === 'mobile' ? 1 : 2),
    );
    for (const number of typical) numbers.push(number);
  }
  return numbers;
}

/** A number whose memoised answer differs from libphonenumber's answer for it. */
export interface ZoneDisagreement {
  readonly number: string;
  readonly memo: RecipientZones;
  readonly exact: RecipientZones;
}

/** Looks every number up both ways, in order (as a list is grouped), and lists the differences. */
export function zoneDisagreements(numbers: readonly string[]): ZoneDisagreement[] {
  const out: ZoneDisagreement[] = [];
  for (const number of numbers) {
    const memo = zonesOf(number);
    const exact = zonesOfExactly(number);
    if (
      memo.source !== exact.source ||
      memo.country !== exact.country ||
      memo.zones.join('&') !== exact.zones.join('&')
    ) {
      out.push({ number, memo, exact });
    }
  }
  return out;
}
