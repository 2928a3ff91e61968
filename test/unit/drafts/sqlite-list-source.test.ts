import { describe, expect, it } from 'vitest';
import { LIST_BATCH_ROWS, type ListRow } from '../../../main/services/drafts/list-source';
import { SqliteListSource } from '../../../main/services/drafts/sqlite-list-source';
import { openDatabase } from '../../../main/services/storage/database';
import { insertList } from '../../integration/submissions/harness';

describe('SqliteListSource', () => {
  it('reads the valid rows in order, in batches, with names and trimmed variables', async () => {
    const db = openDatabase(':memory:');
    const count = 2 * LIST_BATCH_ROWS + 3;
    insertList(db, 'l1', count);
    // Variables with gaps keep their places; trailing blanks are dropped; '' names are none.
    db.prepare(
      `UPDATE list_rows SET name = '', var1 = 'a', var2 = '', var3 = 'c', var4 = '', var5 = NULL
       WHERE list_id = 'l1' AND seq = 5`,
    ).run();
    const source = new SqliteListSource(db);
    const sizes: number[] = [];
    const rows: ListRow[] = [];
    for await (const batch of source.rows('l1')) {
      sizes.push(batch.length);
      rows.push(...batch);
    }
    expect(sizes).toEqual([LIST_BATCH_ROWS, LIST_BATCH_ROWS, 3]);
    // Invalid and duplicate rows (after the valid ones) are not read.
    expect(rows).toHaveLength(count);
    expect(rows.map((row) => row.rowNumber)).toEqual(
      Array.from({ length: count }, (_, i) => i + 2),
    );
    expect(rows[0]).toEqual({
      rowNumber: 2,
      e164: rows[0]?.e164,
      name: 'Name 0',
      variables: ['v0'],
    });
    expect(rows[5]).toMatchObject({ name: null, variables: ['a', '', 'c'] });
    expect(await source.summary('l1')).toMatchObject({ valid: count, total: count + 3 });
    // An unknown list has no rows.
    const none: unknown[] = [];
    for await (const batch of source.rows('nope')) none.push(...batch);
    expect(none).toEqual([]);
  });
});
