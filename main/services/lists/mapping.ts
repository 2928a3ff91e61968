import { MAX_LIST_VARIABLES, type ColumnMapping } from '../../../shared/domain/list';
import type { Cell, SheetRow } from './cell';

const PHONE_HEADER = /phone|mobile|tel|cell|msisdn|callee|number|号码|手机|电话|联系方式|手机号/i;
const NAME_HEADER = /name|姓名|名字|名称|客户|联系人|customer|contact/i;
const PHONE_VALUE = /^\+?[\d\s\-().]+$/;
// Dates written as text (CSV exports): ISO `2024-03-01`, with an optional time, and day-first
// `01.03.2024`. Both are digits with dashes or dots only, so they would pass as phone-like.
const DATE_TEXT =
  /^(?:(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ]\d\d:\d\d(?::\d\d)?)?|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d)$/;

/** True when `text` reads like a phone number (6 to 16 digits, phone punctuation only). */
export function isPhoneLike(text: string): boolean {
  if (!PHONE_VALUE.test(text.trim())) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 16;
}

/**
 * True when a cell holds a date: a date-formatted cell (whose text is ISO, `2024-03-01`, and
 * would otherwise read as eight digits with dashes) or a date written as text.
 */
export function isDateCell(cell: Cell): boolean {
  return cell.kind === 'date' || DATE_TEXT.test(cell.text.trim());
}

/** True when a cell reads like a phone number: phone-like text that is not a date. */
function phoneLikeCell(cell: Cell | undefined): boolean {
  return cell !== undefined && !isDateCell(cell) && isPhoneLike(cell.text);
}

function nonEmpty(row: SheetRow): number {
  return row.cells.filter((cell) => cell !== undefined && cell.text.trim() !== '').length;
}

function headerLike(row: SheetRow, widest: number): boolean {
  const filled = row.cells.filter((cell) => cell !== undefined && cell.text.trim() !== '');
  if (filled.length < Math.max(1, Math.min(2, widest), Math.ceil(widest / 2))) return false;
  if (filled.some((cell) => cell?.kind !== 'string' || phoneLikeCell(cell))) return false;
  return filled.some((cell) => /[\p{L}]/u.test(cell?.text ?? ''));
}

/**
 * The header row: the first of the opening rows that looks like headers (mostly filled, all
 * text, no phone-like value) before any row holding a phone-like value; 0 when there is none.
 * A one-cell title row above the headers is passed over.
 */
export function detectHeaderRow(rows: readonly SheetRow[]): number {
  const opening = rows.slice(0, 10);
  const widest = Math.max(0, ...opening.map(nonEmpty));
  for (const row of opening) {
    if (headerLike(row, widest)) return row.rowNumber;
    if (row.cells.some(phoneLikeCell)) return 0;
  }
  return 0;
}

/** Spreadsheet column letters of a 0-based index (`0` → `A`, `27` → `AB`). */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Header text per column: the header row's cells, or column letters where there is none. */
export function headerNames(headerRow: SheetRow | undefined, columnCount: number): string[] {
  return Array.from({ length: columnCount }, (_, i) => {
    const text = headerRow?.cells[i]?.text.trim() ?? '';
    return text === '' ? columnLetters(i) : text;
  });
}

/**
 * Guesses the mapping: phone and name columns by header words (English and Chinese), else the
 * phone column by values (the column whose sample is most phone-like); the next columns that
 * hold values become variables, up to five. Null when no column looks like phones.
 *
 * A column that mostly holds dates is never the phone column, whatever its header says
 * ("电话回访日期", a call-back date) and although a date cell's ISO text (`2024-03-01`) has the
 * digits and dashes of a phone number.
 */
export function guessMapping(
  headers: readonly string[],
  hasHeader: boolean,
  sample: readonly SheetRow[],
): ColumnMapping | null {
  const columns = headers.map((_, i) => i);
  const filled = (i: number): number =>
    sample.filter((row) => (row.cells[i]?.text.trim() ?? '') !== '').length;
  const share = (i: number, test: (cell: Cell) => boolean): number => {
    const values = sample.map((row) => row.cells[i]).filter((cell) => cell !== undefined);
    if (values.length === 0) return 0;
    return values.filter(test).length / values.length;
  };
  const phoneShare = (i: number): number =>
    share(i, (cell) => phoneLikeCell(cell) || cell.damage !== null);
  const mostlyDates = (i: number): boolean => share(i, isDateCell) > 0.5;
  let phone = hasHeader
    ? columns.find((i) => PHONE_HEADER.test(headers[i] ?? '') && !mostlyDates(i))
    : undefined;
  if (phone === undefined) {
    let best = 0.5;
    for (const i of columns) {
      const phoneLike = phoneShare(i);
      if (phoneLike > best) {
        best = phoneLike;
        phone = i;
      }
    }
  }
  if (phone === undefined) return null;
  const name = hasHeader
    ? (columns.find(
        (i) =>
          i !== phone && NAME_HEADER.test(headers[i] ?? '') && !PHONE_HEADER.test(headers[i] ?? ''),
      ) ?? null)
    : null;
  const variables = columns
    .filter((i) => i !== phone && i !== name && filled(i) > 0)
    .slice(0, MAX_LIST_VARIABLES);
  return { phone, name, variables };
}

/** Header text normalized for matching recipes. */
export function normalizeHeader(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
