import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorServer } from '../../main/services/sandbox/server';
import { mountYccall } from '../../main/services/sandbox/yccall/yccall-sim';
import { systemClock } from '../../main/services/sandbox/sim-kit';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';

// Issue 13 at 1366 × 768, in English and Chinese: the alerts that fired, listed beside the
// thresholds (Escape closes the panel, focus back on its opener, Clear empties it); and an
// account edit that keeps its last check, tests a changed key before saving it, and opens in view.

const YCCALL = { appid: 'edit-app', accesskey: 'edit-SECRET-5c2e11' };
const WRONG = 'edit-WRONG-key-0000';

let sim: SimulatorServer;
let host: Host;
let browser: Browser;
let page: Page;

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

/** Screenshots in English/light and Chinese/dark; returns a locator's text in each. */
async function shoot(name: string, selector: string): Promise<{ en: string; zh: string }> {
  const dir = await screenshotDir();
  const text = { en: '', zh: '' };
  for (const [language, theme] of [
    ['en', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    await setPreferences({ language, theme });
    await page.screenshot({ path: path.join(dir, `${name}-${language}-${theme}.png`) });
    text[language === 'en' ? 'en' : 'zh'] = await page.locator(selector).innerText();
  }
  await setPreferences({ language: 'en', theme: 'light' });
  return text;
}

const card = (name: string) =>
  page.locator('article.account-card', { has: page.locator('h2', { hasText: name }) });

beforeAll(async () => {
  sim = new SimulatorServer();
  mountYccall(sim, { strict: true, clock: systemClock, seed: 9, accounts: [YCCALL] });
  await sim.start();
  host = await startHost({ systemLocale: 'en-US' });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${host.url}#/accounts`);
  await page.waitForSelector('html[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await sim?.close();
});

describe('alerts you can see', () => {
  it('lists the alerts that fired with time, task and what crossed; Escape closes; Clear empties', async () => {
    await page.click('button:has-text("Try the demo")');
    await page.locator('article.account-card[aria-label="Demo · Yccall server"]').waitFor();
    // A threshold every running demo task crosses at once.
    await dispatch('tasks.setThreshold', {
      scope: { global: true },
      threshold: { successRateBelow: 100, afterCalls: 1 },
    });
    await page.click('a[data-section="tasks"]');
    const opener = page.locator('button:has-text("Alerts…")');
    await opener.click();
    const panel = page.getByTestId('alerts-panel');
    const rate = panel.locator('[data-testid="fired-alert"][data-what="rate"]');
    // The list follows the board: alerts that fire while it is open appear without reopening it.
    await expect.poll(() => rate.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const fired = await panel.getByTestId('fired-alert').count();
    expect(await panel.getByTestId('fired-alert').count()).toBe(fired);
    const text = await shoot('alerts-fired', '[data-testid="alerts-panel"]');
    expect(text.en).toMatch(/Success rate \d+(\.\d)? % fell below 100 % after \d+ calls/);
    expect(text.zh).toMatch(/拨打 \d+ 次后成功率 \d+(\.\d)?% 低于 100%/);
    expect(text.en).toContain('When to alert');
    expect(text.zh).toContain('已触发的提醒');
    // Times in the language of the app, not the browser's.
    expect(text.zh).toMatch(/2\d{3}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2}/);
    expect(text.zh).not.toMatch(/\d (AM|PM)/);
    // Each entry names its time and task; newest first.
    const first = rate.first();
    expect(await first.locator('strong').innerText()).not.toBe('');
    const times = await panel
      .locator('[data-testid="fired-alert"] time')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''));
    expect(times.every((at) => !Number.isNaN(Date.parse(at)))).toBe(true);
    expect(times).toEqual([...times].sort().reverse());
    const stored = (await dispatch('tasks.firedAlerts', {}))['alerts'] as unknown[];
    expect(stored.length).toBeGreaterThanOrEqual(fired);

    // Escape closes the panel, and focus is back on the button that opened it.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    // (The test's tsconfig has no DOM types: the check travels as text.)
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Alerts…');

    // Clear empties the list (main's too). The threshold is lifted first, so none fires again.
    await dispatch('tasks.setThreshold', { scope: { global: true }, threshold: null });
    await opener.click();
    await panel.getByRole('button', { name: 'Clear the list' }).click();
    await panel.getByText('No alert has fired yet.').waitFor();
    expect((await dispatch('tasks.firedAlerts', {}))['alerts']).toEqual([]);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });
});

describe('editing an account', () => {
  it('keeps the last check on a rename, refuses a wrong key before saving it, and opens the form in view', async () => {
    // Accounts below the demo ones, so the last card is down the page (one server each).
    const port = new URL(sim.url).port;
    const servers = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
    for (const [i, serverUrl] of servers.entries()) {
      await dispatch('accounts.create', {
        vendor: 'yccall',
        name: `PBX ${i + 3}`,
        connection: { serverUrl, allowUnencrypted: true, appid: YCCALL.appid, defaults: {} },
        secret: YCCALL.accesskey,
      });
    }
    await page.click('a[data-section="accounts"]');
    const pbx = card('PBX 4');
    await pbx.waitFor();
    await pbx.locator('button', { hasText: 'Test connection' }).click();
    const check = pbx.locator('[data-testid="connection-check"]');
    await expect.poll(() => check.textContent()).toMatch(/^Connected/);
    const connected = await check.textContent();

    // The card is far down the page: Edit opens the form where the manager can see it.
    await pbx.scrollIntoViewIfNeeded();
    await pbx.locator('button', { hasText: 'Edit' }).click();
    const form = page.locator('form.account-form');
    await form.waitFor();
    const box = await form.boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect(box?.y ?? 10_000).toBeLessThan(768);

    // A rename only: the last check stays as it was.
    await page.fill('#account-name', 'PBX 4 (renamed)');
    await form.locator('button[type="submit"]').click();
    const renamed = card('PBX 4 (renamed)');
    await renamed.waitFor();
    expect(await renamed.locator('[data-testid="connection-check"]').textContent()).toBe(connected);

    // A wrong key: tested before it is saved, refused in words, nothing saved, all typed kept.
    await renamed.locator('button', { hasText: 'Edit' }).click();
    await form.waitFor();
    await page.fill('#account-name', 'PBX 4 (wrong key)');
    await page.click('[data-testid="secret-stored"] button');
    await page.fill('#account-secret', WRONG);
    await form.locator('button[type="submit"]').click();
    const refusal = form.locator('.form-failure[role="alert"]');
    await refusal.waitFor();
    const dir = await screenshotDir();
    const en = await refusal.innerText();
    expect(en).toMatch(/^Not saved: .+ Nothing was changed; correct the account and save again\.$/);
    await page.screenshot({ path: path.join(dir, 'account-edit-refused-en-light.png') });
    // Main words a refusal in the language of the moment: saved again in Chinese, it reads in Chinese.
    await setPreferences({ language: 'zh-CN', theme: 'dark' });
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => refusal.innerText())
      .toMatch(/^未保存：.+未做任何更改；请更正账户后再次保存。$/);
    expect(await refusal.innerText()).not.toContain('Not saved');
    await page.screenshot({ path: path.join(dir, 'account-edit-refused-zh-CN-dark.png') });
    await setPreferences({ language: 'en', theme: 'light' });
    expect(await page.inputValue('#account-name')).toBe('PBX 4 (wrong key)');
    expect(await page.inputValue('#account-secret')).toBe(WRONG);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    // Nothing was saved: the old name, and the stored key still connects.
    expect(await card('PBX 4 (wrong key)').count()).toBe(0);
    await renamed.locator('button', { hasText: 'Test connection' }).click();
    await expect
      .poll(() => renamed.locator('[data-testid="connection-check"]').textContent())
      .not.toBe(connected);
    expect(await renamed.locator('[data-testid="connection-check"]').textContent()).toMatch(
      /^Connected/,
    );
  });
});
