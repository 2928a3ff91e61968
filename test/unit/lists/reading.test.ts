import { describe, expect, it } from 'vitest';
import {
  classifyFormat,
  columnIndex,
  numberCell,
  serialToIso,
  stringCell,
  type SheetRow,
} from '../../../main/services/lists/cell';
import { mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectEncoding } from '../../../main/services/lists/csv/encoding';
import { detectDelimiter, readCsvRows } from '../../../main/services/lists/csv/csv-reader';
import { DEFAULT_LIMITS } from '../../../main/services/lists/limits';
import { detectHeaderRow, guessMapping, isDateCell } from '../../../main/services/lists/mapping';
import { describeReason } from '../../../main/services/lists/reasons';
import { parseSharedStrings } from '../../../main/services/lists/xlsx/workbook-parts';
import { decodeCellText } from '../../../main/services/lists/xlsx/xml-text';
import {
  FLAGGED_PROBLEMS,
  MAX_KEPT_CELL,
  problemStatus,
  RowProcessor,
  type RowProblem,
} from '../../../main/services/lists/row-processor';
import { defaultSheet } from '../../../shared/domain/list';
import { checkPhone } from '../../../shared/util/phone-normalize';

describe('number cells', () => {
  it('come from the stored value and keep zero padding from the format', () => {
    expect(numberCell('13800138000', { kind: 'general' }, false).text).toBe('13800138000');
    expect(numberCell('7911123456', { kind: 'zero-pad', width: 11 }, false).text).toBe(
      '07911123456',
    );
  });

  it('flag numbers Excel damaged instead of guessing', () => {
    expect(numberCell('8.6138E+12', { kind: 'general' }, false).damage).toBe('e-notation');
    expect(numberCell('12345678901234567', { kind: 'general' }, false).damage).toBe('precision');
    expect(numberCell('138.5', { kind: 'general' }, false).damage).toBe('fraction');
    expect(numberCell('123456789012345', { kind: 'general' }, false).damage).toBeNull();
  });

  it('keep a damaged number as the cell held it, not a float printed back with made-up digits', () => {
    const general = { kind: 'general' } as const;
    // Printed back from the float these read 8613800138000 and 12345678901234568.
    expect(numberCell('8.6138001380000E+12', general, false)).toEqual({
      text: '8.6138001380000E+12',
      kind: 'number',
      damage: 'e-notation',
    });
    expect(numberCell('1.3800138008E+10', general, false).text).toBe('1.3800138008E+10');
    expect(numberCell('12345678901234567', general, false).text).toBe('12345678901234567');
    expect(numberCell('207.946', { kind: 'zero-pad', width: 11 }, false).text).toBe('207.946');
    expect(numberCell('13800138000', general, false).text).toBe('13800138000');
  });

  it('turn dates into ISO text in both date systems', () => {
    expect(serialToIso(43831, { kind: 'date', withTime: false, timeOnly: false }, false)).toBe(
      '2020-01-01',
    );
    expect(serialToIso(43831, { kind: 'date', withTime: false, timeOnly: false }, true)).toBe(
      '2024-01-02',
    );
    expect(serialToIso(59, { kind: 'date', withTime: false, timeOnly: false }, false)).toBe(
      '1900-02-28',
    );
    expect(serialToIso(0.75, { kind: 'date', withTime: true, timeOnly: true }, false)).toBe(
      '18:00:00',
    );
  });

  it('classify formats', () => {
    expect(classifyFormat(14, undefined).kind).toBe('date');
    expect(classifyFormat(164, 'yyyy"年"m"月"d"日"').kind).toBe('date');
    expect(classifyFormat(11, '0.00E+00').kind).toBe('general');
    expect(classifyFormat(165, '[Red]0.00').kind).toBe('general');
    expect(classifyFormat(166, '00000000000')).toEqual({ kind: 'zero-pad', width: 11 });
    expect(columnIndex('AB12')).toBe(27);
  });
});

describe('strings', () => {
  it('decode entities and _xHHHH_ escapes, skip phonetic runs, join rich-text runs', () => {
    expect(decodeCellText('a&amp;b_x000D_c&#x4E2D;')).toBe('a&b\rc中');
    expect(decodeCellText('_x005F_x0041_')).toBe('_x0041_');
    expect(
      parseSharedStrings(
        '<sst><si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></si><si><r><t>1</t></r><r><t xml:space="preserve">2 </t></r></si><si/></sst>',
      ),
    ).toEqual(['山田', '12 ', '']);
  });
});

describe('text files', () => {
  async function csvRows(text: string): Promise<string[][]> {
    const file = join(await mkdtemp(join(tmpdir(), 'csv-')), 'rows.csv');
    await writeFile(file, text);
    const handle = await open(file, 'r');
    try {
      const rows: string[][] = [];
      for await (const batch of readCsvRows(handle, 'utf-8', 0, ',', DEFAULT_LIMITS)) {
        for (const row of batch) rows.push(row.cells.map((cell) => cell?.text ?? ''));
      }
      return rows;
    } finally {
      await handle.close();
    }
  }

  it('keep ="…" whole: a quote opens a quoted field only at its start, as Excel reads it', async () => {
    expect(
      await csvRows(
        '="13800138000",a\n"=""13800138001""",b\n5" screen,"x, ""y""",c\n"two\nlines",d\n',
      ),
    ).toEqual([
      ['="13800138000"', 'a'],
      ['="13800138001"', 'b'],
      ['5" screen', 'x, "y"', 'c'],
      ['two\nlines', 'd'],
    ]);
  });

  it('detect BOMs, UTF-16 without BOM, UTF-8 and GB18030', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).detected).toBe('utf-8');
    expect(detectEncoding(Buffer.from('phone,name\r\n', 'utf16le')).detected).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('手机,姓名')).detected).toBe('utf-8');
    expect(detectEncoding(Buffer.from('cad6bbfa2cd0d5c3fb', 'hex')).detected).toBe('gb18030');
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('"a,b"\tc\n1\t2\n')).toBe('\t');
  });
});

const textRow = (rowNumber: number, ...texts: string[]): SheetRow => ({
  rowNumber,
  cells: texts.map(stringCell),
});

describe('header row and mapping', () => {
  it('find the header under a title row, or none when data starts at once', () => {
    expect(
      detectHeaderRow([
        textRow(1, 'Customers'),
        textRow(2, 'Phone', 'Name'),
        textRow(3, '13800138000', 'A'),
      ]),
    ).toBe(2);
    expect(detectHeaderRow([textRow(1, '13800138000', 'A'), textRow(2, '13800138001', 'B')])).toBe(
      0,
    );
  });

  it('guess phone and name columns by header words, else phones by values', () => {
    const sample = [textRow(2, 'x', '13800138000', 'Ann', 'VIP')];
    expect(guessMapping(['Id', '手机号码', '姓名', 'Tag'], true, sample)).toEqual({
      phone: 1,
      name: 2,
      variables: [0, 3],
    });
    expect(guessMapping(['A', 'B', 'C', 'D'], false, sample)).toEqual({
      phone: 1,
      name: null,
      variables: [0, 2, 3],
    });
    expect(guessMapping(['A'], false, [textRow(1, 'hello')])).toBeNull();
  });

  const dateCell = (text: string) => ({ text, kind: 'date' as const, damage: null });
  const phoneNumber = (text: string) => ({ text, kind: 'number' as const, damage: null });

  it('never take a date column for the phone column, by values or by header words', () => {
    // A date-formatted cell's text is ISO (eight digits and dashes), which alone looks phone-like.
    const sample: SheetRow[] = [1, 2, 3].map((n) => ({
      rowNumber: n,
      cells: [dateCell(`2024-03-0${String(n)}`), phoneNumber(`1380013800${String(n)}`)],
    }));
    expect(guessMapping(['A', 'B'], false, sample)).toEqual({
      phone: 1,
      name: null,
      variables: [0],
    });
    // "Phone call-back date" matches the phone words; its dates rule it out.
    expect(guessMapping(['电话回访日期', '手机'], true, sample)?.phone).toBe(1);
    // Dates written as text in a CSV: ISO and day-first with dots.
    const csv = [textRow(2, '2024-03-01', '01.03.2024', '+86 138 0013 8000')];
    expect(guessMapping(['A', 'B', 'C'], false, csv)?.phone).toBe(2);
    expect(isDateCell(stringCell('2024-03-01T08:30:00'))).toBe(true);
    expect(isDateCell(stringCell('138-0013-8000'))).toBe(false);
    expect(isDateCell(stringCell('0207.9460000'))).toBe(false);
    // Data rows that start with a date are still data, not a header.
    expect(detectHeaderRow(sample)).toBe(0);
  });
});

describe('phone checks', () => {
  it('normalize to E.164 and name what changed', () => {
    expect(checkPhone('+86 138-0013-8000', 'CN', 'itniotech-voice')).toMatchObject({
      ok: true,
      e164: '+8613800138000',
      changes: ['formatting'],
    });
    expect(checkPhone('8613800138000', 'CN', 'itniotech-voice')).toMatchObject({
      ok: true,
      changes: [],
    });
    expect(checkPhone('07911 123456', 'GB', 'none')).toMatchObject({
      ok: true,
      e164: '+447911123456',
      changes: ['formatting', 'country-code-added', 'trunk-prefix-removed'],
    });
  });

  it('read numbers that a spreadsheet or CRM export forced to text', () => {
    for (const forced of ["'13800138000", '="13800138000"', "' 138 0013 8000"]) {
      expect(checkPhone(forced, 'CN', 'yccall')).toMatchObject({
        ok: true,
        e164: '+8613800138000',
        changes: expect.arrayContaining(['formatting']) as unknown,
      });
    }
    expect(checkPhone('="0044 7911 123456"', 'CN', 'none')).toMatchObject({
      ok: true,
      e164: '+447911123456',
    });
    expect(checkPhone("'", 'CN', 'none')).toMatchObject({ ok: false, problem: 'empty' });
    expect(checkPhone('="abc"', 'CN', 'none')).toMatchObject({ ok: false, problem: 'letters' });
  });

  it('use real validity (max metadata), not only length', () => {
    expect(checkPhone('10000000000', 'CN', 'none')).toMatchObject({
      ok: false,
      problem: 'not-valid',
    });
    expect(checkPhone('8.61380E+12', 'CN', 'none')).toMatchObject({
      ok: false,
      problem: 'text-e-notation',
    });
    // The same from a locale with a decimal comma: Excel lost the digits, not "letters".
    for (const comma of ['8,61380E+12', '8,6138E12', '1,38001E+10']) {
      expect(checkPhone(comma, 'CN', 'none')).toMatchObject({
        ok: false,
        problem: 'text-e-notation',
      });
    }
    expect(checkPhone('13800138000', null, 'none')).toMatchObject({
      ok: false,
      problem: 'no-country',
    });
    expect(checkPhone('tel 138', 'CN', 'none')).toMatchObject({ ok: false, problem: 'letters' });
  });

  it('put reasons in words in both languages', () => {
    expect(describeReason('duplicate', '3', 'en')).toBe(
      'Same number as row 3; only the first is kept.',
    );
    expect(describeReason('formatting,country-code-added', '+86', 'zh-CN')).toBe(
      '已去除空格和标点；已添加国家代码 +86。',
    );
    expect(describeReason(null, null, 'en')).toBe('');
  });
});

describe('the sheet an import opens by default', () => {
  const sheet = (name: string, rowCount: number, hidden = false) => ({
    index: 0,
    name,
    hidden,
    rowCount,
  });

  it('skips an empty first sheet for a later one that holds the list', () => {
    expect(defaultSheet([sheet('Cover', 0), sheet('Customers', 1200)])?.name).toBe('Customers');
  });

  it('never opens a hidden sheet while a visible one has rows, and falls back in order', () => {
    expect(
      defaultSheet([sheet('Secret', 50, true), sheet('Notes', 0), sheet('List', 9)])?.name,
    ).toBe('List');
    expect(defaultSheet([sheet('Empty', 0), sheet('Also empty', 0)])?.name).toBe('Empty');
    expect(defaultSheet([sheet('Only hidden', 5, true)])?.name).toBe('Only hidden');
    expect(defaultSheet([])).toBeUndefined();
  });
});

describe('numbers Excel damaged', () => {
  const processor = () =>
    new RowProcessor({
      mapping: { phone: 0, name: null, variables: [] },
      headerRow: 0,
      defaultCountry: 'CN',
      rule: 'itniotech-voice',
    });
  const cell = (text: string, kind: 'string' | 'number' = 'string') =>
    kind === 'string' ? stringCell(text) : numberCell(text, { kind: 'general' }, false);

  it('are flagged and counted apart from invalid rows (empty, letters, wrong length, errors, dates)', () => {
    const rows = processor();
    const got = [
      [cell('8.6138001380000E+12', 'number')],
      [cell('62220212345678901', 'number')],
      [cell('13800138000.5', 'number')],
      [cell('8,61380E+12')],
      [cell('call me')],
      [],
      [cell('12345')],
      [{ text: '#N/A', kind: 'error' as const, damage: null }],
      [{ text: '2024-03-01', kind: 'date' as const, damage: null }],
      [cell('13800138000')],
    ].map((cells, i) => rows.process({ rowNumber: i + 1, cells }));
    expect(got.map((row) => [row?.status, row?.reasonCode])).toEqual([
      ['flagged', 'stored-e-notation'],
      ['flagged', 'lost-digits'],
      ['flagged', 'not-whole-number'],
      ['flagged', 'text-e-notation'],
      ['invalid', 'letters'],
      ['invalid', 'empty'],
      ['invalid', 'too-short'],
      ['invalid', 'cell-error'],
      ['invalid', 'date-cell'],
      ['valid', null],
    ]);
    expect(got[0]).toMatchObject({
      original: '8.6138001380000E+12',
      reasonDetail: '8.6138001380000E+12',
      phone: null,
    });
    expect(rows.counts()).toEqual({
      total: 10,
      valid: 1,
      fixed: 0,
      invalid: 5,
      flagged: 4,
      duplicate: 0,
    });
  });

  it('are exactly the four damage reasons; every other problem stays invalid', () => {
    expect([...FLAGGED_PROBLEMS].sort()).toEqual([
      'lost-digits',
      'not-whole-number',
      'stored-e-notation',
      'text-e-notation',
    ]);
    const others: RowProblem[] = [
      'empty',
      'letters',
      'no-country',
      'invalid-country',
      'too-short',
      'too-long',
      'not-valid',
      'vendor-length',
      'cell-error',
      'formula-no-result',
      'date-cell',
    ];
    expect(others.map(problemStatus)).toEqual(others.map(() => 'invalid'));
    expect(describeReason('not-whole-number', '207.946', 'zh-CN')).toContain('207.946');
  });

  it('name a forced-text change once in the reason', () => {
    const row = processor().process({ rowNumber: 2, cells: [cell('="+44 7911 123456"')] });
    expect(row).toMatchObject({ status: 'fixed', reasonCode: 'formatting' });
  });
});

describe('a huge phone cell', () => {
  it('is kept as its beginning, once, and still refused with its reason', () => {
    const processor = new RowProcessor({
      mapping: { phone: 0, name: null, variables: [] },
      headerRow: 0,
      defaultCountry: 'CN',
      rule: 'yccall',
    });
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const row = processor.process({
      rowNumber: 2,
      cells: [{ text: huge, kind: 'string', damage: null }],
    });
    expect(row?.status).toBe('invalid');
    expect(row?.reasonCode).toBe('letters');
    expect(row?.original).toHaveLength(MAX_KEPT_CELL + 1);
    expect(row?.original.endsWith('…')).toBe(true);
    expect((row?.reasonDetail ?? '').length).toBeLessThanOrEqual(MAX_KEPT_CELL + 1);
  });
});
