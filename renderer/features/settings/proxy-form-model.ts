import {
  PROXY_HOST,
  PROXY_USERNAME,
  type ProxyMode,
  type ProxySettings,
  type ProxySettingsChange,
} from '../../../shared/domain/proxy';
import type { MessageKey } from '../../i18n/en';

/** The proxy form as typed. */
export interface ProxyFormValues {
  readonly mode: ProxyMode;
  readonly host: string;
  readonly port: string;
  readonly username: string;
  /** A new password; empty keeps the stored one (or sets none). */
  readonly password: string;
  /** The person asked to remove the stored password. */
  readonly removePassword: boolean;
}

/** The text fields of the proxy form. */
export type ProxyField = 'host' | 'port' | 'username' | 'password';

export type ProxyFormErrors = Partial<Record<ProxyField, MessageKey>>;

/** The form's values for the stored settings (the password is never known here). */
export function proxyFormFrom(settings: ProxySettings): ProxyFormValues {
  return {
    mode: settings.mode,
    host: settings.manual?.host ?? '',
    port: settings.manual ? String(settings.manual.port) : '',
    username: settings.manual?.username ?? '',
    password: '',
    removePassword: false,
  };
}

function portOf(text: string): number | null {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  return port >= 1 && port <= 65_535 ? port : null;
}

/** Problems with the manual proxy fields, as main will see them (main checks again). */
function manualErrors(values: ProxyFormValues): ProxyFormErrors {
  const errors: ProxyFormErrors = {};
  const host = values.host.trim();
  if (host === '' || host.length > 253 || !PROXY_HOST.test(host))
    errors.host = 'settings.proxy.error.host';
  if (portOf(values.port) === null) errors.port = 'settings.proxy.error.port';
  const username = values.username.trim();
  if (username !== '' && (username.length > 128 || !PROXY_USERNAME.test(username)))
    errors.username = 'settings.proxy.error.username';
  if (values.password !== '') {
    if (username === '') errors.password = 'settings.proxy.error.passwordNeedsUser';
    else if (values.password.length > 256 || /[\r\n]/.test(values.password))
      errors.password = 'settings.proxy.error.password';
  }
  return errors;
}

/** Checks the form: the manual fields matter only when a manual proxy is chosen. */
export function validateProxyForm(values: ProxyFormValues): ProxyFormErrors {
  return values.mode === 'manual' ? manualErrors(values) : {};
}

/**
 * The `settings.setProxy` request for valid values. The manual proxy is kept while another mode
 * is chosen (when it is complete), so switching back does not lose it.
 */
export function toProxyChange(values: ProxyFormValues): ProxySettingsChange {
  const complete = Object.keys(manualErrors(values)).length === 0;
  const username = values.username.trim();
  const manual = complete
    ? {
        host: values.host.trim(),
        port: portOf(values.port) ?? 0,
        ...(username === '' ? {} : { username }),
      }
    : null;
  const password =
    values.password !== '' && manual?.username !== undefined
      ? { password: values.password }
      : values.removePassword
        ? { password: null }
        : {};
  return { mode: values.mode, manual, ...password };
}
