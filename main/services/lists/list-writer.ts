import {
  pushRowValues,
  type ListsRepository,
  type NewList,
  type RowValues,
  type StoredRow,
} from '../storage/lists-repository';
import type { ImportOutcome } from './import-job';

/**
 * Writes one import into the lists tables: the list (hidden, `importing`) with its first rows,
 * the rest in batches, then what the import learned and the counts and fingerprint, which make
 * it visible.
 *
 * The import worker's writer thread (`list-writer-thread.ts`) runs it on its own connection, so
 * rows never cross to the main thread (an in-memory test database, which no other thread can
 * open, has the main thread run it with rows the worker posts). Each batch is its own short transaction rather than the whole import one:
 * SQLite has one writer at a time, and a 1,000,000-row import holding the write lock for its
 * whole run would stall every write of the main thread (draft autosave, the outbox journal, task
 * snapshots) for as long. The list stays hidden until `finish`; `discard` (cancel, failure) and
 * `ListsRepository.removeUnfinished` (a crash) delete what was written.
 */
export class ListWriter {
  private started = false;

  constructor(
    private readonly repository: ListsRepository,
    private readonly list: NewList,
  ) {}

  /** Appends a batch of rows (the first batch also creates the hidden list). */
  rows(rows: readonly StoredRow[]): void {
    this.values(pushRowValues([], rows));
  }

  /** Appends a batch of rows given as `RowValues`. */
  values(values: Readonly<RowValues>): void {
    this.repository.transaction(() => {
      this.begin();
      this.repository.appendValues(this.list.id, values);
    });
  }

  /** Records the outcome and makes the list visible, in one transaction. */
  finish(outcome: ImportOutcome): void {
    this.repository.transaction(() => {
      this.begin();
      this.repository.describe(this.list.id, {
        sourceSha256: outcome.sourceSha256,
        sourceSizeBytes: outcome.sourceSizeBytes,
        sheet: outcome.sheet,
        headerRow: outcome.headerRow,
        mapping: outcome.mapping,
        columnNames: outcome.columnNames,
        encoding: outcome.encoding,
      });
      this.repository.recordCallees(this.list.id, outcome.callees);
      this.repository.finish(this.list.id, outcome.counts);
    });
  }

  /** Deletes whatever was written. */
  discard(): void {
    if (this.started) this.repository.remove(this.list.id);
  }

  private begin(): void {
    if (this.started) return;
    this.repository.begin(this.list);
    this.started = true;
  }
}
