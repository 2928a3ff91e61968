import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TaskSummarySchema } from '../../../../shared/domain/task';
import {
  CALLEE_COLUMNS,
  buildCalleeWorkbook,
} from '../../../../main/services/vendors/itniotech/callee-workbook';
import {
  ccNumberResult,
  ccTaskSummary,
  formatVendorTime,
  groupTaskSummary,
  statusCodesFor,
  CC_TASK_STATUS,
  GROUP_TASK_STATUS,
  vendorTimeToIso,
} from '../../../../main/services/vendors/itniotech/mapping';
import {
  CcTaskRecordSchema,
  GroupTaskRecordSchema,
} from '../../../../main/services/vendors/itniotech/schemas';

describe('ITNIO status mapping (itniotech.md §4.4, §5, §9.5)', () => {
  it.each([
    [0, 'pending'],
    [1, 'running'],
    [2, 'completed'],
    [3, 'failed'],
    [4, 'cancelled'],
    [5, 'paused'],
    [6, 'pending'],
    [42, 'unknown'],
  ] as const)('group-call status %s is %s and keeps the vendor code', (status, state) => {
    const record = GroupTaskRecordSchema.parse({
      jobId: 1,
      taskName: 'x',
      status: String(status),
      numCnt: '3',
    });
    const summary = TaskSummarySchema.parse(groupTaskSummary(record, 'voice-group', 'a', 480));
    expect(summary.state).toBe(state);
    expect(summary.vendorStatus.code).toBe(String(status));
    expect(summary.counts.total).toBe(3);
  });

  it.each([
    [1, 'pending'],
    [2, 'paused'],
    [11, 'running'],
    [12, 'completed'],
    [13, 'failed'],
    [14, 'cancelled'],
    [15, 'paused'],
    [16, 'pending'],
    [0, 'unknown'],
  ] as const)('cc status %s is %s', (taskStatus, state) => {
    const record = CcTaskRecordSchema.parse({
      taskId: 9,
      taskStatus,
      totalCount: 10,
      remainCount: 4,
      remark: 'n',
    });
    const summary = TaskSummarySchema.parse(ccTaskSummary(record, 'a'));
    expect(summary.state).toBe(state);
    // §4.4 has no "called" counter; total − remaining is not one (a cancelled task's remainder).
    expect(summary.counts.called).toBeNull();
    expect(summary.counts.total).toBe(10);
    expect(summary.name).toBe('n');
  });

  it('uses the AI list id field taskId when jobId is absent (§9.6)', () => {
    const record = GroupTaskRecordSchema.parse({ taskId: '77', taskName: 'ai', status: 1 });
    expect(groupTaskSummary(record, 'ai-agent-group', 'a', 480).id).toBe('77');
  });

  it('filters by our states with each family’s own codes', () => {
    expect(statusCodesFor(GROUP_TASK_STATUS, ['pending'])).toEqual([0, 6]);
    expect(statusCodesFor(CC_TASK_STATUS, ['running', 'paused'])).toEqual([2, 11, 15]);
  });

  it('maps per-number cc statuses 1/5/7/9', () => {
    expect([1, 5, 7, 9, 3].map((status) => ccNumberResult({ status }).outcome)).toEqual([
      'unknown',
      'not-called',
      'failed',
      'answered',
      'unknown',
    ]);
  });

  it('converts vendor local times both ways', () => {
    const ms = Date.UTC(2026, 0, 5, 1, 2, 3);
    expect(formatVendorTime(ms, 480)).toBe('2026-01-05 09:02:03');
    expect(vendorTimeToIso('2026-01-05 09:02:03', 480)).toBe('2026-01-05T01:02:03.000Z');
    expect(vendorTimeToIso('not a time', 480)).toBeNull();
  });
});

describe('callee workbook', () => {
  it('writes the number then var01..var05, as text, one row per callee', async () => {
    const buffer = await buildCalleeWorkbook([
      { phone: '+91 0987 654321', variables: ['Ann', 'x'] },
      { phone: '+8613800000000' },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, ...CALLEE_COLUMNS]);
    expect(sheet?.getRow(2).getCell(1).value).toBe('910987654321');
    expect(sheet?.getRow(2).getCell(2).value).toBe('Ann');
    expect(sheet?.getRow(3).getCell(1).value).toBe('8613800000000');
    expect(sheet?.actualRowCount).toBe(3);
  });
});
