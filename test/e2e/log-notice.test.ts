import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { JsonLinesLogger } from '../../main/services/logging/logger';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';
import { InMemorySecretStore } from '../fakes/memory-secret-store';

let host: Host;
let browser: Browser;
let page: Page;
let folder: string;
let logger: JsonLinesLogger;
const stderr: string[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-log-notice-'));
  // A small cap, so a few lines make the logger rotate: a file operation after start-up.
  logger = await JsonLinesLogger.open(folder, {
    maxBytes: 1_024,
    fallback: (line) => stderr.push(line),
  });
  host = await startHost({ dataFolder: folder, logger, secrets: new InMemorySecretStore() });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(host.url);
  await page.waitForSelector('html[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await logger?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the log notice in Chromium through the browser host', () => {
  it('appears in the open window when the log file fails, and goes when dismissed', async () => {
    expect(await page.locator('[data-testid="log-notice"]').count()).toBe(0);

    // The logs folder disappears under the running app (whoever runs the test, root included):
    // the next rotation cannot rename the file.
    await rm(path.join(folder, 'logs'), { recursive: true, force: true });
    await writeFile(path.join(folder, 'logs'), 'not a folder any more');
    for (let i = 0; i < 40; i += 1) logger.info('a vendor request', { i });
    await logger.flush();

    const notice = page.locator('[data-testid="log-notice"]');
    await notice.waitFor();
    expect(await notice.getAttribute('data-reason')).toBe('other');
    const text = await notice.textContent();
    expect(text).toContain(en['log.notice.title']);
    expect(text).toContain(en['log.notice.reason.other']);
    expect(stderr.join('')).toContain('"i":39');
    await page.screenshot({ path: path.join(await screenshotDir(), 'log-notice-en.png') });

    // A window opened (or reloaded) later shows it too, in the person's language.
    await page.click('a[data-section="settings"]');
    await page.selectOption('#settings-language', 'zh-CN');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(zhCN['log.notice.title']);

    await notice.getByRole('button', { name: zhCN['log.notice.dismiss'] }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    expect(
      await host.core.dispatch('app.logNotice', {}, { signal: new AbortController().signal }),
    ).toEqual({
      ok: true,
      value: { notice: null },
    });
    expect(await notice.count()).toBe(0);
    // The app kept working throughout: main still answers.
    expect(host.core.settings.get().language).toBe('zh-CN');
  });
});
