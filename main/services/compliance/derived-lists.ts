import type { DatabaseSync } from 'node:sqlite';
import type { ListSource } from '../drafts/list-source';
import type { CalleeFingerprint } from '../lists/callee-fingerprint';
import { inTransaction } from '../storage/transaction';
import { readCallees } from '../submissions/callees';

/** Rows copied per statement (their `seq`s travel as one JSON array). */
const SEQS_PER_STATEMENT = 10_000;

/** A hidden list written from another list's rows. */
export interface DerivedList {
  readonly listId: string;
  readonly callees: CalleeFingerprint;
}

/**
 * Hidden lists derived from an imported list: what a campaign sends after its exclusions, or one
 * zone's part of a split campaign (issue 17).
 *
 * The rows are copied inside SQLite (`INSERT … SELECT` by `seq`), keeping their row numbers, names
 * and variables; the list carries its own callee fingerprint, so the outbox queues it by reference
 * and checks it before every attempt like any list. `derived_from` keeps it off the manager's
 * lists; it stays as long as the submissions that refer to it.
 */
export class DerivedLists {
  constructor(
    private readonly db: DatabaseSync,
    private readonly lists: ListSource,
    private readonly newId: () => string,
    private readonly clock: { now(): number },
  ) {}

  /** Writes the rows of `sourceListId` whose `seq` is in `seqs` (ascending) as a new hidden list. */
  async write(sourceListId: string, seqs: readonly number[], name: string): Promise<DerivedList> {
    const listId = this.newId();
    inTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO lists (id, name, status, source_file_name, source_sha256, source_size, sheet,
             header_row, mapping_json, column_names_json, default_country, rule, encoding,
             created_at, derived_from)
           SELECT ?, ?, 'importing', source_file_name, source_sha256, source_size, sheet,
             header_row, mapping_json, column_names_json, default_country, rule, encoding, ?, id
           FROM lists WHERE id = ?`,
        )
        .run(listId, name.slice(0, 200), this.clock.now(), sourceListId);
      const copy = this.db.prepare(
        `INSERT INTO list_rows (list_id, seq, row_number, status, original, phone, name,
           var1, var2, var3, var4, var5, reason_code, reason_detail)
         SELECT ?, seq, row_number, status, original, phone, name, var1, var2, var3, var4, var5,
           reason_code, reason_detail
         FROM list_rows WHERE list_id = ? AND seq IN (SELECT value FROM json_each(?))`,
      );
      for (let at = 0; at < seqs.length; at += SEQS_PER_STATEMENT) {
        copy.run(listId, sourceListId, JSON.stringify(seqs.slice(at, at + SEQS_PER_STATEMENT)));
      }
      this.db
        .prepare(
          `UPDATE lists SET status = 'ready',
             total = (SELECT COUNT(*) FROM list_rows WHERE list_id = ?1),
             valid = (SELECT COUNT(*) FROM list_rows WHERE list_id = ?1 AND status = 'valid'),
             fixed = (SELECT COUNT(*) FROM list_rows WHERE list_id = ?1 AND status = 'fixed')
           WHERE id = ?1`,
        )
        .run(listId);
    });
    // The fingerprint from the rows as written: the same bytes the outbox checks.
    const { count, sha256 } = await readCallees(this.lists, listId, { keep: false });
    this.db
      .prepare('UPDATE lists SET callee_count = ?, callee_sha256 = ? WHERE id = ?')
      .run(count, sha256, listId);
    return { listId, callees: { count, sha256 } };
  }
}
