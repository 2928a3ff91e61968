import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YccallSim } from '../../main/services/sandbox/yccall/yccall-sim';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';
import { confirmSendAndOpenOutbox } from '../electron-smoke/journey';

// Verified delivery as a manager lives it, at 1366 × 768 from a fresh data folder: the demo
// Yccall server (the strict simulator) gets a list as the digits its PBX dials, the task runs
// after the last chunk, and a submission the server partly refuses waits for the manager with
// the refused numbers, then resumes without sending anything twice. Outcomes are checked where
// they land: the simulator's stored numbers and task state.

let host: Host;
let browser: Browser;
let page: Page;
let folder = '';

const national = (prefix: string, i: number) => `${prefix}${String(i).padStart(8, '0')}`;

async function dispatch(channel: string, request: unknown): Promise<Record<string, unknown>> {
  const result = await host.core.dispatch(channel, request, {
    signal: new AbortController().signal,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Record<string, unknown>;
}

/** Imports a CSV of `count` Chinese mobiles (national form) as the manager's list. */
async function importList(name: string, prefix: string, count: number): Promise<void> {
  const file = path.join(folder, `${name}.csv`);
  const rows = Array.from({ length: count }, (_, i) => `${national(prefix, i)},Customer ${i}`);
  await writeFile(file, `手机,姓名\n${rows.join('\n')}\n`);
  host.dialogs.queueOpen(file);
  const picked = await dispatch('lists.pickFile', {});
  await dispatch('lists.import', {
    fileId: picked['fileId'],
    jobId: `e2e-${name}`,
    options: {
      mapping: { phone: 0, name: 1, variables: [] },
      defaultCountry: 'CN',
      rule: 'yccall',
    },
  });
}

function yccallSim(): YccallSim {
  const sims = host.core.demo.simulators();
  if (!sims) throw new Error('The demo simulator is not running.');
  return sims.yccall;
}

function simTask(name: string) {
  return yccallSim()
    .tasks()
    .find((task) => task.name === name);
}

async function setPreferences(patch: { theme: 'light' | 'dark'; language: 'en' | 'zh-CN' }) {
  const ok = await page.evaluate(
    `window.api.invoke('settings.update', { patch: ${JSON.stringify(patch)} }).then((r) => r.ok)`,
  );
  expect(ok).toBe(true);
  await page.waitForSelector(`html[lang="${patch.language}"][data-theme="${patch.theme}"]`);
}

/** Screenshots in English/light and Chinese/dark, as a manager would see them. */
async function shoot(name: string): Promise<void> {
  const dir = await screenshotDir();
  for (const [language, theme] of [
    ['en', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    await setPreferences({ language, theme });
    await page.screenshot({ path: path.join(dir, `${name}-${language}-${theme}.png`) });
  }
  await setPreferences({ language: 'en', theme: 'light' });
}

async function newYccallDraft(name: string, list: string): Promise<void> {
  await page.click('a[data-section="drafts"]');
  await page.click('button:has-text("New draft")');
  await page.selectOption('#new-draft-account', { label: 'Demo · Yccall server' });
  await page.selectOption('#new-draft-kind', { label: 'Predictive task' });
  await page.selectOption('#new-draft-list', { label: list });
  await page.click('button:has-text("Create draft")');
  await page.waitForSelector('#draft-name');
  await page.fill('#draft-name', name);
  await page.selectOption('#draft-setting-assignType', 'queue');
  await page.fill('#draft-setting-assignAgent', 'queue-1');
  await page.fill('#draft-setting-callsPerAgent', '2');
  await page.waitForSelector('[data-testid="no-problems"]');
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-e2e-delivery-'));
  host = await startHost({ systemLocale: 'en-US' });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${host.url}#/accounts`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.click('button:has-text("Try the demo")');
  await page.locator('article.account-card[aria-label="Demo · Yccall server"]').waitFor();
  await importList('spring', '139', 300);
  await importList('partly-refused', '137', 12_000);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('verified delivery in the app', () => {
  it('reviews the numbers as the PBX will dial them, sends them, and the task is running at the server', async () => {
    await newYccallDraft('Spring callbacks', 'spring.csv (300 numbers)');
    await page.click('button:has-text("Review before sending")');
    const dialled = page.getByTestId('dialled');
    await dialled.waitFor();
    expect(await dialled.innerText()).toContain(`+86${national('139', 0)} → ${national('139', 0)}`);
    await dialled.scrollIntoViewIfNeeded();
    await shoot('review-dialled');
    await confirmSendAndOpenOutbox(page);
    const row = page.locator('tr[data-submission="Spring callbacks"]');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(await row.locator('[data-held]').getAttribute('data-held')).toBe('300');

    // Where it landed: exactly the list, as digits, and running.
    const task = simTask('Spring callbacks');
    expect(task?.status).toBe(1026);
    const held = [...yccallSim().numbersOf(task?.id ?? '')].sort();
    expect(held).toEqual(Array.from({ length: 300 }, (_, i) => national('139', i)));

    await page.click('a[data-section="tasks"]');
    const boardRow = page
      .locator('.board-grid.grid-row')
      .filter({ hasText: 'Spring callbacks' })
      .first();
    await boardRow.waitFor({ timeout: 60_000 });
    await expect.poll(() => boardRow.innerText(), { timeout: 60_000 }).toContain('Running');
    // Its detail offers what a running Yccall task can do: pause and end (TaskSet, §4.4).
    await boardRow.click();
    await page.locator('.board-viewport').press('Enter');
    const detail = page.getByTestId('task-detail');
    await detail.locator('.task-actions button[data-action="pause"]').waitFor();
    await shoot('yccall-running-after-send');
  });

  it('asks a new Yccall account how its server dials, in the manager’s words', async () => {
    await page.click('a[data-section="accounts"]');
    await page.click('button:has-text("Add account")');
    await page.check('input[type="radio"][value="yccall"]');
    await page.locator('#account-homeCountry').waitFor();
    expect(await page.inputValue('#account-homeCountry')).toBe('CN');
    expect(await page.inputValue('#account-internationalPrefix')).toBe('00');
    expect(await page.inputValue('#account-serverZone')).toBe('');
    await page.locator('#account-serverZone').scrollIntoViewIfNeeded();
    await shoot('account-yccall-dialing');
    await page.click('button:has-text("Cancel")');
  });

  it('stops at the chunk the server refuses, waits for the manager with the refused numbers, and resumes once', async () => {
    const refused = [17, 4_200, 9_999].map((i) => national('137', i));
    yccallSim().refusePhones(refused);
    await newYccallDraft('Partly refused', 'partly-refused.csv (12,000 numbers)');
    await page.click('button:has-text("Review before sending")');
    await page.getByTestId('dialled').waitFor();
    await confirmSendAndOpenOutbox(page);
    const row = page.locator('tr[data-submission="Partly refused"]');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 60_000 }).toBe('attention');
    const text = await row.innerText();
    expect(text).toContain('Needs you');
    expect(text).toContain('3 numbers refused by the vendor');
    for (const phone of refused) expect(text).toContain(phone);
    // Nothing after the refused chunk left, and the task was not started.
    const task = simTask('Partly refused');
    expect(task?.status).toBe(1025);
    expect(yccallSim().numberCount(task?.id ?? '')).toBe(10_000 - 3);
    await shoot('outbox-needs-you');

    const saved = host.dialogs.saved.length;
    await row.locator('button:has-text("Export refused numbers")').click();
    await page.getByText(/^3 refused numbers saved to /).waitFor();
    expect(host.dialogs.saved.length).toBe(saved + 1);

    await row.locator('button:has-text("Resume: send the rest")').click();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(await row.locator('[data-held]').getAttribute('data-held')).toBe(String(12_000 - 3));
    const after = simTask('Partly refused');
    expect(after?.status).toBe(1026);
    expect(yccallSim().numberCount(after?.id ?? '')).toBe(12_000 - 3);
    expect(yccallSim().distinctNumberCount(after?.id ?? '')).toBe(12_000 - 3);
    expect(yccallSim().strict?.violations()).toEqual([]);
  });
});
