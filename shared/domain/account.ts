import { z } from 'zod';
import {
  ITNIO_CC_DISPLAY_NUMBER,
  ITNIO_COUNTRY_CODE,
  ITNIO_COUNTRY_CODE_DIGITS,
  ITNIO_DEFAULT_UTC_OFFSET_MINUTES,
  ITNIO_DISPLAY_NUMBER_MAX,
} from './vendor-rules';

/** ITNIO TECH and its reseller brand ONBUKA: same API, different hosts and path prefixes. */
export const ItniotechBrandSchema = z.enum(['itniotech', 'onbuka']);
export type ItniotechBrand = z.infer<typeof ItniotechBrandSchema>;

/** Why a server address is not acceptable. */
export type ServerUrlProblem =
  'format' | 'scheme' | 'http-not-allowed' | 'http-public-host' | 'credentials' | 'query';

/** The English wording of each problem (the renderer has both languages). */
export const SERVER_URL_PROBLEM_TEXT: Readonly<Record<ServerUrlProblem, string>> = {
  format: 'Enter a full address such as https://api.example.com.',
  scheme: 'The address must start with https:// (or http://).',
  'http-not-allowed':
    'This address is not encrypted (http://). Use https://, or allow an unencrypted connection for this account (only for this computer or a private network).',
  'http-public-host':
    'An unencrypted http:// connection is allowed only to this computer or a private network address (127.x.x.x, 10.x.x.x, 172.16–31.x.x, 192.168.x.x, fc00::/7, ::1, localhost). Use https:// for a server on the internet.',
  credentials: 'Do not put a user name or password in the address.',
  query: 'The address must not contain ? or # parts.',
};

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * True when a host (as `URL.hostname` spells it) is this computer or a private network: the
 * loopback ranges 127.0.0.0/8 and ::1, the private IPv4 ranges of RFC 1918 (10/8, 172.16/12,
 * 192.168/16), IPv6 unique local addresses fc00::/7 (RFC 4193), and `localhost`.
 *
 * Only literal addresses count: a name such as `pbx.corp` could resolve anywhere, so an
 * unencrypted connection to it is refused.
 */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost') return true;
  const v4 = IPV4.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (host.startsWith('[') && host.endsWith(']')) {
    const v6 = host.slice(1, -1);
    // URL parsing has already compressed and lower-cased the address (`0:0:…:1` is `::1`).
    return v6 === '::1' || /^f[cd][0-9a-f]{2}:/.test(v6);
  }
  return false;
}

/**
 * Checks a server address; null when it is acceptable.
 *
 * https is the default for every vendor. `http://` passes only when the account explicitly
 * allows an unencrypted connection, and then only to this computer or a private network
 * (DESIGN.md, "Vendor calls"): credentials and phone numbers would otherwise cross the internet
 * in clear text.
 */
export function serverUrlProblem(
  value: string,
  options: { readonly allowUnencrypted: boolean },
): ServerUrlProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'format';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (url.search || url.hash) return 'query';
  if (url.protocol === 'http:') {
    if (!options.allowUnencrypted) return 'http-not-allowed';
    if (!isLocalNetworkHost(url.hostname)) return 'http-public-host';
  }
  return null;
}

/** An address's own format; whether http:// is allowed depends on the account (see below). */
const serverUrl = z
  .string()
  .trim()
  .min(1, 'Enter the server address.')
  .max(300, 'The address is longer than 300 characters.')
  .superRefine((value, context) => {
    const problem = serverUrlProblem(value, { allowUnencrypted: true });
    if (problem) context.addIssue({ code: 'custom', message: SERVER_URL_PROBLEM_TEXT[problem] });
  });

/**
 * The per-account consent to an unencrypted connection: off unless the person turns it on in
 * the account form, which then says what crosses the network in clear text. Absent means off.
 */
const allowUnencrypted = z.boolean().optional();

/** Refuses http:// unless the account allows it, and to public hosts always. */
function transportRule(field: 'serverUrl' | 'baseUrl') {
  return (
    connection: { readonly allowUnencrypted?: boolean | undefined } & Partial<
      Record<typeof field, string>
    >,
    context: z.RefinementCtx,
  ) => {
    const address = connection[field];
    if (address === undefined) return;
    const problem = serverUrlProblem(address, {
      allowUnencrypted: connection.allowUnencrypted === true,
    });
    if (problem) {
      context.addIssue({
        code: 'custom',
        path: [field],
        message: SERVER_URL_PROBLEM_TEXT[problem],
      });
    }
  };
}

const name = z
  .string()
  .trim()
  .min(1, 'Give the account a name.')
  .max(80, 'Keep the name under 80 characters.');
/** API keys, appids and similar identifiers: printable ASCII without spaces. */
const identifier = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(128, `The ${what} is longer than 128 characters.`)
    .regex(
      /^[\x21-\x7e]+$/,
      `The ${what} may contain only letters, digits and symbols, without spaces.`,
    );
/** A secret as typed (never stored outside the keychain). */
export const SecretInputSchema = z
  .string()
  .min(1, 'Enter the secret.')
  .max(512, 'The secret is longer than 512 characters.')
  .regex(/^[^\s]+$/, 'The secret may not contain spaces or line breaks.');

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `The ${label} is longer than ${max} characters.`).optional();

const COUNTRY_CODE_RULE = `The country code is ${ITNIO_COUNTRY_CODE_DIGITS.min} to ${ITNIO_COUNTRY_CODE_DIGITS.max} digits, without + (e.g. 86).`;
const DISPLAY_NUMBER_RULE = `A display number is up to ${ITNIO_DISPLAY_NUMBER_MAX} letters and digits.`;

/** ITNIO connection settings (no secret). */
export const ItniotechConnectionSchema = z
  .strictObject({
    brand: ItniotechBrandSchema,
    /** Overrides the brand's default host (e.g. a regional host, or the simulator). */
    baseUrl: serverUrl.optional(),
    /** Consent to http:// (only to this computer or a private network). */
    allowUnencrypted,
    apiKey: identifier('API key'),
    defaults: z
      .strictObject({
        appId: optionalText(64, 'application id'),
        countryCode: z.string().trim().regex(ITNIO_COUNTRY_CODE, COUNTRY_CODE_RULE).optional(),
        displayNumber: z
          .string()
          .trim()
          .min(1, DISPLAY_NUMBER_RULE)
          .regex(ITNIO_CC_DISPLAY_NUMBER, DISPLAY_NUMBER_RULE)
          .optional(),
      })
      .default({}),
    /**
     * The vendor's clock, as minutes east of UTC: ITNIO's `yyyy-MM-dd HH:mm:ss` times carry no zone
     * (itniotech.md §9.9); the default is China Standard Time, UTC+8.
     */
    serverUtcOffsetMinutes: z
      .number()
      .int('The server time zone is a whole number of minutes.')
      .min(-720, 'A time zone is between UTC−12 and UTC+14.')
      .max(840, 'A time zone is between UTC−12 and UTC+14.')
      .default(ITNIO_DEFAULT_UTC_OFFSET_MINUTES),
  })
  .superRefine(transportRule('baseUrl'));
export type ItniotechConnection = z.infer<typeof ItniotechConnectionSchema>;

/** Yccall server connection settings (no secret). */
export const YccallConnectionSchema = z
  .strictObject({
    serverUrl,
    /** Consent to http:// (only to this computer or a private network). */
    allowUnencrypted,
    appid: identifier('appid'),
    defaults: z.strictObject({ queue: optionalText(64, 'queue') }).default({}),
    /**
     * How the server's trunk wants numbers dialled (yccall.md §4.1: `phone` is "the number the PBX
     * dials, digits only"): numbers of the home country in national form, others behind the
     * international prefix.
     */
    dialing: z
      .strictObject({
        /** ISO 3166 alpha-2 code of the country the server's trunk dials nationally. */
        homeCountry: z
          .string()
          .trim()
          .regex(/^[A-Z]{2}$/, 'Choose the country the server dials nationally.')
          .default('CN'),
        /** Digits dialled before a foreign number's country code. */
        internationalPrefix: z
          .string()
          .trim()
          .regex(/^\d{1,6}$/, 'The international prefix is 1 to 6 digits (e.g. 00).')
          .default('00'),
      })
      .default({ homeCountry: 'CN', internationalPrefix: '00' }),
    /**
     * The server's clock, as minutes east of UTC (yccall.md §8: not documented); null means this
     * computer's zone.
     */
    serverUtcOffsetMinutes: z
      .number()
      .int('The server time zone is a whole number of minutes.')
      .min(-720, 'A time zone is between UTC−12 and UTC+14.')
      .max(840, 'A time zone is between UTC−12 and UTC+14.')
      .nullable()
      .default(null),
  })
  .superRefine(transportRule('serverUrl'));
export type YccallConnection = z.infer<typeof YccallConnectionSchema>;

/** The result of the last "Test connection". */
export const ConnectionCheckResultSchema = z.strictObject({
  at: z.string(),
  ok: z.boolean(),
  /** Balance or server details on success; the vendor's error in words on failure. */
  message: z.string(),
  /**
   * The same in every UI language, so a check made in English reads in Chinese after a switch
   * (absent on checks stored by older versions: `message` is shown then).
   */
  messages: z.strictObject({ en: z.string(), 'zh-CN': z.string() }).optional(),
});
export type ConnectionCheckResult = z.infer<typeof ConnectionCheckResultSchema>;

const profileBase = {
  id: z.string().min(1).max(64),
  name,
  /** Demo accounts talk to the built-in simulator and need no credentials. */
  demo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastCheck: ConnectionCheckResultSchema.nullable(),
};

/** An account profile as stored in the settings store: never a secret. */
export const AccountProfileSchema = z.discriminatedUnion('vendor', [
  z.strictObject({
    ...profileBase,
    vendor: z.literal('itniotech'),
    connection: ItniotechConnectionSchema,
  }),
  z.strictObject({
    ...profileBase,
    vendor: z.literal('yccall'),
    connection: YccallConnectionSchema,
  }),
]);
export type AccountProfile = z.infer<typeof AccountProfileSchema>;

/** What the renderer sees of an account: the profile and whether a secret is stored. */
export const AccountViewSchema = z.discriminatedUnion('vendor', [
  z.strictObject({
    ...profileBase,
    vendor: z.literal('itniotech'),
    connection: ItniotechConnectionSchema,
    secretStored: z.boolean(),
  }),
  z.strictObject({
    ...profileBase,
    vendor: z.literal('yccall'),
    connection: YccallConnectionSchema,
    secretStored: z.boolean(),
  }),
]);
export type AccountView = z.infer<typeof AccountViewSchema>;

/** A new account: its connection and its secret (written to the keychain, nowhere else). */
export const NewAccountSchema = z.discriminatedUnion('vendor', [
  z.strictObject({
    vendor: z.literal('itniotech'),
    name,
    connection: ItniotechConnectionSchema,
    secret: SecretInputSchema,
  }),
  z.strictObject({
    vendor: z.literal('yccall'),
    name,
    connection: YccallConnectionSchema,
    secret: SecretInputSchema,
  }),
]);
export type NewAccount = z.infer<typeof NewAccountSchema>;

/** Changes to an account; the secret is replaced only when given. The vendor cannot change. */
export const AccountChangesSchema = z.discriminatedUnion('vendor', [
  z.strictObject({
    vendor: z.literal('itniotech'),
    name: name.optional(),
    connection: ItniotechConnectionSchema.optional(),
    secret: SecretInputSchema.optional(),
  }),
  z.strictObject({
    vendor: z.literal('yccall'),
    name: name.optional(),
    connection: YccallConnectionSchema.optional(),
    secret: SecretInputSchema.optional(),
  }),
]);
export type AccountChanges = z.infer<typeof AccountChangesSchema>;

/** An account id as it crosses IPC. */
export const AccountIdSchema = z
  .string()
  .min(1, 'Name an account.')
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'That is not an account id.');
