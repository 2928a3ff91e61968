import { z } from 'zod';

/**
 * What was wrong with the settings file when the app opened it.
 *
 * - `not-json`: the file is not readable JSON (e.g. cut short by a full disk or a crash of
 *   another program that copied it).
 * - `not-settings`: the file is JSON but not a settings file (e.g. the account list is not a list).
 * - `missing`: the file was gone while its backup was still there.
 */
export const SettingsDamageSchema = z.enum(['not-json', 'not-settings', 'missing']);
export type SettingsDamage = z.infer<typeof SettingsDamageSchema>;

/** What the app did about a damaged settings file when it started: shown once as a notice. */
export const SettingsRecoverySchema = z.strictObject({
  /** When the damage was found (ISO 8601). */
  at: z.string().max(40),
  problem: SettingsDamageSchema,
  /** Where the settings now come from: the last good copy, or nothing (a fresh start). */
  restoredFrom: z.enum(['backup', 'nothing']),
  /** The damaged file's new name in the data folder, kept for inspection; null when there was none. */
  keptAs: z.string().max(300).nullable(),
});
export type SettingsRecovery = z.infer<typeof SettingsRecoverySchema>;
