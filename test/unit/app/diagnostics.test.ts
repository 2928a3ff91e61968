import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/services/accounts/accounts-service';
import { Diagnostics, type DiagnosticsSources } from '../../../main/services/app/diagnostics';
import { LogNotices } from '../../../main/services/app/log-notices';
import { ProxySettingsService } from '../../../main/services/settings/proxy-settings';
import { SettingsService } from '../../../main/services/settings/settings-service';
import type { Backup, StorageState } from '../../../shared/domain/storage';
import { testRuntime } from '../../fakes/core';
import { fakeVendorFactory } from '../../fakes/fake-vendor';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';
import { InMemorySecretStore } from '../../fakes/memory-secret-store';

const SECRET = 'Tulip.Canal.4410!';
const PROXY_PASSWORD = 'Cedar:Fog:0042';

/** The diagnostics over in-memory services, with a real data folder for the log. */
async function setup(options: { storage?: StorageState; backups?: readonly Backup[] } = {}) {
  const home = await mkdtemp(path.join(tmpdir(), 'campaign-desk-home-'));
  const dataFolder = path.join(home, 'Campaign Desk');
  await mkdir(path.join(dataFolder, 'logs'), { recursive: true });
  const store = new InMemoryKeyValueStore();
  const secrets = new InMemorySecretStore();
  const logger = new MemoryLogger();
  let n = 0;
  const accounts = new AccountsService({
    store,
    secrets,
    clock: { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) },
    newId: () => `id-${++n}`,
    vendorFor: fakeVendorFactory(),
    locale: () => 'en',
    logger,
  });
  const proxy = new ProxySettingsService({ store, secrets, logger });
  const settings = new SettingsService(store, () => 'en-GB', logger);
  const logNotices = new LogNotices();
  const sources: DiagnosticsSources = {
    runtime: testRuntime('en-GB'),
    paths: { dataFolder },
    clock: { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) },
    settings,
    accounts,
    proxy,
    storage: { state: () => options.storage ?? { state: 'ok', check: 'passed' } },
    backups: async () => options.backups ?? [],
    logNotices,
    keychain: secrets,
    os: { type: 'Darwin', release: '24.1.0', homedir: home },
  };
  const writeLog = (lines: readonly string[]) =>
    writeFile(path.join(dataFolder, 'logs', 'main.log'), lines.map((line) => `${line}\n`).join(''));
  return {
    diagnostics: new Diagnostics(sources),
    accounts,
    proxy,
    settings,
    secrets,
    logNotices,
    writeLog,
  };
}

describe('the diagnostics report', () => {
  it('masks every stored secret in log lines, in every form, and describes accounts without keys', async () => {
    const { diagnostics, accounts, proxy, writeLog } = await setup();
    await accounts.create({
      vendor: 'yccall',
      name: 'Office PBX',
      connection: {
        serverUrl: 'http://10.0.0.5:8080',
        allowUnencrypted: true,
        appid: 'pbx-app-9',
        defaults: {},
        dialing: { homeCountry: 'CN', internationalPrefix: '00' },
        serverUtcOffsetMinutes: null,
      },
      secret: SECRET,
    });
    await proxy.update({
      mode: 'manual',
      manual: { host: '10.1.1.1', port: 8080, username: 'agent-kim' },
      password: PROXY_PASSWORD,
    });
    // base64 of the secret at each of the three alignments inside a longer base64 text.
    const embedded = ['', 'x', 'xy'].map((prefix) =>
      Buffer.from(`${prefix}${SECRET}tail`).toString('base64'),
    );
    await writeLog([
      JSON.stringify({ level: 'error', message: `refused ${SECRET}` }),
      JSON.stringify({ level: 'warn', message: 'echo', body: embedded.join(' ') }),
      JSON.stringify({
        level: 'warn',
        message: 'proxy',
        url: `pw=${encodeURIComponent(PROXY_PASSWORD)}`,
      }),
    ]);
    const text = await diagnostics.text();
    for (const secret of [SECRET, PROXY_PASSWORD, 'pbx-app-9']) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret));
      expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    }
    for (const form of embedded) expect(text).not.toContain(form.slice(4, 20));
    expect(text).toContain('refused [secret]');
    expect(text).toContain('- "Office PBX"');
    expect(text).toContain('server: http://10.0.0.5:8080');
    expect(text).toContain('unencrypted http allowed: yes');
    expect(text).toContain('Manual proxy: 10.1.1.1:8080');
    expect(text).not.toContain('agent-kim');
  });

  it('says what the versions, system, language and data folder are, without the user name', async () => {
    const { diagnostics, settings } = await setup();
    settings.update({ theme: 'dark', language: 'zh-CN' });
    const text = await diagnostics.text();
    expect(text).toContain('Created: 2026-01-02T03:04:05.000Z');
    expect(text).toContain('Version: 0.0.0-test');
    expect(text).toContain('Electron: 45.4.1 (pinned, not running)');
    expect(text).toContain('Chromium: not known to main (browser test host)');
    expect(text).toContain(
      `Operating system: Darwin 24.1.0 (${process.platform}, ${process.arch})`,
    );
    expect(text).toContain('UI language: zh-CN (system: en-GB)');
    expect(text).toContain('Theme: dark');
    expect(text).toContain(`Data folder: ~${path.sep}Campaign Desk`);
  });

  it('reports a damaged database, its backups, a failed log file and an unreadable keychain', async () => {
    const { diagnostics, accounts, secrets, logNotices, writeLog } = await setup({
      storage: {
        state: 'damaged',
        problem: { kind: 'damaged', areas: ['lists', 'tasks'], problems: 3 },
        foundAt: Date.UTC(2026, 0, 2),
        keptAs: 'campaign-desk.damaged-2026-01-02.db',
        backups: [],
        restoreFailed: false,
      },
      backups: [
        { id: 'campaign-desk-2026-01-01.db', takenOn: '2026-01-01', sizeBytes: 4096 },
        { id: 'campaign-desk-2025-12-31.db', takenOn: '2025-12-31', sizeBytes: 2048 },
      ],
    });
    await accounts.create({
      vendor: 'itniotech',
      name: 'BPO',
      connection: { brand: 'onbuka', apiKey: 'key-1', defaults: {}, serverUtcOffsetMinutes: 480 },
      secret: SECRET,
    });
    logNotices.raise({ at: '2026-01-02T00:00:00.000Z', reason: 'disk-full' });
    secrets.fail = true;
    await writeLog([
      JSON.stringify({ level: 'warn', message: 'login', token: 'abc-123-secret-token' }),
    ]);
    const text = await diagnostics.text();
    expect(text).toContain('State: damaged, running in recovery mode');
    expect(text).toContain('damaged pages (3 problem lines; areas: lists, tasks)');
    expect(text).toContain('Damaged file kept as: campaign-desk.damaged-2026-01-02.db');
    expect(text).toContain('Backups: 2, newest 2026-01-01 (4096 bytes)');
    expect(text).toContain('Log file: not written since 2026-01-02T00:00:00.000Z (disk-full)');
    expect(text).toContain('Keychain: could not be read');
    expect(text).toContain('server: https://api.onbuka.com');
    // Without the keychain the logger's own patterns still mask secret-named fields.
    expect(text).not.toContain('abc-123-secret-token');
    expect(text).toContain('Log lines (the last 1, secrets masked):');
  });
});
