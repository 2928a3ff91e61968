import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../shared/domain/app-info';
import type { Preferences, PreferencesPatch } from '../../shared/domain/settings';
import { matchLocale } from '../../shared/domain/locale';
import { call, useEvent, errorMessage } from '../ipc/client';
import { I18nProvider, translator } from '../i18n/i18n';
import { AccountsProvider } from './accounts-state';
import { AppStateContext, type AppState } from './app-state';
import { Shell } from './shell';
import { StorageGate } from '../features/storage/storage-gate';
import { useAppliedTheme } from './theme';

type Boot =
  | { readonly stage: 'loading' }
  | { readonly stage: 'failed'; readonly message: string }
  | { readonly stage: 'ready'; readonly info: AppInfo; readonly preferences: Preferences };

async function loadBoot(): Promise<Boot> {
  try {
    const [info, preferences] = await Promise.all([call('app.info', {}), call('settings.get', {})]);
    return { stage: 'ready', info, preferences };
  } catch (error) {
    return { stage: 'failed', message: errorMessage(error) };
  }
}

/** Loads what the shell needs from main, then renders it in the user's language and theme. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ stage: 'loading' });

  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    const load = async () => {
      const next = await loadBoot();
      if (current) setBoot(next);
    };
    void load();
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(() => {
    // Main polls vendors only while a window is on screen (DESIGN.md: polling lives in main).
    const report = () =>
      void call('app.setVisible', { visible: document.visibilityState === 'visible' });
    report();
    document.addEventListener('visibilitychange', report);
    return () => document.removeEventListener('visibilitychange', report);
  }, []);

  const onSettingsChanged = useCallback((preferences: Preferences) => {
    setBoot((current) => (current.stage === 'ready' ? { ...current, preferences } : current));
  }, []);
  useEvent('settings.changed', onSettingsChanged);

  const theme = useAppliedTheme(boot.stage === 'ready' ? boot.preferences.theme : 'system');
  const updatePreferences = useCallback(
    async (patch: PreferencesPatch) => {
      const preferences = await call('settings.update', { patch });
      onSettingsChanged(preferences);
    },
    [onSettingsChanged],
  );

  const state = useMemo<AppState | null>(
    () =>
      boot.stage === 'ready'
        ? { info: boot.info, preferences: boot.preferences, updatePreferences }
        : null,
    [boot, updatePreferences],
  );

  if (boot.stage !== 'ready' || !state) {
    // Before settings arrive, speak the browser's language.
    const t = translator(matchLocale(navigator.language));
    return (
      <div className="boot" data-theme-applied={theme}>
        {boot.stage !== 'failed' ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <div role="alert" className="boot-error">
            <p>{t('app.loadFailed', { message: boot.message })}</p>
            <button
              type="button"
              onClick={() => {
                setBoot({ stage: 'loading' });
                setAttempt((n) => n + 1);
              }}
            >
              {t('app.retry')}
            </button>
          </div>
        )}
      </div>
    );
  }

  const locale =
    state.preferences.language === 'system' ? state.info.systemLocale : state.preferences.language;
  return (
    <AppStateContext.Provider value={state}>
      <I18nProvider locale={locale}>
        <StorageGate>
          <AccountsProvider>
            <Shell />
          </AccountsProvider>
        </StorageGate>
      </I18nProvider>
    </AppStateContext.Provider>
  );
}
