import { chmod, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core';
import { protectDataFolder, restrictNewFiles } from '../../../main/services/app/private-data';
import { JsonLinesLogger } from '../../../main/services/logging/logger';
import { ConfKeyValueStore } from '../../../main/services/settings/conf-store';
import { noSignal, testRuntime } from '../../fakes/core';
import { fakeVendorFactory } from '../../fakes/fake-vendor';
import { InMemorySecretStore } from '../../fakes/memory-secret-store';
import { RecordingNotifier } from '../../fakes/recording-notifier';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Every file and folder under `folder` (not following links), by relative path, with its mode. */
async function modesIn(
  folder: string,
): Promise<Map<string, { kind: 'file' | 'dir'; mode: number }>> {
  const found = new Map<string, { kind: 'file' | 'dir'; mode: number }>();
  const visit = async (dir: string) => {
    for (const name of await readdir(dir)) {
      const target = path.join(dir, name);
      // A file may vanish between the listing and the look (SQLite's -wal at close).
      const stats = await lstat(target).catch(() => null);
      if (!stats) continue;
      const relative = path.relative(folder, target);
      if (stats.isDirectory()) {
        found.set(relative, { kind: 'dir', mode: stats.mode & 0o777 });
        await visit(target);
      } else if (stats.isFile()) {
        found.set(relative, { kind: 'file', mode: stats.mode & 0o777 });
      }
    }
  };
  found.set('.', { kind: 'dir', mode: (await lstat(folder)).mode & 0o777 });
  await visit(folder);
  return found;
}

/** The entries whose mode lets anyone but the owner in. */
function notPrivate(modes: Map<string, { kind: 'file' | 'dir'; mode: number }>): string[] {
  return [...modes]
    .filter(([, { kind, mode }]) => mode !== (kind === 'dir' ? 0o700 : 0o600))
    .map(([name, { mode }]) => `${name} ${mode.toString(8)}`);
}

describe.runIf(process.platform !== 'win32')('the data folder on POSIX', () => {
  it('holds only 0600 files in 0700 folders: database, -wal/-shm, settings and logs', async () => {
    // A data folder as an older version (or Electron, before the app ran) left it.
    const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-private-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    await chmod(folder, 0o755);
    await mkdir(path.join(folder, 'logs'), { mode: 0o755 });
    await chmod(path.join(folder, 'logs'), 0o755);
    await writeFile(path.join(folder, 'logs', 'main.1.log'), '{}\n');
    await chmod(path.join(folder, 'logs', 'main.1.log'), 0o644);
    await writeFile(path.join(folder, 'Local State'), '{}');
    await chmod(path.join(folder, 'Local State'), 0o644);

    // What main/index.ts does first, then the core as the app builds it.
    cleanups.push(restrictNewFiles());
    expect(await protectDataFolder(folder)).toEqual([]);
    const logger = await JsonLinesLogger.open(folder, { maxBytes: 2_048 });
    const core = createCore({
      runtime: testRuntime(),
      paths: { dataFolder: folder },
      settingsStore: new ConfKeyValueStore(folder),
      opener: { openExternal: async () => undefined },
      logger,
      logControl: logger,
      secrets: new InMemorySecretStore(),
      vendorFor: fakeVendorFactory(),
      dialogs: { openFile: async () => null, saveFile: async () => null },
      notifier: new RecordingNotifier(),
    });
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await core.close();
      await logger.close();
    });

    // Settings written, an account and a draft in the database, enough log to rotate.
    expect(
      await core.dispatch('settings.update', { patch: { theme: 'dark' } }, noSignal),
    ).toMatchObject({ ok: true });
    const demo = await core.dispatch('accounts.addDemo', {}, noSignal);
    if (!demo.ok) throw new Error(demo.error.message);
    const accountId = (demo.value as { accounts: { id: string; vendor: string }[] }).accounts.find(
      (account) => account.vendor === 'itniotech',
    )?.id;
    const draft = await core.dispatch(
      'drafts.create',
      { accountId, kind: 'voice-group', listId: null, name: 'Private' },
      noSignal,
    );
    expect(draft, JSON.stringify(draft)).toMatchObject({ ok: true });
    for (let i = 0; i < 100; i += 1) logger.info('a vendor request', { i });
    await logger.flush();

    const open = await modesIn(folder);
    for (const name of [
      'campaign-desk.db',
      'campaign-desk.db-wal',
      'campaign-desk.db-shm',
      'settings.json',
      'logs/main.log',
      'logs/main.2.log',
    ]) {
      expect(open.has(name), `${name} exists`).toBe(true);
    }
    expect(notPrivate(open)).toEqual([]);

    await core.close();
    closed = true;
    await logger.close();
    expect(notPrivate(await modesIn(folder))).toEqual([]);
  });
});
