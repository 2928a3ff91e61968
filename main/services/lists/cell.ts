/** What a cell held, after type-aware reading. */
export type CellKind = 'string' | 'number' | 'date' | 'boolean' | 'error' | 'no-result';

/**
 * How a number cell may already be damaged by Excel: stored in E-notation (digits lost on the way
 * in), more than 15 significant digits (Excel keeps 15), or not a whole number.
 */
export type CellDamage = 'e-notation' | 'precision' | 'fraction';

/** One cell as text plus what kind of value it was. */
export interface Cell {
  readonly text: string;
  readonly kind: CellKind;
  readonly damage: CellDamage | null;
}

/** One row of a sheet: its 1-based number and its cells by 0-based column (sparse). */
export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: readonly (Cell | undefined)[];
}

/** How a cell's number format asks for its value to be shown. */
export type CellFormat =
  | { readonly kind: 'general' }
  | { readonly kind: 'date'; readonly withTime: boolean; readonly timeOnly: boolean }
  | { readonly kind: 'zero-pad'; readonly width: number };

/** The general format. */
export const GENERAL: CellFormat = { kind: 'general' };

const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);
const BUILTIN_TIME_IDS = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

/**
 * Classifies a number format (ECMA-376 §18.8.30 built-ins, or a custom code).
 *
 * Dates: a code with d/m/y/h/s outside quoted text, escapes and `[...]` colour/locale blocks.
 * Zero padding: a code made only of zeros (`00000000000`), which is how lists keep leading
 * zeros on numbers typed as numbers.
 */
export function classifyFormat(id: number, code: string | undefined): CellFormat {
  if (code === undefined) {
    if (BUILTIN_DATE_IDS.has(id)) return { kind: 'date', withTime: id === 22, timeOnly: false };
    if (BUILTIN_TIME_IDS.has(id)) return { kind: 'date', withTime: true, timeOnly: true };
    return GENERAL;
  }
  const section = code.split(';')[0] ?? '';
  if (/^0+$/.test(section)) return { kind: 'zero-pad', width: section.length };
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (/general/i.test(bare) || !/[dmyhse]/i.test(bare)) return GENERAL;
  // `e` alone (scientific `0.00E+00`) is not a date.
  if (!/[dmyhs]/i.test(bare.replace(/E[+-]/gi, ''))) return GENERAL;
  const hasDate =
    /[dy]/i.test(bare) || /(^|[^hs:])m+([^:]|$)/i.test(bare.replace(/[hs]+:?m+/gi, ''));
  const hasTime = /[hs]/i.test(bare);
  return { kind: 'date', withTime: hasTime, timeOnly: hasTime && !hasDate };
}

const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * An Excel serial date as ISO 8601 text (`2024-03-01`, `2024-03-01T08:30:00`, or `08:30:00`).
 *
 * 1900 system: serial 1 is 1900-01-01 and Excel counts a 29 Feb 1900 that never was (serial 60),
 * so serials from 61 on count from 1899-12-30. 1904 system (old Mac workbooks): serial 0 is
 * 1904-01-01 (ECMA-376 §18.17.4.1).
 */
export function serialToIso(serial: number, format: CellFormat, date1904: boolean): string {
  let base: number;
  if (date1904) base = Date.UTC(1904, 0, 1);
  else base = serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const ms = Math.round((base + serial * DAY_MS) / 1000) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const withTime = format.kind === 'date' && format.withTime;
  if (format.kind === 'date' && format.timeOnly && serial < 1) return time;
  return withTime || ms % DAY_MS !== 0 ? `${date}T${time}` : date;
}

/** A JavaScript number as the text a person expects (no exponent below 1e21). */
function numberText(value: number): string {
  return String(value);
}

/**
 * A number cell as text. `raw` is the cell's stored value (the `<v>` text); the text comes from
 * that value and the format, never from a float printed back with more or fewer digits.
 *
 * A damaged number keeps `raw` exactly as the cell held it (`8.6138001380000E+12`): printed back
 * from the float it would read as a plausible phone number (`8613800138000`) whose trailing
 * digits were made up, and a manager comparing it with the source would trust it.
 */
export function numberCell(
  raw: string,
  format: CellFormat,
  date1904: boolean,
  storedInENotation = /[eE]/.test(raw),
): Cell {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    return { text: raw, kind: 'string', damage: null };
  if (format.kind === 'date') {
    return { text: serialToIso(value, format, date1904), kind: 'date', damage: null };
  }
  let text = numberText(value);
  let damage: CellDamage | null = null;
  if (storedInENotation || text.includes('e')) damage = 'e-notation';
  else if (!Number.isInteger(value)) damage = 'fraction';
  else if (text.replace(/^-/, '').length > 15) damage = 'precision';
  if (damage !== null) return { text: raw.trim(), kind: 'number', damage };
  if (format.kind === 'zero-pad' && value >= 0 && text.length < format.width) {
    text = text.padStart(format.width, '0');
  }
  return { text, kind: 'number', damage };
}

/** A text cell. */
export function stringCell(text: string): Cell {
  return { text, kind: 'string', damage: null };
}

/** Column letters (`A`, `AB`) of a cell reference such as `AB12` as a 0-based index, or -1. */
export function columnIndex(ref: string): number {
  let index = 0;
  let letters = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) index = index * 26 + (c - 64);
    else if (c >= 97 && c <= 122) index = index * 26 + (c - 96);
    else break;
    letters++;
  }
  return letters === 0 ? -1 : index - 1;
}

/** True when the row has at least one non-blank cell. */
export function hasValues(row: SheetRow): boolean {
  return row.cells.some((cell) => cell !== undefined && cell.text.trim() !== '');
}
