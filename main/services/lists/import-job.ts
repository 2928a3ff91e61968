import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { CountryCode } from 'libphonenumber-js/max';
import type {
  ColumnMapping,
  FileInspection,
  ImportOptions,
  ImportProgress,
  ListCounts,
  ReadOptions,
  SheetInfo,
  TextEncoding,
} from '../../../shared/domain/list';
import { PREVIEW_ROWS } from '../../../shared/domain/list';
import { isKnownRegion } from '../../../shared/util/phone-normalize';
import type { StoredRow } from '../storage/lists-repository';
import type { SheetRow } from './cell';
import { importError } from './import-errors';
import { CalleeHasher, type CalleeFingerprint } from './callee-fingerprint';
import type { ImportLimits } from './limits';
import { detectHeaderRow, headerNames } from './mapping';
import { RowProcessor } from './row-processor';
import { openSource, pickSheet, type ReadProgress, type Source, type SourceSheet } from './source';
import { readRange } from './xlsx/zip-reader';

/** What a preview reads before mapping: the header guess and the first rows. */
export interface PreviewData {
  readonly sheet: string;
  readonly headerRow: number;
  readonly headerDetected: boolean;
  readonly headers: readonly string[];
  readonly columnCount: number;
  readonly rows: readonly SheetRow[];
  readonly encoding: TextEncoding | null;
}

/** The outcome of a finished import, before it is stored as a list. */
export interface ImportOutcome {
  readonly sourceFileName: string;
  readonly sourceSha256: string;
  readonly sourceSizeBytes: number;
  readonly sheet: string;
  readonly headerRow: number;
  readonly mapping: ColumnMapping;
  readonly columnNames: { phone: string; name: string | null; variables: string[] };
  readonly encoding: TextEncoding | null;
  readonly counts: ListCounts;
  /** The callable rows' fingerprint, hashed as they were written (stored with the list). */
  readonly callees: CalleeFingerprint;
}

/** Where an import delivers rows and progress. */
export interface ImportSink {
  rows(rows: readonly StoredRow[]): void;
  progress(progress: ImportProgress): void;
  /** Awaited after each batch read: lets a slower writer hold the reader back. */
  ready?(): Promise<void>;
}

const PROGRESS_EVERY_MS = 100;
const ROW_BATCH = 5000;

async function withSource<T>(
  file: string,
  encoding: TextEncoding | undefined,
  limits: ImportLimits,
  signal: AbortSignal | undefined,
  work: (source: Source) => Promise<T>,
): Promise<T> {
  const source = await openSource(file, { encoding }, limits, signal);
  try {
    return await work(source);
  } finally {
    await source.close();
  }
}

/** Sheets with their row counts (rows holding a value), and the text encoding of a CSV. */
export async function inspectFile(
  file: string,
  options: { readonly encoding?: TextEncoding | undefined },
  limits: ImportLimits,
  signal?: AbortSignal,
): Promise<FileInspection> {
  return withSource(file, options.encoding, limits, signal, async (source) => {
    const sheets: SheetInfo[] = [];
    for (const sheet of source.sheets) {
      let rowCount = 0;
      for await (const batch of source.rows(sheet, { bytesRead: 0 }, signal)) {
        rowCount += batch.length;
        if (rowCount > limits.maxRows + 1) throw importError('tooManyRows', { sheet: sheet.name });
      }
      sheets.push({ index: sheet.index, name: sheet.name, hidden: sheet.hidden, rowCount });
    }
    return {
      fileName: source.fileName,
      sizeBytes: source.sizeBytes,
      kind: source.kind,
      sheets,
      encoding:
        source.encoding === null
          ? null
          : {
              detected: source.encoding.detected,
              bom: source.encoding.bomLength > 0,
              confident: source.encoding.confident,
            },
      delimiter: source.delimiter,
    };
  });
}

/**
 * The sheet named `name`; with none, the one the app opens by default (`defaultSheet`): the first
 * visible sheet that holds rows, so a workbook whose first sheet is an empty cover page imports
 * its list whoever calls, with or without `inspect` first.
 */
async function chooseSheet(
  source: Source,
  name: string | undefined,
  signal: AbortSignal | undefined,
): Promise<SourceSheet> {
  if (name !== undefined || source.sheets.length < 2) return pickSheet(source, name);
  for (const sheet of source.sheets) {
    if (sheet.hidden) continue;
    // The first batch tells: readers yield only rows that hold a value.
    for await (const batch of source.rows(sheet, { bytesRead: 0 }, signal)) {
      if (batch.length > 0) return sheet;
    }
  }
  return pickSheet(source, undefined);
}

function width(rows: readonly SheetRow[]): number {
  return Math.max(0, ...rows.map((row) => row.cells.length));
}

/** The header row (detected unless given) and the first 50 rows after it. */
export async function previewFile(
  file: string,
  options: ReadOptions,
  limits: ImportLimits,
  signal?: AbortSignal,
): Promise<PreviewData> {
  return withSource(file, options.encoding, limits, signal, async (source) => {
    const sheet = await chooseSheet(source, options.sheet, signal);
    const opening: SheetRow[] = [];
    let headerRow = options.headerRow;
    const after: SheetRow[] = [];
    let header: SheetRow | undefined;
    outer: for await (const batch of source.rows(sheet, { bytesRead: 0 }, signal)) {
      for (const row of batch) {
        if (headerRow === undefined) {
          opening.push(row);
          if (opening.length < 10) continue;
          headerRow = detectHeaderRow(opening);
          for (const early of opening) {
            if (early.rowNumber === headerRow) header = early;
            else if (early.rowNumber > headerRow) after.push(early);
          }
        } else if (row.rowNumber === headerRow) header = row;
        else if (row.rowNumber > headerRow) after.push(row);
        if (after.length >= PREVIEW_ROWS) break outer;
      }
    }
    if (headerRow === undefined) {
      headerRow = detectHeaderRow(opening);
      for (const early of opening) {
        if (early.rowNumber === headerRow) header = early;
        else if (early.rowNumber > headerRow) after.push(early);
      }
    }
    const rows = after.slice(0, PREVIEW_ROWS);
    if (rows.length === 0 && header === undefined)
      throw importError('emptySheet', { sheet: sheet.name });
    const columnCount = Math.max(width(rows), header?.cells.length ?? 0);
    return {
      sheet: sheet.name,
      headerRow,
      headerDetected: options.headerRow === undefined,
      headers: headerNames(headerRow > 0 ? header : undefined, columnCount),
      columnCount,
      rows,
      encoding: source.encoding?.detected ?? null,
    };
  });
}

async function sha256(file: string, signal?: AbortSignal): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const hash = createHash('sha256');
    const { size } = await handle.stat();
    for await (const chunk of readRange(handle, 0, size, signal)) hash.update(chunk);
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

function checkMapping(mapping: ImportOptions['mapping']): ColumnMapping {
  const phone = mapping.phone;
  if (phone === null) throw importError('noPhoneColumn');
  const used = [phone, ...(mapping.name === null ? [] : [mapping.name]), ...mapping.variables];
  if (new Set(used).size !== used.length) throw importError('badColumn', { used });
  return { phone, name: mapping.name, variables: [...mapping.variables] };
}

function regionOf(code: string | null): CountryCode | null {
  if (code === null) return null;
  if (!isKnownRegion(code)) {
    throw importError('unknownCountry', { defaultCountry: code });
  }
  return code;
}

/**
 * Reads, checks and dedupes every row of the chosen sheet, handing stored-row batches to `sink`
 * and progress every 100 ms (the UI promises four updates a second, with room for a busy machine). Runs inside the import worker.
 */
export async function importFile(
  file: string,
  options: ImportOptions,
  limits: ImportLimits,
  sink: ImportSink,
  signal?: AbortSignal,
): Promise<ImportOutcome> {
  const mapping = checkMapping(options.mapping);
  const defaultCountry = regionOf(options.defaultCountry);
  const started = performance.now();
  const hash = await sha256(file, signal);
  return withSource(file, options.encoding, limits, signal, async (source) => {
    const sheet = await chooseSheet(source, options.sheet, signal);
    const progress: ReadProgress = { bytesRead: 0 };
    let rowsRead = 0;
    let lastReport = 0;
    const report = (phase: ImportProgress['phase'], force = false): void => {
      const now = performance.now();
      if (!force && now - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = now;
      const elapsedMs = now - started;
      sink.progress({
        phase,
        rowsRead,
        bytesRead: Math.min(progress.bytesRead, source.sizeBytes),
        totalBytes: source.sizeBytes,
        rowsPerSecond: elapsedMs > 0 ? Math.round((rowsRead * 1000) / elapsedMs) : 0,
        elapsedMs,
      });
    };
    report('reading', true);
    let headerRow = options.headerRow;
    let header: SheetRow | undefined;
    let processor: RowProcessor | null = null;
    const buffered: SheetRow[] = [];
    let out: StoredRow[] = [];
    let widest = 0;
    const hasher = new CalleeHasher();
    const handle = (row: SheetRow, current: RowProcessor): void => {
      if (row.rowNumber === headerRow) header = row;
      const stored = current.process(row);
      if (stored === null) return;
      if (stored.seq >= limits.maxRows) throw importError('tooManyRows', { limit: limits.maxRows });
      widest = Math.max(widest, row.cells.length);
      if (stored.phone !== null && (stored.status === 'valid' || stored.status === 'fixed')) {
        hasher.add(stored.phone, stored.name, stored.variables);
      }
      out.push(stored);
      if (out.length >= ROW_BATCH) {
        sink.rows(out);
        out = [];
        // Writing takes time too: a report after each batch keeps four updates a second.
        report('reading');
      }
    };
    const start = (): RowProcessor => {
      headerRow ??= detectHeaderRow(buffered);
      const created = new RowProcessor({ mapping, headerRow, defaultCountry, rule: options.rule });
      for (const row of buffered.splice(0)) handle(row, created);
      return created;
    };
    for await (const batch of source.rows(sheet, progress, signal)) {
      for (const row of batch) {
        rowsRead++;
        if (processor === null) {
          buffered.push(row);
          if (headerRow !== undefined || buffered.length >= 10) processor = start();
        } else handle(row, processor);
      }
      report('reading');
      await sink.ready?.();
    }
    processor ??= start();
    if (out.length > 0) sink.rows(out);
    const counts = processor.counts();
    if (counts.total === 0) throw importError('emptySheet', { sheet: sheet.name });
    const headerWidth = header?.cells.length ?? 0;
    const columns = Math.max(widest, headerWidth);
    const used = [
      mapping.phone,
      ...(mapping.name === null ? [] : [mapping.name]),
      ...mapping.variables,
    ];
    if (used.some((column) => column >= columns)) {
      throw importError('badColumn', { columns, used });
    }
    const names = headerNames(
      headerRow !== undefined && headerRow > 0 ? header : undefined,
      columns,
    );
    report('done', true);
    return {
      sourceFileName: source.fileName,
      sourceSha256: hash,
      sourceSizeBytes: source.sizeBytes,
      sheet: sheet.name,
      headerRow: headerRow ?? 0,
      mapping,
      columnNames: {
        phone: names[mapping.phone] ?? '',
        name: mapping.name === null ? null : (names[mapping.name] ?? ''),
        variables: mapping.variables.map((column) => names[column] ?? ''),
      },
      encoding: source.encoding?.detected ?? null,
      counts,
      callees: hasher.digest(),
    };
  });
}
