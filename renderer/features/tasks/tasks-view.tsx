import { useMemo, useState, type UIEvent } from 'react';
import { progressOf, successRateOf, type BoardRow } from '../../../shared/domain/board';
import { EmptyState } from '../../components/empty-state';
import { FirstSteps } from '../../components/first-steps';
import { Page } from '../../components/page';
import { useAccounts } from '../../app/accounts-state';
import type { Section } from '../../app/routes';
import { call } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { useBoard } from './board-state';

const ROW_HEIGHT = 40;
const OVERSCAN = 8;

function count(value: number | null, locale: string): string {
  return value === null ? '—' : value.toLocaleString(locale);
}

/** Tasks: the live board of every campaign, across vendors and accounts (updated by main). */
export function TasksView(props: { go: (section: Section) => void }) {
  const { t, locale } = useI18n();
  const { accounts, activeAccountId } = useAccounts();
  const board = useBoard();
  const [search, setSearch] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const names = useMemo(
    () => new Map(accounts.map((account) => [account.id, account.name])),
    [accounts],
  );
  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    // The sidebar's account choice narrows the board; "All accounts" shows every row.
    return board.rows.filter(
      (row) =>
        (activeAccountId === null || row.a === activeAccountId) &&
        (needle === '' || row.n.toLowerCase().includes(needle)),
    );
  }, [board.rows, search, activeAccountId]);

  if (accounts.length === 0) {
    return (
      <Page title={t('tasks.title')}>
        <EmptyState
          title={t('tasks.empty.title')}
          body={t('tasks.empty.body')}
          next={t('tasks.empty.next')}
          action={<FirstSteps go={props.go} showDemo={!accounts.some((account) => account.demo)} />}
        />
      </Page>
    );
  }

  const height = 560;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(visible.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const failing = [...board.accounts.values()].filter(
    (status) => status.state === 'error' && status.error,
  );

  return (
    <Page title={t('tasks.title')}>
      <div className="toolbar">
        <input
          type="search"
          aria-label={t('tasks.filter')}
          placeholder={t('tasks.filter')}
          value={search}
          maxLength={200}
          onChange={(event) => setSearch(event.target.value)}
        />
        <button type="button" onClick={() => void call('tasks.refresh', {})}>
          {t('tasks.refresh')}
        </button>
        <span className="muted" data-testid="board-updated">
          {board.lastUpdated === null
            ? t('tasks.neverUpdated')
            : t('tasks.updated', { when: new Date(board.lastUpdated).toLocaleTimeString(locale) })}
          {' · '}
          {t('tasks.count', { count: visible.length.toLocaleString(locale) })}
        </span>
      </div>
      {board.polling === 'offline' && <p className="notice">{t('tasks.polling.offline')}</p>}
      {board.error && (
        <p className="form-failure" role="alert">
          {board.error}
        </p>
      )}
      {failing.map((status) => (
        <p key={status.accountId} className="form-failure" role="alert" data-testid="account-error">
          {t('tasks.accountError', {
            account: names.get(status.accountId) ?? status.accountId,
            message: status.error?.message[locale] ?? '',
          })}
        </p>
      ))}
      {board.loaded && board.rows.length === 0 && failing.length === 0 ? (
        <EmptyState
          title={t('tasks.empty.title')}
          body={t('tasks.empty.body')}
          next={t('tasks.neverUpdated')}
        />
      ) : (
        <div className="board">
          <div className="board-grid grid-head" role="row">
            <span role="columnheader">{t('tasks.col.name')}</span>
            <span role="columnheader">{t('tasks.col.status')}</span>
            <span role="columnheader">{t('tasks.col.progress')}</span>
            <span role="columnheader" className="num">
              {t('tasks.col.numbers')}
            </span>
            <span role="columnheader" className="num">
              {t('tasks.col.called')}
            </span>
            <span role="columnheader" className="num">
              {t('tasks.col.success')}
            </span>
            <span role="columnheader" className="num">
              {t('tasks.col.failed')}
            </span>
            <span role="columnheader" className="num">
              {t('tasks.col.transferred')}
            </span>
            <span role="columnheader" className="num">
              {t('tasks.col.rate')}
            </span>
            <span role="columnheader">{t('tasks.col.created')}</span>
          </div>
          <div
            className="grid-viewport board-viewport"
            role="grid"
            aria-rowcount={visible.length}
            tabIndex={0}
            onScroll={(event: UIEvent<HTMLDivElement>) =>
              setScrollTop(event.currentTarget.scrollTop)
            }
          >
            <div style={{ height: visible.length * ROW_HEIGHT, position: 'relative' }}>
              {visible.slice(first, last).map((row, offset) => (
                <BoardLine
                  key={row.i}
                  row={row}
                  index={first + offset}
                  account={names.get(row.a) ?? row.a}
                />
              ))}
            </div>
          </div>
        </div>
      )}
    </Page>
  );
}

function BoardLine(props: { row: BoardRow; index: number; account: string }) {
  const { t, locale } = useI18n();
  const { row } = props;
  const progress = progressOf(row);
  const rate = successRateOf(row);
  return (
    <div
      className="board-grid grid-row"
      role="row"
      data-row-key={row.k}
      aria-rowindex={props.index + 1}
      style={{ transform: `translateY(${props.index * ROW_HEIGHT}px)`, height: ROW_HEIGHT }}
    >
      <span role="gridcell" className="task-name">
        <strong>{row.n || row.t}</strong>
        <small className="muted">
          {props.account} · {t(`tasks.kind.${row.kd}`)}
        </small>
      </span>
      <span role="gridcell">
        <span
          className={`chip state-${row.s}`}
          title={t('tasks.vendorStatus', { label: row.sl, code: row.sc })}
        >
          {t(`tasks.state.${row.s}`)}
        </span>
      </span>
      <span role="gridcell">
        {progress === null ? (
          '—'
        ) : (
          <progress max={100} value={progress} aria-label={`${Math.round(progress)}%`} />
        )}
      </span>
      <span role="gridcell" className="num">
        {count(row.tot, locale)}
      </span>
      <span role="gridcell" className="num" data-field="called">
        {count(row.c, locale)}
      </span>
      <span role="gridcell" className="num">
        {count(row.ok, locale)}
      </span>
      <span role="gridcell" className="num">
        {count(row.f, locale)}
      </span>
      <span role="gridcell" className="num">
        {count(row.x, locale)}
      </span>
      <span role="gridcell" className="num">
        {rate === null ? '—' : `${rate.toFixed(1)}%`}
      </span>
      <span role="gridcell">{row.cr === null ? '—' : new Date(row.cr).toLocaleString(locale)}</span>
    </div>
  );
}
