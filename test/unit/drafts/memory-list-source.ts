import type { ListRow, ListSource, ListSummary } from '../../../main/services/drafts/list-source';

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
    };
  }

  async *rows(listId: string): AsyncIterable<ListRow> {
    const list = this.lists.get(listId);
    if (!list) return;
    for (let i = 0; i < list.count; i += 1) yield list.row(i);
  }
}
