import type { DatabaseSync } from 'node:sqlite';
import {
  LIST_BATCH_ROWS,
  type ListExclusion,
  type ListRow,
  type ListSource,
  type ListSummary,
} from './list-source';

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
const int = (value: unknown): number =>
  typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : 0;

/**
 * `ListSource` over the imported-list tables (`lists`, `list_rows`, schema step 1).
 *
 * Valid rows are those the import marked `valid` or `fixed`, in `seq` order; rows are read with
 * a streaming statement, so a 1,000,000-row list is never held as query results.
 */
export class SqliteListSource implements ListSource {
  constructor(private readonly db: DatabaseSync) {}

  /** @inheritdoc */
  async summary(listId: string): Promise<ListSummary | null> {
    const list = this.db.prepare('SELECT * FROM lists WHERE id = ?').get(listId);
    if (!list) return null;
    const excluded = this.db
      .prepare(
        `SELECT status, reason_code, COUNT(*) AS n FROM list_rows
         WHERE list_id = ? AND status IN ('invalid', 'flagged', 'duplicate')
         GROUP BY status, reason_code ORDER BY n DESC`,
      )
      .all(listId)
      .map<ListExclusion>((row) => ({
        status: String(row['status']),
        reason: text(row['reason_code']),
        count: int(row['n']),
      }));
    let mapping: unknown;
    try {
      mapping = JSON.parse(String(list['mapping_json'])) as unknown;
    } catch {
      mapping = String(list['mapping_json']);
    }
    return {
      listId,
      name: String(list['name']),
      sourceFileName: String(list['source_file_name']),
      sourceSha256: String(list['source_sha256']),
      sheet: String(list['sheet']),
      mapping,
      total: int(list['total']),
      valid: int(list['valid']) + int(list['fixed']),
      excluded,
    };
  }

  /** @inheritdoc */
  async *rows(listId: string): AsyncIterable<readonly ListRow[]> {
    const statement = this.db.prepare(
      `SELECT row_number, phone, name, var1, var2, var3, var4, var5 FROM list_rows
       WHERE list_id = ? AND status IN ('valid', 'fixed') ORDER BY seq`,
    );
    // Rows as arrays: no property names per row (a third faster on a million rows).
    statement.setReturnArrays(true);
    let batch: ListRow[] = [];
    for (const values of statement.iterate(listId) as unknown as Iterable<unknown[]>) {
      let last = 7;
      while (last > 2 && (typeof values[last] !== 'string' || values[last] === '')) last -= 1;
      const variables: string[] = [];
      for (let at = 3; at <= last; at += 1) {
        const value = values[at];
        variables.push(typeof value === 'string' ? value : '');
      }
      batch.push({
        rowNumber: int(values[0]),
        e164: String(values[1]),
        name: text(values[2]),
        variables,
      });
      if (batch.length >= LIST_BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}
