import ExcelJS from 'exceljs';
import type { Callee } from '../vendor';

/**
 * Header row of the callee workbook: the number, then var01..var05.
 *
 * The vendor's template is not documented (§4.1); per-number variables come back from
 * queryTaskDetail as var01, var02, … (§4.5), so the workbook uses those names. Headers must be
 * unique (code -43).
 */
export const CALLEE_COLUMNS = ['number', 'var01', 'var02', 'var03', 'var04', 'var05'] as const;

/** The number as the vendor wants it: country code + number, digits only. */
export function wireNumber(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Writes the callees to an .xlsx workbook (numbers as text, so leading digits survive). */
export async function buildCalleeWorkbook(callees: readonly Callee[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('callees');
  sheet.addRow([...CALLEE_COLUMNS]);
  for (const callee of callees) {
    const variables = (callee.variables ?? []).slice(0, 5);
    sheet.addRow([wireNumber(callee.phone), ...variables]);
  }
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
}
