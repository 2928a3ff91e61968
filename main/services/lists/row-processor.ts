import type { ColumnMapping, ListCounts, VendorLengthRule } from '../../../shared/domain/list';
import { checkPhone, type PhoneProblem } from '../../../shared/util/phone-normalize';
import type { CountryCode } from 'libphonenumber-js/max';
import type { StoredRow } from '../storage/lists-repository';
import type { Cell, SheetRow } from './cell';

const NATIONAL_FORMAT: ReadonlySet<string> = new Set([
  'country-code-added',
  'trunk-prefix-removed',
]);

/** Every reason a row can carry: a problem (invalid), a duplicate, or a list of fixes. */
export type RowProblem =
  | PhoneProblem
  | 'cell-error'
  | 'formula-no-result'
  | 'date-cell'
  | 'stored-e-notation'
  | 'lost-digits'
  | 'not-whole-number'
  | 'duplicate';

/** Settings of one import's row checks. */
export interface RowProcessorOptions {
  readonly mapping: ColumnMapping;
  readonly headerRow: number;
  readonly defaultCountry: CountryCode | null;
  readonly rule: VendorLengthRule;
}

function cellProblem(cell: Cell | undefined): RowProblem | null {
  if (cell === undefined) return 'empty';
  switch (cell.kind) {
    case 'error':
      return 'cell-error';
    case 'no-result':
      return 'formula-no-result';
    case 'date':
      return 'date-cell';
    case 'boolean':
      return 'letters';
    default:
      break;
  }
  switch (cell.damage) {
    case 'e-notation':
      return 'stored-e-notation';
    case 'precision':
      return 'lost-digits';
    case 'fraction':
      return 'not-whole-number';
    default:
      return null;
  }
}

/** Most characters of a phone cell a row keeps (longer cells end with an ellipsis). */
export const MAX_KEPT_CELL = 200;

function shortened(text: string): string {
  return text.length > MAX_KEPT_CELL ? `${text.slice(0, MAX_KEPT_CELL)}…` : text;
}

/**
 * Turns sheet rows into list rows: reads the mapped cells, checks and normalizes the phone,
 * marks repeats of an earlier number as duplicates, and counts. Rows above and at the header row
 * are skipped. The same processor serves both readers, so their outputs can be compared.
 */
export class RowProcessor {
  private readonly seen = new Map<string, number>();
  private seq = 0;
  private readonly tally = { total: 0, valid: 0, fixed: 0, invalid: 0, duplicate: 0 };

  constructor(private readonly options: RowProcessorOptions) {}

  /** The list row of `row`, or null for a skipped (header or earlier) row. */
  process(row: SheetRow): StoredRow | null {
    const { mapping, headerRow } = this.options;
    if (row.rowNumber <= headerRow) return null;
    const cells = row.cells;
    const phoneCell = cells[mapping.phone];
    const cellText = phoneCell?.text ?? '';
    // What the row keeps of the cell, to show and export: a phone number is short, so a huge cell
    // (a pasted document, a broken export) is kept as its beginning, once, not whole and twice.
    const original = shortened(cellText);
    const name = mapping.name === null ? null : (cells[mapping.name]?.text ?? '');
    const variables = mapping.variables.map((column) => cells[column]?.text ?? '');
    const base = { seq: this.seq++, rowNumber: row.rowNumber, original, name, variables };
    this.tally.total++;
    const problem = cellProblem(phoneCell);
    if (problem !== null) {
      this.tally.invalid++;
      return {
        ...base,
        status: 'invalid',
        phone: null,
        reasonCode: problem,
        reasonDetail: phoneCell ? original : null,
      };
    }
    const check = checkPhone(cellText, this.options.defaultCountry, this.options.rule);
    if (!check.ok) {
      this.tally.invalid++;
      return {
        ...base,
        status: 'invalid',
        phone: null,
        reasonCode: check.problem,
        reasonDetail:
          check.problem === 'letters' || check.problem === 'text-e-notation'
            ? original
            : check.detail,
      };
    }
    const first = this.seen.get(check.e164);
    if (first !== undefined) {
      this.tally.duplicate++;
      return {
        ...base,
        status: 'duplicate',
        phone: check.e164,
        reasonCode: 'duplicate',
        reasonDetail: String(first),
      };
    }
    this.seen.set(check.e164, row.rowNumber);
    // A national number (with or without its trunk prefix, e.g. 07911… in GB) read in the chosen
    // default country is what the manager asked for, not a repair: only changes to the characters
    // themselves (separators, IDD prefixes such as 00, full-width digits) count as "fixed".
    if (check.changes.every((change) => NATIONAL_FORMAT.has(change))) {
      this.tally.valid++;
      return { ...base, status: 'valid', phone: check.e164, reasonCode: null, reasonDetail: null };
    }
    this.tally.fixed++;
    return {
      ...base,
      status: 'fixed',
      phone: check.e164,
      reasonCode: check.changes.join(','),
      reasonDetail: `+${check.callingCode}`,
    };
  }

  /** Counts so far. */
  counts(): ListCounts {
    return { ...this.tally };
  }
}
