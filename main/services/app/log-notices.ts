import type { LogNotice } from '../../../shared/domain/log-notice';

/**
 * The notice that the log file stopped working (a full disk, a read-only data folder).
 *
 * Kept until the person dismisses it, so a window opened (or reloaded) after the failure still
 * shows it; every change is announced so an open window shows it at once.
 */
export class LogNotices {
  private notice: LogNotice | null = null;
  private readonly listeners = new Set<(notice: LogNotice | null) => void>();

  /** The notice to show, or null. */
  current(): LogNotice | null {
    return this.notice;
  }

  /** Shows `notice` (the logger fell back to stderr). */
  raise(notice: LogNotice): void {
    this.notice = notice;
    this.changed();
  }

  /** The person has read it. */
  dismiss(): void {
    if (this.notice === null) return;
    this.notice = null;
    this.changed();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: (notice: LogNotice | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener(this.notice);
  }
}
