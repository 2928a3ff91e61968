import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core';
import { openConfSettingsStore } from '../../../main/services/settings/conf-store';
import { fakeVendorFactory } from '../../fakes/fake-vendor';
import { MemoryLogger } from '../../fakes/memory-logger';
import { InMemorySecretStore } from '../../fakes/memory-secret-store';
import { RecordingNotifier } from '../../fakes/recording-notifier';
import { noSignal, testRuntime } from '../../fakes/core';

const cores: Core[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});

/** The real core over a real settings file in `folder` (conf, as the browser host uses). */
async function startCore(folder: string, secrets: InMemorySecretStore) {
  const logger = new MemoryLogger();
  const store = await openConfSettingsStore(folder, logger, {
    now: () => Date.UTC(2026, 10, 23, 9, 0, 0),
  });
  const core = createCore({
    runtime: testRuntime(),
    paths: { dataFolder: folder },
    settingsStore: store,
    opener: { openExternal: async () => undefined },
    logger,
    secrets,
    vendorFor: fakeVendorFactory({ calls: [] }),
    dialogs: { openFile: async () => null, saveFile: async () => null },
    databaseFile: ':memory:',
    notifier: new RecordingNotifier(),
  });
  cores.push(core);
  return { core, store, logger };
}

async function stop(core: Core): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}

async function call(core: Core, channel: string, request: unknown = {}): Promise<unknown> {
  const result = await core.dispatch(channel, request, noSignal);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

const account = {
  vendor: 'itniotech',
  name: 'Shenzhen BPO',
  connection: { brand: 'itniotech', apiKey: 'bDqJFiq9', defaults: { countryCode: '86' } },
  secret: 'keychain-only-secret',
};

/** A data folder with an account, a selection and a preference written through the app. */
async function folderWithSettings() {
  const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-settings-'));
  const secrets = new InMemorySecretStore();
  const { core } = await startCore(folder, secrets);
  const created = (await call(core, 'accounts.create', account)) as { id: string };
  await call(core, 'accounts.setActive', { id: created.id });
  await call(core, 'settings.update', { patch: { theme: 'dark', language: 'zh-CN' } });
  const before = {
    accounts: await call(core, 'accounts.list'),
    preferences: await call(core, 'settings.get'),
  };
  // Closing waits for the backup of the last write.
  await stop(core);
  return { folder, secrets, before, id: created.id };
}

async function filesIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).sort();
}

describe('settings that survive a damaged file (real files, conf)', () => {
  it('a truncated settings file: the core starts from the backup, the damaged file is kept aside, nothing is lost', async () => {
    const { folder, secrets, before } = await folderWithSettings();
    const file = path.join(folder, 'settings.json');
    const good = await readFile(file, 'utf8');
    await truncate(file, Math.floor(good.length / 2));
    const damaged = await readFile(file, 'utf8');

    const { core } = await startCore(folder, secrets);
    expect(await call(core, 'accounts.list')).toEqual(before.accounts);
    expect(await call(core, 'settings.get')).toEqual(before.preferences);

    const kept = (await filesIn(folder)).filter((name) => name.includes('damaged'));
    expect(kept).toEqual(['settings.damaged-2026-11-23T09-00-00-000Z.json']);
    expect(await readFile(path.join(folder, kept[0] ?? ''), 'utf8')).toBe(damaged);
    expect(await readFile(file, 'utf8')).toBe(good);

    // Said once: the notice is there until the person dismisses it.
    expect(await call(core, 'settings.recoveryNotice')).toEqual({
      notice: {
        at: '2026-11-23T09:00:00.000Z',
        problem: 'not-json',
        restoredFrom: 'backup',
        keptAs: 'settings.damaged-2026-11-23T09-00-00-000Z.json',
      },
    });
    await call(core, 'settings.dismissRecoveryNotice');
    expect(await call(core, 'settings.recoveryNotice')).toEqual({ notice: null });
  });

  it('an empty file and a file that is JSON but not settings are set aside too, each under its own name', async () => {
    const { folder, secrets, before } = await folderWithSettings();
    const file = path.join(folder, 'settings.json');
    await writeFile(file, '');
    const first = await startCore(folder, secrets);
    expect(await call(first.core, 'accounts.list')).toEqual(before.accounts);
    await stop(first.core);

    await writeFile(file, JSON.stringify({ schemaVersion: 1, accounts: { broken: true } }));
    const second = await startCore(folder, secrets);
    expect(await call(second.core, 'accounts.list')).toEqual(before.accounts);
    expect(await call(second.core, 'settings.recoveryNotice')).toMatchObject({
      notice: { problem: 'not-settings', restoredFrom: 'backup' },
    });
    expect((await filesIn(folder)).filter((name) => name.includes('damaged'))).toEqual([
      'settings.damaged-2026-11-23T09-00-00-000Z-1.json',
      'settings.damaged-2026-11-23T09-00-00-000Z.json',
    ]);
  });

  it('with no good backup, starts empty, keeps the damaged file and says so', async () => {
    const { folder, secrets } = await folderWithSettings();
    await writeFile(path.join(folder, 'settings.json'), '{"accounts": [');
    await rm(path.join(folder, 'settings.backup.json'));

    const { core } = await startCore(folder, secrets);
    expect(await call(core, 'accounts.list')).toMatchObject({ accounts: [], damaged: [] });
    expect(await call(core, 'settings.recoveryNotice')).toMatchObject({
      notice: { problem: 'not-json', restoredFrom: 'nothing' },
    });
    const kept = (await filesIn(folder)).find((name) => name.includes('damaged')) ?? '';
    expect(await readFile(path.join(folder, kept), 'utf8')).toBe('{"accounts": [');
  });

  it('a settings file removed behind the app is brought back from the backup', async () => {
    const { folder, secrets, before } = await folderWithSettings();
    await rm(path.join(folder, 'settings.json'));
    const { core } = await startCore(folder, secrets);
    expect(await call(core, 'accounts.list')).toEqual(before.accounts);
    expect(await call(core, 'settings.recoveryNotice')).toMatchObject({
      notice: { problem: 'missing', restoredFrom: 'backup', keptAs: null },
    });
  });

  it('every write leaves a checked copy of the file as the backup', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-settings-'));
    const { core, store } = await startCore(folder, new InMemorySecretStore());
    expect(await call(core, 'settings.recoveryNotice')).toEqual({ notice: null });
    for (const theme of ['dark', 'light', 'system'] as const) {
      await call(core, 'settings.update', { patch: { theme } });
      await store.flush();
      const file = await readFile(path.join(folder, 'settings.json'), 'utf8');
      expect(await readFile(path.join(folder, 'settings.backup.json'), 'utf8')).toBe(file);
      expect(JSON.parse(file)).toMatchObject({ preferences: { theme } });
    }
  });

  it('a file damaged while the app runs is not written over; the next start recovers it', async () => {
    const { folder, secrets, before } = await folderWithSettings();
    const { core } = await startCore(folder, secrets);
    const file = path.join(folder, 'settings.json');
    await writeFile(file, '{"preferen');

    // Reads answer from the last good copy (the person chose Chinese), writes are refused.
    expect(await call(core, 'settings.get')).toEqual(before.preferences);
    const result = await core.dispatch('settings.update', { patch: { theme: 'light' } }, noSignal);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'FILE_UNREADABLE',
        message: expect.stringMatching(/请重新启动 Campaign Desk/),
      },
    });
    expect(await readFile(file, 'utf8')).toBe('{"preferen');
    await stop(core);
    // The backup still holds the last good copy.
    expect(JSON.parse(await readFile(path.join(folder, 'settings.backup.json'), 'utf8'))).toEqual(
      expect.objectContaining({ preferences: { theme: 'dark', language: 'zh-CN' } }),
    );

    const restarted = await startCore(folder, secrets);
    expect(await call(restarted.core, 'accounts.list')).toEqual(before.accounts);
  });
});
