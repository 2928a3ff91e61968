import { Worker } from 'node:worker_threads';
import type { ImportProgress } from '../../../shared/domain/list';
import { AppError } from '../errors';
import type { StoredRow } from '../storage/lists-repository';
import { importError } from './import-errors';
import type { WorkerCommand, WorkerJob, WorkerMessage } from './worker-protocol';

/**
 * Where the worker entry lives. Under Vitest/tsx it is the TypeScript source next to this file;
 * a bundler (electron-vite) should emit `import-worker.js` and pass its URL to `ListsService`.
 */
export const DEFAULT_WORKER_URL = new URL('./import-worker.ts', import.meta.url);

/** Callbacks for what a job streams back. */
export interface JobHandlers {
  readonly onRows?: (rows: readonly StoredRow[]) => void;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** Limits on the worker itself: fuzzed input may not take the app's memory or hang forever. */
export interface WorkerBounds {
  readonly maxHeapMb: number;
  /**
   * V8's young generation (where each row's short-lived objects are born). Left to V8, a worker
   * sized for a 1 GB heap takes far more than an import needs: 16 MB cut a 1,000,000-row
   * import's peak memory by about 150 MB at the same speed (`npm run bench:import`).
   */
  readonly youngGenerationMb: number;
  /** Milliseconds after which a job is stopped; 0 for none. */
  readonly timeoutMs: number;
}

/** Generous for a 1,000,000-row import, small enough that a bad file cannot take the machine. */
export const DEFAULT_WORKER_BOUNDS: WorkerBounds = {
  maxHeapMb: 1024,
  youngGenerationMb: 16,
  timeoutMs: 0,
};

const CANCEL_GRACE_MS = 2000;

function isMessage(value: unknown): value is WorkerMessage {
  return (
    typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
  );
}

/**
 * Runs one job in a fresh worker thread and resolves with its result.
 *
 * Cancelling (the signal) asks the worker to stop so it closes its files; if it has not ended
 * within two seconds it is terminated. The promise then rejects with CANCELLED. A worker that
 * dies for lack of memory rejects with LIMIT_EXCEEDED.
 */
export function runJob(
  job: WorkerJob,
  handlers: JobHandlers,
  signal: AbortSignal | undefined,
  workerUrl: URL = DEFAULT_WORKER_URL,
  bounds: WorkerBounds = DEFAULT_WORKER_BOUNDS,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(importError('cancelled'));
      return;
    }
    const worker = new Worker(workerUrl, {
      workerData: job,
      // TypeScript source needs tsx's loader inside the thread (see import-worker.ts).
      execArgv: workerUrl.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
      resourceLimits: {
        maxOldGenerationSizeMb: bounds.maxHeapMb,
        maxYoungGenerationSizeMb: bounds.youngGenerationMb,
      },
    });
    let settled = false;
    let cancelled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (outcome: { value: unknown } | { error: unknown }): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const timer of timers) clearTimeout(timer);
      void worker.terminate();
      if ('value' in outcome) resolve(outcome.value);
      else reject(outcome.error);
    };
    const onAbort = (): void => {
      cancelled = true;
      worker.postMessage({ type: 'cancel' } satisfies WorkerCommand);
      timers.push(setTimeout(() => finish({ error: importError('cancelled') }), CANCEL_GRACE_MS));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (bounds.timeoutMs > 0) {
      timers.push(
        setTimeout(
          () => finish({ error: importError('timedOut', { ms: bounds.timeoutMs }) }),
          bounds.timeoutMs,
        ),
      );
    }
    worker.on('message', (message: unknown) => {
      if (settled || !isMessage(message)) return;
      try {
        switch (message.type) {
          case 'rows':
            if (!cancelled) handlers.onRows?.(message.rows);
            break;
          case 'progress':
            if (!cancelled) handlers.onProgress?.(message.progress);
            break;
          case 'done':
            finish(cancelled ? { error: importError('cancelled') } : { value: message.result });
            break;
          case 'failed':
            finish({
              error: cancelled
                ? importError('cancelled')
                : new AppError(message.error.code, message.error.text, message.error.details),
            });
            break;
        }
      } catch (error) {
        finish({ error });
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish({
        error:
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? importError('workerOutOfMemory', undefined, error)
            : importError('internal', { error: `${error.name}: ${error.message}` }, error),
      });
    });
    worker.on('exit', (code) => {
      finish({
        error: cancelled ? importError('cancelled') : importError('internal', { exitCode: code }),
      });
    });
  });
}
