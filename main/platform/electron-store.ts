import ElectronStore from 'electron-store';
import type { KeyValueStore } from '../ports';

/** The settings port over electron-store (same file format as the conf adapter the tests use). */
export class ElectronKeyValueStore implements KeyValueStore {
  private readonly store = new ElectronStore<Record<string, unknown>>({ name: 'settings' });

  get path(): string {
    return this.store.path;
  }
  get(key: string): unknown {
    return this.store.get(key);
  }
  set(key: string, value: unknown): void {
    this.store.set(key, value);
  }
  delete(key: string): void {
    this.store.delete(key);
  }
}
