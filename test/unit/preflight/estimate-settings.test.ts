import { describe, expect, it } from 'vitest';
import {
  ESTIMATE_SETTINGS_KEY,
  EstimateSettingsStore,
} from '../../../main/services/preflight/estimate-settings-store';
import { DEFAULT_ESTIMATE_SETTINGS } from '../../../shared/domain/preflight';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';

describe('per-account estimate settings', () => {
  it('starts from the defaults', () => {
    const settings = new EstimateSettingsStore(new InMemoryKeyValueStore());
    expect(settings.get('a1')).toEqual({
      accountId: 'a1',
      values: DEFAULT_ESTIMATE_SETTINGS,
      setByAccount: [],
    });
  });

  it('keeps what one account sets apart from another, and remembers which fields were set', () => {
    const kv = new InMemoryKeyValueStore();
    const settings = new EstimateSettingsStore(kv);
    settings.set('a1', { concurrency: 30, currency: 'CNY' });
    settings.set('a2', { answerRate: 0.5 });
    expect(new EstimateSettingsStore(kv).get('a1')).toMatchObject({
      values: { ...DEFAULT_ESTIMATE_SETTINGS, concurrency: 30, currency: 'CNY' },
      setByAccount: ['concurrency', 'currency'],
    });
    expect(settings.get('a2').values.concurrency).toBe(DEFAULT_ESTIMATE_SETTINGS.concurrency);
    settings.set('a1', {});
    expect(settings.get('a1').setByAccount).toEqual([]);
    expect(Object.keys(kv.get(ESTIMATE_SETTINGS_KEY) as object)).toEqual(['a2']);
  });

  it('refuses values out of range with INVALID_INPUT naming the fields, and stores nothing', () => {
    const kv = new InMemoryKeyValueStore();
    const settings = new EstimateSettingsStore(kv);
    expect(() => settings.set('a1', { concurrency: 0, answerRate: 1.5 })).toThrowError(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        details: { fields: ['concurrency', 'answerRate'] },
      }),
    );
    expect(() => settings.set('a1', { rate: 1 })).toThrow();
    expect(kv.get(ESTIMATE_SETTINGS_KEY)).toBeUndefined();
  });

  it('falls back to the default for a stored field that no longer parses', () => {
    const kv = new InMemoryKeyValueStore();
    kv.set(ESTIMATE_SETTINGS_KEY, { a1: { concurrency: -3, averageCallSeconds: 60 } });
    expect(new EstimateSettingsStore(kv).get('a1')).toMatchObject({
      values: { concurrency: 10, averageCallSeconds: 60 },
      setByAccount: ['averageCallSeconds'],
    });
  });
});
