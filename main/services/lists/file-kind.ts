import type { FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { importError } from './import-errors';

/** How a file will be read, decided from its extension and its first bytes. */
export type SourceKind = 'xlsx' | 'csv';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls']);
const TEXT_EXTENSIONS = new Set(['.csv', '.txt']);

/**
 * Reads an OLE2 compound file's first directory sector (MS-CFB §2.2, §2.6) and reports whether it
 * holds an encrypted OOXML package: Excel saves password-protected .xlsx files as a compound
 * file with `EncryptionInfo` and `EncryptedPackage` streams (MS-OFFCRYPTO §2.3.4).
 */
async function isEncryptedPackage(handle: FileHandle, size: number): Promise<boolean> {
  const header = Buffer.alloc(512);
  await handle.read(header, 0, 512, 0);
  const sectorShift = header.readUInt16LE(0x1e);
  const firstDirectorySector = header.readUInt32LE(0x30);
  const names: string[] = [];
  if (sectorShift === 9 || sectorShift === 12) {
    const sectorSize = 1 << sectorShift;
    const offset = (firstDirectorySector + 1) * sectorSize;
    if (offset + sectorSize <= size) {
      const sector = Buffer.alloc(sectorSize);
      await handle.read(sector, 0, sectorSize, offset);
      for (let at = 0; at + 128 <= sectorSize; at += 128) {
        const length = Math.min(sector.readUInt16LE(at + 0x40), 64);
        if (length >= 2) names.push(sector.toString('utf16le', at, at + length - 2));
      }
    }
  }
  return names.includes('EncryptionInfo') || names.includes('EncryptedPackage');
}

/**
 * Decides how to read `file`, refusing with words a person can act on: old binary .xls,
 * password-protected workbooks, files whose content does not match their extension.
 */
export async function detectSourceKind(
  handle: FileHandle,
  fileName: string,
  size: number,
): Promise<SourceKind> {
  const extension = extname(fileName).toLowerCase();
  const isWorkbookName = WORKBOOK_EXTENSIONS.has(extension);
  if (!isWorkbookName && !TEXT_EXTENSIONS.has(extension)) {
    throw importError('unsupportedType', { extension });
  }
  const head = Buffer.alloc(Math.min(size, 8));
  if (head.length > 0) await handle.read(head, 0, head.length, 0);
  if (head.length === 8 && head.equals(OLE_MAGIC)) {
    if (await isEncryptedPackage(handle, size)) throw importError('encrypted', { extension });
    throw importError('xls', { extension });
  }
  const isZip =
    head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC);
  if (isWorkbookName) {
    if (isZip) return 'xlsx';
    if (head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b) {
      throw importError('corrupt', { reason: 'damaged zip header' });
    }
    if (size === 0) throw importError('corrupt', { reason: 'empty file' });
    throw importError('notWorkbook', { extension });
  }
  if (isZip) throw importError('notText', { extension, looksLike: 'zip' });
  return 'csv';
}
