import type { LocalizedText } from '../../../shared/domain/locale';
import type { ErrorCode } from '../../../shared/ipc/errors';
import { AppError } from '../errors';

/** Every way an import can fail, each with words for a person. */
export const IMPORT_FAILURES = {
  xls: {
    code: 'FILE_UNREADABLE',
    en: 'This is an old Excel 97–2003 .xls file. Open it in Excel or WPS and save it as .xlsx, then import that file.',
    'zh-CN':
      '这是旧版 Excel 97–2003 .xls 文件。请在 Excel 或 WPS 中打开并另存为 .xlsx，然后导入新文件。',
  },
  encrypted: {
    code: 'FILE_UNREADABLE',
    en: 'This workbook is protected with a password, so it cannot be read. Open it in Excel or WPS, remove the password (File › Info › Protect Workbook), save it, and import it again.',
    'zh-CN':
      '此工作簿受密码保护，无法读取。请在 Excel 或 WPS 中打开，取消密码（文件 › 信息 › 保护工作簿）并保存后再导入。',
  },
  corrupt: {
    code: 'FILE_UNREADABLE',
    en: 'This workbook is damaged or incomplete (the file could not be unpacked). Open it in Excel or WPS; if it opens, save it again as .xlsx and import the new file.',
    'zh-CN':
      '此工作簿已损坏或不完整（无法解压）。请在 Excel 或 WPS 中打开；如能打开，请重新另存为 .xlsx 后导入。',
  },
  notWorkbook: {
    code: 'FILE_UNREADABLE',
    en: 'This file is named like an Excel workbook but is not one. If it is a CSV or text file, rename it to .csv; otherwise open it in Excel or WPS and save it as .xlsx.',
    'zh-CN':
      '此文件的扩展名是 Excel 工作簿，但内容不是。如果它是 CSV 或文本文件，请改名为 .csv；否则请在 Excel 或 WPS 中打开并另存为 .xlsx。',
  },
  notText: {
    code: 'FILE_UNREADABLE',
    en: 'This file is named like a CSV or text file but holds binary data. If it is an Excel workbook, rename it to .xlsx; otherwise export the list from its program as CSV or .xlsx.',
    'zh-CN':
      '此文件的扩展名是 CSV 或文本，但内容是二进制数据。如果它是 Excel 工作簿，请改名为 .xlsx；否则请从原程序中导出为 CSV 或 .xlsx。',
  },
  unsupportedType: {
    code: 'INVALID_INPUT',
    en: 'Campaign Desk imports .xlsx, .xlsm, .csv and .txt files. Save the list in one of these formats and import it again.',
    'zh-CN':
      'Campaign Desk 可导入 .xlsx、.xlsm、.csv 和 .txt 文件。请将名单另存为其中一种格式后再导入。',
  },
  missingFile: {
    code: 'FILE_UNREADABLE',
    en: 'The file could not be opened. It may have been moved, deleted or be open in another program. Check the file and try again.',
    'zh-CN': '无法打开该文件。它可能已被移动、删除或被其他程序占用。请检查文件后重试。',
  },
  fileTooLarge: {
    code: 'LIMIT_EXCEEDED',
    en: 'This file is larger than Campaign Desk imports at once. Split the list into smaller files and import them one by one.',
    'zh-CN': '文件超过了单次可导入的大小。请把名单拆分成较小的文件后逐个导入。',
  },
  unpackedTooLarge: {
    code: 'LIMIT_EXCEEDED',
    en: 'This workbook unpacks to far more data than a phone list holds (it may be a "zip bomb" or padded with empty cells). Copy the list into a new workbook, or split it, and import again.',
    'zh-CN':
      '此工作簿解压后的数据量远超正常名单（可能是"压缩炸弹"或包含大量空单元格）。请把名单复制到新工作簿或拆分后再导入。',
  },
  tooManyRows: {
    code: 'LIMIT_EXCEEDED',
    en: 'This sheet has more rows than one list may hold. Split it into several files and import them as separate lists.',
    'zh-CN': '此工作表的行数超过单个名单的上限。请拆分成多个文件，分别导入为不同名单。',
  },
  rowTooLarge: {
    code: 'LIMIT_EXCEEDED',
    en: 'A row of this file is far larger than a phone list row (a cell or quoted field never ends). Check the file in Excel or a text editor and save it again.',
    'zh-CN':
      '文件中有一行远大于正常名单行（某个单元格或引号字段没有结束）。请在 Excel 或文本编辑器中检查并重新保存。',
  },
  emptySheet: {
    code: 'INVALID_INPUT',
    en: 'This sheet is empty. Choose the sheet that holds the phone numbers.',
    'zh-CN': '此工作表为空。请选择包含电话号码的工作表。',
  },
  noSheets: {
    code: 'FILE_UNREADABLE',
    en: 'This workbook has no worksheets Campaign Desk can read (chart sheets and macros are ignored). Put the list on a normal worksheet and import again.',
    'zh-CN':
      '此工作簿没有可读取的工作表（图表工作表和宏会被忽略）。请把名单放在普通工作表中再导入。',
  },
  sheetNotFound: {
    code: 'NOT_FOUND',
    en: 'That sheet is not in the workbook any more. Pick the sheet again.',
    'zh-CN': '工作簿中已没有该工作表。请重新选择工作表。',
  },
  noPhoneColumn: {
    code: 'INVALID_INPUT',
    en: 'Choose which column holds the phone numbers; the list cannot be imported without one.',
    'zh-CN': '请选择电话号码所在的列；没有号码列无法导入名单。',
  },
  badColumn: {
    code: 'INVALID_INPUT',
    en: 'The column mapping points to a column the sheet does not have, or uses one column twice. Check the mapping and try again.',
    'zh-CN': '列映射指向了工作表中不存在的列，或重复使用了同一列。请检查映射后重试。',
  },
  unknownCountry: {
    code: 'INVALID_INPUT',
    en: 'The default country is not one Campaign Desk knows. Pick the country from the list.',
    'zh-CN': '无法识别默认国家。请从列表中选择国家。',
  },
  workerOutOfMemory: {
    code: 'LIMIT_EXCEEDED',
    en: 'Reading this file needed more memory than an import may use. Split the list into smaller files and import them one by one.',
    'zh-CN': '读取此文件所需内存超过导入上限。请把名单拆分成较小的文件后逐个导入。',
  },
  cancelled: {
    code: 'CANCELLED',
    en: 'The import was cancelled. Nothing was saved.',
    'zh-CN': '导入已取消，未保存任何内容。',
  },
  timedOut: {
    code: 'TIMEOUT',
    en: 'Reading the file took too long and was stopped. The file may be damaged; open it in Excel or WPS, save it again and retry.',
    'zh-CN': '读取文件耗时过长，已停止。文件可能已损坏；请在 Excel 或 WPS 中打开、重新保存后重试。',
  },
  notSaved: {
    code: 'INTERNAL',
    en: "The list could not be saved in the app's data folder: the disk may be full, or the folder may not be writable. Nothing was saved. Free some space and import again.",
    'zh-CN':
      '名单无法保存到应用的数据文件夹：磁盘可能已满，或该文件夹不可写。未保存任何内容。请释放空间后重新导入。',
  },
  internal: {
    code: 'INTERNAL',
    en: 'The import stopped because of an unexpected problem. Nothing was saved. Try again; if it happens again, send the log to support.',
    'zh-CN': '导入因意外问题停止，未保存任何内容。请重试；如再次发生，请把日志发送给支持人员。',
  },
  listNotFound: {
    code: 'NOT_FOUND',
    en: 'That list no longer exists. It may have been deleted in another window.',
    'zh-CN': '该名单已不存在，可能已在其他窗口中删除。',
  },
  recipeNotFound: {
    code: 'NOT_FOUND',
    en: 'That saved mapping no longer exists.',
    'zh-CN': '该已保存的映射已不存在。',
  },
  exportFailed: {
    code: 'FILE_UNREADABLE',
    en: 'The export file could not be written. Choose another folder or close the file if it is open in Excel, then try again.',
    'zh-CN': '无法写入导出文件。请选择其他文件夹，或在 Excel 中关闭该文件后重试。',
  },
} as const satisfies Record<string, LocalizedText & { readonly code: ErrorCode }>;

/** The name of one import failure. */
export type ImportFailure = keyof typeof IMPORT_FAILURES;

/** Builds the AppError of a failure. */
export function importError(
  failure: ImportFailure,
  details?: Readonly<Record<string, unknown>>,
  cause?: unknown,
): AppError {
  const { code, en } = IMPORT_FAILURES[failure];
  return new AppError(
    code,
    { en, 'zh-CN': IMPORT_FAILURES[failure]['zh-CN'] },
    { failure, ...details },
    cause === undefined ? undefined : { cause },
  );
}

/** The failure name carried in an AppError's details, if it is one of ours. */
export function failureOf(error: unknown): ImportFailure | null {
  if (!(error instanceof AppError)) return null;
  const failure = error.details?.['failure'];
  return typeof failure === 'string' && failure in IMPORT_FAILURES
    ? (failure as ImportFailure)
    : null;
}
