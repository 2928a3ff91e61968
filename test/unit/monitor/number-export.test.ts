import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NumberResult } from '../../../shared/domain/task';
import { exportNumberResults } from '../../../main/services/monitor/number-export';
import type { Page } from '../../../main/services/vendors/vendor';

const result = (i: number): NumberResult => ({
  phone: `1380000${String(i).padStart(4, '0')}`,
  outcome: i % 2 === 0 ? 'answered' : 'no-answer',
  vendorStatus: { code: String(i % 2), label: i % 2 === 0 ? 'answered' : 'not answered' },
  calledAt: i === 0 ? null : new Date(Date.UTC(2026, 0, 1, 8, 0, i)).toISOString(),
  durationSeconds: i,
  agent: i % 3 === 0 ? null : `agent-${i}`,
});

/** A vendor-like loader over `count` numbers, 100 a page, counting the pages asked for. */
function loader(count: number, withTotal: boolean) {
  const asked: number[] = [];
  const load = async (page: number): Promise<Page<NumberResult>> => {
    asked.push(page);
    const items = Array.from(
      { length: Math.max(0, Math.min(100, count - (page - 1) * 100)) },
      (_, i) => result((page - 1) * 100 + i),
    );
    return { items, page, pageSize: 100, total: withTotal ? count : null };
  };
  return { load, asked };
}

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'numbers-export-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function readBack(file: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values;
    rows.push(Array.isArray(values) ? values.slice(1) : []);
  });
  return rows;
}

describe('exporting a task’s per-number results to .xlsx', () => {
  it('writes every page with the chosen columns in order, headed in the UI language', async () => {
    const file = join(folder, 'numbers.xlsx');
    const { load, asked } = loader(250, true);
    const rows = await exportNumberResults(
      file,
      load,
      ['phone', 'outcome', 'duration', 'agent'],
      'zh-CN',
    );
    expect(rows).toBe(250);
    expect(asked).toEqual([1, 2, 3]);
    const sheet = await readBack(file);
    expect(sheet[0]).toEqual(['号码', '结果', '时长（秒）', '坐席']);
    expect(sheet).toHaveLength(251);
    expect(sheet[2]).toEqual(['13800000001', '无人接听', 1, 'agent-1']);
    expect(sheet[250]?.[0]).toBe('13800000249');
  });

  it('keeps times as dates, and stops on an empty page when the vendor gives no total', async () => {
    const file = join(folder, 'numbers-en.xlsx');
    const { load, asked } = loader(120, false);
    const rows = await exportNumberResults(file, load, ['phone', 'calledAt', 'status'], 'en');
    expect(rows).toBe(120);
    expect(asked).toEqual([1, 2, 3]);
    const sheet = await readBack(file);
    expect(sheet[0]).toEqual(['Number', 'Called at', 'Vendor status']);
    expect(sheet[1]?.[1] ?? null).toBeNull();
    expect(sheet[2]?.[1]).toEqual(new Date(Date.UTC(2026, 0, 1, 8, 0, 1)));
    expect(sheet[2]?.[2]).toBe('not answered');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const { load } = loader(10, true);
    await expect(
      exportNumberResults(join(folder, 'x.xlsx'), load, ['phone'], 'en', controller.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
