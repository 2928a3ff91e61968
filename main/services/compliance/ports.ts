/**
 * The storage ports of calling compliance (issue 17): do-not-call (DNC) lists and the history of
 * every number submitted.
 *
 * SQLite is the local adapter (`sqlite-dnc-repository.ts`, `sqlite-call-history-repository.ts`).
 * The ports are written so that a shared team store on PostgreSQL can implement them next, and a
 * whole contact center shares one DNC list and one history:
 *
 * - every method is async and takes or returns plain values: ids are strings, numbers are E.164
 *   text (`+8613800138000`), instants are epoch milliseconds; no SQLite type appears;
 * - changes come in batches (`addEntries`, `record`), so a remote store is one round trip per
 *   batch, not per number;
 * - `version()` is a watermark that changes on every change. The audit trail records the
 *   versions a check used (the proof), and a local replica of a team store can tell whether it is
 *   behind without reading the data.
 *
 * What a PostgreSQL adapter will need:
 *
 * - tables as in the SQLite migration (`storage/migrations/compliance.ts`), numbers as `bigint`
 *   (E.164 has at most 15 digits); `UNIQUE (list_id, number)` on entries (an added number
 *   replaces its earlier entry), `UNIQUE (account_id, task_ref)` on submissions (recording the
 *   same submission again is a no-op), `UNIQUE (number, at, submission_id)` on history;
 * - indexes `dnc_entries (number)` and `call_history (number, at)`: the check probes them once per
 *   number;
 * - one transaction per method; the version bump is part of it (`UPDATE compliance_versions SET
 *   version = version + 1 ... RETURNING version`, which also serialises writers), so a reader sees
 *   either the data and the version before a change or both after it; the check reads the
 *   versions and the rows in one REPEATABLE READ transaction;
 * - the fast check joins the list's rows with these tables. The list lives in the local SQLite
 *   file, so against a team store the check runs on a local replica refreshed by `version()`
 *   (or, for small lists, sends the list's numbers in batches with `=ANY($1::bigint[])`).
 *
 * @packageDocumentation
 */

/** Which accounts a DNC list applies to: every account, or the chosen ones. */
export type DncScope =
  | { readonly kind: 'all-accounts' }
  | { readonly kind: 'accounts'; readonly accountIds: readonly string[] };

/** A DNC list as stored: its entries are read separately, a page at a time. */
export interface DncList {
  readonly id: string;
  readonly name: string;
  readonly scope: DncScope;
  /** How many numbers it holds (expired ones included until removed). */
  readonly entryCount: number;
  /** Changes with every change to this list (name, scope or entries). */
  readonly version: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A new DNC list. */
export interface NewDncList {
  readonly id: string;
  readonly name: string;
  readonly scope: DncScope;
  readonly at: number;
}

/** One number to put on a DNC list. */
export interface DncEntryInput {
  /** E.164, e.g. `+8613800138000`. */
  readonly number: string;
  /** When the entry stops applying (epoch ms; it applies before, not at this instant), or null. */
  readonly expiresAt?: number | null;
  /** Where it came from, e.g. "customer asked" or "national registry export". */
  readonly source?: string | null;
}

/** One number on a DNC list. */
export interface DncEntry {
  readonly listId: string;
  readonly number: string;
  readonly expiresAt: number | null;
  readonly source: string | null;
  readonly addedAt: number;
}

/** One page of a keyset-paged read: pass `next` back as `after` for the following page. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Where the next page starts, or null when this was the last one. */
  readonly next: string | null;
}

/** A page request: at most `limit` items after the `after` cursor of the previous page. */
export interface PageRequest {
  readonly after?: string | null;
  readonly limit: number;
}

/** What a batch change did. */
export interface BatchResult {
  /** Rows written or removed. */
  readonly count: number;
  /** The store's version after the change (`version()`). */
  readonly version: number;
}

/** A DNC match for one number: which list holds it, and why. */
export interface DncMatch {
  readonly number: string;
  readonly listId: string;
  readonly source: string | null;
  readonly expiresAt: number | null;
}

/** Do-not-call lists: lists, their scope and their numbers, with a version for the proof. */
export interface DncRepository {
  /** Creates an empty list. */
  createList(list: NewDncList): Promise<DncList>;
  /** Renames a list. */
  renameList(id: string, name: string, at: number): Promise<DncList>;
  /** Changes which accounts a list applies to. */
  setScope(id: string, scope: DncScope, at: number): Promise<DncList>;
  /** Deletes a list and its entries. */
  deleteList(id: string): Promise<void>;
  /** One list, or null. */
  getList(id: string): Promise<DncList | null>;
  /** Every list, by name. */
  lists(): Promise<readonly DncList[]>;
  /**
   * Adds numbers (one or a batch) to a list; a number already on it takes the new expiry and
   * source. Refuses the whole batch when one number is not E.164.
   */
  addEntries(listId: string, entries: readonly DncEntryInput[], at: number): Promise<BatchResult>;
  /**
   * Adds every callable row (valid or fixed) of an imported list, with one expiry and source
   * for all of them: the bulk path for "mark this imported list as a DNC list".
   */
  addImportedList(
    listId: string,
    importedListId: string,
    options: { readonly expiresAt?: number | null; readonly source?: string | null },
    at: number,
  ): Promise<BatchResult>;
  /** Removes numbers from a list; numbers not on it are ignored. */
  removeEntries(listId: string, numbers: readonly string[], at: number): Promise<BatchResult>;
  /** A list's entries in number order, a page at a time. */
  entries(listId: string, page: PageRequest): Promise<Page<DncEntry>>;
  /**
   * Which of `numbers` are on a list that applies to `accountId` and has not expired at `at`
   * (one match per number: the first list by creation).
   */
  lookup(numbers: readonly string[], accountId: string, at: number): Promise<readonly DncMatch[]>;
  /** The watermark: changes on every change to any list. */
  version(): Promise<number>;
}

/** One submission's numbers, as the outbox or a resend sent them. */
export interface SubmittedNumbers {
  readonly accountId: string;
  /** The vendor's task id, or the app's submission id when the vendor gives none. */
  readonly taskRef: string;
  /** When they were submitted (epoch ms). */
  readonly at: number;
  /** True when sent by a resend (they count like any other call). */
  readonly byResend: boolean;
  /** E.164 numbers. */
  readonly numbers: readonly string[];
}

/** "Called in the last N days" as seen at an instant: calls at or after `at - days`, up to `at`. */
export interface HistoryWindow {
  readonly days: number;
  readonly at: number;
}

/** The last call to one number inside a window. */
export interface RecentCall {
  readonly number: string;
  readonly lastCalledAt: number;
  /** Calls to it inside the window, over every account, vendor and resend. */
  readonly calls: number;
}

/** Counts over the history. */
export interface HistoryCounts {
  readonly submissions: number;
  /** Numbers submitted (a number sent twice counts twice). */
  readonly calls: number;
  /** Of those, sent by a resend. */
  readonly byResend: number;
}

/** The history of every number submitted, across accounts, vendors and resends. */
export interface CallHistoryRepository {
  /**
   * Records one submission's numbers (or the next chunk of them). Recording the same numbers of
   * the same submission at the same instant again changes nothing, so a retried write is safe.
   */
  record(submitted: SubmittedNumbers): Promise<BatchResult>;
  /** Which of `numbers` were called inside the window (batch lookup). */
  recentlyCalled(numbers: readonly string[], window: HistoryWindow): Promise<readonly RecentCall[]>;
  /** The callable numbers of imported list `listId` called inside the window, in list order. */
  calledFromList(
    listId: string,
    window: HistoryWindow,
    page: PageRequest,
  ): Promise<Page<RecentCall>>;
  /** How many callable rows of imported list `listId` were called inside the window. */
  countCalledFromList(listId: string, window: HistoryWindow): Promise<number>;
  /** Counts, optionally for one account and from an instant on. */
  counts(filter?: { readonly accountId?: string; readonly since?: number }): Promise<HistoryCounts>;
  /** The watermark: changes on every recorded submission. */
  version(): Promise<number>;
}
