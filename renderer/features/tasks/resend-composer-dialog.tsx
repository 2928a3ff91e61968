import { useEffect, useRef, useState } from 'react';
import {
  VENDOR_KINDS,
  type NumberOutcome,
  type TaskKind,
  type VendorId,
} from '../../../shared/domain/task';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/** Outcomes a manager usually resends, as the vendors report them. */
const RESEND_OUTCOMES: readonly NumberOutcome[] = ['failed', 'no-answer', 'busy', 'not-called'];

/** The kinds of task each vendor's accounts can create. */
function kindsOf(vendor: VendorId): readonly TaskKind[] {
  return VENDOR_KINDS[vendor];
}

type Outcome =
  | { readonly state: 'editing' }
  | { readonly state: 'done'; readonly text: string }
  | { readonly state: 'failed'; readonly text: string };

/**
 * Picks outcomes, target account, kind and name, then makes a resend draft of the selected tasks.
 *
 * The account and kind start as the tasks' own (so the draft can take the settings they were
 * submitted with) until the manager changes them; a refusal keeps the dialog open with every
 * field as typed.
 */
export function ResendComposerDialog(props: {
  readonly keys: readonly string[];
  readonly accounts: readonly {
    readonly id: string;
    readonly name: string;
    readonly vendor: VendorId;
  }[];
  readonly defaultAccountId: string | null;
  readonly onClose: () => void;
  /** Called after a draft was made, to clear the selection. */
  readonly onCreated: () => void;
  readonly openDrafts: () => void;
}) {
  const { t, locale } = useI18n();
  const first = props.accounts.find((a) => a.id === props.defaultAccountId) ?? props.accounts[0];
  const [outcomes, setOutcomes] = useState<readonly NumberOutcome[]>(['failed', 'no-answer']);
  const [accountId, setAccountId] = useState(first?.id ?? '');
  const vendor = props.accounts.find((a) => a.id === accountId)?.vendor ?? 'itniotech';
  const [kind, setKind] = useState<TaskKind>(
    kindsOf(first?.vendor ?? 'itniotech')[0] ?? 'voice-group',
  );
  const [name, setName] = useState(() => `Resend ${new Date().toISOString().slice(0, 16)}`);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'editing' });
  /** True once the manager picked an account or kind: the tasks' own no longer replace them. */
  const touched = useRef(false);
  const { keys, accounts } = props;

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const defaults = await call('tasks.resendDefaults', { keys: [...keys] });
        const account = accounts.find((a) => a.id === defaults.accountId);
        if (!current || touched.current || !account || defaults.kind === null) return;
        if (!kindsOf(account.vendor).includes(defaults.kind)) return;
        setAccountId(account.id);
        setKind(defaults.kind);
      } catch {
        // The manager picks the account and kind; nothing else depends on this.
      }
    })();
    return () => {
      current = false;
    };
  }, [keys, accounts]);

  const toggle = (value: NumberOutcome, on: boolean) =>
    setOutcomes(on ? [...outcomes, value] : outcomes.filter((o) => o !== value));

  const compose = async () => {
    setBusy(true);
    try {
      const result = await call('tasks.composeResend', {
        keys: [...props.keys],
        outcomes: [...outcomes],
        accountId,
        kind,
        name: name.trim(),
      });
      const fmt = (n: number) => n.toLocaleString(locale);
      const lines = [
        t('tasks.compose.done', {
          valid: fmt(result.counts.valid + result.counts.fixed),
          invalid: fmt(result.counts.invalid + result.counts.flagged),
          duplicate: fmt(result.counts.duplicate),
        }),
        result.truncated ? t('tasks.compose.truncated') : null,
        result.unresolved.count > 0
          ? t('tasks.compose.unresolved', {
              count: fmt(result.unresolved.count),
              examples: result.unresolved.examples.join(', '),
            })
          : null,
        t(result.settingsCopied ? 'tasks.compose.settingsCopied' : 'tasks.compose.settingsMissing'),
      ];
      setOutcome({ state: 'done', text: lines.filter((line) => line !== null).join(' ') });
      props.onCreated();
    } catch (failure) {
      setOutcome({
        state: 'failed',
        text: t('tasks.compose.failed', { message: errorMessage(failure) }),
      });
    } finally {
      setBusy(false);
    }
  };

  if (outcome.state === 'done') {
    return (
      <ConfirmDialog
        title={t('tasks.compose.title')}
        body={
          <p role="status" data-testid="compose-done">
            {outcome.text}
          </p>
        }
        confirmLabel={t('tasks.compose.openDrafts')}
        cancelLabel={t('tasks.detail.close')}
        onConfirm={props.openDrafts}
        onCancel={props.onClose}
      />
    );
  }

  const ready =
    outcomes.length > 0 && accountId !== '' && name.trim().length > 0 && name.length <= 64;
  return (
    <ConfirmDialog
      title={t('tasks.compose.title')}
      confirmLabel={busy ? t('tasks.compose.busy') : t('tasks.compose.ok')}
      cancelLabel={t('tasks.compose.cancel')}
      busy={busy || !ready}
      onConfirm={() => void compose()}
      onCancel={props.onClose}
      body={
        <div className="form-grid" data-testid="resend-composer">
          <p>{t('tasks.compose.body', { count: props.keys.length.toLocaleString(locale) })}</p>
          <fieldset>
            <legend>{t('tasks.compose.outcomes')}</legend>
            {RESEND_OUTCOMES.map((value) => (
              <label key={value}>
                <input
                  type="checkbox"
                  data-outcome={value}
                  checked={outcomes.includes(value)}
                  onChange={(event) => toggle(value, event.target.checked)}
                />
                {t(`tasks.outcome.${value}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="compose-account">{t('tasks.compose.account')}</label>
          <select
            id="compose-account"
            value={accountId}
            onChange={(event) => {
              const next = props.accounts.find((a) => a.id === event.target.value);
              touched.current = true;
              setAccountId(event.target.value);
              if (next) setKind(kindsOf(next.vendor)[0] ?? kind);
            }}
          >
            {props.accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
          <label htmlFor="compose-kind">{t('tasks.compose.kind')}</label>
          <select
            id="compose-kind"
            value={kind}
            onChange={(event) => {
              const next = kindsOf(vendor).find((k) => k === event.target.value);
              touched.current = true;
              if (next) setKind(next);
            }}
          >
            {kindsOf(vendor).map((value) => (
              <option key={value} value={value}>
                {t(`tasks.kind.${value}`)}
              </option>
            ))}
          </select>
          <label htmlFor="compose-name">{t('tasks.compose.name')}</label>
          <input
            id="compose-name"
            value={name}
            maxLength={64}
            onChange={(event) => setName(event.target.value)}
          />
          {outcome.state === 'failed' && (
            <p className="form-failure" role="alert">
              {outcome.text}
            </p>
          )}
        </div>
      }
    />
  );
}
