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
