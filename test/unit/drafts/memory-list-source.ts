import {
  LIST_BATCH_ROWS,
  type ListRow,
  type ListSource,
  type ListSummary,
} from '../../../main/services/drafts/list-source';
import type { CalleeSource } from '../../../main/services/vendors/vendor';

/** A ListSource over lists held in memory (rows generated on demand, so 1,000,000 is cheap). */
export class MemoryListSource implements ListSource {
  private readonly lists = new Map<
    string,
    { readonly count: number; readonly row: (i: number) => ListRow }
  >();

  /** Adds a list of `count` rows made by `row`. */
  add(listId: string, count: number, row: (i: number) => ListRow): void {
    this.lists.set(listId, { count, row });
  }

  async summary(listId: string): Promise<ListSummary | null> {
    const list = this.lists.get(listId);
    if (!list) return null;
    return {
      listId,
      name: `List ${listId}`,
      sourceFileName: `${listId}.xlsx`,
      sourceSha256: 'cd'.repeat(32),
      sheet: 'Sheet1',
      mapping: { phone: 'A' },
      total: list.count + 2,
      valid: list.count,
      excluded: [{ status: 'invalid', reason: 'too-short', count: 2 }],
      callees: null,
    };
  }

  callees(listId: string, count: number): CalleeSource {
    const list = this.lists.get(listId);
    return {
      length: list === undefined ? 0 : Math.min(count, list.count),
      slice: (from, to) =>
        list === undefined
          ? []
          : Array.from({ length: Math.max(0, Math.min(to, list.count) - from) }, (_, i) => {
              const row = list.row(from + i);
              return {
                phone: row.e164,
                ...(row.name ? { name: row.name } : {}),
                ...(row.variables.length > 0 ? { variables: row.variables } : {}),
              };
            }),
    };
  }

  async *rows(listId: string): AsyncIterable<readonly ListRow[]> {
    const list = this.lists.get(listId);
    if (!list) return;
    for (let start = 0; start < list.count; start += LIST_BATCH_ROWS) {
      const end = Math.min(list.count, start + LIST_BATCH_ROWS);
      yield Array.from({ length: end - start }, (_, i) => list.row(start + i));
    }
  }
}
