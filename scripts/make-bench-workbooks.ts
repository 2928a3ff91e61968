/**
 * Writes the import benchmark workbooks with exceljs's streaming writer (shared strings on, as
 * Excel writes them): `bench-100k.xlsx` (100,000 rows x 6 columns: phone as text, phone as
 * number, name, two text fields, a date) and `bench-1m.xlsx` (1,000,000 rows x 2 columns: phone
 * as text, name). `npx tsx scripts/make-bench-workbooks.ts [folder]`, default test-output/bench.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

/** The benchmark workbooks, by size. */
export const BENCH_WORKBOOKS = {
  '100k': { file: 'bench-100k.xlsx', rows: 100_000, columns: 6 },
  '1m': { file: 'bench-1m.xlsx', rows: 1_000_000, columns: 2 },
} as const;

async function write(file: string, rows: number, wide: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('List');
  sheet
    .addRow(wide ? ['Phone', 'Phone number', 'Name', 'City', 'Note', 'Joined'] : ['Phone', 'Name'])
    .commit();
  for (let i = 0; i < rows; i++) {
    // Distinct valid Chinese mobile numbers, with a few repeats to exercise dedupe.
    const n = i % 997 === 0 && i > 0 ? i - 1 : i;
    const phone = `13${String(n * 7 + 100_000_000).slice(-9)}`;
    if (wide) {
      const row = sheet.addRow([
        phone,
        Number(`86${phone}`),
        `Customer ${String(i)}`,
        ['Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen'][i % 4],
        `Note ${String(i % 1000)}`,
        new Date(Date.UTC(2020, 0, 1 + (i % 1500))),
      ]);
      row.getCell(6).numFmt = 'yyyy-mm-dd';
      row.commit();
    } else {
      sheet.addRow([phone, `Customer ${String(i)}`]).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

/** Writes the workbooks that are missing; returns their paths. */
export async function makeBenchWorkbooks(
  folder: string,
): Promise<Record<keyof typeof BENCH_WORKBOOKS, string>> {
  await mkdir(folder, { recursive: true });
  const paths = { '100k': '', '1m': '' };
  for (const [size, spec] of Object.entries(BENCH_WORKBOOKS) as [
    keyof typeof BENCH_WORKBOOKS,
    (typeof BENCH_WORKBOOKS)[keyof typeof BENCH_WORKBOOKS],
  ][]) {
    const file = join(folder, spec.file);
    paths[size] = file;
    try {
      await stat(file);
    } catch {
      await write(file, spec.rows, spec.columns === 6);
    }
  }
  return paths;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const paths = await makeBenchWorkbooks(resolve(process.argv[2] ?? 'test-output/bench'));
  console.log(paths);
}
