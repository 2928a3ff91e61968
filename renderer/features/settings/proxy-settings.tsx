import { useEffect, useState, type FormEvent } from 'react';
import type { ProxyMode, ProxySettings } from '../../../shared/domain/proxy';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import {
  proxyFormFrom,
  toProxyChange,
  validateProxyForm,
  type ProxyField,
  type ProxyFormErrors,
  type ProxyFormValues,
} from './proxy-form-model';

type Status =
  | { readonly kind: 'idle' | 'saving' | 'saved' | 'invalid' }
  | { readonly kind: 'failed'; readonly message: string };

const MODES: readonly { readonly mode: ProxyMode; readonly label: MessageKey }[] = [
  { mode: 'system', label: 'settings.proxy.mode.system' },
  { mode: 'manual', label: 'settings.proxy.mode.manual' },
  { mode: 'none', label: 'settings.proxy.mode.none' },
];

/** Settings → Network: the proxy vendor calls go through. The password is write-only. */
export function ProxySettingsSection() {
  const { t } = useI18n();
  const [stored, setStored] = useState<ProxySettings | null>(null);
  const [values, setValues] = useState<ProxyFormValues | null>(null);
  const [errors, setErrors] = useState<ProxyFormErrors>({});
  const [replacingPassword, setReplacingPassword] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [loadFailure, setLoadFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const settings = await call('settings.proxy', {});
        if (!live) return;
        setStored(settings);
        setValues(proxyFormFrom(settings));
      } catch (error) {
        if (live) setLoadFailure(errorMessage(error));
      }
    };
    void load();
    return () => {
      live = false;
    };
  }, []);

  if (loadFailure !== null) {
    return (
      <section className="card" aria-labelledby="settings-network">
        <h2 id="settings-network">{t('settings.network')}</h2>
        <p role="alert">{t('settings.proxy.loadFailed', { message: loadFailure })}</p>
      </section>
    );
  }
  if (!stored || !values) return null;

  const change = (next: ProxyFormValues) => {
    setValues(next);
    setErrors(validateProxyForm(next));
    setStatus({ kind: 'idle' });
  };
  const saving = status.kind === 'saving';
  const manual = values.mode === 'manual';
  const passwordInput = !stored.passwordStored || replacingPassword;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateProxyForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ kind: 'invalid' });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const saved = await call('settings.setProxy', toProxyChange(values));
      setStored(saved);
      setValues(proxyFormFrom(saved));
      setReplacingPassword(false);
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const field = (
    name: ProxyField,
    label: MessageKey,
    options: { hint?: MessageKey; type?: string; inputMode?: 'numeric' } = {},
  ) => {
    const id = `proxy-${name}`;
    const error = errors[name];
    return (
      <div className="form-row">
        <label htmlFor={id}>{t(label)}</label>
        <input
          id={id}
          name={name}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          value={values[name]}
          disabled={!manual || saving}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note`}
          onChange={(event) => change({ ...values, [name]: event.target.value })}
        />
        <p id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {error ? t(error) : options.hint ? t(options.hint) : ''}
        </p>
      </div>
    );
  };

  return (
    <section className="card" aria-labelledby="settings-network">
      <h2 id="settings-network">{t('settings.network')}</h2>
      <p className="field-hint">{t('settings.network.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="vendor-choice" disabled={saving}>
          <legend>{t('settings.proxy.mode')}</legend>
          {MODES.map((choice) => (
            <label key={choice.mode} className="radio">
              <input
                type="radio"
                name="proxy-mode"
                value={choice.mode}
                checked={values.mode === choice.mode}
                onChange={() => change({ ...values, mode: choice.mode })}
              />
              {t(choice.label)}
            </label>
          ))}
        </fieldset>
        {field('host', 'settings.proxy.host', { hint: 'settings.proxy.host.hint' })}
        {field('port', 'settings.proxy.port', { inputMode: 'numeric' })}
        {field('username', 'settings.proxy.username', { hint: 'settings.proxy.username.hint' })}
        {passwordInput ? (
          <>
            {field('password', 'settings.proxy.password', {
              type: 'password',
              hint: 'settings.proxy.password.hint',
            })}
            {stored.passwordStored && (
              <button
                type="button"
                className="link"
                onClick={() => {
                  setReplacingPassword(false);
                  change({ ...values, password: '' });
                }}
              >
                {t('settings.proxy.password.keep')}
              </button>
            )}
          </>
        ) : (
          <div className="form-row">
            <span className="label">{t('settings.proxy.password')}</span>
            <span className="secret-stored" data-testid="proxy-password-stored">
              {values.removePassword
                ? t('settings.proxy.password.removing')
                : t('settings.proxy.password.stored')}{' '}
              <button
                type="button"
                className="link"
                disabled={saving}
                onClick={() => {
                  setReplacingPassword(true);
                  change({ ...values, removePassword: false });
                }}
              >
                {t('settings.proxy.password.replace')}
              </button>
              {!values.removePassword && (
                <button
                  type="button"
                  className="link"
                  disabled={saving}
                  onClick={() => change({ ...values, removePassword: true })}
                >
                  {t('settings.proxy.password.remove')}
                </button>
              )}
            </span>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('settings.proxy.saving') : t('settings.proxy.save')}
          </button>
        </div>
        <p className="form-status" role="status" data-testid="proxy-status">
          {status.kind === 'saved' && t('settings.proxy.saved')}
          {status.kind === 'invalid' && t('settings.proxy.fixErrors')}
          {status.kind === 'failed' && t('settings.proxy.saveFailed', { message: status.message })}
        </p>
      </form>
    </section>
  );
}
