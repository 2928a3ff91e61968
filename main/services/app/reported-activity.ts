import type { Activity } from '../../ports';

/**
 * Window visibility as the renderer reports it (document.visibilityState, over IPC) and network
 * reachability from a probe the host provides (Electron's `net.isOnline`; always true in the
 * browser host). Polling pauses when either is false.
 */
export class ReportedActivity implements Activity {
  private visible = false;
  private online: boolean;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly isOnlineNow: () => boolean = () => true) {
    this.online = isOnlineNow();
  }

  isVisible(): boolean {
    return this.visible;
  }

  isOnline(): boolean {
    return this.online;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The renderer says whether the window is shown. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.changed();
  }

  /** Re-reads the network probe (call it on a timer or an OS event). */
  checkOnline(): void {
    const online = this.isOnlineNow();
    if (online === this.online) return;
    this.online = online;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
