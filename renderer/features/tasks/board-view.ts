import { progressOf, successRateOf, type BoardRow } from '../../../shared/domain/board';
import type { BoardColumn, SortDirection } from '../../../shared/domain/board-ui';
import type { TaskKind, TaskState } from '../../../shared/domain/task';
import type { TaskSearchResult } from '../../../shared/domain/task-search';
import type { Compare } from './sorted-index';

/** What narrows the board; empty fields do not filter. */
export interface BoardFilter {
  readonly accountId: string | null;
  readonly kind: TaskKind | null;
  readonly state: TaskState | null;
  /** Local dates `yyyy-mm-dd`, inclusive; '' for open-ended. */
  readonly createdFrom: string;
  readonly createdTo: string;
  readonly search: string;
}

/** No filter at all. */
export const NO_FILTER: BoardFilter = {
  accountId: null,
  kind: null,
  state: null,
  createdFrom: '',
  createdTo: '',
  search: '',
};

/**
 * Fuzzy match: every character of the needle appears in the text in order, ignoring case and
 * spaces ("sprpro" finds "Spring promotion").
 */
export function fuzzyMatch(needle: string, text: string): boolean {
  const n = needle.toLowerCase().replace(/\s+/g, '');
  if (n === '') return true;
  const h = text.toLowerCase();
  let at = 0;
  for (const char of n) {
    at = h.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

function dayStart(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** Where the vendor side of a board search stands, for the text it was asked for. */
export type VendorSearch =
  | { readonly state: 'idle' }
  | { readonly state: 'searching'; readonly text: string }
  | { readonly state: 'done'; readonly text: string; readonly result: TaskSearchResult }
  | { readonly state: 'failed'; readonly text: string; readonly message: string };

/** The row keys the vendors matched for exactly this text (none while a newer search runs). */
export function vendorMatches(search: VendorSearch, text: string): ReadonlySet<string> | null {
  return search.state === 'done' && search.text === text.trim()
    ? new Set(search.result.keys)
    : null;
}

/**
 * A predicate for a filter (the dates read in the local zone). The search matches task names
 * here, and also the rows in `vendorMatches` (what the vendors found in voice files and TTS texts).
 */
export function rowFilter(
  filter: BoardFilter,
  vendorMatches: ReadonlySet<string> | null = null,
): (row: BoardRow) => boolean {
  const from = dayStart(filter.createdFrom);
  const toStart = dayStart(filter.createdTo);
  const to = toStart === null ? null : toStart + 86_400_000;
  const search = filter.search.trim();
  return (row) =>
    (filter.accountId === null || row.a === filter.accountId) &&
    (filter.kind === null || row.kd === filter.kind) &&
    (filter.state === null || row.s === filter.state) &&
    (from === null || (row.cr !== null && row.cr >= from)) &&
    (to === null || (row.cr !== null && row.cr < to)) &&
    (search === '' || fuzzyMatch(search, row.n || row.t) || vendorMatches?.has(row.k) === true);
}

type Key = (row: BoardRow) => number | string | null;

function keyOf(column: BoardColumn, accountName: (id: string) => string): Key {
  switch (column) {
    case 'name':
      return (row) => (row.n || row.t).toLowerCase();
    case 'account':
      return (row) => accountName(row.a).toLowerCase();
    case 'kind':
      return (row) => row.kd;
    case 'status':
      return (row) => row.s;
    case 'progress':
      return progressOf;
    case 'numbers':
      return (row) => row.tot;
    case 'called':
      return (row) => row.c;
    case 'success':
      return (row) => row.ok;
    case 'failed':
      return (row) => row.f;
    case 'transferred':
      return (row) => row.x;
    case 'rate':
      return successRateOf;
    case 'created':
      return (row) => row.cr;
  }
}

/**
 * A total order of rows by a column: unknown values (null) last in either direction, ties broken
 * by row id (newer rows, larger ids, first) so every row has one place.
 */
export function rowComparator(
  column: BoardColumn,
  direction: SortDirection,
  accountName: (id: string) => string,
): Compare<BoardRow> {
  const key = keyOf(column, accountName);
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return b.i - a.i;
  };
}
