import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ItniotechSim } from '../../../main/services/sandbox/itniotech/itniotech-sim';
import type { YccallSim } from '../../../main/services/sandbox/yccall/yccall-sim';
import type { Catalogue } from '../../../renderer/i18n/en';
import { startHost, type Host } from '../../host/server';
import { launchChromium, screenshotDir } from '../browser';
import { CATALOGUES } from '../screens';

// What every manager journey (issue 13) starts from: the app on a fresh data folder in a
// laptop-size window (1366 × 768), in one language, driven through the built renderer in
// Chromium by the names a person reads (the UI's own catalogues, so the same steps run in
// English and Chinese). Outcomes are checked where they land: the vendor simulators.

/** The languages every journey runs in. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type JourneyLocale = (typeof LOCALES)[number];

/** One journey's app, window and words. */
export interface Journey {
  readonly host: Host;
  readonly browser: Browser;
  readonly page: Page;
  readonly locale: JourneyLocale;
  /** The UI text of the journey's language, by message key. */
  readonly t: Catalogue;
  /** A folder for the files the manager picks. */
  readonly folder: string;
  /** Saves a screenshot of the window as `<journey>-<step>-<locale>.png`. */
  shoot(step: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the app on a fresh data folder and opens its window at 1366 × 768 in `locale`. */
export async function startJourney(name: string, locale: JourneyLocale): Promise<Journey> {
  const host = await startHost({ systemLocale: locale === 'en' ? 'en-US' : 'zh-CN' });
  const browser = await launchChromium();
  const page = await (
    await browser.newContext({ viewport: { width: 1366, height: 768 } })
  ).newPage();
  await page.goto(host.url);
  await page.waitForSelector(`html[data-ready="true"][lang="${locale}"]`);
  const folder = await mkdtemp(path.join(tmpdir(), `campaign-desk-journey-${name}-`));
  const shots = path.join(await screenshotDir(), 'journeys');
  await mkdir(shots, { recursive: true });
  return {
    host,
    browser,
    page,
    locale,
    t: CATALOGUES[locale],
    folder,
    shoot: async (step) => {
      await page.screenshot({ path: path.join(shots, `${name}-${step}-${locale}.png`) });
    },
    close: async () => {
      await browser.close();
      await host.close();
    },
  };
}

/** A message of the journey's language with its `{placeholders}` filled in. */
export function words(
  journey: Journey,
  key: keyof Catalogue,
  values: Record<string, string | number> = {},
): string {
  return String(journey.t[key]).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The button a person would press, by the name they read. */
export function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

/** Opens a section from the sidebar and waits for it. */
export async function openSection(journey: Journey, section: string): Promise<void> {
  await journey.page.click(`a[data-section="${section}"]`);
  await journey.page.waitForSelector(`main.content[data-section="${section}"]`);
}

/** Runs a request through the app's core, as the window would; throws the app's message. */
export async function dispatch(
  journey: Journey,
  channel: string,
  request: unknown,
): Promise<Record<string, unknown>> {
  const result = await journey.host.core.dispatch(channel, request, {
    signal: new AbortController().signal,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Record<string, unknown>;
}

/** The id of the account called `name`. */
export async function accountId(journey: Journey, name: string): Promise<string> {
  const listed = (await dispatch(journey, 'accounts.list', {})) as {
    accounts: { id: string; name: string }[];
  };
  const found = listed.accounts.find((account) => account.name === name);
  if (!found) throw new Error(`no account ${name}`);
  return found.id;
}

/** The id of the newest list. */
export async function newestListId(journey: Journey): Promise<string> {
  const listed = (await dispatch(journey, 'lists.list', {})) as { lists: { id: string }[] };
  const first = listed.lists[0];
  if (!first) throw new Error('no list');
  return first.id;
}

/** The demo's vendor simulators (running inside the app once the demo accounts exist). */
export function demoSims(journey: Journey): { itnio: ItniotechSim; yccall: YccallSim } {
  const sims = journey.host.core.demo.simulators();
  if (!sims) throw new Error('The demo simulators are not running.');
  return { itnio: sims.itniotech, yccall: sims.yccall };
}

/** Accounts → "Try the demo": the two demo accounts, backed by the strict simulators. */
export async function addDemo(journey: Journey): Promise<void> {
  await openSection(journey, 'accounts');
  await button(journey.page, journey.t['accounts.tryDemo']).click();
  await expect.poll(() => journey.page.locator('article.account-card').count()).toBe(2);
}

/** Writes a CSV of `count` Chinese mobiles (national form, `139…`) with names; returns its path. */
export async function writeMobiles(
  journey: Journey,
  fileName: string,
  count: number,
  prefix = '139',
): Promise<string> {
  const file = path.join(journey.folder, fileName);
  const rows = Array.from({ length: count }, (_, i) => `${mobile(prefix, i)},Customer ${i}`);
  await writeFile(file, `Mobile,Name\n${rows.join('\n')}\n`);
  return file;
}

/** The i-th mobile of a generated list, in national form. */
export function mobile(prefix: string, i: number): string {
  return `${prefix}${String(i).padStart(11 - prefix.length, '0')}`;
}

/**
 * Lists → "Import a list": picks the file, maps phone and name, chooses China and the vendor's
 * number rule, imports, and waits for the counts.
 */
export async function importList(
  journey: Journey,
  file: string,
  rule: 'yccall' | 'itniotech-voice' | 'itniotech-ai' | 'none',
): Promise<void> {
  const { page, t } = journey;
  await openSection(journey, 'lists');
  await button(page, t['lists.import']).click();
  journey.host.dialogs.queueOpen(file);
  await button(page, t['lists.chooseFile']).click();
  await page.waitForSelector('[data-testid="picked-file"]');
  await page.waitForSelector('table.preview');
  await page.selectOption('select[data-column="0"]', 'phone');
  await page.selectOption('select[data-column="1"]', 'name');
  await page.selectOption('#import-country', 'CN');
  await page.selectOption('#import-rule', rule);
  await button(page.locator('.import-panel'), t['lists.start']).click();
  await page.getByTestId('list-counts').waitFor({ timeout: 60_000 });
}

/** Drafts → "New draft" of `kind` for `account` with the newest list; the editor opens. */
export async function newDraft(
  j: Journey,
  account: string,
  kind: string,
  name: string,
): Promise<void> {
  const { page, t } = j;
  const listId = await newestListId(j);
  await openSection(j, 'drafts');
  await button(page, t['drafts.new']).click();
  await page.selectOption('#new-draft-account', await accountId(j, account));
  await page.selectOption('#new-draft-kind', kind);
  await page.selectOption('#new-draft-list', listId);
  await button(page, t['drafts.new.create']).click();
  await page.waitForSelector('#draft-name');
  await page.fill('#draft-name', name);
}

/**
 * Drafts → "New draft" for a Yccall predictive task of the list, named `name`, routed to the
 * queue `queue-1`, until the editor says nothing is missing.
 */
export async function draftPredictive(j: Journey, account: string, name: string): Promise<void> {
  const { page } = j;
  await newDraft(j, account, 'predictive', name);
  await page.selectOption('#draft-setting-assignType', 'queue');
  const agent = page.locator('#draft-setting-assignAgent');
  if ((await agent.evaluate((element) => element.tagName)) === 'SELECT')
    await agent.selectOption('queue-1');
  else await agent.fill('queue-1');
  await page.fill('#draft-setting-callsPerAgent', '2');
  await page.getByTestId('no-problems').waitFor();
}

/**
 * "Send to the vendor": the review is made, one confirmation says how many numbers go to which
 * account and when; "Send now" queues it and the notice opens its outbox entry.
 */
export async function sendWithConfirmation(
  j: Journey,
  count: number,
  account: string,
): Promise<void> {
  const { page, t } = j;
  await button(page, t['drafts.submit']).click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  const confirmation = await page.getByTestId('send-confirmation').innerText();
  expect(confirmation).toContain(count.toLocaleString(j.locale));
  expect(confirmation).toContain(account);
  expect(confirmation).toContain(t['drafts.confirm.now']);
  await j.shoot('confirm');
  await button(dialog, t['drafts.confirm.send']).click();
  const queued = page.getByTestId('queued');
  await queued.waitFor();
  await button(queued, t['drafts.action.openOutbox']).click();
}
