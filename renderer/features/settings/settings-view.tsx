import { useState, type ChangeEvent } from 'react';
import { errorMessage } from '../../ipc/client';
import {
  LanguagePreferenceSchema,
  ThemePreferenceSchema,
  type PreferencesPatch,
} from '../../../shared/domain/settings';
import { LOCALES } from '../../../shared/domain/locale';
import { Page } from '../../components/page';
import { useAppState } from '../../app/app-state';
import { useI18n } from '../../i18n/i18n';
import { ProxySettingsSection } from './proxy-settings';

type SaveState = { readonly kind: 'idle' | 'saved' } | { readonly kind: 'failed'; message: string };

/** Settings: theme, language, the network (proxy), and where data lives. */
export function SettingsView() {
  const { t } = useI18n();
  const { preferences, updatePreferences, info } = useAppState();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const apply = async (patch: PreferencesPatch) => {
    try {
      await updatePreferences(patch);
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', message: errorMessage(error) });
    }
  };
  const onTheme = (event: ChangeEvent<HTMLSelectElement>) => {
    const theme = ThemePreferenceSchema.safeParse(event.target.value);
    if (theme.success) void apply({ theme: theme.data });
  };
  const onLanguage = (event: ChangeEvent<HTMLSelectElement>) => {
    const language = LanguagePreferenceSchema.safeParse(event.target.value);
    if (language.success) void apply({ language: language.data });
  };

  return (
    <Page title={t('settings.title')}>
      <section className="card">
        <h2>{t('settings.appearance')}</h2>
        <div className="field">
          <label htmlFor="settings-theme">{t('settings.theme')}</label>
          <select id="settings-theme" value={preferences.theme} onChange={onTheme}>
            <option value="system">{t('settings.theme.system')}</option>
            <option value="light">{t('settings.theme.light')}</option>
            <option value="dark">{t('settings.theme.dark')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="settings-language">{t('settings.language')}</label>
          <select id="settings-language" value={preferences.language} onChange={onLanguage}>
            <option value="system">
              {t('settings.language.system', { language: t(`language.${info.systemLocale}`) })}
            </option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {t(`language.${locale}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="form-status" role="status">
          {save.kind === 'saved' && t('settings.saved')}
          {save.kind === 'failed' && t('settings.saveFailed', { message: save.message })}
        </p>
      </section>
      <ProxySettingsSection />
      <section className="card">
        <h2>{t('settings.storage')}</h2>
        <dl className="facts">
          <dt>{t('settings.dataFolder')}</dt>
          <dd className="mono">{info.dataFolder}</dd>
          <dt>{t('settings.secrets')}</dt>
          <dd>{t('settings.secretsWhere')}</dd>
        </dl>
      </section>
    </Page>
  );
}
