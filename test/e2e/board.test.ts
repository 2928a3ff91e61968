import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
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
  const cells = await page.locator('.grid-row [data-field="called"]').allTextContents();
  return cells.reduce((sum, text) => sum + (Number(text.replace(/[^\d]/g, '')) || 0), 0);
}

/** The board row of a task by its name and vendor account. */
function taskRow(name: string, account: 'ITNIO TECH' | 'Yccall server'): Locator {
  return page
    .locator('.board-grid.grid-row')
    .filter({ hasText: name })
    .filter({ hasText: `Demo · ${account}` })
    .first();
}

/** Opens a task's detail with the keyboard: click selects, Enter opens. */
async function openDetail(row: Locator): Promise<Locator> {
  await row.click();
  await page.locator('.board-viewport').press('Enter');
  const detail = page.getByTestId('task-detail');
  await detail.waitFor();
  await detail.locator('.task-actions').waitFor();
  return detail;
}

async function closeDetail(): Promise<void> {
  await page.getByTestId('task-detail').getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByTestId('task-detail').waitFor({ state: 'detached' });
}

/** Runs an action from the detail through its confirmation dialog; returns the result text. */
async function act(action: string, confirm: string): Promise<string> {
  const detail = page.getByTestId('task-detail');
  await detail.locator(`button[data-action="${action}"]`).click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  const result = detail.getByTestId('action-result');
  const refused = detail.getByTestId('action-refused');
  await result.or(refused).waitFor();
  if (await refused.isVisible()) throw new Error(await refused.innerText());
  return result.innerText();
}

async function setPreferences(patch: { theme: 'light' | 'dark'; language: 'en' | 'zh-CN' }) {
  // Runs in the page (the test's tsconfig has no DOM types, so the code travels as text).
  const ok = await page.evaluate(
    `window.api.invoke('settings.update', { patch: ${JSON.stringify(patch)} }).then((r) => r.ok)`,
  );
  expect(ok).toBe(true);
  await page.waitForSelector(`html[lang="${patch.language}"]`);
}

/** Calls a channel from the page, as the renderer would. */
function invoke(channel: string, request: object): Promise<unknown> {
  return page.evaluate(`window.api.invoke(${JSON.stringify(channel)}, ${JSON.stringify(request)})`);
}

describe('the live task board in Chromium through the browser host', () => {
  it('shows the demo accounts’ tasks from both vendors, polled by main', async () => {
    await page.click('button:has-text("Try the demo")');
    await page.click('a[data-section="tasks"]');
    await expect
      .poll(() => page.locator('.board-grid.grid-row').count(), { timeout: 60_000 })
      .toBeGreaterThan(3);
    // Each account's first sync lands on its own: wait until both vendors are on the board.
    const accountsShown = async () => {
      const kinds = await page.locator('.task-name small').allTextContents();
      return ['Demo · ITNIO TECH', 'Demo · Yccall server'].every((name) =>
        kinds.some((text) => text.includes(name)),
      );
    };
    await expect.poll(accountsShown, { timeout: 60_000 }).toBe(true);
    // The vendor's own status is kept beside the mapped one.
    expect(await page.locator('.chip').first().getAttribute('title')).toMatch(
      /^Vendor status: .+ \(.+\)$/,
    );
  });

  it('cancels a running ITNIO group call after confirmation', async () => {
    const detail = await openDetail(taskRow('Spring promotion', 'ITNIO TECH'));
    // Capability flags decide: ITNIO group calls cannot be paused.
    expect(await detail.locator('button[data-action="pause"]').count()).toBe(0);
    // What a query right after the action says, not what the app hoped for.
    expect(await act('cancel', 'Cancel the task')).toMatch(
      /^The task is cancelled\. The vendor now reports: Cancelled, [\d,]+ numbers\.$/,
    );
    await expect
      .poll(() => detail.getByTestId('detail-state').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('cancelled');
    await closeDetail();
  });

  it('pauses and resumes a Yccall task', async () => {
    const detail = await openDetail(taskRow('Spring promotion', 'Yccall server'));
    expect(await act('pause', 'Pause')).toMatch(
      /^The task is paused\. The vendor now reports: Paused, [\d,]+ numbers\.$/,
    );
    await expect
      .poll(() => detail.getByTestId('detail-state').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('paused');
    expect(await act('resume', 'Resume')).toMatch(
      /^The task is running again\. The vendor now reports: Running, [\d,]+ numbers\.$/,
    );
    await expect
      .poll(() => detail.getByTestId('detail-state').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('running');
    await closeDetail();
  });

  it('updates counters without a reload, and sorts by a counter column', async () => {
    const before = await calledOnScreen();
    await expect.poll(calledOnScreen, { timeout: 60_000, interval: 1_000 }).toBeGreaterThan(before);
    await page.click('.grid-head button[data-column="called"]');
    await expect
      .poll(() =>
        page.locator('.grid-head [aria-sort="descending"] button').getAttribute('data-column'),
      )
      .toBe('called');
    const called = async () =>
      (await page.locator('.grid-row [data-field="called"]').allTextContents()).map(
        (text) => Number(text.replace(/[^\d]/g, '')) || 0,
      );
    // Counters keep moving while we look: wait for a rendered state, never a fixed time.
    await expect
      .poll(async () => {
        const values = await called();
        return values.every((value, index) => index === 0 || (values[index - 1] ?? 0) >= value);
      })
      .toBe(true);
    // Arrow keys move the selection (the header is row 1, so the second task is row 3).
    await page.locator('.board-grid.grid-row').first().click();
    await page.locator('.board-viewport').press('ArrowDown');
    await expect
      .poll(() => page.locator('.grid-row.selected').getAttribute('aria-rowindex'))
      .toBe('3');
  });

  it('opens a detail with its fields and a chart of counters over time with the ETA', async () => {
    const detail = await openDetail(taskRow('Agent campaign', 'ITNIO TECH'));
    await detail.locator('.detail-group').first().waitFor();
    // Fields read as a manager says them, grouped.
    const groups = await detail.locator('.detail-group h3').allTextContents();
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups)
      expect(['Progress', 'Outcomes', 'Transfers to agents', 'Timing', 'Settings']).toContain(
        group,
      );
    // A call-center task has no "called" counter (itniotech.md §4.4): no chart, and it says so.
    await detail.getByTestId('chart-empty').waitFor({ timeout: 60_000 });
    await detail.locator('.number-results table').waitFor({ timeout: 30_000 });
    await closeDetail();
    // A group call counts the numbers it called: the chart and its estimate.
    const group = await openDetail(taskRow('Survey follow-up', 'ITNIO TECH'));
    await group.getByTestId('counter-chart').waitFor({ timeout: 60_000 });
    expect(await group.locator('path.series-c').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+ L/);
    expect(await group.getByTestId('chart-eta').innerText()).toMatch(/Estimated finish|No finish/);
    const dir = await screenshotDir();
    for (const language of ['en', 'zh-CN'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await setPreferences({ language, theme });
        await page.waitForSelector(`html[data-theme="${theme}"]`);
        await group.getByTestId('counter-chart').waitFor();
        await page.screenshot({ path: path.join(dir, `board-detail-${language}-${theme}.png`) });
        await group
          .locator('.counter-chart')
          .screenshot({ path: path.join(dir, `board-chart-${language}-${theme}.png`) });
      }
    }
    await setPreferences({ language: 'en', theme: 'light' });
    await closeDetail();
    for (const language of ['en', 'zh-CN'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await setPreferences({ language, theme });
        await page.waitForSelector(`html[data-theme="${theme}"]`);
        await page.screenshot({ path: path.join(dir, `board-${language}-${theme}.png`) });
      }
    }
    await setPreferences({ language: 'en', theme: 'light' });
  });

  it('lists a task’s call records, opens a recording in the system browser, and exports its numbers', async () => {
    const detail = await openDetail(taskRow('Reminder calls', 'Yccall server'));
    const records = detail.getByTestId('call-records');
    await records.locator('table').waitFor({ timeout: 30_000 });
    expect(await records.locator('thead th').allTextContents()).toEqual([
      'Number',
      'Started at',
      'Seconds',
      'Cost',
      'Hang-up reason',
      'Recording',
    ]);
    const links = host.openedLinks.length;
    await records.getByRole('button', { name: 'Open recording' }).first().click();
    await expect.poll(() => host.openedLinks.length).toBe(links + 1);
    expect(host.openedLinks[links]).toMatch(/^https:\/\/127\.0\.0\.1\/recordings\//);

    await detail.locator('.number-results table').waitFor({ timeout: 30_000 });
    const saved = host.dialogs.saved.length;
    await detail.getByRole('button', { name: 'Export numbers to Excel' }).click();
    await detail.getByText(/^Saved \d+ numbers to /).waitFor({ timeout: 30_000 });
    const file = host.dialogs.saved[saved];
    if (!file) throw new Error('No export was saved.');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Number',
      'Outcome',
      'Called at',
      'Duration (s)',
      'Agent',
    ]);
    expect((sheet?.rowCount ?? 0) - 1).toBe(300);
    await closeDetail();
  });

  it('resends the failed numbers of a finished ITNIO group call and notifies on completion', async () => {
    const detail = await openDetail(taskRow('Renewal reminders (done)', 'ITNIO TECH'));
    await detail.locator('button[data-action="resend"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await dialog.locator('#resend-scope').selectOption('failed');
    await dialog.locator('#resend-name').fill('Renewal reminders retry');
    await dialog.getByRole('button', { name: 'Resend', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await detail.getByTestId('action-result').innerText()).toMatch(
      /^Resend started\. The new task appears on the board\. The vendor now reports: /,
    );
    await closeDetail();
    await taskRow('Renewal reminders retry', 'ITNIO TECH').waitFor({ timeout: 30_000 });
    await expect
      .poll(
        () =>
          host.notifier.sent.some(
            (n) => n.title === 'Task completed' && n.body.startsWith('Renewal reminders retry'),
          ),
        { timeout: 90_000, interval: 1_000 },
      )
      .toBe(true);
  });

  it('sets alert thresholds for all accounts and for one account', async () => {
    await page.click('button:has-text("Alerts…")');
    const panel = page.getByTestId('alerts-panel');
    const global = panel.locator('form[data-threshold="global"]');
    await global.locator('input').nth(0).fill('30');
    await global.locator('input').nth(1).fill('40');
    await global.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => global.getByTestId('threshold-current').innerText())
      .toBe('Below 30 % after 40 calls');
    const perAccount = panel.locator('form[data-threshold]:not([data-threshold="global"])').first();
    expect(await perAccount.getByTestId('threshold-current').innerText()).toBe(
      'Uses the threshold for all accounts',
    );
    const settings = await invoke('tasks.thresholds', {});
    expect(settings).toMatchObject({
      ok: true,
      value: { global: { successRateBelow: 30, afterCalls: 40 } },
    });
    await panel.getByRole('button', { name: 'Close' }).click();
  });

  it('finds tasks by their TTS text at the vendor, beside the local name search', async () => {
    // No task name says "insurance": only ITNIO's search of TTS texts can find the renewal task.
    await page.fill('input[type="search"]', 'insurance');
    const status = page.getByTestId('vendor-search');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await status.innerText()).toMatch(
      /Voice files and TTS texts searched at Demo · ITNIO TECH\. Tasks matching there: [1-9]\d*\./,
    );
    await expect
      .poll(async () => page.locator('.grid-row .task-name strong').allTextContents())
      .toContain('Renewal reminders (done)');
    const names = await page.locator('.grid-row .task-name strong').allTextContents();
    expect(names.every((name) => /^Renewal reminders/.test(name))).toBe(true);
    await page.screenshot({ path: path.join(await screenshotDir(), 'board-search-en-light.png') });
    await page.fill('input[type="search"]', '');
    await status.waitFor({ state: 'detached' });
  });

  it('marks the rows of an account whose refresh fails, while the other account keeps updating', async () => {
    const yccallRow = taskRow('Spring promotion', 'Yccall server');
    const itnioRow = taskRow('Spring promotion', 'ITNIO TECH');
    await yccallRow.waitFor();
    host.core.demo.injectFault('App.Sip_Yccall.TaskList', { kind: 'http', status: 503 });
    await page.click('button:has-text("Refresh now")');
    const banner = page.getByTestId('account-error');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.innerText()).toContain('Demo · Yccall server');
    const marker = yccallRow.getByTestId('row-problem');
    await marker.waitFor();
    expect(await marker.getAttribute('title')).toMatch(
      /^Not updated: the last refresh of this account failed\. \S.+/,
    );
    expect(await itnioRow.getByTestId('row-problem').count()).toBe(0);
    await page.screenshot({ path: path.join(await screenshotDir(), 'board-account-error.png') });
    // The other account is still polled: its last success moves on while Yccall fails.
    const lastSuccess = async () => {
      const snapshot = (await invoke('tasks.snapshot', {})) as {
        value: { accounts: { accountId: string; state: string; lastSuccessAt: number | null }[] };
      };
      return snapshot.value.accounts.map((a) => `${a.state}:${String(a.lastSuccessAt)}`);
    };
    const before = await lastSuccess();
    await page.click('button:has-text("Refresh now")');
    await expect.poll(lastSuccess, { timeout: 30_000 }).not.toEqual(before);
    const states = (await lastSuccess()).map((entry) => entry.split(':')[0]).sort();
    expect(states).toEqual(['error', 'ok']);
    host.core.demo.clearFaults();
    await page.click('button:has-text("Refresh now")');
    await banner.waitFor({ state: 'detached', timeout: 60_000 });
    expect(await marker.count()).toBe(0);
  });

  it('exports the filtered board with the visible columns to .xlsx', async () => {
    await page.locator('.columns-menu summary').click();
    await page.locator('.columns-menu input[data-column="transferred"]').uncheck();
    await page.locator('.columns-menu summary').click();
    await page.fill('input[type="search"]', 'renewal');
    // Wait for the filtered state itself: only matching rows on screen, at least one.
    await expect
      .poll(async () => {
        const names = await page.locator('.grid-row .task-name strong').allTextContents();
        return names.length > 0 && names.every((name) => /renewal/i.test(name));
      })
      .toBe(true);
    const visible = await page.locator('.grid-row').count();
    const saved = host.dialogs.saved.length;
    await page.click('button:has-text("Export to Excel")');
    await page.getByTestId('board-message').waitFor();
    const file = host.dialogs.saved[saved];
    if (!file) throw new Error('No export was saved.');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).not.toContain('To agents');
    expect(header[0]).toBe('Task');
    expect((sheet?.rowCount ?? 0) - 1).toBe(visible);
    // The column choice is remembered by main.
    const prefs = await invoke('tasks.preferences', {});
    expect(prefs).toMatchObject({ ok: true, value: { sort: { column: 'called' } } });
  });

  it('resends a finished ITNIO AI-agent task with the script, a calling window, ring time and recording', async () => {
    // Only the AI tasks on screen, the original and (later) its resend.
    await page.fill('input[type="search"]', 'AI collections');
    const detail = await openDetail(taskRow('AI collections batch', 'ITNIO TECH'));
    await detail.locator('button[data-action="resend"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await dialog.locator('#resend-scope').selectOption('all');
    await dialog.locator('#resend-name').fill('AI collections second pass');
    await dialog.locator('#resend-script').fill('456');
    await dialog.getByRole('button', { name: 'Add a calling window', exact: true }).click();
    await dialog.getByLabel('Window 1 starts', { exact: true }).fill('09:30');
    await dialog.getByLabel('Window 1 ends', { exact: true }).fill('17:00');
    await dialog.locator('#resend-ring').fill('45');
    await dialog.getByLabel('Record the calls', { exact: true }).check();
    await expect.poll(() => dialog.getByTestId('resend-problem').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Resend', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const result = detail.getByTestId('action-result');
    const refused = detail.getByTestId('action-refused');
    await result.or(refused).waitFor();
    expect(await refused.count()).toBe(0);
    expect(await result.innerText()).toMatch(
      /^Resend started\. The new task appears on the board\. The vendor now reports: /,
    );
    await closeDetail();
    await taskRow('AI collections second pass', 'ITNIO TECH').waitFor({ timeout: 30_000 });
    await page.fill('input[type="search"]', '');
  });
});
