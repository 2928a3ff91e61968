import type { z } from 'zod';
import {
  FileInspectionSchema,
  ImportOptionsSchema,
  ReadOptionsSchema,
  RowsQuerySchema,
  TextEncodingSchema,
  type FileInspection,
  type FilePreview,
  type ImportOptions,
  type ImportProgress,
  type ListRow,
  type ListSummary,
  type MappingRecipe,
  type NewMappingRecipe,
  type ReadOptions,
  type RowsPage,
  type RowsQuery,
  type TextEncoding,
} from '../../../shared/domain/list';
import type { Locale } from '../../../shared/domain/locale';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import { AppError } from '../errors';
import type { ListsRepository, NewList, StoredRow } from '../storage/lists-repository';
import { exportCleanList, exportProblemReport } from './export';
import { ListWriter } from './list-writer';
import { importError } from './import-errors';
import type { ImportOutcome, PreviewData } from './import-job';
import { DEFAULT_LIMITS, type ImportLimits } from './limits';
import { guessMapping } from './mapping';
import { describeReason } from './reasons';
import { RecipeStore } from './recipes';
import {
  DEFAULT_WORKER_BOUNDS,
  DEFAULT_WORKER_URL,
  runJob,
  type WorkerBounds,
} from './worker-client';

/** How a caller follows and stops a long job. */
export interface JobControl {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** What the service is built from (ports and tunables). */
export interface ListsServiceDeps {
  readonly repository: ListsRepository;
  readonly store: KeyValueStore;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly locale: () => Locale;
  readonly logger: Logger;
  readonly limits?: Partial<ImportLimits>;
  /** The compiled worker entry in a bundled app; the TypeScript source otherwise. */
  readonly workerUrl?: URL;
  readonly workerBounds?: Partial<WorkerBounds>;
  /** Called when an import has finished (the compliance marks count the new list's DNC numbers). */
  readonly onImported?: (summary: ListSummary) => void;
}

function toListRow(row: StoredRow, locale: Locale): ListRow {
  return {
    seq: row.seq,
    rowNumber: row.rowNumber,
    status: row.status,
    original: row.original,
    phone: row.phone,
    name: row.name,
    variables: [...row.variables],
    reasonCode: row.reasonCode,
    reason: describeReason(row.reasonCode, row.reasonDetail, locale),
  };
}

function invalidInput(error: z.ZodError): AppError {
  return new AppError(
    'INVALID_INPUT',
    {
      en: 'The import settings are incomplete or wrong. Check the sheet, header row and column choices and try again.',
      'zh-CN': '导入设置不完整或有误。请检查工作表、标题行和列的选择后重试。',
    },
    { issues: error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
  );
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

/**
 * Phone lists: inspect and preview a file, import it (off the main thread, with progress and
 * cancel), then read, search, export and delete the stored lists; plus saved mapping recipes.
 *
 * Every method that reads a file runs in a worker thread. An import's worker also writes the
 * list, on its own database connection (`ListWriter`), while the list is marked `importing`; this
 * thread hears only progress and the outcome. A cancelled or failed import leaves nothing.
 */
export class ListsService {
  private readonly limits: ImportLimits;
  private readonly bounds: WorkerBounds;
  private readonly recipeStore: RecipeStore;

  constructor(private readonly deps: ListsServiceDeps) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    this.bounds = { ...DEFAULT_WORKER_BOUNDS, ...deps.workerBounds };
    this.recipeStore = new RecipeStore(deps.store, deps.clock, deps.newId);
    const removed = deps.repository.removeUnfinished();
    if (removed > 0)
      deps.logger.warn('Removed lists left unfinished by an interrupted import', { removed });
  }

  /** Sheets (with row counts) of a workbook, or the detected encoding and separator of a CSV. */
  async inspect(
    file: string,
    options: { readonly encoding?: TextEncoding } = {},
    control: JobControl = {},
  ): Promise<FileInspection> {
    const encoding =
      options.encoding === undefined ? undefined : parse(TextEncodingSchema, options.encoding);
    const result = await this.run({ job: 'inspect', file, encoding, limits: this.limits }, control);
    return FileInspectionSchema.parse(result);
  }

  /**
   * The header row (detected unless given), the first 50 rows after it, and a mapping: from a
   * saved recipe for the same headers when there is one, else guessed.
   */
  async preview(
    file: string,
    options: ReadOptions = {},
    control: JobControl = {},
  ): Promise<FilePreview> {
    const read = parse(ReadOptionsSchema, options);
    // The worker is ours and returns the PreviewData it was asked for.
    const data = (await this.run(
      { job: 'preview', file, options: read, limits: this.limits },
      control,
    )) as PreviewData;
    const recipe = data.headerRow > 0 ? this.recipeStore.match(data.headers) : null;
    const fromRecipe = recipe === null ? null : RecipeStore.apply(recipe, data.headers);
    return {
      sheet: data.sheet,
      headerRow: data.headerRow,
      headerDetected: data.headerDetected,
      headers: [...data.headers],
      columnCount: data.columnCount,
      rows: data.rows.map((row) => ({
        rowNumber: row.rowNumber,
        cells: Array.from({ length: data.columnCount }, (_, i) => row.cells[i]?.text ?? ''),
      })),
      mapping: fromRecipe ?? guessMapping(data.headers, data.headerRow > 0, data.rows),
      recipe: fromRecipe === null ? null : recipe,
      encoding: data.encoding,
    };
  }

  /**
   * Imports a file as a new list and returns its summary. Progress arrives through
   * `control.onProgress` at least four times a second; aborting `control.signal` stops the
   * worker and removes every row written so far (rejects with CANCELLED).
   */
  async import(
    file: string,
    options: ImportOptions,
    control: JobControl = {},
  ): Promise<ListSummary> {
    const parsed = parse(ImportOptionsSchema, options);
    if (parsed.mapping.phone === null) throw importError('noPhoneColumn');
    const id = this.deps.newId();
    const { repository } = this.deps;
    const fileName = file.split(/[\\/]/).pop() ?? file;
    const list: NewList = {
      id,
      name: parsed.name ?? fileName,
      sourceFileName: fileName,
      sourceSha256: '',
      sourceSizeBytes: 0,
      sheet: parsed.sheet ?? '',
      headerRow: parsed.headerRow ?? 0,
      mapping: {
        phone: parsed.mapping.phone,
        name: parsed.mapping.name,
        variables: parsed.mapping.variables,
      },
      columnNames: { phone: '', name: null, variables: [] },
      defaultCountry: parsed.defaultCountry,
      rule: parsed.rule,
      encoding: parsed.encoding ?? null,
      createdAt: this.deps.clock.now(),
    };
    // The worker writes the list on its own connection; only an in-memory database (tests), which
    // another thread cannot open, has the rows posted here and written by this thread.
    const database = repository.location();
    const writer = database === null ? new ListWriter(repository, list) : null;
    try {
      const result = (await this.run(
        { job: 'import', file, options: parsed, limits: this.limits, list, database },
        control,
        writer === null ? undefined : (rows) => writer.rows(rows),
      )) as ImportOutcome;
      control.signal?.throwIfAborted();
      writer?.finish(result);
      this.deps.logger.info('List imported', { id, counts: result.counts });
      const summary = repository.summary(id);
      if (summary === null) throw importError('internal', { id });
      this.deps.onImported?.(summary);
      return summary;
    } catch (error) {
      // Whatever either thread wrote (the worker deletes its own rows when it can).
      repository.remove(id);
      if (control.signal?.aborted && !(error instanceof AppError && error.code === 'CANCELLED')) {
        throw importError('cancelled');
      }
      throw error;
    }
  }

  /** Every imported list, newest first. */
  list(): ListSummary[] {
    return this.deps.repository.summaries();
  }

  /** One list's summary. */
  get(id: string): ListSummary {
    const summary = this.deps.repository.summary(id);
    if (summary === null) throw importError('listNotFound', { id });
    return summary;
  }

  /** A page of rows for a virtualized table, optionally filtered by status and searched. */
  rows(id: string, query: RowsQuery = {}): RowsPage {
    this.get(id);
    const q = parse(RowsQuerySchema, query);
    const page = this.deps.repository.page(
      id,
      { statuses: q.filter, search: q.search },
      q.offset,
      q.limit,
    );
    const locale = this.deps.locale();
    return {
      total: page.total,
      offset: q.offset,
      rows: page.rows.map((row) => toListRow(row, locale)),
    };
  }

  /** Deletes a list and its rows. */
  remove(id: string): void {
    if (!this.deps.repository.remove(id)) throw importError('listNotFound', { id });
  }

  /** Writes the cleaned list (valid and fixed rows) to an .xlsx file; returns the row count. */
  async exportClean(id: string, file: string): Promise<{ rows: number }> {
    return {
      rows: await exportCleanList(this.deps.repository, this.get(id), file, this.deps.locale()),
    };
  }

  /** Writes the problem report (fixed, invalid, flagged, duplicate rows with reasons) to .xlsx. */
  async exportReport(id: string, file: string): Promise<{ rows: number }> {
    return {
      rows: await exportProblemReport(this.deps.repository, this.get(id), file, this.deps.locale()),
    };
  }

  /** Saved mapping recipes. */
  recipes(): MappingRecipe[] {
    return this.recipeStore.list();
  }

  /** Saves (or replaces, by name) a mapping recipe. */
  saveRecipe(input: NewMappingRecipe): MappingRecipe {
    return this.recipeStore.save(input);
  }

  /** Deletes a mapping recipe. */
  removeRecipe(id: string): void {
    this.recipeStore.remove(id);
  }

  private run(
    job: Parameters<typeof runJob>[0],
    control: JobControl,
    onRows?: (rows: readonly StoredRow[]) => void,
  ): Promise<unknown> {
    return runJob(
      job,
      { onRows, onProgress: control.onProgress },
      control.signal,
      this.deps.workerUrl ?? DEFAULT_WORKER_URL,
      this.bounds,
    );
  }
}
