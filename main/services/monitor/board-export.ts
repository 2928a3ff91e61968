import ExcelJS from 'exceljs';
import {
  notCalledOf,
  progressOf,
  successRateOf,
  type BoardRow,
} from '../../../shared/domain/board';
import type { BoardColumn } from '../../../shared/domain/board-ui';
import type { Locale } from '../../../shared/domain/locale';
import type { TaskKind, TaskState } from '../../../shared/domain/task';
import { AppError } from '../errors';

const HEADINGS: Readonly<Record<Locale, Readonly<Record<BoardColumn, string>>>> = {
  en: {
    name: 'Task',
    account: 'Account',
    kind: 'Kind',
    status: 'Status',
    progress: 'Progress (%)',
    numbers: 'Numbers',
    called: 'Called',
    success: 'Success',
    failed: 'Failed',
    transferred: 'To agents',
    rate: 'Success rate (%)',
    created: 'Created',
  },
  'zh-CN': {
    name: '任务',
    account: '账户',
    kind: '类型',
    status: '状态',
    progress: '进度（%）',
    numbers: '号码数',
    called: '已呼叫',
    success: '成功',
    failed: '失败',
    transferred: '转坐席',
    rate: '成功率（%）',
    created: '创建时间',
  },
};

const KINDS: Readonly<Record<Locale, Readonly<Record<TaskKind, string>>>> = {
  en: {
    'cc-preview': 'Call-center task',
    'voice-group': 'Voice group call',
    'ai-agent-group': 'AI-agent group call',
    predictive: 'Predictive task',
  },
  'zh-CN': {
    'cc-preview': '呼叫中心任务',
    'voice-group': '语音群呼',
    'ai-agent-group': 'AI 坐席群呼',
    predictive: '预测式任务',
  },
};

const STATES: Readonly<Record<Locale, Readonly<Record<TaskState, string>>>> = {
  en: {
    pending: 'Waiting',
    running: 'Running',
    paused: 'Paused',
    completed: 'Completed',
    cancelled: 'Cancelled',
    'ended-early': 'Ended early',
    ended: 'Ended',
    failed: 'Failed',
    unknown: 'Unknown',
  },
  'zh-CN': {
    pending: '等待中',
    running: '进行中',
    paused: '已暂停',
    completed: '已完成',
    cancelled: '已取消',
    'ended-early': '提前结束',
    ended: '已结束',
    failed: '失败',
    unknown: '未知',
  },
};

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** One cell of the export: numbers stay numbers, times are Excel dates. */
function cell(
  row: BoardRow,
  column: BoardColumn,
  locale: Locale,
  accountName: (id: string) => string,
): string | number | Date | null {
  switch (column) {
    case 'name':
      return row.n || row.t;
    case 'account':
      return accountName(row.a);
    case 'kind':
      return KINDS[locale][row.kd];
    case 'status': {
      const notCalled = notCalledOf(row);
      const state =
        notCalled === null
          ? STATES[locale][row.s]
          : locale === 'zh-CN'
            ? `${STATES[locale][row.s]}（${notCalled} 个未呼叫）`
            : `${STATES[locale][row.s]} (${notCalled} not called)`;
      return `${state} (${row.sl || row.sc})`;
    }
    case 'progress':
      return round1(progressOf(row));
    case 'numbers':
      return row.tot;
    case 'called':
      return row.c;
    case 'success':
      return row.ok;
    case 'failed':
      return row.f;
    case 'transferred':
      return row.x;
    case 'rate':
      return round1(successRateOf(row));
    case 'created':
      return row.cr === null ? null : new Date(row.cr);
  }
}

/** Writes board rows (in the order given) with the chosen columns to an .xlsx file. */
export async function exportBoard(
  file: string,
  rows: readonly BoardRow[],
  columns: readonly BoardColumn[],
  locale: Locale,
  accountName: (id: string) => string,
): Promise<number> {
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(locale === 'zh-CN' ? '任务' : 'Tasks');
    sheet.columns = columns.map((column) => ({
      header: HEADINGS[locale][column],
      key: column,
      width: column === 'name' ? 36 : column === 'created' ? 20 : 14,
      ...(column === 'created' ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
    }));
    for (const row of rows) {
      sheet.addRow(columns.map((column) => cell(row, column, locale, accountName))).commit();
    }
    sheet.commit();
    await workbook.commit();
    return rows.length;
  } catch (error) {
    throw new AppError(
      'FILE_UNREADABLE',
      {
        en: 'The task board could not be saved to that file. Check that it is not open in Excel and that the folder can be written to, then try again.',
        'zh-CN':
          '无法将任务面板保存到该文件。请确认文件未在 Excel 中打开且文件夹可写入，然后重试。',
      },
      { file, error: error instanceof Error ? error.message : String(error) },
    );
  }
}
