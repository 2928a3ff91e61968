import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/services/errors';
import type { ImportOptions } from '../../../shared/domain/list';
import { bothReaders, fixtureFolder, makeService } from './helpers';

let folder = '';
const options: ImportOptions = {
  mapping: { phone: 0, name: null, variables: [] },
  defaultCountry: 'CN',
  rule: 'yccall',
};

/** A small deterministic random generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/** Imports `file`; the outcome must be a list or an AppError other than INTERNAL, within 15 s. */
async function settles(file: string): Promise<string> {
  const { service } = makeService();
  const started = performance.now();
  try {
    await service.import(file, options);
    return 'imported';
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code, JSON.stringify(appError.details)).not.toBe('INTERNAL');
    expect(service.list()).toEqual([]);
    return appError.code;
  } finally {
    expect(performance.now() - started).toBeLessThan(15_000);
  }
}

beforeAll(async () => {
  folder = await fixtureFolder();
});

describe('fuzzed inputs end in a list or a clear error, never a crash or a hang', () => {
  it('truncated workbooks', async () => {
    const source = await readFile(join(folder, 'strings-and-formulas.xlsx'));
    const next = random(1);
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const file = join(folder, `truncated-${String(i)}.xlsx`);
      await writeFile(file, source.subarray(0, Math.floor(next() * source.length)));
      outcomes.push(await settles(file));
    }
    expect(outcomes.every((o) => o !== 'imported')).toBe(true);
  });

  it('bit-flipped workbooks and CSVs', async () => {
    const next = random(2);
    for (const name of ['basic-types.xlsx', 'strings-and-formulas.xlsx', 'utf8-bom.csv']) {
      const source = await readFile(join(folder, name));
      for (let i = 0; i < 8; i++) {
        const copy = Buffer.from(source);
        for (let flips = 0; flips < 4; flips++) {
          const at = Math.floor(next() * copy.length);
          copy[at] = (copy[at] ?? 0) ^ (1 << Math.floor(next() * 8));
        }
        const file = join(folder, `flipped-${String(i)}-${name}`);
        await writeFile(file, copy);
        await settles(file);
      }
    }
  });

  it('random bytes under every accepted extension', async () => {
    const next = random(3);
    for (const extension of ['.xlsx', '.xlsm', '.csv', '.txt']) {
      for (let i = 0; i < 3; i++) {
        const bytes = Buffer.alloc(1 + Math.floor(next() * 20_000), 0);
        for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(next() * 256);
        if (i === 0 && extension.startsWith('.xls')) bytes.write('PK\u0003\u0004', 0, 'latin1');
        const file = join(folder, `random-${String(i)}${extension}`);
        await writeFile(file, bytes);
        await settles(file);
      }
    }
  });

  it('zip bombs stop at the limit without using the memory they ask for', async () => {
    const before = process.memoryUsage().rss;
    expect(await settles(join(folder, 'zip-bomb.xlsx'))).toBe('LIMIT_EXCEEDED');
    expect(await settles(join(folder, 'lying-bomb.xlsx'))).toBe('LIMIT_EXCEEDED');
    // The worker's memory is in this process; a 200 MB bomb must not have been held.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });
});

describe('random workbooks written by exceljs read identically with both readers', () => {
  it('numbers, text, zero-padded, dates, booleans and long numbers', async () => {
    const next = random(4);
    for (let w = 0; w < 4; w++) {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Fuzz');
      sheet.addRow(['Phone', 'Name', 'Extra']);
      for (let r = 0; r < 200; r++) {
        const pick = Math.floor(next() * 7);
        const digits = String(Math.floor(next() * 1e10)).padStart(10, '0');
        const phone: ExcelJS.CellValue =
          pick === 0
            ? Number(`13${digits.slice(1)}`)
            : pick === 1
              ? `+86 13${digits.slice(0, 9)}`
              : pick === 2
                ? Number(`${digits}${digits}`)
                : pick === 3
                  ? next() * 1e6
                  : pick === 4
                    ? new Date(Date.UTC(2000 + (r % 20), r % 12, 1 + (r % 28)))
                    : pick === 5
                      ? next() > 0.5
                      : `0${digits}`;
        const row = sheet.addRow([
          phone,
          `Name ${String(r)} &<>"'`,
          pick % 2 === 0 ? Math.round(next() * 1000) / 8 : null,
        ]);
        if (pick === 4) row.getCell(1).numFmt = 'yyyy-mm-dd';
        if (pick === 0 && r % 3 === 0) row.getCell(1).numFmt = '000000000000';
      }
      const file = join(folder, `fuzz-${String(w)}.xlsx`);
      await workbook.xlsx.writeFile(file);
      const { fast, reference } = await bothReaders(
        file,
        { ...options, mapping: { phone: 0, name: 1, variables: [2] } },
        1,
      );
      expect(fast).toHaveLength(200);
      expect(fast).toEqual(reference);
    }
  });
});
