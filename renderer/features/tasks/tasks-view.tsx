import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  BOARD_COLUMNS,
  DEFAULT_BOARD_PREFERENCES,
  type BoardColumn,
  type BoardPreferences,
} from '../../../shared/domain/board-ui';
import {
  TaskKindSchema,
  TaskStateSchema,
  type TaskKind,
  type TaskState,
} from '../../../shared/domain/task';
import { EmptyState } from '../../components/empty-state';
import { FirstSteps } from '../../components/first-steps';
import { Page } from '../../components/page';
import { useAccounts } from '../../app/accounts-state';
import { taskFromHash, type Section } from '../../app/routes';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { AlertsPanel } from './alerts-panel';
import { BoardTable, columnLabel, TASK_GRID_ID, useWidth } from './board-table';
import { DETAIL_DEFAULT_PX, DETAIL_MIN_PX, detailWidth } from './board-columns';
import { GlanceStrip } from './glance-strip';
import { useBoard } from './board-state';
import { NO_FILTER, rowComparator, rowFilter, vendorMatches, type BoardFilter } from './board-view';
import { ResendComposerDialog } from './resend-composer-dialog';
import { TaskDetail } from './task-detail';
import { useVendorSearch } from './vendor-search';

const TEXT_COLUMNS = new Set<BoardColumn>(['name', 'account', 'kind', 'status']);

/** Tasks: the live board of every campaign, across vendors and accounts (updated by main). */
export function TasksView(props: { go: (section: Section) => void }) {
  const { t, locale } = useI18n();
  const { accounts, activeAccountId, setActive } = useAccounts();
  const [preferences, setPreferences] = useState<BoardPreferences>(DEFAULT_BOARD_PREFERENCES);
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [alerts, setAlerts] = useState(false);
  /** A task "Open on the board" asked for, opened once the board holds its row. */
  const [wanted, setWanted] = useState<string | null>(() => taskFromHash(window.location.hash));
  /** Bumped by Refresh, so the strip asks the vendors for balances again. */
  const [refreshes, setRefreshes] = useState(0);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  /** Finished tasks picked for the resend composer (row keys, at most 50). */
  const [resendKeys, setResendKeys] = useState<readonly string[]>([]);
  const [composing, setComposing] = useState(false);
  const toggleResend = useCallback(
    (key: string) =>
      setResendKeys((keys) =>
        keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key].slice(0, 50),
      ),
    [],
  );

  useEffect(() => {
    void (async () => {
      try {
        setPreferences(await call('tasks.preferences', {}));
      } catch {
        // The defaults stay; the board works without remembered preferences.
      }
    })();
  }, []);

  /** Closes the detail and puts focus back on the grid, on the row that opened it. */
  const closeDetail = useCallback(() => {
    setOpened(null);
    document.getElementById(TASK_GRID_ID)?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (opened === null) return;
    const onKey = (event: KeyboardEvent) => {
      // Escape inside a dialog closes that dialog only (the dialog handles it).
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest('dialog') !== null) return;
      closeDetail();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [opened, closeDetail]);

  const remember = useCallback((next: BoardPreferences) => {
    setPreferences(next);
    void call('tasks.setPreferences', { preferences: next }).catch(() => undefined);
  }, []);

  const names = useMemo(
    () => new Map(accounts.map((account) => [account.id, account.name])),
    [accounts],
  );
  const accountName = useCallback((id: string) => names.get(id) ?? id, [names]);
  const compare = useMemo(
    () => rowComparator(preferences.sort.column, preferences.sort.direction, accountName),
    [preferences.sort.column, preferences.sort.direction, accountName],
  );
  // One account choice for the whole app: the board's account filter is the sidebar's switcher.
  const effective = useMemo(
    () => ({ ...filter, accountId: activeAccountId }),
    [filter, activeAccountId],
  );
  const vendorSearch = useVendorSearch(filter.search);
  const matchedAtVendors = useMemo(
    () => vendorMatches(vendorSearch, filter.search),
    [vendorSearch, filter.search],
  );
  const match = useMemo(
    () => rowFilter(effective, matchedAtVendors),
    [effective, matchedAtVendors],
  );
  const board = useBoard(compare, match);
  const rows = board.model.visible;

  useEffect(() => {
    const onHash = () => {
      const key = taskFromHash(window.location.hash);
      if (key !== null) setWanted(key);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (wanted === null) return;
    const row = board.model.row(wanted);
    if (!row) return;
    // Opened: the location goes back to the board's own, so a reload does not open it again.
    window.history.replaceState(null, '', '#/tasks');
    // The rows live outside React (BoardModel, fed by events), so the open waits for them here.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    setWanted(null);
    setFilter(NO_FILTER);
    if (activeAccountId !== null && activeAccountId !== row.a) void setActive(null);
    setSelected(wanted);
    setOpened(wanted);
  }, [wanted, board.version, board.model, activeAccountId, setActive]);

  const [layout, layoutWidth] = useWidth();
  const panelWidth = detailWidth(preferences.detailWidth ?? DETAIL_DEFAULT_PX, layoutWidth);
  const glanceAccounts = useMemo(
    () =>
      accounts
        .filter((account) => activeAccountId === null || account.id === activeAccountId)
        .map((account) => ({ id: account.id, name: account.name })),
    [accounts, activeAccountId],
  );
  const accountRows = useCallback(
    function* () {
      for (const row of board.model.all()) {
        if (activeAccountId === null || row.a === activeAccountId) yield row;
      }
    },
    [board.model, activeAccountId],
  );

  const sortBy = (column: BoardColumn) => {
    const same = preferences.sort.column === column;
    const direction = same
      ? preferences.sort.direction === 'asc'
        ? 'desc'
        : 'asc'
      : TEXT_COLUMNS.has(column)
        ? 'asc'
        : 'desc';
    remember({ ...preferences, sort: { column, direction } });
  };

  const toggleColumn = (column: BoardColumn, on: boolean) => {
    const columns = BOARD_COLUMNS.filter((c) =>
      c === column ? on : preferences.columns.includes(c),
    );
    if (columns.length > 0) remember({ ...preferences, columns });
  };

  const exportBoard = async () => {
    setMessage(null);
    try {
      const result = await call('tasks.export', {
        ids: rows.map((row) => row.i),
        columns: preferences.columns,
      });
      if (result.path !== null)
        setMessage({
          text: t('tasks.exported', {
            rows: result.rows.toLocaleString(locale),
            path: result.path,
          }),
          failed: false,
        });
    } catch (error) {
      setMessage({
        text: errorMessage(error),
        failed: true,
      });
    }
  };

  const clearFilters = () => {
    setFilter(NO_FILTER);
    if (activeAccountId !== null) void setActive(null);
  };

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

  const failing = [...board.accounts.values()].filter(
    (status) => status.state === 'error' && status.error,
  );
  const accountErrors = new Map(
    failing.map((status) => [status.accountId, status.error?.message[locale] ?? '']),
  );
  const filtered =
    activeAccountId !== null ||
    filter.kind !== null ||
    filter.state !== null ||
    filter.createdFrom !== '' ||
    filter.createdTo !== '' ||
    filter.search !== '';

  return (
    <Page title={t('tasks.title')}>
      <GlanceStrip
        rows={accountRows}
        version={board.version}
        accounts={glanceAccounts}
        refreshes={refreshes}
      />
      <div className="toolbar board-toolbar">
        <input
          type="search"
          aria-label={t('tasks.filter')}
          placeholder={t('tasks.filter.hint')}
          value={filter.search}
          maxLength={200}
          onChange={(event) => setFilter({ ...filter, search: event.target.value })}
        />
        <select
          aria-label={t('tasks.filter.account')}
          value={activeAccountId ?? ''}
          data-testid="board-account"
          onChange={(event) => void setActive(event.target.value || null)}
        >
          <option value="">{t('tasks.filter.allAccounts')}</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t('tasks.filter.kind')}
          value={filter.kind ?? ''}
          onChange={(event) =>
            setFilter({ ...filter, kind: (event.target.value || null) as TaskKind | null })
          }
        >
          <option value="">{t('tasks.filter.allKinds')}</option>
          {TaskKindSchema.options.map((kind) => (
            <option key={kind} value={kind}>
              {t(`tasks.kind.${kind}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('tasks.filter.state')}
          value={filter.state ?? ''}
          onChange={(event) =>
            setFilter({ ...filter, state: (event.target.value || null) as TaskState | null })
          }
        >
          <option value="">{t('tasks.filter.allStates')}</option>
          {TaskStateSchema.options.map((state) => (
            <option key={state} value={state}>
              {t(`tasks.state.${state}`)}
            </option>
          ))}
        </select>
        <label className="date-filter">
          {t('tasks.filter.from')}
          <input
            type="date"
            value={filter.createdFrom}
            onChange={(event) => setFilter({ ...filter, createdFrom: event.target.value })}
          />
        </label>
        <label className="date-filter">
          {t('tasks.filter.to')}
          <input
            type="date"
            value={filter.createdTo}
            onChange={(event) => setFilter({ ...filter, createdTo: event.target.value })}
          />
        </label>
        {filtered && (
          <button type="button" onClick={clearFilters}>
            {t('tasks.filter.clear')}
          </button>
        )}
      </div>
      <div className="toolbar">
        <details className="columns-menu">
          <summary>{t('tasks.columns')}</summary>
          <div className="columns-menu-list">
            {BOARD_COLUMNS.map((column) => (
              <label key={column}>
                <input
                  type="checkbox"
                  data-column={column}
                  checked={preferences.columns.includes(column)}
                  disabled={
                    preferences.columns.length === 1 && preferences.columns.includes(column)
                  }
                  onChange={(event) => toggleColumn(column, event.target.checked)}
                />
                {t(columnLabel(column))}
              </label>
            ))}
          </div>
        </details>
        <button type="button" onClick={() => void exportBoard()}>
          {t('tasks.export')}
        </button>
        {resendKeys.length > 0 && (
          <>
            <button
              type="button"
              className="primary"
              data-testid="open-resend-composer"
              onClick={() => setComposing(true)}
            >
              {t('tasks.compose.open', { count: resendKeys.length.toLocaleString(locale) })}
            </button>
            <button type="button" onClick={() => setResendKeys([])}>
              {t('tasks.compose.clear')}
            </button>
          </>
        )}
        <button type="button" onClick={() => setAlerts(!alerts)} aria-expanded={alerts}>
          {t('tasks.alerts')}
        </button>
        <button
          type="button"
          onClick={() => {
            setRefreshes((n) => n + 1);
            void call('tasks.refresh', {});
          }}
        >
          {t('tasks.refresh')}
        </button>
        <span className="muted" data-testid="board-updated">
          {board.lastUpdated === null
            ? t('tasks.neverUpdated')
            : t('tasks.updated', { when: new Date(board.lastUpdated).toLocaleTimeString(locale) })}
          {' · '}
          {t('tasks.count', { count: rows.length.toLocaleString(locale) })}
        </span>
      </div>
      <VendorSearchStatus search={vendorSearch} accountName={accountName} />
      {message && (
        <p
          className={message.failed ? 'form-failure' : 'notice'}
          role={message.failed ? 'alert' : 'status'}
          data-testid="board-message"
        >
          {message.text}
        </p>
      )}
      {composing && (
        <ResendComposerDialog
          keys={resendKeys}
          accounts={accounts.map((account) => ({
            id: account.id,
            name: account.name,
            vendor: account.vendor,
          }))}
          defaultAccountId={activeAccountId}
          onClose={() => setComposing(false)}
          onCreated={() => setResendKeys([])}
          openDrafts={() => props.go('drafts')}
        />
      )}
      {alerts && (
        <AlertsPanel
          accounts={accounts.map((account) => ({ id: account.id, name: account.name }))}
          onClose={() => setAlerts(false)}
        />
      )}
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
      {board.loaded && board.model.total === 0 && failing.length === 0 ? (
        <EmptyState
          title={t('tasks.empty.title')}
          body={t('tasks.empty.body')}
          next={t('tasks.neverUpdated')}
        />
      ) : (
        <div
          ref={layout}
          className={opened ? 'board-layout with-detail' : 'board-layout'}
          style={opened ? { gridTemplateColumns: `minmax(0, 1fr) ${panelWidth}px` } : undefined}
        >
          <div className="board-area">
            {rows.length === 0 && board.loaded ? (
              <NoMatch
                search={filter.search.trim()}
                onClear={
                  filter.search.trim() !== ''
                    ? () => setFilter({ ...filter, search: '' })
                    : clearFilters
                }
              />
            ) : (
              <>
                <BoardTable
                  rows={rows}
                  version={board.version}
                  preferences={preferences}
                  onSort={sortBy}
                  selectedKey={selected}
                  onSelect={setSelected}
                  onOpen={(key) => {
                    setSelected(key);
                    setOpened(key);
                  }}
                  accountName={accountName}
                  accountErrors={accountErrors}
                />
                <p className="muted hint" data-testid="open-hint">
                  {t('tasks.hint.open')}
                </p>
              </>
            )}
          </div>
          {opened && (
            <div className="detail-column">
              <ResizeHandle
                width={panelWidth}
                min={DETAIL_MIN_PX}
                max={detailWidth(Number.MAX_SAFE_INTEGER, layoutWidth)}
                onResize={(width) =>
                  setPreferences((current) => ({
                    ...current,
                    detailWidth: detailWidth(width, layoutWidth),
                  }))
                }
                onDone={(width) =>
                  remember({ ...preferences, detailWidth: detailWidth(width, layoutWidth) })
                }
              />
              <TaskDetail
                key={opened}
                rowKey={opened}
                row={board.model.row(opened)}
                accountName={accountName}
                onClose={closeDetail}
                selectedForResend={resendKeys.includes(opened)}
                onToggleResend={() => toggleResend(opened)}
              />
            </div>
          )}
        </div>
      )}
    </Page>
  );
}

/** The board when the search or the filters leave no task: what happened and the way back. */
function NoMatch(props: { readonly search: string; readonly onClear: () => void }) {
  const { t } = useI18n();
  return (
    <div className="empty-state" role="status" data-testid="no-match">
      <h2>
        {props.search !== ''
          ? t('board.search.none.title', { search: props.search })
          : t('board.filters.none.title')}
      </h2>
      <p>{props.search !== '' ? t('board.search.none.body') : t('board.filters.none.body')}</p>
      <button type="button" className="primary" onClick={props.onClear}>
        {props.search !== '' ? t('board.search.clear') : t('tasks.filter.clear')}
      </button>
    </div>
  );
}

/** Arrow keys move the panel's edge by this much (px); with Shift, by more. */
const RESIZE_STEP = 24;

/**
 * The task detail's left edge: drag it, or focus it and press Left / Right (Home / End for the
 * widest and narrowest), to share the width between the grid and the detail.
 */
function ResizeHandle(props: {
  readonly width: number;
  readonly min: number;
  readonly max: number;
  /** While dragging or per key press: the wanted width (clamped by the board). */
  readonly onResize: (width: number) => void;
  /** When a drag or key press ends: the width to remember. */
  readonly onDone: (width: number) => void;
}) {
  const { t } = useI18n();
  const start = useRef<{ x: number; width: number } | null>(null);
  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('board.detail.resize')}
      aria-valuenow={props.width}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      title={t('board.detail.resize.hint')}
      tabIndex={0}
      data-testid="detail-resize"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = { x: event.clientX, width: props.width };
      }}
      onPointerMove={(event) => {
        if (start.current) props.onResize(start.current.width + start.current.x - event.clientX);
      }}
      onPointerUp={(event) => {
        if (!start.current) return;
        props.onDone(start.current.width + start.current.x - event.clientX);
        start.current = null;
      }}
      onKeyDown={(event) => {
        const step = event.shiftKey ? RESIZE_STEP * 4 : RESIZE_STEP;
        const next: Readonly<Record<string, number>> = {
          ArrowLeft: props.width + step,
          ArrowRight: props.width - step,
          Home: props.max,
          End: props.min,
        };
        const width = next[event.key];
        if (width === undefined) return;
        event.preventDefault();
        props.onDone(width);
      }}
    />
  );
}

/** What the vendor side of the search did: searching, how many matched where, or why not. */
function VendorSearchStatus(props: {
  search: ReturnType<typeof useVendorSearch>;
  accountName: (id: string) => string;
}) {
  const { t, locale } = useI18n();
  const { search } = props;
  if (search.state === 'idle') return null;
  if (search.state === 'searching') {
    return (
      <p className="muted" role="status" data-testid="vendor-search" data-state="searching">
        {t('tasks.search.searching')}
      </p>
    );
  }
  if (search.state === 'failed') {
    return (
      <p className="form-failure" role="alert" data-testid="vendor-search" data-state="failed">
        {t('tasks.search.error', { message: search.message })}
      </p>
    );
  }
  const { result } = search;
  return (
    <div data-testid="vendor-search" data-state="done">
      <p className="muted" role="status">
        {result.searched.length > 0
          ? t('tasks.search.found', {
              accounts: result.searched.map(props.accountName).join(', '),
              count: result.keys.length.toLocaleString(locale),
            })
          : result.failed.length === 0
            ? t('tasks.search.namesOnly')
            : null}
      </p>
      {result.failed.map((failure) => (
        <p key={failure.accountId} className="form-failure" role="alert">
          {t('tasks.search.failed', {
            account: props.accountName(failure.accountId),
            message: failure.message[locale],
          })}
        </p>
      ))}
    </div>
  );
}
