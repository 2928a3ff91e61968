import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { calleeSlices, type CalleeSource } from '../vendor';

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

/**
 * Writes the callees to an .xlsx workbook (numbers as text, so leading digits survive).
 *
 * Written with exceljs's streaming writer: each row is committed as it is added, so memory grows
 * with the compressed file (about 2 MB for 100,000 rows), not with a model of every cell (which
 * took about 700 MB for 100,000 rows). Strings are stored inline, which every xlsx reader takes.
 */
export async function buildCalleeWorkbook(callees: CalleeSource): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('callees');
  sheet.addRow([...CALLEE_COLUMNS]).commit();
  for (const slice of calleeSlices(callees)) {
    for (const callee of slice) {
      const variables = (callee.variables ?? []).slice(0, 5);
      sheet.addRow([wireNumber(callee.phone), ...variables]).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
