import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorServer } from '../../main/services/sandbox/server';
import { mountYccall, type YccallSim } from '../../main/services/sandbox/yccall/yccall-sim';
import { systemClock } from '../../main/services/sandbox/sim-kit';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';

// The banner after Send follows the submission's real state (issue 13): "next try at HH:mm"
// while the vendor is down, "Sent … created" once the vendor's read-back matches, and a refused
// key says so and what to do. Never "Queued…" after a success or a refusal. At 1366 × 768, in
// English and Chinese, against the strict Yccall simulator over loopback.

const YCCALL = { appid: 'banner-app', accesskey: 'banner-yccall-key' };
const NUMBERS = 40;

let sim: SimulatorServer | null = null;
let yccall: YccallSim;
let port: number;
let host: Host;
let browser: Browser;
let page: Page;

/** The simulator on the account's port; `accesskey` is the key it accepts. */
async function startSim(accesskey: string): Promise<void> {
  await sim?.close();
  sim = new SimulatorServer();
  yccall = mountYccall(sim, {
    strict: true,
    clock: systemClock,
    seed: 5,
    accounts: [{ appid: YCCALL.appid, accesskey }],
  });
  await sim.start(port);
}

async function dispatch(channel: string, request: unknown): Promise<Record<string, unknown>> {
  const result = await host.core.dispatch(channel, request, {
    signal: new AbortController().signal,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Record<string, unknown>;
}

async function setPreferences(patch: { theme: 'light' | 'dark'; language: 'en' | 'zh-CN' }) {
  const ok = await page.evaluate(
    `window.api.invoke('settings.update', { patch: ${JSON.stringify(patch)} }).then((r) => r.ok)`,
  );
  expect(ok).toBe(true);
  await page.waitForSelector(`html[lang="${patch.language}"][data-theme="${patch.theme}"]`);
}

/** The banner's text in both languages (screenshots of each), back in English after. */
async function shoot(name: string): Promise<{ en: string; zh: string }> {
  const dir = await screenshotDir();
  const banner = page.getByTestId('submission-banner');
  const text = { en: '', zh: '' };
  for (const [language, theme] of [
    ['en', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    await setPreferences({ language, theme });
    await page.screenshot({ path: path.join(dir, `${name}-${language}-${theme}.png`) });
    text[language === 'en' ? 'en' : 'zh'] = await banner.innerText();
  }
  await setPreferences({ language: 'en', theme: 'light' });
  return text;
}

/** A Yccall draft of the list, reviewed and sent through the editor. */
async function send(name: string): Promise<void> {
  await page.click('a[data-section="drafts"]');
  await page.click('button[role="tab"]:has-text("Drafts")');
  await page.click('button:has-text("New draft")');
  await page.selectOption('#new-draft-account', { label: 'Office PBX' });
  await page.selectOption('#new-draft-kind', { label: 'Predictive task' });
  await page.selectOption('#new-draft-list', { index: 1 });
  await page.click('button:has-text("Create draft")');
  await page.waitForSelector('#draft-name');
  await page.fill('#draft-name', name);
  await page.selectOption('#draft-setting-assignType', 'queue');
  await page.fill('#draft-setting-assignAgent', 'queue-1');
  await page.fill('#draft-setting-callsPerAgent', '2');
  await page.waitForSelector('[data-testid="no-problems"]');
  await page.click('button:has-text("Review before sending")');
  await page.waitForSelector('[data-testid="preflight"]');
  await page.click('button:has-text("Send to the vendor")');
  // One confirmation, then the editor shows what becomes of the send.
  await page.locator('dialog[open] button:has-text("Send now")').click();
  await page.getByTestId('queued').waitFor();
}

const banner = () => page.getByTestId('submission-banner');

beforeAll(async () => {
  // A free port, with the simulator down: the first send waits for the vendor.
  const probe = new SimulatorServer();
  port = Number(new URL(await probe.start()).port);
  await probe.close();
  host = await startHost({ systemLocale: 'en-US' });
  await dispatch('accounts.create', {
    vendor: 'yccall',
    name: 'Office PBX',
    connection: {
      serverUrl: `http://127.0.0.1:${port}`,
      allowUnencrypted: true,
      appid: YCCALL.appid,
      defaults: {},
    },
    secret: YCCALL.accesskey,
  });
  const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-e2e-banner-'));
  const csv = path.join(folder, 'callbacks.csv');
  const rows = Array.from({ length: NUMBERS }, (_, i) => `${13800000000 + i},Customer ${i}`);
  await writeFile(csv, `phone,name\n${rows.join('\n')}\n`);
  host.dialogs.queueOpen(csv);
  const picked = await dispatch('lists.pickFile', {});
  await dispatch('lists.import', {
    fileId: picked['fileId'],
    jobId: 'e2e-banner',
    options: {
      mapping: { phone: 0, name: 1, variables: [] },
      defaultCountry: 'CN',
      rule: 'yccall',
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

describe('the banner after Send', () => {
  it('says when the next try is while the vendor is down, then "Sent" once the task is created', async () => {
    await send('Banner callbacks');
    await expect
      .poll(() => banner().getAttribute('data-state'), { timeout: 30_000 })
      .toBe('waiting');
    const waiting = await shoot('banner-waiting');
    expect(waiting.en).toMatch(/Next try at \d{2}:\d{2}\./);
    expect(waiting.zh).toMatch(/将于 \d{2}:\d{2} 再次尝试/);
    expect(waiting.en).not.toContain('Queued');

    // The vendor is back; the outbox's next try goes out and the banner follows, without a reload.
    await startSim(YCCALL.accesskey);
    await expect.poll(() => banner().getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(yccall.tasks().filter((task) => task.name === 'Banner callbacks')).toHaveLength(1);
    const sent = await shoot('banner-sent');
    expect(sent.en).toContain(
      `Sent: the vendor created the task “Banner callbacks” with ${NUMBERS} numbers.`,
    );
    expect(sent.en).toContain('Open on the board');
    expect(sent.zh).toContain('已发出：服务商已创建任务“Banner callbacks”');
    for (const text of [sent.en, sent.zh]) {
      expect(text).not.toMatch(/Queued|排队中|as soon as the vendor is reachable/);
    }
    await banner().locator('button:has-text("Open on the board")').click();
    await page.waitForSelector('a[data-section="tasks"][aria-current="page"]');
  });

  it('says the key was refused and what to do, and nothing reaches the vendor', async () => {
    // The server now accepts another key only: the account's key is refused.
    await startSim('a-rotated-key');
    await send('Banner refused');
    await expect
      .poll(() => banner().getAttribute('data-state'), { timeout: 60_000 })
      .toBe('attention');
    expect(await banner().getAttribute('data-error')).toBe('VENDOR_AUTH');
    const refused = await shoot('banner-auth-refused');
    expect(refused.en).toContain('the vendor refused the key of the account for “Banner refused”');
    expect(refused.en).toContain('Check the API key and secret in Accounts');
    expect(refused.zh).toContain('服务商拒绝了“Banner refused”所用账户的密钥');
    for (const text of [refused.en, refused.zh]) {
      expect(text).not.toMatch(/Queued|排队中|as soon as the vendor is reachable/);
    }
    expect(yccall.tasks().filter((task) => task.name === 'Banner refused')).toHaveLength(0);
    await banner().locator('button:has-text("Open Accounts")').click();
    await page.waitForSelector('a[data-section="accounts"][aria-current="page"]');
  });
});
