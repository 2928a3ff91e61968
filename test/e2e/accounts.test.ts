import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorServer } from '../../main/services/sandbox/server';
import { mountItniotech } from '../../main/services/sandbox/itniotech/itniotech-sim';
import { mountYccall } from '../../main/services/sandbox/yccall/yccall-sim';
import { systemClock } from '../../main/services/sandbox/sim-kit';
import { startHost, type Host } from '../host/server';
import { InMemorySecretStore } from '../fakes/memory-secret-store';
import { launchChromium, screenshotDir } from './browser';

const ITNIO = { apiKey: 'e2eKey01', apiSecret: 'itnio-SECRET-7f3a9c' };
const YCCALL = { appid: 'e2e-app', accesskey: 'yccall-SECRET-4b8d21' };
const WRONG = 'wrong-SECRET-0000';
const SECRETS = [ITNIO.apiSecret, YCCALL.accesskey, WRONG];

let sim: SimulatorServer;
let host: Host;
let browser: Browser;
let page: Page;

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function fill(label: string, value: string): Promise<void> {
  await page.fill(`#account-${label}`, value);
}

async function card(name: string) {
  return page.locator('article.account-card', { has: page.locator('h2', { hasText: name }) });
}

beforeAll(async () => {
  sim = new SimulatorServer();
  mountItniotech(sim, { strict: true, clock: systemClock, seed: 7, accounts: [ITNIO] });
  mountYccall(sim, { strict: true, clock: systemClock, seed: 7, accounts: [YCCALL] });
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

describe('accounts in Chromium through the browser host', () => {
  it('adds an ITNIO account against the simulator and its connection test succeeds', async () => {
    await page.click('text=Add account');
    await page.check('input[name="vendor"][value="itniotech"]');
    await fill('name', 'Shenzhen BPO');
    await fill('apiKey', ITNIO.apiKey);
    await fill('secret', ITNIO.apiSecret);
    await fill('baseUrl', sim.url);
    // The simulator listens on http://127.0.0.1: an unencrypted connection the person allows.
    await page.check('#account-allowUnencrypted');
    await fill('countryCode', '86');
    await page.click('button[type="submit"]');
    const itnio = await card('Shenzhen BPO');
    await itnio.waitFor();
    await itnio.locator('button', { hasText: 'Test connection' }).click();
    await expect
      .poll(() => itnio.locator('[data-testid="connection-check"]').textContent())
      .toMatch(/^Connected/);
  });

  it('validates inline before anything is sent', async () => {
    await page.click('text=Add account');
    await page.check('input[name="vendor"][value="yccall"]');
    await fill('serverUrl', 'ftp://pbx.local');
    await page.click('button[type="submit"]');
    expect(await page.textContent('#account-serverUrl-note')).toContain('must start with https://');
    expect(await page.textContent('#account-name-note')).toContain('required');
    await page.click('button:has-text("Cancel")');
  });

  it('adds a Yccall account with a wrong access key; the test shows the vendor’s refusal in words', async () => {
    await page.click('text=Add account');
    await page.check('input[name="vendor"][value="yccall"]');
    await fill('name', 'Office PBX');
    await fill('serverUrl', sim.url);
    await page.check('#account-allowUnencrypted');
    await fill('appid', YCCALL.appid);
    await fill('secret', WRONG);
    await page.click('button[type="submit"]');
    const pbx = await card('Office PBX');
    await pbx.waitFor();
    await pbx.locator('button', { hasText: 'Test connection' }).click();
    await expect
      .poll(() => pbx.locator('[data-testid="connection-check"]').textContent())
      .toMatch(/^Failed/);
    const text = (await pbx.locator('[data-testid="connection-check"]').textContent()) ?? '';
    expect(text.length).toBeGreaterThan(30);
    expect(text).not.toMatch(/undefined|\[object/);
    await page.screenshot({
      path: path.join(await screenshotDir(), 'accounts-en.png'),
      fullPage: true,
    });
  });

  it('replaces the wrong secret through Edit (never shown), after which the test succeeds', async () => {
    const pbx = await card('Office PBX');
    await pbx.locator('button', { hasText: 'Edit' }).click();
    expect(await page.textContent('[data-testid="secret-stored"]')).toContain(
      'Stored in the keychain',
    );
    await page.click('[data-testid="secret-stored"] button');
    expect(await page.inputValue('#account-secret')).toBe('');
    await fill('secret', YCCALL.accesskey);
    await page.click('button[type="submit"]');
    await pbx.locator('button', { hasText: 'Test connection' }).click();
    await expect
      .poll(() => pbx.locator('[data-testid="connection-check"]').textContent())
      .toMatch(/^Connected/);
  });

  it('removes an account after a confirmation that says what happens', async () => {
    const pbx = await card('Office PBX');
    await pbx.locator('button', { hasText: 'Remove' }).click();
    expect(await page.textContent('dialog')).toContain('secret in the keychain');
    await page.click('dialog button.danger');
    await expect
      .poll(() => page.locator('article.account-card h2', { hasText: 'Office PBX' }).count())
      .toBe(0);
  });

  it('uses the demo accounts, labelled as demo, in both languages', async () => {
    await page.click('text=Try the demo');
    const demos = page.locator('article.account-card', { has: page.locator('.badge.demo') });
    await expect.poll(() => demos.count()).toBe(2);
    for (const index of [0, 1]) {
      const demo = demos.nth(index);
      await demo.locator('button', { hasText: 'Test connection' }).click();
      await expect
        .poll(() => demo.locator('[data-testid="connection-check"]').textContent())
        .toMatch(/^Connected/);
    }
    expect(await page.locator('#account-switcher option', { hasText: 'Demo' }).count()).toBe(2);
    await page.selectOption('#account-switcher', { label: 'Shenzhen BPO' });
    await expect.poll(() => host.core.accounts.activeAccountId()).not.toBeNull();
    await page.screenshot({
      path: path.join(await screenshotDir(), 'accounts-demo-en.png'),
      fullPage: true,
    });
    await page.click('a[data-section="settings"]');
    await page.selectOption('#settings-language', 'zh-CN');
    await page.click('a[data-section="accounts"]');
    await page.waitForSelector('text=演示账户');
    await page.screenshot({
      path: path.join(await screenshotDir(), 'accounts-zh-CN.png'),
      fullPage: true,
    });
  });

  it('never lets a secret leave main: not in IPC answers or events, files, logs, or the page', async () => {
    const haystacks: [string, string][] = [['IPC transcript', host.transcript.join('\n')]];
    for (const file of await filesUnder(host.dataFolder))
      haystacks.push([file, await readFile(file, 'utf8')]);
    haystacks.push(['DOM', await page.content()]);
    haystacks.push([
      'inputs',
      String(
        await page.evaluate(
          "JSON.stringify([...document.querySelectorAll('input')].map((i) => i.value))",
        ),
      ),
    ]);
    expect(host.transcript.length).toBeGreaterThan(10);
    for (const [where, text] of haystacks) {
      for (const secret of SECRETS)
        expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
    }
  });
});

describe('damaged settings and account entries in Chromium through the browser host', () => {
  /** Entries an older version (or a hand edit) left: the current rules refuse both. */
  const longName = {
    id: 'old-e2e-1',
    name: `Guangzhou outbound team ${'x'.repeat(90)}`,
    vendor: 'itniotech',
    demo: false,
    createdAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-01-02T03:04:05.000Z',
    lastCheck: null,
    connection: { brand: 'itniotech', apiKey: 'oldKey77', defaults: {} },
  };
  const unknownVendor = { ...longName, id: 'old-e2e-2', name: 'Fax line', vendor: 'faxco' };
  const secrets = new InMemorySecretStore();
  let damagedHost: Host;
  let damagedPage: Page;

  beforeAll(async () => {
    const dataFolder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-damaged-e2e-'));
    // The settings file was cut short; its backup (the last good copy) holds both entries.
    await writeFile(path.join(dataFolder, 'settings.json'), '{"schemaVersion":1,"accou');
    await writeFile(
      path.join(dataFolder, 'settings.backup.json'),
      JSON.stringify({ schemaVersion: 1, accounts: [longName, unknownVendor] }),
    );
    secrets.entries.set(longName.id, 'kept-secret');
    secrets.entries.set(unknownVendor.id, 'other-secret');
    damagedHost = await startHost({ dataFolder, secrets, systemLocale: 'en-US' });
    damagedPage = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await damagedPage.goto(`${damagedHost.url}#/accounts`);
    await damagedPage.waitForSelector('html[data-ready="true"]');
  });

  afterAll(async () => {
    await damagedPage?.context().close();
    await damagedHost?.close();
  });

  const damagedCards = () => damagedPage.locator('article.account-card.damaged');

  it('says once that the settings file was damaged and the last good copy was used', async () => {
    const notice = damagedPage.locator('[data-testid="settings-recovery"]');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('cut short or unreadable');
    expect(text).toContain('last good copy');
    expect(text).toMatch(/kept, unchanged, as settings\.damaged-[\dT-]+Z\.json/);
    await damagedPage.screenshot({
      path: path.join(await screenshotDir(), 'settings-recovered-en.png'),
      fullPage: true,
    });
    await notice.locator('button').click();
    await expect.poll(() => notice.count()).toBe(0);
    await damagedPage.reload();
    await damagedPage.waitForSelector('html[data-ready="true"]');
    await damagedCards().first().waitFor();
    expect(await notice.count()).toBe(0);
  });

  it('shows each damaged entry with what is wrong, in words, and repair and remove', async () => {
    await expect.poll(() => damagedCards().count()).toBe(2);
    const problems = await damagedCards()
      .locator('[data-testid="damaged-problems"]')
      .allTextContents();
    expect(problems).toEqual([
      'Account name: longer than 80 characters.',
      'Vendor: a vendor this version does not know.',
    ]);
    for (const label of ['Repair', 'Remove']) {
      expect(await damagedCards().first().locator('button', { hasText: label }).count()).toBe(1);
    }
    await damagedPage.screenshot({
      path: path.join(await screenshotDir(), 'accounts-damaged-en.png'),
      fullPage: true,
    });
  });

  it('repairs an entry in the form, prefilled as stored; the secret in the keychain is kept', async () => {
    await damagedCards().first().locator('button', { hasText: 'Repair' }).click();
    expect(await damagedPage.inputValue('#account-name')).toBe(longName.name);
    expect(await damagedPage.inputValue('#account-apiKey')).toBe('oldKey77');
    expect(await damagedPage.textContent('#account-name-note')).toContain('at most 80');
    await damagedPage.fill('#account-name', 'Guangzhou outbound team');
    await damagedPage.click('form.account-form button[type="submit"]');
    await damagedPage
      .locator('article.account-card:not(.damaged) h2', { hasText: 'Guangzhou outbound team' })
      .waitFor();
    await expect.poll(() => damagedCards().count()).toBe(1);
    expect(damagedHost.core.accounts.list().map((account) => account.id)).toEqual([longName.id]);
    expect(secrets.entries.get(longName.id)).toBe('kept-secret');
  });

  it('removes an entry after a confirmation; its keychain secret goes with it', async () => {
    await damagedCards().first().locator('button', { hasText: 'Remove' }).click();
    expect(await damagedPage.textContent('dialog')).toContain('deleted from the keychain');
    await damagedPage.click('dialog button.danger');
    await expect.poll(() => damagedCards().count()).toBe(0);
    expect(secrets.entries.has(unknownVendor.id)).toBe(false);
    expect(secrets.entries.get(longName.id)).toBe('kept-secret');
  });
});
