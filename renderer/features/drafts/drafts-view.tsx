import { useCallback, useEffect, useState } from 'react';
import type { Draft, DraftSummary } from '../../../shared/domain/draft';
import type { ListSummary } from '../../../shared/domain/list';
import type { TaskKind } from '../../../shared/domain/task';
import { EmptyState } from '../../components/empty-state';
import { FirstSteps } from '../../components/first-steps';
import { Page } from '../../components/page';
import { useAccounts } from '../../app/accounts-state';
import type { Section } from '../../app/routes';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { AuditView } from './audit-view';
import { DraftEditor } from './draft-editor';
import { kindsOf } from './kind-fields';
import { OutboxView } from './outbox-view';
import { SubmissionBanner } from './submission-banner';

type Tab = 'drafts' | 'outbox' | 'audit';

/** Drafts: campaigns prepared offline, the outbox that sends them, and the audit trail. */
export function DraftsView(props: { go: (section: Section) => void }) {
  const { t, locale } = useI18n();
  const { accounts } = useAccounts();
  const [tab, setTab] = useState<Tab>('drafts');
  const [drafts, setDrafts] = useState<readonly DraftSummary[]>([]);
  const [lists, setLists] = useState<readonly ListSummary[]>([]);
  const [open, setOpen] = useState<Draft | null>(null);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState('');
  const [deleted, setDeleted] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** The draft just sent: its banner follows the submission's real state. */
  const [sent, setSent] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const [draftList, listList] = await Promise.all([
          call('drafts.list', search.trim() ? { search: search.trim() } : {}),
          call('lists.list', {}),
        ]);
        if (!current) return;
        setDrafts(draftList.drafts);
        setLists(listList.lists);
      } catch (error) {
        if (current) setFailure(errorMessage(error));
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [search, version]);

  const guard = async (work: () => Promise<void>) => {
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const names = new Map(accounts.map((account) => [account.id, account.name]));

  if (accounts.length === 0) {
    return (
      <Page title={t('drafts.title')}>
        <EmptyState
          title={t('drafts.empty.title')}
          body={t('drafts.empty.body')}
          next={t('drafts.empty.next')}
          action={<FirstSteps go={props.go} showDemo={!accounts.some((account) => account.demo)} />}
        />
      </Page>
    );
  }

  if (open) {
    return (
      <Page title={t('drafts.title')}>
        <DraftEditor
          key={open.id}
          initial={open}
          lists={lists}
          onBack={() => {
            setOpen(null);
            reload();
          }}
          onSubmitted={() => {
            setOpen(null);
            setSent(open.id);
            setTab('outbox');
            reload();
          }}
        />
      </Page>
    );
  }

  return (
    <Page title={t('drafts.title')}>
      <div className="tabs" role="tablist">
        {(['drafts', 'outbox', 'audit'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'tab active' : 'tab'}
            onClick={() => setTab(name)}
          >
            {t(`drafts.tab.${name}`)}
          </button>
        ))}
      </div>
      {sent && (
        <SubmissionBanner
          draftId={sent}
          onOpenTask={() => props.go('tasks')}
          onOpenOutbox={() => setTab('outbox')}
          onOpenAccounts={() => props.go('accounts')}
        />
      )}
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      {tab === 'outbox' && <OutboxView onOpenTasks={() => props.go('tasks')} />}
      {tab === 'audit' && <AuditView />}
      {tab === 'drafts' && (
        <>
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              onClick={() => setCreating(true)}
              disabled={creating}
            >
              {t('drafts.new')}
            </button>
            <input
              type="search"
              aria-label={t('drafts.search')}
              placeholder={t('drafts.search')}
              value={search}
              maxLength={200}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          {deleted && (
            <p className="notice" role="status">
              {t('drafts.deleted')}{' '}
              <button
                type="button"
                className="link"
                onClick={() =>
                  void guard(async () => {
                    await call('drafts.restore', { id: deleted });
                    setDeleted(null);
                    reload();
                  })
                }
              >
                {t('drafts.undo')}
              </button>
            </p>
          )}
          {creating && (
            <NewDraft
              lists={lists}
              onCancel={() => setCreating(false)}
              onCreated={(draft) => {
                setCreating(false);
                setOpen(draft);
              }}
            />
          )}
          {drafts.length === 0 && !creating ? (
            <EmptyState
              title={t('drafts.empty.title')}
              body={t('drafts.empty.body')}
              next={t('drafts.empty.next')}
            />
          ) : (
            <table className="data-table" aria-label={t('drafts.title')}>
              <thead>
                <tr>
                  <th>{t('drafts.col.name')}</th>
                  <th>{t('drafts.col.account')}</th>
                  <th>{t('drafts.col.kind')}</th>
                  <th>{t('drafts.col.updated')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {drafts.map((draft) => (
                  <tr key={draft.id} data-draft={draft.name}>
                    <td>{draft.name || t('drafts.unnamed')}</td>
                    <td>{names.get(draft.accountId) ?? draft.accountId}</td>
                    <td>{t(`tasks.kind.${draft.kind}`)}</td>
                    <td>{new Date(draft.updatedAt).toLocaleString(locale)}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        onClick={() =>
                          void guard(async () =>
                            setOpen(await call('drafts.get', { id: draft.id })),
                          )
                        }
                      >
                        {t('drafts.action.open')}
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          void guard(async () => {
                            await call('drafts.duplicate', { id: draft.id });
                            reload();
                          })
                        }
                      >
                        {t('drafts.action.duplicate')}
                      </button>
                      <button
                        type="button"
                        className="danger-outline"
                        onClick={() =>
                          void guard(async () => {
                            await call('drafts.delete', { id: draft.id });
                            setDeleted(draft.id);
                            reload();
                          })
                        }
                      >
                        {t('drafts.action.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Page>
  );
}

function NewDraft(props: {
  lists: readonly ListSummary[];
  onCancel: () => void;
  onCreated: (draft: Draft) => void;
}) {
  const { t, locale } = useI18n();
  const { accounts, activeAccountId } = useAccounts();
  const [accountId, setAccountId] = useState(activeAccountId ?? accounts[0]?.id ?? '');
  const account = accounts.find((candidate) => candidate.id === accountId);
  const kinds = account ? kindsOf(account.vendor) : [];
  const [kind, setKind] = useState<TaskKind | ''>('');
  const [listId, setListId] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const chosenKind = kind !== '' && kinds.includes(kind) ? kind : kinds[0];

  const create = async () => {
    if (!account || !chosenKind) return;
    try {
      props.onCreated(
        await call('drafts.create', {
          accountId: account.id,
          kind: chosenKind,
          listId: listId || null,
        }),
      );
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <section className="card" aria-label={t('drafts.new.title')}>
      <h2>{t('drafts.new.title')}</h2>
      <div className="form-row">
        <label htmlFor="new-draft-account">{t('drafts.new.account')}</label>
        <select
          id="new-draft-account"
          value={accountId}
          onChange={(event) => setAccountId(event.target.value)}
        >
          {accounts.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <p />
      </div>
      <div className="form-row">
        <label htmlFor="new-draft-kind">{t('drafts.new.kind')}</label>
        <select
          id="new-draft-kind"
          value={chosenKind ?? ''}
          onChange={(event) =>
            setKind(kinds.find((candidate) => candidate === event.target.value) ?? '')
          }
        >
          {kinds.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`tasks.kind.${candidate}`)}
            </option>
          ))}
        </select>
        <p />
      </div>
      <div className="form-row">
        <label htmlFor="new-draft-list">{t('drafts.new.list')}</label>
        <select
          id="new-draft-list"
          value={listId}
          onChange={(event) => setListId(event.target.value)}
        >
          <option value="">{t('drafts.new.noList')}</option>
          {props.lists.map((list) => (
            <option key={list.id} value={list.id}>
              {t('drafts.listOption', {
                name: list.name,
                valid: (list.counts.valid + list.counts.fixed).toLocaleString(locale),
              })}
            </option>
          ))}
        </select>
        <p />
      </div>
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={props.onCancel}>
          {t('accounts.form.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void create()}
          disabled={!account || !chosenKind}
        >
          {t('drafts.new.create')}
        </button>
      </div>
    </section>
  );
}
