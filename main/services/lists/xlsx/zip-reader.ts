import type { FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { createInflateRaw } from 'node:zlib';
import { importError } from '../import-errors';
import type { ImportLimits } from '../limits';

/** One file inside a zip archive, from its central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_ENTRIES = 10_000;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw importError('corrupt', { reason: 'short read', position });
  return buffer;
}

/**
 * Reads the central directory of a zip file (APPNOTE 4.3.16). Workbooks never need zip64 within
 * our limits, so zip64 markers are refused as "too large" rather than parsed.
 */
export async function readZipDirectory(
  handle: FileHandle,
  fileSize: number,
): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  if (tailLength < 22) throw importError('corrupt', { reason: 'too small for a zip' });
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw importError('corrupt', { reason: 'no end of central directory' });
  const count = tail.readUInt16LE(eocd + 10);
  const size = tail.readUInt32LE(eocd + 12);
  const offset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw importError('unpackedTooLarge', { reason: 'zip64' });
  }
  if (count > MAX_ENTRIES) throw importError('corrupt', { reason: 'too many entries', count });
  if (offset + size > fileSize) throw importError('corrupt', { reason: 'directory outside file' });
  const directory = await readAt(handle, offset, size);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_SIGNATURE) {
      throw importError('corrupt', { reason: 'bad central directory entry', index: i });
    }
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    if (p + 46 + nameLength > directory.length) throw importError('corrupt', { reason: 'name' });
    const entry: ZipEntry = {
      flags: directory.readUInt16LE(p + 8),
      method: directory.readUInt16LE(p + 10),
      compressedSize: directory.readUInt32LE(p + 20),
      uncompressedSize: directory.readUInt32LE(p + 24),
      localHeaderOffset: directory.readUInt32LE(p + 42),
      name: directory.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\/+/, ''),
    };
    entries.set(entry.name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Byte counts of an entry being read, for progress. */
export interface EntryProgress {
  packedBytes: number;
  unpackedBytes: number;
}

/**
 * Streams one entry's unpacked bytes, refusing zip bombs by counting what comes out: more than
 * `maxPartBytes`, more than the directory declared, or a ratio above `maxCompressionRatio` once
 * past 16 MB all stop with LIMIT_EXCEEDED before the data reaches memory.
 */
export async function* readZipEntry(
  handle: FileHandle,
  fileSize: number,
  entry: ZipEntry,
  limits: ImportLimits,
  progress: EntryProgress = { packedBytes: 0, unpackedBytes: 0 },
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  if ((entry.flags & 1) !== 0) throw importError('encrypted', { entry: entry.name });
  if (entry.method !== 0 && entry.method !== 8) {
    throw importError('corrupt', { reason: 'compression method', method: entry.method });
  }
  if (entry.uncompressedSize > limits.maxPartBytes) {
    throw importError('unpackedTooLarge', { entry: entry.name, declared: entry.uncompressedSize });
  }
  const local = await readAt(handle, entry.localHeaderOffset, 30);
  if (local.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    throw importError('corrupt', { reason: 'bad local header', entry: entry.name });
  }
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const end = start + entry.compressedSize;
  if (end > fileSize)
    throw importError('corrupt', { reason: 'entry outside file', entry: entry.name });
  if (entry.compressedSize === 0) return;
  const declaredLimit = Math.min(limits.maxPartBytes, entry.uncompressedSize);
  const packed = readRange(handle, start, end, signal);
  const stream = entry.method === 8 ? inflate(packed, progress) : countPacked(packed, progress);
  try {
    for await (const chunk of stream) {
      progress.unpackedBytes += chunk.length;
      const unpacked = progress.unpackedBytes;
      if (
        unpacked > declaredLimit ||
        (unpacked > 16 * 1024 * 1024 &&
          unpacked > progress.packedBytes * limits.maxCompressionRatio)
      ) {
        throw importError('unpackedTooLarge', {
          entry: entry.name,
          unpacked,
          packed: progress.packedBytes,
          declared: entry.uncompressedSize,
        });
      }
      yield chunk;
    }
  } catch (error) {
    if (
      error instanceof Error &&
      'code' in error &&
      typeof error.code === 'string' &&
      error.code.startsWith('Z_')
    ) {
      throw importError('corrupt', { reason: 'inflate', entry: entry.name }, error);
    }
    throw error;
  }
}

const READ_CHUNK = 256 * 1024;

/**
 * Reads bytes `[start, end)` of an open file in chunks with positioned reads. (A FileHandle's
 * createReadStream closes the handle when it ends, which would end every later read of the
 * archive.)
 */
export async function* readRange(
  handle: FileHandle,
  start: number,
  end: number,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  let position = start;
  while (position < end) {
    signal?.throwIfAborted();
    const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, end - position));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
  }
}

async function* countPacked(
  packed: AsyncIterable<Buffer>,
  progress: EntryProgress,
): AsyncGenerator<Buffer> {
  for await (const chunk of packed) {
    progress.packedBytes += chunk.length;
    yield chunk;
  }
}

/**
 * Inflates a raw deflate stream with backpressure both ways: packed bytes are written only as
 * the inflater drains, and its output is pulled one chunk at a time, so a zip bomb never has more
 * than a chunk or two unpacked in memory when the size checks stop it.
 */
async function* inflate(
  packed: AsyncIterable<Buffer>,
  progress: EntryProgress,
): AsyncGenerator<Buffer> {
  const inflater = createInflateRaw({ chunkSize: READ_CHUNK });
  const stop = new AbortController();
  const feeder = (async () => {
    try {
      for await (const chunk of packed) {
        progress.packedBytes += chunk.length;
        if (!inflater.write(chunk)) await once(inflater, 'drain', { signal: stop.signal });
      }
      inflater.end();
    } catch (error) {
      if (!stop.signal.aborted)
        inflater.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  try {
    for await (const chunk of inflater) {
      if (Buffer.isBuffer(chunk)) yield chunk;
    }
    await feeder;
  } finally {
    stop.abort();
    inflater.destroy();
  }
}

/** Reads a whole (small) entry as UTF-8 text. */
export async function readZipText(
  handle: FileHandle,
  fileSize: number,
  entry: ZipEntry,
  limits: ImportLimits,
  signal?: AbortSignal,
): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of readZipEntry(handle, fileSize, entry, limits, undefined, signal)) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
