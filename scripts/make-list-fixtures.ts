/**
 * Writes the list-import fixtures (workbooks, CSVs and broken files) into a folder, and describes
 * what importing each must give. Tests call `makeListFixtures` into a temp folder; run it by hand
 * with `npx tsx scripts/make-list-fixtures.ts [folder]` (default `test-output/list-fixtures`).
 *
 * Workbooks that exceljs can write are written with exceljs. The known exceljs traps (inline and
 * shared rich text, phonetic runs, `_xHHHH_` escapes, numbers stored in E-notation, the 1904 date
 * system, formulas without a cached result) need exact XML, which exceljs's writer cannot
 * produce (it collapses distinct rich-text cells onto the first), so those parts are written by
 * hand and zipped here.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/** One expected row (only the fields given are checked). */
export interface ExpectedRow {
  readonly rowNumber: number;
  readonly status: 'valid' | 'fixed' | 'invalid' | 'flagged' | 'duplicate';
  readonly original?: string;
  readonly phone?: string | null;
  readonly reasonCode?: string | null;
  readonly reasonDetail?: string | null;
  readonly name?: string | null;
  readonly variables?: readonly string[];
}

/** What importing a fixture must give. */
export interface FixtureCase {
  readonly file: string;
  readonly covers: string;
  readonly options: {
    readonly sheet?: string;
    readonly headerRow?: number;
    readonly mapping: { phone: number | null; name: number | null; variables: number[] };
    readonly defaultCountry: string | null;
    readonly rule: 'itniotech-voice' | 'itniotech-ai' | 'yccall' | 'none';
  };
  readonly expect:
    | {
        readonly counts: {
          total: number;
          valid: number;
          fixed: number;
          invalid: number;
          flagged: number;
          duplicate: number;
        };
        readonly rows: readonly ExpectedRow[];
        readonly encoding?: string;
        /**
         * The sheet the list comes from. When the options name no sheet, the test chooses it as
         * the app does: `inspect` for the sheets and their row counts, then `defaultSheet`.
         */
        readonly sheet?: string;
      }
    | { readonly failure: string; readonly code: string };
  /** Rows where exceljs (the reference reader) is known to differ, with the reason. */
  readonly excelJsDiffers?: string;
}

// ---------------------------------------------------------------- zip and hand-written xlsx

interface ZipInput {
  readonly name: string;
  readonly data: Buffer;
  /** Lie about the unpacked size in the directory (for the bomb that hides its size). */
  readonly declaredSize?: number;
  /** Replace the packed bytes (for a corrupt deflate stream). */
  readonly packed?: Buffer;
}

/** A minimal zip writer (APPNOTE 4.3): deflate, local headers, central directory. */
export function zip(entries: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = entry.packed ?? deflateRawSync(entry.data, { level: 6 });
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Styles: 0 General, 1 date (14), 2 `00000000000`, 3 date-time (22), 4 scientific (11). */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="00000000000"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="11" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`;

interface RawSheet {
  readonly name: string;
  readonly rows: readonly string[];
}

/** Builds an .xlsx from hand-written rows (`<row>` elements) and shared-string items (`<si>` inner XML). */
export function rawXlsx(options: {
  readonly sheets: readonly RawSheet[];
  readonly sharedStrings?: readonly string[];
  readonly date1904?: boolean;
  readonly sheetOverride?: Partial<ZipInput>;
}): Buffer {
  const sst = options.sharedStrings ?? [];
  const sheetEntries: ZipInput[] = options.sheets.map((sheet, i) => ({
    name: `xl/worksheets/sheet${String(i + 1)}.xml`,
    data: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${sheet.rows.join('')}</sheetData></worksheet>`,
    ),
  }));
  const first = sheetEntries[0];
  if (first !== undefined && options.sheetOverride !== undefined) {
    sheetEntries[0] = { ...first, ...options.sheetOverride };
  }
  return zip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${options.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${String(i + 1)}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${options.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${String(i + 1)}" r:id="rId${String(i + 1)}"/>`).join('')}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${options.sheets.map((_, i) => `<Relationship Id="rId${String(i + 1)}" Type="${REL}/worksheet" Target="worksheets/sheet${String(i + 1)}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/styles.xml', data: Buffer.from(STYLES) },
    {
      name: 'xl/sharedStrings.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${String(sst.length)}" uniqueCount="${String(sst.length)}">${sst.map((si) => `<si>${si}</si>`).join('')}</sst>`,
      ),
    },
    ...sheetEntries,
  ]);
}

/** A `<row>` of cells given as `<c>` XML. */
const row = (r: number, ...cells: string[]): string =>
  `<row r="${String(r)}">${cells.join('')}</row>`;
const s = (ref: string, index: number): string => `<c r="${ref}" t="s"><v>${String(index)}</v></c>`;
const n = (ref: string, v: string, style = 0): string =>
  `<c r="${ref}"${style ? ` s="${String(style)}"` : ''}><v>${v}</v></c>`;
const inline = (ref: string, body: string): string =>
  `<c r="${ref}" t="inlineStr"><is>${body}</is></c>`;

/** An OLE2 compound file whose first directory sector names `streams` (MS-CFB §2.2, §2.6). */
export function compoundFile(streams: readonly string[]): Buffer {
  const file = Buffer.alloc(512 + 512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18);
  file.writeUInt16LE(3, 0x1a);
  file.writeUInt16LE(0xfffe, 0x1c);
  file.writeUInt16LE(9, 0x1e);
  file.writeUInt16LE(6, 0x20);
  file.writeUInt32LE(0, 0x30);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 512 + i * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(file, at);
    file.writeUInt16LE(encoded.length, at + 0x40);
    file.writeUInt8(i === 0 ? 5 : 2, at + 0x42);
  });
  return file;
}

// ---------------------------------------------------------------- the fixtures

const CN = 'CN';
const voice = 'itniotech-voice' as const;

async function basicTypes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('List');
  sheet.addRow(['Phone', 'Name', 'City', 'Joined']);
  const rows: ExcelJS.CellValue[][] = [
    ['+8613800138000', 'Zhang San', 'Beijing', new Date(Date.UTC(2024, 2, 1))],
    [13800138001, 'Li Si', 'Shanghai', new Date(Date.UTC(2024, 2, 2))],
    [8613800138002, 'Wang Wu', 'Shenzhen', null],
    ['+86 138-0013-8003', 'Zhao Liu', null, null],
    ['0086 13800138004', 'Qian Qi', null, null],
    [13800138001, 'Li Si again', null, null],
    ['12345', 'Short', null, null],
    ['call me', 'Words', null, null],
    [null, 'No Phone', null, null],
    ['１３８００１３８００５', 'Full Width', null, null],
    ['+44 7911 123456', 'London', null, null],
  ];
  for (const values of rows) sheet.addRow(values);
  sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function multiSheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes').addRow(['Read me: the list is on the next sheet']);
  const customers = workbook.addWorksheet('Customers');
  customers.addRow(['Customer list 2024']);
  customers.addRow([]);
  customers.addRow(['手机', '姓名', '城市']);
  customers.addRow(['13800138000', '张三', '北京']);
  customers.addRow(['13800138001', '李四', '上海']);
  customers.addRow(['13800138002', '王五', '广州']);
  workbook.addWorksheet('Empty');
  const hidden = workbook.addWorksheet('Hidden', { state: 'hidden' });
  hidden.addRow(['Phone']);
  hidden.addRow(['13800138009']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An empty visible cover sheet and a hidden old list before the sheet that holds the list. */
async function coverSheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Cover');
  const old = workbook.addWorksheet('Old list', { state: 'hidden' });
  old.addRow(['Phone']);
  old.addRow(['13800138009']);
  const list = workbook.addWorksheet('Customers');
  list.addRow(['Mobile', 'Name']);
  list.addRow(['13800138000', 'Ann']);
  list.addRow(['13800138001', 'Bob']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function emptyWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook of `rows` rows for the row-limit case. */
async function manyRows(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Big');
  sheet.addRow(['Phone']);
  for (let i = 0; i < rows; i++) sheet.addRow([`1380013${String(i).padStart(4, '0')}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const leadingZeros = (): Buffer =>
  rawXlsx({
    sharedStrings: [
      '<t>Mobile</t>',
      '<t>Name</t>',
      '<t xml:space="preserve">07911 123457</t>',
      '<t>Ann</t>',
    ],
    sheets: [
      {
        name: 'UK',
        rows: [
          row(1, s('A1', 0), s('B1', 1)),
          row(2, n('A2', '7911123456', 2), s('B2', 3)),
          row(3, s('A3', 2)),
          row(4, n('A4', '7911123458')),
          row(5, n('A5', '447911123459')),
        ],
      },
    ],
  });

const damagedNumbers = (): Buffer =>
  rawXlsx({
    sharedStrings: ['<t>Phone</t>', '<t>8.61380E+12</t>', '<t>ask at the desk</t>'],
    sheets: [
      {
        name: 'Damaged',
        rows: [
          row(1, s('A1', 0)),
          row(2, n('A2', '8.6138001380000E+12')),
          row(3, n('A3', '6222021234567890000')),
          row(4, n('A4', '13800138000.5')),
          row(5, s('A5', 1)),
          row(6, n('A6', '13800138006', 4)),
          row(7, s('A7', 2)),
          // Read back as a float this prints as 13800138008, a number that looks whole and valid.
          row(8, n('A8', '1.3800138008E+10')),
        ],
      },
    ],
  });

/** A date-formatted column before the phone column, without headers (a raw CRM export). */
const dateBesidePhone = (): Buffer =>
  rawXlsx({
    sharedStrings: ['<t>Ann</t>', '<t>Bob</t>', '<t>Cai</t>'],
    sheets: [
      {
        name: 'Calls',
        rows: [
          row(1, n('A1', '45352', 1), n('B1', '13800138000'), s('C1', 0)),
          row(2, n('A2', '45353', 1), n('B2', '13800138001'), s('C2', 1)),
          row(3, n('A3', '45354', 1), n('B3', '13800138002'), s('C3', 2)),
        ],
      },
    ],
  });

/** Characters of the huge cell: a pasted document of about 5 MiB. */
export const HUGE_CELL_CHARS = 5 * 1024 * 1024;

/** The huge cell's text (a note pasted into the phone column). */
export const HUGE_CELL_TEXT = 'Call 13800138000 after 6 pm, ask for the manager. '
  .repeat(Math.ceil(HUGE_CELL_CHARS / 50))
  .slice(0, HUGE_CELL_CHARS);

/** A phone cell holding a ~5 MiB note (a shared string, as Excel stores a pasted text). */
const hugeCell = (): Buffer =>
  rawXlsx({
    sharedStrings: ['<t>Phone</t>', '<t>Name</t>', `<t>${HUGE_CELL_TEXT}</t>`, '<t>Ann</t>'],
    sheets: [
      {
        name: 'Notes',
        rows: [
          row(1, s('A1', 0), s('B1', 1)),
          row(2, s('A2', 2), s('B2', 3)),
          row(3, n('A3', '13800138003'), s('B3', 3)),
        ],
      },
    ],
  });

const stringsAndFormulas = (): Buffer =>
  rawXlsx({
    sharedStrings: [
      '<t>Phone</t>',
      '<t>Name</t>',
      '<t>Note</t>',
      '<r><t>138</t></r><r><rPr><b/><charset val="134"/></rPr><t>0013</t></r><r><t>8001</t></r>',
      '<t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/>',
      '<t>A_x000D_B</t>',
      '<t>_x005F_x0041_</t>',
    ],
    sheets: [
      {
        name: 'Strings',
        rows: [
          row(1, s('A1', 0), s('B1', 1), s('C1', 2)),
          row(
            2,
            inline('A2', '<r><t>138</t></r><r><rPr><i/></rPr><t>0013</t></r><r><t>8000</t></r>'),
            inline('B2', '<t>Inline</t>'),
          ),
          row(3, s('A3', 3), s('B3', 4)),
          row(
            4,
            '<c r="A4" t="str"><f>"1380013"&amp;"8002"</f><v>13800138002</v></c>',
            s('B4', 5),
            s('C4', 6),
          ),
          row(
            5,
            '<c r="A5"><f>A2+0</f><v>13800138003</v></c>',
            inline('B5', '<t>Number formula</t>'),
          ),
          row(6, '<c r="A6"><f>NOW()</f></c>', inline('B6', '<t>NoResult</t>')),
          row(7, '<c r="A7" t="e"><v>#N/A</v></c>', inline('B7', '<t>Error</t>')),
          row(8, '<c r="A8" t="b"><v>1</v></c>', inline('B8', '<t>Boolean</t>')),
          row(9, inline('A9', '<t>&#x31;3800138009</t>'), inline('B9', '<t>&lt;B&amp;C&gt;</t>')),
        ],
      },
    ],
  });

const dates = (date1904: boolean): Buffer =>
  rawXlsx({
    date1904,
    sharedStrings: ['<t>Phone</t>', '<t>Joined</t>', '<t>At</t>', '<t>+8613800138000</t>'],
    sheets: [
      {
        name: 'Dates',
        rows: [
          row(1, s('A1', 0), s('B1', 1), s('C1', 2)),
          row(2, s('A2', 3), n('B2', '43831', 1), n('C2', '43831.5', 3)),
        ],
      },
    ],
  });

function gbk(): Buffer {
  // GBK bytes written out, since Node has a GBK decoder but no encoder:
  // 手机 CAD6 BBFA, 姓名 D0D5 C3FB, 张三 D5C5 C8FD, 李四 C0EE CBC4.
  return Buffer.concat([
    Buffer.from('cad6bbfa2cd0d5c3fb0d0a', 'hex'),
    Buffer.from('13800138000,'),
    Buffer.from('d5c5c8fd0d0a', 'hex'),
    Buffer.from('13800138001,'),
    Buffer.from('c0eecbc40d0a', 'hex'),
  ]);
}

function utf16le(text: string, bom: boolean): Buffer {
  return Buffer.concat([
    bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0),
    Buffer.from(text, 'utf16le'),
  ]);
}

function randomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

/** A workbook whose sheet is a worksheet start followed by `bytes` of blanks (deflates ~1000:1). */
function zipBomb(bytes: number, declaredSize?: number): Buffer {
  return rawXlsx({
    sheets: [{ name: 'Bomb', rows: [] }],
    sheetOverride: {
      data: Buffer.concat([
        Buffer.from(`<worksheet xmlns="${NS}"><sheetData>`),
        Buffer.alloc(bytes, 0x20),
      ]),
      ...(declaredSize === undefined ? {} : { declaredSize }),
    },
  });
}

const counts = (
  total: number,
  valid: number,
  fixed: number,
  invalid: number,
  duplicate: number,
  flagged = 0,
) => ({
  total,
  valid,
  fixed,
  invalid,
  flagged,
  duplicate,
});

const map = (phone: number, name: number | null = null, variables: number[] = []) => ({
  phone,
  name,
  variables,
});

/** Every fixture and what it must give. */
export const FIXTURE_CASES: readonly FixtureCase[] = [
  {
    file: 'basic-types.xlsx',
    covers:
      'text and number phones, formatting, IDD prefix, duplicates, invalid values, dates as ISO',
    options: { mapping: map(0, 1, [2, 3]), defaultCountry: CN, rule: voice },
    expect: {
      counts: counts(11, 3, 4, 3, 1),
      rows: [
        {
          rowNumber: 2,
          status: 'valid',
          phone: '+8613800138000',
          name: 'Zhang San',
          variables: ['Beijing', '2024-03-01'],
        },
        {
          rowNumber: 3,
          status: 'valid',
          phone: '+8613800138001',
          reasonCode: null,
        },
        { rowNumber: 4, status: 'valid', phone: '+8613800138002' },
        { rowNumber: 5, status: 'fixed', phone: '+8613800138003', reasonCode: 'formatting' },
        {
          rowNumber: 6,
          status: 'fixed',
          phone: '+8613800138004',
          reasonCode: 'formatting,idd-prefix',
        },
        {
          rowNumber: 7,
          status: 'duplicate',
          phone: '+8613800138001',
          reasonCode: 'duplicate',
          reasonDetail: '3',
        },
        { rowNumber: 8, status: 'invalid', phone: null, reasonCode: 'too-short' },
        { rowNumber: 9, status: 'invalid', reasonCode: 'letters' },
        { rowNumber: 10, status: 'invalid', reasonCode: 'empty', name: 'No Phone' },
        {
          rowNumber: 11,
          status: 'fixed',
          phone: '+8613800138005',
          reasonCode: 'full-width,country-code-added',
        },
        { rowNumber: 12, status: 'fixed', phone: '+447911123456', reasonCode: 'formatting' },
      ],
    },
  },
  {
    file: 'leading-zeros.xlsx',
    covers: 'leading zeros kept from a zero-padded number format and from text',
    options: { mapping: map(0, 1), defaultCountry: 'GB', rule: voice },
    expect: {
      counts: counts(4, 3, 1, 0, 0),
      rows: [
        {
          rowNumber: 2,
          status: 'valid',
          original: '07911123456',
          phone: '+447911123456',
          reasonCode: null,
        },
        {
          rowNumber: 3,
          status: 'fixed',
          phone: '+447911123457',
          reasonCode: 'formatting,country-code-added,trunk-prefix-removed',
        },
        { rowNumber: 4, status: 'valid', phone: '+447911123458', reasonCode: null },
        { rowNumber: 5, status: 'valid', phone: '+447911123459' },
      ],
    },
  },
  {
    file: 'damaged-numbers.xlsx',
    covers:
      'numbers Excel already damaged (stored in E-notation, more than 15 digits, fractions, E-notation text) are flagged, counted apart from invalid ones, and shown as the cell held them',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: {
      counts: counts(7, 1, 0, 1, 0, 5),
      rows: [
        {
          rowNumber: 2,
          status: 'flagged',
          original: '8.6138001380000E+12',
          phone: null,
          reasonCode: 'stored-e-notation',
          reasonDetail: '8.6138001380000E+12',
        },
        {
          rowNumber: 3,
          status: 'flagged',
          original: '6222021234567890000',
          reasonCode: 'lost-digits',
        },
        {
          rowNumber: 4,
          status: 'flagged',
          original: '13800138000.5',
          reasonCode: 'not-whole-number',
        },
        {
          rowNumber: 5,
          status: 'flagged',
          original: '8.61380E+12',
          reasonCode: 'text-e-notation',
          reasonDetail: '8.61380E+12',
        },
        { rowNumber: 6, status: 'valid', phone: '+8613800138006' },
        { rowNumber: 7, status: 'invalid', reasonCode: 'letters' },
        {
          rowNumber: 8,
          status: 'flagged',
          original: '1.3800138008E+10',
          reasonCode: 'stored-e-notation',
          reasonDetail: '1.3800138008E+10',
        },
      ],
    },
    excelJsDiffers:
      'rows 2 and 8: exceljs parses <v>8.6138001380000E+12</v> into a float and cannot tell it was stored in E-notation',
  },
  {
    file: 'date-beside-phone.xlsx',
    covers: 'a date-formatted column next to the phone column, without headers',
    options: { mapping: map(1, 2, [0]), defaultCountry: CN, rule: voice },
    expect: {
      counts: counts(3, 3, 0, 0, 0),
      rows: [
        {
          rowNumber: 1,
          status: 'valid',
          phone: '+8613800138000',
          name: 'Ann',
          variables: ['2024-03-01'],
        },
        { rowNumber: 3, status: 'valid', phone: '+8613800138002', variables: ['2024-03-03'] },
      ],
    },
  },
  {
    file: 'cover-sheet.xlsx',
    covers: 'an empty first visible sheet (and a hidden one) before the sheet that holds the list',
    options: { mapping: map(0, 1), defaultCountry: CN, rule: voice },
    expect: {
      sheet: 'Customers',
      counts: counts(2, 2, 0, 0, 0),
      rows: [
        { rowNumber: 2, status: 'valid', phone: '+8613800138000', name: 'Ann' },
        { rowNumber: 3, status: 'valid', phone: '+8613800138001', name: 'Bob' },
      ],
    },
  },
  {
    file: 'huge-cell.xlsx',
    covers: 'a ~5 MiB phone cell is kept as its first 200 characters, once',
    options: { mapping: map(0, 1), defaultCountry: CN, rule: voice },
    expect: {
      counts: counts(2, 1, 0, 1, 0),
      rows: [
        {
          rowNumber: 2,
          status: 'invalid',
          original: `${HUGE_CELL_TEXT.slice(0, 200)}…`,
          reasonCode: 'letters',
          reasonDetail: `${HUGE_CELL_TEXT.slice(0, 200)}…`,
          name: 'Ann',
        },
        { rowNumber: 3, status: 'valid', phone: '+8613800138003' },
      ],
    },
  },
  {
    file: 'strings-and-formulas.xlsx',
    covers:
      'inline and shared rich text, phonetic runs, _xHHHH_ escapes, formula strings and numbers, formula without result, error and boolean cells, XML entities',
    options: { mapping: map(0, 1, [2]), defaultCountry: CN, rule: voice },
    expect: {
      counts: counts(8, 5, 0, 3, 0),
      rows: [
        { rowNumber: 2, status: 'valid', phone: '+8613800138000', name: 'Inline' },
        { rowNumber: 3, status: 'valid', phone: '+8613800138001', name: '山田' },
        {
          rowNumber: 4,
          status: 'valid',
          phone: '+8613800138002',
          name: 'A\rB',
          variables: ['_x0041_'],
        },
        { rowNumber: 5, status: 'valid', phone: '+8613800138003' },
        { rowNumber: 6, status: 'invalid', reasonCode: 'formula-no-result' },
        { rowNumber: 7, status: 'invalid', reasonCode: 'cell-error', reasonDetail: '#N/A' },
        { rowNumber: 8, status: 'invalid', reasonCode: 'letters' },
        { rowNumber: 9, status: 'valid', phone: '+8613800138009', name: '<B&C>' },
      ],
    },
    excelJsDiffers: 'phonetic runs and _xHHHH_ escapes (see the trap tests)',
  },
  {
    file: 'dates-1900.xlsx',
    covers: 'dates and date-times as ISO text, 1900 date system',
    options: { mapping: map(0, null, [1, 2]), defaultCountry: CN, rule: voice },
    expect: {
      counts: counts(1, 1, 0, 0, 0),
      rows: [{ rowNumber: 2, status: 'valid', variables: ['2020-01-01', '2020-01-01T12:00:00'] }],
    },
  },
  {
    file: 'dates-1904.xlsx',
    covers: 'the 1904 date system',
    options: { mapping: map(0, null, [1, 2]), defaultCountry: CN, rule: voice },
    expect: {
      counts: counts(1, 1, 0, 0, 0),
      rows: [{ rowNumber: 2, status: 'valid', variables: ['2024-01-02', '2024-01-02T12:00:00'] }],
    },
  },
  {
    file: 'multi-sheet.xlsx',
    covers: 'sheet choice, a title row above the headers, Chinese headers',
    options: { sheet: 'Customers', mapping: map(0, 1, [2]), defaultCountry: CN, rule: voice },
    expect: {
      counts: counts(3, 3, 0, 0, 0),
      rows: [
        {
          rowNumber: 4,
          status: 'valid',
          phone: '+8613800138000',
          name: '张三',
          variables: ['北京'],
        },
        {
          rowNumber: 6,
          status: 'valid',
          phone: '+8613800138002',
          name: '王五',
          variables: ['广州'],
        },
      ],
    },
  },
  {
    file: 'utf8-bom.csv',
    covers:
      'UTF-8 with BOM, quoted separators and line breaks, trunk prefix, E-notation text from Excel',
    options: { mapping: map(0, 1, [2]), defaultCountry: CN, rule: voice },
    expect: {
      encoding: 'utf-8',
      counts: counts(3, 2, 0, 0, 0, 1),
      rows: [
        {
          rowNumber: 2,
          status: 'valid',
          phone: '+8613800138000',
          name: '张三',
          variables: ['VIP, 北京'],
        },
        {
          rowNumber: 3,
          status: 'valid',
          phone: '+8613800138001',
          reasonCode: null,
          variables: ['two\nlines'],
        },
        { rowNumber: 4, status: 'flagged', reasonCode: 'text-e-notation', name: '王五' },
      ],
    },
  },
  {
    file: 'gbk.csv',
    covers: 'GBK/GB18030 from Excel on Chinese Windows',
    options: { mapping: map(0, 1), defaultCountry: CN, rule: voice },
    expect: {
      encoding: 'gb18030',
      counts: counts(2, 2, 0, 0, 0),
      rows: [
        { rowNumber: 2, status: 'valid', name: '张三' },
        { rowNumber: 3, status: 'valid', name: '李四' },
      ],
    },
  },
  {
    file: 'utf16le.txt',
    covers: 'UTF-16 LE with BOM, tab separated (Excel "Unicode text")',
    options: { mapping: map(0, 1), defaultCountry: null, rule: voice },
    expect: {
      encoding: 'utf-16le',
      counts: counts(2, 1, 0, 1, 0),
      rows: [
        { rowNumber: 2, status: 'valid', phone: '+8613800138000', name: '张三' },
        { rowNumber: 3, status: 'invalid', reasonCode: 'no-country' },
      ],
    },
  },
  {
    file: 'utf16le-nobom.csv',
    covers: 'UTF-16 LE without BOM',
    options: { mapping: map(0, 1), defaultCountry: CN, rule: voice },
    expect: {
      encoding: 'utf-16le',
      counts: counts(1, 1, 0, 0, 0),
      rows: [{ rowNumber: 2, status: 'valid', name: '李四' }],
    },
  },
  {
    file: 'semicolon.csv',
    covers: 'semicolon separator, UTF-8 without BOM',
    options: { mapping: map(0, 1), defaultCountry: null, rule: 'itniotech-voice' },
    expect: {
      encoding: 'utf-8',
      counts: counts(2, 0, 1, 1, 0),
      rows: [
        { rowNumber: 2, status: 'fixed', phone: '+447911123456', name: 'Ann' },
        { rowNumber: 3, status: 'invalid', reasonCode: 'too-short' },
      ],
    },
  },
  {
    file: 'decimal-comma.csv',
    covers:
      'E-notation text with a decimal comma, from Excel in a locale that writes one (semicolon CSV)',
    options: { mapping: map(0, 1, [2]), defaultCountry: CN, rule: voice },
    expect: {
      encoding: 'utf-8',
      counts: counts(3, 1, 0, 0, 0, 2),
      rows: [
        {
          rowNumber: 2,
          status: 'flagged',
          original: '8,61380E+12',
          reasonCode: 'text-e-notation',
          reasonDetail: '8,61380E+12',
          name: 'Anna',
          variables: ['12,50'],
        },
        { rowNumber: 3, status: 'valid', phone: '+8613800138000', name: 'Boris' },
        { rowNumber: 4, status: 'flagged', original: '1,38001E+10', reasonCode: 'text-e-notation' },
      ],
    },
  },
  {
    file: 'forced-text.csv',
    covers:
      'numbers a spreadsheet or CRM export forced to text: a leading apostrophe, ="…" bare and quoted',
    options: { mapping: map(0, 1), defaultCountry: CN, rule: voice },
    expect: {
      encoding: 'utf-8',
      counts: counts(6, 0, 5, 1, 0),
      rows: [
        {
          rowNumber: 2,
          status: 'fixed',
          original: "'13800138000",
          phone: '+8613800138000',
          reasonCode: 'formatting,country-code-added',
        },
        {
          rowNumber: 3,
          status: 'fixed',
          original: '="13800138001"',
          phone: '+8613800138001',
          reasonCode: 'formatting,country-code-added',
        },
        {
          rowNumber: 4,
          status: 'fixed',
          original: '="13800138002"',
          phone: '+8613800138002',
          name: 'Quoted formula',
        },
        {
          rowNumber: 5,
          status: 'fixed',
          original: '="+44 7911 123456"',
          phone: '+447911123456',
          reasonCode: 'formatting',
        },
        {
          rowNumber: 6,
          status: 'fixed',
          phone: '+8613800138003',
          reasonCode: 'formatting,idd-prefix',
        },
        { rowNumber: 7, status: 'invalid', original: '="abc"', reasonCode: 'letters' },
      ],
    },
  },
  {
    file: 'old.xls',
    covers: 'old binary .xls',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'xls', code: 'FILE_UNREADABLE' },
  },
  {
    file: 'protected.xlsx',
    covers: 'password-protected workbook',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'encrypted', code: 'FILE_UNREADABLE' },
  },
  {
    file: 'truncated.xlsx',
    covers: 'corrupt (truncated) archive',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'corrupt', code: 'FILE_UNREADABLE' },
  },
  {
    file: 'bad-deflate.xlsx',
    covers: 'corrupt compressed sheet data',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'corrupt', code: 'FILE_UNREADABLE' },
  },
  {
    file: 'not-a-workbook.xlsx',
    covers: 'text file named .xlsx',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'notWorkbook', code: 'FILE_UNREADABLE' },
  },
  {
    file: 'workbook-named.csv',
    covers: 'workbook named .csv',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'notText', code: 'FILE_UNREADABLE' },
  },
  {
    file: 'binary.csv',
    covers: 'binary data named .csv',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'notText', code: 'FILE_UNREADABLE' },
  },
  {
    file: 'list.ods',
    covers: 'unsupported extension',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'unsupportedType', code: 'INVALID_INPUT' },
  },
  {
    file: 'zip-bomb.xlsx',
    covers: 'zip bomb (sheet inflates to 200 MB of blanks)',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'unpackedTooLarge', code: 'LIMIT_EXCEEDED' },
  },
  {
    file: 'lying-bomb.xlsx',
    covers: 'zip bomb that declares a tiny size',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'unpackedTooLarge', code: 'LIMIT_EXCEEDED' },
  },
  {
    file: 'empty.xlsx',
    covers: 'empty sheet',
    options: { mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'emptySheet', code: 'INVALID_INPUT' },
  },
  {
    file: 'multi-sheet.xlsx',
    covers: 'an empty sheet chosen',
    options: { sheet: 'Empty', mapping: map(0), defaultCountry: CN, rule: voice },
    expect: { failure: 'emptySheet', code: 'INVALID_INPUT' },
  },
  {
    file: 'basic-types.xlsx',
    covers: 'a mapping without a phone column',
    options: { mapping: { phone: null, name: 1, variables: [] }, defaultCountry: CN, rule: voice },
    expect: { failure: 'noPhoneColumn', code: 'INVALID_INPUT' },
  },
];

/** Files used by limit tests that set small limits (not in FIXTURE_CASES). */
export const LIMIT_FILES = { manyRows: 'many-rows.xlsx', rows: 150 } as const;

/** Writes every fixture into `folder` and returns the folder. */
export async function makeListFixtures(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const basic = await basicTypes();
  const files: Record<string, Buffer> = {
    'basic-types.xlsx': basic,
    'leading-zeros.xlsx': leadingZeros(),
    'damaged-numbers.xlsx': damagedNumbers(),
    'date-beside-phone.xlsx': dateBesidePhone(),
    'cover-sheet.xlsx': await coverSheet(),
    'huge-cell.xlsx': hugeCell(),
    'strings-and-formulas.xlsx': stringsAndFormulas(),
    'dates-1900.xlsx': dates(false),
    'dates-1904.xlsx': dates(true),
    'multi-sheet.xlsx': await multiSheet(),
    'empty.xlsx': await emptyWorkbook(),
    [LIMIT_FILES.manyRows]: await manyRows(LIMIT_FILES.rows),
    'utf8-bom.csv': Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        '手机,姓名,备注\r\n13800138000,张三,"VIP, 北京"\r\n013800138001,李四,"two\nlines"\r\n8.61380E+12,王五,\r\n',
      ),
    ]),
    'gbk.csv': gbk(),
    'utf16le.txt': utf16le('Phone\tName\r\n+8613800138000\t张三\r\n13800138001\t李四\r\n', true),
    'utf16le-nobom.csv': utf16le('Phone,Name\r\n13800138001,李四\r\n', false),
    'semicolon.csv': Buffer.from('phone;name\n+44 7911 123456;Ann\n+1 234;Short\n'),
    // Excel in a locale with a decimal comma writes `;` between fields and `,` in numbers.
    'decimal-comma.csv': Buffer.from(
      'Telefon;Name;Betrag\r\n8,61380E+12;Anna;12,50\r\n13800138000;Boris;3,00\r\n1,38001E+10;Clara;\r\n',
    ),
    'forced-text.csv': Buffer.from(
      [
        'phone,name',
        "'13800138000,Apostrophe",
        '="13800138001",Formula',
        '"=""13800138002""",Quoted formula',
        '="+44 7911 123456",London',
        "'0086 138 0013 8003,IDD",
        '="abc",Not a number',
        '',
      ].join('\r\n'),
    ),
    'old.xls': compoundFile(['Workbook', '\u0005SummaryInformation']),
    'protected.xlsx': compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
    'truncated.xlsx': basic.subarray(0, Math.floor(basic.length / 2)),
    'bad-deflate.xlsx': rawXlsx({
      sheets: [{ name: 'Bad', rows: [row(1, n('A1', '13800138000'))] }],
      sheetOverride: { packed: randomBytes(400, 7) },
    }),
    'not-a-workbook.xlsx': Buffer.from('phone,name\n13800138000,Zhang\n'),
    'workbook-named.csv': basic,
    'binary.csv': randomBytes(4096, 3),
    'list.ods': Buffer.from('not read'),
    'zip-bomb.xlsx': zipBomb(200 * 1024 * 1024),
    'lying-bomb.xlsx': zipBomb(64 * 1024 * 1024, 1024),
  };
  for (const [name, data] of Object.entries(files)) await writeFile(join(folder, name), data);
  return folder;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const folder = resolve(process.argv[2] ?? 'test-output/list-fixtures');
  await makeListFixtures(folder);
  console.log(`List fixtures written to ${folder}`);
}
