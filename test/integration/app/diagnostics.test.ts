import { randomUUID } from 'node:crypto';
import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core';
import { KeytarSecretStore } from '../../../main/platform/keytar-secret-store';
import type { RuntimeInfo } from '../../../main/ports';
import { JsonLinesLogger } from '../../../main/services/logging/logger';
import { maskingSecretStore } from '../../../main/services/logging/masking-secret-store';
import { openConfSettingsStore } from '../../../main/services/settings/conf-store';
import { DiagnosticsReportSchema } from '../../../shared/domain/app-info';
import { noSignal } from '../../fakes/core';
import { fakeVendorFactory } from '../../fakes/fake-vendor';
import { RecordingNotifier } from '../../fakes/recording-notifier';

// The whole app path as main/index.ts builds it: real files in a fresh data folder, the JSON-lines
// log, the real keychain (libsecret in the D-Bus session `npm test` starts) behind the masking
// store, the real accounts and proxy services, and a real SQLite file with its start-up check.

// Shaped so the logger's patterns do not catch them on their own (short, with punctuation): only
// knowing the keychain's secrets masks them, which is what this test is about.
const ITNIO_SECRET = 'Sunflower.Harbor.7391!q';
const YCCALL_SECRET = 'Maple~River~2468~z';
const PROXY_PASSWORD = 'Lantern#Moss#5150';
const ITNIO_KEY = 'itn-key-7788';
const YCCALL_APPID = 'ycc-app-31';
const PROXY_USER = 'agent7';

const service = `Campaign Desk test ${randomUUID()}`;
const runtime: RuntimeInfo = {
  host: 'electron',
  appName: 'Campaign Desk',
  appVersion: '0.1.0-diag',
  electron: '45.4.1',
  chrome: '142.0.7444.59',
  node: process.versions.node,
  v8: process.versions.v8,
  platform: process.platform,
  arch: process.arch,
  systemLocaleTag: () => 'zh-CN',
};

/** Every form a secret could take in the text: as typed, encoded for URLs, base64, base64url. */
function formsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    encodeURIComponent(secret),
    bytes.toString('base64'),
    bytes.toString('base64url'),
    bytes.toString('hex'),
  ];
}

/** A log line as an older version (or a line written before the secret was known) left it. */
function rawLine(message: string, fields: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ time: new Date().toISOString(), level: 'warn', message, ...fields })}\n`;
}

let folder: string;
let logger: JsonLinesLogger;
let core: Core;
let report: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-diagnostics-'));
  logger = await JsonLinesLogger.open(folder);
  core = createCore({
    runtime,
    paths: { dataFolder: folder },
    settingsStore: await openConfSettingsStore(folder, logger),
    opener: { openExternal: async () => undefined },
    logger,
    logControl: logger,
    secrets: maskingSecretStore(new KeytarSecretStore(service), logger),
    vendorFor: fakeVendorFactory(),
    dialogs: { openFile: async () => null, saveFile: async () => null },
    notifier: new RecordingNotifier(),
  });
  await core.accounts.create({
    vendor: 'itniotech',
    name: 'Shanghai BPO',
    connection: {
      brand: 'itniotech',
      apiKey: ITNIO_KEY,
      defaults: {},
      serverUtcOffsetMinutes: 480,
    },
    secret: ITNIO_SECRET,
  });
  await core.accounts.create({
    vendor: 'yccall',
    name: 'Shenzhen PBX',
    connection: {
      serverUrl: 'https://pbx.example.net:8443',
      appid: YCCALL_APPID,
      defaults: {},
      dialing: { homeCountry: 'CN', internationalPrefix: '00' },
      serverUtcOffsetMinutes: null,
    },
    secret: YCCALL_SECRET,
  });
  const proxy = await core.dispatch(
    'settings.setProxy',
    {
      mode: 'manual',
      manual: { host: 'proxy.corp', port: 3128, username: PROXY_USER },
      password: PROXY_PASSWORD,
    },
    noSignal,
  );
  expect(proxy.ok).toBe(true);
  // The start-up check and the day's backup are done, and every line so far is in the file.
  await core.storage.settled();
  await logger.flush();

  // Lines that hold secrets in every form, then 45 more: the last 50 lines hold the 4 below.
  const basic = Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64');
  const lines = [
    ...Array.from({ length: 10 }, (_, index) => rawLine(`old line ${index + 1}`)),
    rawLine(`vendor said: bad sign for ${ITNIO_SECRET}`),
    rawLine('request body', { note: Buffer.from(YCCALL_SECRET).toString('base64') }),
    rawLine('proxy refused', { via: `credentials ${basic} for proxy.corp` }),
    rawLine('proxy url', {
      target: `https://proxy.corp/?pw=${encodeURIComponent(PROXY_PASSWORD)}`,
    }),
    ...Array.from({ length: 45 }, (_, index) => rawLine(`recent line ${index + 1}`)),
  ];
  await appendFile(path.join(folder, 'logs', 'main.log'), lines.join(''));

  const answer = await core.dispatch('app.diagnostics', {}, noSignal);
  if (!answer.ok) throw new Error(answer.error.message);
  report = DiagnosticsReportSchema.parse(answer.value).text;
});

afterAll(async () => {
  await core?.close();
  await logger?.close();
  for (const { account } of await keytar.findCredentials(service)) {
    await keytar.deletePassword(service, account);
  }
});

describe('Copy diagnostics (real keychain, real log file, real database)', () => {
  it('holds no secret, in any form: account secrets, keys, the proxy password', async () => {
    // The secrets really are in the keychain, and really were in the log file.
    const accounts = core.accounts.list();
    const keychain = new KeytarSecretStore(service);
    expect(await keychain.get(accounts[0]?.id ?? '')).toBe(ITNIO_SECRET);
    expect(await keychain.get(accounts[1]?.id ?? '')).toBe(YCCALL_SECRET);
    expect(report).toContain('[secret]');

    const basic = `${PROXY_USER}:${PROXY_PASSWORD}`;
    for (const secret of [ITNIO_SECRET, YCCALL_SECRET, PROXY_PASSWORD, ITNIO_KEY, YCCALL_APPID]) {
      for (const form of formsOf(secret)) expect(report, secret).not.toContain(form);
    }
    for (const form of formsOf(basic)) expect(report).not.toContain(form);
  });

  it('holds what support needs: versions, system, accounts, proxy, preferences', () => {
    for (const expected of [
      'Version: 0.1.0-diag',
      'Running in: desktop app (Electron)',
      'Electron: 45.4.1',
      'Chromium: 142.0.7444.59',
      `Node.js: ${process.versions.node}`,
      `V8: ${process.versions.v8}`,
      `(${process.platform}, ${process.arch})`,
      'UI language: zh-CN (system: zh-CN)',
      'Theme: system',
      '== Accounts (2)',
      '- "Shanghai BPO"',
      'vendor: ITNIO TECH',
      'server: https://api.itniotech.com',
      '- "Shenzhen PBX"',
      'vendor: Yccall call-center server',
      'server: https://pbx.example.net:8443',
      'secret in the keychain: yes',
      'Mode: manual',
      'Manual proxy: proxy.corp:3128',
      'Authentication: user name and password (password not shown)',
    ]) {
      expect(report).toContain(expected);
    }
  });

  it('holds the database check and the backups', () => {
    expect(report).toContain('Check at start (PRAGMA quick_check): passed');
    expect(report).toMatch(/Backups: 1, newest \d{4}-\d{2}-\d{2} \(\d+ bytes\)/);
  });

  it('ends with the last 50 log lines, scrubbed', () => {
    const log = report.slice(report.indexOf('Log lines (the last 50, secrets masked):'));
    const lines = log.split('\n').slice(1);
    expect(lines).toHaveLength(50);
    expect(lines.at(-1)).toContain('recent line 45');
    expect(lines.at(-45)).toContain('recent line 1"');
    expect(lines[0]).toContain('old line 10');
    expect(log).not.toContain('old line 9');
    // The lines that held a secret are there, with the secret masked.
    expect(log).toContain('vendor said: bad sign for [secret]');
    expect(log).toContain('proxy refused');
    expect(log).toContain('proxy url');
  });
});
