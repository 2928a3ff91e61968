import { beforeAll, describe, expect, it } from 'vitest';
import type { CountryCode } from 'libphonenumber-js/max';
import type { VendorLengthRule } from '../../../shared/domain/list';
import { CompiledPhoneChecker } from '../../../shared/util/phone-compiled';
import { checkPhone, type PhoneCheck } from '../../../shared/util/phone-normalize';
import {
  CASE_DEFAULT_COUNTRIES,
  CASE_RULES,
  makePhoneCases,
  sameCheck,
  type PhoneCase,
} from '../../support/phone-cases';

const SAMPLE = 40_000;

interface Outcome {
  readonly item: PhoneCase;
  readonly reference: PhoneCheck;
  readonly compiled: PhoneCheck;
  readonly fast: boolean;
}

/** Checks every case both ways, one compiled checker per default country and rule. */
function runBoth(cases: readonly PhoneCase[]): Outcome[] {
  const checkers = new Map<string, CompiledPhoneChecker>();
  return cases.map((item) => {
    const key = `${item.defaultCountry ?? '-'}:${item.rule}`;
    let checker = checkers.get(key);
    if (checker === undefined) {
      checker = new CompiledPhoneChecker(item.defaultCountry, item.rule);
      checkers.set(key, checker);
    }
    const before = checker.counts.fast;
    const compiled = checker.check(item.input);
    return {
      item,
      reference: checkPhone(item.input, item.defaultCountry, item.rule),
      compiled,
      fast: checker.counts.fast > before,
    };
  });
}

describe('the compiled phone checker', () => {
  let outcomes: readonly Outcome[] = [];
  beforeAll(() => {
    outcomes = runBoth(makePhoneCases(SAMPLE));
  });

  it('answers exactly like checkPhone on generated numbers of many regions, defaults and rules', () => {
    const disagreements = outcomes
      .filter((o) => !sameCheck(o.reference, o.compiled))
      .slice(0, 5)
      .map((o) => ({ case: o.item, checkPhone: o.reference, compiled: o.compiled }));
    expect(disagreements).toEqual([]);

    // The sample must be worth comparing: valid and invalid numbers, many regions, every
    // default country and rule, every way of writing a number.
    const valid = outcomes.filter((o) => o.reference.ok).length;
    expect(valid / SAMPLE).toBeGreaterThan(0.35);
    expect(valid / SAMPLE).toBeLessThan(0.8);
    expect(new Set(outcomes.map((o) => o.item.region)).size).toBeGreaterThanOrEqual(30);
    const defaults = new Set(outcomes.map((o) => o.item.defaultCountry));
    for (const country of CASE_DEFAULT_COUNTRIES) expect(defaults).toContain(country);
    expect(new Set(outcomes.map((o) => o.item.rule))).toEqual(new Set(CASE_RULES));
    const problems = new Set(outcomes.map((o) => (o.reference.ok ? 'ok' : o.reference.problem)));
    for (const problem of ['ok', 'too-short', 'too-long', 'not-valid', 'no-country', 'letters']) {
      expect(problems).toContain(problem);
    }
  });

  it('answers valid mobiles and fixed lines from the compiled metadata, not from checkPhone', () => {
    const valid = outcomes.filter(
      (o) =>
        o.reference.ok &&
        (o.item.source === 'mobile' || o.item.source === 'fixed-line') &&
        o.item.variant !== 'unusual',
    );
    expect(valid.length).toBeGreaterThan(SAMPLE / 5);
    const fast = valid.filter((o) => o.fast).length;
    expect(fast / valid.length).toBeGreaterThanOrEqual(0.9);
  });

  it('hands unusual cells to checkPhone and still agrees with it', () => {
    const unusual = [
      "'13800138000",
      '="13800138000"',
      '１３８００１３８０００',
      '+86\u00a0138 0013 8000',
      '8.6138E+12',
      '138-0013-800O',
      'tel:+8613800138000',
      '\t13800138000',
      '',
      '   ',
      '+',
      '(+86) 13800138000',
      '1'.repeat(260),
    ];
    for (const rule of ['itniotech-voice', 'none'] satisfies VendorLengthRule[]) {
      for (const country of [null, 'CN', 'US'] satisfies (CountryCode | null)[]) {
        const checker = new CompiledPhoneChecker(country, rule);
        for (const input of unusual) {
          expect(checker.check(input), `${input} in ${String(country)}`).toEqual(
            checkPhone(input, country, rule),
          );
        }
        expect(checker.counts).toEqual({ fast: 0, fallback: unusual.length });
      }
    }
  });

  it('gives the same changes for the usual ways of writing one number', () => {
    const checker = new CompiledPhoneChecker('CN', 'itniotech-voice');
    for (const input of [
      '13800138000',
      '+86 138 0013 8000',
      '008613800138000',
      '8613800138000',
      '+86 (0) 138-0013-8000',
      '010 6552 9988',
      '+1 (201) 555-0123',
    ]) {
      expect(checker.check(input)).toEqual(checkPhone(input, 'CN', 'itniotech-voice'));
    }
    expect(checker.counts.fallback).toBe(0);
  });
});
