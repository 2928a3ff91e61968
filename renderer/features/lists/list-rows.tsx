import { useEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import {
  RowStatusSchema,
  type ListRow,
  type ListSummary,
  type RowStatus,
} from '../../../shared/domain/list';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

const ROW_HEIGHT = 32;
const PAGE = 200;
const OVERSCAN = 10;
const MAX_CACHED_PAGES = 40;
const PROBLEMS: readonly RowStatus[] = ['fixed', 'invalid', 'flagged', 'duplicate'];
const STATUSES: readonly RowStatus[] = RowStatusSchema.options;

/** Every row, every row with something to look at, or the rows of one status. */
type Filter = 'all' | 'problems' | RowStatus;

function statusesOf(filter: Filter): readonly RowStatus[] | null {
  if (filter === 'all') return null;
  return filter === 'problems' ? PROBLEMS : [filter];
}

function parseFilter(value: string): Filter {
  if (value === 'problems') return 'problems';
  return STATUSES.find((status) => status === value) ?? 'all';
}

interface Query {
  readonly filter: Filter;
  readonly search: string;
}

/**
 * The rows of a list in a virtualized table: only the rows on screen are in the DOM, fetched
 * from main a page at a time, so a 1,000,000-row list scrolls like a short one.
 */
export function ListRows(props: { list: ListSummary }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState<Query>({ filter: 'all', search: '' });
  // Keyed by query and page, and never dropped on re-render: answers to an older query simply go
  // unused, so no request is lost to an effect re-run (React's StrictMode runs effects twice).
  const [totals, setTotals] = useState<ReadonlyMap<string, number>>(new Map());
  const [pages, setPages] = useState<ReadonlyMap<string, readonly ListRow[]>>(new Map());
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(480);
  const [failure, setFailure] = useState<string | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const loading = useRef(new Set<string>());

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const queryKey = `${props.list.id}|${query.filter}|${query.search}`;
  const total = totals.get(queryKey) ?? null;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(
    (total ?? PAGE) - 1,
    Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN,
  );
  const wanted = useMemo(() => {
    const needed: number[] = [];
    for (
      let page = Math.floor(first / PAGE);
      page <= Math.floor(Math.max(first, last) / PAGE);
      page++
    )
      needed.push(page);
    return needed;
  }, [first, last]);

  useEffect(() => {
    const statuses = statusesOf(query.filter);
    for (const page of wanted) {
      const key = `${queryKey}|${page}`;
      if (pages.has(key) || loading.current.has(key)) continue;
      loading.current.add(key);
      const load = async () => {
        try {
          const result = await call('lists.rows', {
            id: props.list.id,
            query: {
              offset: page * PAGE,
              limit: PAGE,
              ...(statuses === null ? {} : { filter: [...statuses] }),
              ...(query.search.trim() ? { search: query.search.trim() } : {}),
            },
          });
          setTotals((existing) => new Map(existing).set(queryKey, result.total));
          setPages((existing) => {
            const next = new Map(existing).set(key, result.rows);
            // Keep memory flat while scrolling through a million rows: drop the oldest pages.
            for (const old of next.keys()) {
              if (next.size <= MAX_CACHED_PAGES) break;
              next.delete(old);
            }
            return next;
          });
        } catch (error) {
          setFailure(errorMessage(error));
        } finally {
          loading.current.delete(key);
        }
      };
      void load();
    }
  }, [wanted, pages, queryKey, props.list.id, query.filter, query.search]);

  const { counts } = props.list;
  const option = (label: string, count: number) =>
    t('lists.rows.filter.option', { label, count: count.toLocaleString(locale) });

  const changeQuery = (next: Query) => {
    setQuery(next);
    setScrollTop(0);
    if (viewport.current) viewport.current.scrollTop = 0;
  };

  const rows: { index: number; row: ListRow | undefined }[] = [];
  if (total !== null) {
    for (let index = first; index <= last && index < total; index++) {
      rows.push({
        index,
        row: pages.get(`${queryKey}|${Math.floor(index / PAGE)}`)?.[index % PAGE],
      });
    }
  }

  return (
    <div className="list-rows">
      <div className="toolbar">
        <label htmlFor="rows-filter">{t('lists.rows.filter')}</label>
        <select
          id="rows-filter"
          value={query.filter}
          onChange={(event) => changeQuery({ ...query, filter: parseFilter(event.target.value) })}
        >
          <option value="all">{t('lists.rows.filter.all')}</option>
          <option value="problems">
            {option(
              t('lists.rows.filter.problems'),
              PROBLEMS.reduce((sum, status) => sum + counts[status], 0),
            )}
          </option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {option(t(`lists.status.${status}`), counts[status])}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label={t('lists.rows.search')}
          placeholder={t('lists.rows.search')}
          value={query.search}
          maxLength={200}
          onChange={(event) => changeQuery({ ...query, search: event.target.value })}
        />
        <span className="muted" data-testid="rows-count">
          {total === null ? '' : t('lists.rows.count', { count: total.toLocaleString(locale) })}
        </span>
      </div>
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      {/* One grid: the header row and the scrolling rows are its row groups. */}
      <div
        role="grid"
        aria-label={props.list.name}
        aria-rowcount={total === null ? undefined : total + 1}
      >
        <div role="rowgroup">
          <div className="grid-head rows-grid" role="row" aria-rowindex={1}>
            <span role="columnheader">{t('lists.rows.rowNumber')}</span>
            <span role="columnheader">{t('lists.rows.status')}</span>
            <span role="columnheader">{t('lists.rows.original')}</span>
            <span role="columnheader">{t('lists.rows.phone')}</span>
            <span role="columnheader">{t('lists.rows.name')}</span>
            <span role="columnheader">{t('lists.rows.variables')}</span>
            <span role="columnheader">{t('lists.rows.reason')}</span>
          </div>
        </div>
        <div
          className="grid-viewport"
          ref={viewport}
          role="rowgroup"
          onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
          tabIndex={0}
        >
          <div style={{ height: (total ?? 0) * ROW_HEIGHT, position: 'relative' }}>
            {rows.map(({ index, row }) => (
              <div
                key={index}
                className={`rows-grid grid-row status-${row?.status ?? 'loading'}`}
                role="row"
                aria-rowindex={index + 2}
                style={{ transform: `translateY(${index * ROW_HEIGHT}px)`, height: ROW_HEIGHT }}
              >
                <span role="gridcell">{row?.rowNumber ?? ''}</span>
                <span role="gridcell">{row ? t(`lists.status.${row.status}`) : ''}</span>
                <span role="gridcell" className="mono">
                  {row?.original ?? ''}
                </span>
                <span role="gridcell" className="mono">
                  {row?.phone ?? ''}
                </span>
                <span role="gridcell">{row?.name ?? ''}</span>
                <span role="gridcell">{row?.variables.join(' · ') ?? ''}</span>
                <span role="gridcell" title={row?.reason}>
                  {row?.reason ?? ''}
                </span>
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
