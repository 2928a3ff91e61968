import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../ports';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Writes one JSON object per line to `logs/main.log` in the data folder (append-only, async). */
export class JsonLinesLogger implements Logger {
  private constructor(
    private readonly stream: WriteStream,
    private readonly echo: boolean,
  ) {}

  /** Opens (creates) the log file under `folder/logs`. */
  static async open(folder: string, options: { echo?: boolean } = {}): Promise<JsonLinesLogger> {
    const logs = path.join(folder, 'logs');
    await mkdir(logs, { recursive: true });
    const stream = createWriteStream(path.join(logs, 'main.log'), { flags: 'a' });
    return new JsonLinesLogger(stream, options.echo ?? false);
  }

  debug(message: string, fields?: Readonly<Record<string, unknown>>): void {
    this.write('debug', message, fields);
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

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.end(resolve));
  }

  private write(level: Level, message: string, fields?: Readonly<Record<string, unknown>>): void {
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
    this.stream.write(`${line}\n`);
    if (this.echo && (level === 'warn' || level === 'error')) process.stderr.write(`${line}\n`);
  }
}
