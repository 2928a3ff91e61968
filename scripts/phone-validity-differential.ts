/**
 * Holds `CompiledPhoneChecker` to `checkPhone` (libphonenumber-js) on a million numbers, and
 * measures both (issue 14, item 1). Run: `npx tsx scripts/phone-validity-differential.ts [count]`
 * (default 1,000,000). Exits 1 on any disagreement, after printing the first few.
 *
 * The numbers come from `test/support/phone-cases.ts` (seeded, so every run is the same): many
 * regions, mobiles, fixed lines, toll free, written with `+`, an IDD prefix, a trunk prefix,
 * separators, or broken, checked under several default countries and vendor rules. Then two
 * typical lists are timed alone: valid CN mobiles with default CN, and valid `+` numbers of
 * mixed regions.
 */
import { performance } from 'node:perf_hooks';
import type { CountryCode } from 'libphonenumber-js/max';
import type { VendorLengthRule } from '../shared/domain/list';
import { CompiledPhoneChecker } from '../shared/util/phone-compiled';
import { checkPhone, type PhoneCheck } from '../shared/util/phone-normalize';
import {
  CASE_RULES,
  makePhoneCases,
  makeTypicalList,
  sameCheck,
  type PhoneCase,
} from '../test/support/phone-cases';

const CHUNK = 50_000;
const SHOW = 5;

function checkerFor(
  checkers: Map<string, CompiledPhoneChecker>,
  defaultCountry: CountryCode | null,
  rule: VendorLengthRule,
): CompiledPhoneChecker {
  const key = `${defaultCountry ?? '-'}:${rule}`;
  let checker = checkers.get(key);
  if (checker === undefined) {
    checker = new CompiledPhoneChecker(defaultCountry, rule);
    checkers.set(key, checker);
  }
  return checker;
}

function micro(ms: number, count: number): string {
  return ((ms * 1000) / count).toFixed(3);
}

/** Times `checkPhone` and a fresh compiled checker on one list, best of three rounds each. */
function timeList(
  label: string,
  inputs: readonly string[],
  defaultCountry: CountryCode | null,
): void {
  let reference = Infinity;
  let compiled = Infinity;
  let sink = 0;
  for (let round = 0; round < 3; round++) {
    let start = performance.now();
    for (const input of inputs) if (checkPhone(input, defaultCountry, 'none').ok) sink++;
    reference = Math.min(reference, performance.now() - start);
    start = performance.now();
    const checker = new CompiledPhoneChecker(defaultCountry, 'none');
    for (const input of inputs) if (checker.check(input).ok) sink++;
    compiled = Math.min(compiled, performance.now() - start);
  }
  if (sink !== inputs.length * 6) throw new Error(`${label}: not every number was valid`);
  console.log(
    `${label}: ${String(inputs.length)} numbers, checkPhone ${micro(reference, inputs.length)} µs, ` +
      `compiled ${micro(compiled, inputs.length)} µs per number, ${(reference / compiled).toFixed(1)}× faster`,
  );
}

function main(): void {
  const count = Number(process.argv[2] ?? 1_000_000);
  if (!Number.isInteger(count) || count <= 0) throw new Error('count must be a positive integer');
  const started = performance.now();
  const cases = makePhoneCases(count);
  console.log(
    `Generated ${String(count)} numbers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const checkers = new Map<string, CompiledPhoneChecker>();
  const regions = new Set<string>();
  const defaults = new Set<string>();
  const disagreements: {
    readonly item: PhoneCase;
    readonly reference: PhoneCheck;
    readonly compiled: PhoneCheck;
  }[] = [];
  let disagreementCount = 0;
  let valid = 0;
  let referenceMs = 0;
  let compiledMs = 0;
  for (let at = 0; at < cases.length; at += CHUNK) {
    const jobs = cases.slice(at, at + CHUNK).map((item) => ({
      item,
      checker: checkerFor(checkers, item.defaultCountry, item.rule),
    }));
    let start = performance.now();
    const references = jobs.map(({ item }) =>
      checkPhone(item.input, item.defaultCountry, item.rule),
    );
    referenceMs += performance.now() - start;
    start = performance.now();
    const results = jobs.map(({ item, checker }) => checker.check(item.input));
    compiledMs += performance.now() - start;
    jobs.forEach(({ item }, i) => {
      const reference = references[i];
      const compiled = results[i];
      if (reference === undefined || compiled === undefined) throw new Error('lost a result');
      regions.add(item.region);
      defaults.add(item.defaultCountry ?? 'none');
      if (reference.ok) valid++;
      if (!sameCheck(reference, compiled)) {
        disagreementCount++;
        if (disagreements.length < SHOW) disagreements.push({ item, reference, compiled });
      }
    });
  }
  let fast = 0;
  let fallback = 0;
  for (const checker of checkers.values()) {
    fast += checker.counts.fast;
    fallback += checker.counts.fallback;
  }

  console.log(`Numbers checked: ${String(count)} (${String(valid)} valid)`);
  const countries = [...regions].filter((region) => /^[A-Z]{2}$/.test(region)).length;
  console.log(
    `Countries: ${String(countries)} regions and ${String(regions.size - countries)} non-geographic codes; ` +
      `${String(defaults.size)} default countries (${[...defaults].join(', ')}); rules: ${CASE_RULES.join(', ')}`,
  );
  console.log(`Compiled path: ${String(fast)} fast, ${String(fallback)} handed to checkPhone`);
  console.log(`Disagreements: ${String(disagreementCount)}`);
  console.log(
    `All cases: checkPhone ${micro(referenceMs, count)} µs, compiled ${micro(compiledMs, count)} µs per number, ` +
      `${(referenceMs / compiledMs).toFixed(1)}× faster`,
  );
  for (const { item, reference, compiled } of disagreements) {
    console.log(
      `  ${JSON.stringify(item.input)} default ${item.defaultCountry ?? 'none'} rule ${item.rule} ` +
        `(${item.region} ${item.source} ${item.variant})\n    checkPhone: ${JSON.stringify(reference)}\n    compiled:   ${JSON.stringify(compiled)}`,
    );
  }

  const typical = Math.min(200_000, Math.max(10_000, Math.floor(count / 5)));
  const cnMobiles = makeTypicalList(
    typical,
    { regions: ['CN'], international: false, source: 'mobile' },
    (input) => checkPhone(input, 'CN', 'none').ok,
  );
  timeList('CN mobiles, default CN', cnMobiles, 'CN');
  const mixed = makeTypicalList(
    typical,
    {
      regions: [
        'CN',
        'US',
        'GB',
        'DE',
        'IN',
        'BR',
        'FR',
        'JP',
        'RU',
        'MX',
        'ID',
        'PH',
        'VN',
        'TH',
        'MY',
        'SG',
        'KR',
        'TR',
        'SA',
        'AE',
        'NG',
        'ZA',
        'AU',
        'CA',
        'IT',
        'ES',
        'PK',
        'BD',
        'EG',
        'CO',
      ],
      international: true,
      source: 'mobile',
    },
    (input) => checkPhone(input, null, 'none').ok,
  );
  timeList('+ numbers of 30 regions, no default country', mixed, null);

  if (disagreementCount > 0) process.exit(1);
}

main();
