import ExcelJS from 'exceljs';
import type { NumberColumn } from '../../../shared/domain/board-ui';
import type { Locale } from '../../../shared/domain/locale';
import type { NumberOutcome, NumberResult } from '../../../shared/domain/task';
import { AppError } from '../errors';
import type { Page } from '../vendors/vendor';

const HEADINGS: Readonly<Record<Locale, Readonly<Record<NumberColumn, string>>>> = {
  en: {
    phone: 'Number',
    outcome: 'Outcome',
    status: 'Vendor status',
    calledAt: 'Called at',
    duration: 'Duration (s)',
    agent: 'Agent',
  },
  'zh-CN': {
    phone: '号码',
    outcome: '结果',
    status: '服务商状态',
    calledAt: '呼叫时间',
    duration: '时长（秒）',
    agent: '坐席',
  },
};

const OUTCOMES: Readonly<Record<Locale, Readonly<Record<NumberOutcome, string>>>> = {
  en: {
    'not-called': 'Not called',
    answered: 'Answered',
    'no-answer': 'No answer',
    busy: 'Busy',
    failed: 'Failed',
    transferred: 'Transferred',
    unknown: 'Unknown',
  },
  'zh-CN': {
    'not-called': '未呼叫',
    answered: '已接通',
    'no-answer': '无人接听',
    busy: '忙线',
    failed: '失败',
    transferred: '已转接',
    unknown: '未知',
  },
};

/** Pages of 100 read for one export: 100,000 numbers, the largest task a vendor accepts. */
export const MAX_EXPORT_PAGES = 1_000;

/** One cell: numbers stay numbers, times are Excel dates. */
function cell(
  row: NumberResult,
  column: NumberColumn,
  locale: Locale,
): string | number | Date | null {
  switch (column) {
    case 'phone':
      return row.phone;
    case 'outcome':
      return OUTCOMES[locale][row.outcome];
    case 'status':
      return row.vendorStatus.label || row.vendorStatus.code;
    case 'calledAt':
      return row.calledAt === null ? null : new Date(row.calledAt);
    case 'duration':
      return row.durationSeconds;
    case 'agent':
      return row.agent;
  }
}

/**
 * Writes a task's per-number results with the chosen columns to an .xlsx file, reading them page
 * by page (100 a page, the vendor limit) so a large task is never held in memory at once.
 */
export async function exportNumberResults(
  file: string,
  load: (page: number) => Promise<Page<NumberResult>>,
  columns: readonly NumberColumn[],
  locale: Locale,
  signal?: AbortSignal,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  let rows = 0;
  try {
    const sheet = workbook.addWorksheet(locale === 'zh-CN' ? '号码结果' : 'Numbers');
    sheet.columns = columns.map((column) => ({
      header: HEADINGS[locale][column],
      key: column,
      width: column === 'phone' || column === 'calledAt' ? 20 : 16,
      ...(column === 'calledAt' ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
    }));
    for (let page = 1; page <= MAX_EXPORT_PAGES; page++) {
      signal?.throwIfAborted();
      const result = await load(page);
      for (const row of result.items) {
        sheet.addRow(columns.map((column) => cell(row, column, locale))).commit();
        rows += 1;
      }
      const done =
        result.total !== null ? page * result.pageSize >= result.total : result.items.length === 0;
      if (done || result.items.length === 0) break;
    }
    sheet.commit();
    await workbook.commit();
    return rows;
  } catch (error) {
    // Vendor errors and a cancel keep their own meaning; only writing failures are reworded.
    if (error instanceof AppError || signal?.aborted) throw error;
    throw new AppError(
      'FILE_UNREADABLE',
      {
        en: 'The number results could not be saved to that file. Check that it is not open in Excel and that the folder can be written to, then try again.',
        'zh-CN':
          '无法将号码结果保存到该文件。请确认文件未在 Excel 中打开且文件夹可写入，然后重试。',
      },
      { file, error: error instanceof Error ? error.message : String(error) },
    );
  }
}
