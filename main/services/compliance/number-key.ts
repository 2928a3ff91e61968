import { AppError } from '../errors';

const E164 = /^\+[1-9]\d{1,14}$/;

/** The millisecond length of a day, for history windows. */
export const DAY_MS = 86_400_000;

/**
 * The integer a stored E.164 number is kept as: its digits without the `+`.
 *
 * E.164 numbers have at most 15 digits and never start with 0, so the digits are a safe integer
 * (below 2^53) and map one-to-one to the text. Integer keys make the DNC and history indexes
 * about half the size of text ones and compare faster in the check's joins.
 */
export function numberKey(e164: string): number {
  if (!E164.test(e164)) {
    throw new AppError(
      'INVALID_INPUT',
      {
        en: `"${e164.slice(0, 40)}" is not a phone number in international form (+ country code and number). Nothing was changed.`,
        'zh-CN': `“${e164.slice(0, 40)}”不是国际格式的电话号码（+国家代码和号码）。未做任何修改。`,
      },
      { failure: 'not-e164' },
    );
  }
  return Number(e164.slice(1));
}

/** The E.164 text of a stored number key. */
export function e164Of(key: number | bigint): string {
  return `+${String(key)}`;
}

/** The integer key of a `list_rows.phone` value in SQL (`+8613800138000` to 8613800138000). */
export const PHONE_KEY_SQL = (column: string): string => `CAST(substr(${column}, 2) AS INTEGER)`;
