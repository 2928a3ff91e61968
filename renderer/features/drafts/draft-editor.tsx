import { useEffect, useMemo, useState } from 'react';
import type { Draft, DraftProblem } from '../../../shared/domain/draft';
import type { ListSummary } from '../../../shared/domain/list';
import type { PreflightReport } from '../../../shared/domain/preflight';
import { ITNIO_MAX_SEND_WINDOWS } from '../../../shared/domain/vendor-rules';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { displayValue, KIND_FIELDS, storedValue, type FieldSpec } from './kind-fields';
import { ComplianceFields } from './compliance-fields';
import { ComplianceReview } from './compliance-review';
import { PreflightPanel } from './preflight-panel';
import { useAutosave } from './use-autosave';
import type { ResponseOf } from '../../../shared/ipc/contract';

type Pickers = ResponseOf<'drafts.pickers'>;

/** One draft being edited: autosaved, checked by main after every save, reviewed, then sent. */
export function DraftEditor(props: {
  initial: Draft;
  lists: readonly ListSummary[];
  onBack: () => void;
  onSubmitted: () => void;
}) {
  const { t, locale } = useI18n();
  const { draft, status, edit, flush } = useAutosave(props.initial);
  const [problems, setProblems] = useState<readonly DraftProblem[] | null>(null);
  const [report, setReport] = useState<PreflightReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickers, setPickers] = useState<Pickers>({ pickers: {}, refreshedAt: null });

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
  const pickerFor = (key: string): string | null => {
    if (key === 'displayNum') return 'displayNumbers';
    if (key === 'voiceGroupId') return 'agentGroups';
    if (key === 'assignAgent') {
      const type = draft.settings['assignType'];
      return type === 'extension' ? 'extensions' : type === 'group' ? 'extensionGroups' : 'queues';
    }
    return null;
  };

  // Main checks the draft against the vendor's rules after each save.
  const savedRevision = status.kind === 'saved' ? draft.revision : null;
  useEffect(() => {
    if (savedRevision === null) return;
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
  }, [draft.id, savedRevision]);

  const problemOf = useMemo(() => {
    const byField = new Map<string, string>();
    for (const problem of problems ?? []) {
      if (!byField.has(problem.field)) byField.set(problem.field, problem.message[locale]);
    }
    return byField;
  }, [problems, locale]);

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
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await flush();
      await call('submissions.submit', { draftId: draft.id });
      props.onSubmitted();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const note = (field: string) => {
    const message = problemOf.get(field);
    return message ? <p className="field-error">{message}</p> : <p className="field-hint" />;
  };
  const settingInput = (spec: FieldSpec) => {
    const id = `draft-setting-${spec.key}`;
    const pickerName = pickerFor(spec.key);
    const choices = pickerName ? (pickers.pickers[pickerName] ?? []) : [];
    const value = displayValue(spec, draft.settings[spec.key]);
    const set = (text: string) => {
      const stored = storedValue(spec, text);
      const next = Object.fromEntries(
        Object.entries(draft.settings).filter(([key]) => key !== spec.key),
      );
      edit({ settings: stored === undefined ? next : { ...next, [spec.key]: stored } });
    };
    return (
      <div className="form-row" key={spec.key}>
        <label htmlFor={id}>{t(spec.label)}</label>
        {spec.type === 'choice' ? (
          <select id={id} value={value} onChange={(event) => set(event.target.value)}>
            <option value="">{t('drafts.choose')}</option>
            {spec.options.map((option) => (
              <option key={String(option.value)} value={String(option.value)}>
                {t(option.label)}
              </option>
            ))}
          </select>
        ) : spec.type === 'text' && spec.multiline ? (
          <textarea id={id} value={value} rows={3} onChange={(event) => set(event.target.value)} />
        ) : (
          <input
            id={id}
            value={value}
            list={choices.length > 0 ? `${id}-choices` : undefined}
            inputMode={spec.type === 'int' ? 'numeric' : undefined}
            onChange={(event) => set(event.target.value)}
          />
        )}
        {choices.length > 0 && (
          <datalist id={`${id}-choices`}>
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.detail ? `${choice.label} · ${choice.detail}` : choice.label}
              </option>
            ))}
          </datalist>
        )}
        {note(spec.key)}
      </div>
    );
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

  return (
    <div className="draft-editor">
      <div className="page-actions">
        <button type="button" onClick={props.onBack}>
          {t('drafts.action.back')}
        </button>
        <span className="muted" role="status" data-testid="save-status">
          {statusText}
        </span>
      </div>
      <section className="card">
        <div className="form-row">
          <label htmlFor="draft-name">{t('drafts.field.name')}</label>
          <input
            id="draft-name"
            value={draft.name}
            maxLength={200}
            onChange={(event) => edit({ name: event.target.value })}
          />
          {problemOf.has('name') ? (
            note('name')
          ) : (
            <p className="field-hint">{t('drafts.field.name.hint')}</p>
          )}
        </div>
        <div className="form-row">
          <label htmlFor="draft-list">{t('drafts.field.list')}</label>
          <select
            id="draft-list"
            value={draft.listId ?? ''}
            onChange={(event) => edit({ listId: event.target.value || null })}
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
            onChange={(event) =>
              edit({
                schedule: {
                  ...draft.schedule,
                  sendAt: event.target.value
                    ? `${event.target.value.replace('T', ' ')}${event.target.value.length === 16 ? ':00' : ''}`
                    : null,
                },
              })
            }
          />
          {problemOf.has('schedule') ? (
            note('schedule')
          ) : (
            <p className="field-hint">{t('drafts.field.sendAt.hint')}</p>
          )}
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
                  onChange={(event) =>
                    edit({
                      schedule: {
                        ...draft.schedule,
                        windows: windows.map((w, at) =>
                          at === index ? { ...w, [end]: event.target.value } : w,
                        ),
                      },
                    })
                  }
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
        <ComplianceFields
          value={draft.compliance}
          onChange={(compliance) => edit({ compliance })}
        />
        {KIND_FIELDS[draft.kind].map(settingInput)}
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
      </section>
      <section className="card" aria-label={t('drafts.problems')}>
        <h2>{t('drafts.problems')}</h2>
        {problems !== null && problems.length === 0 ? (
          <p className="check ok" data-testid="no-problems">
            {t('drafts.noProblems')}
          </p>
        ) : (
          <ul data-testid="problems">
            {(problems ?? []).map((problem) => (
              <li key={`${problem.field}-${problem.rule}`}>{problem.message[locale]}</li>
            ))}
          </ul>
        )}
        <div className="form-actions">
          <button type="button" onClick={() => void review()} disabled={busy}>
            {t('drafts.review')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void submit()}
            disabled={busy || (problems?.length ?? 1) > 0}
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
      {report && (
        <PreflightPanel report={report} onAssumptionsSaved={() => void review()}>
          <ComplianceReview
            report={report}
            draft={draft}
            onChange={(compliance) => {
              edit({ compliance });
              void review();
            }}
          />
        </PreflightPanel>
      )}
    </div>
  );
}
