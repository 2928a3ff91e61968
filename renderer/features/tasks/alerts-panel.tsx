import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlertThreshold, ThresholdSettings } from '../../../shared/domain/board';
import type { FiredAlert } from '../../../shared/domain/fired-alerts';
import { call, errorMessage, useEvent } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { firedText } from './fired-words';

/**
 * Alerts: the ones that fired (when, which task, what crossed; newest first, kept across
 * restarts, clearable) beside the thresholds, one for all accounts and optional ones per account
 * that replace it. Escape closes the panel, and focus goes back to what opened it.
 */
export function AlertsPanel(props: {
  readonly accounts: readonly { readonly id: string; readonly name: string }[];
  readonly onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [settings, setSettings] = useState<ThresholdSettings | null>(null);
  const [fired, setFired] = useState<readonly FiredAlert[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const { onClose } = props;

  useEffect(() => {
    void (async () => {
      try {
        setSettings(await call('tasks.thresholds', {}));
      } catch (failure) {
        setError(errorMessage(failure));
      }
    })();
  }, []);

  // The alerts that fired: read on opening and again when the board's rows change (alerts fire
  // then); `reloads` counts those changes.
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const { alerts } = await call('tasks.firedAlerts', {});
        if (current) setFired(alerts);
      } catch (failure) {
        if (current) setError(errorMessage(failure));
      }
    })();
    return () => {
      current = false;
    };
  }, [reloads]);
  useEvent(
    'tasks.updated',
    useCallback(() => setReloads((count) => count + 1), []),
  );

  // Focus moves into the panel and, when it closes, back to the element that opened it.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus({ preventScroll: true });
    return () => {
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // A dialog open above the panel takes its own Escape.
      if (document.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]')) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

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

  const clear = async () => {
    try {
      setFired((await call('tasks.clearAlerts', {})).alerts);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const accountName = (id: string) =>
    props.accounts.find((account) => account.id === id)?.name ?? '';

  return (
    <section
      ref={panel}
      tabIndex={-1}
      className="alerts-panel"
      aria-labelledby="alerts-title"
      data-testid="alerts-panel"
    >
      <header className="task-detail-head">
        <h2 id="alerts-title">{t('tasks.alerts.title')}</h2>
        <button type="button" onClick={props.onClose}>
          {t('tasks.alerts.close')}
        </button>
      </header>
      {error && (
        <p className="form-failure" role="alert">
          {error}
        </p>
      )}
      <div className="alerts-columns">
        <section aria-labelledby="alerts-fired-title" data-testid="alerts-fired">
          <div className="alerts-fired-head">
            <h3 id="alerts-fired-title">{t('tasks.alerts.fired')}</h3>
            {fired && fired.length > 0 && (
              <button type="button" onClick={() => void clear()}>
                {t('tasks.alerts.clearFired')}
              </button>
            )}
          </div>
          {fired && fired.length === 0 && <p className="muted">{t('tasks.alerts.noneFired')}</p>}
          {fired && fired.length > 0 && (
            // It scrolls when long: focusable, so the keyboard can scroll it too (WCAG 2.1.1).
            <ol className="alerts-fired" tabIndex={0} aria-labelledby="alerts-fired-title">
              {fired.map((alert) => (
                <li key={alert.id} data-testid="fired-alert" data-what={alert.what}>
                  <time dateTime={alert.at} className="muted">
                    {new Date(alert.at).toLocaleString(locale)}
                  </time>{' '}
                  <strong>{alert.taskName}</strong>
                  {accountName(alert.accountId) && (
                    <span className="muted"> · {accountName(alert.accountId)}</span>
                  )}
                  <div>{firedText(t, alert)}</div>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="alerts-thresholds-title">
          <h3 id="alerts-thresholds-title">{t('tasks.alerts.thresholds')}</h3>
          <p className="muted">{t('tasks.alerts.body')}</p>
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
      </div>
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
    ? t(props.value.afterCalls === 1 ? 'tasks.alerts.currentOne' : 'tasks.alerts.current', {
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
