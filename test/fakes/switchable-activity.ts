import type { Activity } from '../../main/ports';

/** An Activity port a test switches: window shown/hidden, machine online/offline. */
export class SwitchableActivity implements Activity {
  private visible = true;
  private online = true;
  private readonly listeners = new Set<() => void>();

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
  /** Shows or hides the window. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    for (const listener of this.listeners) listener();
  }
  /** Puts the machine online or offline. */
  setOnline(online: boolean): void {
    this.online = online;
    for (const listener of this.listeners) listener();
  }
}
