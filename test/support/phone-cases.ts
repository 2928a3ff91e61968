/**
 * Phone numbers for the differential check of `CompiledPhoneChecker` against `checkPhone`
 * (issue 14, item 1): shared by `test/unit/lists/phone-compiled.test.ts` (a sample) and
 * `scripts/phone-validity-differential.ts` (a million).
 *
 * Numbers start from libphonenumber-js itself: the example mobiles (`getExampleNumber` with
 * `examples.mobile.json`) and numbers drawn from the `max` metadata's own type patterns (fixed
 * line, mobile, toll free and the rarer types), for every region, the common ones drawn more
 * often. Each is then written the ways lists write them (with `+`, with an IDD prefix, without
 * country code, with the trunk prefix, with separators) or broken (too short, too long, a wrong
 * leading digit, random digits, letters, E-notation, forced text, full-width digits), and checked
 * under one of several default countries and vendor length rules. A seeded PRNG makes every run
 * the same.
 */
import { isDeepStrictEqual } from 'node:util';
import { getCountries, getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import metadata from 'libphonenumber-js/metadata.max.json';
import type { VendorLengthRule } from '../../shared/domain/list';
import type { PhoneCheck } from '../../shared/util/phone-normalize';

/** What a case's number was made from. */
export type PhoneSource =
  'mobile' | 'fixed-line' | 'toll-free' | 'other-type' | 'example' | 'random';

/** How the number was written. */
export type PhoneVariant =
  | 'e164'
  | 'local'
  | 'trunk-local'
  | 'national-prefix-pattern'
  | 'carrier-code'
  | 'mobile-token'
  | 'e164-separated'
  | 'padded'
  | 'idd'
  | 'without-plus'
  | 'national'
  | 'trunk'
  | 'trunk-separated'
  | 'international-trunk'
  | 'too-short'
  | 'too-long'
  | 'wrong-prefix'
  | 'random-digits'
  | 'unusual';

/** One number to check, with the settings to check it under. */
export interface PhoneCase {
  readonly input: string;
  readonly defaultCountry: CountryCode | null;
  readonly rule: VendorLengthRule;
  /** The region the number was made for, or a non-geographic calling code (`800`). */
  readonly region: string;
  readonly source: PhoneSource;
  readonly variant: PhoneVariant;
}

/** Default countries cases are checked under (null: numbers must carry a country code). */
export const CASE_DEFAULT_COUNTRIES: readonly (CountryCode | null)[] = [
  null,
  'CN',
  'US',
  'GB',
  'DE',
  'IN',
  'BR',
  'FR',
  'JP',
  'RU',
  'AR',
  'MX',
  'IT',
  'AU',
  'CA',
];

/**
 * Default countries drawn now and then: every region whose metadata rewrites the national prefix
 * (`national_prefix_transform_rule`), and regions sharing a calling code with a main one.
 */
// prettier-ignore
export const CASE_RARE_DEFAULT_COUNTRIES: readonly CountryCode[] = [
  'AG', 'AI', 'AS', 'BB', 'BM', 'BS', 'CC', 'CX', 'DM', 'GA', 'GD', 'GG', 'GU', 'IM', 'JE',
  'KN', 'KY', 'LC', 'MG', 'MP', 'MS', 'NF', 'SM', 'SX', 'TC', 'TT', 'VC', 'VG', 'VI', 'KZ',
  'VA', 'AX', 'SJ', 'EH', 'YT', 'TA', 'BQ', 'BL', 'MF', 'PR', 'DO', 'JM', 'CO', 'MX',
];

/** Every vendor length rule. */
export const CASE_RULES: readonly VendorLengthRule[] = [
  'itniotech-voice',
  'itniotech-ai',
  'yccall',
  'none',
];

/** Regions drawn more often: where call-center lists mostly come from. */
// prettier-ignore
const COMMON_REGIONS: readonly CountryCode[] = [
  'CN', 'US', 'GB', 'DE', 'IN', 'BR', 'FR', 'JP', 'RU', 'KZ', 'IT', 'ES', 'MX', 'AR', 'AU',
  'CA', 'ID', 'PH', 'VN', 'TH', 'MY', 'SG', 'KR', 'TR', 'EG', 'NG', 'ZA', 'SA', 'AE', 'PK',
  'BD', 'NL', 'BE', 'CH', 'SE', 'NO', 'PL', 'UA', 'CO', 'CL', 'PE', 'IE', 'NZ', 'HK', 'TW',
  'IL', 'PT', 'AT', 'GG', 'JE', 'IM', 'JM', 'PR', 'FI', 'AX', 'VA', 'DO', 'CC', 'GA', 'MG',
];

/** Mulberry32: a small seeded PRNG, so every run draws the same numbers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A sampler for the regular-expression subset the metadata's number patterns use: digits, `\d`,
// character classes, groups, alternation and the quantifiers `?`, `*`, `+`, `{n}`, `{n,m}`.
type PatternNode =
  | { readonly kind: 'chars'; readonly chars: string }
  | { readonly kind: 'seq'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'alt'; readonly options: readonly PatternNode[] }
  | {
      readonly kind: 'repeat';
      readonly node: PatternNode;
      readonly min: number;
      readonly max: number;
    };

const ALL_DIGITS = '0123456789';

class PatternParser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): PatternNode {
    const node = this.alternation();
    if (this.at !== this.source.length) throw this.error('unexpected character');
    return node;
  }

  private error(what: string): Error {
    return new Error(`Pattern sampler: ${what} at ${String(this.at)} in ${this.source}`);
  }

  private alternation(): PatternNode {
    const options = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 && options[0] !== undefined ? options[0] : { kind: 'alt', options };
  }

  private sequence(): PatternNode {
    const items: PatternNode[] = [];
    for (;;) {
      const c = this.source[this.at];
      if (c === undefined || c === '|' || c === ')') break;
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private atom(): PatternNode {
    const c = this.source[this.at];
    if (c === '(') {
      this.at += this.source.startsWith('(?:', this.at) ? 3 : 1;
      const inner = this.alternation();
      if (this.source[this.at] !== ')') throw this.error('missing )');
      this.at++;
      return inner;
    }
    if (c === '[') return this.charClass();
    if (c === '$' || c === '^') {
      // Anchors (in national prefix patterns) draw nothing.
      this.at++;
      return { kind: 'seq', items: [] };
    }
    if (c === '\\' && this.source[this.at + 1] === 'd') {
      this.at += 2;
      return { kind: 'chars', chars: ALL_DIGITS };
    }
    if (c !== undefined && c >= '0' && c <= '9') {
      this.at++;
      return { kind: 'chars', chars: c };
    }
    throw this.error(`unsupported ${String(c)}`);
  }

  private charClass(): PatternNode {
    this.at++;
    let chars = '';
    while (this.source[this.at] !== ']') {
      const c = this.source[this.at];
      if (c === undefined) throw this.error('missing ]');
      if (c === '\\' && this.source[this.at + 1] === 'd') {
        chars += ALL_DIGITS;
        this.at += 2;
        continue;
      }
      const next = this.source[this.at + 2];
      if (this.source[this.at + 1] === '-' && next !== undefined && next !== ']') {
        for (let code = c.charCodeAt(0); code <= next.charCodeAt(0); code++) {
          chars += String.fromCharCode(code);
        }
        this.at += 3;
      } else {
        chars += c;
        this.at++;
      }
    }
    this.at++;
    return { kind: 'chars', chars };
  }

  private quantified(node: PatternNode): PatternNode {
    const c = this.source[this.at];
    if (c === '?') {
      this.at++;
      return { kind: 'repeat', node, min: 0, max: 1 };
    }
    if (c === '*' || c === '+') {
      this.at++;
      return { kind: 'repeat', node, min: c === '*' ? 0 : 1, max: 3 };
    }
    if (c === '{') {
      const close = this.source.indexOf('}', this.at);
      if (close < 0) throw this.error('missing }');
      const [min, max] = this.source.slice(this.at + 1, close).split(',');
      this.at = close + 1;
      return {
        kind: 'repeat',
        node,
        min: Number(min),
        max: max === undefined ? Number(min) : Number(max),
      };
    }
    return node;
  }
}

function sample(node: PatternNode, random: () => number): string {
  switch (node.kind) {
    case 'chars':
      return node.chars[Math.floor(random() * node.chars.length)] ?? '';
    case 'seq':
      return node.items.map((item) => sample(item, random)).join('');
    case 'alt': {
      const option = node.options[Math.floor(random() * node.options.length)];
      return option === undefined ? '' : sample(option, random);
    }
    case 'repeat': {
      const times = node.min + Math.floor(random() * (node.max - node.min + 1));
      let out = '';
      for (let i = 0; i < times; i++) out += sample(node.node, random);
      return out;
    }
  }
}

/** The metadata's numbering plan of a region (or non-geographic code), read for drawing numbers. */
interface RegionPlan {
  readonly callingCode: string;
  readonly nationalPrefix: string | null;
  /** Draws what `national_prefix_for_parsing` strips (trunk prefix, carrier codes). */
  readonly prefixForParsing: PatternNode | null;
  readonly nationalNumber: RegExp;
  /** Type index (0 fixed line, 1 mobile, 2 toll free, …) → sampler and lengths. */
  readonly types: ReadonlyMap<number, { node: PatternNode; lengths: readonly number[] }>;
  readonly iddPrefix: PatternNode | null;
}

const planCache = new Map<string, RegionPlan>();

function numbers(value: unknown): readonly number[] | null {
  return Array.isArray(value) && value.every((n) => typeof n === 'number')
    ? (value as number[])
    : null;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The plan of a region (`GB`) or of a non-geographic calling code (`800`). */
function regionPlan(region: string): RegionPlan {
  const cached = planCache.get(region);
  if (cached !== undefined) return cached;
  const raw: unknown = Object.hasOwn(metadata.countries, region)
    ? metadata.countries[region as CountryCode]
    : metadata.nonGeographic[region];
  if (!Array.isArray(raw)) throw new Error(`No metadata for ${region}`);
  const lengths = numbers(raw[3]) ?? [];
  const types = new Map<number, { node: PatternNode; lengths: readonly number[] }>();
  const rawTypes: unknown = raw[11];
  if (Array.isArray(rawTypes)) {
    rawTypes.forEach((type: unknown, index: number) => {
      if (Array.isArray(type) && typeof type[0] === 'string' && type[0] !== '') {
        types.set(index, {
          node: new PatternParser(type[0]).parse(),
          lengths: numbers(type[1]) ?? lengths,
        });
      }
    });
  }
  const idd = nonEmpty(raw[1]);
  const prefixForParsing = nonEmpty(raw[7]) ?? nonEmpty(raw[5]);
  const plan: RegionPlan = {
    callingCode: String(raw[0]),
    nationalPrefix: nonEmpty(raw[5]),
    prefixForParsing:
      prefixForParsing === null ? null : new PatternParser(prefixForParsing).parse(),
    nationalNumber: new RegExp(`^(?:${String(raw[2])})$`),
    types,
    iddPrefix: idd === null ? null : new PatternParser(idd).parse(),
  };
  planCache.set(region, plan);
  return plan;
}

/** Case generator state: one PRNG and the region list. */
class CaseMaker {
  private readonly random: () => number;
  private readonly regions: readonly CountryCode[];
  private readonly nonGeographic: readonly string[];

  constructor(seed: number) {
    this.random = seededRandom(seed);
    this.regions = getCountries().filter((region) => Object.hasOwn(metadata.countries, region));
    this.nonGeographic = Object.keys(metadata.nonGeographic);
  }

  private int(below: number): number {
    return Math.floor(this.random() * below);
  }

  private pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  private digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(10));
    return out;
  }

  private region(): string {
    const r = this.random();
    if (r < 0.68) return this.pick(COMMON_REGIONS);
    if (r < 0.98) return this.pick(this.regions);
    return this.pick(this.nonGeographic);
  }

  private defaultCountry(): CountryCode | null {
    const r = this.random();
    if (r < 0.25) return null;
    if (r < 0.88) return this.pick(CASE_DEFAULT_COUNTRIES);
    return this.pick(CASE_RARE_DEFAULT_COUNTRIES);
  }

  /** A national significant number of one type, drawn from its pattern until it fits. */
  private fromType(plan: RegionPlan, typeIndex: number): string | null {
    const type = plan.types.get(typeIndex);
    if (type === undefined) return null;
    let drawn = '';
    for (let attempt = 0; attempt < 12; attempt++) {
      drawn = sample(type.node, this.random);
      if (type.lengths.includes(drawn.length) && plan.nationalNumber.test(drawn)) return drawn;
    }
    return drawn;
  }

  private anyType(plan: RegionPlan): string {
    const types = [...plan.types.keys()];
    return types.length === 0 ? this.digits(8) : (this.fromType(plan, this.pick(types)) ?? '');
  }

  /** A national significant number of `region` made from `source`. */
  nationalNumber(region: string, source: PhoneSource): string {
    const plan = regionPlan(region);
    switch (source) {
      case 'example': {
        const example = Object.hasOwn(examples, region)
          ? (getExampleNumber(region as CountryCode, examples)?.nationalNumber ?? '')
          : this.anyType(plan);
        // Keep the example's prefix, vary its line number.
        const keep = Math.max(0, example.length - this.int(5));
        return example.slice(0, keep) + this.digits(example.length - keep);
      }
      case 'mobile':
        return this.fromType(plan, 1) ?? this.fromType(plan, 0) ?? this.anyType(plan);
      case 'fixed-line':
        return this.fromType(plan, 0) ?? this.fromType(plan, 1) ?? this.anyType(plan);
      case 'toll-free':
        return this.fromType(plan, 2) ?? this.anyType(plan);
      case 'other-type': {
        const others = [...plan.types.keys()].filter((index) => index > 2);
        return others.length === 0
          ? this.anyType(plan)
          : (this.fromType(plan, this.pick(others)) ?? '');
      }
      case 'random':
        return this.digits(1 + this.int(16));
    }
  }

  private source(): PhoneSource {
    const r = this.random();
    if (r < 0.4) return 'mobile';
    if (r < 0.72) return 'fixed-line';
    if (r < 0.8) return 'toll-free';
    if (r < 0.85) return 'other-type';
    if (r < 0.95) return 'example';
    return 'random';
  }

  private variant(): PhoneVariant {
    const r = this.random();
    if (r < 0.18) return 'e164';
    if (r < 0.27) return 'e164-separated';
    if (r < 0.3) return 'padded';
    if (r < 0.37) return 'idd';
    if (r < 0.44) return 'without-plus';
    if (r < 0.56) return 'national';
    if (r < 0.65) return 'trunk';
    if (r < 0.69) return 'trunk-separated';
    if (r < 0.72) return 'international-trunk';
    if (r < 0.73) return 'local';
    if (r < 0.74) return 'trunk-local';
    if (r < 0.77) return 'national-prefix-pattern';
    if (r < 0.78) return 'carrier-code';
    if (r < 0.79) return 'mobile-token';
    if (r < 0.84) return 'too-short';
    if (r < 0.89) return 'too-long';
    if (r < 0.93) return 'wrong-prefix';
    if (r < 0.97) return 'random-digits';
    return 'unusual';
  }

  /** Digits split into groups of 2–4 joined by one separator style, as people type them. */
  private separated(digits: string): string {
    const separator = this.pick([' ', '-', '.', ' - ', '/', '  ']);
    const groups: string[] = [];
    let at = 0;
    while (at < digits.length) {
      const size = 2 + this.int(3);
      groups.push(digits.slice(at, at + size));
      at += size;
    }
    const first = groups[0];
    if (groups.length > 2 && first !== undefined && this.random() < 0.3) groups[0] = `(${first})`;
    return groups.join(separator);
  }

  private iddPrefix(defaultCountry: CountryCode | null): string {
    if (defaultCountry !== null && this.random() < 0.8) {
      const node = regionPlan(defaultCountry).iddPrefix;
      if (node !== null) return sample(node, this.random);
    }
    return this.pick(['00', '011', '010', '0011', '810', '001', '00 ', '+00']);
  }

  /** What a region's `national_prefix_for_parsing` strips: a trunk prefix, a carrier code. */
  private prefixFor(region: string, defaultCountry: CountryCode | null): string {
    const plan = regionPlan(
      defaultCountry !== null && this.random() < 0.5 ? defaultCountry : region,
    );
    return plan.prefixForParsing === null ? '' : sample(plan.prefixForParsing, this.random);
  }

  private unusual(e164: string, national: string): string {
    switch (this.int(9)) {
      case 0:
        return `'${e164}`;
      case 1:
        return `="${national}"`;
      case 2:
        return e164.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
      case 3:
        return `${national.slice(0, 1)}.${national.slice(1, 5)}E+${String(national.length - 1)}`;
      case 4:
        return `${e164} ext. 12`;
      case 5:
        return `${e164.slice(0, 4)}\u00a0${e164.slice(4)}`;
      case 6:
        return `\t${national}`;
      case 7:
        return `tel:${e164}`;
      default:
        return `${national.slice(0, 3)}O${national.slice(4)}`;
    }
  }

  make(): PhoneCase {
    const defaultCountry = this.defaultCountry();
    const rule = this.pick(CASE_RULES);
    const region = defaultCountry !== null && this.random() < 0.45 ? defaultCountry : this.region();
    const source = this.source();
    const plan = regionPlan(region);
    const national = this.nationalNumber(region, source);
    const e164 = `+${plan.callingCode}${national}`;
    const trunk = plan.nationalPrefix ?? this.pick(['0', '1', '8']);
    const variant = this.variant();
    let input: string;
    switch (variant) {
      case 'e164':
        input = e164;
        break;
      case 'e164-separated':
        input = `+${plan.callingCode} ${this.separated(national)}`;
        break;
      case 'padded':
        input = ` ${this.random() < 0.5 ? e164 : national}  `;
        break;
      case 'idd':
        input = `${this.iddPrefix(defaultCountry)}${plan.callingCode}${national}`;
        break;
      case 'without-plus':
        input = `${plan.callingCode}${national}`;
        break;
      case 'national':
        input = national;
        break;
      case 'trunk':
        input = `${trunk}${national}`;
        break;
      case 'trunk-separated':
        input = this.separated(`${trunk}${national}`);
        break;
      case 'international-trunk':
        input = `+${plan.callingCode}${trunk}${national}`;
        break;
      case 'local':
        // Dialled without the area code, e.g. seven digits in NANPA regions.
        input = national.slice(1 + this.int(4));
        break;
      case 'trunk-local':
        input = `${trunk}${national.slice(1 + this.int(4))}`;
        break;
      case 'national-prefix-pattern':
        input = `${this.prefixFor(region, defaultCountry)}${national}`;
        break;
      case 'carrier-code':
        // Brazil and Colombia: trunk prefix, then a carrier's two or three digits.
        input = `${trunk}${this.pick(['12', '14', '15', '21', '31', '41', '99', '456'])}${national}`;
        break;
      case 'mobile-token': {
        // Argentina: 0 + area code + 15 + subscriber, for the mobile 9 + area code + subscriber.
        const rest = national.startsWith('9') ? national.slice(1) : national;
        const area = 2 + this.int(3);
        input = `${this.random() < 0.7 ? '0' : ''}${rest.slice(0, area)}15${rest.slice(area)}`;
        break;
      }
      case 'too-short': {
        const base = this.random() < 0.5 ? e164 : national;
        input = base.slice(0, Math.max(1, base.length - 1 - this.int(3)));
        break;
      }
      case 'too-long':
        input = (this.random() < 0.5 ? e164 : national) + this.digits(1 + this.int(3));
        break;
      case 'wrong-prefix': {
        const wrong = String((Number(national.slice(0, 1)) + 1 + this.int(9)) % 10);
        input = `${this.random() < 0.5 ? `+${plan.callingCode}` : ''}${wrong}${national.slice(1)}`;
        break;
      }
      case 'random-digits':
        input = (this.random() < 0.4 ? '+' : '') + this.digits(1 + this.int(18));
        break;
      case 'unusual':
        input = this.unusual(e164, national);
        break;
    }
    return { input, defaultCountry, rule, region, source, variant };
  }
}

/** `count` cases, the same for the same seed. */
export function makePhoneCases(count: number, seed = 14): PhoneCase[] {
  const maker = new CaseMaker(seed);
  const cases: PhoneCase[] = [];
  for (let i = 0; i < count; i++) cases.push(maker.make());
  return cases;
}

/**
 * A typical list: `count` valid numbers (by `isValid`) of the given regions, written plainly,
 * national (`13800138000`) or international (`+8613800138000`).
 */
export function makeTypicalList(
  count: number,
  options: {
    readonly regions: readonly CountryCode[];
    readonly international: boolean;
    readonly source: 'mobile' | 'fixed-line';
  },
  isValid: (input: string) => boolean,
  seed = 1401,
): string[] {
  const maker = new CaseMaker(seed);
  const random = seededRandom(seed + 1);
  const out: string[] = [];
  for (let attempts = 0; out.length < count && attempts < count * 20; attempts++) {
    const region = options.regions[Math.floor(random() * options.regions.length)];
    if (region === undefined) break;
    const national = maker.nationalNumber(region, options.source);
    const input = options.international
      ? `+${regionPlan(region).callingCode}${national}`
      : national;
    if (isValid(input)) out.push(input);
  }
  return out;
}

/** True when both checks say exactly the same (every field, `changes` in order). */
export function sameCheck(a: PhoneCheck, b: PhoneCheck): boolean {
  return isDeepStrictEqual(a, b);
}
