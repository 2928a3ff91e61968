import { useCallback, useEffect, useState } from 'react';
import type { ListSummary } from '../../../shared/domain/list';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { FirstSteps } from '../../components/first-steps';
import { Page } from '../../components/page';
import { useAccounts } from '../../app/accounts-state';
import type { Section } from '../../app/routes';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { DncMark, DncMarkFailure, useListMarks } from '../compliance/list-marks';
import { ImportPanel } from './import-panel';
import { ListRows } from './list-rows';

type Mode =
  | { readonly kind: 'lists' }
  | { readonly kind: 'import' }
  | { readonly kind: 'open'; readonly id: string };

/** Lists: imported phone lists, the import wizard, and one list's rows. */
export function ListsView(props: { go: (section: Section) => void }) {
  const { t, locale } = useI18n();
  const { accounts } = useAccounts();
  const [lists, setLists] = useState<readonly ListSummary[] | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'lists' });
  const [removing, setRemoving] = useState<ListSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const result = await call('lists.list', {});
        if (current) setLists(result.lists);
      } catch (error) {
        if (current) setFailure(errorMessage(error));
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  const marks = useListMarks(version);

  const exportList = async (list: ListSummary, kind: 'clean' | 'report') => {
    setNotice(null);
    setFailure(null);
    try {
      const result = await call('lists.export', { id: list.id, kind });
      if (result.path)
        setNotice(
          t('lists.exported', { rows: result.rows.toLocaleString(locale), path: result.path }),
        );
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const remove = async (list: ListSummary) => {
    try {
      await call('lists.remove', { id: list.id });
      setRemoving(null);
      setMode({ kind: 'lists' });
      reload();
    } catch (error) {
      setRemoving(null);
      setFailure(errorMessage(error));
    }
  };

  const opened = mode.kind === 'open' ? lists?.find((list) => list.id === mode.id) : undefined;
  const actions = (list: ListSummary) => (
    <div className="card-actions">
      {mode.kind !== 'open' && (
        <button type="button" onClick={() => setMode({ kind: 'open', id: list.id })}>
          {t('lists.action.open')}
        </button>
      )}
      <button type="button" onClick={() => void exportList(list, 'clean')}>
        {t('lists.action.exportClean')}
      </button>
      <button type="button" onClick={() => void exportList(list, 'report')}>
        {t('lists.action.exportReport')}
      </button>
      <button type="button" className="danger-outline" onClick={() => setRemoving(list)}>
        {t('lists.action.remove')}
      </button>
    </div>
  );

  return (
    <Page title={opened ? opened.name : t('lists.title')}>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <DncMarkFailure marks={marks} />
      {mode.kind === 'import' && (
        <ImportPanel
          onClose={() => setMode({ kind: 'lists' })}
          onImported={(list) => {
            setNotice(t('lists.done', { name: list.name }));
            reload();
            setMode({ kind: 'open', id: list.id });
          }}
        />
      )}
      {opened && (
        <>
          <div className="page-actions">
            <button type="button" onClick={() => setMode({ kind: 'lists' })}>
              {t('lists.action.back')}
            </button>
          </div>
          <CountsLine list={opened} />
          <DncMark count={marks.counts.get(opened.id)} long />
          {actions(opened)}
          <ListRows list={opened} />
        </>
      )}
      {mode.kind === 'lists' && lists !== null && lists.length === 0 && (
        <EmptyState
          title={t('lists.empty.title')}
          body={t('lists.empty.body')}
          next={t('lists.empty.next')}
          action={
            <div className="page-actions">
              <button type="button" className="primary" onClick={() => setMode({ kind: 'import' })}>
                {t('lists.import')}
              </button>
              {accounts.length === 0 && (
                <FirstSteps go={props.go} showDemo={!accounts.some((account) => account.demo)} />
              )}
            </div>
          }
        />
      )}
      {mode.kind === 'lists' && lists !== null && lists.length > 0 && (
        <>
          <div className="page-actions">
            <button type="button" className="primary" onClick={() => setMode({ kind: 'import' })}>
              {t('lists.import')}
            </button>
          </div>
          <table className="data-table" aria-label={t('lists.title')}>
            <thead>
              <tr>
                <th>{t('lists.col.name')}</th>
                <th>{t('lists.col.source')}</th>
                <th className="num">{t('lists.col.total')}</th>
                <th className="num">{t('lists.col.valid')}</th>
                <th className="num">{t('lists.col.fixed')}</th>
                <th className="num">{t('lists.col.invalid')}</th>
                <th className="num" title={t('lists.col.flagged.hint')}>
                  {t('lists.col.flagged')}
                </th>
                <th className="num">{t('lists.col.duplicate')}</th>
                <th>{t('lists.col.imported')}</th>
                <th>
                  <span className="visually-hidden">{t('table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lists.map((list) => (
                <tr key={list.id} data-list-id={list.id}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => setMode({ kind: 'open', id: list.id })}
                    >
                      {list.name}
                    </button>
                    <DncMark count={marks.counts.get(list.id)} />
                  </td>
                  <td className="muted">
                    {list.sourceFileName} · {list.sheet}
                  </td>
                  <td className="num">{list.counts.total.toLocaleString(locale)}</td>
                  <td className="num">{list.counts.valid.toLocaleString(locale)}</td>
                  <td className="num">{list.counts.fixed.toLocaleString(locale)}</td>
                  <td className="num">{list.counts.invalid.toLocaleString(locale)}</td>
                  <td className="num">{list.counts.flagged.toLocaleString(locale)}</td>
                  <td className="num">{list.counts.duplicate.toLocaleString(locale)}</td>
                  <td>{new Date(list.createdAt).toLocaleString(locale)}</td>
                  <td>
                    <button
                      type="button"
                      className="danger-outline"
                      onClick={() => setRemoving(list)}
                    >
                      {t('lists.action.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {removing && (
        <ConfirmDialog
          title={t('lists.remove.title', { name: removing.name })}
          body={<p>{t('lists.remove.body')}</p>}
          confirmLabel={t('lists.remove.confirm')}
          cancelLabel={t('lists.cancel')}
          danger
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      )}
    </Page>
  );
}

/** The counts of an opened list, and what to do about numbers Excel damaged. */
function CountsLine(props: { list: ListSummary }) {
  const { t, locale } = useI18n();
  const { counts } = props.list;
  const part = (
    key:
      | 'lists.col.total'
      | 'lists.col.valid'
      | 'lists.col.fixed'
      | 'lists.col.invalid'
      | 'lists.col.flagged'
      | 'lists.col.duplicate',
    value: number,
  ) => `${t(key)} ${value.toLocaleString(locale)}`;
  return (
    <>
      <p className="counts" data-testid="list-counts">
        {[
          part('lists.col.total', counts.total),
          part('lists.col.valid', counts.valid),
          part('lists.col.fixed', counts.fixed),
          part('lists.col.invalid', counts.invalid),
          part('lists.col.flagged', counts.flagged),
          part('lists.col.duplicate', counts.duplicate),
        ].join(' · ')}
      </p>
      {counts.flagged > 0 && (
        <p className="muted" data-testid="flagged-note">
          {t('lists.flagged.note', { count: counts.flagged.toLocaleString(locale) })}
        </p>
      )}
    </>
  );
}
