import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';

let host: Host;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHost({ systemLocale: 'en-US' });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${host.url}#/tasks`);
  await page.waitForSelector('html[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

/** Sum of the "Called" column over the rows on screen. */
async function calledOnScreen(): Promise<number> {
  const cells = await page.locator('[data-field="called"]').allTextContents();
  return cells.reduce((sum, text) => sum + (Number(text.replace(/[^\d]/g, '')) || 0), 0);
}

describe('the live task board in Chromium through the browser host', () => {
  it('shows the demo accounts’ tasks from both vendors, polled by main', async () => {
    await page.click('button:has-text("Try the demo")');
    await page.click('a[data-section="tasks"]');
    await expect
      .poll(() => page.locator('.board-grid.grid-row').count(), { timeout: 60_000 })
      .toBeGreaterThan(3);
    const kinds = await page.locator('.task-name small').allTextContents();
    expect(kinds.some((text) => text.includes('Demo · ITNIO TECH'))).toBe(true);
    expect(kinds.some((text) => text.includes('Demo · Yccall server'))).toBe(true);
    // The vendor's own status is kept beside the mapped one.
    expect(await page.locator('.chip').first().getAttribute('title')).toMatch(
      /^Vendor status: .+ \(.+\)$/,
    );
  });

  it('updates counters without a reload', async () => {
    const before = await calledOnScreen();
    await expect.poll(calledOnScreen, { timeout: 60_000, interval: 1_000 }).toBeGreaterThan(before);
    await page.screenshot({ path: path.join(await screenshotDir(), 'board-en.png') });
  });
});
