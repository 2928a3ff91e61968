import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorServer } from '../../main/services/sandbox/server';
import { mountYccall } from '../../main/services/sandbox/yccall/yccall-sim';
import { systemClock } from '../../main/services/sandbox/sim-kit';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';

// The account form's consent to an unencrypted connection and its warning, and Settings →
// Network (the proxy for vendor calls), in both languages, in Chromium through the browser host.

const YCCALL = { appid: 'lan-app', accesskey: `yccall-${randomUUID()}` };
const PROXY_PASSWORD = `proxy-${randomUUID()}`;

let sim: SimulatorServer;
let host: Host;
let browser: Browser;
let page: Page;

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const note = (id: string) => page.textContent(`#${id}-note`);

async function setLanguage(locale: 'en' | 'zh-CN'): Promise<void> {
  await page.click('a[data-section="settings"]');
  await page.selectOption('#settings-language', locale);
  await page.waitForSelector(`html[lang="${locale}"]`);
}

beforeAll(async () => {
  sim = new SimulatorServer();
  mountYccall(sim, { strict: true, clock: systemClock, seed: 11, accounts: [YCCALL] });
  await sim.start();
  host = await startHost({ systemLocale: 'en-US' });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${host.url}#/accounts`);
  await page.waitForSelector('html[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await sim?.close();
});

describe('the account form and unencrypted connections', () => {
  it('asks for consent to http://, warns what crosses the network, and refuses public hosts', async () => {
    await page.click('text=Add account');
    await page.check('input[name="vendor"][value="yccall"]');
    await page.fill('#account-name', 'LAN PBX');
    await page.fill('#account-appid', YCCALL.appid);
    await page.fill('#account-secret', YCCALL.accesskey);
    await page.fill('#account-serverUrl', 'http://203.0.113.7:8080');
    expect(await note('account-serverUrl')).toBe(en['accounts.error.url.http-not-allowed']);
    expect(await page.isVisible('[data-testid="unencrypted-warning"]')).toBe(false);

    await page.check('#account-allowUnencrypted');
    const warning = await page.textContent('[data-testid="unencrypted-warning"]');
    expect(warning).toBe(en['accounts.unencrypted.warning.yccall']);
    expect(warning).toContain('access key');
    expect(warning).toContain('phone number');
    // Consent does not open a public host.
    expect(await note('account-serverUrl')).toBe(en['accounts.error.url.http-public-host']);
    await page.click('button[type="submit"]');
    expect(await page.isVisible('article.account-card')).toBe(false);

    await page.fill('#account-serverUrl', sim.url);
    expect(await note('account-serverUrl')).toBe(en['accounts.field.serverUrl.hint']);
    await page.screenshot({
      path: path.join(await screenshotDir(), 'account-unencrypted-en.png'),
      fullPage: true,
    });
    await page.click('button[type="submit"]');
    const card = page.locator('article.account-card', {
      has: page.locator('h2', { hasText: 'LAN PBX' }),
    });
    await card.waitFor();
    await card.locator('button', { hasText: 'Test connection' }).click();
    await expect
      .poll(() => card.locator('[data-testid="connection-check"]').textContent())
      .toMatch(/^Connected/);
  });

  it('shows the same warning in Chinese', async () => {
    await setLanguage('zh-CN');
    await page.click('a[data-section="accounts"]');
    await page.click(`text=${zhCN['accounts.add']}`);
    await page.check('input[name="vendor"][value="yccall"]');
    await page.fill('#account-serverUrl', 'http://10.0.0.5:8080');
    expect(await note('account-serverUrl')).toBe(zhCN['accounts.error.url.http-not-allowed']);
    await page.check('#account-allowUnencrypted');
    const warning = await page.textContent('[data-testid="unencrypted-warning"]');
    expect(warning).toBe(zhCN['accounts.unencrypted.warning.yccall']);
    expect(warning).toContain('访问密钥');
    await page.check('input[name="vendor"][value="itniotech"]');
    await page.fill('#account-baseUrl', 'http://10.0.0.5:8080');
    expect(await page.textContent('[data-testid="unencrypted-warning"]')).toBe(
      zhCN['accounts.unencrypted.warning.itniotech'],
    );
    await page.click(`button:has-text("${zhCN['accounts.form.cancel']}")`);
    await setLanguage('en');
  });
});

describe('Settings → Network', () => {
  it('sets a manual proxy; the password goes to the keychain, never to a file or the page', async () => {
    await page.click('a[data-section="settings"]');
    await page.waitForSelector('input[name="proxy-mode"][value="system"]:checked');
    expect(await page.isDisabled('#proxy-host')).toBe(true);
    await page.check('input[name="proxy-mode"][value="manual"]');
    await page.fill('#proxy-host', 'http://proxy.corp');
    await page.fill('#proxy-port', '99999');
    await page.click('button:has-text("Save network settings")');
    expect(await note('proxy-host')).toBe(en['settings.proxy.error.host']);
    expect(await note('proxy-port')).toBe(en['settings.proxy.error.port']);

    await page.fill('#proxy-host', 'proxy.corp.example');
    await page.fill('#proxy-port', '3128');
    await page.fill('#proxy-username', 'agent7');
    await page.fill('#proxy-password', PROXY_PASSWORD);
    await page.click('button:has-text("Save network settings")');
    await expect
      .poll(() => page.textContent('[data-testid="proxy-status"]'))
      .toBe(en['settings.proxy.saved']);
    expect(await page.textContent('[data-testid="proxy-password-stored"]')).toContain(
      en['settings.proxy.password.stored'],
    );

    const stored = await host.core.dispatch(
      'settings.proxy',
      {},
      {
        signal: new AbortController().signal,
      },
    );
    expect(stored).toEqual({
      ok: true,
      value: {
        mode: 'manual',
        manual: { host: 'proxy.corp.example', port: 3128, username: 'agent7' },
        passwordStored: true,
      },
    });
    await page.screenshot({
      path: path.join(await screenshotDir(), 'settings-network-en.png'),
      fullPage: true,
    });

    // After a reload the form shows the stored settings, and only that a password is stored.
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await page.click('a[data-section="settings"]');
    await page.waitForSelector('[data-testid="proxy-password-stored"]');
    expect(await page.inputValue('#proxy-host')).toBe('proxy.corp.example');
    expect(await page.content()).not.toContain(PROXY_PASSWORD);
    expect(host.transcript.join('\n')).not.toContain(PROXY_PASSWORD);
    const files = await filesUnder(host.dataFolder);
    for (const file of files)
      expect(await readFile(file, 'utf8'), file).not.toContain(PROXY_PASSWORD);
  });

  it('is in Chinese too', async () => {
    await setLanguage('zh-CN');
    expect(await page.textContent('#settings-network')).toBe(zhCN['settings.network']);
    expect(await page.textContent('label[for="proxy-host"]')).toBe(zhCN['settings.proxy.host']);
    expect(await page.textContent('[data-testid="proxy-password-stored"]')).toContain(
      zhCN['settings.proxy.password.stored'],
    );
    await page.check('input[name="proxy-mode"][value="system"]');
    await page.click(`button:has-text("${zhCN['settings.proxy.save']}")`);
    await expect
      .poll(() => page.textContent('[data-testid="proxy-status"]'))
      .toBe(zhCN['settings.proxy.saved']);
    await page.screenshot({
      path: path.join(await screenshotDir(), 'settings-network-zh-CN.png'),
      fullPage: true,
    });
    await setLanguage('en');
  });
});
