import type { Updater, UpdaterEvent } from '../../main/ports';
import type { UpdatesOffReason } from '../../shared/domain/update';

/**
 * An updater a test drives by hand: it counts checks and installs, and `emit` plays what
 * electron-updater would report (checking, available, progress, downloaded, failed).
 */
export class ScriptedUpdater implements Updater {
  checks = 0;
  installs = 0;
  /** What `check()` reports, in order, each time it runs (default: nothing newer). */
  onCheck: readonly UpdaterEvent[] = [{ kind: 'checking' }, { kind: 'not-available' }];
  /** What `installAndRestart()` reports (default: nothing; the app would quit). */
  onInstall: readonly UpdaterEvent[] = [];
  private readonly listeners = new Set<(event: UpdaterEvent) => void>();

  constructor(readonly off: UpdatesOffReason | null = null) {}

  async check(): Promise<void> {
    this.checks += 1;
    for (const event of this.onCheck) this.emit(event);
  }

  onEvent(listener: (event: UpdaterEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async installAndRestart(): Promise<void> {
    this.installs += 1;
    for (const event of this.onInstall) this.emit(event);
  }

  /** Reports `event` as the update machinery would. */
  emit(event: UpdaterEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
