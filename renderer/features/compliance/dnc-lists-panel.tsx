import { useCallback, useEffect, useState } from 'react';
import type { DncListView } from '../../../shared/domain/compliance';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { useAccounts } from '../../app/accounts-state';
import type { Section } from '../../app/routes';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { DncListDetail } from './dnc-list-detail';
import { failure, notice, OutcomeLine, type Outcome } from './outcome';
import { ScopeFields, scopeOf, scopeText, type ScopeDraft } from './scope-fields';

/** The do-not-call lists: a table of them, a form for a new one, and one list opened. */
export function DncListsPanel(props: { go: (section: Section) => void }) {
  const { t, locale } = useI18n();
  const { accounts } = useAccounts();
  const [lists, setLists] = useState<readonly DncListView[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<DncListView | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const result = await call('compliance.dncLists', {});
        if (current) setLists(result.lists);
      } catch (error) {
        if (current) setOutcome(failure(error));
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((n) => n + 1), []);

  const remove = async (list: DncListView) => {
    setOutcome(null);
    try {
      await call('compliance.deleteDncList', { id: list.id });
      setDeleting(null);
      setOpenId(null);
      setOutcome(notice('compliance.dnc.deleted', { name: list.name }));
      reload();
    } catch (error) {
      setDeleting(null);
      setOutcome(failure(error));
    }
  };

  const opened = openId === null ? undefined : lists?.find((list) => list.id === openId);
  return (
    <div className="dnc-lists">
      <OutcomeLine outcome={outcome} />
      {opened ? (
        <DncListDetail
          list={opened}
          onBack={() => setOpenId(null)}
          onChanged={() => {
            // The list's own notice replaces "created" (one line says what just happened).
            setOutcome(null);
            reload();
          }}
          onDelete={() => setDeleting(opened)}
          go={props.go}
        />
      ) : (
        <>
          {creating ? (
            <NewListForm
              onCancel={() => setCreating(false)}
              onCreated={(list) => {
                setCreating(false);
                setOutcome(notice('compliance.dnc.created', { name: list.name }));
                reload();
                setOpenId(list.id);
              }}
            />
          ) : (
            <div className="page-actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setOutcome(null);
                  setCreating(true);
                }}
              >
                {t('compliance.dnc.new')}
              </button>
            </div>
          )}
          {lists !== null && lists.length === 0 && !creating && (
            <EmptyState
              title={t('compliance.dnc.empty.title')}
              body={t('compliance.dnc.empty.body')}
              next={t('compliance.dnc.empty.next')}
            />
          )}
          {lists !== null && lists.length > 0 && (
            <table className="data-table dnc-table" aria-label={t('compliance.tab.dnc')}>
              <thead>
                <tr>
                  <th>{t('compliance.dnc.col.name')}</th>
                  <th>{t('compliance.dnc.col.scope')}</th>
                  <th className="num">{t('compliance.dnc.col.numbers')}</th>
                  <th>{t('compliance.dnc.col.updated')}</th>
                  <th>
                    <span className="visually-hidden">{t('compliance.dnc.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lists.map((list) => (
                  <tr key={list.id} data-dnc-list={list.name}>
                    <td>
                      <button type="button" className="link" onClick={() => setOpenId(list.id)}>
                        {list.name}
                      </button>
                    </td>
                    <td className="wrap">{scopeText(list.scope, accounts, t)}</td>
                    <td className="num">{list.entryCount.toLocaleString(locale)}</td>
                    <td>{new Date(list.updatedAt).toLocaleString(locale)}</td>
                    <td>
                      <div className="row-actions">
                        <button type="button" onClick={() => setOpenId(list.id)}>
                          {t('compliance.dnc.open')}
                        </button>
                        <button
                          type="button"
                          className="danger-outline"
                          onClick={() => setDeleting(list)}
                        >
                          {t('compliance.dnc.delete')}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('compliance.dnc.delete.title', { name: deleting.name })}
          body={
            <p>
              {t('compliance.dnc.delete.body', {
                count: deleting.entryCount.toLocaleString(locale),
              })}
            </p>
          }
          confirmLabel={t('compliance.dnc.delete.confirm')}
          cancelLabel={t('compliance.cancel')}
          danger
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}

/** A new list: its name and where it applies. */
function NewListForm(props: { onCancel: () => void; onCreated: (list: DncListView) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ScopeDraft>({ kind: 'all-accounts', accountIds: [] });
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const chosen = scopeOf(scope);

  const create = async () => {
    if (!chosen) return;
    setBusy(true);
    setRefusal(null);
    try {
      props.onCreated(await call('compliance.createDncList', { name: name.trim(), scope: chosen }));
    } catch (error) {
      setRefusal(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card"
      aria-label={t('compliance.dnc.new')}
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <h2>{t('compliance.dnc.new')}</h2>
      <div className="form-row">
        <label htmlFor="dnc-new-name">{t('compliance.dnc.field.name')}</label>
        <input
          id="dnc-new-name"
          value={name}
          maxLength={200}
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
        <p className="field-hint">{t('compliance.dnc.field.name.hint')}</p>
      </div>
      <ScopeFields idPrefix="dnc-new" value={scope} onChange={setScope} disabled={busy} />
      {refusal && (
        <p className="form-failure" role="alert">
          {refusal}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={props.onCancel} disabled={busy}>
          {t('compliance.cancel')}
        </button>
        <button
          type="submit"
          className="primary"
          disabled={busy || name.trim() === '' || chosen === null}
        >
          {t('compliance.dnc.create')}
        </button>
      </div>
    </form>
  );
}
