import { z } from 'zod';
import { NewAccountSchema, SecretInputSchema } from './account';

/**
 * The part of a stored account entry a problem is about: the account form's fields, plus
 * `entry` (the whole entry), `id`, `connection` (the connection settings as a whole) and
 * `details` (stored bookkeeping such as dates).
 */
export const AccountFieldSchema = z.enum([
  'entry',
  'id',
  'name',
  'vendor',
  'connection',
  'brand',
  'apiKey',
  'baseUrl',
  'allowUnencrypted',
  'appId',
  'countryCode',
  'displayNumber',
  'serverUrl',
  'appid',
  'queue',
  'homeCountry',
  'internationalPrefix',
  'serverZone',
  'details',
]);
export type AccountField = z.infer<typeof AccountFieldSchema>;

/** What is wrong with a field of a stored account entry (the renderer words each one). */
export const AccountProblemKindSchema = z.enum([
  'missing',
  'too-long',
  'invalid',
  'unknown-vendor',
  /** Holds settings this version does not know (written by a newer version, or by hand). */
  'unexpected',
  /** Another account already has this id. */
  'duplicate',
  /** Not an account at all (e.g. a number or a text where an entry should be). */
  'not-an-account',
]);
export type AccountProblemKind = z.infer<typeof AccountProblemKindSchema>;

/** One problem of a damaged account entry. */
export const AccountProblemSchema = z.strictObject({
  field: AccountFieldSchema,
  kind: AccountProblemKindSchema,
  /** For `too-long`: the most characters allowed. */
  max: z.int().min(0).optional(),
});
export type AccountProblem = z.infer<typeof AccountProblemSchema>;

/** Names a damaged entry for repair and removal (a fingerprint of the entry as stored). */
export const DamagedAccountKeySchema = z
  .string()
  .regex(/^damaged-[0-9a-f]{24}$/, 'That is not a damaged account entry.');

/** A stored value as the repair form may prefill it. */
export const StoredFieldValueSchema = z.union([
  z.string().max(2_000),
  z.number(),
  z.boolean(),
  z.null(),
]);

/**
 * An account entry in the settings that this version cannot use (written by an older or newer
 * version, or by hand). It is kept as it is, with its keychain secret, until it is repaired or
 * removed.
 */
export const DamagedAccountSchema = z.strictObject({
  key: DamagedAccountKeySchema,
  /** The stored name, if it has one (shortened for display). */
  name: z.string().max(200).nullable(),
  vendor: z.enum(['itniotech', 'yccall']).nullable(),
  demo: z.boolean(),
  /** Whether the entry has an id, under which the keychain may hold its secret. */
  hasId: z.boolean(),
  problems: z.array(AccountProblemSchema).max(50),
  /** The stored connection fields, flattened by name (`apiKey`, `queue`, …), to prefill the form. */
  fields: z.record(z.string().regex(/^[A-Za-z]{1,40}$/), StoredFieldValueSchema),
});
export type DamagedAccount = z.infer<typeof DamagedAccountSchema>;

const [ItniotechAccountSchema, YccallAccountSchema] = NewAccountSchema.options;

/** A repaired account: a whole new account whose secret may be left out to keep the stored one. */
export const AccountRepairSchema = z.discriminatedUnion('vendor', [
  ItniotechAccountSchema.extend({ secret: SecretInputSchema.optional() }),
  YccallAccountSchema.extend({ secret: SecretInputSchema.optional() }),
]);
export type AccountRepair = z.infer<typeof AccountRepairSchema>;
