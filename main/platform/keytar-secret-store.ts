import keytar from 'keytar';
import type { SecretStore } from '../ports';

/** The keychain service name every Campaign Desk secret is stored under. */
export const KEYCHAIN_SERVICE = 'Campaign Desk';

/**
 * The SecretStore port over keytar: macOS Keychain, Windows Credential Manager, libsecret.
 *
 * Errors propagate: a locked or missing keychain must fail loudly, never fall back to a file.
 */
export class KeytarSecretStore implements SecretStore {
  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  get(account: string): Promise<string | null> {
    return keytar.getPassword(this.service, account);
  }
  set(account: string, secret: string): Promise<void> {
    return keytar.setPassword(this.service, account, secret);
  }
  delete(account: string): Promise<boolean> {
    return keytar.deletePassword(this.service, account);
  }
}
