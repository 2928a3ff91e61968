import ElectronStore from 'electron-store';
import type { KeyValueStore, Logger } from '../ports';
import { BackedUpKeyValueStore } from '../services/settings/backed-up-store';

/** The settings port over electron-store (same file format as the conf adapter the tests use). */
export class ElectronKeyValueStore implements KeyValueStore {
  private readonly store: ElectronStore<Record<string, unknown>>;

  constructor(folder: string, name = 'settings') {
    this.store = new ElectronStore<Record<string, unknown>>({ cwd: folder, name });
  }

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

/** The app's settings store: electron-store in the data folder, with backup and recovery. */
export function openElectronSettingsStore(
  folder: string,
  logger: Logger,
): Promise<BackedUpKeyValueStore> {
  return BackedUpKeyValueStore.open({
    folder,
    open: (cwd, name) => new ElectronKeyValueStore(cwd, name),
    logger,
  });
}
