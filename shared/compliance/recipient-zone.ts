import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import { COUNTRY_ZONES, PREFIX_ZONES } from './zone-data';

/**
 * How a number's zones were found.
 *
 * - `country`: its country has one zone (tzdb zone1970.tab).
 * - `region`: its country has several, and the numbering plan names the region (an area code).
 * - `none`: no single zone follows from the number; `zones` holds the candidates to ask about
 *   (empty when not even the country is known).
 */
export type ZoneSource = 'country' | 'region' | 'none';

/** The recipient's zone(s) as far as the number tells. */
export interface RecipientZones {
  /** IANA zone ids: exactly one unless `source` is `none`. */
  readonly zones: readonly string[];
  readonly source: ZoneSource;
  /** ISO 3166-1 alpha-2 country of the number, when libphonenumber knows it. */
  readonly country?: string;
}

/**
 * Countries whose mobile numbers carry the area code of where they were issued (NANP, Brazil's
 * DDD, Mexico's área de servicio), so a mobile's prefix says its region as a landline's does.
 * Elsewhere a mobile prefix names an operator, not a place (Australia's 04, Russia's 9xx,
 * Indonesia's 08xx, Spain's 6xx), and the map's answer for it is a guess.
 */
const GEOGRAPHIC_MOBILES: ReadonlySet<string> = new Set(['US', 'CA', 'BR', 'MX', 'AR']);

/** Number types whose prefix names a place (libphonenumber's getType). */
const GEOGRAPHIC_TYPES: ReadonlySet<string> = new Set(['FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);

let prefixIndex: Map<string, readonly string[]> | undefined;
let longestPrefix = 0;

function prefixZones(): Map<string, readonly string[]> {
  if (prefixIndex === undefined) {
    prefixIndex = new Map();
    for (const [zones, prefixes] of PREFIX_ZONES) {
      const list = zones.split('&');
      for (const prefix of prefixes.split(' ')) {
        prefixIndex.set(prefix, list);
        longestPrefix = Math.max(longestPrefix, prefix.length);
      }
    }
  }
  return prefixIndex;
}

/** The zones of the longest prefix of `digits` (calling code + national number) in the map. */
function zonesOfPrefix(digits: string): readonly string[] | undefined {
  const index = prefixZones();
  for (let length = Math.min(digits.length, longestPrefix); length > 0; length -= 1) {
    const zones = index.get(digits.slice(0, length));
    if (zones !== undefined) return zones;
  }
  return undefined;
}

function regionOf(phone: PhoneNumber, country: string): readonly string[] | undefined {
  const type = phone.getType();
  if (type !== undefined && !GEOGRAPHIC_TYPES.has(type) && !GEOGRAPHIC_MOBILES.has(country)) {
    return undefined;
  }
  return zonesOfPrefix(`${phone.countryCallingCode}${phone.nationalNumber}`);
}

/**
 * The time zone(s) of the person behind an E.164 number (`+12125550123` → America/New_York).
 *
 * The country comes from libphonenumber (its metadata tells NANP members and +7's Russia and
 * Kazakhstan apart). A country with one zone gives it. In a country with several, the
 * numbering plan's region (libphonenumber's prefix → zone map, corrected where the plan says
 * more: shared/compliance/DATA.md) gives it when it names one zone; otherwise the candidates come
 * back with source `none` so the app can ask rather than guess. A non-geographic number (a mobile
 * where mobiles carry no area code, toll-free, VoIP) in a country with several zones is `none`
 * with all of the country's zones.
 */
export function zonesOf(e164: string): RecipientZones {
  const key = cacheKeyOf(e164);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const found = zonesOfExactly(e164);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, found);
  return found;
}

/**
 * Numbers that share their first `KEY_DIGITS` digits and their length get the same answer.
 *
 * What decides a number's zones is its country (the calling code and, for shared codes such as
 * +1 and +7, the area code), its type (fixed line or mobile: a national pattern that, in every
 * plan of the metadata, is told apart by the leading digits and the length) and the longest
 * prefix of the prefix → zone map (at most 8 digits after a 1-digit calling code, `longestPrefix`).
 * So the answer is memoised by leading digits and length: a 1,000,000-number list costs one
 * libphonenumber parse per distinct prefix instead of per number (about 10 µs each).
 * `test/unit/compliance/recipient-zone-cache.test.ts` and `scripts/zone-cache-differential.ts`
 * compare it with `zonesOfExactly` on every region's numbers.
 */
const KEY_DIGITS = 10;
// Measured by the differential (100,000 cases): 8 leading digits gave 502 disagreements (Spain's
// types differ in the 9th digit), 9 gave none; 10 keeps a digit of margin.
/** Cached answers kept at most (cleared when full: a list rarely has this many prefixes). */
const CACHE_LIMIT = 200_000;
const cache = new Map<string, RecipientZones>();

function cacheKeyOf(e164: string): string {
  return `${e164.length}:${e164.slice(0, KEY_DIGITS + 1)}`;
}

/** `zonesOf` without the memo: libphonenumber's parse of this very number. */
export function zonesOfExactly(e164: string): RecipientZones {
  const phone = parsePhoneNumberFromString(e164);
  const country = phone?.country;
  if (phone === undefined || country === undefined) return { zones: [], source: 'none' };
  const countryZones = COUNTRY_ZONES[country] ?? [];
  if (countryZones.length === 1) return { zones: countryZones, source: 'country', country };
  const region = regionOf(phone, country);
  if (region !== undefined && region.length === 1) {
    return { zones: region, source: 'region', country };
  }
  return { zones: region ?? countryZones, source: 'none', country };
}

/** Every zone a country's numbers may be in (tzdb zone1970.tab); empty for an unknown code. */
export function zonesOfCountry(country: string): readonly string[] {
  return COUNTRY_ZONES[country.toUpperCase()] ?? [];
}
