import type { FileHandle } from 'node:fs/promises';
import { classifyFormat, GENERAL, type CellFormat } from '../cell';
import { importError } from '../import-errors';
import type { ImportLimits } from '../limits';
import { attribute, stringItemText } from './xml-text';
import { readZipDirectory, readZipText, type ZipEntry } from './zip-reader';

/** A worksheet of the workbook and the zip part holding it. */
export interface WorksheetPart {
  readonly index: number;
  readonly name: string;
  readonly hidden: boolean;
  readonly part: string;
}

/** What a sheet reader needs besides the sheet XML. */
export interface WorkbookParts {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  readonly sheets: readonly WorksheetPart[];
  readonly date1904: boolean;
  /** Format of each cell style index (`s` attribute). */
  readonly styles: readonly CellFormat[];
  /** Loaded on first use: a sheet of numbers never pays for it. */
  sharedStrings(): Promise<readonly string[]>;
}

/** Removes a namespace prefix such as `x:` from element names, so both spellings parse alike. */
export function unprefix(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*):(?:worksheet|workbook|sst|styleSheet|Relationships)\b/.exec(
    xml,
  );
  if (root === null) return xml;
  const prefix = root[1] ?? '';
  return xml.split(`<${prefix}:`).join('<').split(`</${prefix}:`).join('</');
}

function elements(xml: string, name: string): string[] {
  const found: string[] = [];
  const pattern = new RegExp(`<${name}\\b[^>]*>`, 'g');
  for (const match of xml.matchAll(pattern)) found.push(match[0]);
  return found;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function parseStyles(xml: string): CellFormat[] {
  const codes = new Map<number, string>();
  for (const tag of elements(xml, 'numFmt')) {
    const id = Number(attribute(tag, 'numFmtId'));
    const code = attribute(tag, 'formatCode');
    if (Number.isInteger(id) && code !== null) codes.set(id, code);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return elements(cellXfs, 'xf').map((tag) => {
    const id = Number(attribute(tag, 'numFmtId') ?? '0');
    return Number.isInteger(id) ? classifyFormat(id, codes.get(id)) : GENERAL;
  });
}

/** Parses `sharedStrings.xml`: one entry per `<si>`, rich text flattened, phonetic runs left out. */
export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let from = 0;
  for (;;) {
    const open = xml.indexOf('<si', from);
    if (open < 0) break;
    const end = xml.indexOf('>', open);
    if (end < 0) break;
    if (xml[end - 1] === '/') {
      strings.push('');
      from = end + 1;
      continue;
    }
    const close = xml.indexOf('</si>', end);
    if (close < 0) break;
    strings.push(stringItemText(xml.slice(end + 1, close)));
    from = close + 5;
  }
  return strings;
}

/**
 * Opens the workbook's index parts: the workbook (sheets, 1904 date system), its relationships,
 * styles, and (lazily) the shared strings (ECMA-376 Part 1 §12.3).
 */
export async function readWorkbookParts(
  handle: FileHandle,
  fileSize: number,
  limits: ImportLimits,
  signal?: AbortSignal,
): Promise<WorkbookParts> {
  const entries = await readZipDirectory(handle, fileSize);
  const text = async (name: string): Promise<string | null> => {
    const entry = entries.get(name);
    return entry === undefined
      ? null
      : unprefix(await readZipText(handle, fileSize, entry, limits, signal));
  };
  const rootRels = (await text('_rels/.rels')) ?? '';
  const officeDocument = elements(rootRels, 'Relationship').find((tag) =>
    (attribute(tag, 'Type') ?? '').endsWith('/officeDocument'),
  );
  const workbookPart = officeDocument
    ? resolveTarget('', attribute(officeDocument, 'Target') ?? '')
    : 'xl/workbook.xml';
  const workbook = await text(workbookPart);
  if (workbook === null) {
    throw entries.size > 0 && ![...entries.keys()].some((name) => name.startsWith('xl/'))
      ? importError('notWorkbook', { reason: 'zip without a workbook part' })
      : importError('corrupt', { reason: 'no workbook part' });
  }
  const rels = new Map<string, { target: string; type: string }>();
  for (const tag of elements((await text(relsPath(workbookPart))) ?? '', 'Relationship')) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id !== null && target !== null && attribute(tag, 'TargetMode') !== 'External') {
      rels.set(id, {
        target: resolveTarget(workbookPart, target),
        type: attribute(tag, 'Type') ?? '',
      });
    }
  }
  const sheets: WorksheetPart[] = [];
  for (const tag of elements(workbook, 'sheet')) {
    const rel = rels.get(attribute(tag, 'r:id') ?? attribute(tag, 'id') ?? '');
    if (rel === undefined || !rel.type.endsWith('/worksheet') || !entries.has(rel.target)) continue;
    const state = attribute(tag, 'state');
    sheets.push({
      index: sheets.length,
      name: attribute(tag, 'name') ?? `Sheet${sheets.length + 1}`,
      hidden: state === 'hidden' || state === 'veryHidden',
      part: rel.target,
    });
  }
  const workbookPr = elements(workbook, 'workbookPr')[0] ?? '';
  const date1904Value = attribute(workbookPr, 'date1904');
  const date1904 = date1904Value === '1' || date1904Value === 'true';
  const stylesRel = [...rels.values()].find((rel) => rel.type.endsWith('/styles'));
  const styles = parseStyles((await text(stylesRel?.target ?? 'xl/styles.xml')) ?? '');
  const sstRel = [...rels.values()].find((rel) => rel.type.endsWith('/sharedStrings'));
  let sharedStrings: Promise<readonly string[]> | null = null;
  return {
    entries,
    sheets,
    date1904,
    styles,
    sharedStrings: () => {
      sharedStrings ??= (async () =>
        parseSharedStrings((await text(sstRel?.target ?? 'xl/sharedStrings.xml')) ?? ''))();
      return sharedStrings;
    },
  };
}
