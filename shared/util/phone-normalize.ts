import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';
import { VENDOR_LENGTHS, type VendorLengthRule } from '../domain/list';

/** Why a number cannot be used. */
export type PhoneProblem =
  | 'empty'
  | 'text-e-notation'
  | 'letters'
  | 'no-country'
  | 'invalid-country'
  | 'too-short'
  | 'too-long'
  | 'not-valid'
  | 'vendor-length';

/** What was changed to make a number usable. */
export type PhoneChange =
  'full-width' | 'formatting' | 'idd-prefix' | 'country-code-added' | 'trunk-prefix-removed';

/** The outcome of checking one number. */
export type PhoneCheck =
  | {
      readonly ok: true;
      readonly e164: string;
      /** Country calling code without `+` (`86`). */
      readonly callingCode: string;
      readonly changes: readonly PhoneChange[];
    }
  | { readonly ok: false; readonly problem: PhoneProblem; readonly detail: string | null };

const INVISIBLE = /[\u00A0\u2000-\u200D\u2060\uFEFF\u3000]/g;
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0B\uFF08\uFF09\uFF0D]/g;
// Excel's scientific notation as text, also from locales that write a decimal comma
// (`8,6138E+12`): the digits are already lost, whatever the separator.
const E_NOTATION = /^[+-]?\d+(?:[.,]\d+)?\s?[eE]\s?[+-]?\d+$/;
const ALLOWED = /^\+?[\d\s\-./()]+$/;

/** True when `code` is a region libphonenumber knows (e.g. `CN`). */
export function isKnownRegion(code: string): code is CountryCode {
  return isSupportedCountry(code);
}

function problemFromLength(
  result: ReturnType<typeof validatePhoneNumberLength>,
  hasCountry: boolean,
): PhoneProblem {
  switch (result) {
    case 'TOO_SHORT':
      return 'too-short';
    case 'TOO_LONG':
      return 'too-long';
    case 'INVALID_COUNTRY':
      return hasCountry ? 'invalid-country' : 'no-country';
    case 'NOT_A_NUMBER':
      return 'letters';
    default:
      return 'not-valid';
  }
}

/** `'13800138000` or `="13800138000"`: text forced by a spreadsheet or an export. */
const FORCED_TEXT = /^(?:'(.*)|="(.*)")$/s;

/**
 * Checks one phone number and writes it in E.164 (`+8613800138000`).
 *
 * Validity uses libphonenumber-js's `max` metadata (the `min` set checks length only). Numbers
 * without `+` are read in `defaultCountry` (which also strips that country's trunk prefix and
 * international prefix such as `00`); with no default country they must start with a country
 * code. The vendor rule then checks the digit count of country code + number
 * (api/itniotech.md §5: 7–15 digits for voice tasks, 6–18 for AI tasks).
 */
export function checkPhone(
  input: string,
  defaultCountry: CountryCode | null,
  rule: VendorLengthRule,
): PhoneCheck {
  const changes: PhoneChange[] = [];
  let text = input.replace(INVISIBLE, ' ').trim();
  if (text === '') return { ok: false, problem: 'empty', detail: null };
  // The ways spreadsheets and CRM exports force a number to stay text: a leading apostrophe
  // (Excel hides it, CSV exports keep it) and the formula ="…". The number inside is the value.
  const forced = FORCED_TEXT.exec(text);
  if (forced) {
    text = (forced[1] ?? forced[2] ?? '').trim();
    changes.push('formatting');
    if (text === '') return { ok: false, problem: 'empty', detail: null };
  }
  if (FULL_WIDTH.test(text)) {
    text = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    changes.push('full-width');
  }
  if (E_NOTATION.test(text)) return { ok: false, problem: 'text-e-notation', detail: null };
  if (!ALLOWED.test(text)) return { ok: false, problem: 'letters', detail: null };
  const plus = text.startsWith('+');
  const digits = text.replace(/\D/g, '');
  if (digits === '') return { ok: false, problem: 'letters', detail: null };
  if (text.length !== digits.length + (plus ? 1 : 0)) changes.push('formatting');
  const international = plus || defaultCountry === null;
  const parsed = international
    ? parsePhoneNumberFromString(`+${digits}`)
    : parsePhoneNumberFromString(digits, defaultCountry);
  if (parsed === undefined || !parsed.isValid()) {
    // Without + and without a default country we assumed a country code; say so if that failed.
    if (!plus && defaultCountry === null) return { ok: false, problem: 'no-country', detail: null };
    const length = international
      ? validatePhoneNumberLength(`+${digits}`)
      : validatePhoneNumberLength(digits, defaultCountry);
    return {
      ok: false,
      problem: problemFromLength(length, international || defaultCountry !== null),
      detail: parsed?.country ?? (international ? null : defaultCountry),
    };
  }
  const e164 = parsed.number;
  const e164Digits = e164.slice(1);
  const [min, max] = VENDOR_LENGTHS[rule];
  if (e164Digits.length < min || e164Digits.length > max) {
    return { ok: false, problem: 'vendor-length', detail: `${String(min)}–${String(max)}` };
  }
  if (digits !== e164Digits) {
    const national = String(parsed.nationalNumber);
    if (digits.endsWith(e164Digits)) changes.push('idd-prefix');
    else {
      changes.push('country-code-added');
      if (digits !== national) changes.push('trunk-prefix-removed');
    }
  }
  return { ok: true, e164, callingCode: String(parsed.countryCallingCode), changes };
}
