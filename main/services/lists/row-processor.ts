import type {
  ColumnMapping,
  ListCounts,
  RowStatus,
  VendorLengthRule,
} from '../../../shared/domain/list';
import { CompiledPhoneChecker } from '../../../shared/util/phone-compiled';
import type { PhoneProblem } from '../../../shared/util/phone-normalize';
import type { CountryCode } from 'libphonenumber-js/max';
import type { StoredRow } from '../storage/lists-repository';
import type { Cell, SheetRow } from './cell';
import { E164Index } from './e164-index';

const NATIONAL_FORMAT: ReadonlySet<string> = new Set([
  'country-code-added',
  'trunk-prefix-removed',
]);

/** Every reason a row can carry: a problem (invalid or flagged), a duplicate, or a list of fixes. */
export type RowProblem =
  | PhoneProblem
  | 'cell-error'
  | 'formula-no-result'
  | 'date-cell'
  | 'stored-e-notation'
  | 'lost-digits'
  | 'not-whole-number'
  | 'duplicate';

/**
 * Problems that mean Excel already damaged a number (status `flagged`), not that the cell holds
 * no number (status `invalid`): a number cell stored in scientific notation, one with more than
 * the 15 digits Excel keeps, one turned into a fraction (`0207.9460000` typed into a General
 * cell becomes 207.946), and scientific notation saved as text (a CSV written by Excel). The
 * cell held what was probably a phone number, but its digits can no longer be trusted, so the
 * manager must take it again from the source: a different job from deleting junk rows.
 */
export const FLAGGED_PROBLEMS: ReadonlySet<RowProblem> = new Set<RowProblem>([
  'stored-e-notation',
  'lost-digits',
  'not-whole-number',
  'text-e-notation',
]);

/** The status of a row refused for `problem`: `flagged` for a damaged number, else `invalid`. */
export function problemStatus(problem: RowProblem): Extract<RowStatus, 'invalid' | 'flagged'> {
  return FLAGGED_PROBLEMS.has(problem) ? 'flagged' : 'invalid';
}

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
  private readonly seen = new E164Index();
  private seq = 0;
  private readonly tally = { total: 0, valid: 0, fixed: 0, invalid: 0, flagged: 0, duplicate: 0 };

  /** libphonenumber-js's checks compiled for this import's countries (same results, faster). */
  private readonly checker: CompiledPhoneChecker;

  constructor(private readonly options: RowProcessorOptions) {
    this.checker = new CompiledPhoneChecker(options.defaultCountry, options.rule);
  }

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
    const seq = this.seq++;
    const rowNumber = row.rowNumber;
    this.tally.total++;
    // Every row is one object literal of the same shape (a million rows: no spreads, one shape).
    const problem = cellProblem(phoneCell);
    if (problem !== null) {
      const status = problemStatus(problem);
      this.tally[status]++;
      return {
        seq,
        rowNumber,
        status,
        original,
        phone: null,
        name,
        variables,
        reasonCode: problem,
        reasonDetail: phoneCell ? original : null,
      };
    }
    const check = this.checker.check(cellText);
    if (!check.ok) {
      const status = problemStatus(check.problem);
      this.tally[status]++;
      return {
        seq,
        rowNumber,
        status,
        original,
        phone: null,
        name,
        variables,
        reasonCode: check.problem,
        reasonDetail:
          check.problem === 'letters' || check.problem === 'text-e-notation'
            ? original
            : check.detail,
      };
    }
    const first = this.seen.firstRow(check.e164, rowNumber);
    if (first !== null) {
      this.tally.duplicate++;
      return {
        seq,
        rowNumber,
        status: 'duplicate',
        original,
        phone: check.e164,
        name,
        variables,
        reasonCode: 'duplicate',
        reasonDetail: String(first),
      };
    }
    // A national number (with or without its trunk prefix, e.g. 07911… in GB) read in the chosen
    // default country is what the manager asked for, not a repair: only changes to the characters
    // themselves (separators, IDD prefixes such as 00, full-width digits) count as "fixed".
    if (check.changes.every((change) => NATIONAL_FORMAT.has(change))) {
      this.tally.valid++;
      return {
        seq,
        rowNumber,
        status: 'valid',
        original,
        phone: check.e164,
        name,
        variables,
        reasonCode: null,
        reasonDetail: null,
      };
    }
    this.tally.fixed++;
    return {
      seq,
      rowNumber,
      status: 'fixed',
      original,
      phone: check.e164,
      name,
      variables,
      // Each change once: a forced-text number with spaces (`="+44 7911 123456"`) is reported
      // as 'formatting' by both steps, and the reason should say it once.
      reasonCode: [...new Set(check.changes)].join(','),
      reasonDetail: `+${check.callingCode}`,
    };
  }

  /** Counts so far. */
  counts(): ListCounts {
    return { ...this.tally };
  }
}
