import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TextEncoding } from '../../../shared/domain/list';
import { hasValues, type SheetRow } from './cell';
import { bomLength, detectEncoding, looksBinary, type DetectedEncoding } from './csv/encoding';
import { detectDelimiter, readCsvRows } from './csv/csv-reader';
import { detectSourceKind, type SourceKind } from './file-kind';
import { importError } from './import-errors';
import type { ImportLimits } from './limits';
import { scanSheet } from './xlsx/sheet-scanner';
import { readWorkbookParts, type WorkbookParts } from './xlsx/workbook-parts';
import { readZipEntry, type EntryProgress } from './xlsx/zip-reader';

/** A sheet of an opened source. */
export interface SourceSheet {
  readonly index: number;
  readonly name: string;
  readonly hidden: boolean;
}

/** Byte counters of a running read, for progress. */
export interface ReadProgress {
  /** Bytes of the file consumed so far. */
  bytesRead: number;
}

/** An opened workbook or text file, read one sheet at a time as batches of rows. */
export interface Source {
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly kind: SourceKind;
  readonly sheets: readonly SourceSheet[];
  readonly encoding: DetectedEncoding | null;
  readonly delimiter: string | null;
  /** Rows holding values, in file order, in batches. */
  rows(
    sheet: SourceSheet,
    progress: ReadProgress,
    signal?: AbortSignal,
  ): AsyncGenerator<SheetRow[]>;
  close(): Promise<void>;
}

const CSV_SAMPLE_BYTES = 64 * 1024;

async function openHandle(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (error) {
    throw importError(
      'missingFile',
      { code: error instanceof Error && 'code' in error ? error.code : null },
      error,
    );
  }
}

function xlsxSource(
  handle: FileHandle,
  fileName: string,
  size: number,
  parts: WorkbookParts,
  limits: ImportLimits,
): Source {
  return {
    fileName,
    sizeBytes: size,
    kind: 'xlsx',
    sheets: parts.sheets,
    encoding: null,
    delimiter: null,
    async *rows(sheet, progress, signal) {
      const part = parts.sheets[sheet.index];
      const entry = part === undefined ? undefined : parts.entries.get(part.part);
      if (entry === undefined) throw importError('sheetNotFound', { sheet: sheet.name });
      const counters: EntryProgress = { packedBytes: 0, unpackedBytes: 0 };
      const start = progress.bytesRead;
      const chunks = readZipEntry(handle, size, entry, limits, counters, signal);
      for await (const batch of scanSheet(chunks, parts, limits)) {
        progress.bytesRead = start + counters.packedBytes;
        const withValues = batch.filter(hasValues);
        if (withValues.length > 0) yield withValues;
      }
      progress.bytesRead = start + counters.packedBytes;
    },
    close: () => handle.close(),
  };
}

async function csvSource(
  handle: FileHandle,
  fileName: string,
  size: number,
  encodingOverride: TextEncoding | undefined,
  limits: ImportLimits,
): Promise<Source> {
  const sample = Buffer.alloc(Math.min(size, CSV_SAMPLE_BYTES));
  if (sample.length > 0) await handle.read(sample, 0, sample.length, 0);
  const detected = detectEncoding(sample);
  const encoding: DetectedEncoding =
    encodingOverride === undefined
      ? detected
      : {
          detected: encodingOverride,
          bomLength: bomLength(sample, encodingOverride),
          confident: true,
        };
  if (looksBinary(sample, encoding.detected)) {
    throw importError('notText', { encoding: encoding.detected });
  }
  const sampleText = new TextDecoder(encoding.detected).decode(sample.subarray(encoding.bomLength));
  const delimiter = detectDelimiter(sampleText);
  return {
    fileName,
    sizeBytes: size,
    kind: 'csv',
    sheets: [{ index: 0, name: fileName, hidden: false }],
    encoding,
    delimiter,
    async *rows(_sheet, progress, signal) {
      const counters = { bytesRead: 0 };
      for await (const batch of readCsvRows(
        handle,
        encoding.detected,
        encoding.bomLength,
        delimiter,
        limits,
        counters,
        signal,
      )) {
        progress.bytesRead = counters.bytesRead;
        const withValues = batch.filter(hasValues);
        if (withValues.length > 0) yield withValues;
      }
      progress.bytesRead = counters.bytesRead;
    },
    close: () => handle.close(),
  };
}

/**
 * Opens a list file after checking its size and what it really is. The caller must `close()` it.
 */
export async function openSource(
  file: string,
  options: { readonly encoding?: TextEncoding | undefined },
  limits: ImportLimits,
  signal?: AbortSignal,
): Promise<Source> {
  const handle = await openHandle(file);
  try {
    const { size } = await handle.stat();
    if (size > limits.maxFileBytes) {
      throw importError('fileTooLarge', { size, limit: limits.maxFileBytes });
    }
    const fileName = basename(file);
    const kind = await detectSourceKind(handle, fileName, size);
    if (kind === 'csv') return await csvSource(handle, fileName, size, options.encoding, limits);
    const parts = await readWorkbookParts(handle, size, limits, signal);
    if (parts.sheets.length === 0) throw importError('noSheets');
    return xlsxSource(handle, fileName, size, parts, limits);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The sheet called `name`, or the first visible one when `name` is absent. */
export function pickSheet(source: Source, name: string | undefined): SourceSheet {
  if (name === undefined) {
    const sheet = source.sheets.find((s) => !s.hidden) ?? source.sheets[0];
    if (sheet === undefined) throw importError('noSheets');
    return sheet;
  }
  const sheet = source.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw importError('sheetNotFound', { sheet: name });
  return sheet;
}
