import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/services/accounts/accounts-service';
import { KeytarSecretStore } from '../../../main/platform/keytar-secret-store';
import { ConfKeyValueStore } from '../../../main/services/settings/conf-store';
import { DemoSandbox } from '../../../main/services/sandbox/demo-sandbox';
import { SimulatorServer } from '../../../main/services/sandbox/server';
import { mountItniotech } from '../../../main/services/sandbox/itniotech/itniotech-sim';
import { systemClock } from '../../../main/services/sandbox/sim-kit';
import { createUndiciSend } from '../../../main/services/vendors/http';
import { createVendorFactory } from '../../../main/services/vendors/factory';
import { MemoryLogger } from '../../fakes/memory-logger';
import { repoRoot } from '../../host/runtime';

const SECRET = `itnio-${randomUUID()}`;
const SECOND = `itnio-${randomUUID()}`;
const service = `Campaign Desk test ${randomUUID()}`;
let sim: SimulatorServer;
let folder: string;

beforeAll(async () => {
  sim = new SimulatorServer();
  mountItniotech(sim, {
    strict: true,
    clock: systemClock,
    seed: 1,
    accounts: [{ apiKey: 'kc-key', apiSecret: SECRET }],
  });
  await sim.start();
  folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-accounts-'));
});

afterAll(async () => {
  await sim.close();
});

function accountsService(logger: MemoryLogger) {
  const demo = new DemoSandbox(logger);
  return new AccountsService({
    store: new ConfKeyValueStore(folder),
    secrets: new KeytarSecretStore(service),
    clock: systemClock,
    newId: randomUUID,
    vendorFor: createVendorFactory({ send: createUndiciSend(), clock: systemClock, logger, demo }),
    locale: () => 'en',
    logger,
  });
}

describe('accounts with the real keychain (libsecret) and the simulator over loopback', () => {
  it('save, read for signing, replace, delete: the entry is really gone afterwards', async () => {
    const logger = new MemoryLogger();
    const accounts = accountsService(logger);
    const account = await accounts.create({
      vendor: 'itniotech',
      name: 'Keychain test',
      connection: {
        brand: 'itniotech',
        apiKey: 'kc-key',
        baseUrl: sim.url,
        allowUnencrypted: true,
        defaults: {},
        serverUtcOffsetMinutes: 480,
      },
      secret: SECRET,
    });
    expect(await keytar.getPassword(service, account.id)).toBe(SECRET);

    // Signing reads the secret from the keychain: the simulator checks the signature.
    expect((await accounts.testConnection(account.id)).check.ok).toBe(true);

    // A wrong secret is tested before it is saved: the vendor refuses the signature, so the
    // keychain keeps the good one and the refusal is the answer.
    await expect(
      accounts.update(account.id, { vendor: 'itniotech', secret: SECOND }),
    ).rejects.toMatchObject({ code: 'VENDOR_AUTH' });
    expect(await keytar.getPassword(service, account.id)).toBe(SECRET);
    expect((await accounts.testConnection(account.id)).check.ok).toBe(true);

    // The good secret typed again is tested and saved, checked.
    const saved = await accounts.update(account.id, { vendor: 'itniotech', secret: SECRET });
    expect(saved.lastCheck).toMatchObject({ ok: true });
    expect(await keytar.getPassword(service, account.id)).toBe(SECRET);

    await accounts.remove(account.id);
    expect(await keytar.getPassword(service, account.id)).toBeNull();
    expect((await keytar.findCredentials(service)).length).toBe(0);

    for (const name of await readdir(folder, { recursive: true })) {
      const text = await readFile(path.join(folder, name), 'utf8').catch(() => '');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SECOND);
    }
    expect(logger.text()).not.toContain(SECRET);
    expect(logger.text()).not.toContain(SECOND);
  });

  it('with no secret service, saving fails with the clear error and writes nothing to disk', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'campaign-desk-nokeyring-'));
    const script = path.join(repoRoot, 'test/integration/accounts/save-without-keyring.ts');
    const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
    const { stdout } = await promisify(execFile)(tsx, [script, data, SECRET], {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: data,
        // No session bus at all: what a Linux machine without a secret service looks like.
        DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(data, 'no-bus')}`,
      },
      timeout: 30_000,
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      code?: string;
      message?: string;
    };
    expect(result.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(result.message).toMatch(/keychain is not available.*nothing was saved/);
    const written = await readdir(data, { recursive: true });
    for (const name of written) {
      const text = await readFile(path.join(data, name), 'utf8').catch(() => '');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('No keyring account');
    }
  });
});
