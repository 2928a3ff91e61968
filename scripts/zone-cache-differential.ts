/**
 * `npx tsx scripts/zone-cache-differential.ts [count]`: the memoised zone lookup (`zonesOf`,
 * by leading digits and length) against libphonenumber's parse of each number
 * (`zonesOfExactly`), on `count` random numbers of every region plus as many fixed lines and
 * mobiles of the countries with several zones (default 1,000,000). Prints the disagreements
 * (there should be none) and the time per number both ways.
 */
import { performance } from 'node:perf_hooks';
import { zonesOf, zonesOfExactly } from '../shared/compliance/recipient-zone';
import { zoneCaseNumbers, zoneDisagreements } from '../test/support/zone-cases';

const count = Number(process.argv[2] ?? 1_000_000);
const numbers = zoneCaseNumbers(count);
const disagreements = zoneDisagreements(numbers);
for (const d of disagreements.slice(0, 20)) {
  console.log(`${d.number}: memo ${JSON.stringify(d.memo)} exact ${JSON.stringify(d.exact)}`);
}
let started = performance.now();
for (const number of numbers) zonesOfExactly(number);
const exactMs = performance.now() - started;
started = performance.now();
for (const number of numbers) zonesOf(number);
const memoMs = performance.now() - started;
const perNumber = (ms: number) => ((ms * 1000) / numbers.length).toFixed(2);
console.log(
  `${numbers.length.toLocaleString('en')} numbers: ${disagreements.length} disagreements; ` +
    `exact ${perNumber(exactMs)} µs, memoised ${perNumber(memoMs)} µs per number ` +
    `(${(exactMs / memoMs).toFixed(1)}×)`,
);
process.exitCode = disagreements.length === 0 ? 0 : 1;
