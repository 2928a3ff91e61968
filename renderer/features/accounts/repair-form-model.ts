import type { AccountRepair, DamagedAccount } from '../../../shared/domain/damaged-account';
import { EMPTY_FORM, toNewAccount, type AccountFormValues } from './account-form-model';

/**
 * The form's values for a damaged entry: every stored field the form has, as it was stored
 * (an over-long name too, so the person sees and shortens it), the rest empty.
 */
export function formFromDamaged(damaged: DamagedAccount): AccountFormValues {
  const { fields } = damaged;
  const text = (key: string, fallback = ''): string => {
    const value = fields[key];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
  };
  // Yes/no fields (e.g. the consent to http://) are taken as stored when they are yes/no.
  const flags = Object.fromEntries(
    Object.entries(EMPTY_FORM).flatMap(([key, empty]) =>
      typeof empty === 'boolean' && typeof fields[key] === 'boolean' ? [[key, fields[key]]] : [],
    ),
  );
  const vendor =
    damaged.vendor === 'yccall' ? 'yccall' : fields['brand'] === 'onbuka' ? 'onbuka' : 'itniotech';
  const zone = fields['serverUtcOffsetMinutes'];
  return {
    ...EMPTY_FORM,
    ...flags,
    vendor,
    name: text('name'),
    apiKey: text('apiKey'),
    baseUrl: text('baseUrl'),
    appId: text('appId'),
    countryCode: text('countryCode'),
    displayNumber: text('displayNumber'),
    serverUrl: text('serverUrl'),
    appid: text('appid'),
    queue: text('queue'),
    homeCountry: text('homeCountry', EMPTY_FORM.homeCountry),
    internationalPrefix: text('internationalPrefix', EMPTY_FORM.internationalPrefix),
    serverZone:
      typeof zone === 'number'
        ? String(zone)
        : zone === null || vendor === 'yccall'
          ? ''
          : EMPTY_FORM.serverZone,
  };
}

/** The `accounts.repair` account for valid values; without a typed secret, the stored one is kept. */
export function toRepair(values: AccountFormValues): AccountRepair {
  const account = toNewAccount(values);
  if (values.secret !== '') return account;
  return account.vendor === 'yccall'
    ? { vendor: account.vendor, name: account.name, connection: account.connection }
    : { vendor: account.vendor, name: account.name, connection: account.connection };
}
