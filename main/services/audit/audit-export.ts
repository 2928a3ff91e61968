import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { AuditEntry, AuditTrail } from './audit-trail';

/** Writes the audit trail (or one submission's entries) as JSON, with the verification result. */
export async function exportAuditJson(
  trail: AuditTrail,
  file: string,
  filter: { readonly submissionId?: string } = {},
): Promise<number> {
  const entries = trail.entries(filter);
  const body = { exportedAt: new Date().toISOString(), verification: trail.verify(), entries };
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`, 'utf8');
  return entries.length;
}

/** Writes the audit trail as an .xlsx workbook: one row per entry, the chain hashes included. */
export async function exportAuditXlsx(
  trail: AuditTrail,
  file: string,
  filter: { readonly submissionId?: string } = {},
): Promise<number> {
  const entries: readonly AuditEntry[] = trail.entries(filter);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Audit trail');
  sheet.columns = [
    { header: 'Seq', key: 'seq', width: 8 },
    { header: 'Time (UTC)', key: 'at', width: 24 },
    { header: 'Event', key: 'type', width: 24 },
    { header: 'Submission', key: 'submissionId', width: 38 },
    { header: 'Details (JSON)', key: 'payload', width: 80 },
    { header: 'Previous hash', key: 'prevHash', width: 66 },
    { header: 'Hash', key: 'hash', width: 66 },
  ];
  for (const entry of entries) {
    sheet.addRow({
      seq: entry.seq,
      at: new Date(entry.at).toISOString(),
      type: entry.type,
      submissionId: entry.submissionId ?? '',
      payload: JSON.stringify(entry.payload),
      prevHash: entry.prevHash,
      hash: entry.hash,
    });
  }
  const verification = trail.verify();
  const check = workbook.addWorksheet('Verification');
  check.addRow(['Chain intact', verification.ok ? 'yes' : 'NO']);
  check.addRow(['Entries', verification.entries]);
  for (const problem of verification.problems)
    check.addRow(['Problem', problem.seq, problem.problem]);
  await workbook.xlsx.writeFile(file);
  return entries.length;
}
