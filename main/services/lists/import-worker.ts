/**
 * Worker entry for inspect, preview and import (DESIGN.md: imports run off the main thread).
 *
 * Loaded by `worker-client.ts`. Under Vitest and tsx this TypeScript file runs in a worker
 * started with `--import tsx` (Node's own type stripping cannot resolve our extensionless
 * imports); a bundled build points the client at the compiled worker instead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import { importError } from './import-errors';
import { importFile, inspectFile, previewFile } from './import-job';
import { ListWriterThread } from './list-writer-thread';
import type { WorkerCommand, WorkerJob, WorkerMessage } from './worker-protocol';

const port = parentPort;
const controller = new AbortController();

function post(message: WorkerMessage): void {
  port?.postMessage(message);
}

function isCancel(value: unknown): value is WorkerCommand {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'cancel';
}

port?.on('message', (message: unknown) => {
  if (isCancel(message)) controller.abort();
});

async function run(job: WorkerJob): Promise<void> {
  const { signal } = controller;
  switch (job.job) {
    case 'inspect':
      post({
        type: 'done',
        result: await inspectFile(job.file, { encoding: job.encoding }, job.limits, signal),
      });
      return;
    case 'preview':
      post({ type: 'done', result: await previewFile(job.file, job.options, job.limits, signal) });
      return;
    case 'import': {
      // The rows go to a writer thread with its own database connection, which writes them while
      // this thread reads and checks the next ones; the main thread hears only progress and the
      // outcome. An in-memory database (tests) gets the rows on the main thread instead.
      const writer = job.database === null ? null : new ListWriterThread(job.database, job.list);
      try {
        const outcome = await importFile(
          job.file,
          job.options,
          job.limits,
          {
            rows: (rows) => (writer === null ? post({ type: 'rows', rows }) : writer.rows(rows)),
            progress: (progress) => post({ type: 'progress', progress }),
            ...(writer === null ? {} : { ready: () => writer.ready() }),
          },
          signal,
        );
        await writer?.finish(outcome);
        post({ type: 'done', result: outcome });
      } catch (error) {
        await writer?.discard();
        throw error;
      } finally {
        await writer?.close();
      }
      return;
    }
  }
}

try {
  // workerData is what worker-client.ts built from a WorkerJob; it never comes from outside.
  await run(workerData as WorkerJob);
} catch (caught) {
  const error =
    caught instanceof AppError
      ? caught
      : controller.signal.aborted
        ? importError('cancelled')
        : importError('internal', {
            error: caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught),
          });
  post({ type: 'failed', error: { code: error.code, text: error.text, details: error.details } });
}
// The main thread terminates this worker when it has the last message.
