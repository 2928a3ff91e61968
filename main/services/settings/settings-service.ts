import {
  DEFAULT_PREFERENCES,
  PreferencesSchema,
  type Preferences,
  type PreferencesPatch,
} from '../../../shared/domain/settings';
import { matchLocale, type Locale } from '../../../shared/domain/locale';
import type { SettingsRecovery } from '../../../shared/domain/settings-recovery';
import type { KeyValueStore, Logger } from '../../ports';

const PREFERENCES_KEY = 'preferences';

/** Reads and writes the user's preferences through the settings port. */
export class SettingsService {
  private readonly listeners = new Set<(preferences: Preferences) => void>();
  private recoverySeen = false;

  constructor(
    private readonly store: KeyValueStore,
    private readonly systemLocaleTag: () => string,
    private readonly logger: Logger,
  ) {}

  /** The stored preferences, or the defaults when nothing valid is stored. */
  get(): Preferences {
    const stored = PreferencesSchema.safeParse(this.store.get(PREFERENCES_KEY));
    if (stored.success) return stored.data;
    if (this.store.get(PREFERENCES_KEY) !== undefined) {
      // A hand-edited or older file: keep working with defaults, and say so in the log.
      this.logger.warn('Stored preferences are not valid; using defaults.', {
        issues: stored.error.issues.length,
      });
    }
    return DEFAULT_PREFERENCES;
  }

  /** Applies a patch, stores it, and tells listeners. */
  update(patch: PreferencesPatch): Preferences {
    const next = PreferencesSchema.parse({ ...this.get(), ...patch });
    this.store.set(PREFERENCES_KEY, next);
    for (const listener of this.listeners) listener(next);
    return next;
  }

  /** The UI language in force: the preference, or the OS language. */
  locale(): Locale {
    const { language } = this.get();
    return language === 'system' ? matchLocale(this.systemLocaleTag()) : language;
  }

  /**
   * What the settings store repaired when it opened (a damaged file set aside), until the person
   * has dismissed the notice: it is shown once, not on every reload of the window.
   */
  recoveryNotice(): SettingsRecovery | null {
    return this.recoverySeen ? null : (this.store.recovery?.() ?? null);
  }

  /** The person has read the recovery notice. */
  dismissRecoveryNotice(): void {
    this.recoverySeen = true;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: (preferences: Preferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
