/** Orders two items; must be a total order (break ties, e.g. by id) so positions are unique. */
export type Compare<T> = (a: T, b: T) => number;

/** Above this many changes per update, one merge pass beats one splice per change. */
const MERGE_THRESHOLD = 48;

/**
 * A sorted array kept sorted under small changes: removing or inserting an item is a binary
 * search plus one splice, so an update of k rows costs O(k log n) comparisons instead of a sort
 * of all n rows. Large batches are removed in one pass and merged in (O(n + k log k)).
 *
 * Items must be replaced, not mutated: removal finds an item by the values it was inserted with.
 */
export class SortedIndex<T> {
  private items: T[] = [];

  constructor(private compare: Compare<T>) {}

  /** The items in order (do not mutate). */
  get all(): readonly T[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  /** Replaces everything (one sort). */
  reset(items: Iterable<T>, compare: Compare<T> = this.compare): void {
    this.compare = compare;
    this.items = [...items].sort(compare);
  }

  /** The position of `item`, or -1 when it is not held. */
  indexOf(item: T): number {
    const at = this.lowerBound(item);
    return at < this.items.length && this.compare(this.items[at] as T, item) === 0 ? at : -1;
  }

  /** Removes the `removed` items (as inserted) and inserts the `added` ones. */
  update(removed: readonly T[], added: readonly T[]): void {
    if (removed.length + added.length <= MERGE_THRESHOLD) {
      for (const item of removed) {
        const at = this.indexOf(item);
        if (at >= 0) this.items.splice(at, 1);
      }
      for (const item of added) this.items.splice(this.lowerBound(item), 0, item);
      return;
    }
    const gone = new Set<T>(removed);
    const kept = gone.size === 0 ? this.items : this.items.filter((item) => !gone.has(item));
    const incoming = [...added].sort(this.compare);
    const merged: T[] = new Array<T>(kept.length + incoming.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length && j < incoming.length) {
      const a = kept[i] as T;
      const b = incoming[j] as T;
      if (this.compare(a, b) <= 0) {
        merged[k++] = a;
        i++;
      } else {
        merged[k++] = b;
        j++;
      }
    }
    while (i < kept.length) merged[k++] = kept[i++] as T;
    while (j < incoming.length) merged[k++] = incoming[j++] as T;
    this.items = merged;
  }

  private lowerBound(item: T): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(this.items[mid] as T, item) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
