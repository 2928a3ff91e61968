import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';
import { CATALOGUES, prepareWorld, SCREENS, SENT_CAMPAIGN, useLook } from './screens';

// Layouts that fit a laptop: at 1280 × 720 and 1366 × 768 no screen scrolls sideways (neither
// the window nor the section beside the sidebar), also with focus in the board's grid and with a
// task's detail open; the detail sits beside the grid's visible columns, never over them, and
// its own buttons are whole. Then the board's rough edges: an empty search, "Open on the board",
// and one account choice for the sidebar and the board.

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
] as const;

let host: Host;
let browser: Browser;

beforeAll(async () => {
  host = await startHost({ systemLocale: 'en-US' });
  await prepareWorld(host);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

async function openPage(size: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  await page.goto(host.url);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}

interface Overflow {
  readonly window: { readonly scroll: number; readonly client: number };
  readonly section: { readonly scroll: number; readonly client: number; readonly left: number };
}

/** How wide the window's and the section's content is, against what they show. */
function overflow(page: Page): Promise<Overflow> {
  // Runs in the page (the test's tsconfig has no DOM types, so the code travels as text).
  return page.evaluate(`(() => {
    const root = document.scrollingElement;
    const main = document.querySelector('main.content');
    return {
      window: { scroll: root.scrollWidth, client: root.clientWidth },
      section: { scroll: main.scrollWidth, client: main.clientWidth, left: main.scrollLeft },
    };
  })()`);
}

function expectNoSidewaysScroll(found: Overflow, where: string): void {
  expect(found.window.scroll, `${where}: the window scrolls sideways`).toBeLessThanOrEqual(
    found.window.client,
  );
  expect(found.section.scroll, `${where}: the section scrolls sideways`).toBeLessThanOrEqual(
    found.section.client,
  );
  expect(found.section.left, `${where}: the section was shifted`).toBe(0);
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return found;
}

/** Opens the sent campaign's detail on the board. */
async function openDetail(page: Page): Promise<void> {
  await SCREENS.find((screen) => screen.name === 'task-detail')?.open(page, CATALOGUES.en);
}

/** The detail is right of every visible column of the grid, and its buttons are inside it. */
async function expectDetailBeside(page: Page, where: string): Promise<void> {
  const detail = await box(page, '[data-testid="task-detail"]');
  const grid = await box(page, '#task-grid');
  const headers = await page.locator('#task-grid [role="columnheader"]').all();
  expect(headers.length, `${where}: no columns left`).toBeGreaterThanOrEqual(2);
  for (const header of headers) {
    const cell = await header.boundingBox();
    if (!cell) throw new Error('a column header is not on screen');
    expect(cell.x + cell.width, `${where}: a column is under the detail`).toBeLessThanOrEqual(
      detail.x,
    );
  }
  expect(grid.x + grid.width, `${where}: the grid is under the detail`).toBeLessThanOrEqual(
    detail.x,
  );
  const size = page.viewportSize();
  expect(detail.x + detail.width, `${where}: the detail leaves the window`).toBeLessThanOrEqual(
    size?.width ?? 0,
  );
  // Its own buttons (the actions, "Export numbers to Excel") are whole inside the panel.
  const buttons = await page.locator('[data-testid="task-detail"] button').all();
  expect(buttons.length).toBeGreaterThan(0);
  for (const button of buttons) {
    if (!(await button.isVisible())) continue;
    const b = await button.boundingBox();
    if (!b) continue;
    const name = (await button.textContent()) ?? '';
    expect(b.x, `${where}: "${name}" is cut on the left`).toBeGreaterThanOrEqual(detail.x);
    expect(b.x + b.width, `${where}: "${name}" is cut on the right`).toBeLessThanOrEqual(
      detail.x + detail.width + 0.5,
    );
  }
}

describe('layouts that fit', () => {
  for (const size of SIZES) {
    it(`shows every screen without sideways scrolling at ${size.width} × ${size.height}`, async () => {
      const page = await openPage(size);
      try {
        for (const locale of ['en', 'zh-CN'] as const) {
          await useLook(page, { locale, theme: 'light' });
          for (const screen of SCREENS) {
            await screen.open(page, CATALOGUES[locale]);
            expectNoSidewaysScroll(await overflow(page), `${screen.name} (${locale})`);
          }
        }
        await useLook(page, { locale: 'en', theme: 'light' });
      } finally {
        await page.close();
      }
    });

    it(`keeps the page still when Tab goes into the grid, and the detail beside the grid, at ${size.width} × ${size.height}`, async () => {
      const page = await openPage(size);
      try {
        await SCREENS[0]?.open(page, CATALOGUES.en);
        // From the top of the window: the skip link, then into the grid.
        await page.reload();
        await page.waitForSelector('html[data-ready="true"]');
        await page.locator('.board-grid.grid-row').first().waitFor();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('task-grid');
        await page.keyboard.press('ArrowDown');
        expectNoSidewaysScroll(await overflow(page), 'focus in the grid');
        // Tab through the grid's header and on: the page never moves sideways.
        for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
        expectNoSidewaysScroll(await overflow(page), 'tabbing on from the grid');

        await openDetail(page);
        expectNoSidewaysScroll(await overflow(page), 'detail open');
        await expectDetailBeside(page, `detail at ${size.width}`);
        await page.screenshot({
          path: path.join(await screenshotDir(), `layout-detail-${size.width}.png`),
        });
      } finally {
        await page.close();
      }
    });
  }

  it('resizes the detail by keyboard: the grid re-chooses its columns, and the width is kept', async () => {
    const page = await openPage({ width: 1366, height: 768 });
    try {
      await openDetail(page);
      const handle = page.getByTestId('detail-resize');
      const before = (await box(page, '[data-testid="task-detail"]')).width;
      const columnsBefore = await page.locator('#task-grid [role="columnheader"]').count();
      await handle.focus();
      // Home: as wide as the grid's name and status columns allow.
      await page.keyboard.press('Home');
      await expect
        .poll(async () => (await box(page, '[data-testid="task-detail"]')).width)
        .toBeGreaterThan(before + 100);
      const widest = (await box(page, '[data-testid="task-detail"]')).width;
      expect(await page.locator('#task-grid [role="columnheader"]').count()).toBeLessThan(
        columnsBefore,
      );
      expect(await page.getByTestId('hidden-columns').textContent()).toContain('Success');
      await expectDetailBeside(page, 'widest detail');
      expectNoSidewaysScroll(await overflow(page), 'widest detail');
      // Narrower again by the arrow keys.
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(async () => (await box(page, '[data-testid="task-detail"]')).width)
        .toBeLessThan(widest);
      const kept = Number(await handle.getAttribute('aria-valuenow'));
      const keptBox = Math.round((await box(page, '[data-testid="task-detail"]')).width);
      // Remembered by main: a reload opens the detail at the same width.
      await expect
        .poll(async () => {
          const answer = await host.core.dispatch(
            'tasks.preferences',
            {},
            { signal: new AbortController().signal },
          );
          return answer.ok ? (answer.value as { detailWidth?: number }).detailWidth : undefined;
        })
        .toBe(kept);
      await page.reload();
      await page.waitForSelector('html[data-ready="true"]');
      await openDetail(page);
      await expect
        .poll(async () => Math.round((await box(page, '[data-testid="task-detail"]')).width))
        .toBe(keptBox);
      expect(Number(await page.getByTestId('detail-resize').getAttribute('aria-valuenow'))).toBe(
        kept,
      );
    } finally {
      await page.close();
    }
  });
});

describe('the board at 1366 × 768, for people to look at', () => {
  it('shows the strip, the grid and the detail side by side in both languages and themes', async () => {
    const page = await openPage({ width: 1366, height: 768 });
    try {
      const dir = await screenshotDir();
      for (const locale of ['en', 'zh-CN'] as const) {
        for (const theme of ['light', 'dark'] as const) {
          await useLook(page, { locale, theme });
          await SCREENS.find((screen) => screen.name === 'task-detail')?.open(
            page,
            CATALOGUES[locale],
          );
          expectNoSidewaysScroll(await overflow(page), `detail (${locale}, ${theme})`);
          await expectDetailBeside(page, `detail (${locale}, ${theme})`);
          // The hidden columns are listed the way the language lists things ("账户、类型").
          expect(await page.getByTestId('hidden-columns').textContent()).toContain(
            `${CATALOGUES[locale]['tasks.col.account']}${CATALOGUES[locale]['board.columns.separator']}`,
          );
          await page.screenshot({
            path: path.join(dir, `layout-board-detail-1366-${locale}-${theme}.png`),
          });
        }
      }
      await useLook(page, { locale: 'en', theme: 'light' });
    } finally {
      await page.close();
    }
  });
});

describe('the board’s rough edges', () => {
  it('says when a search finds no task, and the way back clears it', async () => {
    const page = await openPage({ width: 1366, height: 768 });
    try {
      await SCREENS[0]?.open(page, CATALOGUES.en);
      await page.fill('input[type="search"]', 'zzqx nothing like it');
      const empty = page.getByTestId('no-match');
      await empty.waitFor();
      expect(await empty.locator('h2').textContent()).toBe(
        'No task matches “zzqx nothing like it”',
      );
      expect(await page.locator('#task-grid').count()).toBe(0);
      await empty.getByRole('button', { name: 'Clear search', exact: true }).click();
      await page.locator('.board-grid.grid-row').first().waitFor();
      expect(await page.inputValue('input[type="search"]')).toBe('');
    } finally {
      await page.close();
    }
  });

  it('opens the sent task’s detail from the outbox’s "Open on the board"', async () => {
    const page = await openPage({ width: 1366, height: 768 });
    try {
      await SCREENS.find((screen) => screen.name === 'outbox')?.open(page, CATALOGUES.en);
      await page
        .locator(`tr[data-submission="${SENT_CAMPAIGN}"]`)
        .getByRole('button', { name: 'Open on the board', exact: true })
        .click();
      await page.waitForSelector('main.content[data-section="tasks"]');
      const detail = page.getByTestId('task-detail');
      await detail.waitFor();
      expect(await detail.locator('h2').textContent()).toBe(SENT_CAMPAIGN);
      // Its row is the selected one on the grid.
      expect(
        await page.locator('.grid-row.selected').filter({ hasText: SENT_CAMPAIGN }).count(),
      ).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('has one account choice: the sidebar’s switcher and the board’s filter follow each other', async () => {
    const page = await openPage({ width: 1366, height: 768 });
    try {
      await SCREENS[0]?.open(page, CATALOGUES.en);
      const board = page.getByTestId('board-account');
      const sidebar = page.locator('#account-switcher');
      const yccall = await sidebar
        .locator('option')
        .filter({ hasText: 'Yccall' })
        .getAttribute('value');
      if (!yccall) throw new Error('no Yccall account in the switcher');
      await sidebar.selectOption(yccall);
      await expect.poll(() => board.inputValue()).toBe(yccall);
      // Only that account's tasks are on the grid.
      await expect
        .poll(async () =>
          (await page.locator('.board-grid.grid-row').allInnerTexts()).every((text) =>
            text.includes('Yccall'),
          ),
        )
        .toBe(true);
      await board.selectOption('');
      await expect.poll(() => sidebar.inputValue()).toBe('');
      await expect
        .poll(async () =>
          (await page.locator('.board-grid.grid-row').allInnerTexts()).some((text) =>
            text.includes('ITNIO'),
          ),
        )
        .toBe(true);
    } finally {
      await page.close();
    }
  });
});
