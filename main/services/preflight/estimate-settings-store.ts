import { z } from 'zod';
import {
  DEFAULT_ESTIMATE_SETTINGS,
  EstimateSettingsPatchSchema,
  EstimateSettingsSchema,
  type EstimateSettingKey,
  type EstimateSettingsView,
} from '../../../shared/domain/preflight';
import type { KeyValueStore } from '../../ports';
import { AppError } from '../errors';

/** Settings-store key of every account's estimate assumptions (one record by account id). */
export const ESTIMATE_SETTINGS_KEY = 'preflight.estimateSettings';

const StoredSchema = z.record(z.string(), z.unknown());

/**
 * Per-account estimate assumptions in the settings store. Only what a manager set is stored, so
 * the report can tell a chosen value from a default, and a better default reaches every account
 * that never chose.
 */
export class EstimateSettingsStore {
  constructor(private readonly store: KeyValueStore) {}

  /** The account's assumptions: stored values over the defaults. */
  get(accountId: string): EstimateSettingsView {
    const stored = this.storedOf(accountId);
    const values = EstimateSettingsSchema.parse({ ...DEFAULT_ESTIMATE_SETTINGS, ...stored });
    const setByAccount = (Object.keys(stored) as EstimateSettingKey[]).sort();
    return { accountId, values, setByAccount };
  }

  /**
   * Replaces what the account set with `settings` (any subset; missing fields go back to the
   * defaults). Throws INVALID_INPUT, naming the fields, when a value is out of range.
   */
  set(accountId: string, settings: unknown): EstimateSettingsView {
    if (accountId === '') throw invalid({ accountId: 'empty' });
    const parsed = EstimateSettingsPatchSchema.safeParse(settings);
    if (!parsed.success) {
      throw invalid({ fields: parsed.error.issues.map((issue) => issue.path.join('.')) });
    }
    const patch = Object.fromEntries(
      Object.entries(parsed.data).filter(([, value]) => value !== undefined),
    );
    const others = Object.entries(this.all()).filter(([id]) => id !== accountId);
    const next = Object.keys(patch).length === 0 ? others : [...others, [accountId, patch]];
    this.store.set(ESTIMATE_SETTINGS_KEY, Object.fromEntries(next));
    return this.get(accountId);
  }

  private all(): Record<string, unknown> {
    const parsed = StoredSchema.safeParse(this.store.get(ESTIMATE_SETTINGS_KEY));
    return parsed.success ? parsed.data : {};
  }

  /** The account's stored fields that still parse (a bad field falls back to its default). */
  private storedOf(accountId: string): Partial<Record<EstimateSettingKey, unknown>> {
    const raw = StoredSchema.safeParse(this.all()[accountId]);
    if (!raw.success) return {};
    const kept: Partial<Record<EstimateSettingKey, unknown>> = {};
    for (const key of EstimateSettingsSchema.keyof().options) {
      const field = EstimateSettingsSchema.shape[key].safeParse(raw.data[key]);
      if (raw.data[key] !== undefined && field.success) kept[key] = field.data;
    }
    return kept;
  }
}

function invalid(details: Readonly<Record<string, unknown>>): AppError {
  return new AppError(
    'INVALID_INPUT',
    {
      en: 'Check the estimate settings: calls at once 1–100,000; call length 1–3,600 s; ring time 0–600 s; answer rate 0–100%; rate 0–1,000 per minute; a currency; billing step 1–60 s.',
      'zh-CN':
        '请检查估算设置：同时呼叫 1–100000 路；通话时长 1–3600 秒；振铃时间 0–600 秒；接通率 0–100%；费率每分钟 0–1000；币种；计费单位 1–60 秒。',
    },
    details,
  );
}
