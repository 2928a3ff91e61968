import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';
import { InMemorySecretStore } from '../fakes/memory-secret-store';
import { ScriptedUpdater } from '../fakes/scripted-updater';

let host: Host;
let browser: Browser;
let page: Page;
const updater = new ScriptedUpdater();

beforeAll(async () => {
  host = await startHost({ secrets: new InMemorySecretStore(), updater });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(host.url);
  await page.waitForSelector('html[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the update notice in Chromium through the browser host', () => {
  it('appears when a verified update is ready, and only the Restart click installs it', async () => {
    // The check at start found nothing: no notice.
    await expect.poll(() => updater.checks).toBe(1);
    const notice = page.locator('[data-testid="update-notice"]');
    expect(await notice.count()).toBe(0);

    // A newer version downloads in the background and verifies.
    updater.emit({ kind: 'checking' });
    updater.emit({ kind: 'available', version: '1.2.0' });
    updater.emit({ kind: 'progress', percent: 60 });
    expect(await notice.count()).toBe(0);
    updater.emit({ kind: 'downloaded', version: '1.2.0' });

    await notice.waitFor();
    expect(await notice.getAttribute('data-state')).toBe('ready');
    const text = await notice.textContent();
    expect(text).toContain(en['updates.ready.title']);
    expect(text).toContain('Campaign Desk 1.2.0 has been downloaded');
    expect(updater.installs).toBe(0);
    await page.screenshot({ path: path.join(await screenshotDir(), 'update-ready-en.png') });

    // A window opened later shows it too, in the person's language.
    await page.click('a[data-section="settings"]');
    await page.selectOption('#settings-language', 'zh-CN');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(zhCN['updates.ready.title']);
    expect(updater.installs).toBe(0);

    await notice.getByRole('button', { name: zhCN['updates.ready.restart'] }).click();
    await expect.poll(() => updater.installs).toBe(1);
    await expect.poll(() => notice.getAttribute('data-state')).toBe('installing');
    expect(await notice.getByRole('button').isDisabled()).toBe(true);
    expect(await notice.textContent()).toContain('正在重新启动以安装 Campaign Desk 1.2.0');
  });

  it('says in words that an update was refused because its signature did not verify', async () => {
    updater.emit({
      kind: 'failed',
      failure: 'signature',
      version: '1.3.0',
      detail: 'bad-signature',
    });
    const notice = page.locator('[data-testid="update-notice"][data-state="refused"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(zhCN['updates.refused.title']);
    expect(await notice.textContent()).toMatch(/1\.3\.0.*签名无法通过.*未安装任何内容/);
    await notice.getByRole('button', { name: zhCN['updates.refused.dismiss'] }).click();
    await notice.waitFor({ state: 'detached' });
  });
});
