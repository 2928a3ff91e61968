import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../main/platform/keytar-secret-store';

// The real OS keychain: libsecret through gnome-keyring in the D-Bus session `npm test` starts.
const service = `Campaign Desk test ${randomUUID()}`;
const store = new KeytarSecretStore(service);

describe('the keychain adapter (real libsecret)', () => {
  it('stores, reads, replaces and deletes a secret; the entry is really gone afterwards', async () => {
    const account = `account-${randomUUID()}`;
    expect(await store.get(account)).toBeNull();
    await store.set(account, 'first-secret');
    expect(await store.get(account)).toBe('first-secret');
    await store.set(account, 'second-secret');
    expect(await store.get(account)).toBe('second-secret');
    // Straight from the keychain, not through the adapter:
    expect(await keytar.getPassword(service, account)).toBe('second-secret');
    expect(await store.delete(account)).toBe(true);
    expect(await keytar.getPassword(service, account)).toBeNull();
    expect((await keytar.findCredentials(service)).map((c) => c.account)).not.toContain(account);
  });
});
