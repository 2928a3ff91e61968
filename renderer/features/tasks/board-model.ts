import type { BoardDelta, BoardRow, BoardSnapshot } from '../../../shared/domain/board';
import { SortedIndex, type Compare } from './sorted-index';

/**
 * The board's rows in the renderer: every row by id, and the rows that pass the filter in sort
 * order. A delta moves only the rows it touches (binary search), it never re-sorts the board.
 */
export class BoardModel {
  private readonly byId = new Map<number, BoardRow>();
  private readonly idOfKey = new Map<string, number>();
  private readonly index: SortedIndex<BoardRow>;
  private match: (row: BoardRow) => boolean;
  /** Deltas with a larger seq apply; -1 before the snapshot. */
  seq = -1;
  /**
   * Deltas that arrived before the snapshot answered. Events and answers travel separately, so a
   * delta newer than the snapshot can come first (a task created while the board opens); it
   * applies once the snapshot is loaded instead of being lost.
   */
  private early: BoardDelta[] = [];

  constructor(compare: Compare<BoardRow>, match: (row: BoardRow) => boolean = () => true) {
    this.index = new SortedIndex(compare);
    this.match = match;
  }

  /** Rows that pass the filter, in order. */
  get visible(): readonly BoardRow[] {
    return this.index.all;
  }

  /** Every row, filtered or not, in no particular order. */
  all(): Iterable<BoardRow> {
    return this.byId.values();
  }

  /** Every row count, filtered or not. */
  get total(): number {
    return this.byId.size;
  }

  /** A row by its key. */
  row(key: string): BoardRow | undefined {
    const id = this.idOfKey.get(key);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Starts over from a snapshot. */
  load(snapshot: Pick<BoardSnapshot, 'rows' | 'seq'>): void {
    this.byId.clear();
    this.idOfKey.clear();
    for (const row of snapshot.rows) this.put(row);
    this.seq = snapshot.seq;
    this.index.reset([...this.byId.values()].filter(this.match));
    const early = this.early.sort((a, b) => a.seq - b.seq);
    this.early = [];
    for (const delta of early) this.apply(delta);
  }

  /** A new sort or filter: the one full sort. */
  setView(compare: Compare<BoardRow>, match: (row: BoardRow) => boolean): void {
    this.match = match;
    this.index.reset([...this.byId.values()].filter(match), compare);
  }

  /**
   * Applies a delta; false when it was stale (older than what is held) or came before the
   * snapshot (kept until `load`, which applies it when it is newer than the snapshot).
   */
  apply(delta: BoardDelta): boolean {
    if (this.seq < 0) {
      this.early.push(delta);
      return false;
    }
    if (delta.seq <= this.seq) return false;
    this.seq = delta.seq;
    const out: BoardRow[] = [];
    const into: BoardRow[] = [];
    for (const row of delta.added) {
      const before = this.byId.get(row.i);
      if (before && this.match(before)) out.push(before);
      this.put(row);
      if (this.match(row)) into.push(row);
    }
    for (const group of delta.changed) {
      const fields = group.f;
      for (const entry of group.r) {
        const before = this.byId.get(Number(entry[0]));
        if (!before) continue;
        // The event was checked against its schema when it crossed IPC; copy values as sent.
        const next: Record<string, unknown> = { ...before };
        for (let at = 0; at < fields.length; at++) next[fields[at] as string] = entry[at + 1];
        const row = next as BoardRow;
        this.byId.set(row.i, row);
        if (this.match(before)) out.push(before);
        if (this.match(row)) into.push(row);
      }
    }
    for (const id of delta.removed) {
      const before = this.byId.get(id);
      if (!before) continue;
      this.byId.delete(id);
      this.idOfKey.delete(before.k);
      if (this.match(before)) out.push(before);
    }
    if (out.length > 0 || into.length > 0) this.index.update(out, into);
    return true;
  }

  private put(row: BoardRow): void {
    this.byId.set(row.i, row);
    this.idOfKey.set(row.k, row.i);
  }
}
