import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/services/errors';
import { MAX_KEPT_CELL } from '../../../main/services/lists/row-processor';
import { defaultSheet } from '../../../shared/domain/list';
import { FIXTURE_CASES } from '../../../scripts/make-list-fixtures';
import { bothReaders, fixtureFolder, makeService } from './helpers';

let folder = '';

beforeAll(async () => {
  folder = await fixtureFolder();
});

describe('importing each generated fixture gives its documented rows, counts and reasons', () => {
  for (const fixture of FIXTURE_CASES) {
    const expected = fixture.expect;
    it(`${fixture.file}: ${fixture.covers}`, async () => {
      const { service } = makeService();
      const file = join(folder, fixture.file);
      // No sheet named: the import itself opens the first visible sheet that holds rows, as the
      // app's import screen proposes from `inspect` (shared `defaultSheet`).
      if ('sheet' in expected && expected.sheet !== undefined && !fixture.options.sheet) {
        expect(defaultSheet((await service.inspect(file)).sheets)?.name).toBe(expected.sheet);
      }
      const options = fixture.options;
      // The fixture's options are deliberately outside the schema for the "no phone column" case.
      const run = service.import(file, options as never);
      if ('failure' in expected) {
        let error: unknown = null;
        try {
          await run;
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe(expected.code);
        expect((error as AppError).details?.['failure']).toBe(expected.failure);
        expect((error as AppError).text['zh-CN']).not.toBe('');
        expect(service.list()).toEqual([]);
        return;
      }
      const list = await run;
      expect(list.counts).toEqual(expected.counts);
      expect(list.sourceFileName).toBe(fixture.file);
      expect(list.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
      if (expected.encoding !== undefined) expect(list.encoding).toBe(expected.encoding);
      if (expected.sheet !== undefined) expect(list.sheet).toBe(expected.sheet);
      const page = service.rows(list.id, { limit: 1000 });
      expect(page.total).toBe(expected.counts.total);
      for (const row of page.rows) {
        // A cell is kept once, shortened: no stored text grows with the size of the cell.
        expect(row.original.length).toBeLessThanOrEqual(MAX_KEPT_CELL + 1);
        expect(row.reason.length).toBeLessThan(MAX_KEPT_CELL + 400);
      }
      for (const want of expected.rows) {
        const got = page.rows.find((row) => row.rowNumber === want.rowNumber);
        expect(got, `row ${String(want.rowNumber)}`).toBeDefined();
        const { reasonDetail, ...fields } = want;
        expect(got).toMatchObject(fields);
        if (got !== undefined && got.status !== 'valid')
          expect(got.reason.length).toBeGreaterThan(10);
        if (reasonDetail !== undefined && reasonDetail !== null)
          expect(got?.reason).toContain(reasonDetail);
      }
    });
  }
});

describe('the fast sheet reader and the exceljs reference reader', () => {
  const workbooks = FIXTURE_CASES.filter(
    (fixture) =>
      fixture.file.endsWith('.xlsx') &&
      'counts' in fixture.expect &&
      fixture.options.mapping.phone !== null,
  );
  for (const fixture of workbooks) {
    it(`give identical rows for ${fixture.file}${fixture.excelJsDiffers ? ' (apart from the documented difference)' : ''}`, async () => {
      const headerRow =
        fixture.file === 'multi-sheet.xlsx' ? 3 : fixture.file === 'date-beside-phone.xlsx' ? 0 : 1;
      const sheet =
        fixture.options.sheet ?? ('counts' in fixture.expect ? fixture.expect.sheet : undefined);
      const { fast, reference } = await bothReaders(
        join(folder, fixture.file),
        { ...fixture.options, ...(sheet === undefined ? {} : { sheet }) },
        headerRow,
      );
      expect(fast.length).toBeGreaterThan(0);
      if (fixture.file === 'damaged-numbers.xlsx') {
        // exceljs parses <v>8.6138001380000E+12</v> into a float and cannot see the E-notation:
        // the fast reader flags rows 2 and 8 and shows them as stored; exceljs calls them valid.
        const stored = new Set([2, 8]);
        for (const row of fast.filter((r) => stored.has(r.rowNumber))) {
          expect(row).toMatchObject({ status: 'flagged', reasonCode: 'stored-e-notation' });
          expect(row.original).toMatch(/E\+/);
        }
        expect(reference.filter((r) => stored.has(r.rowNumber)).map((r) => r.status)).toEqual([
          'valid',
          'valid',
        ]);
        const rest = (rows: typeof fast) => rows.filter((r) => !stored.has(r.rowNumber));
        expect(rest(fast)).toEqual(rest(reference));
      } else {
        expect(fast).toEqual(reference);
      }
    });
  }
});

describe('the exceljs streaming-reader traps are real in the fixtures (and the importer avoids them)', () => {
  async function streamedRows(file: string): Promise<Map<number, unknown[]>> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(join(folder, file), {
      sharedStrings: 'cache',
      styles: 'ignore',
      worksheets: 'emit',
      hyperlinks: 'ignore',
    });
    const rows = new Map<number, unknown[]>();
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        rows.set(row.number, Array.isArray(row.values) ? row.values : []);
      }
    }
    return rows;
  }

  it('inline rich text comes back as its last run, shared rich text as an object, phonetic text instead of the name, escapes undecoded', async () => {
    const rows = await streamedRows('strings-and-formulas.xlsx');
    expect(rows.get(2)?.[1]).toBe('8000');
    expect(rows.get(3)?.[1]).toHaveProperty('richText');
    expect(rows.get(3)?.[2]).toBe('ヤマダ');
    expect(rows.get(4)?.[2]).toBe('A_x000D_B');
    const { service } = makeService();
    const list = await service.import(join(folder, 'strings-and-formulas.xlsx'), {
      mapping: { phone: 0, name: 1, variables: [2] },
      defaultCountry: 'CN',
      rule: 'itniotech-voice',
    });
    const got = service.rows(list.id).rows;
    expect(got[0]?.original).toBe('13800138000');
    expect(got[1]?.original).toBe('13800138001');
    expect(got[1]?.name).toBe('山田');
    expect(got[2]?.name).toBe('A\rB');
  });

  it('dates come back as serial numbers when styles are not read', async () => {
    const rows = await streamedRows('dates-1904.xlsx');
    expect(rows.get(2)?.[2]).toBe(43831);
  });
});
