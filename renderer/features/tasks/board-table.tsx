import {
  memo,
  useCallback,
  useRef,
  useState,
  type KeyboardEvent,
  type RefCallback,
  type UIEvent,
} from 'react';
import { progressOf, successRateOf, type BoardRow } from '../../../shared/domain/board';
import type { BoardColumn, BoardPreferences } from '../../../shared/domain/board-ui';
import { useI18n, type Translate } from '../../i18n/i18n';
import { columnsThatFit, gridTemplate } from './board-columns';
import { stateLabel } from './state-label';
import { vendorStatusTitle } from './vendor-codes';

/** The grid's element id: the skip link and a closing detail panel bring focus here. */
export const TASK_GRID_ID = 'task-grid';

/** A rendered row's element id, which the grid names as its active descendant. */
function rowId(row: BoardRow): string {
  return `task-row-${row.i}`;
}

/** Row height of the virtualized board (px). */
export const ROW_HEIGHT = 40;
const OVERSCAN = 8;
const VIEWPORT_GUESS = 600;

const HEADER: Readonly<Record<BoardColumn, Parameters<Translate>[0]>> = {
  name: 'tasks.col.name',
  account: 'tasks.col.account',
  kind: 'tasks.col.kind',
  status: 'tasks.col.status',
  progress: 'tasks.col.progress',
  numbers: 'tasks.col.numbers',
  called: 'tasks.col.called',
  success: 'tasks.col.success',
  failed: 'tasks.col.failed',
  transferred: 'tasks.col.transferred',
  rate: 'tasks.col.rate',
  created: 'tasks.col.created',
};

const NUMERIC = new Set<BoardColumn>([
  'numbers',
  'called',
  'success',
  'failed',
  'transferred',
  'rate',
]);

/** The column header's label key. */
export function columnLabel(column: BoardColumn): Parameters<Translate>[0] {
  return HEADER[column];
}

function count(value: number | null, locale: string): string {
  return value === null ? '—' : value.toLocaleString(locale);
}

/**
 * A ref for an element and the width of its content box, kept current by a ResizeObserver
 * (0 until measured). A callback ref, so an element that appears after the first render (the
 * board once the accounts are loaded) is measured too.
 */
export function useWidth(): readonly [RefCallback<HTMLElement>, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((target: HTMLElement | null) => {
    if (!target) return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The virtualized board: only the rows in view are rendered, and a row re-renders only when its
 * row object changed (deltas replace changed rows, keep the others).
 *
 * The columns are the chosen ones that fit the board's own width (measured, not the window's):
 * lower-priority columns give way first (board-columns.ts) and a line says which, so the grid
 * never grows past its area; rows scroll inside the grid, never the page.
 */
export function BoardTable(props: {
  readonly rows: readonly BoardRow[];
  /** Changes whenever `rows` changed in place. */
  readonly version: number;
  readonly preferences: BoardPreferences;
  readonly onSort: (column: BoardColumn) => void;
  readonly selectedKey: string | null;
  readonly onSelect: (key: string) => void;
  readonly onOpen: (key: string) => void;
  readonly accountName: (id: string) => string;
  /** Accounts whose last refresh failed, with the error to show on their rows. */
  readonly accountErrors: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const { rows, preferences } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(VIEWPORT_GUESS);
  const viewport = useRef<HTMLDivElement>(null);
  const [area, areaWidth] = useWidth();
  const head = useRef<HTMLDivElement>(null);
  const fitted = columnsThatFit(preferences.columns, areaWidth);
  const columns = fitted.shown;
  const template = gridTemplate(columns);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  // The grid keeps focus and names the selected row, so screen readers announce the row while
  // arrow keys move; only a row that is rendered can be named.
  const selectedAt =
    props.selectedKey === null ? -1 : rows.findIndex((r) => r.k === props.selectedKey);
  const active = selectedAt >= first && selectedAt < last ? rows[selectedAt] : undefined;

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on the sort buttons inside the grid are theirs.
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const at = props.selectedKey === null ? -1 : rows.findIndex((r) => r.k === props.selectedKey);
    if (event.key === 'Enter') {
      if (at < 0) return;
      event.preventDefault();
      props.onOpen(rows[at]?.k ?? '');
      return;
    }
    const target: Readonly<Record<string, number>> = {
      ArrowDown: Math.min(rows.length - 1, at + 1),
      ArrowUp: Math.max(0, at - 1),
      PageDown: Math.min(rows.length - 1, at + 10),
      PageUp: Math.max(0, at - 10),
      Home: 0,
      End: rows.length - 1,
    };
    const next = target[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const row = rows[next];
    if (!row) return;
    props.onSelect(row.k);
    const element = viewport.current;
    if (element) {
      // Rows start below the sticky header, which covers the top of the viewport.
      const header = head.current?.offsetHeight ?? 0;
      const top = header + next * ROW_HEIGHT;
      if (top < element.scrollTop + header) element.scrollTop = top - header;
      else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
        element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    }
  };

  return (
    <div className="board" ref={area}>
      <div
        ref={viewport}
        id={TASK_GRID_ID}
        className="grid-viewport board-viewport"
        role="grid"
        aria-label={t('tasks.grid')}
        aria-activedescendant={active ? rowId(active) : undefined}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        tabIndex={0}
        onKeyDown={move}
        onScroll={(event: UIEvent<HTMLDivElement>) => {
          setScrollTop(event.currentTarget.scrollTop);
          setHeight(event.currentTarget.clientHeight || VIEWPORT_GUESS);
        }}
      >
        <div className="board-head" role="rowgroup" ref={head}>
          <div
            className="board-grid grid-head"
            role="row"
            aria-rowindex={1}
            style={{ gridTemplateColumns: template }}
          >
            {columns.map((column) => {
              const sorted = preferences.sort.column === column;
              return (
                <span
                  key={column}
                  role="columnheader"
                  className={NUMERIC.has(column) ? 'num' : undefined}
                  aria-sort={
                    sorted
                      ? preferences.sort.direction === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : 'none'
                  }
                >
                  <button
                    type="button"
                    className="sort-button"
                    data-column={column}
                    title={t('tasks.sortBy', { column: t(HEADER[column]) })}
                    onClick={() => props.onSort(column)}
                  >
                    {t(HEADER[column])}
                    {sorted ? (preferences.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </span>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(first, last).map((row, offset) => (
            <BoardLine
              key={row.i}
              row={row}
              index={first + offset}
              columns={columns}
              template={template}
              selected={row.k === props.selectedKey}
              account={props.accountName(row.a)}
              problem={props.accountErrors.get(row.a) ?? null}
              onOpen={props.onOpen}
            />
          ))}
        </div>
      </div>
      {fitted.hidden.length > 0 && (
        <p className="muted hint" data-testid="hidden-columns">
          {t('board.columns.hidden', {
            columns: fitted.hidden
              .map((column) => t(HEADER[column]))
              .join(t('board.columns.separator')),
          })}
        </p>
      )}
    </div>
  );
}

const BoardLine = memo(function BoardLine(props: {
  row: BoardRow;
  index: number;
  columns: readonly BoardColumn[];
  template: string;
  selected: boolean;
  account: string;
  /** Why this row's account could not be refreshed (its numbers may be old), or null. */
  problem: string | null;
  onOpen: (key: string) => void;
}) {
  const { t, locale } = useI18n();
  const { row } = props;
  return (
    <div
      className={`board-grid grid-row${props.selected ? ' selected' : ''}${props.problem ? ' stale' : ''}`}
      role="row"
      id={rowId(row)}
      data-row-key={row.k}
      // The header is row 1.
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      // One click opens the detail (and selects the row); the keyboard's Enter does the same.
      onClick={() => props.onOpen(row.k)}
      style={{
        transform: `translateY(${props.index * ROW_HEIGHT}px)`,
        height: ROW_HEIGHT,
        gridTemplateColumns: props.template,
      }}
    >
      {props.columns.map((column) => (
        <span
          key={column}
          role="gridcell"
          data-field={column}
          className={NUMERIC.has(column) ? 'num' : column === 'name' ? 'task-name' : undefined}
        >
          {column === 'name' && props.problem !== null && (
            <span
              className="row-problem"
              role="img"
              data-testid="row-problem"
              aria-label={t('tasks.row.stale', { message: props.problem })}
              title={t('tasks.row.stale', { message: props.problem })}
            >
              ⚠
            </span>
          )}
          {renderCell(row, column, props.account, t, locale)}
        </span>
      ))}
    </div>
  );
});

function renderCell(
  row: BoardRow,
  column: BoardColumn,
  account: string,
  t: Translate,
  locale: string,
) {
  switch (column) {
    case 'name':
      return (
        <>
          <strong>{row.n || row.t}</strong>
          <small className="muted">
            {account} · {t(`tasks.kind.${row.kd}`)}
          </small>
        </>
      );
    case 'account':
      return account;
    case 'kind':
      return t(`tasks.kind.${row.kd}`);
    case 'status':
      return (
        <span
          className={`chip state-${row.s}`}
          title={vendorStatusTitle(t, row.kd, row.sc)}
          data-state={row.s}
        >
          {stateLabel(t, locale, row)}
        </span>
      );
    case 'progress': {
      const progress = progressOf(row);
      return progress === null ? (
        '—'
      ) : (
        <progress max={100} value={progress} aria-label={`${Math.round(progress)}%`} />
      );
    }
    case 'numbers':
      return count(row.tot, locale);
    case 'called':
      return count(row.c, locale);
    case 'success':
      return count(row.ok, locale);
    case 'failed':
      return count(row.f, locale);
    case 'transferred':
      return count(row.x, locale);
    case 'rate': {
      const rate = successRateOf(row);
      return rate === null ? '—' : `${rate.toFixed(1)}%`;
    }
    case 'created':
      return row.cr === null ? '—' : new Date(row.cr).toLocaleString(locale);
  }
}
