import { describe, expect, it } from 'vitest';
import type { BoardDelta, BoardRow } from '../../../shared/domain/board';
import { BoardModel } from '../../../renderer/features/tasks/board-model';
import {
  fuzzyMatch,
  NO_FILTER,
  rowComparator,
  rowFilter,
  vendorMatches,
} from '../../../renderer/features/tasks/board-view';
import { SortedIndex } from '../../../renderer/features/tasks/sorted-index';

function row(i: number, patch: Partial<BoardRow> = {}): BoardRow {
  return {
    i,
    k: `acc:voice-group:${i}`,
    a: i % 2 === 0 ? 'acc-a' : 'acc-b',
    v: 'itniotech',
    kd: i % 3 === 0 ? 'predictive' : 'voice-group',
    t: String(i),
    n: `Task ${i}`,
    s: 'running',
    sc: '1',
    sl: 'running',
    tot: 1000,
    c: (i * 37) % 1000,
    ok: (i * 11) % 500,
    f: 0,
    x: 0,
    cr: 1_700_000_000_000 + i * 60_000,
    fin: null,
    ...patch,
  };
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const names = (id: string) => (id === 'acc-a' ? 'Beta' : 'Alpha');

describe('the sorted index', () => {
  it('keeps order through small and large batches of changes', () => {
    const compare = (a: number, b: number) => a - b;
    const index = new SortedIndex(compare);
    index.reset([5, 3, 9, 1]);
    index.update([3], [4, 10]);
    expect(index.all).toEqual([1, 4, 5, 9, 10]);
    const many = Array.from({ length: 200 }, (_, n) => n * 2 + 11);
    index.update([1, 9], many);
    expect(index.all).toEqual([...index.all].sort(compare));
    expect(index.size).toBe(203);
    expect(index.indexOf(4)).toBe(0);
    expect(index.indexOf(6)).toBe(-1);
  });
});

describe('the board model', () => {
  it.each([
    ['called', 'desc'],
    ['rate', 'asc'],
    ['account', 'asc'],
    ['created', 'desc'],
    ['name', 'desc'],
  ] as const)(
    'moves changed rows into place so the board equals a full sort by %s %s',
    (column, direction) => {
      const compare = rowComparator(column, direction, names);
      const match = rowFilter({ ...NO_FILTER, kind: 'voice-group' });
      const model = new BoardModel(compare, match);
      model.load({ seq: 0, rows: Array.from({ length: 2_000 }, (_, n) => row(n + 1)) });
      const next = random(7);
      const truth = new Map<number, BoardRow>();
      for (let n = 1; n <= 2_000; n++) truth.set(n, row(n));
      for (let seq = 1; seq <= 20; seq++) {
        // Small deltas take the splice path, large ones the merge path.
        const size = seq % 2 === 0 ? 10 : 400;
        const entries: (number | string | null)[][] = [];
        for (let j = 0; j < size; j++) {
          const id = 1 + Math.floor(next() * 2_000);
          const before = truth.get(id);
          if (!before || entries.some((entry) => entry[0] === id)) continue;
          const c = Math.min(1000, (before.c ?? 0) + Math.floor(next() * 50));
          const ok = Math.min(c, (before.ok ?? 0) + Math.floor(next() * 20));
          truth.set(id, { ...before, c, ok });
          entries.push([id, c, ok]);
        }
        const removedId = 2_000 - seq;
        truth.delete(removedId);
        const added = row(3_000 + seq, { c: seq * 40 });
        truth.set(added.i, added);
        const delta: BoardDelta = {
          seq,
          at: seq,
          added: [added],
          changed: [{ f: ['c', 'ok'], r: entries.filter((entry) => entry[0] !== removedId) }],
          removed: [removedId],
          accounts: [],
        };
        expect(model.apply(delta)).toBe(true);
        const expected = [...truth.values()].filter(match).sort(compare);
        expect(model.visible.map((r) => r.i)).toEqual(expected.map((r) => r.i));
      }
      // A stale delta changes nothing.
      expect(
        model.apply({ seq: 3, at: 0, added: [], changed: [], removed: [], accounts: [] }),
      ).toBe(false);
    },
  );

  it('keeps a delta that arrives before the snapshot, and applies it when it is newer', () => {
    const model = new BoardModel(rowComparator('created', 'desc', names));
    const empty = { changed: [], removed: [], accounts: [] };
    // Seq 4 was already in the snapshot; seq 5 (a task created meanwhile) came first.
    expect(model.apply({ seq: 4, at: 4, added: [row(1)], ...empty })).toBe(false);
    expect(model.apply({ seq: 5, at: 5, added: [row(2, { n: 'Just created' })], ...empty })).toBe(
      false,
    );
    model.load({ seq: 4, rows: [row(1)] });
    expect(model.seq).toBe(5);
    expect(model.row('acc:voice-group:2')?.n).toBe('Just created');
    expect(model.total).toBe(2);
    // Kept once: a later snapshot starts over without them.
    model.load({ seq: 6, rows: [row(1)] });
    expect(model.total).toBe(1);
  });

  it('filters by account, kind, status, created dates and a fuzzy name search', () => {
    const rows = [
      row(1, { n: 'Spring promotion', a: 'acc-a', kd: 'voice-group' }),
      row(2, { n: 'Survey follow-up', a: 'acc-b', s: 'completed' }),
      row(3, { n: 'Renewals', a: 'acc-a', kd: 'predictive', cr: null }),
    ];
    const pick = (filter: Partial<typeof NO_FILTER>) =>
      rows.filter(rowFilter({ ...NO_FILTER, ...filter })).map((r) => r.i);
    expect(pick({ search: 'sprpro' })).toEqual([1]);
    expect(pick({ search: 'su fol' })).toEqual([2]);
    expect(pick({ search: 'xyz' })).toEqual([]);
    expect(pick({ accountId: 'acc-a' })).toEqual([1, 3]);
    expect(pick({ kind: 'predictive' })).toEqual([3]);
    expect(pick({ state: 'completed' })).toEqual([2]);
    const day = new Date(rows[0]?.cr ?? 0);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect(pick({ createdFrom: iso, createdTo: iso })).toEqual([1, 2]);
    expect(fuzzyMatch('', 'anything')).toBe(true);
  });

  it('also shows the rows the vendors matched in voice files and TTS texts, for that text only', () => {
    const rows = [
      row(1, { n: 'Spring promotion' }),
      row(2, { n: 'Renewals' }),
      row(3, { n: 'Survey' }),
    ];
    const atVendor = new Set([rows[1]?.k ?? '']);
    const pick = (search: string, matches: ReadonlySet<string> | null) =>
      rows.filter(rowFilter({ ...NO_FILTER, search }, matches)).map((r) => r.i);
    // "insurance" is not in any name: only the vendor's match shows.
    expect(pick('insurance', atVendor)).toEqual([2]);
    expect(pick('insurance', null)).toEqual([]);
    // Name matches and vendor matches add up; an empty search ignores stale vendor matches.
    expect(pick('spring', atVendor)).toEqual([1, 2]);
    expect(pick('', atVendor)).toEqual([1, 2, 3]);
    const done = {
      state: 'done' as const,
      text: 'insurance',
      result: { keys: [rows[1]?.k ?? ''], searched: ['acc-a'], failed: [] },
    };
    expect(vendorMatches(done, ' insurance ')).toEqual(atVendor);
    // An answer for older text does not filter the new text.
    expect(vendorMatches(done, 'insur')).toBeNull();
    expect(vendorMatches({ state: 'searching', text: 'insurance' }, 'insurance')).toBeNull();
  });

  it('puts unknown values last in both directions', () => {
    const rows = [row(1, { c: null }), row(2, { c: 5 }), row(3, { c: 9 })];
    const asc = [...rows].sort(rowComparator('called', 'asc', names)).map((r) => r.i);
    const desc = [...rows].sort(rowComparator('called', 'desc', names)).map((r) => r.i);
    expect(asc).toEqual([2, 3, 1]);
    expect(desc).toEqual([3, 2, 1]);
  });
});
