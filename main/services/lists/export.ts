import ExcelJS from 'exceljs';
import type { ListSummary, RowStatus } from '../../../shared/domain/list';
import type { Locale } from '../../../shared/domain/locale';
import type { ListsRepository } from '../storage/lists-repository';
import { importError } from './import-errors';
import { describeReason } from './reasons';

const HEADINGS = {
  en: {
    phone: 'Phone (E.164)',
    digits: 'Number for vendor',
    row: 'Source row',
    status: 'Status',
    original: 'Original',
    reason: 'Reason',
    name: 'Name',
  },
  'zh-CN': {
    phone: '号码（E.164）',
    digits: '提交号码',
    row: '原始行号',
    status: '状态',
    original: '原始内容',
    reason: '原因',
    name: '姓名',
  },
} as const;

const STATUS_WORDS: Readonly<Record<Locale, Readonly<Record<RowStatus, string>>>> = {
  en: {
    valid: 'valid',
    fixed: 'fixed',
    invalid: 'invalid',
    flagged: 'flagged',
    duplicate: 'duplicate',
  },
  'zh-CN': {
    valid: '有效',
    fixed: '已修正',
    invalid: '无效',
    flagged: '待核对',
    duplicate: '重复',
  },
};

async function writeSheet(
  file: string,
  sheetName: string,
  header: readonly string[],
  rows: Iterable<readonly string[] | readonly (string | number)[]>,
): Promise<number> {
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(sheetName);
    sheet.addRow([...header]).commit();
    let count = 0;
    for (const row of rows) {
      sheet.addRow([...row]).commit();
      count++;
    }
    sheet.commit();
    await workbook.commit();
    return count;
  } catch (error) {
    throw importError('exportFailed', { file }, error);
  }
}

/**
 * Writes the cleaned list (valid and fixed rows, phones as text so no digit is lost) to .xlsx.
 * Returns the number of rows written.
 */
export async function exportCleanList(
  repository: ListsRepository,
  list: ListSummary,
  file: string,
  locale: Locale,
): Promise<number> {
  const h = HEADINGS[locale];
  const header = [
    h.phone,
    h.digits,
    ...(list.columnNames.name === null ? [] : [list.columnNames.name]),
    ...list.columnNames.variables,
    h.row,
  ];
  function* rows(): Generator<(string | number)[]> {
    for (const row of repository.iterate(list.id, { statuses: ['valid', 'fixed'] })) {
      const phone = row.phone ?? '';
      yield [
        phone,
        phone.replace(/^\+/, ''),
        ...(list.columnNames.name === null ? [] : [row.name ?? '']),
        ...row.variables,
        row.rowNumber,
      ];
    }
  }
  return writeSheet(file, locale === 'en' ? 'List' : '名单', header, rows());
}

/**
 * Writes the problem report: every fixed, invalid, flagged and duplicate row with its source row
 * number, its status and the reason in words. Returns the number of rows written.
 */
export async function exportProblemReport(
  repository: ListsRepository,
  list: ListSummary,
  file: string,
  locale: Locale,
): Promise<number> {
  const h = HEADINGS[locale];
  const words = STATUS_WORDS[locale];
  function* rows(): Generator<(string | number)[]> {
    for (const row of repository.iterate(list.id, {
      statuses: ['fixed', 'invalid', 'flagged', 'duplicate'],
    })) {
      yield [
        row.rowNumber,
        words[row.status],
        row.original,
        row.phone ?? '',
        describeReason(row.reasonCode, row.reasonDetail, locale),
      ];
    }
  }
  return writeSheet(
    file,
    locale === 'en' ? 'Problems' : '问题',
    [h.row, h.status, h.original, h.phone, h.reason],
    rows(),
  );
}
