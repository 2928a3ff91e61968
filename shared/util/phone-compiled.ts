/**
 * `checkPhone` at memory speed: the same answers, from libphonenumber-js's own `max` metadata
 * compiled once into anchored RegExps.
 *
 * libphonenumber-js spends most of its time per number (~8 µs) building `new RegExp(...)` objects
 * and `Metadata` wrappers on every call. This module replays, step by step, what
 * `parsePhoneNumberFromString` + `isValid()` (and `validatePhoneNumberLength` for the invalid
 * ones) do for the only inputs `checkPhone` ever hands them (`digits` or `+digits`), with each
 * country's patterns compiled the first time a number meets that country. The replay mirrors the
 * library's 1.13.16 sources, file by file (`source/parse.js`,
 * `source/helpers/extractCountryCallingCode.js`, `stripIddPrefix.js`,
 * `extractCountryCallingCodeFromInternationalNumberWithoutPlusSign.js`,
 * `extractNationalNumber.js`, `extractNationalNumberFromPossiblyIncompleteNumber.js`,
 * `getCountryByCallingCode.js`, `getCountryByNationalNumber.js`, `getNumberType.js`,
 * `checkNumberLength.js`, `isValid.js`); the differential test and
 * `scripts/phone-validity-differential.ts` hold it to the library. Run that script again whenever
 * libphonenumber-js is upgraded.
 *
 * Only inputs made of ASCII digits, one leading `+` and the separators space `-` `.` `/` `(` `)`
 * take this path. Everything else (letters, E-notation, forced text `'…` / `="…"`, full-width
 * digits, invisible spaces, tabs, very long cells) and every default country the metadata does
 * not know go to `checkPhone` itself, so libphonenumber-js stays the reference.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import metadataJson from 'libphonenumber-js/metadata.max.json';
import { VENDOR_LENGTHS, type VendorLengthRule } from '../domain/list';
import {
  checkPhone,
  type PhoneChange,
  type PhoneCheck,
  type PhoneProblem,
} from './phone-normalize';

/** The library's `checkNumberLength` outcome. */
type LengthVerdict = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

/** The `ParseError` codes `parse()` can throw for a digit string. */
type ParseErrorCode = 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_COUNTRY';

/** One number type (fixed line, mobile, toll free…) of a numbering plan. */
interface CompiledType {
  readonly pattern: RegExp;
  /** `type.possibleLengths()`: the type's own lengths, else the plan's; null when neither. */
  readonly lengths: readonly number[] | null;
}

/** One numbering plan (a country's, or a non-geographic calling code's), compiled. */
interface CompiledPlan {
  readonly callingCode: string;
  /** `^(?:idd_prefix)`; null when the plan has none (non-geographic plans). */
  readonly iddPrefix: RegExp | null;
  /** `^(?:national_number_pattern)$`. */
  readonly nationalNumber: RegExp;
  readonly possibleLengths: readonly number[] | null;
  /** `^(?:national_prefix_for_parsing)`, or of the national prefix when that is not set. */
  readonly prefixForParsing: RegExp | null;
  readonly transformRule: string | null;
  /** `^(?:leading_digits)`: picks a region among those sharing a calling code. */
  readonly leadingDigits: RegExp | null;
  /** The types with a pattern; null when the plan has no type data (`hasTypes()` false). */
  readonly types: readonly CompiledType[] | null;
}

/** What the library's `parse(…, { v2: true })` gives: a number, or the error it throws. */
type Parsed =
  | {
      readonly ok: true;
      readonly callingCode: string;
      readonly nationalNumber: string;
      readonly country: string | undefined;
      /** The plan `isValid()` and `validatePhoneNumberLength()` select: `country || callingCode`. */
      readonly plan: CompiledPlan;
    }
  | { readonly ok: false; readonly error: ParseErrorCode };

// `constants.js`: MIN_LENGTH_FOR_NSN, MAX_LENGTH_FOR_NSN, MAX_LENGTH_COUNTRY_CODE.
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_LENGTH_COUNTRY_CODE = 3;

/** Cells of more digits than this go to `checkPhone` (the library refuses text over 250). */
const MAX_FAST_DIGITS = 200;

/** The common case: nothing but digits, perhaps after a `+`. `\d` without `u` is ASCII 0-9. */
const PLAIN = /^\+?\d+$/;
/** Digits with the separators `checkPhone` drops, spaces around, `+` only first. */
const SEPARATED = /^ *\+?[\d ()./-]*$/;
const NON_DIGITS = /\D/g;

const TYPE_COUNT = 10;
/** The metadata layout the replay reads (`metadata.js`: V4, the numeric version 4). */
const METADATA_VERSION = 4;

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function lengths(value: unknown): readonly number[] | null {
  return Array.isArray(value) && value.length > 0 && value.every((n) => typeof n === 'number')
    ? (value as readonly number[])
    : null;
}

function entirely(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function atStart(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})`);
}

/**
 * Compiles one minified plan (`metadata.js`, V4 layout: 0 calling code, 1 IDD prefix, 2 national
 * number pattern, 3 possible lengths, 5 national prefix, 7 national prefix for parsing, 8 its
 * transform rule, 10 leading digits, 11 types).
 */
function compilePlan(raw: readonly unknown[]): CompiledPlan {
  const callingCode = text(raw[0]);
  const nationalNumber = text(raw[2]);
  if (callingCode === null || nationalNumber === null) {
    throw new Error(`libphonenumber-js metadata: a plan without calling code or pattern`);
  }
  const possibleLengths = lengths(raw[3]);
  const idd = text(raw[1]);
  const prefixForParsing = text(raw[7]) ?? text(raw[5]);
  const leading = text(raw[10]);
  let types: CompiledType[] | null = null;
  const rawTypes: unknown = raw[11];
  // `hasTypes()`: a truthy, non-empty array.
  if (Array.isArray(rawTypes) && rawTypes.length > 0) {
    types = [];
    for (let i = 0; i < TYPE_COUNT; i++) {
      const type: unknown = rawTypes[i];
      if (!Array.isArray(type)) continue;
      const pattern = text(type[0]);
      // An empty pattern (mobile = fixed line) never matches on its own (`isNumberTypeEqualTo`).
      if (pattern === null) continue;
      types.push({ pattern: entirely(pattern), lengths: lengths(type[1]) ?? possibleLengths });
    }
  }
  return {
    callingCode,
    iddPrefix: idd === null ? null : atStart(idd),
    nationalNumber: entirely(nationalNumber),
    possibleLengths,
    prefixForParsing: prefixForParsing === null ? null : atStart(prefixForParsing),
    transformRule: text(raw[8]),
    leadingDigits: leading === null ? null : atStart(leading),
    types,
  };
}

/** `checkNumberLengthForType(nationalNumber, undefined, …)` against one plan. */
function checkNumberLength(nationalNumber: string, plan: CompiledPlan): LengthVerdict {
  const possible = plan.possibleLengths;
  if (possible === null) return 'IS_POSSIBLE';
  const actual = nationalNumber.length;
  const minimum = possible[0];
  if (minimum === actual) return 'IS_POSSIBLE';
  if (minimum !== undefined && minimum > actual) return 'TOO_SHORT';
  const maximum = possible[possible.length - 1];
  if (maximum !== undefined && maximum < actual) return 'TOO_LONG';
  return possible.indexOf(actual, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** `getNumberType(…) !== undefined`: the national pattern and any one type match. */
function hasType(plan: CompiledPlan, nationalNumber: string): boolean {
  if (!plan.nationalNumber.test(nationalNumber)) return false;
  const types = plan.types;
  if (types === null) return false;
  const length = nationalNumber.length;
  for (const type of types) {
    if (type.lengths !== null && type.lengths.indexOf(length) < 0) continue;
    if (type.pattern.test(nationalNumber)) return true;
  }
  return false;
}

/** `isValidNumber`: types when the plan has them, else the national number pattern. */
function isValidFor(plan: CompiledPlan, nationalNumber: string): boolean {
  return plan.types === null
    ? plan.nationalNumber.test(nationalNumber)
    : hasType(plan, nationalNumber);
}

/** `extractNationalNumberFromPossiblyIncompleteNumber`, national number only. */
function stripNationalPrefix(number: string, plan: CompiledPlan): string {
  const prefix = plan.prefixForParsing;
  if (number === '' || prefix === null) return number;
  const match = prefix.exec(number);
  if (match === null) return number;
  const groups = match.length - 1;
  const hasCapturedGroups = groups > 0 && Boolean(match[groups]);
  if (plan.transformRule !== null && hasCapturedGroups) {
    return number.replace(prefix, plan.transformRule);
  }
  return number.slice(match[0].length);
}

/** Compiled plans, built on first use and kept for the checker's lifetime. */
class PlanCache {
  private readonly countries = new Map<string, CompiledPlan>();
  private readonly nonGeographic = new Map<string, CompiledPlan>();

  /** The plan of a region, or undefined when the metadata does not know it. */
  country(code: string): CompiledPlan | undefined {
    let plan = this.countries.get(code);
    if (plan === undefined) {
      if (!Object.hasOwn(metadataJson.countries, code)) return undefined;
      const raw: unknown = metadataJson.countries[code as CountryCode];
      if (!Array.isArray(raw)) return undefined;
      plan = compilePlan(raw);
      this.countries.set(code, plan);
    }
    return plan;
  }

  /** `getCountryCodesForCallingCode`: the regions of a calling code, main region first. */
  regionsOf(callingCode: string): readonly string[] | undefined {
    if (!Object.hasOwn(metadataJson.country_calling_codes, callingCode)) return undefined;
    const regions = metadataJson.country_calling_codes[callingCode];
    if (regions === undefined || regions.length === 0) return undefined;
    // Metadata before V4 listed non-geographic codes here as `["001"]`.
    if (regions.length === 1 && regions[0]?.length === 3) return undefined;
    return regions;
  }

  /** `selectNumberingPlan(callingCode)`: the main region's plan, or the non-geographic one. */
  callingCode(callingCode: string): CompiledPlan | undefined {
    const regions = this.regionsOf(callingCode);
    if (regions !== undefined) return this.country(regions[0] ?? '');
    let plan = this.nonGeographic.get(callingCode);
    if (plan === undefined) {
      if (!Object.hasOwn(metadataJson.nonGeographic, callingCode)) return undefined;
      const raw: unknown = metadataJson.nonGeographic[callingCode];
      if (!Array.isArray(raw)) return undefined;
      plan = compilePlan(raw);
      this.nonGeographic.set(callingCode, plan);
    }
    return plan;
  }

  /** `hasCallingCode`. */
  hasCallingCode(callingCode: string): boolean {
    return (
      this.regionsOf(callingCode) !== undefined ||
      Object.hasOwn(metadataJson.nonGeographic, callingCode)
    );
  }
}

/** `getCountryByCallingCode` + `getCountryByNationalNumber`. */
function regionByCallingCode(
  plans: PlanCache,
  callingCode: string,
  nationalNumber: string,
): string | undefined {
  const regions = plans.regionsOf(callingCode);
  if (regions === undefined) return undefined;
  if (regions.length === 1) return regions[0];
  for (const region of regions) {
    const plan = plans.country(region);
    if (plan === undefined) continue;
    if (plan.leadingDigits !== null) {
      // A region with leading digits is chosen by them alone (no type check when they miss).
      if (nationalNumber !== '' && plan.leadingDigits.test(nationalNumber)) return region;
    } else if (hasType(plan, nationalNumber)) {
      return region;
    }
  }
  return undefined;
}

/** `extractNationalNumber(number, undefined, metadata)`: trunk prefix off, when it should be. */
function nationalNumberOf(plans: PlanCache, number: string, plan: CompiledPlan): string {
  const national = stripNationalPrefix(number, plan);
  if (national === number) return national;
  // `shouldHaveExtractedNationalPrefix`.
  if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(national)) return number;
  if (plan.possibleLengths !== null) {
    const region = regionByCallingCode(plans, plan.callingCode, national);
    const lengthPlan = region === undefined ? plan : (plans.country(region) ?? plan);
    const verdict = checkNumberLength(national, lengthPlan);
    if (verdict === 'TOO_SHORT' || verdict === 'INVALID_LENGTH') return number;
  }
  return national;
}

/** `stripIddPrefix`: the digits after the default region's IDD prefix, or undefined. */
function stripIddPrefix(digits: string, plan: CompiledPlan): string | undefined {
  if (plan.iddPrefix === null) return undefined;
  const match = plan.iddPrefix.exec(digits);
  if (match === null) return undefined;
  const rest = digits.slice(match[0].length);
  // A country calling code never starts with 0.
  if (rest.startsWith('0')) return undefined;
  return rest;
}

/**
 * `parse(text, { defaultCountry, v2: true })` for `text` = `+digits` (`international`) or
 * `digits` read in `defaultPlan`'s region.
 */
function parseDigits(
  plans: PlanCache,
  digits: string,
  international: boolean,
  defaultRegion: string | undefined,
  defaultPlan: CompiledPlan | undefined,
): Parsed {
  // `isViablePhoneNumber`: two digits alone, or three with a `+`; shorter is a started number.
  if (digits.length < (international ? 3 : MIN_LENGTH_FOR_NSN)) {
    return { ok: false, error: 'TOO_SHORT' };
  }
  // `extractCountryCallingCode`.
  let callingCode: string | undefined;
  let number: string | undefined;
  let withCallingCode: string | undefined = international ? digits : undefined;
  if (!international && defaultPlan !== undefined) {
    const afterIdd = stripIddPrefix(digits, defaultPlan);
    if (afterIdd !== undefined && afterIdd !== '' && afterIdd !== digits) {
      withCallingCode = afterIdd;
    } else {
      number = digits;
      // `extractCountryCallingCodeFromInternationalNumberWithoutPlusSign`.
      const ownCode = defaultPlan.callingCode;
      if (digits.startsWith(ownCode)) {
        const shorter = digits.slice(ownCode.length);
        const shorterNational = nationalNumberOf(plans, shorter, defaultPlan);
        const national = nationalNumberOf(plans, digits, defaultPlan);
        if (
          (!defaultPlan.nationalNumber.test(national) &&
            defaultPlan.nationalNumber.test(shorterNational)) ||
          checkNumberLength(national, defaultPlan) === 'TOO_LONG'
        ) {
          callingCode = ownCode;
          number = shorter;
        }
      }
    }
  }
  if (withCallingCode !== undefined && !withCallingCode.startsWith('0')) {
    for (let i = 1; i <= MAX_LENGTH_COUNTRY_CODE && i <= withCallingCode.length; i++) {
      const candidate = withCallingCode.slice(0, i);
      if (plans.hasCallingCode(candidate)) {
        callingCode = candidate;
        number = withCallingCode.slice(i);
        break;
      }
    }
  }
  // `parsePhoneNumber` (the internal one in parse.js).
  let country: string | undefined;
  let plan: CompiledPlan | undefined;
  if (callingCode !== undefined) {
    plan = plans.callingCode(callingCode);
  } else if (number !== undefined && number !== '' && defaultPlan !== undefined) {
    country = defaultRegion;
    plan = defaultPlan;
    callingCode = defaultPlan.callingCode;
  }
  if (plan === undefined || callingCode === undefined) {
    return { ok: false, error: 'INVALID_COUNTRY' };
  }
  if (number === undefined || number === '') return { ok: false, error: 'TOO_SHORT' };
  const nationalNumber = nationalNumberOf(plans, number, plan);
  const exact = regionByCallingCode(plans, callingCode, nationalNumber);
  if (exact !== undefined) {
    const exactPlan = plans.country(exact);
    if (exactPlan !== undefined) {
      country = exact;
      plan = exactPlan;
    }
  }
  if (nationalNumber.length < MIN_LENGTH_FOR_NSN) return { ok: false, error: 'TOO_SHORT' };
  if (nationalNumber.length > MAX_LENGTH_FOR_NSN) return { ok: false, error: 'TOO_LONG' };
  return { ok: true, callingCode, nationalNumber, country, plan };
}

/** `problemFromLength` of phone-normalize.ts, for a call that has a country to read in. */
function problemOf(verdict: LengthVerdict | ParseErrorCode): PhoneProblem {
  switch (verdict) {
    case 'TOO_SHORT':
      return 'too-short';
    case 'TOO_LONG':
      return 'too-long';
    case 'INVALID_COUNTRY':
      return 'invalid-country';
    default:
      return 'not-valid';
  }
}

/** How many numbers took which path (for tests and benchmarks). */
export interface CompiledPhoneCounts {
  /** Answered from the compiled metadata. */
  readonly fast: number;
  /** Handed to `checkPhone` (unusual input, or a default country the metadata lacks). */
  readonly fallback: number;
}

/**
 * A phone checker for one import: `check(input)` returns exactly what
 * `checkPhone(input, defaultCountry, rule)` returns, several times faster.
 *
 * Make one per import (it compiles each country's patterns the first time a number meets that
 * country and keeps them while it lives), then call `check` for every cell.
 */
export class CompiledPhoneChecker {
  private readonly plans = new PlanCache();
  private readonly defaultPlan: CompiledPlan | undefined;
  /** False when `checkPhone` must answer everything (a default region the metadata lacks). */
  private readonly usable: boolean;
  private readonly minDigits: number;
  private readonly maxDigits: number;
  private fast = 0;
  private fallback = 0;

  /**
   * @param defaultCountry Region for numbers written without `+` (null: they must start with a
   *   country code), as for `checkPhone`.
   * @param rule The vendor's digit-count rule for country code + number.
   */
  constructor(
    private readonly defaultCountry: CountryCode | null,
    private readonly rule: VendorLengthRule,
  ) {
    this.defaultPlan = defaultCountry === null ? undefined : this.plans.country(defaultCountry);
    // The replay reads the V4 metadata layout; any other layout goes to checkPhone entirely.
    this.usable =
      metadataJson.version === METADATA_VERSION &&
      (defaultCountry === null || this.defaultPlan !== undefined);
    [this.minDigits, this.maxDigits] = VENDOR_LENGTHS[rule];
  }

  /** How many numbers were answered from the compiled metadata and how many by `checkPhone`. */
  get counts(): CompiledPhoneCounts {
    return { fast: this.fast, fallback: this.fallback };
  }

  /** Checks one number; the same result as `checkPhone(input, defaultCountry, rule)`. */
  check(input: string): PhoneCheck {
    if (this.usable) {
      let plus: boolean;
      let digits: string;
      let formatting: boolean;
      if (PLAIN.test(input)) {
        plus = input.charCodeAt(0) === 0x2b;
        digits = plus ? input.slice(1) : input;
        formatting = false;
      } else if (SEPARATED.test(input)) {
        const trimmed = input.trim();
        plus = trimmed.startsWith('+');
        digits = trimmed.replace(NON_DIGITS, '');
        formatting = trimmed.length !== digits.length + (plus ? 1 : 0);
      } else {
        return this.fallBack(input);
      }
      if (digits !== '' && digits.length <= MAX_FAST_DIGITS) {
        this.fast++;
        return this.checkDigits(digits, plus, formatting);
      }
    }
    return this.fallBack(input);
  }

  private fallBack(input: string): PhoneCheck {
    this.fallback++;
    return checkPhone(input, this.defaultCountry, this.rule);
  }

  private checkDigits(digits: string, plus: boolean, formatting: boolean): PhoneCheck {
    const international = plus || this.defaultCountry === null;
    const parsed = international
      ? parseDigits(this.plans, digits, true, undefined, undefined)
      : parseDigits(this.plans, digits, false, this.defaultCountry ?? undefined, this.defaultPlan);
    if (!parsed.ok || !isValidFor(parsed.plan, parsed.nationalNumber)) {
      if (!plus && this.defaultCountry === null) {
        return { ok: false, problem: 'no-country', detail: null };
      }
      const verdict = parsed.ok
        ? checkNumberLength(parsed.nationalNumber, parsed.plan)
        : parsed.error;
      const country = parsed.ok ? parsed.country : undefined;
      return {
        ok: false,
        problem: problemOf(verdict),
        detail: country ?? (international ? null : this.defaultCountry),
      };
    }
    const e164Digits = parsed.callingCode + parsed.nationalNumber;
    if (e164Digits.length < this.minDigits || e164Digits.length > this.maxDigits) {
      return {
        ok: false,
        problem: 'vendor-length',
        detail: `${String(this.minDigits)}–${String(this.maxDigits)}`,
      };
    }
    const changes: PhoneChange[] = formatting ? ['formatting'] : [];
    if (digits !== e164Digits) {
      if (digits.endsWith(e164Digits)) changes.push('idd-prefix');
      else {
        changes.push('country-code-added');
        if (digits !== parsed.nationalNumber) changes.push('trunk-prefix-removed');
      }
    }
    return { ok: true, e164: `+${e164Digits}`, callingCode: parsed.callingCode, changes };
  }
}
