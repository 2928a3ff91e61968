import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Draft, DraftProblem, DraftSummary } from '../../../shared/domain/draft';
import type { ListSummary } from '../../../shared/domain/list';
import type { PreflightReport } from '../../../shared/domain/preflight';
import type { SubmissionView } from '../../../shared/domain/submission';
import { ITNIO_MAX_SEND_WINDOWS } from '../../../shared/domain/vendor-rules';
import { useAccounts } from '../../app/accounts-state';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { call, errorMessage, useEvent } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { isShown, KIND_FIELDS, NEW_VOICE_FILE_SOURCE, pickerOf } from './kind-fields';
import { ComplianceFields } from './compliance-fields';
import { ComplianceReview } from './compliance-review';
import { PreflightPanel } from './preflight-panel';
import { SubmissionBanner } from './submission-banner';
import { numbersToSend, startWords } from './send-summary';
import { SettingInput, VoiceFileInput } from './setting-input';
import { useAutosave } from './use-autosave';
import type { ResponseOf } from '../../../shared/ipc/contract';

type Pickers = ResponseOf<'drafts.pickers'>;

/** The input a problem's field is fixed in (focused when Send finds problems). */
function inputOf(field: string): string {
  if (field === 'name') return 'draft-name';
  if (field === 'list') return 'draft-list';
  if (field === 'schedule') return 'draft-send-at';
  if (field === 'uploadName' || field === 'baseFile') return 'draft-setting-voiceFile';
  return `draft-setting-${field}`;
}

/** The field a problem is shown under once touched (a new voice file's two parts are one). */
function touchKeyOf(field: string): string {
  return field === 'uploadName' || field === 'baseFile' ? 'voiceFile' : field;
}

/**
 * One draft: autosaved while it is editable, checked by main after every save; Send reviews it
 * and asks one confirmation that says what will happen. Once queued or sent it is read-only and
 * links to its outbox entry or its task.
 */
export function DraftEditor(props: {
  initial: Draft;
  lists: readonly ListSummary[];
  onBack: () => void;
  onOpenOutbox: (submissionId: string) => void;
  onOpenTask: (taskKey: string) => void;
  onOpenAccounts: () => void;
  onCopy: (copy: Draft) => void;
}) {
  const { t, locale } = useI18n();
  const { accounts } = useAccounts();
  const { draft, status, edit, flush } = useAutosave(props.initial);
  const [summary, setSummary] = useState<DraftSummary | null>(null);
  const [problems, setProblems] = useState<readonly DraftProblem[] | null>(null);
  const [report, setReport] = useState<PreflightReport | null>(null);
  const [confirming, setConfirming] = useState<PreflightReport | null>(null);
  const [queued, setQueued] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickers, setPickers] = useState<Pickers>({ pickers: {}, refreshedAt: null });
  /** Fields the manager has changed or left: their problems show; the rest wait for Send. */
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const reportRef = useRef<HTMLDivElement>(null);
  const queuedRef = useRef<HTMLParagraphElement>(null);
  const sendRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  const state = summary?.state ?? 'editable';
  const editable = summary !== null && state === 'editable';
  const account = accounts.find((candidate) => candidate.id === draft.accountId);
  const accountName = account?.name ?? draft.accountId;

  // Where the draft is in its life; asked again whenever the outbox moves one of its submissions.
  const [summaryVersion, setSummaryVersion] = useState(0);
  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const next = await call('drafts.summary', { id: draft.id });
        if (current) setSummary(next);
      } catch (error) {
        if (current) setFailure(errorMessage(error));
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [draft.id, summaryVersion]);
  const onSubmissionChanged = useCallback(
    (view: SubmissionView) => {
      if (view.draftId === draft.id) setSummaryVersion((n) => n + 1);
    },
    [draft.id],
  );
  useEvent('submissions.changed', onSubmissionChanged);

  useEffect(() => {
    let current = true;
    const load = async () => {
      const cached = await call('drafts.pickers', { accountId: draft.accountId, kind: draft.kind });
      if (current) setPickers(cached);
    };
    void load().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [draft.accountId, draft.kind]);

  const refreshPickers = async () => {
    setFailure(null);
    try {
      setPickers(
        await call('drafts.refreshPickers', { accountId: draft.accountId, kind: draft.kind }),
      );
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  // Main checks the draft against the vendor's rules after each save.
  const savedRevision = status.kind === 'saved' ? draft.revision : null;
  useEffect(() => {
    if (savedRevision === null || !editable) return;
    let current = true;
    const check = async () => {
      try {
        const result = await call('drafts.validate', { id: draft.id });
        if (current) setProblems(result.problems);
      } catch (error) {
        if (current) setFailure(errorMessage(error));
      }
    };
    void check();
    return () => {
      current = false;
    };
  }, [draft.id, savedRevision, editable]);

  // A new review scrolls into view (it renders below the form).
  useEffect(() => {
    if (report) reportRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [report]);
  // After a send, the notice that says where it went takes the focus (the Send button is gone).
  useEffect(() => {
    if (queued) queuedRef.current?.focus();
  }, [queued]);
  // "Not now" (or a failed send) gives the focus back to Send: it was disabled while the review
  // ran, so the confirmation had no opener of its own to return to.
  useEffect(() => {
    if (confirming) {
      wasConfirming.current = true;
      return;
    }
    if (!wasConfirming.current) return;
    wasConfirming.current = false;
    if (!queued) sendRef.current?.focus();
  }, [confirming, queued]);

  const touch = useCallback((field: string) => {
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
  }, []);
  const shown = (problem: DraftProblem) => attempted || touched.has(touchKeyOf(problem.field));
  const problemOf = useMemo(() => {
    const byField = new Map<string, string>();
    for (const problem of problems ?? []) {
      if (!byField.has(problem.field)) byField.set(problem.field, problem.message[locale]);
    }
    return byField;
  }, [problems, locale]);
  const note = (field: string, hint?: string) => {
    const message = problemOf.get(field);
    if (message && (attempted || touched.has(touchKeyOf(field)))) {
      return <p className="field-error">{message}</p>;
    }
    return <p className="field-hint">{hint}</p>;
  };

  const review = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await flush();
      setReport(await call('preflight.review', { draftId: draft.id }));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  /** Send: every problem shown, a fresh review, then the one confirmation. */
  const send = async () => {
    setBusy(true);
    setFailure(null);
    setAttempted(true);
    try {
      await flush();
      const checked = (await call('drafts.validate', { id: draft.id })).problems;
      setProblems(checked);
      const first = checked[0];
      if (first) {
        document.getElementById(inputOf(first.field))?.focus();
        return;
      }
      const fresh = await call('preflight.review', { draftId: draft.id });
      setReport(fresh);
      if (!fresh.limits.withinLimit) setFailure(t('drafts.confirm.overLimit'));
      else if (numbersToSend(fresh) === 0) setFailure(t('drafts.confirm.nothing'));
      else setConfirming(fresh);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const confirmSend = async () => {
    setBusy(true);
    try {
      const view = await call('submissions.submit', { draftId: draft.id });
      setConfirming(null);
      setQueued(view.id);
      setSummaryVersion((n) => n + 1);
    } catch (error) {
      setConfirming(null);
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    setFailure(null);
    try {
      props.onCopy(await call('drafts.duplicate', { id: draft.id }));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const confirmation = (pending: PreflightReport) => {
    const split = pending.compliance?.split ?? null;
    if (split !== null && split.length > 1) {
      // One task per zone group, each with its own start (the review lists them).
      return t('drafts.confirm.bodySplit', {
        count: numbersToSend(pending).toLocaleString(locale),
        account: accountName,
        tasks: split.length.toLocaleString(locale),
      });
    }
    const start = pending.schedule.start.manager;
    const when = pending.schedule.asSoonAsSent
      ? t('drafts.confirm.now')
      : t('drafts.confirm.at', {
          start: startWords(start.local, locale, new Date().getFullYear()),
          zone: start.zone,
        });
    return t('drafts.confirm.body', {
      count: numbersToSend(pending).toLocaleString(locale),
      account: accountName,
      kind: t(`drafts.confirm.kind.${draft.kind}`),
      when,
    });
  };

  const setSetting = (key: string, value: unknown) => {
    touch(key);
    const next = Object.fromEntries(Object.entries(draft.settings).filter(([k]) => k !== key));
    edit({ settings: value === undefined ? next : { ...next, [key]: value } });
  };
  const setVoiceFile = (file: { uploadName: string; baseFile: string } | null) => {
    touch('voiceFile');
    const next = Object.fromEntries(
      Object.entries(draft.settings).filter(([k]) => k !== 'uploadName' && k !== 'baseFile'),
    );
    edit({ settings: file ? { ...next, ...file } : next });
  };

  const windows = draft.schedule.windows;
  const statusText =
    status.kind === 'saving'
      ? t('drafts.editor.saving')
      : status.kind === 'saved'
        ? t('drafts.editor.saved', { when: new Date(status.at).toLocaleTimeString(locale) })
        : status.kind === 'conflict'
          ? t('drafts.editor.conflict')
          : t('drafts.editor.saveFailed', { message: status.message });
  const visible = (problems ?? []).filter(shown);
  const hidden = (problems ?? []).length - visible.length;
  const submissions = summary?.submissions ?? [];
  const outboxEntry = queued ?? submissions.at(-1)?.submissionId ?? null;
  const boardLinks = submissions.filter((submission) => submission.taskId !== null);

  return (
    <div className="draft-editor">
      <div className="page-actions">
        <button type="button" onClick={props.onBack}>
          {t('drafts.action.back')}
        </button>
        {editable && (
          <span className="muted" role="status" data-testid="save-status">
            {statusText}
          </span>
        )}
      </div>
      <header className="draft-header" data-testid="draft-header">
        <h2>{draft.name || t('drafts.unnamed')}</h2>
        <p>
          {t('drafts.editor.for', { kind: t(`tasks.kind.${draft.kind}`), account: accountName })}{' '}
          {summary && (
            <span
              className={`chip draft-state-${state}${STATE_CHIP[state]}`}
              data-testid="draft-state"
              data-state={state}
            >
              {t(`drafts.state.${state}`)}
            </span>
          )}
        </p>
      </header>
      {queued && (
        // What became of the send, as it happens: queued, waiting (next try at …), sent with its
        // task, or refused (a wrong key says what to do); never "Queued" after the outcome.
        <div tabIndex={-1} ref={queuedRef} data-testid="queued">
          <SubmissionBanner
            draftId={draft.id}
            onOpenTask={props.onOpenTask}
            onOpenOutbox={() => props.onOpenOutbox(queued)}
            onOpenAccounts={props.onOpenAccounts}
          />
        </div>
      )}
      {summary && !editable && !queued && (
        <div className="notice" role="status" data-testid="read-only">
          <p>{t(`drafts.editor.readOnly.${state === 'editable' ? 'queued' : state}`)}</p>
          <p className="row-actions">
            {state !== 'sent' && outboxEntry && (
              <button type="button" onClick={() => props.onOpenOutbox(outboxEntry)}>
                {t('drafts.action.openOutbox')}
              </button>
            )}
            {state === 'sent' &&
              boardLinks.map((submission) => (
                <button
                  key={submission.submissionId}
                  type="button"
                  onClick={() =>
                    props.onOpenTask(`${draft.accountId}:${draft.kind}:${submission.taskId ?? ''}`)
                  }
                >
                  {boardLinks.length > 1
                    ? t('drafts.action.openBoardNamed', { name: submission.name })
                    : t('drafts.action.openBoard')}
                </button>
              ))}
            {state === 'sent' && (
              <button type="button" onClick={() => void copy()}>
                {t('drafts.action.copy')}
              </button>
            )}
            {/* The review as it stands now, with the compliance report of what was sent. */}
            <button type="button" onClick={() => void review()} disabled={busy}>
              {t('drafts.action.showReview')}
            </button>
          </p>
        </div>
      )}
      <section className="card">
        <fieldset className="draft-fields" disabled={!editable}>
          <div className="form-row">
            <label htmlFor="draft-name">{t('drafts.field.name')}</label>
            <input
              id="draft-name"
              value={draft.name}
              maxLength={200}
              onChange={(event) => {
                touch('name');
                edit({ name: event.target.value });
              }}
              onBlur={() => touch('name')}
            />
            {note('name', t('drafts.field.name.hint'))}
          </div>
          <div className="form-row">
            <label htmlFor="draft-list">{t('drafts.field.list')}</label>
            <select
              id="draft-list"
              value={draft.listId ?? ''}
              onChange={(event) => {
                touch('list');
                edit({ listId: event.target.value || null });
              }}
              onBlur={() => touch('list')}
            >
              <option value="">{t('drafts.choose')}</option>
              {props.lists.map((list) => (
                <option key={list.id} value={list.id}>
                  {t('drafts.listOption', {
                    name: list.name,
                    valid: (list.counts.valid + list.counts.fixed).toLocaleString(locale),
                  })}
                </option>
              ))}
            </select>
            {note('list')}
          </div>
          <div className="form-row">
            <label htmlFor="draft-send-at">{t('drafts.field.sendAt')}</label>
            <input
              id="draft-send-at"
              type="datetime-local"
              step={1}
              value={draft.schedule.sendAt?.replace(' ', 'T') ?? ''}
              onBlur={() => touch('schedule')}
              onChange={(event) => {
                touch('schedule');
                edit({
                  schedule: {
                    ...draft.schedule,
                    sendAt: event.target.value
                      ? `${event.target.value.replace('T', ' ')}${event.target.value.length === 16 ? ':00' : ''}`
                      : null,
                  },
                });
              }}
            />
            {note('schedule', t('drafts.field.sendAt.hint'))}
          </div>
          <fieldset className="windows">
            <legend>{t('drafts.field.windows')}</legend>
            {windows.map((window, index) => (
              <div key={index} className="inline">
                <span>{t('drafts.field.window', { n: index + 1 })}</span>
                {(['start', 'end'] as const).map((end) => (
                  <input
                    key={end}
                    type="time"
                    aria-label={`${t('drafts.field.window', { n: index + 1 })} ${end}`}
                    value={window[end]}
                    onChange={(event) => {
                      touch('schedule');
                      edit({
                        schedule: {
                          ...draft.schedule,
                          windows: windows.map((w, at) =>
                            at === index ? { ...w, [end]: event.target.value } : w,
                          ),
                        },
                      });
                    }}
                  />
                ))}
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    edit({
                      schedule: {
                        ...draft.schedule,
                        windows: windows.filter((_, at) => at !== index),
                      },
                    })
                  }
                >
                  {t('drafts.field.removeWindow')}
                </button>
              </div>
            ))}
            {windows.length < ITNIO_MAX_SEND_WINDOWS && (
              <button
                type="button"
                className="link"
                onClick={() =>
                  edit({
                    schedule: {
                      ...draft.schedule,
                      windows: [...windows, { start: '09:00', end: '18:00' }],
                    },
                  })
                }
              >
                {t('drafts.field.addWindow')}
              </button>
            )}
          </fieldset>
          <ComplianceFields
            value={draft.compliance}
            onChange={(compliance) => edit({ compliance })}
          />
          <h2>{t('drafts.settings')}</h2>
          <p className="muted" data-testid="pickers-status">
            {pickers.refreshedAt
              ? t('drafts.pickers.from', {
                  when: new Date(pickers.refreshedAt).toLocaleString(locale),
                })
              : t('drafts.pickers.never')}{' '}
            <button type="button" className="link" onClick={() => void refreshPickers()}>
              {t('drafts.pickers.refresh')}
            </button>
          </p>
          {KIND_FIELDS[draft.kind]
            .filter((spec) => isShown(spec, draft.settings))
            .flatMap((spec) => {
              const picker = pickerOf(spec.key, draft.settings);
              const input = (
                <SettingInput
                  // A new set of choices (another assign type) starts from the list again.
                  key={`${spec.key}-${picker ?? ''}`}
                  spec={spec}
                  value={draft.settings[spec.key]}
                  choices={picker ? (pickers.pickers[picker] ?? []) : []}
                  note={note(spec.key)}
                  onChange={(value) => setSetting(spec.key, value)}
                  onTouch={() => touch(spec.key)}
                />
              );
              if (spec.key !== 'source' || draft.settings['source'] !== NEW_VOICE_FILE_SOURCE) {
                return [input];
              }
              return [
                input,
                <VoiceFileInput
                  key="voiceFile"
                  uploadName={draft.settings['uploadName']}
                  baseFile={draft.settings['baseFile']}
                  note={problemOf.has('uploadName') ? note('uploadName') : note('baseFile')}
                  onChange={setVoiceFile}
                  onTouch={() => touch('voiceFile')}
                />,
              ];
            })}
          <div className="form-row">
            <label htmlFor="draft-notes">{t('drafts.field.notes')}</label>
            <textarea
              id="draft-notes"
              rows={2}
              maxLength={2000}
              value={draft.notes}
              onChange={(event) => edit({ notes: event.target.value })}
            />
            <p />
          </div>
        </fieldset>
      </section>
      {editable && (
        <section className="card" aria-label={t('drafts.problems')}>
          <h2>{t('drafts.problems')}</h2>
          {problems !== null && problems.length === 0 ? (
            <p className="check ok" data-testid="no-problems">
              {t('drafts.noProblems')}
            </p>
          ) : (
            <>
              <ul data-testid="problems">
                {visible.map((problem) => (
                  <li key={`${problem.field}-${problem.rule}`}>{problem.message[locale]}</li>
                ))}
              </ul>
              {hidden > 0 && (
                <p className="muted" data-testid="problems-hidden">
                  {visible.length === 0 && touched.size === 0
                    ? t('drafts.problems.untouched')
                    : t('drafts.problems.hidden', { count: hidden })}
                </p>
              )}
            </>
          )}
          <div className="form-actions">
            <button type="button" onClick={() => void review()} disabled={busy}>
              {t('drafts.review')}
            </button>
            <button
              ref={sendRef}
              type="button"
              className="primary"
              onClick={() => void send()}
              disabled={busy}
            >
              {t('drafts.submit')}
            </button>
          </div>
          {failure && (
            <p className="form-failure" role="alert">
              {failure}
            </p>
          )}
        </section>
      )}
      {!editable && failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      {report && (
        <div ref={reportRef} className="scroll-target">
          <PreflightPanel report={report} onAssumptionsSaved={() => void review()}>
            <ComplianceReview
              report={report}
              draft={draft}
              onChange={(compliance) => {
                // A queued or sent draft's choices are what was sent: they no longer change.
                if (!editable) return;
                edit({ compliance });
                void review();
              }}
            />
          </PreflightPanel>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('drafts.confirm.title')}
          body={
            <>
              <p data-testid="send-confirmation">{confirmation(confirming)}</p>
              <p className="muted">{t('drafts.confirm.after')}</p>
            </>
          }
          confirmLabel={t('drafts.confirm.send')}
          cancelLabel={t('drafts.confirm.cancel')}
          busy={busy}
          onConfirm={() => void confirmSend()}
          onCancel={() => setConfirming(null)}
        />
      )}
    </div>
  );
}

/** The chip colours of a draft state (the outbox's, which it mirrors). */
const STATE_CHIP = {
  editable: '',
  queued: ' submission-queued',
  'needs-you': ' submission-attention',
  sent: ' submission-done',
} as const;
