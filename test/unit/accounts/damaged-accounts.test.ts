import { describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/services/accounts/accounts-service';
import type { NewAccount } from '../../../shared/domain/account';
import { fakeVendorFactory, type FakeVendorLog } from '../../fakes/fake-vendor';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';
import { InMemorySecretStore } from '../../fakes/memory-secret-store';

const SECRET = 'good-secret';

function setup() {
  const store = new InMemoryKeyValueStore();
  const secrets = new InMemorySecretStore();
  const logger = new MemoryLogger();
  const log: FakeVendorLog = { calls: [] };
  let n = 0;
  const accounts = new AccountsService({
    store,
    secrets,
    clock: { now: () => Date.UTC(2026, 10, 23, 9, 0, 0) },
    newId: () => `id-${++n}`,
    vendorFor: fakeVendorFactory(log),
    locale: () => 'en',
    logger,
  });
  return { store, secrets, logger, log, accounts };
}

const itnio: NewAccount = {
  vendor: 'itniotech',
  name: 'Shenzhen BPO',
  connection: {
    brand: 'itniotech',
    apiKey: 'bDqJFiq9',
    defaults: { countryCode: '86' },
    serverUtcOffsetMinutes: 480,
  },
  secret: SECRET,
};

/** An entry an older version (or a hand edit) left: a name over 80 characters. */
const longName = {
  id: 'old-account-1',
  name: `Guangzhou outbound team ${'x'.repeat(90)}`,
  vendor: 'itniotech',
  demo: false,
  createdAt: '2025-01-02T03:04:05.000Z',
  updatedAt: '2025-01-02T03:04:05.000Z',
  lastCheck: null,
  connection: {
    brand: 'onbuka' as const,
    apiKey: 'oldKey77',
    defaults: { appId: 'app-9', countryCode: '86' },
    serverUtcOffsetMinutes: 480,
  },
};

/** A store holding one valid account (made by the service) and `damaged` after it. */
async function withDamaged(...damaged: unknown[]) {
  const context = setup();
  const valid = await context.accounts.create(itnio);
  context.store.set('accounts', [...(context.store.get('accounts') as unknown[]), ...damaged]);
  return { ...context, valid };
}

describe('damaged account entries', () => {
  it('survive every settings write verbatim and in their place', async () => {
    const { accounts, store, valid } = await withDamaged(longName);
    const second = await accounts.create({
      ...itnio,
      name: 'Second',
      connection: { ...itnio.connection, apiKey: 'other' },
    });
    await accounts.update(valid.id, { vendor: 'itniotech', name: 'Renamed' });
    await accounts.testConnection(valid.id);
    accounts.setActive(second.id);
    await accounts.remove(second.id);
    accounts.addDemo();

    const stored = store.get('accounts') as unknown[];
    expect(stored[1]).toEqual(longName);
    expect(stored).toHaveLength(4);
    expect(accounts.list().map((account) => account.name)).toEqual([
      'Renamed',
      'Demo · ITNIO TECH',
      'Demo · Yccall server',
    ]);
  });

  it('are listed as damaged, saying what is wrong in the app’s own terms', async () => {
    const { accounts } = await withDamaged(
      longName,
      { ...longName, id: 'old-2', name: 'Fax', vendor: 'fax' },
      { ...longName, id: 'old-3', name: 'PBX', vendor: 'yccall', connection: { appid: 'a', x: 1 } },
      'not an account',
    );
    const damaged = accounts.damaged();
    expect(damaged.map((entry) => entry.problems)).toEqual([
      [{ field: 'name', kind: 'too-long', max: 80 }],
      [{ field: 'vendor', kind: 'unknown-vendor' }],
      [
        { field: 'serverUrl', kind: 'missing' },
        { field: 'connection', kind: 'unexpected' },
      ],
      [{ field: 'entry', kind: 'not-an-account' }],
    ]);
    expect(damaged[0]).toMatchObject({
      name: longName.name,
      vendor: 'itniotech',
      hasId: true,
      fields: { name: longName.name, brand: 'onbuka', apiKey: 'oldKey77', appId: 'app-9' },
    });
    expect(accounts.state()).toMatchObject({ accounts: [{ name: 'Shenzhen BPO' }], damaged });
  });

  it('keep their keychain secret until removed; repair keeps it and replaces the entry in place', async () => {
    const { accounts, store, secrets, log } = await withDamaged(longName);
    secrets.entries.set(longName.id, SECRET);
    const [entry] = accounts.damaged();
    if (!entry) throw new Error('no damaged entry');

    const repaired = await accounts.repair(entry.key, {
      vendor: 'itniotech',
      name: 'Guangzhou outbound team',
      connection: longName.connection,
    });
    expect(repaired).toMatchObject({
      id: longName.id,
      name: 'Guangzhou outbound team',
      createdAt: longName.createdAt,
      secretStored: true,
    });
    expect(secrets.entries.get(longName.id)).toBe(SECRET);
    expect(accounts.damaged()).toEqual([]);
    expect((store.get('accounts') as { id: string }[]).map((stored) => stored.id)).toEqual([
      'id-1',
      longName.id,
    ]);
    // The repaired account signs with the secret that was kept.
    expect((await accounts.testConnection(longName.id)).check.ok).toBe(true);
    expect(log.calls).toEqual([{ accountId: longName.id, secret: SECRET }]);
  });

  it('repair asks for the secret when the keychain has none, and changes nothing', async () => {
    const { accounts, store } = await withDamaged(longName);
    const before = JSON.stringify(store.get('accounts'));
    const [entry] = accounts.damaged();
    await expect(
      accounts.repair(entry?.key ?? '', {
        vendor: 'itniotech',
        name: 'Fixed',
        connection: longName.connection,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /Enter the secret/ });
    expect(JSON.stringify(store.get('accounts'))).toBe(before);
  });

  it('repair of an entry with an unusable id moves its secret to a new id, leaving nothing behind', async () => {
    const odd = { ...longName, id: 'has spaces and/slashes' };
    const { accounts, secrets } = await withDamaged(odd);
    secrets.entries.set(odd.id, SECRET);
    const [entry] = accounts.damaged();
    const repaired = await accounts.repair(entry?.key ?? '', {
      vendor: 'itniotech',
      name: 'Fixed',
      connection: longName.connection,
    });
    expect(repaired.id).toBe('id-2');
    expect([...secrets.entries.entries()]).toEqual([
      ['id-1', SECRET],
      ['id-2', SECRET],
    ]);
  });

  it('remove deletes the entry and then its keychain secret', async () => {
    const { accounts, store, secrets } = await withDamaged(longName);
    secrets.entries.set(longName.id, 'old-secret');
    const [entry] = accounts.damaged();
    await accounts.removeDamaged(entry?.key ?? '');
    expect(secrets.entries.has(longName.id)).toBe(false);
    expect(accounts.damaged()).toEqual([]);
    expect(store.get('accounts')).toHaveLength(1);
    await expect(accounts.removeDamaged(entry?.key ?? '')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('remove keeps the entry when the keychain is unavailable', async () => {
    const { accounts, secrets } = await withDamaged(longName);
    secrets.entries.set(longName.id, 'old-secret');
    secrets.fail = true;
    const [entry] = accounts.damaged();
    await expect(accounts.removeDamaged(entry?.key ?? '')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
    });
    expect(accounts.damaged()).toHaveLength(1);
  });

  it('an entry copying a valid account’s id never takes that account’s secret with it', async () => {
    const { accounts, secrets, valid } = await withDamaged({ ...longName, id: 'id-1' });
    const [entry] = accounts.damaged();
    await accounts.removeDamaged(entry?.key ?? '');
    expect(secrets.entries.get(valid.id)).toBe(SECRET);
    expect(accounts.list()).toHaveLength(1);
  });

  it('a stored account list that is not a list is kept as one damaged entry', () => {
    const { accounts, store } = setup();
    store.set('accounts', { id: 'a', name: 'b' });
    expect(accounts.damaged()).toMatchObject([{ name: 'b', problems: expect.any(Array) }]);
    accounts.addDemo();
    expect(store.get('accounts')).toContainEqual({ id: 'a', name: 'b' });
  });
});
