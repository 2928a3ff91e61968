import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';

// yccall.md §4.1: `phone` is "the number the PBX dials, digits only, as its trunk expects them:
// the example is the national mobile `18012345678` (no `+`, no country code) … a foreign number
// needs the international prefix the trunk uses (e.g. `00`)". Which form a trunk wants is the
// site's choice, so each account says it (AccountProfile.connection.dialing).

/** How an account's server dials: its home country, and the prefix for numbers abroad. */
export interface DialFormat {
  /** ISO 3166 alpha-2 code of the country the trunk dials in national form. */
  readonly homeCountry: string;
  /** Digits the trunk dials before a foreign number's country code (e.g. `00`). */
  readonly internationalPrefix: string;
}

/** The default: a server in mainland China dialling `00` for abroad (the docs' own example). */
export const DEFAULT_DIAL_FORMAT: DialFormat = { homeCountry: 'CN', internationalPrefix: '00' };

/**
 * The digits the server dials for a number the app holds in E.164 (`+8618012345678` →
 * `18012345678`; `+442071838750` → `00442071838750`; `+862150001000` → `02150001000`).
 *
 * Numbers of the home country's calling code get their national form with its trunk prefix, as
 * a phone in that country dials them; others get the international prefix and the digits after
 * `+`. Text that is not E.164 is passed on as its digits (the server decides, and its refusal is
 * reported per number).
 */
export function dialStringOf(phone: string, format: DialFormat): string {
  // Lists hold E.164 already (`+` and digits): the common case needs no cleaning.
  const digits = E164.test(phone)
    ? phone.slice(1)
    : phone.trim().startsWith('+')
      ? phone.replace(/\D/g, '')
      : null;
  if (digits === null) return phone.replace(/\D/g, '');
  const home = callingCodeOf(format.homeCountry);
  if (home !== null && digits.startsWith(home)) {
    const national = nationalDigits(home, digits.slice(home.length));
    if (national !== null) return national;
  }
  return `${format.internationalPrefix}${digits}`;
}

const E164 = /^\+\d+$/;

const callingCodes = new Map<string, string | null>();

function callingCodeOf(country: string): string | null {
  let code = callingCodes.get(country);
  if (code === undefined) {
    code = isSupportedCountry(country) ? getCountryCallingCode(country) : null;
    callingCodes.set(country, code);
  }
  return code;
}

/**
 * The trunk prefix a national number gets (e.g. `0` for a Shanghai landline, none for a Chinese
 * mobile), remembered by calling code, leading digits and length: libphonenumber chooses its
 * national format by exactly those, and parsing every number of a 1,000,000-row list would cost
 * seconds before the first chunk could leave.
 */
const trunkPrefixes = new Map<string, string | null>();

function nationalDigits(home: string, nsn: string): string | null {
  const key = `${home}|${nsn.slice(0, 5)}|${nsn.length}`;
  let prefix = trunkPrefixes.get(key);
  if (prefix === undefined) {
    const parsed = parsePhoneNumberFromString(`+${home}${nsn}`);
    const national =
      parsed?.countryCallingCode === home ? parsed.formatNational().replace(/\D/g, '') : null;
    prefix =
      national !== null && national.endsWith(nsn)
        ? national.slice(0, national.length - nsn.length)
        : null;
    if (trunkPrefixes.size < 100_000) trunkPrefixes.set(key, prefix);
  }
  return prefix === null ? null : `${prefix}${nsn}`;
}
