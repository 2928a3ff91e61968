import {
  serverUrlProblem,
  type AccountChanges,
  type AccountView,
  type NewAccount,
} from '../../../shared/domain/account';
import {
  ITNIO_CC_DISPLAY_NUMBER,
  ITNIO_COUNTRY_CODE,
  ITNIO_DEFAULT_UTC_OFFSET_MINUTES,
} from '../../../shared/domain/vendor-rules';
import type { MessageKey } from '../../i18n/en';

/** The vendor choices of the form: ONBUKA is ITNIO's API under another brand. */
export type VendorChoice = 'itniotech' | 'onbuka' | 'yccall';

/** Every field of the form, as typed. */
export interface AccountFormValues {
  readonly vendor: VendorChoice;
  readonly name: string;
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly appId: string;
  readonly countryCode: string;
  readonly displayNumber: string;
  readonly serverUrl: string;
  readonly appid: string;
  readonly queue: string;
  /** Yccall: the country the trunk dials nationally (ISO alpha-2). */
  readonly homeCountry: string;
  /** Yccall: digits dialled before a foreign number's country code. */
  readonly internationalPrefix: string;
  /** The vendor's clock in minutes east of UTC, as text; '' = this computer's zone (Yccall only). */
  readonly serverZone: string;
  /** Empty when editing and keeping the stored secret. */
  readonly secret: string;
  /** Consent to an unencrypted http:// connection (loopback and private addresses only). */
  readonly allowUnencrypted: boolean;
}

/** The text fields of the form. */
export type FieldName = Exclude<keyof AccountFormValues, 'vendor' | 'allowUnencrypted'>;

/** A problem with one field, as an i18n key and its parameters. */
export interface FieldError {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type FormErrors = Partial<Record<FieldName, FieldError>>;

/** Empty values for a new account. */
export const EMPTY_FORM: AccountFormValues = {
  vendor: 'itniotech',
  name: '',
  apiKey: '',
  baseUrl: '',
  appId: '',
  countryCode: '',
  displayNumber: '',
  serverUrl: '',
  appid: '',
  queue: '',
  homeCountry: 'CN',
  internationalPrefix: '00',
  serverZone: String(ITNIO_DEFAULT_UTC_OFFSET_MINUTES),
  secret: '',
  allowUnencrypted: false,
};

/** The form's values for an existing account (the secret is never known here). */
export function formFromAccount(account: AccountView): AccountFormValues {
  if (account.vendor === 'itniotech') {
    const c = account.connection;
    return {
      ...EMPTY_FORM,
      vendor: c.brand === 'onbuka' ? 'onbuka' : 'itniotech',
      name: account.name,
      apiKey: c.apiKey,
      baseUrl: c.baseUrl ?? '',
      appId: c.defaults.appId ?? '',
      countryCode: c.defaults.countryCode ?? '',
      displayNumber: c.defaults.displayNumber ?? '',
      serverZone: String(c.serverUtcOffsetMinutes),
      allowUnencrypted: c.allowUnencrypted === true,
    };
  }
  const c = account.connection;
  return {
    ...EMPTY_FORM,
    vendor: 'yccall',
    name: account.name,
    serverUrl: c.serverUrl,
    appid: c.appid,
    queue: c.defaults.queue ?? '',
    homeCountry: c.dialing.homeCountry,
    internationalPrefix: c.dialing.internationalPrefix,
    serverZone: c.serverUtcOffsetMinutes === null ? '' : String(c.serverUtcOffsetMinutes),
    allowUnencrypted: c.allowUnencrypted === true,
  };
}

function required(value: string, max: number): FieldError | undefined {
  if (value.trim() === '') return { key: 'accounts.error.required' };
  if (value.trim().length > max) return { key: 'accounts.error.tooLong', params: { max } };
  return undefined;
}

function identifier(value: string): FieldError | undefined {
  return (
    required(value, 128) ??
    (/^[\x21-\x7e]+$/.test(value.trim()) ? undefined : { key: 'accounts.error.identifier' })
  );
}

function url(value: string, allowUnencrypted: boolean): FieldError | undefined {
  const tooLong = required(value, 300);
  if (tooLong) return tooLong;
  const problem = serverUrlProblem(value.trim(), { allowUnencrypted });
  return problem ? { key: `accounts.error.url.${problem}` } : undefined;
}

/** The address the account connects to (Yccall's server, or ITNIO's optional override). */
export function addressOf(values: AccountFormValues): string {
  return (values.vendor === 'yccall' ? values.serverUrl : values.baseUrl).trim();
}

/**
 * Whether the form offers the "allow an unencrypted connection" choice: for an http:// address,
 * or while the choice is on (so it can be turned off again).
 */
export function offersUnencrypted(values: AccountFormValues): boolean {
  return values.allowUnencrypted || /^http:/i.test(addressOf(values));
}

/**
 * Checks the form the way main's schemas will (main checks again: this is for inline messages).
 * `secretRequired` is false when editing an account whose secret is kept.
 */
export function validateAccountForm(
  values: AccountFormValues,
  secretRequired: boolean,
): FormErrors {
  const errors: FormErrors = {};
  const set = (field: FieldName, error: FieldError | undefined) => {
    if (error) errors[field] = error;
  };
  set('name', required(values.name, 80));
  if (secretRequired || values.secret !== '') {
    set(
      'secret',
      required(values.secret, 512) ??
        (/\s/.test(values.secret) ? { key: 'accounts.error.secretSpaces' } : undefined),
    );
  }
  if (values.vendor === 'yccall') {
    set('serverUrl', url(values.serverUrl, values.allowUnencrypted));
    set('appid', identifier(values.appid));
    if (values.queue.trim().length > 64)
      set('queue', { key: 'accounts.error.tooLong', params: { max: 64 } });
    if (!/^\d{1,6}$/.test(values.internationalPrefix.trim()))
      set('internationalPrefix', { key: 'accounts.error.internationalPrefix' });
    return errors;
  }
  set('apiKey', identifier(values.apiKey));
  if (values.baseUrl.trim() !== '') set('baseUrl', url(values.baseUrl, values.allowUnencrypted));
  if (values.appId.trim().length > 64)
    set('appId', { key: 'accounts.error.tooLong', params: { max: 64 } });
  if (values.countryCode.trim() !== '' && !ITNIO_COUNTRY_CODE.test(values.countryCode.trim())) {
    set('countryCode', { key: 'accounts.error.countryCode' });
  }
  if (
    values.displayNumber.trim() !== '' &&
    !ITNIO_CC_DISPLAY_NUMBER.test(values.displayNumber.trim())
  ) {
    set('displayNumber', { key: 'accounts.error.displayNumber' });
  }
  return errors;
}

const optional = (value: string): string | undefined =>
  value.trim() === '' ? undefined : value.trim();

const zoneOf = (text: string): number | null => (text === '' ? null : Number(text));

function yccallConnection(values: AccountFormValues) {
  return {
    serverUrl: values.serverUrl.trim(),
    allowUnencrypted: values.allowUnencrypted,
    appid: values.appid.trim(),
    defaults: { queue: optional(values.queue) },
    dialing: {
      homeCountry: values.homeCountry,
      internationalPrefix: values.internationalPrefix.trim(),
    },
    serverUtcOffsetMinutes: zoneOf(values.serverZone),
  };
}

function itniotechConnection(values: AccountFormValues) {
  return {
    brand: values.vendor === 'onbuka' ? ('onbuka' as const) : ('itniotech' as const),
    apiKey: values.apiKey.trim(),
    baseUrl: optional(values.baseUrl),
    allowUnencrypted: values.allowUnencrypted,
    defaults: {
      appId: optional(values.appId),
      countryCode: optional(values.countryCode),
      displayNumber: optional(values.displayNumber),
    },
    serverUtcOffsetMinutes: zoneOf(values.serverZone) ?? ITNIO_DEFAULT_UTC_OFFSET_MINUTES,
  };
}

/** The `accounts.create` request for valid values. */
export function toNewAccount(values: AccountFormValues): NewAccount {
  const name = values.name.trim();
  return values.vendor === 'yccall'
    ? { vendor: 'yccall', name, connection: yccallConnection(values), secret: values.secret }
    : { vendor: 'itniotech', name, connection: itniotechConnection(values), secret: values.secret };
}

/** The `accounts.update` changes for valid values (the secret only when a new one was typed). */
export function toChanges(values: AccountFormValues, demo: boolean): AccountChanges {
  const name = values.name.trim();
  const secret = values.secret === '' ? {} : { secret: values.secret };
  if (values.vendor === 'yccall') {
    return demo
      ? { vendor: 'yccall', name }
      : { vendor: 'yccall', name, connection: yccallConnection(values), ...secret };
  }
  return demo
    ? { vendor: 'itniotech', name }
    : { vendor: 'itniotech', name, connection: itniotechConnection(values), ...secret };
}
