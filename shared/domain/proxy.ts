import { z } from 'zod';

/**
 * How vendor calls reach the internet: the system's proxy settings (resolved by Electron's
 * session in the app; HTTPS_PROXY / HTTP_PROXY / NO_PROXY elsewhere), a proxy set by hand, or
 * no proxy at all.
 */
export const ProxyModeSchema = z.enum(['system', 'manual', 'none']);
export type ProxyMode = z.infer<typeof ProxyModeSchema>;

/** A host name, an IPv4 address, or an IPv6 address in brackets: no scheme, path or port. */
export const PROXY_HOST =
  /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)$/;
/** A proxy user name: printable ASCII, without a colon (Basic authentication joins it with one). */
export const PROXY_USERNAME = /^[\x21-\x39\x3b-\x7e]+$/;

/** A proxy set by hand. Its password, if any, lives in the keychain, never here. */
export const ManualProxySchema = z.strictObject({
  host: z
    .string()
    .trim()
    .min(1, 'Enter the proxy host.')
    .max(253, 'The proxy host is longer than 253 characters.')
    .regex(PROXY_HOST, 'Enter the proxy host name or IP address only (no http://, no port).'),
  port: z
    .number()
    .int('The proxy port is a whole number.')
    .min(1, 'The proxy port is between 1 and 65535.')
    .max(65_535, 'The proxy port is between 1 and 65535.'),
  username: z
    .string()
    .trim()
    .min(1, 'Enter the proxy user name, or leave it out.')
    .max(128, 'The proxy user name is longer than 128 characters.')
    .regex(PROXY_USERNAME, 'The proxy user name may not contain spaces or a colon.')
    .optional(),
});
export type ManualProxy = z.infer<typeof ManualProxySchema>;

/** The proxy settings as stored and shown: never the password, only whether one is stored. */
export const ProxySettingsSchema = z.strictObject({
  mode: ProxyModeSchema,
  /** Kept while another mode is chosen, so switching back does not lose it. */
  manual: ManualProxySchema.nullable(),
  /** Whether the manual proxy's password is in the keychain. */
  passwordStored: z.boolean(),
});
export type ProxySettings = z.infer<typeof ProxySettingsSchema>;

/** A first start: the system's proxy settings, nothing set by hand. */
export const DEFAULT_PROXY_SETTINGS: ProxySettings = {
  mode: 'system',
  manual: null,
  passwordStored: false,
};

/** A proxy password as typed (written to the keychain only). */
export const ProxyPasswordSchema = z
  .string()
  .min(1, 'Enter the proxy password, or leave it out.')
  .max(256, 'The proxy password is longer than 256 characters.')
  .regex(/^[^\r\n]+$/, 'The proxy password may not contain line breaks.');

/**
 * A change of the proxy settings. `password`: a new one to store, null to remove the stored
 * one, absent to keep it.
 */
export const ProxySettingsChangeSchema = z
  .strictObject({
    mode: ProxyModeSchema,
    manual: ManualProxySchema.nullable(),
    password: ProxyPasswordSchema.nullable().optional(),
  })
  .superRefine((change, context) => {
    if (change.mode === 'manual' && change.manual === null) {
      context.addIssue({
        code: 'custom',
        path: ['manual'],
        message: 'Enter the proxy host and port, or choose another proxy setting.',
      });
    }
    if (typeof change.password === 'string' && change.manual?.username === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['password'],
        message: 'A proxy password needs a user name.',
      });
    }
  });
export type ProxySettingsChange = z.infer<typeof ProxySettingsChangeSchema>;
