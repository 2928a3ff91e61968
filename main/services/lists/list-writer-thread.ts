import { Worker } from 'node:worker_threads';
import { pushRowValues, type NewList, type StoredRow } from '../storage/lists-repository';
import { importError } from './import-errors';
import type { ImportOutcome } from './import-job';
import type { FromWriter, ToWriter, WriterData } from './list-writer-protocol';

/** Batches on their way to the writer before the reader waits (bounds the memory they take). */
const MAX_IN_FLIGHT = 4;

/**
 * The writer thread's entry, next to this file: TypeScript under Vitest and tsx, the compiled
 * `list-writer-worker.js` next to the compiled import worker in a bundled app.
 */
function entryUrl(): URL {
  const typescript = import.meta.url.endsWith('.ts');
  return new URL(
    typescript ? './list-writer-worker.ts' : './list-writer-worker.js',
    import.meta.url,
  );
}

/**
 * The import worker's side of the writer thread (`list-writer-worker.ts`): rows are posted as
 * flat `RowValues` (no object per row to copy), and `ready` holds the reader back while
 * MAX_IN_FLIGHT batches wait to be written. A failure of the writer fails the import at its next
 * `rows`, `ready` or `finish`.
 */
export class ListWriterThread {
  private readonly worker: Worker;
  private readonly waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private inFlight = 0;
  private failure: Error | null = null;

  constructor(database: string, list: NewList) {
    const url = entryUrl();
    this.worker = new Worker(url, {
      workerData: { database, list } satisfies WriterData,
      execArgv: url.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
      // It holds a few batches at a time; a small young generation keeps its memory small too.
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 4 },
    });
    this.worker.on('message', (message: FromWriter) => {
      if (message.type === 'failed') this.fail(importError('notSaved', { writer: message.error }));
      else this.answered();
    });
    this.worker.on('error', (error) =>
      this.fail(importError('internal', { writer: `${error.name}: ${error.message}` }, error)),
    );
    this.worker.on('exit', (code) => this.fail(importError('internal', { writerExit: code })));
  }

  /** Sends a batch of rows to be written. */
  rows(rows: readonly StoredRow[]): void {
    if (this.failure) throw this.failure;
    this.send({ type: 'rows', values: pushRowValues([], rows) });
  }

  /** Resolves once few enough batches wait to be written. */
  async ready(): Promise<void> {
    while (this.inFlight > MAX_IN_FLIGHT) await this.next();
    if (this.failure) throw this.failure;
  }

  /** Writes the outcome (making the list visible) after every batch; resolves once written. */
  async finish(outcome: ImportOutcome): Promise<void> {
    this.send({ type: 'finish', outcome });
    while (this.inFlight > 0) await this.next();
    if (this.failure) throw this.failure;
  }

  /** Deletes whatever was written; never throws (the main thread removes the list too). */
  async discard(): Promise<void> {
    if (this.failure) return;
    try {
      this.send({ type: 'discard' });
      while (this.inFlight > 0) await this.next();
    } catch {
      // Failed or gone: ListsService removes the list on every failure.
    }
  }

  /** Stops the thread (its connection closes with it). */
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private send(message: ToWriter): void {
    this.inFlight += 1;
    this.worker.postMessage(message);
  }

  private next(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private answered(): void {
    this.inFlight -= 1;
    for (const waiter of this.waiting.splice(0)) waiter.resolve();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
  }
}
