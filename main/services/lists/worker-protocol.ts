import type {
  FileInspection,
  ImportOptions,
  ImportProgress,
  ReadOptions,
  TextEncoding,
} from '../../../shared/domain/list';
import type { LocalizedText } from '../../../shared/domain/locale';
import type { ErrorCode } from '../../../shared/ipc/errors';
import type { NewList, StoredRow } from '../storage/lists-repository';
import type { ImportOutcome, PreviewData } from './import-job';
import type { ImportLimits } from './limits';

/** The job a worker runs, passed as `workerData`. */
export type WorkerJob =
  | {
      readonly job: 'inspect';
      readonly file: string;
      readonly encoding?: TextEncoding | undefined;
      readonly limits: ImportLimits;
    }
  | {
      readonly job: 'preview';
      readonly file: string;
      readonly options: ReadOptions;
      readonly limits: ImportLimits;
    }
  | {
      readonly job: 'import';
      readonly file: string;
      readonly options: ImportOptions;
      readonly limits: ImportLimits;
      /** The list the rows belong to, as created when the first rows are written. */
      readonly list: NewList;
      /**
       * The database file the worker writes the list into on its own connection; null for an
       * in-memory database, whose rows the worker posts to the main thread instead.
       */
      readonly database: string | null;
    };

/** An AppError flattened for postMessage. */
export interface WorkerError {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly details: Readonly<Record<string, unknown>> | undefined;
}

/** Messages from the worker to the main thread. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  /** Only when the job has no database file (see `WorkerJob`). */
  | { readonly type: 'rows'; readonly rows: readonly StoredRow[] }
  | { readonly type: 'done'; readonly result: FileInspection | PreviewData | ImportOutcome }
  | { readonly type: 'failed'; readonly error: WorkerError };

/** Messages from the main thread to the worker. */
export type WorkerCommand = { readonly type: 'cancel' };
