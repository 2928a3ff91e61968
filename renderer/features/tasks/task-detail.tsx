import { useEffect, useState } from 'react';
import type { BoardRow, TaskHistory } from '../../../shared/domain/board';
import {
  MAX_SEND_WINDOWS,
  overlappingWindows,
  ResendOptionSchema,
  ResendOptionsSchema,
  SendWindowSchema,
  type CallRecordsPage,
  type NumberColumn,
  type NumberResultsPage,
  type ResendOption,
  type ResendOptions,
  type ResendScope,
  type SendWindow,
  type TaskAction,
  type TaskDetailView,
} from '../../../shared/domain/board-ui';
import { ACTIVE_TASK_STATES, type NumberOutcome, type TaskKind } from '../../../shared/domain/task';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { CounterChart } from './counter-chart';
import { fieldLabel, fieldText, groupLabel } from './detail-fields';
import { callReasonText, vendorStatusTitle } from './vendor-codes';
import { stateLabel } from './state-label';

type ActionName = TaskAction['action'];

const OUTCOMES: readonly NumberOutcome[] = [
  'not-called',
  'answered',
  'no-answer',
  'busy',
  'failed',
  'transferred',
  'unknown',
];
const PAGE_SIZE = 20;
/** The columns of the numbers table, in its order: what an export writes. */
const SHOWN_NUMBER_COLUMNS: NumberColumn[] = ['phone', 'outcome', 'calledAt', 'duration', 'agent'];

/** The order resend scopes are offered in; each task shows only those its vendor takes. */
const SCOPE_ORDER: readonly ResendScope[] = ['failed', 'not-called', 'all'];

/** What the manager typed for a resend's options, before it becomes a request. */
interface ResendInput {
  readonly scriptId: string;
  readonly windows: readonly SendWindow[];
  /** Seconds as typed; empty leaves the vendor's default. */
  readonly ringTime: string;
  readonly recording: boolean;
  /** Calls per agent as typed; empty sends none (only tasks that call agents need it). */
  readonly calloutRate: string;
}

/**
 * The resend inputs filled from the task's detail where it carries them, then from the settings
 * the app submitted the task with (`tasks.resendDefaults`), so the manager types only what is
 * missing.
 */
function resendInputFrom(
  detail: TaskDetailView | null,
  submitted: ResendOptions = {},
): ResendInput {
  const value = (key: string) =>
    detail?.groups.flatMap((group) => group.fields).find((field) => field.key === key)?.value ??
    null;
  const scriptId = value('scriptId') ?? submitted.scriptId ?? null;
  const ring = value('maxRingingTime') ?? submitted.maxRingingTime ?? null;
  const recording = value('enableRecording') ?? submitted.enableRecording ?? null;
  const rate = value('calloutRate') ?? submitted.calloutRate ?? null;
  return {
    scriptId: scriptId === null ? '' : String(scriptId),
    windows: [],
    ringTime: ring === null ? '' : String(ring),
    recording: recording === true || recording === 1 || recording === '1',
    calloutRate: rate === null ? '' : String(rate),
  };
}

/**
 * The inputs once the submitted settings are known: each field the manager has not changed since
 * the dialog opened (`opened`) takes the value `known` gives; typed values are kept.
 */
function withKnown(current: ResendInput, opened: ResendInput, known: ResendInput): ResendInput {
  const pick = <K extends keyof ResendInput>(key: K): ResendInput[K] =>
    current[key] === opened[key] ? known[key] : current[key];
  return {
    scriptId: pick('scriptId'),
    windows: current.windows,
    ringTime: pick('ringTime'),
    recording: pick('recording'),
    calloutRate: pick('calloutRate'),
  };
}

/** The message for a resend option the schema refuses as typed. */
const OPTION_PROBLEM: Readonly<Partial<Record<ResendOption, MessageKey>>> = {
  scriptId: 'tasks.resend.problem.scriptId',
  allowSendTime: 'tasks.resend.problem.window',
  maxRingingTime: 'tasks.resend.problem.ring',
  calloutRate: 'tasks.resend.problem.calloutRate',
};

/**
 * What is wrong with the offered options as typed (the first problem), or null: the request's own
 * schema decides, so the dialog and main never disagree; the script id is also required here.
 */
function resendProblem(offered: readonly ResendOption[], input: ResendInput): MessageKey | null {
  if (offered.includes('scriptId') && input.scriptId.trim() === '') {
    return 'tasks.resend.problem.scriptId';
  }
  const parsed = ResendOptionsSchema.safeParse(resendOptionsOf(offered, input) ?? {});
  if (parsed.success) return null;
  // Anything without a message of its own (a checkbox cannot be wrong) is explained by main.
  const option = ResendOptionSchema.safeParse(parsed.error.issues[0]?.path[0]);
  if (!option.success) return null;
  const windowsValid = input.windows.every((window) => SendWindowSchema.safeParse(window).success);
  if (
    option.data === 'allowSendTime' &&
    windowsValid &&
    overlappingWindows(input.windows).length > 0
  ) {
    return 'tasks.resend.problem.overlap';
  }
  return OPTION_PROBLEM[option.data] ?? null;
}

/** The options a resend request carries: only those the vendor offers and the manager set. */
function resendOptionsOf(
  offered: readonly ResendOption[],
  input: ResendInput,
): ResendOptions | undefined {
  const options: {
    scriptId?: string;
    allowSendTime?: SendWindow[];
    maxRingingTime?: number;
    enableRecording?: boolean;
    calloutRate?: number;
  } = {};
  if (offered.includes('scriptId') && input.scriptId.trim() !== '') {
    options.scriptId = input.scriptId.trim();
  }
  if (offered.includes('allowSendTime') && input.windows.length > 0) {
    options.allowSendTime = [...input.windows];
  }
  if (offered.includes('maxRingingTime') && input.ringTime.trim() !== '') {
    options.maxRingingTime = Number(input.ringTime);
  }
  if (offered.includes('enableRecording')) options.enableRecording = input.recording;
  if (offered.includes('calloutRate') && input.calloutRate.trim() !== '') {
    options.calloutRate = Number(input.calloutRate);
  }
  return Object.keys(options).length > 0 ? options : undefined;
}

function isHttps(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('https://');
}

/** The detail of one task: the vendor's fields by group, the chart, numbers and actions. */
export function TaskDetail(props: {
  readonly rowKey: string;
  readonly row: BoardRow | undefined;
  readonly accountName: (id: string) => string;
  readonly onClose: () => void;
  /** Whether the task is picked for the resend composer. */
  readonly selectedForResend?: boolean;
  readonly onToggleResend?: () => void;
}) {
  const { t, locale } = useI18n();
  const { row, rowKey } = props;
  const [detail, setDetail] = useState<TaskDetailView | null>(null);
  const [history, setHistory] = useState<TaskHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<ActionName | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [scope, setScope] = useState<ResendScope>('failed');
  const [resendName, setResendName] = useState('');
  const [resendInput, setResendInput] = useState<ResendInput>(() => resendInputFrom(null));
  /** True when the resend form was filled in from what the app submitted the task with. */
  const [resendKnown, setResendKnown] = useState(false);
  const [rate, setRate] = useState(2);

  const state = row?.s;
  const called = row?.c;
  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const view = await call('tasks.detail', { key: rowKey });
        if (current) {
          setDetail(view);
          setError(null);
        }
      } catch (failure) {
        if (current) setError(errorMessage(failure));
      }
    })();
    return () => {
      current = false;
    };
  }, [rowKey, state]);

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const next = await call('tasks.history', { key: rowKey });
        if (current) setHistory(next);
      } catch (failure) {
        if (current) setError(errorMessage(failure));
      }
    })();
    return () => {
      current = false;
    };
  }, [rowKey, called, state]);

  const name = row ? row.n || row.t : rowKey;
  const caps = detail?.capabilities;
  const active = row ? ACTIVE_TASK_STATES.includes(row.s) : false;
  const offered: ActionName[] = caps
    ? ([
        caps.pause && row?.s === 'running' ? 'pause' : null,
        // TaskSet 1 both starts a task that never ran and resumes a paused one (yccall.md §4.4).
        caps.resume && (row?.s === 'paused' || row?.s === 'pending') ? 'resume' : null,
        caps.edit && active ? 'edit' : null,
        caps.resend && !active ? 'resend' : null,
        caps.cancel && active ? 'cancel' : null,
      ].filter((a) => a !== null) as ActionName[])
    : [];
  const scopes = SCOPE_ORDER.filter((value) => caps?.resendScopes.includes(value));
  const resendOffered = caps?.resendOptions ?? [];
  const problem = asking === 'resend' ? resendProblem(resendOffered, resendInput) : null;

  const ask = (action: ActionName) => {
    setDone(null);
    setRefused(null);
    if (action === 'resend') {
      const stamp = new Date().toISOString().slice(5, 16).replace(/[-T:]/g, '');
      setResendName(`${name.slice(0, 50)} ${stamp}`.slice(0, 64));
      // Failed numbers where the vendor can pick them, else the first scope it offers.
      setScope(scopes.includes('failed') ? 'failed' : (scopes[0] ?? 'all'));
      const opened = resendInputFrom(detail);
      setResendInput(opened);
      setResendKnown(false);
      void (async () => {
        try {
          const defaults = await call('tasks.resendDefaults', { keys: [rowKey] });
          if (defaults.submitted === 0) return;
          const known = resendInputFrom(detail, defaults.options);
          setResendInput((current) => withKnown(current, opened, known));
          setResendKnown(true);
        } catch {
          // Without them the manager types the settings, and main still fills them in on resend.
        }
      })();
    }
    setAsking(action);
  };

  const run = async () => {
    if (!asking) return;
    if (asking === 'resend' && problem !== null) return;
    const options = resendOptionsOf(resendOffered, resendInput);
    const action: TaskAction =
      asking === 'resend'
        ? {
            action: 'resend',
            key: rowKey,
            scope,
            name: resendName,
            ...(options ? { options } : {}),
          }
        : asking === 'edit'
          ? { action: 'edit', key: rowKey, calloutRate: rate }
          : { action: asking, key: rowKey };
    setBusy(true);
    setRefused(null);
    try {
      const result = await call('tasks.action', action);
      const said =
        result.action === 'resend'
          ? t(result.newTaskId === null ? 'tasks.done.resendSame' : 'tasks.done.resend')
          : t(`tasks.done.${result.action}`);
      // The vendor's own word after the action, from a query made right after it.
      const after = t('tasks.done.after', {
        state: t(`tasks.state.${result.after.state}`),
        held:
          result.after.held === null
            ? ''
            : t('tasks.done.afterHeld', { held: result.after.held.toLocaleString(locale) }),
      });
      setDone(`${said} ${after}`);
      setAsking(null);
    } catch (failure) {
      // The dialog stays open with the refusal and every field as typed: correct and try again.
      setRefused(t('tasks.refused', { message: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  const closeDialog = () => {
    setAsking(null);
    setRefused(null);
  };

  return (
    <aside className="task-detail" aria-label={t('tasks.detail.title')} data-testid="task-detail">
      <header className="task-detail-head">
        <div>
          <h2>{name}</h2>
          {row && (
            <p className="muted">
              {props.accountName(row.a)} · {t(`tasks.kind.${row.kd}`)} ·{' '}
              <span
                className={`chip state-${row.s}`}
                data-testid="detail-state"
                data-state={row.s}
                title={vendorStatusTitle(t, row.kd, row.sc)}
              >
                {stateLabel(t, locale, row)}
              </span>
            </p>
          )}
        </div>
        <button type="button" onClick={props.onClose}>
          {t('tasks.detail.close')}
        </button>
      </header>
      {error && (
        <p className="form-failure" role="alert">
          {error}
        </p>
      )}
      <div className="task-actions">
        {caps?.numberResults && row && !active && props.onToggleResend && (
          <button
            type="button"
            data-testid="select-for-resend"
            aria-pressed={props.selectedForResend === true}
            onClick={props.onToggleResend}
          >
            {props.selectedForResend ? t('tasks.compose.unselect') : t('tasks.compose.select')}
          </button>
        )}
        {caps && offered.length === 0 && <span className="muted">{t('tasks.action.none')}</span>}
        {offered.map((action) => (
          <button
            key={action}
            type="button"
            data-action={action}
            className={action === 'cancel' ? 'danger' : undefined}
            onClick={() => ask(action)}
          >
            {action === 'resume' && row?.s === 'pending'
              ? t('tasks.action.start')
              : t(`tasks.action.${action}`)}
          </button>
        ))}
      </div>
      {done && (
        <p className="notice" role="status" data-testid="action-result">
          {done}
        </p>
      )}
      {history && <CounterChart history={history} />}
      {!detail && !error && <p className="muted">{t('tasks.detail.loading')}</p>}
      {detail && (
        <div className="detail-groups">
          {detail.groups.map((group) => (
            <section key={group.group} className="detail-group">
              <h3>{groupLabel(t, group.group)}</h3>
              <dl>
                {group.fields.map((field) => (
                  <div key={field.key} className="detail-field">
                    <dt>{fieldLabel(t, field.key)}</dt>
                    <dd>
                      {isHttps(field.value) ? (
                        <button
                          type="button"
                          className="link"
                          onClick={() =>
                            void call('app.openExternal', { url: String(field.value) })
                          }
                        >
                          {t('tasks.link.open')}
                        </button>
                      ) : (
                        fieldText(t, locale, field.key, field.value)
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      )}
      {detail && <NumberResults rowKey={rowKey} supported={detail.capabilities.numberResults} />}
      {detail && <CallRecords rowKey={rowKey} kind={row?.kd ?? null} />}
      {asking && (
        <ConfirmDialog
          title={t(`tasks.confirm.${asking}.title`, { name })}
          confirmLabel={t(`tasks.confirm.${asking}.ok`)}
          cancelLabel={t('tasks.confirm.back')}
          danger={asking === 'cancel'}
          busy={busy || problem !== null}
          onCancel={closeDialog}
          onConfirm={() => void run()}
          body={
            <>
              <p>{t(`tasks.confirm.${asking}.body`)}</p>
              {asking === 'resend' && (
                <div className="form-grid" data-testid="resend-form">
                  <label htmlFor="resend-scope">{t('tasks.resend.scope')}</label>
                  <select
                    id="resend-scope"
                    value={scope}
                    onChange={(event) => {
                      const next = scopes.find((value) => value === event.target.value);
                      if (next) setScope(next);
                    }}
                  >
                    {scopes.map((value) => (
                      <option key={value} value={value}>
                        {t(`tasks.resend.scope.${value}`)}
                      </option>
                    ))}
                  </select>
                  <label htmlFor="resend-name">{t('tasks.resend.name')}</label>
                  <input
                    id="resend-name"
                    value={resendName}
                    maxLength={64}
                    onChange={(event) => setResendName(event.target.value)}
                  />
                  <ResendOptionFields
                    offered={resendOffered}
                    input={resendInput}
                    onChange={setResendInput}
                  />
                  {resendKnown && resendOffered.length > 0 && (
                    <p className="field-hint" data-testid="resend-known">
                      {t('tasks.resend.fromSubmission')}
                    </p>
                  )}
                  {problem && (
                    <p className="field-error" role="alert" data-testid="resend-problem">
                      {t(problem)}
                    </p>
                  )}
                </div>
              )}
              {asking === 'edit' && (
                <div className="form-grid">
                  <label htmlFor="edit-rate">{t('tasks.edit.rate')}</label>
                  <input
                    id="edit-rate"
                    type="number"
                    min={1}
                    max={100}
                    value={rate}
                    onChange={(event) => setRate(Math.trunc(Number(event.target.value)) || 1)}
                  />
                </div>
              )}
              {refused && (
                <p className="form-failure" role="alert" data-testid="action-refused">
                  {refused}
                </p>
              )}
            </>
          }
        />
      )}
    </aside>
  );
}

/** The inputs of the resend options the task's vendor offers, in the order it lists them. */
function ResendOptionFields(props: {
  readonly offered: readonly ResendOption[];
  readonly input: ResendInput;
  readonly onChange: (next: ResendInput) => void;
}) {
  const { t } = useI18n();
  const { input, onChange } = props;
  const setWindow = (index: number, patch: Partial<SendWindow>) =>
    onChange({
      ...input,
      windows: input.windows.map((window, at) => (at === index ? { ...window, ...patch } : window)),
    });
  return (
    <>
      {props.offered.map((option) => {
        switch (option) {
          case 'scriptId':
            return (
              <div key={option} className="resend-option">
                <label htmlFor="resend-script">{t('tasks.resend.scriptId')}</label>
                <input
                  id="resend-script"
                  inputMode="numeric"
                  required
                  maxLength={10}
                  value={input.scriptId}
                  aria-describedby="resend-script-hint"
                  onChange={(event) => onChange({ ...input, scriptId: event.target.value })}
                />
                <p id="resend-script-hint" className="field-hint">
                  {t('tasks.resend.scriptId.hint')}
                </p>
              </div>
            );
          case 'allowSendTime':
            return (
              <fieldset key={option} className="windows resend-option">
                <legend>{t('tasks.resend.windows')}</legend>
                {input.windows.map((window, index) => (
                  <div key={index} className="inline" data-testid="resend-window">
                    <span>{t('tasks.resend.window', { n: index + 1 })}</span>
                    <input
                      type="time"
                      aria-label={t('tasks.resend.window.from', { n: index + 1 })}
                      value={window.strTime}
                      onChange={(event) => setWindow(index, { strTime: event.target.value })}
                    />
                    <input
                      type="time"
                      aria-label={t('tasks.resend.window.until', { n: index + 1 })}
                      value={window.endTime}
                      onChange={(event) => setWindow(index, { endTime: event.target.value })}
                    />
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        onChange({
                          ...input,
                          windows: input.windows.filter((_, at) => at !== index),
                        })
                      }
                    >
                      {t('tasks.resend.window.remove')}
                    </button>
                  </div>
                ))}
                {input.windows.length < MAX_SEND_WINDOWS && (
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      onChange({
                        ...input,
                        windows: [...input.windows, { strTime: '09:00', endTime: '18:00' }],
                      })
                    }
                  >
                    {t('tasks.resend.window.add')}
                  </button>
                )}
                <p className="field-hint">{t('tasks.resend.windows.hint')}</p>
              </fieldset>
            );
          case 'maxRingingTime':
            return (
              <NumberOption
                key={option}
                id="resend-ring"
                label={t('tasks.resend.ring')}
                hint={t('tasks.resend.ring.hint')}
                min={20}
                max={120}
                placeholder="60"
                value={input.ringTime}
                onChange={(ringTime) => onChange({ ...input, ringTime })}
              />
            );
          case 'enableRecording':
            return (
              <label key={option} className="resend-option resend-check">
                <input
                  type="checkbox"
                  checked={input.recording}
                  onChange={(event) => onChange({ ...input, recording: event.target.checked })}
                />
                {t('tasks.resend.recording')}
              </label>
            );
          case 'calloutRate':
            return (
              <NumberOption
                key={option}
                id="resend-rate"
                label={t('tasks.resend.calloutRate')}
                hint={t('tasks.resend.calloutRate.hint')}
                min={1}
                max={100}
                value={input.calloutRate}
                onChange={(calloutRate) => onChange({ ...input, calloutRate })}
              />
            );
        }
      })}
    </>
  );
}

/** A whole-number resend option with its label and hint (the text as typed; empty for none). */
function NumberOption(props: {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly min: number;
  readonly max: number;
  readonly placeholder?: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <div className="resend-option">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        className="narrow"
        min={props.min}
        max={props.max}
        step={1}
        placeholder={props.placeholder}
        value={props.value}
        aria-describedby={`${props.id}-hint`}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <p id={`${props.id}-hint`} className="field-hint">
        {props.hint}
      </p>
    </div>
  );
}

function NumberResults(props: { rowKey: string; supported: boolean }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const [outcome, setOutcome] = useState<NumberOutcome | ''>('');
  const [phone, setPhone] = useState('');
  const [result, setResult] = useState<NumberResultsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const digits = phone.replace(/[^\d+]/g, '');
  const phoneFilter = /^\+?\d+$/.test(digits) ? digits : null;

  const exportNumbers = async () => {
    setExporting(true);
    setExported(null);
    try {
      const saved = await call('tasks.exportNumbers', {
        key: props.rowKey,
        columns: SHOWN_NUMBER_COLUMNS,
        ...(outcome ? { outcome } : {}),
        ...(phoneFilter !== null ? { phone: phoneFilter } : {}),
      });
      if (saved.path !== null) {
        setExported(t('tasks.numbers.exported', { rows: saved.rows, path: saved.path }));
      }
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setExporting(false);
    }
  };

  useEffect(() => {
    if (!props.supported) return;
    let current = true;
    void (async () => {
      try {
        const next = await call('tasks.numberResults', {
          key: props.rowKey,
          page,
          pageSize: PAGE_SIZE,
          ...(outcome ? { outcome } : {}),
          ...(phoneFilter !== null ? { phone: phoneFilter } : {}),
        });
        if (current) {
          setResult(next);
          setError(null);
        }
      } catch (failure) {
        if (current) setError(errorMessage(failure));
      }
    })();
    return () => {
      current = false;
    };
  }, [props.rowKey, props.supported, page, outcome, phoneFilter]);

  if (!props.supported) {
    return (
      <section className="number-results">
        <h3>{t('tasks.numbers.title')}</h3>
        <p className="muted">{t('tasks.numbers.unsupported')}</p>
      </section>
    );
  }
  const pages =
    result?.total === null || result === null
      ? null
      : Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  return (
    <section className="number-results">
      <h3>{t('tasks.numbers.title')}</h3>
      <div className="toolbar">
        <input
          type="search"
          aria-label={t('tasks.numbers.search')}
          placeholder={t('tasks.numbers.search')}
          value={phone}
          maxLength={32}
          onChange={(event) => {
            setPhone(event.target.value);
            setPage(1);
          }}
        />
        <select
          aria-label={t('tasks.numbers.outcome')}
          value={outcome}
          onChange={(event) => {
            setOutcome(event.target.value as NumberOutcome | '');
            setPage(1);
          }}
        >
          <option value="">{t('tasks.numbers.allOutcomes')}</option>
          {OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {t(`tasks.outcome.${value}`)}
            </option>
          ))}
        </select>
        <button type="button" disabled={exporting} onClick={() => void exportNumbers()}>
          {exporting ? t('tasks.numbers.exporting') : t('tasks.numbers.export')}
        </button>
      </div>
      {exported && (
        <p className="muted" role="status">
          {exported}
        </p>
      )}
      {error && (
        <p className="form-failure" role="alert">
          {error}
        </p>
      )}
      {result && result.items.length === 0 && <p className="muted">{t('tasks.numbers.none')}</p>}
      {result && result.items.length > 0 && (
        <table className="numbers-table">
          <thead>
            <tr>
              <th>{t('tasks.numbers.phone')}</th>
              <th>{t('tasks.numbers.outcome')}</th>
              <th>{t('tasks.numbers.calledAt')}</th>
              <th className="num">{t('tasks.numbers.duration')}</th>
              <th>{t('tasks.numbers.agent')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((item, index) => (
              <tr key={`${item.phone}-${index}`}>
                <td>{item.phone}</td>
                <td
                  title={t('tasks.numberCode', {
                    outcome: t(`tasks.outcome.${item.outcome}`),
                    code: item.vendorStatus.code,
                  })}
                >
                  {t(`tasks.outcome.${item.outcome}`)}
                </td>
                <td>
                  {item.calledAt === null ? '—' : new Date(item.calledAt).toLocaleString(locale)}
                </td>
                <td className="num">{item.durationSeconds ?? '—'}</td>
                <td>{item.agent ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} shown={result?.items.length ?? null} onPage={setPage} />
    </section>
  );
}

/** A task's call records, paged: cost, hang-up reason, duration and a recording link. */
function CallRecords(props: { rowKey: string; kind: TaskKind | null }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<CallRecordsPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const next = await call('tasks.callRecords', {
          key: props.rowKey,
          page,
          pageSize: PAGE_SIZE,
        });
        if (current) {
          setResult(next);
          setError(null);
        }
      } catch (failure) {
        if (current) setError(errorMessage(failure));
      }
    })();
    return () => {
      current = false;
    };
  }, [props.rowKey, page]);

  const pages =
    result?.total === null || result === null
      ? null
      : Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  return (
    <section className="call-records" data-testid="call-records">
      <h3>{t('tasks.records.title')}</h3>
      <p className="muted">{t('tasks.records.window')}</p>
      {error && (
        <p className="form-failure" role="alert">
          {error}
        </p>
      )}
      {result && result.items.length === 0 && <p className="muted">{t('tasks.records.none')}</p>}
      {result && result.items.length > 0 && (
        <table className="numbers-table">
          <thead>
            <tr>
              <th>{t('tasks.records.phone')}</th>
              <th>{t('tasks.records.startedAt')}</th>
              <th className="num">{t('tasks.records.duration')}</th>
              <th className="num">{t('tasks.records.cost')}</th>
              <th>{t('tasks.records.reason')}</th>
              <th>{t('tasks.records.recording')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((item, index) => (
              <tr key={`${item.phone}-${index}`}>
                <td>{item.phone || '—'}</td>
                <td>
                  {item.startedAt === null ? '—' : new Date(item.startedAt).toLocaleString(locale)}
                </td>
                <td className="num">{item.durationSeconds ?? '—'}</td>
                <td className="num">
                  {item.cost === null
                    ? '—'
                    : `${item.cost.toLocaleString(locale)}${item.currency ? ` ${item.currency}` : ''}`}
                </td>
                <td>{callReasonText(t, props.kind, item.reason)}</td>
                <td>
                  {item.recordingUrl !== null && isHttps(item.recordingUrl) ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        const url = item.recordingUrl;
                        if (url !== null) void call('app.openExternal', { url });
                      }}
                    >
                      {t('tasks.records.open')}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} shown={result?.items.length ?? null} onPage={setPage} />
    </section>
  );
}

/**
 * Previous / next for a paged table. `pages` is null when the vendor gives no total: then a full
 * page means there may be more. `shown` is null while the page loads.
 */
function Pager(props: {
  page: number;
  pages: number | null;
  shown: number | null;
  onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const { page, pages, shown } = props;
  const hasNext = shown !== null && (pages !== null ? page < pages : shown >= PAGE_SIZE);
  return (
    <div className="toolbar">
      <button type="button" disabled={page <= 1} onClick={() => props.onPage(page - 1)}>
        {t('tasks.numbers.prev')}
      </button>
      <span className="muted">
        {pages === null
          ? t('tasks.numbers.page', { page })
          : t('tasks.numbers.pageOf', { page, pages })}
      </span>
      <button type="button" disabled={!hasNext} onClick={() => props.onPage(page + 1)}>
        {t('tasks.numbers.next')}
      </button>
    </div>
  );
}
