import { z } from 'zod';
import { LocaleSchema } from './locale';

/** How the window is coloured: follow the OS, or a fixed choice. */
export const ThemePreferenceSchema = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof ThemePreferenceSchema>;

/** UI language: follow the OS, or a fixed choice. */
export const LanguagePreferenceSchema = z.union([z.literal('system'), LocaleSchema]);
export type LanguagePreference = z.infer<typeof LanguagePreferenceSchema>;

/** User preferences kept in the settings store (never secrets). */
export const PreferencesSchema = z.strictObject({
  theme: ThemePreferenceSchema,
  language: LanguagePreferenceSchema,
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/** Preferences for a first start. */
export const DEFAULT_PREFERENCES: Preferences = { theme: 'system', language: 'system' };

/** A partial update of the preferences; at least one field. */
export const PreferencesPatchSchema = PreferencesSchema.partial().refine(
  (patch) => Object.keys(patch).length > 0,
  { message: 'Name at least one preference to change (theme or language).' },
);
export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>;
