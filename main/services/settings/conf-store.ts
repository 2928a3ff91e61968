import Conf from 'conf';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import { BackedUpKeyValueStore } from './backed-up-store';

/**
 * The settings port over `conf`, the storage engine electron-store is built on.
 *
 * Tests and the browser host use it directly; the app uses the electron-store adapter in
 * `main/platform/`, which writes the same file format (atomic writes, one JSON file).
 */
export class ConfKeyValueStore implements KeyValueStore {
  private readonly conf: Conf<Record<string, unknown>>;

  constructor(folder: string, name = 'settings') {
    this.conf = new Conf<Record<string, unknown>>({
      cwd: folder,
      configName: name,
      projectName: 'campaign-desk',
      clearInvalidConfig: false,
    });
  }

  get path(): string {
    return this.conf.path;
  }

  get(key: string): unknown {
    return this.conf.get(key);
  }

  set(key: string, value: unknown): void {
    this.conf.set(key, value);
  }

  delete(key: string): void {
    this.conf.delete(key);
  }
}

/** The settings store of the browser host and the Node tests: conf with backup and recovery. */
export function openConfSettingsStore(
  folder: string,
  logger: Logger,
  clock?: Clock,
): Promise<BackedUpKeyValueStore> {
  return BackedUpKeyValueStore.open({
    folder,
    open: (cwd, name) => new ConfKeyValueStore(cwd, name),
    logger,
    ...(clock ? { clock } : {}),
  });
}
