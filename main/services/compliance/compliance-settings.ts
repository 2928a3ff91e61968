import {
  ComplianceSettingsSchema,
  DEFAULT_COMPLIANCE_SETTINGS,
  type ComplianceSettings,
  type DraftCompliance,
} from '../../../shared/domain/compliance';
import { problemOf } from '../../../shared/compliance';
import type { KeyValueStore } from '../../ports';
import { AppError } from '../errors';

/** Settings-store key of the compliance settings (Settings → Compliance). */
export const COMPLIANCE_SETTINGS_KEY = 'compliance.settings';

/**
 * The app-wide compliance settings in the settings store: the defaults of new drafts' history
 * rule and calling window, and blackout dates per country. A damaged or missing value reads as
 * the defaults (nothing a check relies on is guessed from a broken file).
 */
export class ComplianceSettingsStore {
  constructor(private readonly store: KeyValueStore) {}

  /** The settings as stored, or the defaults. */
  get(): ComplianceSettings {
    const parsed = ComplianceSettingsSchema.safeParse(this.store.get(COMPLIANCE_SETTINGS_KEY));
    return parsed.success ? parsed.data : structuredClone(DEFAULT_COMPLIANCE_SETTINGS);
  }

  /** Replaces the settings. Throws INVALID_INPUT, changing nothing, when a value is unusable. */
  set(settings: ComplianceSettings): ComplianceSettings {
    const parsed = ComplianceSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      throw new AppError(
        'INVALID_INPUT',
        {
          en: 'The compliance settings were not saved: some values have the wrong shape.',
          'zh-CN': '合规设置未保存：部分值格式不正确。',
        },
        { fields: parsed.error.issues.map((issue) => issue.path.join('.')) },
      );
    }
    const dates = Object.values(parsed.data.blackoutDates).flat();
    const problem = problemOf(parsed.data.callingWindow, dates);
    if (problem !== null) {
      throw new AppError('INVALID_INPUT', problem, { field: 'callingWindow' });
    }
    this.store.set(COMPLIANCE_SETTINGS_KEY, parsed.data);
    return parsed.data;
  }

  /** What a new manager draft starts with: the history rule and window from the settings. */
  draftDefaults(): DraftCompliance {
    const settings = this.get();
    return {
      recentCallDays: settings.recentCallDays,
      includeRecentCalls: false,
      callingWindow: { ...settings.callingWindow },
      splitByZone: false,
      zoneChoices: {},
    };
  }
}
