import type { BoardColumn } from '../../../shared/domain/board-ui';

// Which of the chosen columns the board shows in the width it has, and how wide the task detail
// beside it may be. Pure, so the choices are unit-tested; the board measures its own area with a
// ResizeObserver (not the window: the sidebar and the detail panel take their share first).

/** The narrowest each column can be and still be read (px). */
export const COLUMN_MIN_PX: Readonly<Record<BoardColumn, number>> = {
  name: 200,
  account: 126,
  kind: 126,
  status: 104,
  progress: 96,
  numbers: 80,
  called: 80,
  success: 80,
  failed: 80,
  transferred: 84,
  rate: 84,
  created: 176,
};

/** Space between columns, the row's side padding and a scroll bar (px). */
const GAP_PX = 8;
const ROW_PADDING_PX = 16;
const SCROLLBAR_PX = 16;

/**
 * Columns in the order they give way when the board is narrow, first to go first. Account and
 * kind go first because the name cell shows both under the name ("Demo · Yccall server ·
 * Predictive task"), so nothing is lost; the name and the status never go.
 */
export const DROP_ORDER: readonly BoardColumn[] = [
  'account',
  'kind',
  'created',
  'numbers',
  'failed',
  'transferred',
  'progress',
  'called',
  'rate',
  'success',
];

/** The width a set of columns needs (px). */
export function widthNeeded(columns: readonly BoardColumn[]): number {
  const cells = columns.reduce((sum, column) => sum + COLUMN_MIN_PX[column], 0);
  return cells + GAP_PX * Math.max(0, columns.length - 1) + ROW_PADDING_PX + SCROLLBAR_PX;
}

/** The columns the board shows, and the chosen ones left out for lack of width. */
export interface FittedColumns {
  readonly shown: readonly BoardColumn[];
  readonly hidden: readonly BoardColumn[];
}

/**
 * The chosen columns that fit in `width` px, dropping them in DROP_ORDER until the rest fit.
 * The order of the shown columns is the chosen order. A width of 0 (not measured yet) shows all.
 */
export function columnsThatFit(chosen: readonly BoardColumn[], width: number): FittedColumns {
  if (width <= 0) return { shown: chosen, hidden: [] };
  const hidden = new Set<BoardColumn>();
  const shown = () => chosen.filter((column) => !hidden.has(column));
  for (const column of DROP_ORDER) {
    if (widthNeeded(shown()) <= width) break;
    if (chosen.includes(column)) hidden.add(column);
  }
  return { shown: shown(), hidden: chosen.filter((column) => hidden.has(column)) };
}

/** The grid template of shown columns: the name takes the spare width, the rest their minimum. */
export function gridTemplate(columns: readonly BoardColumn[]): string {
  return columns
    .map((column) =>
      column === 'name' ? `minmax(${COLUMN_MIN_PX.name}px, 1fr)` : `${COLUMN_MIN_PX[column]}px`,
    )
    .join(' ');
}

/** The task detail panel's narrowest and default widths (px). */
export const DETAIL_MIN_PX = 360;
export const DETAIL_DEFAULT_PX = 460;

/** What the board keeps beside an open detail: the name and the status at least (px). */
export const BOARD_MIN_BESIDE_DETAIL_PX = widthNeeded(['name', 'status']);

/**
 * The detail panel's width in an area `areaWidth` px wide: the wanted width, kept between the
 * panel's minimum and what leaves the board its name and status columns beside it.
 */
export function detailWidth(wanted: number, areaWidth: number): number {
  const gap = 12;
  const most = Math.max(DETAIL_MIN_PX, areaWidth - BOARD_MIN_BESIDE_DETAIL_PX - gap);
  return Math.round(Math.min(most, Math.max(DETAIL_MIN_PX, wanted)));
}
