import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { SECTIONS, SECTION_LABEL } from '../../renderer/app/routes';
import { startHost, type Host } from '../host/server';
import { repoRoot } from '../host/runtime';
import { launchChromium, screenshotDir } from './browser';

const catalogues = { en, 'zh-CN': zhCN } as const;
const SECTION_TITLE = {
  tasks: 'tasks.title',
  drafts: 'drafts.title',
  lists: 'lists.title',
  compliance: 'compliance.title',
  accounts: 'accounts.title',
  settings: 'settings.title',
  about: 'about.title',
} as const;

let host: Host;
let browser: Browser;
let page: Page;
const problems: string[] = [];

async function waitForShell(target: Page): Promise<void> {
  await target.waitForSelector('html[data-ready="true"]');
}

beforeAll(async () => {
  host = await startHost({ systemLocale: 'en-US' });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(host.url);
  await waitForShell(page);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the application shell in Chromium through the browser host', () => {
  it('visits every section in English and in Simplified Chinese', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      await page.click('a[data-section="settings"]');
      await page.selectOption('#settings-language', locale);
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(locale);
      const t = catalogues[locale];
      for (const section of SECTIONS) {
        await page.click(`a[data-section="${section}"]`);
        await page.waitForSelector(`main[data-section="${section}"]`);
        expect(await page.textContent('main h1')).toBe(t[SECTION_TITLE[section]]);
        expect(await page.textContent(`a[data-section="${section}"]`)).toBe(
          t[SECTION_LABEL[section]],
        );
        expect(await page.getAttribute(`a[data-section="${section}"]`, 'aria-current')).toBe(
          'page',
        );
      }
      // The empty states say what will be there and what to do first.
      await page.click('a[data-section="tasks"]');
      expect(await page.textContent('.empty-state')).toContain(t['tasks.empty.next']);
    }
    // The choice was stored by main: a reload comes back in Chinese.
    await page.reload();
    await waitForShell(page);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(host.core.settings.get().language).toBe('zh-CN');
  });

  it('shows real versions in About', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
      devDependencies: Record<string, string>;
    };
    await page.click('a[data-section="about"]');
    const fact = (name: string) => page.textContent(`[data-fact="${name}"]`);
    expect(await fact('version')).toBe(pkg.version);
    expect(await fact('node')).toBe(process.versions.node);
    expect(await fact('v8')).toBe(process.versions.v8);
    await expect.poll(() => fact('chrome')).toBe(browser.version());
    expect(await fact('electron')).toContain(pkg.devDependencies['electron']);
    expect(await fact('dataFolder')).toBe(host.dataFolder);
  });

  it('follows the OS theme and a fixed choice, and saves screenshots of both', async () => {
    const dir = await screenshotDir();
    await page.click('a[data-section="settings"]');
    await page.selectOption('#settings-language', 'en');
    await page.selectOption('#settings-theme', 'system');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe('light');

    for (const theme of ['light', 'dark'] as const) {
      await page.click('a[data-section="settings"]');
      await page.selectOption('#settings-theme', theme);
      await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe(theme);
      for (const locale of ['en', 'zh-CN'] as const) {
        await page.click('a[data-section="settings"]');
        await page.selectOption('#settings-language', locale);
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe(locale);
        for (const section of ['tasks', 'about'] as const) {
          await page.click(`a[data-section="${section}"]`);
          await page.waitForSelector(`main[data-section="${section}"]`);
          await page.screenshot({
            path: path.join(dir, `shell-${section}-${theme}-${locale}.png`),
          });
        }
      }
    }
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe('rgb(21, 24, 28)');
  });

  it('ran without page errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
