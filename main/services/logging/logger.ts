import { chmod, mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { LogFailureReason, LogNotice } from '../../../shared/domain/log-notice';
import type { LogControl, Logger } from '../../ports';
import { SecretValues, scrubFields, scrubText } from './scrub';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** 5 MB per file … */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** … and 3 files (main.log, main.1.log, main.2.log): at most 15 MB of logs. */
export const DEFAULT_FILES = 3;
/** Lines waiting for a slow disk beyond this are dropped (and counted), never held without bound. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;
/** POSIX modes: the log holds account names and vendor answers, for the owner's eyes only. */
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/** How the logger is set up. */
export interface JsonLinesLoggerOptions {
  /** Also write warnings and errors to stderr (development). */
  readonly echo?: boolean;
  /** Write debug lines (development and tests); off by default, as in a packaged app. */
  readonly debug?: boolean;
  /** The size at which `main.log` is rotated (default 5 MB). */
  readonly maxBytes?: number;
  /** How many files are kept, `main.log` included (default 3, at least 2). */
  readonly files?: number;
  /** Where lines go once the file cannot be written (default: the process's stderr). */
  readonly fallback?: (text: string) => void;
}

/**
 * Whether debug lines are written: always in development, in a packaged app only when the
 * person starts it with CAMPAIGN_DESK_DEBUG_LOG=1 (every vendor request writes one).
 */
export function debugLogging(packaged: boolean, env: Readonly<Record<string, string | undefined>>) {
  return !packaged || env['CAMPAIGN_DESK_DEBUG_LOG'] === '1';
}

/** The system error code of a failure (ENOSPC, EROFS, …), or null. */
function errorCode(error: unknown): string | null {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : null;
}

function reasonOf(code: string | null): LogFailureReason {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  return 'other';
}

let stderrGuarded = false;
/** Writes to stderr; a closed stderr (EPIPE) must not become an uncaught error either. */
function writeStderr(text: string): void {
  if (!stderrGuarded) {
    stderrGuarded = true;
    process.stderr.on('error', () => undefined);
  }
  try {
    process.stderr.write(text);
  } catch {
    // Nowhere left to write: the line is lost, the app goes on.
  }
}

/**
 * Writes one JSON object per line to `logs/main.log` in the data folder.
 *
 * - Never takes the app down: every file operation is awaited in one queue and a failure (a full
 *   disk, a read-only folder) switches the logger to stderr for good, tells `onFallback`
 *   listeners (the app shows a notice), and writes the lines that did not reach the file there.
 * - Rotates by size: `main.log` → `main.1.log` → … keeping `files` files of at most `maxBytes`.
 * - Masks secrets in every line (the one choke point): secret-named fields, secret-shaped text,
 *   and every value registered with `maskSecret`.
 * - Files 0600 in a folder 0700 on POSIX.
 */
export class JsonLinesLogger implements Logger, LogControl {
  private readonly secrets = new SecretValues();
  private readonly listeners = new Set<(notice: LogNotice) => void>();
  private readonly maxBytes: number;
  private readonly files: number;
  private readonly toFallback: (text: string) => void;
  private file: FileHandle | null = null;
  private size = 0;
  private queue: string[] = [];
  private queuedBytes = 0;
  private dropped = 0;
  private pump: Promise<void> | null = null;
  private failure: LogNotice | null = null;
  private closed = false;

  private constructor(
    private readonly folder: string,
    private readonly options: JsonLinesLoggerOptions,
  ) {
    this.maxBytes = Math.max(1_024, options.maxBytes ?? DEFAULT_MAX_BYTES);
    this.files = Math.max(2, options.files ?? DEFAULT_FILES);
    this.toFallback = options.fallback ?? writeStderr;
  }

  /**
   * Opens (creates) the log under `folder/logs`. Never throws: a folder that cannot be written
   * gives a logger that writes to stderr and reports why through `onFallback`.
   */
  static async open(
    folder: string,
    options: JsonLinesLoggerOptions = {},
  ): Promise<JsonLinesLogger> {
    const logger = new JsonLinesLogger(path.join(folder, 'logs'), options);
    try {
      await mkdir(logger.folder, { recursive: true, mode: FOLDER_MODE });
      await chmod(logger.folder, FOLDER_MODE);
      await logger.openFile();
    } catch (error) {
      logger.fallBack(error);
    }
    return logger;
  }

  debug(message: string, fields?: Readonly<Record<string, unknown>>): void {
    if (this.options.debug === true) this.write('debug', message, fields);
  }
  info(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.write('error', message, fields);
  }

  maskSecret(value: string): void {
    this.secrets.add(value);
  }

  onFallback(listener: (notice: LogNotice) => void): () => void {
    this.listeners.add(listener);
    if (this.failure) listener(this.failure);
    return () => this.listeners.delete(listener);
  }

  /** Why the file is no longer written, or null while it is. */
  fallbackNotice(): LogNotice | null {
    return this.failure;
  }

  /** Resolves once every line logged so far is in the file (or on stderr). */
  async flush(): Promise<void> {
    while (this.pump) await this.pump;
  }

  /** Flushes and closes the file; later lines go to stderr. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    const file = this.file;
    this.file = null;
    await file?.close().catch(() => undefined);
  }

  private write(level: Level, message: string, fields?: Readonly<Record<string, unknown>>): void {
    const line = `${this.format(level, message, fields)}\n`;
    if (this.failure || this.closed) {
      this.toFallback(line);
      return;
    }
    if (this.options.echo && (level === 'warn' || level === 'error')) this.toFallback(line);
    const bytes = Buffer.byteLength(line);
    if (this.queuedBytes + bytes > MAX_PENDING_BYTES) {
      this.dropped += 1;
      return;
    }
    this.queue.push(line);
    this.queuedBytes += bytes;
    this.pump ??= this.drain();
  }

  private format(level: Level, message: string, fields?: Readonly<Record<string, unknown>>) {
    const secrets = this.secrets.list();
    try {
      return JSON.stringify({
        time: new Date().toISOString(),
        level,
        message: scrubText(message, secrets),
        ...(fields ? scrubFields(fields, secrets) : {}),
      });
    } catch {
      // scrubFields leaves only JSON values; this is for a getter that throws.
      return JSON.stringify({
        time: new Date().toISOString(),
        level,
        message: scrubText(message, secrets),
        fields: 'unreadable',
      });
    }
  }

  /** Writes queued lines in order, one file operation at a time. */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.failure) {
        if (this.dropped > 0) {
          const note = this.format('warn', 'Log lines were dropped: the disk was too slow', {
            dropped: this.dropped,
          });
          this.dropped = 0;
          this.queue.unshift(`${note}\n`);
        }
        const lines = this.queue;
        this.queue = [];
        this.queuedBytes = 0;
        await this.writeLines(lines);
      }
    } finally {
      this.pump = null;
    }
  }

  private async writeLines(lines: readonly string[]): Promise<void> {
    let index = 0;
    try {
      while (index < lines.length) {
        // Fill the current file up to the cap, rotating first when the next line would pass it.
        let chunk = '';
        let chunkBytes = 0;
        let end = index;
        while (end < lines.length) {
          const line = lines[end] ?? '';
          const bytes = Buffer.byteLength(line);
          if (this.size + chunkBytes + bytes > this.maxBytes && this.size + chunkBytes > 0) break;
          chunk += line;
          chunkBytes += bytes;
          end += 1;
        }
        if (chunkBytes === 0) {
          await this.rotate();
          continue;
        }
        if (!this.file) throw new Error('The log file is not open.');
        await this.file.appendFile(chunk);
        this.size += chunkBytes;
        // Only lines now in the file count as written; the rest go to the fallback on failure.
        index = end;
      }
    } catch (error) {
      this.fallBack(error, lines.slice(index));
    }
  }

  private async openFile(): Promise<void> {
    const file = await open(this.fileName(0), 'a', FILE_MODE);
    try {
      const stats = await file.stat();
      // A file from an older version may be 0644: tighten it (a regular file only, never what a
      // link points to, such as a device).
      if (stats.isFile() && (stats.mode & 0o777) !== FILE_MODE) await file.chmod(FILE_MODE);
      this.size = stats.isFile() ? stats.size : 0;
    } catch (error) {
      await file.close().catch(() => undefined);
      throw error;
    }
    this.file = file;
  }

  /** main.(n-2).log → main.(n-1).log, …, main.log → main.1.log; then a new, empty main.log. */
  private async rotate(): Promise<void> {
    const file = this.file;
    this.file = null;
    await file?.close();
    for (let index = this.files - 1; index >= 1; index -= 1) {
      try {
        await rename(this.fileName(index - 1), this.fileName(index));
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    }
    await this.openFile();
  }

  private fileName(index: number): string {
    return path.join(this.folder, index === 0 ? 'main.log' : `main.${index}.log`);
  }

  /** Switches to stderr for good, writes what the file did not take there, and says so. */
  private fallBack(error: unknown, unwritten: readonly string[] = []): void {
    if (this.failure) return;
    const code = errorCode(error);
    const notice: LogNotice = { at: new Date().toISOString(), reason: reasonOf(code) };
    this.failure = notice;
    const file = this.file;
    this.file = null;
    void file?.close().catch(() => undefined);
    this.toFallback(
      `${this.format('error', 'The log file cannot be written; logging to stderr from now on', {
        reason: notice.reason,
        code,
        folder: this.folder,
      })}\n`,
    );
    for (const line of [...unwritten, ...this.queue]) this.toFallback(line);
    this.queue = [];
    this.queuedBytes = 0;
    for (const listener of this.listeners) {
      try {
        listener(notice);
      } catch {
        // A listener's failure must not stop the others, nor the logger.
      }
    }
  }
}
