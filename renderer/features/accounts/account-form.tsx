import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../shared/domain/account';
import type { DamagedAccount } from '../../../shared/domain/damaged-account';
import { ITNIO_DEFAULT_UTC_OFFSET_MINUTES } from '../../../shared/domain/vendor-rules';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';
import { COUNTRIES, countryLabel, UTC_OFFSETS, utcOffsetLabel } from '../../components/countries';
import {
  EMPTY_FORM,
  formFromAccount,
  offersUnencrypted,
  toChanges,
  toNewAccount,
  validateAccountForm,
  type AccountFormValues,
  type FieldName,
  type FormErrors,
  type VendorChoice,
} from './account-form-model';
import { formFromDamaged, toRepair } from './repair-form-model';

const VENDOR_LABEL: Readonly<Record<VendorChoice, MessageKey>> = {
  itniotech: 'accounts.vendor.itniotech',
  onbuka: 'accounts.vendor.onbuka',
  yccall: 'accounts.vendor.yccall',
};

/**
 * Adds an account, edits one, or repairs a damaged stored entry (prefilled as it was stored).
 * The secret field is write-only: it is never filled in.
 */
export function AccountForm(props: {
  account?: AccountView;
  repair?: DamagedAccount;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const editing = props.account;
  const repairing = props.repair;
  // A repaired entry keeps the keychain secret filed under its id, unless a new one is typed.
  const keepsSecret = Boolean(repairing && (repairing.hasId || repairing.demo));
  const initial = editing
    ? formFromAccount(editing)
    : repairing
      ? formFromDamaged(repairing)
      : EMPTY_FORM;
  const [values, setValues] = useState<AccountFormValues>(initial);
  // A repair shows at once what has to change.
  const [errors, setErrors] = useState<FormErrors>(() =>
    repairing ? validateAccountForm(initial, !keepsSecret) : {},
  );
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(
    () => new Set(repairing ? (Object.keys(initial) as FieldName[]) : []),
  );
  const [replacingSecret, setReplacingSecret] = useState(!editing);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The form opens above the list: bring it into view (the page may be scrolled down to the
  // card whose Edit was pressed) and put the caret in its first field.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    form.scrollIntoView({ block: 'start' });
    form.querySelector<HTMLElement>('input:enabled, select:enabled')?.focus({
      preventScroll: true,
    });
  }, []);
  const demo = editing?.demo ?? false;
  const secretRequired = !editing && !keepsSecret;

  const update = (field: Exclude<keyof AccountFormValues, 'allowUnencrypted'>, value: string) => {
    let next = { ...values, [field]: value } as AccountFormValues;
    // The zone defaults differ per vendor (ITNIO: UTC+8; Yccall: this computer's) until chosen.
    if (field === 'vendor' && !touched.has('serverZone')) {
      next = {
        ...next,
        serverZone: value === 'yccall' ? '' : String(ITNIO_DEFAULT_UTC_OFFSET_MINUTES),
      };
    }
    setValues(next);
    if (field !== 'vendor') setTouched((current) => new Set(current).add(field));
    setErrors(validateAccountForm(next, secretRequired));
  };

  const setAllowUnencrypted = (allowUnencrypted: boolean) => {
    const next = { ...values, allowUnencrypted };
    setValues(next);
    setErrors(validateAccountForm(next, secretRequired));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateAccountForm(values, secretRequired);
    setErrors(found);
    setTouched(new Set(Object.keys(values) as FieldName[]));
    if (Object.keys(found).length > 0) {
      setFailure(t('accounts.form.fixErrors'));
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      if (editing)
        await call('accounts.update', { id: editing.id, changes: toChanges(values, demo) });
      else if (repairing)
        await call('accounts.repair', { key: repairing.key, account: toRepair(values) });
      else await call('accounts.create', toNewAccount(values));
      props.onDone();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const field = (
    name: FieldName,
    label: MessageKey,
    options: { hint?: MessageKey; type?: string; placeholder?: string; disabled?: boolean } = {},
  ) => {
    const error = touched.has(name) ? errors[name] : undefined;
    const id = `account-${name}`;
    return (
      <div className="form-row">
        <label htmlFor={id}>{t(label)}</label>
        <input
          id={id}
          name={name}
          type={options.type ?? 'text'}
          value={values[name]}
          placeholder={options.placeholder}
          disabled={options.disabled || saving}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note`}
          onChange={(event) => update(name, event.target.value)}
          onBlur={() => setTouched((current) => new Set(current).add(name))}
        />
        <p id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {error ? t(error.key, error.params) : options.hint ? t(options.hint) : ''}
        </p>
      </div>
    );
  };

  const select = (
    name: FieldName,
    label: MessageKey,
    choices: readonly { readonly value: string; readonly label: string }[],
    hint: MessageKey,
  ) => {
    const id = `account-${name}`;
    return (
      <div className="form-row">
        <label htmlFor={id}>{t(label)}</label>
        <select
          id={id}
          name={name}
          value={values[name]}
          disabled={saving || demo}
          aria-describedby={`${id}-note`}
          onChange={(event) => update(name, event.target.value)}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <p id={`${id}-note`} className="field-hint">
          {t(hint)}
        </p>
      </div>
    );
  };
  const zones = UTC_OFFSETS.map((minutes) => ({
    value: String(minutes),
    label: utcOffsetLabel(minutes),
  }));
  const countries = (
    COUNTRIES.includes(values.homeCountry) ? COUNTRIES : [values.homeCountry, ...COUNTRIES]
  ).map((code) => ({ value: code, label: countryLabel(code, locale) }));

  // Shown under the address: the consent to http://, and what it exposes once given.
  const unencrypted = offersUnencrypted(values) ? (
    <div className="form-row">
      <label className="checkbox" htmlFor="account-allowUnencrypted">
        <input
          id="account-allowUnencrypted"
          name="allowUnencrypted"
          type="checkbox"
          checked={values.allowUnencrypted}
          disabled={saving || demo}
          aria-describedby="account-allowUnencrypted-note"
          onChange={(event) => setAllowUnencrypted(event.target.checked)}
        />
        {t('accounts.field.allowUnencrypted')}
      </label>
      {values.allowUnencrypted ? (
        <p
          id="account-allowUnencrypted-note"
          className="field-warning"
          role="note"
          data-testid="unencrypted-warning"
        >
          {t(
            values.vendor === 'yccall'
              ? 'accounts.unencrypted.warning.yccall'
              : 'accounts.unencrypted.warning.itniotech',
          )}
        </p>
      ) : (
        <p id="account-allowUnencrypted-note" className="field-hint">
          {t('accounts.field.allowUnencrypted.hint')}
        </p>
      )}
    </div>
  ) : null;

  const secretLabel: MessageKey =
    values.vendor === 'yccall' ? 'accounts.field.accesskey' : 'accounts.field.apiSecret';
  const secretField = demo ? null : replacingSecret ? (
    <>
      {field('secret', secretLabel, {
        type: 'password',
        hint: keepsSecret ? 'accounts.repair.secretHint' : 'accounts.field.secret.hint',
      })}
      {editing && (
        <button
          type="button"
          className="link"
          onClick={() => {
            setReplacingSecret(false);
            update('secret', '');
          }}
        >
          {t('accounts.field.secret.keep')}
        </button>
      )}
    </>
  ) : (
    <div className="form-row">
      <span className="label">{t(secretLabel)}</span>
      <span className="secret-stored" data-testid="secret-stored">
        {t('accounts.field.secret.stored')}{' '}
        <button type="button" className="link" onClick={() => setReplacingSecret(true)}>
          {t('accounts.field.secret.replace')}
        </button>
      </span>
    </div>
  );

  const title = editing
    ? t('accounts.form.editTitle', { name: editing.name })
    : repairing
      ? t('accounts.repair.title', { name: repairing.name ?? t('accounts.damaged.unnamed') })
      : t('accounts.form.addTitle');

  return (
    <form
      ref={formRef}
      className="card account-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={title}
    >
      <h2>{title}</h2>
      {repairing && <p className="muted">{t('accounts.repair.intro')}</p>}
      <fieldset className="vendor-choice" disabled={Boolean(editing) || saving}>
        <legend>{t('accounts.field.vendor')}</legend>
        {(Object.keys(VENDOR_LABEL) as VendorChoice[]).map((choice) => (
          <label key={choice} className="radio">
            <input
              type="radio"
              name="vendor"
              value={choice}
              checked={values.vendor === choice}
              // ITNIO and ONBUKA are one API; an edit may switch brand but not vendor.
              disabled={Boolean(editing) && (choice === 'yccall') !== (values.vendor === 'yccall')}
              onChange={() => update('vendor', choice)}
            />
            {t(VENDOR_LABEL[choice])}
          </label>
        ))}
      </fieldset>
      {field('name', 'accounts.field.name', { hint: 'accounts.field.name.hint' })}
      {values.vendor === 'yccall' ? (
        <>
          {field('serverUrl', 'accounts.field.serverUrl', {
            hint: 'accounts.field.serverUrl.hint',
            placeholder: 'https://10.0.0.5:8443',
            disabled: demo,
          })}
          {unencrypted}
          {field('appid', 'accounts.field.appid', { disabled: demo })}
          {secretField}
          <h3>{t('accounts.field.defaults')}</h3>
          {field('queue', 'accounts.field.queue', { disabled: demo })}
          <h3>{t('accounts.field.dialing')}</h3>
          {select(
            'homeCountry',
            'accounts.field.homeCountry',
            countries,
            'accounts.field.homeCountry.hint',
          )}
          {field('internationalPrefix', 'accounts.field.internationalPrefix', {
            hint: 'accounts.field.internationalPrefix.hint',
            placeholder: '00',
            disabled: demo,
          })}
          {select(
            'serverZone',
            'accounts.field.serverZone',
            [{ value: '', label: t('accounts.field.serverZone.local') }, ...zones],
            'accounts.field.serverZone.yccallHint',
          )}
        </>
      ) : (
        <>
          {field('apiKey', 'accounts.field.apiKey', {
            hint: 'accounts.field.apiKey.hint',
            disabled: demo,
          })}
          {secretField}
          {field('baseUrl', 'accounts.field.baseUrl', {
            hint: 'accounts.field.baseUrl.hint',
            placeholder: 'https://',
            disabled: demo,
          })}
          {unencrypted}
          <h3>{t('accounts.field.defaults')}</h3>
          {field('appId', 'accounts.field.appId', { disabled: demo })}
          {field('countryCode', 'accounts.field.countryCode', {
            placeholder: '86',
            disabled: demo,
          })}
          {field('displayNumber', 'accounts.field.displayNumber', { disabled: demo })}
          {select(
            'serverZone',
            'accounts.field.serverZone',
            zones,
            'accounts.field.serverZone.hint',
          )}
        </>
      )}
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={props.onDone} disabled={saving}>
          {t('accounts.form.cancel')}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('accounts.form.saving') : t('accounts.form.save')}
        </button>
      </div>
    </form>
  );
}
