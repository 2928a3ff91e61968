import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../host/server';
import { launchChromium } from './browser';

// Keyboard and focus on the board at a laptop's 1366 × 768: focus returns to what opened a dialog
// or the detail, one click opens a task, and a skip link leads past the toolbar into the grid.

let host: Host;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHost({ systemLocale: 'en-US' });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${host.url}#/tasks`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.click('button:has-text("Try the demo")');
  await page.click('a[data-section="tasks"]');
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

/** The demo ITNIO account's board row of a task. */
async function taskRow(name: string): Promise<Locator> {
  const row = page
    .locator('.board-grid.grid-row')
    .filter({ hasText: name })
    .filter({ hasText: 'Demo · ITNIO TECH' })
    .first();
  await row.waitFor({ timeout: 60_000 });
  return row;
}

/** What has focus: its tag, id, classes, data-action and the row the grid names as active. */
function focused(): Promise<{
  tag: string;
  id: string;
  className: string;
  action: string | null;
  text: string;
  activeRowKey: string | null;
  activeRowSelected: string | null;
}> {
  // Runs in the page (the test's tsconfig has no DOM types, so the code travels as text).
  return page.evaluate(`(() => {
    const element = document.activeElement;
    const activeId = element.getAttribute('aria-activedescendant');
    const row = activeId ? document.getElementById(activeId) : null;
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      className: element.className,
      action: element.getAttribute('data-action'),
      text: element.textContent.trim(),
      activeRowKey: row ? row.getAttribute('data-row-key') : null,
      activeRowSelected: row ? row.getAttribute('aria-selected') : null,
    };
  })()`);
}

describe('focus and keyboard on the board', () => {
  it('makes a skip link the first Tab stop, and it lands in the task grid', async () => {
    // A fresh load, so Tab starts from the top of the window.
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await taskRow('Spring promotion');
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first.tag).toBe('a');
    expect(first.text).toBe('Skip to the task table');
    await page.keyboard.press('Enter');
    const landed = await focused();
    expect(landed.id).toBe('task-grid');
    expect(await page.locator('#task-grid').getAttribute('role')).toBe('grid');
    // From the grid the arrow keys move through the tasks at once.
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused()).activeRowSelected).toBe('true');
  });

  it('opens a task with one click; Escape closes it and focus is back on its row', async () => {
    const row = await taskRow('Spring promotion');
    const key = await row.getAttribute('data-row-key');
    await row.click();
    const detail = page.getByTestId('task-detail');
    await detail.locator('.task-actions button').first().waitFor();
    // Focus inside the panel, as after working in it.
    await detail.getByRole('button', { name: 'Close', exact: true }).focus();
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    const after = await focused();
    expect(after.id).toBe('task-grid');
    expect(after.activeRowKey).toBe(key);
    expect(after.activeRowSelected).toBe('true');
    expect(await page.getByTestId('open-hint').innerText()).toContain('Click a task to open it');
  });

  it('returns focus to the button that opened a dialog when Escape closes it', async () => {
    const row = await taskRow('Spring promotion');
    await row.click();
    const detail = page.getByTestId('task-detail');
    const opener = detail.locator('.task-actions button[data-action]').first();
    await opener.waitFor();
    const action = await opener.getAttribute('data-action');
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused()).action).toBe(action);
    // Escape closed the dialog only; the detail stays open.
    expect(await detail.isVisible()).toBe(true);
  });

  it('puts focus on the page heading after a delete removed the button that asked for it', async () => {
    await page.click('a[data-section="accounts"]');
    const cards = page.locator('article:has(button.danger-outline)');
    await cards.first().waitFor();
    const before = await cards.count();
    await cards.first().locator('button.danger-outline').focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Remove account', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => cards.count()).toBe(before - 1);
    await expect.poll(async () => (await focused()).tag).toBe('h1');
  });

  it('opens each section at its top, not where the last one was scrolled to', async () => {
    // A short window, so both sections are taller than it.
    await page.setViewportSize({ width: 1366, height: 300 });
    const content = page.locator('main.content');
    const scrollTop = () =>
      content.evaluate((element) => (element as unknown as { scrollTop: number }).scrollTop);
    try {
      await page.click('a[data-section="settings"]');
      await page.waitForSelector('main.content[data-section="settings"]');
      await content.evaluate((element) => {
        const scrolled = element as unknown as { scrollTop: number; scrollHeight: number };
        scrolled.scrollTop = scrolled.scrollHeight;
      });
      await expect.poll(scrollTop).toBeGreaterThan(100);
      await page.click('a[data-section="about"]');
      await page.waitForSelector('main.content[data-section="about"]');
      const overflow = () =>
        content.evaluate((element) => {
          const box = element as unknown as { scrollHeight: number; clientHeight: number };
          return box.scrollHeight - box.clientHeight;
        });
      // About could keep a scroll position (it is taller than the window)...
      await expect.poll(overflow).toBeGreaterThan(100);
      // ...yet it opens at its top.
      await expect.poll(scrollTop).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('names the skip link in Chinese', async () => {
    await page.click('a[data-section="tasks"]');
    const ok = await page.evaluate(
      `window.api.invoke('settings.update', { patch: { language: 'zh-CN' } }).then((r) => r.ok)`,
    );
    expect(ok).toBe(true);
    await page.waitForSelector('html[lang="zh-CN"]');
    expect(await page.locator('a.skip-link').textContent()).toBe('跳到任务表格');
  });
});
