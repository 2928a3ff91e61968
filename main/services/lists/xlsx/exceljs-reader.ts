import ExcelJS from 'exceljs';
import {
  classifyFormat,
  GENERAL,
  numberCell,
  serialToIso,
  stringCell,
  type Cell,
  type SheetRow,
} from '../cell';

const DAY_MS = 86_400_000;

function dateText(value: Date, numFmt: string | undefined): string {
  // exceljs turns date-formatted serials into JS Dates (UTC, 1900 system after its own 1904
  // adjustment); turn it back into a serial so both readers share one formatter.
  const serial = (value.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS;
  const format = numFmt === undefined ? GENERAL : classifyFormat(-1, numFmt);
  return serialToIso(
    serial,
    format.kind === 'date' ? format : { kind: 'date', withTime: false, timeOnly: false },
    false,
  );
}

function richText(value: { richText: readonly { text: string }[] }): string {
  return value.richText.map((run) => run.text).join('');
}

function convert(value: ExcelJS.CellValue, numFmt: string | undefined): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') {
    return numberCell(
      String(value),
      numFmt === undefined ? GENERAL : classifyFormat(-1, numFmt),
      false,
      false,
    );
  }
  if (typeof value === 'string') return stringCell(value);
  if (typeof value === 'boolean')
    return { text: value ? 'TRUE' : 'FALSE', kind: 'boolean', damage: null };
  if (value instanceof Date) return { text: dateText(value, numFmt), kind: 'date', damage: null };
  if ('richText' in value) return stringCell(richText(value));
  if ('error' in value) return { text: value.error, kind: 'error', damage: null };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null)
      return { text: '', kind: 'no-result', damage: null };
    return convert(result as ExcelJS.CellValue, numFmt);
  }
  if ('text' in value) {
    const text = value.text;
    return stringCell(typeof text === 'string' ? text : richText(text));
  }
  return undefined;
}

/**
 * The reference reader: exceljs's whole-workbook reader, turned into the same rows as the fast
 * path. Tests compare the two on every fixture and fuzz case; it is too slow and memory-hungry
 * for large imports (see `npm run bench:import`), and it misses damage the fast path sees in the
 * raw XML (numbers stored in E-notation).
 */
export async function readWithExcelJs(file: string, sheetName?: string): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet =
    sheetName === undefined
      ? workbook.worksheets.find((ws) => ws.state === 'visible')
      : workbook.getWorksheet(sheetName);
  if (sheet === undefined) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const converted = convert(cell.value, cell.numFmt);
      if (converted !== undefined) cells[column - 1] = converted;
    });
    if (cells.some((cell) => cell !== undefined && cell.text.trim() !== ''))
      rows.push({ rowNumber, cells });
  });
  return rows;
}
