import { useCallback, useEffect, useState } from 'react';
import type { Draft, DraftState, DraftSummary } from '../../../shared/domain/draft';
import type { ListSummary } from '../../../shared/domain/list';
import type { SubmissionView } from '../../../shared/domain/submission';
import type { TaskKind } from '../../../shared/domain/task';
import { boardRowKey } from '../../../shared/domain/board';
import { EmptyState } from '../../components/empty-state';
import { FirstSteps } from '../../components/first-steps';
import { Page } from '../../components/page';
import { useAccounts } from '../../app/accounts-state';
import { taskHash, type Section } from '../../app/routes';
import { call, errorMessage, useEvent } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { AuditView } from './audit-view';
import { DraftEditor } from './draft-editor';
import { kindsOf } from './kind-fields';
import { OutboxView } from './outbox-view';

type Tab = 'drafts' | 'sent' | 'outbox' | 'audit';

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
  const [notice, setNotice] = useState<string | null>(null);
  /** The outbox entry to show when the outbox opens from a draft ("Open in the outbox"). */
  const [outboxFocus, setOutboxFocus] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  // A draft moves between Drafts and Sent as its submissions settle: read the list again then.
  const onSubmissionChanged = useCallback(
    (submission: SubmissionView) => {
      if (submission.state === 'done' || submission.state === 'attention') reload();
    },
    [reload],
  );
  useEvent('submissions.changed', onSubmissionChanged);

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
  const openOutbox = (submissionId: string) => {
    setOpen(null);
    setNotice(null);
    setOutboxFocus(submissionId);
    setTab('outbox');
    reload();
  };
  /**
   * "Open on the board": the board opens the task once it holds its row. A task the vendor has
   * just created would otherwise wait for the next poll of its account (up to a minute when the
   * task has not started), so that account is asked for now.
   */
  const openTask = (key: string) => {
    const account = accounts.find((candidate) => key.startsWith(`${candidate.id}:`));
    // A refresh that fails leaves it to the regular poll; the board shows the account's state.
    if (account) void call('tasks.refresh', { accountId: account.id }).catch(() => undefined);
    window.location.hash = taskHash(key);
  };
  const openCopy = (copy: Draft) => {
    setTab('drafts');
    setNotice(t('drafts.copied', { name: copy.name || t('drafts.unnamed') }));
    setOpen(copy);
    reload();
  };
  const editableDrafts = drafts.filter((draft) => draft.state !== 'sent');
  const sentDrafts = drafts.filter((draft) => draft.state === 'sent');

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
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <DraftEditor
          key={open.id}
          initial={open}
          lists={lists}
          onBack={() => {
            setOpen(null);
            reload();
          }}
          onOpenOutbox={openOutbox}
          onOpenTask={openTask}
          onOpenAccounts={() => props.go('accounts')}
          onCopy={openCopy}
        />
      </Page>
    );
  }

  return (
    <Page title={t('drafts.title')}>
      <div className="tabs" role="tablist">
        {(['drafts', 'sent', 'outbox', 'audit'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'tab active' : 'tab'}
            onClick={() => {
              setTab(name);
              setNotice(null);
              setOutboxFocus(null);
              reload();
            }}
          >
            {t(`drafts.tab.${name}`)}
          </button>
        ))}
      </div>
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
      {tab === 'outbox' && (
        <OutboxView
          onOpenTasks={() => props.go('tasks')}
          onOpenTask={openTask}
          focusId={outboxFocus}
        />
      )}
      {tab === 'sent' && (
        <SentDrafts
          drafts={sentDrafts}
          accountName={(id) => names.get(id) ?? id}
          onView={(id) => void guard(async () => setOpen(await call('drafts.get', { id })))}
          onOpenTask={openTask}
          onCopy={(id) => void guard(async () => openCopy(await call('drafts.duplicate', { id })))}
        />
      )}
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
          {editableDrafts.length === 0 && !creating ? (
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
                  <th>{t('drafts.col.state')}</th>
                  <th>{t('drafts.col.updated')}</th>
                  <th>
                    <span className="visually-hidden">{t('table.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {editableDrafts.map((draft) => (
                  <tr key={draft.id} data-draft={draft.name} data-state={draft.state}>
                    <td>{draft.name || t('drafts.unnamed')}</td>
                    <td>{names.get(draft.accountId) ?? draft.accountId}</td>
                    <td>{t(`tasks.kind.${draft.kind}`)}</td>
                    <td>
                      <DraftStateChip state={draft.state} />
                    </td>
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
                        {draft.state === 'editable'
                          ? t('drafts.action.open')
                          : t('drafts.action.view')}
                      </button>
                      {draft.state !== 'editable' && draft.submissions.at(-1) && (
                        <button
                          type="button"
                          onClick={() => openOutbox(draft.submissions.at(-1)?.submissionId ?? '')}
                        >
                          {t('drafts.action.openOutbox')}
                        </button>
                      )}
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

/** A draft's state as a chip (the outbox's colours, which it mirrors). */
function DraftStateChip(props: { state: DraftState }) {
  const { t } = useI18n();
  const tone =
    props.state === 'sent'
      ? ' submission-done'
      : props.state === 'needs-you'
        ? ' submission-attention'
        : props.state === 'queued'
          ? ' submission-queued'
          : '';
  return (
    <span className={`chip${tone}`} data-draft-state={props.state}>
      {t(`drafts.state.${props.state}`)}
    </span>
  );
}

/** Sent drafts: read-only, each with its task(s) on the board and a copy to send again. */
function SentDrafts(props: {
  drafts: readonly DraftSummary[];
  accountName: (id: string) => string;
  onView: (id: string) => void;
  onOpenTask: (key: string) => void;
  onCopy: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  if (props.drafts.length === 0) return <p className="muted">{t('drafts.sent.empty')}</p>;
  return (
    <>
      <p className="muted">{t('drafts.sent.intro')}</p>
      <table className="data-table" aria-label={t('drafts.tab.sent')}>
        <thead>
          <tr>
            <th>{t('drafts.col.name')}</th>
            <th>{t('drafts.col.account')}</th>
            <th>{t('drafts.col.kind')}</th>
            <th>{t('drafts.col.updated')}</th>
            <th>{t('drafts.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.drafts.map((draft) => {
            const tasks = draft.submissions.filter((submission) => submission.taskId !== null);
            return (
              <tr key={draft.id} data-sent-draft={draft.name}>
                <td>{draft.name || t('drafts.unnamed')}</td>
                <td>{props.accountName(draft.accountId)}</td>
                <td>{t(`tasks.kind.${draft.kind}`)}</td>
                <td>{new Date(draft.updatedAt).toLocaleString(locale)}</td>
                <td className="row-actions">
                  {tasks.map((submission) => (
                    <button
                      key={submission.submissionId}
                      type="button"
                      onClick={() =>
                        props.onOpenTask(
                          boardRowKey(draft.accountId, draft.kind, submission.taskId ?? ''),
                        )
                      }
                    >
                      {tasks.length > 1
                        ? t('drafts.action.openBoardNamed', { name: submission.name })
                        : t('drafts.action.openBoard')}
                    </button>
                  ))}
                  <button type="button" onClick={() => props.onCopy(draft.id)}>
                    {t('drafts.action.copy')}
                  </button>
                  <button type="button" onClick={() => props.onView(draft.id)}>
                    {t('drafts.action.view')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
