import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorServer } from '../../main/services/sandbox/server';
import {
  mountItniotech,
  type ItniotechSim,
} from '../../main/services/sandbox/itniotech/itniotech-sim';
import { systemClock } from '../../main/services/sandbox/sim-kit';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';

// The draft lifecycle at 1366 × 768 against the strict ITNIO simulator: a new draft starts from
// the account's defaults, shows errors only once touched or on Send, goes through the review and
// one confirmation, leaves the editable list once sent, opens its task on the board, and is
// copied into a new draft.

const ITNIO = { apiKey: 'lifecycleKey', apiSecret: 'lifecycle-itnio-secret' };
const ACCOUNT = 'ITNIO Voice (Shanghai)';
const NUMBERS = 1_234;
const CAMPAIGN = 'Winter renewals';

let sim: SimulatorServer;
let itnio: ItniotechSim;
let host: Host;
let browser: Browser;
let page: Page;
let zone: string;

async function dispatch(channel: string, request: unknown): Promise<Record<string, unknown>> {
  const result = await host.core.dispatch(channel, request, {
    signal: new AbortController().signal,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Record<string, unknown>;
}

/** What has the focus (runs in the page as text: the test's tsconfig has no DOM types). */
function focused(): Promise<{ id: string; testId: string | null; text: string }> {
  return page.evaluate(`(() => {
    const element = document.activeElement;
    return {
      id: element ? element.id : '',
      testId: element ? element.getAttribute('data-testid') : null,
      text: element ? element.textContent.trim() : '',
    };
  })()`);
}

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(await screenshotDir(), `${name}.png`) });
}

/** Tomorrow's date in this computer's zone (the draft plans in it): `yyyy-MM-dd`, and its words. */
function tomorrow(): { readonly date: string; readonly en: string; readonly zh: string } {
  const next = new Date(Date.now() + 86_400_000);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(next);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const [year, month, day] = [part('year'), part('month'), part('day')];
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  const thisYear = String(new Date().getFullYear());
  return {
    date: `${year}-${month}-${day}`,
    en: `${Number(day)} ${months[Number(month) - 1]}${year === thisYear ? '' : ` ${year}`}`,
    zh: `${year === thisYear ? '' : `${year}年`}${Number(month)}月${Number(day)}日`,
  };
}

beforeAll(async () => {
  zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  sim = new SimulatorServer();
  itnio = mountItniotech(sim, { strict: true, clock: systemClock, seed: 13, accounts: [ITNIO] });
  const url = await sim.start();
  host = await startHost({ systemLocale: 'en-US' });
  await dispatch('accounts.create', {
    vendor: 'itniotech',
    name: ACCOUNT,
    connection: {
      brand: 'itniotech',
      apiKey: ITNIO.apiKey,
      baseUrl: url,
      allowUnencrypted: true,
      defaults: { appId: 'iaAJ6COV', countryCode: '86' },
    },
    secret: ITNIO.apiSecret,
  });
  const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-e2e-lifecycle-'));
  const csv = path.join(folder, 'winter.csv');
  const rows = Array.from({ length: NUMBERS }, (_, i) => `+86${13700000000 + i},Customer ${i}`);
  await writeFile(csv, `phone,name\n${rows.join('\n')}\n`);
  host.dialogs.queueOpen(csv);
  const picked = await dispatch('lists.pickFile', {});
  await dispatch('lists.import', {
    fileId: picked['fileId'],
    jobId: 'e2e-lifecycle',
    options: {
      mapping: { phone: 0, name: 1, variables: [] },
      defaultCountry: 'CN',
      rule: 'itniotech-voice',
    },
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${host.url}#/drafts`);
  await page.waitForSelector('html[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await sim?.close();
});

describe('the draft lifecycle', () => {
  it('starts a new draft from the account’s defaults, and the header names account, kind and state', async () => {
    await page.click('button:has-text("New draft")');
    await page.selectOption('#new-draft-account', { label: ACCOUNT });
    await page.selectOption('#new-draft-kind', { label: 'Voice group call' });
    await page.selectOption('#new-draft-list', { index: 1 });
    await page.click('button:has-text("Create draft")');
    await page.waitForSelector('#draft-name');
    const header = page.getByTestId('draft-header');
    await expect.poll(() => header.innerText()).toContain(`Voice group call for ${ACCOUNT}`);
    await expect
      .poll(() => page.getByTestId('draft-state').getAttribute('data-state'))
      .toBe('editable');
    // The account's default application id is already there.
    expect(await page.inputValue('#draft-setting-appId')).toBe('iaAJ6COV');
  });

  it('shows errors only once a field is touched, or on Send, where focus goes to the first', async () => {
    // Main has checked the new draft (there is plenty missing), yet nothing is red.
    await page.getByTestId('problems-hidden').waitFor();
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(await page.locator('[data-testid="problems"] li').count()).toBe(0);

    await page.fill('#draft-name', 'W');
    // The name was touched: its rule shows (ITNIO task names are 2–64 characters); others wait.
    await expect
      .poll(() => page.locator('#draft-name ~ .field-error').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await page.locator('.field-error').count()).toBe(1);
    await shoot('draft-touched-en');

    await page.click('button:has-text("Send to the vendor")');
    await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(1);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await expect.poll(async () => (await focused()).id).toBe('draft-name');
    await shoot('draft-errors-on-send-en');
  });

  it('reviews and confirms in words (count, account, kind, when) before anything is sent', async () => {
    await page.fill('#draft-name', CAMPAIGN);
    // Choices come from the vendor once, then stay for offline editing.
    await page.click('button:has-text("Refresh choices")');
    await expect
      .poll(() => page.textContent('[data-testid="pickers-status"]'))
      .toContain('Choices from the vendor as of');
    // The application id is now a choice of the applications the account's numbers carry.
    expect(await page.locator('#draft-setting-appId').evaluate((e) => e.tagName)).toBe('SELECT');
    expect(await page.inputValue('#draft-setting-appId')).toBe('iaAJ6COV');
    await page.selectOption('#draft-setting-source', '3');
    await page.fill('#draft-setting-text', 'Your contract renews soon. Call us back to keep it.');
    // The TTS language is a picker of the documented languages, named in the UI language.
    expect(await page.locator('#draft-setting-lan option[value="EN"]').innerText()).toBe(
      'English (EN)',
    );
    await page.selectOption('#draft-setting-lan', 'EN');
    await page.fill('#draft-setting-maxCalls', '60');
    const day = tomorrow();
    await page.fill('#draft-send-at', `${day.date}T09:00`);
    await page.getByTestId('no-problems').waitFor();
    await expect.poll(() => page.textContent('[data-testid="save-status"]')).toMatch(/^Saved/);

    await page.click('button:has-text("Send to the vendor")');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    // The review was made and scrolled into view behind the confirmation.
    const review = await page.getByTestId('preflight').boundingBox();
    expect(review?.y ?? 10_000).toBeLessThan(768);
    expect(await page.getByTestId('send-confirmation').innerText()).toBe(
      `Send ${NUMBERS.toLocaleString('en')} numbers to ${ACCOUNT} as a voice group call, starting ${day.en} 09:00 (${zone})?`,
    );
    await shoot('draft-confirm-en');
    // Nothing left for the vendor before the confirmation.
    expect(itnio.counts().groupTasks).toBe(0);

    await dialog.locator('button:has-text("Send now")').click();
    const queued = page.getByTestId('queued');
    await queued.waitFor();
    // Focus lands on what happened, not on <body>.
    await expect.poll(async () => (await focused()).testId).toBe('queued');
    await expect
      .poll(() => page.getByTestId('draft-state').getAttribute('data-state'))
      .not.toBe('editable');
    expect(await page.locator('#draft-name').isDisabled()).toBe(true);
    await shoot('draft-queued-en');
  });

  it('follows the outbox entry until the vendor’s read-back confirms every number', async () => {
    await page.getByTestId('queued').locator('button:has-text("Open in the outbox")').click();
    const row = page.locator(`tr[data-submission="${CAMPAIGN}"]`);
    await row.waitFor();
    expect(await row.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(await row.locator('[data-held]').getAttribute('data-held')).toBe(String(NUMBERS));

    // Where it landed: one voice group call at the vendor, with every number, as sent.
    const tasks = itnio.groupTasks().filter((task) => task.name === CAMPAIGN);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.taskType).toBe(1);
    expect(tasks[0]?.total).toBe(NUMBERS);
    const held = itnio.numbersOf(tasks[0]?.id ?? '').map((n) => n.phone);
    expect(new Set(held).size).toBe(NUMBERS);
    expect(held).toContain('8613700000000');
  });

  it('moves the sent draft out of the editable list into Sent, where it opens its task on the board', async () => {
    await page.click('button[role="tab"]:has-text("Drafts")');
    await page.locator('table[aria-label="Drafts"], .empty-state').first().waitFor();
    expect(await page.locator(`tr[data-draft="${CAMPAIGN}"]`).count()).toBe(0);
    await page.click('button[role="tab"]:has-text("Sent")');
    const sent = page.locator(`tr[data-sent-draft="${CAMPAIGN}"]`);
    await sent.waitFor();
    await shoot('drafts-sent-en');

    // Reopened, it is read-only and its own name is not "already used".
    await sent.locator('button:has-text("View")').click();
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('draft-state').getAttribute('data-state')).toBe('sent');
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(await page.innerText('.draft-editor')).not.toContain('already uses this task name');
    await shoot('draft-sent-view-en');

    await page.getByTestId('read-only').locator('button:has-text("Open on the board")').click();
    const detail = page.getByTestId('task-detail');
    await detail.waitFor({ timeout: 60_000 });
    await expect.poll(() => detail.innerText(), { timeout: 60_000 }).toContain(CAMPAIGN);
    await shoot('draft-task-on-board-en');
  });

  it('copies a sent draft into a new draft and confirms its send in Chinese', async () => {
    await page.click('a[data-section="settings"]');
    await page.selectOption('#settings-language', 'zh-CN');
    await page.click('a[data-section="drafts"]');
    await page.click('button[role="tab"]:has-text("已发送")');
    const sent = page.locator(`tr[data-sent-draft="${CAMPAIGN}"]`);
    await sent.waitFor();
    await shoot('drafts-sent-zh-CN');
    await sent.locator('button:has-text("复制为新草稿")').click();

    await page.waitForSelector('#draft-name');
    expect(await page.inputValue('#draft-name')).toBe(`${CAMPAIGN} (copy)`);
    await expect
      .poll(() => page.getByTestId('draft-state').getAttribute('data-state'))
      .toBe('editable');
    expect(await page.getByTestId('draft-header').innerText()).toContain(`${ACCOUNT} 的语音群呼`);
    await page.getByTestId('no-problems').waitFor();

    const send = page.locator('button:has-text("发送给服务商")');
    await send.click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    const day = tomorrow();
    expect(await page.getByTestId('send-confirmation').innerText()).toBe(
      `将 ${NUMBERS.toLocaleString('zh-CN')} 个号码发送到 ${ACCOUNT}，作为语音群呼，于 ${day.zh} 09:00（${zone}）开始？`,
    );
    await shoot('draft-confirm-zh-CN');
    // "Not now" sends nothing and gives the focus back to Send.
    await dialog.locator('button:has-text("暂不发送")').click();
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    await expect.poll(async () => (await focused()).text).toBe('发送给服务商');
    expect(itnio.groupTasks().filter((task) => task.name.startsWith(CAMPAIGN))).toHaveLength(1);
    await page.click('button:has-text("返回草稿列表")');
    await page.locator(`tr[data-draft="${CAMPAIGN} (copy)"]`).waitFor();
    await shoot('drafts-list-zh-CN');
    await page.click('a[data-section="settings"]');
    await page.selectOption('#settings-language', 'en');
  });
});
