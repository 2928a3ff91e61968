import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../main/platform/keytar-secret-store';
import { AccountsService } from '../../../main/services/accounts/accounts-service';
import { DemoSandbox } from '../../../main/services/sandbox/demo-sandbox';
import { SimulatorServer } from '../../../main/services/sandbox/server';
import { systemClock } from '../../../main/services/sandbox/sim-kit';
import { mountYccall } from '../../../main/services/sandbox/yccall/yccall-sim';
import { ConfKeyValueStore } from '../../../main/services/settings/conf-store';
import { createUndiciSend } from '../../../main/services/vendors/http';
import { createVendorFactory } from '../../../main/services/vendors/factory';
import { noSignal, testCore } from '../../fakes/core';
import { MemoryLogger } from '../../fakes/memory-logger';

// Credentials in cleartext (issue 15): a Yccall account used to accept http:// to any host, and
// its access key then crossed the network in the form body.

const YCCALL = { appid: 'lan-app', accesskey: `yccall-${randomUUID()}` };
const service = `Campaign Desk transport test ${randomUUID()}`;
let sim: SimulatorServer;
let folder: string;

const yccallRequest = (serverUrl: string, allowUnencrypted?: boolean) => ({
  vendor: 'yccall',
  name: 'Office PBX',
  connection: {
    serverUrl,
    appid: YCCALL.appid,
    defaults: {},
    ...(allowUnencrypted === undefined ? {} : { allowUnencrypted }),
  },
  secret: YCCALL.accesskey,
});

beforeAll(async () => {
  sim = new SimulatorServer();
  mountYccall(sim, { strict: true, clock: systemClock, seed: 5, accounts: [YCCALL] });
  await sim.start();
  folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-transport-'));
});

afterAll(async () => {
  await sim?.close();
});

describe('accounts.create in main, whatever the renderer sends', () => {
  it('refuses a Yccall http:// account to a public host, with or without the flag', async () => {
    const { core, secrets, store } = testCore();
    for (const flag of [undefined, false, true]) {
      const result = await core.dispatch(
        'accounts.create',
        yccallRequest('http://203.0.113.7:8080', flag),
        noSignal,
      );
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('The server address is not valid');
      expect(result.error.message).toMatch(/not encrypted|private network address/);
    }
    // Nothing was stored: no profile, no keychain entry.
    expect(store.data.get('accounts')).toBeUndefined();
    expect(secrets.entries.size).toBe(0);
    await core.close();
  });

  it('accepts a Yccall http:// account to a private address only with the flag', async () => {
    const { core } = testCore();
    const refused = await core.dispatch(
      'accounts.create',
      yccallRequest('http://192.168.1.20:8080'),
      noSignal,
    );
    expect(refused.ok).toBe(false);
    const accepted = await core.dispatch(
      'accounts.create',
      yccallRequest('http://192.168.1.20:8080', true),
      noSignal,
    );
    expect(accepted).toMatchObject({
      ok: true,
      value: { connection: { serverUrl: 'http://192.168.1.20:8080', allowUnencrypted: true } },
    });
    // An edit cannot sneak a public host in either.
    if (!accepted.ok) return;
    const id = (accepted.value as { id: string }).id;
    const edited = await core.dispatch(
      'accounts.update',
      {
        id,
        changes: {
          vendor: 'yccall',
          connection: { ...yccallRequest('http://pbx.example.com', true).connection },
        },
      },
      noSignal,
    );
    expect(edited.ok).toBe(false);
    await core.close();
  });

  it('keeps the demo accounts working (the simulator runs on http://127.0.0.1)', async () => {
    const { core } = testCore();
    const added = await core.dispatch('accounts.addDemo', {}, noSignal);
    expect(added.ok).toBe(true);
    const listed = await core.dispatch('accounts.list', {}, noSignal);
    expect(JSON.stringify(listed)).toContain('"vendor":"yccall"');
    await core.close();
  });
});

describe('an http:// account the person allowed, against the simulator over loopback', () => {
  it('signs in and tests the connection with the access key from the keychain', async () => {
    const logger = new MemoryLogger();
    const accounts = new AccountsService({
      store: new ConfKeyValueStore(folder),
      secrets: new KeytarSecretStore(service),
      clock: systemClock,
      newId: randomUUID,
      vendorFor: createVendorFactory({
        send: createUndiciSend(),
        clock: systemClock,
        logger,
        demo: new DemoSandbox(logger),
      }),
      locale: () => 'en',
      logger,
    });
    const account = await accounts.create({
      vendor: 'yccall',
      name: 'LAN PBX',
      connection: {
        serverUrl: `${sim.url}/`,
        allowUnencrypted: true,
        appid: YCCALL.appid,
        defaults: {},
        dialing: { homeCountry: 'CN', internationalPrefix: '00' },
        serverUtcOffsetMinutes: 0,
      },
      secret: YCCALL.accesskey,
    });
    const test = await accounts.testConnection(account.id);
    expect(test.check).toMatchObject({ ok: true, code: null });
    await accounts.remove(account.id);
    expect(await keytar.getPassword(service, account.id)).toBeNull();
    await accounts.close();
  });
});
