import { open } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_FILES } from '../logging/logger';

/** Bytes read per step from the end of a file. */
const CHUNK_BYTES = 64 * 1024;
/**
 * The most read from one file: a line is at most a few KB (the logger cuts long text), so this
 * holds far more than 50 lines, and a file of one endless line cannot make the read unbounded.
 */
const MAX_BYTES_PER_FILE = 2 * 1024 * 1024;

/** The last lines of the log, oldest first, and what kept a file from being read. */
export interface LogTail {
  readonly lines: readonly string[];
  /** A file that exists but could not be read, with the system's code (e.g. EACCES). */
  readonly problems: readonly { readonly file: string; readonly code: string }[];
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'unknown';
}

/** The last `count` complete lines of one file (none when it does not exist). */
async function tailOfFile(file: string, count: number, maxBytes: number): Promise<string[]> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return [];
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const floor = Math.max(0, size - maxBytes);
    const chunks: Buffer[] = [];
    let position = size;
    let newlines = 0;
    // One more newline than lines wanted: the text before it is whole lines only.
    while (position > floor && newlines <= count) {
      const length = Math.min(CHUNK_BYTES, position - floor);
      position -= length;
      const chunk = Buffer.alloc(length);
      const { bytesRead } = await handle.read(chunk, 0, length, position);
      const read = chunk.subarray(0, bytesRead);
      for (const byte of read) if (byte === 0x0a) newlines += 1;
      chunks.unshift(read);
    }
    // '\n' never occurs inside a multi-byte UTF-8 sequence, so splitting the bytes is safe.
    const lines = Buffer.concat(chunks).toString('utf8').split('\n');
    // Text before the first newline is part of an earlier line unless the file starts there.
    if (position > 0) lines.shift();
    // The line being written (no newline yet) is left out, and so is the empty text after the last newline.
    lines.pop();
    return lines.filter((line) => line.trim() !== '').slice(-count);
  } finally {
    await handle.close();
  }
}

/**
 * The last `count` lines of the app's log: `main.log`, continued from the rotated `main.1.log`,
 * `main.2.log` … when the current file holds fewer (it was just rotated).
 *
 * Never throws: a file that cannot be read is reported in `problems` and skipped.
 */
export async function readLogTail(
  logsFolder: string,
  count: number,
  options: { readonly files?: number; readonly maxBytesPerFile?: number } = {},
): Promise<LogTail> {
  const files = options.files ?? DEFAULT_FILES;
  const collected: string[][] = [];
  const problems: { file: string; code: string }[] = [];
  let missing = count;
  for (let index = 0; index < files && missing > 0; index += 1) {
    const name = index === 0 ? 'main.log' : `main.${index}.log`;
    try {
      const lines = await tailOfFile(
        path.join(logsFolder, name),
        missing,
        options.maxBytesPerFile ?? MAX_BYTES_PER_FILE,
      );
      collected.unshift(lines);
      missing -= lines.length;
    } catch (error) {
      problems.push({ file: name, code: codeOf(error) });
    }
  }
  return { lines: collected.flat(), problems };
}
