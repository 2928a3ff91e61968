import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorServer } from '../../main/services/sandbox/server';
import { mountItniotech } from '../../main/services/sandbox/itniotech/itniotech-sim';
import { mountYccall, type YccallSim } from '../../main/services/sandbox/yccall/yccall-sim';
import { systemClock } from '../../main/services/sandbox/sim-kit';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';
import { confirmSendAndOpenOutbox } from '../electron-smoke/journey';

const ITNIO = { apiKey: 'draftKey1', apiSecret: 'draft-itnio-secret' };
const YCCALL = { appid: 'draft-app', accesskey: 'draft-yccall-key' };
const NUMBERS = 1_200;

let sim: SimulatorServer;
let yccall: YccallSim;
let port: number;
let host: Host;
let browser: Browser;
let page: Page;

/** The vendor simulator, (re)started on a fixed port: stopping it makes the vendor unreachable. */
async function startSim(): Promise<void> {
  sim = new SimulatorServer();
  mountItniotech(sim, { strict: true, clock: systemClock, seed: 3, accounts: [ITNIO] });
  yccall = mountYccall(sim, { strict: true, clock: systemClock, seed: 3, accounts: [YCCALL] });
  await sim.start(port);
}

async function dispatch(channel: string, request: unknown): Promise<Record<string, unknown>> {
  const result = await host.core.dispatch(channel, request, {
    signal: new AbortController().signal,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Record<string, unknown>;
}

beforeAll(async () => {
  // Find a free port, then keep the simulator down: the manager works offline.
  sim = new SimulatorServer();
  port = Number(new URL(await sim.start()).port);
  await sim.close();
  host = await startHost({ systemLocale: 'en-US' });
  const url = `http://127.0.0.1:${port}`;
  await dispatch('accounts.create', {
    vendor: 'itniotech',
    name: 'BPO ITNIO',
    connection: {
      brand: 'itniotech',
      apiKey: ITNIO.apiKey,
      baseUrl: url,
      allowUnencrypted: true,
      defaults: {},
    },
    secret: ITNIO.apiSecret,
  });
  await dispatch('accounts.create', {
    vendor: 'yccall',
    name: 'Office PBX',
    connection: { serverUrl: url, allowUnencrypted: true, appid: YCCALL.appid, defaults: {} },
    secret: YCCALL.accesskey,
  });
  const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-e2e-drafts-'));
  const csv = path.join(folder, 'customers.csv');
  const rows = Array.from({ length: NUMBERS }, (_, i) => `${13900000000 + i},Customer ${i}`);
  await writeFile(csv, `phone,name\n${rows.join('\n')}\n`);
  host.dialogs.queueOpen(csv);
  const picked = await dispatch('lists.pickFile', {});
  await dispatch('lists.import', {
    fileId: picked['fileId'],
    jobId: 'e2e-drafts',
    options: {
      mapping: { phone: 0, name: 1, variables: [] },
      defaultCountry: 'CN',
      rule: 'yccall',
    },
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1360, height: 1000 } })).newPage();
  await page.goto(`${host.url}#/drafts`);
  await page.waitForSelector('html[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await sim?.close();
});

async function newDraft(account: string, kind: string): Promise<void> {
  await page.click('button:has-text("New draft")');
  await page.selectOption('#new-draft-account', { label: account });
  await page.selectOption('#new-draft-kind', { label: kind });
  await page.selectOption('#new-draft-list', { index: 1 });
  await page.click('button:has-text("Create draft")');
  await page.waitForSelector('#draft-name');
}

describe('drafts offline, the outbox, and exactly-once sending', () => {
  it('creates drafts of every kind with the vendor unreachable; each explains what is missing', async () => {
    for (const kind of ['Voice group call', 'AI-agent group call', 'Call-center task']) {
      await newDraft('BPO ITNIO', kind);
      await page.fill('#draft-name', `Offline ${kind}`);
      await expect
        .poll(() => page.locator('[data-testid="problems"] li').count())
        .toBeGreaterThan(0);
      await expect.poll(() => page.textContent('[data-testid="save-status"]')).toMatch(/^Saved/);
      await page.click('button:has-text("Back to drafts")');
    }
    await expect.poll(() => page.locator('tr[data-draft^="Offline"]').count()).toBe(3);
  });

  it('reviews a Yccall draft and sends it: it waits in the outbox while the server is down', async () => {
    await newDraft('Office PBX', 'Predictive task');
    await page.fill('#draft-name', 'Spring renewals');
    await page.selectOption('#draft-setting-assignType', 'queue');
    await page.fill('#draft-setting-assignAgent', 'queue-1');
    await page.fill('#draft-setting-callsPerAgent', '2');
    await page.waitForSelector('[data-testid="no-problems"]');
    await page.click('button:has-text("Review before sending")');
    await page.waitForSelector('[data-testid="preflight"]');
    expect(await page.textContent('[data-testid="preflight"]')).toContain(
      NUMBERS.toLocaleString('en'),
    );
    // The manager corrects an assumption of the estimate; the review is made again with it.
    const before = await page.textContent('[data-testid="preflight"]');
    await page.fill('#assumption-concurrency', '60');
    await page.click('button:has-text("Save and review again")');
    await expect.poll(() => page.textContent('[data-testid="preflight"]')).not.toBe(before);
    expect(await page.inputValue('#assumption-concurrency')).toBe('60');
    await page
      .locator('[data-testid="preflight"]')
      .screenshot({ path: path.join(await screenshotDir(), 'drafts-review-en.png') });
    await confirmSendAndOpenOutbox(page);
    const row = page.locator('tr[data-submission="Spring renewals"]');
    await row.waitFor();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('waiting');
    await page.screenshot({
      path: path.join(await screenshotDir(), 'outbox-waiting-en.png'),
      fullPage: true,
    });
  });

  it('goes out when the server is back, exactly once, with every number', async () => {
    await startSim();
    await page.click('tr[data-submission="Spring renewals"] button:has-text("Retry now")');
    const row = page.locator('tr[data-submission="Spring renewals"]');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    const tasks = yccall.tasks().filter((task) => task.name === 'Spring renewals');
    expect(tasks).toHaveLength(1);
    expect(yccall.distinctNumberCount(tasks[0]?.id ?? '')).toBe(NUMBERS);
    await page.click('a[data-section="tasks"]');
    await expect
      .poll(() => page.locator('.task-name strong', { hasText: 'Spring renewals' }).count(), {
        timeout: 60_000,
      })
      .toBe(1);
  });

  it('loads picker choices once online and keeps them for offline editing', async () => {
    await page.click('a[data-section="drafts"]');
    await page.click('button[role="tab"]:has-text("Drafts")');
    await newDraft('Office PBX', 'Predictive task');
    expect(await page.textContent('[data-testid="pickers-status"]')).toContain('not loaded yet');
    await page.click('button:has-text("Refresh choices")');
    await expect
      .poll(() => page.textContent('[data-testid="pickers-status"]'))
      .toContain('Choices from the vendor as of');
    await page.selectOption('#draft-setting-assignType', 'queue');
    await expect
      // The queues are offered: a picker of them (or suggestions, when typing another value).
      .poll(() =>
        page
          .locator(
            'select#draft-setting-assignAgent option[value="queue-1"], #draft-setting-assignAgent-choices option',
          )
          .count(),
      )
      .toBeGreaterThan(0);
    // The choices are stored: with the server down they are still offered.
    await sim.close();
    await page.click('button:has-text("Back to drafts")');
    await page.locator('tr[data-draft=""] button:has-text("Open")').first().click();
    await expect
      .poll(() => page.textContent('[data-testid="pickers-status"]'))
      .toContain('Choices from the vendor as of');
    await page.click('button:has-text("Back to drafts")');
    await page.click('a[data-section="settings"]');
    await page.selectOption('#settings-language', 'zh-CN');
    await page.click('a[data-section="drafts"]');
    await page.screenshot({ path: path.join(await screenshotDir(), 'drafts-zh-CN.png') });
    await page.click('a[data-section="settings"]');
    await page.selectOption('#settings-language', 'en');
  });

  it('keeps an audit trail that checks out', async () => {
    await page.click('a[data-section="drafts"]');
    await page.click('button[role="tab"]:has-text("Audit trail")');
    await page.click('button:has-text("Check the trail")');
    await expect
      .poll(() => page.textContent('[data-testid="audit-result"]'))
      .toMatch(/^All \d+ entries are intact\.$/);
    // The trail is viewable in the app, newest first, with the requests that were sent.
    await expect
      .poll(() => page.locator('tr[data-audit-type="submission.request"]').count())
      .toBeGreaterThan(0);
    // The export holds the exact requests that created the task, without any secret.
    await page.click('button:has-text("Export to JSON")');
    await expect.poll(() => page.textContent('[data-testid="audit-result"]')).toMatch(/^Saved/);
    const exported = await readFile(host.dialogs.saved.at(-1) ?? '', 'utf8');
    expect(exported).toContain('submission.request');
    expect(exported).toContain('App.Sip_Yccall.TaskCreat');
    expect(exported).toContain('[redacted]');
    for (const secret of [YCCALL.accesskey, ITNIO.apiSecret])
      expect(exported).not.toContain(secret);
  });
});
