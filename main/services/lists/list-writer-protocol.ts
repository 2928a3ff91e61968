import type { NewList, RowValues } from '../storage/lists-repository';
import type { ImportOutcome } from './import-job';

/** What the writer thread is started with (`workerData`). */
export interface WriterData {
  readonly database: string;
  readonly list: NewList;
}

/** Messages from the import worker to its writer thread. */
export type ToWriter =
  | { readonly type: 'rows'; readonly values: RowValues }
  | { readonly type: 'finish'; readonly outcome: ImportOutcome }
  | { readonly type: 'discard' };

/** Messages from the writer thread: each answers one `ToWriter`, in order. */
export type FromWriter =
  | { readonly type: 'written' }
  | { readonly type: 'finished' }
  | { readonly type: 'discarded' }
  | { readonly type: 'failed'; readonly error: string };
