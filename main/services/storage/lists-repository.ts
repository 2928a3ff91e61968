import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { CalleeFingerprint } from '../lists/callee-fingerprint';
import { inTransaction } from './transaction';
import { z } from 'zod';
import {
  ColumnMappingSchema,
  ListSummarySchema,
  RegionCodeSchema,
  RowStatusSchema,
  TextEncodingSchema,
  VendorLengthRuleSchema,
  type ListCounts,
  type ListSummary,
  type RowStatus,
} from '../../../shared/domain/list';

/** A row as stored: the reason is kept as a code plus detail and put into words when read. */
export interface StoredRow {
  readonly seq: number;
  readonly rowNumber: number;
  readonly status: RowStatus;
  readonly original: string;
  readonly phone: string | null;
  readonly name: string | null;
  readonly variables: readonly string[];
  readonly reasonCode: string | null;
  readonly reasonDetail: string | null;
}

/** The list's description written when an import starts. */
export type NewList = Omit<ListSummary, 'counts'>;

/** Which rows a page or an export wants. */
export interface RowFilter {
  readonly statuses?: readonly RowStatus[];
  readonly search?: string;
}

const ColumnNamesSchema = ListSummarySchema.shape.columnNames;

const ListRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  source_file_name: z.string(),
  source_sha256: z.string(),
  source_size: z.number(),
  sheet: z.string(),
  header_row: z.number(),
  mapping_json: z.string(),
  column_names_json: z.string(),
  default_country: RegionCodeSchema.nullable(),
  rule: VendorLengthRuleSchema,
  encoding: TextEncodingSchema.nullable(),
  total: z.number(),
  valid: z.number(),
  fixed: z.number(),
  invalid: z.number(),
  flagged: z.number(),
  duplicate: z.number(),
  created_at: z.number(),
});

const RowRecordSchema = z.object({
  seq: z.number(),
  row_number: z.number(),
  status: RowStatusSchema,
  original: z.string(),
  phone: z.string().nullable(),
  name: z.string().nullable(),
  var1: z.string().nullable(),
  var2: z.string().nullable(),
  var3: z.string().nullable(),
  var4: z.string().nullable(),
  var5: z.string().nullable(),
  reason_code: z.string().nullable(),
  reason_detail: z.string().nullable(),
});

function toSummary(record: unknown): ListSummary {
  const r = ListRecordSchema.parse(record);
  return {
    id: r.id,
    name: r.name,
    sourceFileName: r.source_file_name,
    sourceSha256: r.source_sha256,
    sourceSizeBytes: r.source_size,
    sheet: r.sheet,
    headerRow: r.header_row,
    mapping: ColumnMappingSchema.parse(JSON.parse(r.mapping_json)),
    columnNames: ColumnNamesSchema.parse(JSON.parse(r.column_names_json)),
    defaultCountry: r.default_country,
    rule: r.rule,
    encoding: r.encoding,
    counts: {
      total: r.total,
      valid: r.valid,
      fixed: r.fixed,
      invalid: r.invalid,
      flagged: r.flagged,
      duplicate: r.duplicate,
    },
    createdAt: r.created_at,
  };
}

function toRow(record: unknown): StoredRow {
  const r = RowRecordSchema.parse(record);
  const variables: string[] = [];
  for (const value of [r.var1, r.var2, r.var3, r.var4, r.var5]) {
    if (value !== null) variables.push(value);
  }
  return {
    seq: r.seq,
    rowNumber: r.row_number,
    status: r.status,
    original: r.original,
    phone: r.phone,
    name: r.name,
    variables,
    reasonCode: r.reason_code,
    reasonDetail: r.reason_detail,
  };
}

/** `%text%` for LIKE with the wildcards in `text` escaped. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const ROWS_PER_INSERT = 20;

/** Values per row in `RowValues` (every column of `list_rows` but the list id). */
export const VALUES_PER_ROW = 13;

/**
 * Rows as one flat array, `VALUES_PER_ROW` values each, in the column order of `list_rows` after
 * the list id. Cheap to pass between threads (no object per row) and to bind.
 */
export type RowValues = (string | number | null)[];

/** Appends `rows` to `values` (see `RowValues`). */
export function pushRowValues(values: RowValues, rows: readonly StoredRow[]): RowValues {
  for (const row of rows) {
    const v = row.variables;
    values.push(
      row.seq,
      row.rowNumber,
      row.status,
      row.original,
      row.phone,
      row.name,
      v[0] ?? null,
      v[1] ?? null,
      v[2] ?? null,
      v[3] ?? null,
      v[4] ?? null,
      row.reasonCode,
      row.reasonDetail,
    );
  }
  return values;
}

/**
 * Lists and their rows in SQLite (DESIGN.md: a list is rows keyed by list id).
 *
 * An import writes its rows in batches while the list is `importing`; only `finish` makes it
 * visible. A cancelled or failed import is removed with `remove`, and `removeUnfinished` clears
 * what a crash left behind, so no half list is ever listed.
 */
export class ListsRepository {
  private readonly insertRow: StatementSync;
  /** Inserts ROWS_PER_INSERT rows at once: a million rows are 50,000 calls into SQLite, not 1M. */
  private readonly insertRows: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    const columns = `INSERT INTO list_rows (list_id, seq, row_number, status, original, phone, name,
         var1, var2, var3, var4, var5, reason_code, reason_detail) VALUES `;
    const values = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    this.insertRow = db.prepare(columns + values);
    this.insertRows = db.prepare(columns + Array<string>(ROWS_PER_INSERT).fill(values).join(', '));
  }

  /** Creates a list in the `importing` state. */
  begin(list: NewList): void {
    this.db
      .prepare(
        `INSERT INTO lists (id, name, status, source_file_name, source_sha256, source_size, sheet,
           header_row, mapping_json, column_names_json, default_country, rule, encoding, created_at)
         VALUES (?, ?, 'importing', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        list.id,
        list.name,
        list.sourceFileName,
        list.sourceSha256,
        list.sourceSizeBytes,
        list.sheet,
        list.headerRow,
        JSON.stringify(list.mapping),
        JSON.stringify(list.columnNames),
        list.defaultCountry,
        list.rule,
        list.encoding,
        list.createdAt,
      );
  }

  /** Appends rows in one transaction. */
  append(listId: string, rows: readonly StoredRow[]): void {
    this.appendValues(listId, pushRowValues([], rows));
  }

  /** Appends rows given as `RowValues`, in one transaction. */
  appendValues(listId: string, values: Readonly<RowValues>): void {
    const rows = Math.floor(values.length / VALUES_PER_ROW);
    const whole = rows - (rows % ROWS_PER_INSERT);
    const args: SQLInputValue[] = [];
    const bind = (from: number, to: number): SQLInputValue[] => {
      args.length = 0;
      for (let row = from; row < to; row += 1) {
        args.push(listId);
        const at = row * VALUES_PER_ROW;
        for (let i = at; i < at + VALUES_PER_ROW; i += 1) args.push(values[i] ?? null);
      }
      return args;
    };
    this.transaction(() => {
      for (let row = 0; row < whole; row += ROWS_PER_INSERT) {
        this.insertRows.run(...bind(row, row + ROWS_PER_INSERT));
      }
      for (let row = whole; row < rows; row += 1) this.insertRow.run(...bind(row, row + 1));
    });
  }

  /** Records what the import learned about its source (hash, sheet, header names). */
  describe(
    listId: string,
    facts: Pick<
      ListSummary,
      | 'sourceSha256'
      | 'sourceSizeBytes'
      | 'sheet'
      | 'headerRow'
      | 'mapping'
      | 'columnNames'
      | 'encoding'
    >,
  ): void {
    this.db
      .prepare(
        `UPDATE lists SET source_sha256 = ?, source_size = ?, sheet = ?, header_row = ?,
           mapping_json = ?, column_names_json = ?, encoding = ? WHERE id = ?`,
      )
      .run(
        facts.sourceSha256,
        facts.sourceSizeBytes,
        facts.sheet,
        facts.headerRow,
        JSON.stringify(facts.mapping),
        JSON.stringify(facts.columnNames),
        facts.encoding,
        listId,
      );
  }

  /** Records the counts and makes the list visible. */
  finish(listId: string, counts: ListCounts): void {
    this.db
      .prepare(
        `UPDATE lists SET status = 'ready', total = ?, valid = ?, fixed = ?, invalid = ?,
           flagged = ?, duplicate = ? WHERE id = ?`,
      )
      .run(
        counts.total,
        counts.valid,
        counts.fixed,
        counts.invalid,
        counts.flagged,
        counts.duplicate,
        listId,
      );
  }

  /** Stores the fingerprint of the list's callable rows (`lists/callee-fingerprint.ts`). */
  recordCallees(listId: string, callees: CalleeFingerprint): void {
    this.db
      .prepare('UPDATE lists SET callee_count = ?, callee_sha256 = ? WHERE id = ?')
      .run(callees.count, callees.sha256, listId);
  }

  /** Runs `work` in one transaction on this repository's connection. */
  transaction<T>(work: () => T): T {
    return inTransaction(this.db, work);
  }

  /** The database file, or null for an in-memory database (which no other thread can open). */
  location(): string | null {
    return this.db.location();
  }

  /** Deletes a list and its rows (in one transaction). Returns whether it existed. */
  remove(listId: string): boolean {
    return this.transaction(() => {
      this.db.prepare('DELETE FROM list_rows WHERE list_id = ?').run(listId);
      return this.db.prepare('DELETE FROM lists WHERE id = ?').run(listId).changes > 0;
    });
  }

  /** Deletes lists whose import never finished (after a crash). Returns how many. */
  removeUnfinished(): number {
    const ids = this.db
      .prepare(`SELECT id FROM lists WHERE status = 'importing'`)
      .all()
      .map((r) => z.object({ id: z.string() }).parse(r).id);
    for (const id of ids) this.remove(id);
    return ids.length;
  }

  /** Finished lists, newest first (hidden lists derived by a send are not the manager's). */
  summaries(): ListSummary[] {
    return this.db
      .prepare(
        `SELECT * FROM lists WHERE status = 'ready' AND derived_from IS NULL
         ORDER BY created_at DESC, id`,
      )
      .all()
      .map(toSummary);
  }

  /** One finished list, or null. */
  summary(listId: string): ListSummary | null {
    const record = this.db
      .prepare(`SELECT * FROM lists WHERE id = ? AND status = 'ready'`)
      .get(listId);
    return record === undefined ? null : toSummary(record);
  }

  /** Rows in list order matching `filter`, from `offset`, and how many match in all. */
  page(
    listId: string,
    filter: RowFilter,
    offset: number,
    limit: number,
  ): { total: number; rows: StoredRow[] } {
    const { where, params } = this.where(listId, filter);
    const countRow = this.db
      .prepare(`SELECT COUNT(*) AS n FROM list_rows WHERE ${where}`)
      .get(...params);
    const total = z.object({ n: z.number() }).parse(countRow).n;
    const rows = this.db
      .prepare(`SELECT * FROM list_rows WHERE ${where} ORDER BY seq LIMIT ? OFFSET ?`)
      .all(...params, limit, offset)
      .map(toRow);
    return { total, rows };
  }

  /** Every matching row in list order, read in slices (keyset paging, constant memory). */
  *iterate(listId: string, filter: RowFilter, slice = 5000): Generator<StoredRow> {
    const { where, params } = this.where(listId, filter);
    const statement = this.db.prepare(
      `SELECT * FROM list_rows WHERE ${where} AND seq > ? ORDER BY seq LIMIT ?`,
    );
    let after = -1;
    for (;;) {
      const rows = statement.all(...params, after, slice).map(toRow);
      yield* rows;
      const last = rows.at(-1);
      if (last === undefined || rows.length < slice) return;
      after = last.seq;
    }
  }

  private where(listId: string, filter: RowFilter): { where: string; params: SQLInputValue[] } {
    const clauses = ['list_id = ?'];
    const params: SQLInputValue[] = [listId];
    if (filter.statuses !== undefined && filter.statuses.length > 0) {
      clauses.push(`status IN (${filter.statuses.map(() => '?').join(', ')})`);
      params.push(...filter.statuses);
    }
    const search = filter.search?.trim();
    if (search) {
      clauses.push(
        `(original LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')`,
      );
      const pattern = likePattern(search);
      params.push(pattern, pattern, pattern);
    }
    return { where: clauses.join(' AND '), params };
  }
}
