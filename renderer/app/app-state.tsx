import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/domain/app-info';
import type { Preferences, PreferencesPatch } from '../../shared/domain/settings';

/** What every screen may read about the app, and the one way to change preferences. */
export interface AppState {
  readonly info: AppInfo;
  readonly preferences: Preferences;
  updatePreferences(patch: PreferencesPatch): Promise<void>;
}

export const AppStateContext = createContext<AppState | null>(null);

/** The app state; only valid below <App>. */
export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState must be used inside <App>.');
  return state;
}
