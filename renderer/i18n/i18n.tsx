import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../shared/domain/locale';
import { translator, type Translate } from './translate';

interface I18nValue {
  readonly locale: Locale;
  readonly t: Translate;
}

const I18nContext = createContext<I18nValue>({ locale: 'en', t: translator('en') });

export { translator };
export type { Translate };

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
