import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../shared/domain/locale';
import { en, type Catalogue, type MessageKey } from './en';
import { zhCN } from './zh-cn';

const catalogues: Readonly<Record<Locale, Catalogue>> = { en, 'zh-CN': zhCN };

/** Translates a key, filling `{name}` placeholders from `params`. */
export type Translate = (
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
) => string;

/** Builds the translate function for one locale. */
export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const template = catalogue[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

interface I18nValue {
  readonly locale: Locale;
  readonly t: Translate;
}

const I18nContext = createContext<I18nValue>({ locale: 'en', t: translator('en') });

/** Provides the UI language to everything below it. */
export function I18nProvider(props: { locale: Locale; children: ReactNode }) {
  const value = useMemo(
    () => ({ locale: props.locale, t: translator(props.locale) }),
    [props.locale],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** The current language and its translate function. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
