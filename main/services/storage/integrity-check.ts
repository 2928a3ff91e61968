import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import { z } from 'zod';

/** A row of `sqlite_schema`: which table or index a b-tree (root page) belongs to. */
export interface SchemaEntry {
  readonly name: string;
  readonly table: string;
  readonly rootPage: number;
}

/** What `PRAGMA quick_check` said about a database file. */
export type CheckResult =
  | { readonly kind: 'ok' }
  /** SQLite cannot read the file as a database (header damaged, or damaged as it opens). */
  | { readonly kind: 'unreadable' }
  /** quick_check found problems (its own lines, at most 100) or stopped on damage. */
  | {
      readonly kind: 'damaged';
      readonly lines: readonly string[];
      readonly schema: readonly SchemaEntry[];
    }
  /** The check could not run for another reason (e.g. the file is locked); not damage. */
  | { readonly kind: 'failed'; readonly reason: string };

/** What became of the backup the check was asked to take. */
export type BackupResult =
  | { readonly kind: 'written' }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'failed'; readonly reason: string };

/** A running check, started by `startIntegrityCheck`. */
export interface IntegrityCheck {
  /** The result if it arrived within the wait given at start, else null (it is still running). */
  readonly immediate: CheckResult | null;
  /** The result, whenever it arrives. */
  readonly result: Promise<CheckResult>;
  /** The backup: written only when asked for and the check found the database sound. */
  readonly backup: Promise<BackupResult>;
  /** Stops the thread (an unfinished backup stays a `.partial` file, never a backup). */
  stop(): Promise<void>;
}

const SchemaEntrySchema = z.object({
  name: z.string(),
  table: z.string(),
  rootPage: z.number(),
});
const MessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('checked'),
    result: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok') }),
      z.object({ kind: z.literal('unreadable') }),
      z.object({
        kind: z.literal('damaged'),
        lines: z.array(z.string()),
        schema: z.array(SchemaEntrySchema),
      }),
      z.object({ kind: z.literal('failed'), reason: z.string() }),
    ]),
  }),
  z.object({
    type: z.literal('backup'),
    result: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('written') }),
      z.object({ kind: z.literal('skipped') }),
      z.object({ kind: z.literal('failed'), reason: z.string() }),
    ]),
  }),
]);

/**
 * The thread's code. It is evaluated (`eval: true`) rather than loaded from a file so that the
 * packaged app needs no extra bundle entry and tests need no TypeScript loader in the thread; it
 * uses only node:sqlite and node:worker_threads.
 *
 * SQLite error codes (https://sqlite.org/rescode.html): 11 SQLITE_CORRUPT, 26 SQLITE_NOTADB;
 * extended codes keep the primary code in the low byte.
 */
const THREAD_CODE = `
'use strict';
const { workerData } = require('node:worker_threads');
const { file, port, flag, backupTo } = workerData;
const primary = (error) => (error && typeof error.errcode === 'number' ? error.errcode & 0xff : 0);
const isDamage = (error) => primary(error) === 11 || primary(error) === 26;
const reasonOf = (error) => String(error && error.code ? error.code : 'error') + ' ' + primary(error);
let db = null;
let result;
try {
  const { DatabaseSync } = require('node:sqlite');
  db = new DatabaseSync(file, { readOnly: true });
  const schema = db
    .prepare('SELECT name, tbl_name AS "table", rootpage AS rootPage FROM sqlite_schema')
    .all()
    .map((row) => ({ name: String(row.name), table: String(row.table), rootPage: Number(row.rootPage) }));
  const lines = [];
  try {
    // Row by row: a check that stops on damage still keeps the lines it reported before.
    for (const row of db.prepare('PRAGMA quick_check(100)').iterate()) {
      lines.push(String(Object.values(row)[0]));
    }
  } catch (error) {
    if (!isDamage(error)) throw error;
    lines.push(String(error.message));
  }
  result = lines.length === 1 && lines[0] === 'ok' ? { kind: 'ok' } : { kind: 'damaged', lines, schema };
} catch (error) {
  result = isDamage(error) ? { kind: 'unreadable' } : { kind: 'failed', reason: reasonOf(error) };
}
port.postMessage({ type: 'checked', result });
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
if (result.kind === 'ok' && backupTo) {
  try {
    db.prepare('VACUUM INTO ?').run(backupTo);
    port.postMessage({ type: 'backup', result: { kind: 'written' } });
  } catch (error) {
    port.postMessage({ type: 'backup', result: { kind: 'failed', reason: reasonOf(error) } });
  }
} else {
  port.postMessage({ type: 'backup', result: { kind: 'skipped' } });
}
if (db) db.close();
port.close();
`;

/**
 * Runs `PRAGMA quick_check` on `file` in a worker thread on its own read-only connection, and
 * then, if the database is sound and `backupTo` is given, `VACUUM INTO backupTo`.
 *
 * node:sqlite has no progress handler to interrupt a check, so the time bound comes from the
 * thread: this thread waits at most `waitMs` (Atomics.wait) and goes on; a large database keeps
 * being checked beside the app, and `result` says what was found. A read-only connection reads a
 * consistent snapshot while the app writes (WAL), and `VACUUM INTO` from it is the backup.
 */
export function startIntegrityCheck(
  file: string,
  options: { readonly waitMs: number; readonly backupTo?: string },
): IntegrityCheck {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(THREAD_CODE, {
    eval: true,
    workerData: { file, port: port2, flag, backupTo: options.backupTo ?? null },
    transferList: [port2],
  });

  let settleCheck: (result: CheckResult) => void = () => undefined;
  let settleBackup: (result: BackupResult) => void = () => undefined;
  const result = new Promise<CheckResult>((resolve) => (settleCheck = resolve));
  const backup = new Promise<BackupResult>((resolve) => (settleBackup = resolve));
  let checked: CheckResult | null = null;

  const handle = (raw: unknown): void => {
    const message = MessageSchema.safeParse(raw);
    if (!message.success) return;
    if (message.data.type === 'checked') {
      checked = message.data.result;
      settleCheck(checked);
    } else {
      settleBackup(message.data.result);
    }
  };
  const drain = (port: MessagePort): void => {
    for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) {
      handle(next.message);
    }
  };

  if (options.waitMs > 0) Atomics.wait(flag, 0, 0, options.waitMs);
  drain(port1);
  const immediate = checked;
  port1.on('message', handle);
  const ended = (reason: string) => {
    settleCheck({ kind: 'failed', reason });
    settleBackup({ kind: 'failed', reason });
  };
  worker.on('error', (error) => ended(error.name));
  worker.on('exit', () => {
    // Messages posted just before the thread ended may still be queued.
    drain(port1);
    ended('the check thread ended');
  });

  return {
    immediate,
    result,
    backup,
    stop: async () => {
      await worker.terminate();
      port1.close();
    },
  };
}
