/** The countries offered first wherever a manager picks one (lists' default country, a server's home country). */
export const COUNTRIES: readonly string[] = [
  'CN',
  'HK',
  'TW',
  'SG',
  'MY',
  'ID',
  'PH',
  'TH',
  'VN',
  'IN',
  'BD',
  'PK',
  'NG',
  'KE',
  'BR',
  'MX',
  'US',
  'GB',
];

/** A country's name in the UI language, with its code. */
export function countryLabel(code: string, locale: string): string {
  return `${new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code} (${code})`;
}

/** UTC offsets a server may run on, in minutes, every 15 minutes from UTC−12 to UTC+14. */
export const UTC_OFFSETS: readonly number[] = Array.from({ length: 105 }, (_, i) => -720 + i * 15);

/** `UTC+08:00` for 480. */
export function utcOffsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
