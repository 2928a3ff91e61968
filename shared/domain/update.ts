import { z } from 'zod';

/** A release version as the update feed names it (semver, e.g. `1.4.0` or `1.5.0-beta.2`). */
export const UpdateVersionSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/);

const TextSchema = z.strictObject({ en: z.string().max(500), 'zh-CN': z.string().max(500) });

/**
 * Why this copy of the app does not update itself.
 *
 * - `development`: not an installed release (`npm start`, the browser host).
 * - `no-key`: the build trusts no update signing key, so it could verify no update.
 * - `feed`: the build's update feed is missing or not https.
 */
export const UpdatesOffReasonSchema = z.enum(['development', 'no-key', 'feed']);
export type UpdatesOffReason = z.infer<typeof UpdatesOffReasonSchema>;

/**
 * Why the last check or download failed.
 *
 * - `signature`: the downloaded update did not verify against the app's update key (refused,
 *   deleted, never installed).
 * - `network`: the feed could not be reached.
 * - `feed`: the feed answered with something the updater could not use.
 * - `download`: the download broke off or did not match the feed's SHA-512.
 * - `install`: the installer could not be started.
 */
export const UpdateFailureSchema = z.enum(['signature', 'network', 'feed', 'download', 'install']);
export type UpdateFailure = z.infer<typeof UpdateFailureSchema>;

/**
 * Where the updater is: off, idle (up to date or not checked yet) → checking → downloading →
 * ready (the person may restart) → installing, or error (said in words; the next daily check
 * starts again).
 */
export const UpdateStateSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('off'), reason: UpdatesOffReasonSchema }),
  z.strictObject({
    state: z.literal('idle'),
    /** When the feed last said there is nothing newer (ISO 8601), or null before the first check. */
    checkedAt: z.string().max(40).nullable(),
  }),
  z.strictObject({ state: z.literal('checking') }),
  z.strictObject({
    state: z.literal('downloading'),
    version: UpdateVersionSchema,
    /** 0–100, or null before the first progress report. */
    percent: z.number().min(0).max(100).nullable(),
  }),
  z.strictObject({ state: z.literal('ready'), version: UpdateVersionSchema }),
  z.strictObject({ state: z.literal('installing'), version: UpdateVersionSchema }),
  z.strictObject({
    state: z.literal('error'),
    failure: UpdateFailureSchema,
    /** The version concerned, when the feed had named one. */
    version: UpdateVersionSchema.nullable(),
    /** What went wrong and what happens next, for a person. */
    message: TextSchema,
    at: z.string().max(40),
  }),
]);
export type UpdateState = z.infer<typeof UpdateStateSchema>;
