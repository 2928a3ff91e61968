import type { FileHandle } from 'node:fs/promises';
import type { TextEncoding } from '../../../../shared/domain/list';
import { stringCell, type SheetRow } from '../cell';
import { importError } from '../import-errors';
import { readRange } from '../xlsx/zip-reader';
import type { ImportLimits } from '../limits';

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * Picks the field separator: the candidate that splits the first lines (outside quotes) into the
 * same number of fields, most often, with more than one field.
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  let best: string = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === delimiter && !quoted) n++;
      }
      return n;
    });
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((n) => n === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Byte and row counters of a running read. */
export interface CsvProgress {
  bytesRead: number;
}

/**
 * Streams the records of a CSV/TXT file (RFC 4180: quoted fields may hold separators, quotes
 * doubled, and line breaks). Row numbers count records, as Excel numbers them when it opens the
 * file. Every cell is text: nothing is turned into a number, so leading zeros survive.
 *
 * A quote opens a quoted field only at the start of the field; inside an unquoted field it is
 * an ordinary character, as Excel reads it. So `="13800138000"`, the way CRM exports keep a
 * number as text, arrives whole (and is read as the number inside), not as `=13800138000`.
 */
export async function* readCsvRows(
  handle: FileHandle,
  encoding: TextEncoding,
  skipBytes: number,
  delimiter: string,
  limits: ImportLimits,
  progress: CsvProgress = { bytesRead: 0 },
  signal?: AbortSignal,
): AsyncGenerator<SheetRow[]> {
  const decoder = new TextDecoder(encoding);
  const { size } = await handle.stat();
  const delim = delimiter.charCodeAt(0);
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  // Nothing of the current field read yet: only here does a quote open a quoted field.
  let fieldStart = true;
  let recordChars = 0;
  let rowNumber = 0;
  let pendingCr = false;
  const emit = (batch: SheetRow[]): void => {
    fields.push(field);
    field = '';
    rowNumber++;
    if (fields.length > 1 || fields[0] !== '') {
      batch.push({ rowNumber, cells: fields.slice(0, limits.maxColumns).map(stringCell) });
    }
    fields = [];
    recordChars = 0;
    fieldStart = true;
  };
  for await (const chunk of readRange(handle, skipBytes, size, signal)) {
    progress.bytesRead += chunk.length;
    const text = decoder.decode(chunk, { stream: true });
    const batch: SheetRow[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (c === 10) {
          start = i + 1;
          continue;
        }
      }
      if (quoted) {
        if (c === 34) {
          field += text.slice(start, i);
          start = i + 1;
          quoted = false;
          afterQuote = true;
        }
        continue;
      }
      if (c === 34 && (fieldStart || afterQuote)) {
        if (afterQuote) field += '"';
        else field += text.slice(start, i);
        quoted = true;
        afterQuote = false;
        fieldStart = false;
        start = i + 1;
      } else if (c === delim) {
        field += text.slice(start, i);
        fields.push(field);
        field = '';
        afterQuote = false;
        fieldStart = true;
        start = i + 1;
      } else if (c === 10 || c === 13) {
        field += text.slice(start, i);
        afterQuote = false;
        emit(batch);
        pendingCr = c === 13;
        start = i + 1;
      } else {
        afterQuote = false;
        fieldStart = false;
      }
    }
    field += text.slice(start);
    recordChars += text.length - start;
    if (recordChars + field.length > limits.maxRowChars) {
      throw importError('rowTooLarge', { rowNumber: rowNumber + 1 });
    }
    if (batch.length > 0) yield batch;
  }
  field += decoder.decode();
  if (field !== '' || fields.length > 0) {
    const batch: SheetRow[] = [];
    emit(batch);
    yield batch;
  }
}
