import type { ListSource } from '../drafts/list-source';
import { CalleeHasher, type CalleeFingerprint } from '../lists/callee-fingerprint';
import type { Callee } from '../vendors/vendor';

/** A list's callable rows as the outbox sends them, with their fingerprint. */
export interface LoadedCallees extends CalleeFingerprint {
  readonly callees: readonly Callee[];
}

/**
 * Reads a list's valid rows in order, as callees (when `keep`), and fingerprints them
 * (`CalleeHasher`: the same bytes the import hashes when it stores a list's fingerprint).
 *
 * The outbox uses the stored fingerprint; this read is for lists imported before it was stored,
 * and for looking up the numbers a task was sent (`submitted-numbers.ts`).
 */
export async function readCallees(
  source: ListSource,
  listId: string,
  options: { readonly keep: boolean },
): Promise<LoadedCallees> {
  const hasher = new CalleeHasher();
  const callees: Callee[] = [];
  for await (const batch of source.rows(listId)) {
    for (const row of batch) {
      hasher.add(row.e164, row.name, row.variables);
      if (options.keep) {
        callees.push({
          phone: row.e164,
          ...(row.name ? { name: row.name } : {}),
          ...(row.variables.length > 0 ? { variables: row.variables } : {}),
        });
      }
    }
  }
  return { callees, ...hasher.digest() };
}

/**
 * The fingerprint of a list's callable rows: the one stored at import, or, for a list imported
 * before fingerprints were stored, computed from its rows. Null when the list is gone.
 */
export async function calleeFingerprintOf(
  source: ListSource,
  listId: string,
): Promise<CalleeFingerprint | null> {
  const summary = await source.summary(listId);
  if (summary === null) return null;
  if (summary.callees !== null) return summary.callees;
  const { count, sha256 } = await readCallees(source, listId, { keep: false });
  return { count, sha256 };
}
