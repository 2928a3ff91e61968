import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageState } from '../../shared/domain/storage';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { startHost, type Host } from '../host/server';
import { InMemorySecretStore } from '../fakes/memory-secret-store';
import { databaseFileIn, dataFolder, overwrite, seedList } from '../integration/storage/harness';
import { launchChromium, screenshotDir } from './browser';

// The recovery screen in Chromium, against the real core on a real damaged database file: it
// says what was found in both languages, restores the backup, and the app comes back with the
// list, the damaged file kept.

let host: Host | null = null;
let browser: Browser;
let page: Page;
let folder: string;
const problems: string[] = [];
const secrets = new InMemorySecretStore();

beforeAll(async () => {
  folder = await dataFolder();
  seedList(databaseFileIn(folder), 'spring', 1_000);
  // A first start checks the database and takes today's backup.
  const first = await startHost({ dataFolder: folder, secrets });
  await first.core.storage.settled();
  await first.close();
  await overwrite(databaseFileIn(folder), 0, 100, 0);

  host = await startHost({ dataFolder: folder, secrets });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the database recovery screen', () => {
  it('says what was found, in English and Chinese, instead of showing the app', async () => {
    if (!host) throw new Error('no host');
    await page.goto(host.url);
    await page.getByRole('heading', { name: en['storage.title'] }).waitFor();
    expect(await page.getByRole('alert').first().textContent()).toBe(
      en['storage.found.unreadable'],
    );
    expect(await page.locator('nav').count()).toBe(0);
    await page.screenshot({ path: path.join(await screenshotDir(), 'storage-recovery-en.png') });

    const result = await host.core.dispatch(
      'settings.update',
      { patch: { language: 'zh-CN' } },
      { signal: new AbortController().signal },
    );
    expect(result.ok).toBe(true);
    await page.reload();
    await page.getByRole('heading', { name: zhCN['storage.title'] }).waitFor();
    expect(await page.getByRole('alert').first().textContent()).toBe(
      zhCN['storage.found.unreadable'],
    );
    await page.screenshot({ path: path.join(await screenshotDir(), 'storage-recovery-zh.png') });
    await host.core.dispatch(
      'settings.update',
      { patch: { language: 'en' } },
      { signal: new AbortController().signal },
    );
    await page.reload();
    await page.getByRole('heading', { name: en['storage.title'] }).waitFor();
  });

  it('restores the newest backup, restarts, and shows the list again; the damaged file is kept', async () => {
    if (!host) throw new Error('no host');
    const before = (await host.core.dispatch(
      'storage.status',
      {},
      {
        signal: new AbortController().signal,
      },
    )) as { ok: true; value: StorageState };
    if (before.value.state !== 'damaged') throw new Error('not damaged');
    const keptAs = before.value.keptAs;

    await page.getByRole('button', { name: /^Restore the backup of / }).click();
    // The host restarts its core as the app would relaunch; the shell comes back by itself.
    await page.waitForSelector('html[data-ready="true"]');
    await page.click('a[data-section="lists"]');
    await page.getByText('List spring').first().waitFor();
    expect(host.core.storage.state()).toMatchObject({ state: 'ok' });
    expect(existsSync(path.join(folder, keptAs))).toBe(true);
    expect(problems).toEqual([]);
  });
});
