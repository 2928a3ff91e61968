import { columnIndex, GENERAL, numberCell, stringCell, type Cell, type SheetRow } from '../cell';
import { importError } from '../import-errors';
import type { ImportLimits } from '../limits';
import type { WorkbookParts } from './workbook-parts';
import { attribute, decodeCellText, decodeXmlEntities, stringItemText } from './xml-text';

/** Element names, with the namespace prefix the sheet uses (`x:` in some .NET writers). */
interface Tags {
  readonly row: string;
  readonly rowEnd: string;
  readonly cell: string;
  readonly cellEnd: string;
  readonly value: string;
  readonly valueEnd: string;
  readonly formula: string;
  readonly inline: string;
  readonly inlineEnd: string;
  readonly prefix: string;
}

function tagsFor(prefix: string): Tags {
  const p = prefix === '' ? '' : `${prefix}:`;
  return {
    row: `<${p}row`,
    rowEnd: `</${p}row>`,
    cell: `<${p}c`,
    cellEnd: `</${p}c>`,
    value: `<${p}v`,
    valueEnd: `</${p}v>`,
    formula: `<${p}f`,
    inline: `<${p}is>`,
    inlineEnd: `</${p}is>`,
    prefix: p,
  };
}

/** True when `xml[at]` ends a tag name (so `<c` does not match `<col`). */
function endsName(xml: string, at: number): boolean {
  const c = xml.charCodeAt(at);
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Finds `<name` as a whole element name from `from`. */
function findTag(xml: string, name: string, from: number, to = xml.length): number {
  let at = xml.indexOf(name, from);
  while (at >= 0 && at < to) {
    if (endsName(xml, at + name.length)) return at;
    at = xml.indexOf(name, at + name.length);
  }
  return -1;
}

/** Per-sheet facts the cell decoder needs. */
interface SheetContext {
  readonly parts: WorkbookParts;
  readonly sst: readonly string[];
  readonly tags: Tags;
  readonly maxColumns: number;
}

function decodeCell(ctx: SheetContext, tag: string, body: string | null): Cell | undefined {
  const type = attribute(tag, 't') ?? 'n';
  const styleIndex = Number(attribute(tag, 's') ?? '0');
  const { tags } = ctx;
  if (body === null) return undefined;
  if (type === 'inlineStr') {
    const open = body.indexOf(tags.inline);
    if (open < 0) return undefined;
    const close = body.indexOf(tags.inlineEnd, open);
    let inner = body.slice(open + tags.inline.length, close < 0 ? body.length : close);
    if (tags.prefix !== '')
      inner = inner.split(`<${tags.prefix}`).join('<').split(`</${tags.prefix}`).join('</');
    return stringCell(stringItemText(inner));
  }
  const vOpen = findTag(body, tags.value, 0);
  let raw: string | null = null;
  if (vOpen >= 0) {
    const vStart = body.indexOf('>', vOpen);
    if (body[vStart - 1] === '/') raw = '';
    else {
      const vEnd = body.indexOf(tags.valueEnd, vStart);
      raw = body.slice(vStart + 1, vEnd < 0 ? body.length : vEnd);
    }
  }
  if (raw === null) {
    return findTag(body, tags.formula, 0) >= 0
      ? { text: '', kind: 'no-result', damage: null }
      : undefined;
  }
  switch (type) {
    case 's': {
      const text = ctx.sst[Number(raw)];
      return stringCell(text ?? '');
    }
    case 'str':
      return stringCell(decodeCellText(raw));
    case 'b':
      return { text: raw.trim() === '1' ? 'TRUE' : 'FALSE', kind: 'boolean', damage: null };
    case 'e':
      return { text: decodeXmlEntities(raw), kind: 'error', damage: null };
    case 'd':
      return {
        text: decodeXmlEntities(raw).replace(/T00:00:00(\.0+)?Z?$/, ''),
        kind: 'date',
        damage: null,
      };
    default: {
      const format = ctx.parts.styles[styleIndex] ?? GENERAL;
      return numberCell(raw.trim(), format, ctx.parts.date1904);
    }
  }
}

function parseRow(ctx: SheetContext, rowTag: string, xml: string, rowNumber: number): SheetRow {
  const cells: (Cell | undefined)[] = [];
  const { tags } = ctx;
  let column = -1;
  let from = 0;
  for (;;) {
    const open = findTag(xml, tags.cell, from);
    if (open < 0) break;
    const tagEnd = xml.indexOf('>', open);
    if (tagEnd < 0) break;
    const tag = xml.slice(open, tagEnd + 1);
    let body: string | null = null;
    if (xml[tagEnd - 1] === '/') {
      from = tagEnd + 1;
    } else {
      const close = xml.indexOf(tags.cellEnd, tagEnd);
      body = xml.slice(tagEnd + 1, close < 0 ? xml.length : close);
      from = close < 0 ? xml.length : close + tags.cellEnd.length;
    }
    const ref = attribute(tag, 'r');
    const at = ref === null ? column + 1 : columnIndex(ref);
    column = at < 0 ? column + 1 : at;
    if (column >= ctx.maxColumns) continue;
    const cell = decodeCell(ctx, tag, body);
    if (cell !== undefined) cells[column] = cell;
  }
  void rowTag;
  return { rowNumber, cells };
}

/** Bytes seen so far, for progress. */
export interface ScanProgress {
  rows: number;
}

/**
 * The fast path: reads worksheet XML as it is unpacked and yields its rows in batches, without
 * building a DOM or a SAX event per node. It only looks at `<row>`/`<c>`/`<v>`/`<is>`/`<f>`
 * inside `sheetData`, which is all a phone list needs (ECMA-376 Part 1 §18.3.1).
 *
 * Kept bounded: a row whose XML exceeds `maxRowChars` (a bomb of one endless element, or a file
 * that is not a worksheet) stops with LIMIT_EXCEEDED instead of growing a buffer.
 */
export async function* scanSheet(
  chunks: AsyncIterable<Buffer>,
  parts: WorkbookParts,
  limits: ImportLimits,
): AsyncGenerator<SheetRow[]> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let ctx: SheetContext | null = null;
  let lastRow = 0;
  let done = false;
  const sst = await parts.sharedStrings();
  for await (const chunk of chunks) {
    if (done) continue;
    pending += decoder.decode(chunk, { stream: true });
    if (ctx === null) {
      const root = /<(?:([A-Za-z_][\w.-]*):)?worksheet\b/.exec(pending);
      if (root === null) {
        if (pending.length > 64 * 1024)
          throw importError('corrupt', { reason: 'no worksheet root' });
        continue;
      }
      ctx = { parts, sst, tags: tagsFor(root[1] ?? ''), maxColumns: limits.maxColumns };
    }
    const { tags } = ctx;
    const batch: SheetRow[] = [];
    let pos = 0;
    for (;;) {
      const start = findTag(pending, tags.row, pos);
      if (start < 0) {
        if (pending.includes(`</${tags.prefix}sheetData>`, pos)) done = true;
        pos = Math.max(pos, pending.length - tags.row.length);
        break;
      }
      const tagEnd = pending.indexOf('>', start);
      if (tagEnd < 0) {
        pos = start;
        break;
      }
      const rowTag = pending.slice(start, tagEnd + 1);
      const r = Number(attribute(rowTag, 'r'));
      const rowNumber = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
      if (pending[tagEnd - 1] === '/') {
        lastRow = rowNumber;
        pos = tagEnd + 1;
        continue;
      }
      const end = pending.indexOf(tags.rowEnd, tagEnd);
      if (end < 0) {
        pos = start;
        break;
      }
      lastRow = rowNumber;
      const row = parseRow(ctx, rowTag, pending.slice(tagEnd + 1, end), rowNumber);
      if (row.cells.length > 0) batch.push(row);
      pos = end + tags.rowEnd.length;
    }
    pending = pending.slice(pos);
    if (pending.length > limits.maxRowChars) {
      throw importError('rowTooLarge', { pendingChars: pending.length });
    }
    if (batch.length > 0) yield batch;
  }
  if (ctx === null) throw importError('corrupt', { reason: 'no worksheet root' });
}
