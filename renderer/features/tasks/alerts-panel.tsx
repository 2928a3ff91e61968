import { useEffect, useState } from 'react';
import type { AlertThreshold, ThresholdSettings } from '../../../shared/domain/board';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/** Alert thresholds: one for all accounts, and optional ones per account that replace it. */
export function AlertsPanel(props: {
  readonly accounts: readonly { readonly id: string; readonly name: string }[];
  readonly onClose: () => void;
}) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<ThresholdSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      try {
        setSettings(await call('tasks.thresholds', {}));
      } catch (failure) {
        setError(errorMessage(failure));
      }
    })();
  }, []);

  const save = async (accountId: string | null, threshold: AlertThreshold | null) => {
    try {
      setSettings(
        await call('tasks.setThreshold', {
          scope: accountId === null ? { global: true } : { accountId },
          threshold,
        }),
      );
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section className="alerts-panel" aria-labelledby="alerts-title" data-testid="alerts-panel">
      <header className="task-detail-head">
        <h2 id="alerts-title">{t('tasks.alerts.title')}</h2>
        <button type="button" onClick={props.onClose}>
          {t('tasks.alerts.close')}
        </button>
      </header>
      <p className="muted">{t('tasks.alerts.body')}</p>
      {error && (
        <p className="form-failure" role="alert">
          {error}
        </p>
      )}
      {settings && (
        <>
          <ThresholdRow
            id="global"
            label={t('tasks.alerts.global')}
            value={settings.global}
            fallback={null}
            onSave={(threshold) => void save(null, threshold)}
          />
          {props.accounts.map((account) => (
            <ThresholdRow
              key={account.id}
              id={account.id}
              label={account.name}
              value={settings.accounts[account.id] ?? null}
              fallback={settings.global}
              onSave={(threshold) => void save(account.id, threshold)}
            />
          ))}
        </>
      )}
    </section>
  );
}

function ThresholdRow(props: {
  id: string;
  label: string;
  value: AlertThreshold | null;
  fallback: AlertThreshold | null;
  onSave: (threshold: AlertThreshold | null) => void;
}) {
  const { t } = useI18n();
  const [rate, setRate] = useState(String(props.value?.successRateBelow ?? 20));
  const [after, setAfter] = useState(String(props.value?.afterCalls ?? 50));
  const current = props.value
    ? t('tasks.alerts.current', {
        rate: props.value.successRateBelow,
        calls: props.value.afterCalls,
      })
    : props.id !== 'global' && props.fallback
      ? t('tasks.alerts.inherits')
      : t('tasks.alerts.none');
  return (
    <form
      className="threshold-row"
      data-threshold={props.id}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave({ successRateBelow: Number(rate), afterCalls: Math.trunc(Number(after)) });
      }}
    >
      <strong>{props.label}</strong>
      <span className="muted" data-testid="threshold-current">
        {current}
      </span>
      <label>
        {t('tasks.alerts.rate')}
        <input
          type="number"
          min={0}
          max={100}
          step="any"
          value={rate}
          onChange={(event) => setRate(event.target.value)}
        />
      </label>
      <label>
        {t('tasks.alerts.after')}
        <input
          type="number"
          min={1}
          value={after}
          onChange={(event) => setAfter(event.target.value)}
        />
      </label>
      <button type="submit" className="primary">
        {t('tasks.alerts.save')}
      </button>
      {props.value && (
        <button type="button" onClick={() => props.onSave(null)}>
          {t('tasks.alerts.clear')}
        </button>
      )}
    </form>
  );
}
