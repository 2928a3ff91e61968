import { describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/services/accounts/accounts-service';
import type { NewAccount } from '../../../shared/domain/account';
import { fakeVendorFactory, type FakeVendorLog } from '../../fakes/fake-vendor';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';
import { InMemorySecretStore } from '../../fakes/memory-secret-store';

const SECRET = 'good-secret';

function setup(locale: 'en' | 'zh-CN' = 'en') {
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
    locale: () => locale,
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
const yccall: NewAccount = {
  vendor: 'yccall',
  name: 'Office PBX',
  connection: {
    serverUrl: 'http://10.0.0.5:8080',
    allowUnencrypted: true,
    appid: 'app01',
    defaults: {},
    dialing: { homeCountry: 'CN', internationalPrefix: '00' },
    serverUtcOffsetMinutes: null,
  },
  secret: 'yc-accesskey',
};

describe('accounts', () => {
  it('keep the secret in the keychain and only the profile in the settings store', async () => {
    const { accounts, store, secrets } = setup();
    const view = await accounts.create(itnio);
    expect(secrets.entries.get(view.id)).toBe(SECRET);
    expect(JSON.stringify(store.data.get('accounts'))).not.toContain(SECRET);
    expect(JSON.stringify(accounts.list())).not.toContain(SECRET);
    expect(view).toMatchObject({
      name: 'Shenzhen BPO',
      vendor: 'itniotech',
      demo: false,
      secretStored: true,
    });
  });

  it('read the secret only when a vendor request needs it', async () => {
    const { accounts, log } = setup();
    const view = await accounts.create(itnio);
    await accounts.vendor(view.id);
    expect(log.calls).toEqual([]);
    const test = await accounts.testConnection(view.id);
    expect(test.check).toMatchObject({ ok: true, message: 'Balance 12.50 USD', code: null });
    expect(log.calls).toEqual([{ accountId: view.id, secret: SECRET }]);
    expect(accounts.list()[0]?.lastCheck).toMatchObject({ ok: true });
  });

  it('report a refused secret as the vendor said it, in the user language, and remember it', async () => {
    const { accounts } = setup('zh-CN');
    const view = await accounts.create({ ...itnio, secret: 'wrong' });
    const test = await accounts.testConnection(view.id);
    expect(test.check).toMatchObject({
      ok: false,
      code: 'VENDOR_AUTH',
      message: 'API 密钥被拒绝。',
    });
    expect(accounts.list()[0]?.lastCheck?.ok).toBe(false);
  });

  it('replace the secret only when a new one is given', async () => {
    const { accounts, secrets } = setup();
    const view = await accounts.create(itnio);
    await accounts.update(view.id, { vendor: 'itniotech', name: 'Renamed' });
    expect(secrets.entries.get(view.id)).toBe(SECRET);
    await accounts.update(view.id, { vendor: 'itniotech', secret: 'good-new-secret' });
    expect(secrets.entries.get(view.id)).toBe('good-new-secret');
    expect(accounts.list()[0]?.name).toBe('Renamed');
  });

  it('keep the last check through an edit of name, defaults or time zone', async () => {
    const { accounts, log } = setup();
    const view = await accounts.create(itnio);
    await accounts.testConnection(view.id);
    const checked = accounts.list()[0]?.lastCheck;
    expect(checked).toMatchObject({ ok: true });
    // The form sends the whole connection back: unchanged key and server, new defaults and zone.
    await accounts.update(view.id, {
      vendor: 'itniotech',
      name: 'Renamed',
      connection: {
        ...itnio.connection,
        defaults: { countryCode: '44' },
        serverUtcOffsetMinutes: 0,
      },
    });
    expect(accounts.list()[0]?.lastCheck).toEqual(checked);
    // Nothing was tested for it either.
    expect(log.calls).toHaveLength(1);
  });

  it('test a changed key before saving it: a refused one saves nothing, a good one is saved as tested', async () => {
    const { accounts, secrets, store } = setup('zh-CN');
    const view = await accounts.create(itnio);
    await accounts.testConnection(view.id);
    const before = JSON.stringify(store.data.get('accounts'));
    await expect(
      accounts.update(view.id, { vendor: 'itniotech', name: 'New name', secret: 'wrong-secret' }),
    ).rejects.toMatchObject({ code: 'VENDOR_AUTH', message: expect.stringContaining('refused') });
    try {
      await accounts.update(view.id, { vendor: 'itniotech', secret: 'wrong-secret' });
    } catch (error) {
      expect((error as { text: { 'zh-CN': string } }).text['zh-CN']).toMatch(
        /^未保存：API 密钥被拒绝。/,
      );
    }
    expect(secrets.entries.get(view.id)).toBe(SECRET);
    expect(JSON.stringify(store.data.get('accounts'))).toBe(before);
    expect(accounts.list()[0]).toMatchObject({ name: 'Shenzhen BPO', lastCheck: { ok: true } });

    // A new API key is tested with the stored secret; the vendor takes it, so it is saved tested.
    const saved = await accounts.update(view.id, {
      vendor: 'itniotech',
      connection: { ...itnio.connection, apiKey: 'newKey42' },
    });
    expect(saved.connection).toMatchObject({ apiKey: 'newKey42' });
    expect(saved.lastCheck).toMatchObject({
      ok: true,
      message: '余额 12.50 USD',
      messages: { en: 'Balance 12.50 USD', 'zh-CN': '余额 12.50 USD' },
    });
    expect(secrets.entries.get(view.id)).toBe(SECRET);
  });

  it('word the last check in every language, for a switch of language later', async () => {
    const { accounts } = setup('zh-CN');
    const view = await accounts.create({ ...itnio, secret: 'wrong' });
    await accounts.testConnection(view.id);
    expect(accounts.list()[0]?.lastCheck).toMatchObject({
      ok: false,
      message: 'API 密钥被拒绝。',
      messages: { en: 'The API key or secret was refused.', 'zh-CN': 'API 密钥被拒绝。' },
    });
  });

  it('delete the keychain entry when the account is removed', async () => {
    const { accounts, secrets } = setup();
    const a = await accounts.create(itnio);
    const b = await accounts.create(yccall);
    accounts.setActive(a.id);
    await accounts.remove(a.id);
    expect(secrets.entries.has(a.id)).toBe(false);
    expect(secrets.entries.has(b.id)).toBe(true);
    expect(accounts.list().map((account) => account.id)).toEqual([b.id]);
    expect(accounts.activeAccountId()).toBeNull();
  });

  it('save nothing at all when the keychain is unavailable', async () => {
    const { accounts, secrets, store } = setup();
    secrets.fail = true;
    await expect(accounts.create(itnio)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(store.data.get('accounts')).toBeUndefined();
    expect(accounts.list()).toEqual([]);
  });

  it('refuse a second account with the same credentials', async () => {
    const { accounts } = setup();
    await accounts.create(itnio);
    await expect(accounts.create({ ...itnio, name: 'Copy' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('never change vendor, and keep the demo connection fixed', async () => {
    const { accounts } = setup();
    const view = await accounts.create(itnio);
    await expect(accounts.update(view.id, { vendor: 'yccall', name: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const [demo] = accounts.addDemo();
    if (!demo) throw new Error('no demo account');
    await expect(
      accounts.update(demo.id, { vendor: demo.vendor, secret: 'x' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      accounts.update(demo.id, { vendor: demo.vendor, name: 'My demo' }),
    ).resolves.toMatchObject({ name: 'My demo' });
  });

  it('add the demo accounts once, labelled as demo, with nothing in the keychain', async () => {
    const { accounts, secrets } = setup();
    const first = accounts.addDemo();
    const second = accounts.addDemo();
    expect(first.map((account) => account.vendor).sort()).toEqual(['itniotech', 'yccall']);
    expect(second.map((account) => account.id)).toEqual(first.map((account) => account.id));
    expect(first.every((account) => account.demo && !account.secretStored)).toBe(true);
    expect(secrets.entries.size).toBe(0);
    const test = await accounts.testConnection(first[0]?.id ?? '');
    expect(test.check.ok).toBe(true);
  });

  it('remember the active account, and fall back to all accounts when it is gone', async () => {
    const { accounts, store } = setup();
    const view = await accounts.create(itnio);
    accounts.setActive(view.id);
    expect(accounts.activeAccountId()).toBe(view.id);
    store.set('accounts', []);
    expect(accounts.activeAccountId()).toBeNull();
    expect(() => accounts.setActive('missing')).toThrow(/no longer exists/);
  });

  it('skip a damaged stored profile instead of failing', async () => {
    const { accounts, store, logger } = setup();
    await accounts.create(itnio);
    store.set('accounts', [...(store.get('accounts') as unknown[]), { id: 'x', vendor: 'fax' }]);
    expect(accounts.list()).toHaveLength(1);
    expect(logger.lines.some((line) => line.level === 'warn')).toBe(true);
  });
});
