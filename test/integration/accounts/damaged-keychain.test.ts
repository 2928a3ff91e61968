import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/services/accounts/accounts-service';
import { KeytarSecretStore } from '../../../main/platform/keytar-secret-store';
import { openConfSettingsStore } from '../../../main/services/settings/conf-store';
import { fakeVendorFactory, type FakeVendorLog } from '../../fakes/fake-vendor';
import { MemoryLogger } from '../../fakes/memory-logger';

// The fake vendor accepts exactly this secret, so a passing connection test proves which
// secret the repaired account signs with.
const SECRET = 'good-secret';
const OTHER = `itnio-${randomUUID()}`;
const service = `Campaign Desk test ${randomUUID()}`;

afterAll(async () => {
  for (const { account } of await keytar.findCredentials(service)) {
    await keytar.deletePassword(service, account);
  }
});

/** An entry as an older version wrote it: a name the current rules refuse (over 80 characters). */
function olderEntry(id: string, apiKey: string) {
  return {
    id,
    name: `Imported ${'long name '.repeat(10)}`,
    vendor: 'itniotech',
    demo: false,
    createdAt: '2025-05-05T05:05:05.000Z',
    updatedAt: '2025-05-05T05:05:05.000Z',
    lastCheck: null,
    connection: { brand: 'itniotech', apiKey, defaults: {} },
  };
}

async function accountsOver(folder: string, log: FakeVendorLog) {
  const logger = new MemoryLogger();
  const store = await openConfSettingsStore(folder, logger);
  const accounts = new AccountsService({
    store,
    secrets: new KeytarSecretStore(service),
    clock: { now: () => Date.now() },
    newId: randomUUID,
    vendorFor: fakeVendorFactory(log),
    locale: () => 'en',
    logger,
  });
  return { accounts, store };
}

describe('damaged account entries with the real keychain (libsecret) and real files', () => {
  it('survive a settings write, are listed as damaged; repair keeps the secret, remove deletes it', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-damaged-'));
    const file = path.join(folder, 'settings.json');
    const toRepair = olderEntry(randomUUID(), 'dmg-key');
    const toRemove = olderEntry(randomUUID(), 'gone-key');
    await writeFile(file, JSON.stringify({ schemaVersion: 1, accounts: [toRepair, toRemove] }));
    await keytar.setPassword(service, toRepair.id, SECRET);
    await keytar.setPassword(service, toRemove.id, OTHER);

    const log: FakeVendorLog = { calls: [] };
    const { accounts, store } = await accountsOver(folder, log);
    expect(accounts.list()).toEqual([]);
    const damaged = accounts.damaged();
    expect(damaged.map((entry) => entry.problems)).toEqual([
      [{ field: 'name', kind: 'too-long', max: 80 }],
      [{ field: 'name', kind: 'too-long', max: 80 }],
    ]);

    // A settings write (another account added) keeps both entries verbatim, and their secrets.
    await accounts.create({
      vendor: 'itniotech',
      name: 'New account',
      connection: {
        brand: 'itniotech',
        apiKey: 'new-key',
        defaults: {},
        serverUtcOffsetMinutes: 480,
      },
      secret: OTHER,
    });
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { accounts: unknown[] };
    expect(onDisk.accounts.slice(0, 2)).toEqual([toRepair, toRemove]);
    expect(await keytar.getPassword(service, toRepair.id)).toBe(SECRET);
    expect(await keytar.getPassword(service, toRemove.id)).toBe(OTHER);

    // Repair without typing the secret: the keychain entry is kept and signs the requests.
    const repaired = await accounts.repair(damaged[0]?.key ?? '', {
      vendor: 'itniotech',
      name: 'Imported',
      connection: {
        brand: 'itniotech',
        apiKey: 'dmg-key',
        defaults: {},
        serverUtcOffsetMinutes: 480,
      },
    });
    expect(repaired).toMatchObject({ id: toRepair.id, name: 'Imported' });
    expect(await keytar.getPassword(service, toRepair.id)).toBe(SECRET);
    expect((await accounts.testConnection(toRepair.id)).check.ok).toBe(true);
    expect(log.calls).toEqual([{ accountId: toRepair.id, secret: SECRET }]);

    // Remove: the entry goes, and then its keychain entry.
    await accounts.removeDamaged(damaged[1]?.key ?? '');
    expect(await keytar.getPassword(service, toRemove.id)).toBeNull();
    expect(accounts.damaged()).toEqual([]);
    await store.flush();
    const final = JSON.parse(await readFile(file, 'utf8')) as { accounts: { id: string }[] };
    expect(final.accounts.map((entry) => entry.id)).toEqual([toRepair.id, expect.any(String)]);
    expect(await readFile(path.join(folder, 'settings.backup.json'), 'utf8')).toBe(
      await readFile(file, 'utf8'),
    );
    await accounts.close();
  });
});
