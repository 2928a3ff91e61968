import { describe, expect, it } from 'vitest';
import { SettingsService } from '../../../main/services/settings/settings-service';
import { DEFAULT_PREFERENCES } from '../../../shared/domain/settings';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';

function service(systemLocale = 'en-US') {
  const store = new InMemoryKeyValueStore();
  const logger = new MemoryLogger();
  return { store, logger, settings: new SettingsService(store, () => systemLocale, logger) };
}

describe('settings', () => {
  it('start from the defaults: follow the OS for theme and language', () => {
    expect(service().settings.get()).toEqual(DEFAULT_PREFERENCES);
  });

  it('store a change and tell listeners', () => {
    const { settings, store } = service();
    const seen: unknown[] = [];
    settings.onChange((preferences) => seen.push(preferences));
    const next = settings.update({ theme: 'dark' });
    expect(next).toEqual({ theme: 'dark', language: 'system' });
    expect(store.get('preferences')).toEqual(next);
    expect(seen).toEqual([next]);
  });

  it('follow the OS language until one is chosen', () => {
    const { settings } = service('zh-Hans-CN');
    expect(settings.locale()).toBe('zh-CN');
    settings.update({ language: 'en' });
    expect(settings.locale()).toBe('en');
    expect(service('fr-FR').settings.locale()).toBe('en');
  });

  it('survive a damaged settings file by using defaults, and say so in the log', () => {
    const { settings, store, logger } = service();
    store.set('preferences', { theme: 'neon', language: 42 });
    expect(settings.get()).toEqual(DEFAULT_PREFERENCES);
    expect(logger.lines.some((line) => line.level === 'warn')).toBe(true);
  });
});
