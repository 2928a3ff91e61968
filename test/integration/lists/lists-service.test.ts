import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportOptions, ImportProgress } from '../../../shared/domain/list';
import { AppError } from '../../../main/services/errors';
import { SqliteListSource } from '../../../main/services/drafts/sqlite-list-source';
import { readCallees } from '../../../main/services/submissions/callees';
import { LIMIT_FILES } from '../../../scripts/make-list-fixtures';
import { fixtureFolder, makeService } from './helpers';

let folder = '';
const basicOptions: ImportOptions = {
  mapping: { phone: 0, name: 1, variables: [2, 3] },
  defaultCountry: 'CN',
  rule: 'itniotech-voice',
};

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

async function bigCsv(rows: number): Promise<string> {
  const lines = ['phone,name'];
  for (let i = 0; i < rows; i++) lines.push(`138${String(i).padStart(8, '0')},Name ${String(i)}`);
  const file = join(folder, `big-${String(rows)}.csv`);
  await writeFile(file, lines.join('\n'));
  return file;
}

beforeAll(async () => {
  folder = await fixtureFolder();
});

describe('inspect', () => {
  it('lists every sheet with its row count and hidden state', async () => {
    const { service } = makeService();
    const inspection = await service.inspect(join(folder, 'multi-sheet.xlsx'));
    expect(inspection.kind).toBe('xlsx');
    expect(inspection.sheets.map((s) => [s.name, s.rowCount, s.hidden])).toEqual([
      ['Notes', 1, false],
      ['Customers', 5, false],
      ['Empty', 0, false],
      ['Hidden', 2, true],
    ]);
  });

  it('reports the detected encoding and separator of a text file, and accepts an override', async () => {
    const { service } = makeService();
    const gbk = await service.inspect(join(folder, 'gbk.csv'));
    expect(gbk.encoding).toEqual({ detected: 'gb18030', bom: false, confident: false });
    const bom = await service.inspect(join(folder, 'utf8-bom.csv'));
    expect(bom.encoding).toMatchObject({ detected: 'utf-8', bom: true });
    expect(bom.delimiter).toBe(',');
    const tabs = await service.inspect(join(folder, 'utf16le.txt'));
    expect(tabs.delimiter).toBe('\t');
    const forced = await service.preview(join(folder, 'gbk.csv'), { encoding: 'utf-8' });
    expect(forced.encoding).toBe('utf-8');
    expect(forced.rows[0]?.cells[1]).not.toBe('张三');
  });
});

describe('preview', () => {
  it('detects a header row below a title row and guesses the mapping from Chinese headers', async () => {
    const { service } = makeService();
    const preview = await service.preview(join(folder, 'multi-sheet.xlsx'), { sheet: 'Customers' });
    expect(preview.headerRow).toBe(3);
    expect(preview.headers).toEqual(['手机', '姓名', '城市']);
    expect(preview.mapping).toEqual({ phone: 0, name: 1, variables: [2] });
    expect(preview.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);
  });

  it('shows at most 50 rows, honours a header row the user picked, and finds phones by their values', async () => {
    const { service } = makeService();
    const file = await bigCsv(200);
    const preview = await service.preview(file, { headerRow: 0 });
    expect(preview.headerRow).toBe(0);
    expect(preview.rows).toHaveLength(50);
    expect(preview.rows[0]?.cells).toEqual(['phone', 'name']);
    expect(preview.headers).toEqual(['A', 'B']);
    expect(preview.mapping?.phone).toBe(0);
  });

  it('never proposes a date-formatted column as the phone column, even before the phones', async () => {
    const { service } = makeService();
    const preview = await service.preview(join(folder, 'date-beside-phone.xlsx'));
    expect(preview.headerRow).toBe(0);
    // The date cells read as ISO text, eight digits and dashes, which alone looks phone-like.
    expect(preview.rows[0]?.cells).toEqual(['2024-03-01', '13800138000', 'Ann']);
    expect(preview.mapping).toEqual({ phone: 1, name: null, variables: [0, 2] });
  });

  it('applies a saved recipe to the next file with the same headers', async () => {
    const { service } = makeService();
    const first = await service.preview(join(folder, 'basic-types.xlsx'));
    expect(first.recipe).toBeNull();
    service.saveRecipe({
      name: 'CRM export',
      headers: first.headers,
      mapping: { phone: 0, name: 3, variables: [1] },
      defaultCountry: 'CN',
      rule: 'itniotech-ai',
    });
    const second = await service.preview(join(folder, 'basic-types.xlsx'));
    expect(second.recipe?.name).toBe('CRM export');
    expect(second.mapping).toEqual({ phone: 0, name: 3, variables: [1] });
    expect(service.recipes()).toHaveLength(1);
    service.removeRecipe(second.recipe?.id ?? '');
    expect(service.recipes()).toEqual([]);
  });
});

describe('import runs in a worker with progress and cancel', () => {
  it('reports progress at least four times a second with rows, bytes and speed', async () => {
    const { service } = makeService();
    const file = await bigCsv(150_000);
    const updates: { at: number; progress: ImportProgress }[] = [];
    const list = await service.import(
      file,
      { mapping: { phone: 0, name: 1, variables: [] }, defaultCountry: 'CN', rule: 'yccall' },
      { onProgress: (progress) => updates.push({ at: performance.now(), progress }) },
    );
    expect(list.counts.total).toBe(150_000);
    expect(updates.at(-1)?.progress.phase).toBe('done');
    expect(updates.at(-1)?.progress.rowsRead).toBe(150_001);
    const reading = updates.filter((u) => u.progress.phase === 'reading');
    // At least four updates a second over the whole read, and never a stall: a loaded 2-core
    // machine may delay one message a little, so single gaps get a generous bound.
    const span = (reading.at(-1)?.at ?? 0) - (reading[0]?.at ?? 0);
    expect(reading.length - 1).toBeGreaterThanOrEqual(Math.floor((span / 1000) * 4));
    for (let i = 1; i < reading.length; i++) {
      expect((reading[i]?.at ?? 0) - (reading[i - 1]?.at ?? 0)).toBeLessThan(1000);
    }
    expect(reading.some((u) => u.progress.bytesRead > 0 && u.progress.rowsPerSecond > 0)).toBe(
      true,
    );
  });

  it('cancels and leaves nothing behind', async () => {
    const { service, repository } = makeService();
    const file = await bigCsv(300_000);
    const controller = new AbortController();
    let rowsSeen = 0;
    const error = await failure(
      service.import(
        file,
        { mapping: { phone: 0, name: 1, variables: [] }, defaultCountry: 'CN', rule: 'yccall' },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            rowsSeen = progress.rowsRead;
            if (progress.rowsRead > 20_000) controller.abort();
          },
        },
      ),
    );
    expect(error.code).toBe('CANCELLED');
    expect(rowsSeen).toBeGreaterThan(20_000);
    expect(service.list()).toEqual([]);
    expect(repository.page('list-1', {}, 0, 10).total).toBe(0);
  });

  it('refuses more rows than the limit and a file above the size limit, keeping nothing', async () => {
    const { service } = makeService({ maxRows: 100 });
    const rows = await failure(
      service.import(join(folder, LIMIT_FILES.manyRows), {
        ...basicOptions,
        mapping: { phone: 0, name: null, variables: [] },
      }),
    );
    expect(rows.code).toBe('LIMIT_EXCEEDED');
    expect(rows.details?.['failure']).toBe('tooManyRows');
    const small = makeService({ maxFileBytes: 1000 }).service;
    const size = await failure(small.inspect(join(folder, 'basic-types.xlsx')));
    expect(size.details?.['failure']).toBe('fileTooLarge');
    expect(service.list()).toEqual([]);
  });

  it('refuses a mapping column the sheet does not have', async () => {
    const { service } = makeService();
    const error = await failure(
      service.import(join(folder, 'basic-types.xlsx'), {
        ...basicOptions,
        mapping: { phone: 9, name: null, variables: [] },
      }),
    );
    expect(error.details?.['failure']).toBe('badColumn');
    expect(service.list()).toEqual([]);
  });
});

describe('stored lists', () => {
  it('are listed with counts, read in pages, filtered, searched, exported and removed', async () => {
    const { service } = makeService();
    const list = await service.import(join(folder, 'basic-types.xlsx'), basicOptions);
    expect(service.list().map((l) => l.id)).toEqual([list.id]);
    expect(service.get(list.id).columnNames).toEqual({
      phone: 'Phone',
      name: 'Name',
      variables: ['City', 'Joined'],
    });
    const page = service.rows(list.id, { offset: 2, limit: 3 });
    expect(page.total).toBe(11);
    expect(page.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);
    expect(service.rows(list.id, { filter: ['invalid'] }).rows.map((r) => r.rowNumber)).toEqual([
      8, 9, 10,
    ]);
    expect(service.rows(list.id, { search: 'Li Si' }).rows.map((r) => r.rowNumber)).toEqual([3, 7]);
    expect(service.rows(list.id, { search: '%' }).total).toBe(0);

    const clean = join(folder, 'clean.xlsx');
    const report = join(folder, 'report.xlsx');
    expect(await service.exportClean(list.id, clean)).toEqual({ rows: 7 });
    expect(await service.exportReport(list.id, report)).toEqual({ rows: 8 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(clean);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Phone (E.164)',
      'Number for vendor',
      'Name',
      'City',
      'Joined',
      'Source row',
    ]);
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      '+8613800138000',
      '8613800138000',
      'Zhang San',
      'Beijing',
      '2024-03-01',
      2,
    ]);
    const problems = new ExcelJS.Workbook();
    await problems.xlsx.readFile(report);
    const rows = problems.worksheets[0]?.getSheetValues() ?? [];
    const duplicate = rows.find((r) => Array.isArray(r) && r[1] === 7);
    expect(duplicate).toEqual([
      undefined,
      7,
      'duplicate',
      '13800138001',
      '+8613800138001',
      'Same number as row 3; only the first is kept.',
    ]);

    service.remove(list.id);
    expect(service.list()).toEqual([]);
    expect(() => service.get(list.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('count and filter numbers Excel damaged (flagged) apart from invalid ones, and report them with their reason', async () => {
    const { service } = makeService();
    const list = await service.import(join(folder, 'damaged-numbers.xlsx'), {
      mapping: { phone: 0, name: null, variables: [] },
      defaultCountry: 'CN',
      rule: 'itniotech-voice',
    });
    expect(service.get(list.id).counts).toEqual({
      total: 7,
      valid: 1,
      fixed: 0,
      invalid: 1,
      flagged: 5,
      duplicate: 0,
    });
    const flagged = service.rows(list.id, { filter: ['flagged'] });
    expect(flagged.total).toBe(5);
    expect(flagged.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 8]);
    expect(flagged.rows[0]).toMatchObject({
      original: '8.6138001380000E+12',
      phone: null,
      reasonCode: 'stored-e-notation',
    });
    expect(flagged.rows[0]?.reason).toContain('(8.6138001380000E+12)');
    expect(service.rows(list.id, { filter: ['invalid'] }).rows.map((r) => r.rowNumber)).toEqual([
      7,
    ]);

    const clean = join(folder, 'damaged-clean.xlsx');
    const report = join(folder, 'damaged-report.xlsx');
    expect(await service.exportClean(list.id, clean)).toEqual({ rows: 1 });
    expect(await service.exportReport(list.id, report)).toEqual({ rows: 6 });
    const problems = new ExcelJS.Workbook();
    await problems.xlsx.readFile(report);
    const rows = (problems.worksheets[0]?.getSheetValues() ?? []).filter(Array.isArray);
    const byRow = new Map(rows.map((r) => [r[1], r]));
    expect(byRow.get(2)).toEqual([
      undefined,
      2,
      'flagged',
      '8.6138001380000E+12',
      undefined,
      'Excel stored this number in scientific notation (8.6138001380000E+12), so digits may be lost. It was not guessed: format the column as Text, re-enter the number and import again.',
    ]);
    expect(byRow.get(7)?.[2]).toBe('invalid');
    expect([3, 4, 5, 8].map((n) => byRow.get(n)?.[2])).toEqual([
      'flagged',
      'flagged',
      'flagged',
      'flagged',
    ]);
  });
});

describe('the worker writes the list on its own connection', () => {
  it('stores the same list, with the fingerprint of its callable rows, as an in-memory import', async () => {
    const fromFile = makeService();
    const fromMemory = makeService({}, { memory: true });
    const file = join(folder, 'basic-types.xlsx');
    const written = await fromFile.service.import(file, basicOptions);
    const posted = await fromMemory.service.import(file, basicOptions);
    expect(written.counts).toEqual(posted.counts);
    expect(fromFile.service.rows(written.id, { limit: 100 }).rows).toEqual(
      fromMemory.service.rows(posted.id, { limit: 100 }).rows,
    );
    // The fingerprint stored at import is what reading the rows gives (the outbox trusts it).
    for (const { db, list } of [
      { db: fromFile.db, list: written },
      { db: fromMemory.db, list: posted },
    ]) {
      const source = new SqliteListSource(db);
      const summary = await source.summary(list.id);
      const read = await readCallees(source, list.id, { keep: false });
      expect(summary?.callees).toEqual({ count: read.count, sha256: read.sha256 });
      expect(read.count).toBe(list.counts.valid + list.counts.fixed);
    }
  });

  it('fails in words when the database refuses a write, and leaves nothing', async () => {
    const { service, db } = makeService();
    // The database refuses a row well into the import (as a full disk would).
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON list_rows WHEN NEW.seq = 60000
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const file = await bigCsv(80_000);
    const error = await failure(
      service.import(file, {
        mapping: { phone: 0, name: 1, variables: [] },
        defaultCountry: 'CN',
        rule: 'yccall',
      }),
    );
    expect(error.details?.['failure']).toBe('notSaved');
    expect(error.text.en).toMatch(/could not be saved/);
    expect(error.text['zh-CN']).toMatch(/无法保存/);
    expect(service.list()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM list_rows').get()?.['n']).toBe(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM lists').get()?.['n']).toBe(0);
  });

  it('lets the main thread write while a large import runs', async () => {
    const { service, db } = makeService();
    const file = await bigCsv(200_000);
    db.exec('CREATE TABLE scratch (at REAL)');
    const insert = db.prepare('INSERT INTO scratch (at) VALUES (?)');
    const waits: number[] = [];
    const list = await service.import(
      file,
      { mapping: { phone: 0, name: 1, variables: [] }, defaultCountry: 'CN', rule: 'yccall' },
      {
        onProgress: (progress) => {
          if (progress.phase !== 'reading') return;
          // A draft autosave or a journal entry on the main thread, while the worker writes.
          const started = performance.now();
          insert.run(started);
          waits.push(performance.now() - started);
        },
      },
    );
    expect(list.counts.total).toBe(200_000);
    expect(waits.length).toBeGreaterThan(3);
    // Each write waits at most for one batch of the worker's, never for the whole import
    // (which would hold SQLite's one write lock for seconds and then fail as busy).
    expect(Math.max(...waits)).toBeLessThan(1000);
  });
});
