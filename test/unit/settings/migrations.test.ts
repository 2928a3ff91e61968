import { describe, expect, it } from 'vitest';
import {
  migrateSettings,
  SETTINGS_VERSION,
  type SettingsMigration,
} from '../../../main/services/settings/migrations';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';

describe('settings migrations', () => {
  it('stamp a new store with the current version', () => {
    const store = new InMemoryKeyValueStore();
    expect(migrateSettings(store, new MemoryLogger())).toBe(SETTINGS_VERSION);
    expect(store.get('schemaVersion')).toBe(SETTINGS_VERSION);
  });

  it('run only the steps after the stored version, in order, once', () => {
    const ran: number[] = [];
    const steps: SettingsMigration[] = [1, 2, 3].map((version) => ({
      version,
      describe: `step ${version}`,
      up: (store) => {
        ran.push(version);
        store.set(`step${version}`, true);
      },
    }));
    const store = new InMemoryKeyValueStore();
    store.set('schemaVersion', 1);
    migrateSettings(store, new MemoryLogger(), steps);
    migrateSettings(store, new MemoryLogger(), steps);
    expect(ran).toEqual([2, 3]);
    expect(store.get('schemaVersion')).toBe(3);
    expect(store.get('step1')).toBeUndefined();
  });

  it('refuse a store written by a newer version, and leave it untouched', () => {
    const store = new InMemoryKeyValueStore();
    store.set('schemaVersion', SETTINGS_VERSION + 5);
    store.set('preferences', { theme: 'dark', language: 'en' });
    expect(() => migrateSettings(store, new MemoryLogger())).toThrow(/newer version/);
    expect(store.get('schemaVersion')).toBe(SETTINGS_VERSION + 5);
  });
});
