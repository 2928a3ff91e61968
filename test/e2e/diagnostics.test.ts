import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { JsonLinesLogger } from '../../main/services/logging/logger';
import { noSignal } from '../fakes/core';
import { InMemorySecretStore } from '../fakes/memory-secret-store';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';

const SECRET = 'Orchid.Pier.6021!';
const PROXY_PASSWORD = 'Basalt#Cove#88';

let host: Host;
let browser: Browser;
let page: Page;
let folder: string;
let logger: JsonLinesLogger;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-diagnostics-e2e-'));
  logger = await JsonLinesLogger.open(folder);
  host = await startHost({ dataFolder: folder, logger, secrets: new InMemorySecretStore() });
  await host.core.accounts.create({
    vendor: 'itniotech',
    name: 'Evening team',
    connection: {
      brand: 'itniotech',
      apiKey: 'evening-key-5',
      defaults: {},
      serverUtcOffsetMinutes: 480,
    },
    secret: SECRET,
  });
  const proxy = await host.core.dispatch(
    'settings.setProxy',
    {
      mode: 'manual',
      manual: { host: 'proxy.office', port: 3128, username: 'evening' },
      password: PROXY_PASSWORD,
    },
    noSignal,
  );
  expect(proxy.ok).toBe(true);
  // A line an older version could have written, with the secret in it.
  await logger.flush();
  await appendFile(
    path.join(folder, 'logs', 'main.log'),
    `${JSON.stringify({ level: 'error', message: `vendor refused ${SECRET}` })}\n`,
  );

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  // What the app's permission handler grants in Electron (clipboard-sanitized-write); reading is
  // granted here only so the test can look at what was copied.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(host.url).origin,
  });
  page = await context.newPage();
  await page.goto(host.url);
  await page.waitForSelector('html[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await logger?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('Copy diagnostics in About (Chromium through the browser host)', () => {
  it('copies the report to the clipboard, says so, and shows it read-only', async () => {
    await page.click('a[data-section="about"]');
    const button = page.locator('[data-testid="copy-diagnostics"]');
    expect(await button.textContent()).toBe(en['about.diagnostics.copy']);
    expect(await page.locator('[data-testid="diagnostics-text"]').count()).toBe(0);

    await button.click();
    const status = page.locator('[data-testid="diagnostics-status"]');
    await expect.poll(() => status.getAttribute('data-state')).toBe('copied');
    expect(await status.textContent()).toBe(en['about.diagnostics.copied']);

    const area = page.locator('[data-testid="diagnostics-text"]');
    const shown = await area.inputValue();
    expect(await area.getAttribute('readonly')).not.toBeNull();
    expect(shown).toContain('Campaign Desk diagnostics');
    expect(shown).toContain('- "Evening team"');
    expect(shown).toContain('Manual proxy: proxy.office:3128');
    expect(shown).toContain(`Node.js: ${process.versions.node}`);
    expect(shown).toContain('Check at start (PRAGMA quick_check):');
    expect(shown).toContain('vendor refused [secret]');
    const copied = await page.evaluate('navigator.clipboard.readText()');
    expect(copied).toBe(shown);

    // Nothing main sent to the page holds a secret, in any form; the report leaves out the API
    // key too (the account form shows it, the report does not need it).
    const sent = host.transcript.join('\n') + shown;
    for (const secret of [SECRET, PROXY_PASSWORD]) {
      expect(sent).not.toContain(secret);
      expect(sent).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect(shown).not.toContain('evening-key-5');
    await page.screenshot({ path: path.join(await screenshotDir(), 'about-diagnostics-en.png') });
  });

  it('says to copy by hand when the clipboard refuses, and keeps the text there', async () => {
    // As Electron answers when the permission is denied.
    await page.evaluate(`navigator.clipboard.writeText = () =>
      Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))`);
    await page.click('[data-testid="copy-diagnostics"]');
    const status = page.locator('[data-testid="diagnostics-status"]');
    await expect.poll(() => status.getAttribute('data-state')).toBe('copy-failed');
    expect(await page.locator('.diagnostics .form-failure').textContent()).toBe(
      en['about.diagnostics.copyFailed'],
    );
    expect(await page.locator('[data-testid="diagnostics-text"]').inputValue()).toContain(
      '- "Evening team"',
    );
  });

  it('is labelled in Chinese', async () => {
    await page.click('a[data-section="settings"]');
    await page.selectOption('#settings-language', 'zh-CN');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.click('a[data-section="about"]');
    expect(await page.textContent('#diagnostics-title')).toBe(zhCN['about.diagnostics.title']);
    expect(await page.textContent('[data-testid="copy-diagnostics"]')).toBe(
      zhCN['about.diagnostics.copy'],
    );
    await page.screenshot({
      path: path.join(await screenshotDir(), 'about-diagnostics-zh-CN.png'),
    });
  });
});
