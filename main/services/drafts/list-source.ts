import type { CalleeFingerprint } from '../lists/callee-fingerprint';
import type { CalleeSource } from '../vendors/vendor';

/** One callable row of a cleaned list, in list order. */
export interface ListRow {
  /** The row in the source file (1-based, as the manager sees it in Excel). */
  readonly rowNumber: number;
  /** The number in E.164 (`+8613800138000`). */
  readonly e164: string;
  readonly name: string | null;
  /** Up to 5 per-callee variables, in mapping order. */
  readonly variables: readonly string[];
}

/** Why rows were left out of a list, and how many. */
export interface ListExclusion {
  /** `invalid` or `duplicate`. */
  readonly status: string;
  /** A reason code from the import (e.g. `too-short`), or null. */
  readonly reason: string | null;
  readonly count: number;
}

/** What a draft, the pre-flight review and the audit trail need to know about a list. */
export interface ListSummary {
  readonly listId: string;
  readonly name: string;
  readonly sourceFileName: string;
  readonly sourceSha256: string;
  readonly sheet: string;
  /** The column mapping as the import recorded it (opaque here; audited as is). */
  readonly mapping: unknown;
  readonly total: number;
  /** Rows that will be called. */
  readonly valid: number;
  readonly excluded: readonly ListExclusion[];
  /**
   * Count and SHA-256 of the callable rows, stored when the list was imported (`CalleeHasher`);
   * null for a list imported before the app stored it.
   */
  readonly callees: CalleeFingerprint | null;
}

/** Rows per batch a ListSource yields. */
export const LIST_BATCH_ROWS = 10_000;

/**
 * The port drafts and the outbox read imported lists through (the lists service owns the data).
 *
 * Rows come in list order and a list does not change once imported. Its callable rows'
 * fingerprint is stored at import, so the outbox queues by reference, checks the fingerprint
 * before every attempt, and reads the rows once, as it sends them.
 */
export interface ListSource {
  summary(listId: string): Promise<ListSummary | null>;
  /**
   * The valid rows, in order, in batches (up to LIST_BATCH_ROWS each): a 1,000,000-row list is
   * a hundred awaits, not a million.
   */
  rows(listId: string): AsyncIterable<readonly ListRow[]>;
  /**
   * The valid rows as callees, read from the store a slice at a time as a vendor sends them
   * (`count` is the number of valid rows, from the summary).
   */
  callees(listId: string, count: number): CalleeSource;
}
