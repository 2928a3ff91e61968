import type { SecretStore } from '../../main/ports';

/** An in-memory keychain; `fail` makes every call throw, like a locked or missing keychain. */
export class InMemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  fail = false;

  async get(account: string): Promise<string | null> {
    this.check();
    return this.entries.get(account) ?? null;
  }
  async set(account: string, secret: string): Promise<void> {
    this.check();
    this.entries.set(account, secret);
  }
  async delete(account: string): Promise<boolean> {
    this.check();
    return this.entries.delete(account);
  }
  private check(): void {
    if (this.fail) throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
  }
}
