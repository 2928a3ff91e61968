import { z } from 'zod';

/** The UI languages Campaign Desk ships. */
export const LOCALES = ['en', 'zh-CN'] as const;

/** A supported UI language. */
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** Text written for a person, in every supported language. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * Picks the supported locale closest to a BCP 47 tag such as `zh-Hans-CN` or `en-GB`.
 *
 * Any Chinese tag maps to Simplified Chinese, the only Chinese variant we ship; everything else
 * falls back to English.
 */
export function matchLocale(tag: string | undefined | null): Locale {
  if (tag && tag.toLowerCase().startsWith('zh')) return 'zh-CN';
  return 'en';
}
