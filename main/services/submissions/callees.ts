import { createHash } from 'node:crypto';
import type { ListSource } from '../drafts/list-source';
import type { Callee } from '../vendors/vendor';

/** A list's callable rows as the outbox sends them, with their fingerprint. */
export interface LoadedCallees {
  readonly callees: readonly Callee[];
  readonly count: number;
  /** SHA-256 over every row in order: number, name and variables. */
  readonly sha256: string;
}

const SEP = '\u001f';

/**
 * Reads a list's valid rows in order, as callees (when `keep`), and fingerprints them.
 *
 * The fingerprint is taken when a submission is queued and checked before every attempt, so a
 * resumed create sends exactly the numbers it started with, or refuses.
 */
export async function readCallees(
  source: ListSource,
  listId: string,
  options: { readonly keep: boolean },
): Promise<LoadedCallees> {
  const hash = createHash('sha256');
  const callees: Callee[] = [];
  let count = 0;
  for await (const batch of source.rows(listId)) {
    // One hash update per batch (the same bytes as one per row).
    let text = '';
    for (const row of batch) {
      count += 1;
      text += `${row.e164}${SEP}${row.name ?? ''}${SEP}${row.variables.join(SEP)}\n`;
      if (options.keep) {
        callees.push({
          phone: row.e164,
          ...(row.name ? { name: row.name } : {}),
          ...(row.variables.length > 0 ? { variables: row.variables } : {}),
        });
      }
    }
    hash.update(text);
  }
  return { callees, count, sha256: hash.digest('hex') };
}
