import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// The release smoke journey, as a manager takes it from a fresh data folder: the demo accounts,
// a list imported from a file, a campaign sent to the demo Yccall server (the strict simulator
// inside the app), the task on the board, running. The same steps drive the packaged Electron
// app (test/electron-smoke/smoke.test.ts, on machines with an Electron binary) and the built
// renderer in Chromium through the browser host (test/e2e/release-journey.test.ts, in npm test),
// so the script the release depends on is proven on every run. Every step waits for a state.

/** What differs between Electron and the browser host: how a file is picked. */
export interface JourneyDriver {
  readonly page: Page;
  /** Answers the next "open file" dialog with `file`, as a person picking it would. */
  answerNextOpenDialog(file: string): Promise<void>;
}

/** The list the journey imports. */
export const SMOKE_LIST = { fileName: 'smoke-list.csv', numbers: 25 } as const;

/** The campaign the journey sends. */
export const SMOKE_CAMPAIGN = 'Release smoke test';

/** The demo Yccall account's name (AccountsService.addDemo). */
const DEMO_YCCALL = 'Demo · Yccall server';

/** The i-th number of the list: a Chinese mobile in national form. */
export function smokeNumber(i: number): string {
  return `139${String(i).padStart(8, '0')}`;
}

/** Writes the list the journey imports into `folder`; returns its path. */
export async function writeSmokeList(folder: string): Promise<string> {
  const file = path.join(folder, SMOKE_LIST.fileName);
  const rows = Array.from(
    { length: SMOKE_LIST.numbers },
    (_, i) => `${smokeNumber(i)},Customer ${i}`,
  );
  await writeFile(file, `Mobile,Name\n${rows.join('\n')}\n`);
  return file;
}

/** The UI in English whatever the machine's language, so the steps can read it. */
async function useEnglish(page: Page): Promise<void> {
  // Runs in the page as the renderer would (the test's tsconfig has no DOM types).
  const ok = await page.evaluate(
    `window.api.invoke('settings.update', { patch: { language: 'en' } }).then((r) => r.ok)`,
  );
  expect(ok).toBe(true);
  await page.waitForSelector('html[lang="en"]');
}

async function openSection(page: Page, section: string): Promise<void> {
  await page.click(`a[data-section="${section}"]`);
  await page.waitForSelector(`main.content[data-section="${section}"]`);
}

/** Launch is done: the shell is ready. Adds the demo accounts. */
async function addDemoAccounts(page: Page): Promise<void> {
  await openSection(page, 'accounts');
  await page.click('button:has-text("Try the demo")');
  await page.locator(`article.account-card[aria-label="${DEMO_YCCALL}"]`).waitFor();
}

async function importList(driver: JourneyDriver, file: string): Promise<void> {
  const { page } = driver;
  await openSection(page, 'lists');
  await page.click('button:has-text("Import a list")');
  await driver.answerNextOpenDialog(file);
  await page.click('button:has-text("Choose file…")');
  await page.waitForSelector('[data-testid="picked-file"]');
  await page.waitForSelector('table.preview');
  await page.selectOption('select[data-column="0"]', 'phone');
  await page.selectOption('select[data-column="1"]', 'name');
  await page.selectOption('#import-country', 'CN');
  await page.selectOption('#import-rule', 'yccall');
  await page.click('.import-panel button.primary:has-text("Import")');
  const counts = page.getByTestId('list-counts');
  await counts.waitFor();
  expect(await counts.innerText()).toContain(`Valid ${SMOKE_LIST.numbers}`);
}

async function sendCampaign(page: Page): Promise<void> {
  await openSection(page, 'drafts');
  await page.click('button:has-text("New draft")');
  await page.selectOption('#new-draft-account', { label: DEMO_YCCALL });
  await page.selectOption('#new-draft-kind', { label: 'Predictive task' });
  await page.selectOption('#new-draft-list', {
    label: `${SMOKE_LIST.fileName} (${SMOKE_LIST.numbers} numbers)`,
  });
  await page.click('button:has-text("Create draft")');
  await page.waitForSelector('#draft-name');
  await page.fill('#draft-name', SMOKE_CAMPAIGN);
  await page.selectOption('#draft-setting-assignType', 'queue');
  await page.fill('#draft-setting-assignAgent', 'queue-1');
  await page.fill('#draft-setting-callsPerAgent', '2');
  await page.waitForSelector('[data-testid="no-problems"]');
  await page.click('button:has-text("Review before sending")');
  await page.getByTestId('dialled').waitFor();
  await confirmSendAndOpenOutbox(page);
  // Created only when a read-back of the task at the server shows every number.
  const row = page.locator(`tr[data-submission="${SMOKE_CAMPAIGN}"]`);
  await expect.poll(() => row.getAttribute('data-state')).toBe('done');
  expect(await row.locator('[data-held]').getAttribute('data-held')).toBe(
    String(SMOKE_LIST.numbers),
  );
}

/**
 * "Send to the vendor" in the open draft (English UI): the review is made, one confirmation
 * says what will happen, "Send now" queues it, and the queued notice opens the outbox entry.
 */
export async function confirmSendAndOpenOutbox(page: Page): Promise<void> {
  await page.click('button:has-text("Send to the vendor")');
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  await page.getByTestId('send-confirmation').waitFor();
  await dialog.locator('button:has-text("Send now")').click();
  const queued = page.getByTestId('queued');
  await queued.waitFor();
  await queued.locator('button:has-text("Open in the outbox")').click();
}

/** The board shows the task, and its state changes to what the server reports: running. */
async function seeTheBoardUpdate(page: Page): Promise<void> {
  await openSection(page, 'tasks');
  const row = page.locator('.board-grid.grid-row').filter({ hasText: SMOKE_CAMPAIGN }).first();
  await row.waitFor();
  await expect.poll(() => row.innerText()).toContain('Running');
}

/** Runs the whole journey on a freshly started app with an empty data folder. */
export async function runReleaseJourney(driver: JourneyDriver, listFile: string): Promise<void> {
  await driver.page.waitForSelector('html[data-ready="true"]');
  await useEnglish(driver.page);
  await addDemoAccounts(driver.page);
  await importList(driver, listFile);
  await sendCampaign(driver.page);
  await seeTheBoardUpdate(driver.page);
}
