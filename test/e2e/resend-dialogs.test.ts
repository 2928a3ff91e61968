import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';

// Resend dialogs that are refused keep what the manager typed: the dialog stays open with the
// refusal, and sending again after a correction works.

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
function taskRow(name: string): Locator {
  return page
    .locator('.board-grid.grid-row')
    .filter({ hasText: name })
    .filter({ hasText: 'Demo · ITNIO TECH' })
    .first();
}

async function openDetail(name: string): Promise<Locator> {
  const row = taskRow(name);
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.locator('.board-viewport').press('Enter');
  const detail = page.getByTestId('task-detail');
  await detail.locator('.task-actions button').first().waitFor();
  return detail;
}

describe('resend dialogs after a refusal', () => {
  it('keeps the detail’s resend dialog open with the refusal and every field as typed', async () => {
    // A seeded call-center task that calls agents: the app did not submit it, so the calls per
    // agent are not known, and the vendor refuses a resend without them (itniotech.md §4.3).
    const detail = await openDetail('Agent callbacks (done)');
    await detail.locator('button[data-action="resend"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await dialog.locator('#resend-scope').selectOption('all');
    await dialog.locator('#resend-name').fill('Agent callbacks, second round');
    await dialog.getByRole('button', { name: 'Resend', exact: true }).click();

    const refused = dialog.getByTestId('action-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/^Not done: Enter the calls per agent/);
    expect(await dialog.locator('#resend-scope').inputValue()).toBe('all');
    expect(await dialog.locator('#resend-name').inputValue()).toBe('Agent callbacks, second round');
    await page.screenshot({ path: path.join(await screenshotDir(), 'resend-refused.png') });

    // Corrected, the same dialog sends.
    await dialog.locator('#resend-rate').fill('3');
    await dialog.getByRole('button', { name: 'Resend', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await detail.getByTestId('action-result').innerText()).toMatch(
      /^Resend started\. The new task appears on the board\. The vendor now reports: /,
    );
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await taskRow('Agent callbacks, second round').waitFor({ timeout: 30_000 });
  });

  it('keeps the composer open with why nothing was created and every field as typed', async () => {
    const detail = await openDetail('Agent callbacks (done)');
    await detail.getByTestId('select-for-resend').click();
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByTestId('open-resend-composer').click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByTestId('resend-composer').waitFor();
    // The tasks' own account and kind are chosen for the draft.
    await expect.poll(() => dialog.locator('#compose-kind').inputValue()).toBe('cc-preview');
    await dialog.locator('input[data-outcome="no-answer"]').uncheck();
    await dialog.locator('#compose-name').fill('Callbacks from the composer');
    await dialog.getByRole('button', { name: 'Create draft', exact: true }).click();

    // Its masked numbers cannot be filled in: the app did not submit this task.
    const failure = dialog.locator('.form-failure');
    await failure.waitFor();
    expect(await failure.innerText()).toMatch(
      /^The resend draft could not be created: 0 numbers to send: \d+ are partly hidden by the vendor and come from tasks this app did not submit/,
    );
    expect(await dialog.locator('#compose-name').inputValue()).toBe('Callbacks from the composer');
    expect(await dialog.locator('input[data-outcome="failed"]').isChecked()).toBe(true);
    expect(await dialog.locator('input[data-outcome="no-answer"]').isChecked()).toBe(false);
    // Nothing was created.
    const lists = await page.evaluate(`window.api.invoke('lists.list', {})`);
    expect(lists).toMatchObject({ ok: true, value: { lists: [] } });
    const drafts = await page.evaluate(`window.api.invoke('drafts.list', {})`);
    expect(drafts).toMatchObject({ ok: true, value: { drafts: [] } });
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
