import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YccallSim } from '../../main/services/sandbox/yccall/yccall-sim';
import { startHost, type Host } from '../host/server';
import { launchChromium, screenshotDir } from './browser';
import { confirmSendAndOpenOutbox } from '../electron-smoke/journey';

// Calling compliance as a manager lives it (issue 17), at 1366 × 768 from a fresh data folder,
// against the demo Yccall server (the strict simulator):
// 1. import a do-not-call list and mark it as one; 2. draft a campaign that hits the DNC list,
// the history rule (a number an earlier campaign sent through the app) and a night window;
// 3. see the exclusions and the split in the review; 4. send; 5. export the compliance report
// and read it back. Outcomes are checked where they land: the simulator's tasks and numbers.
//
// The night window does not depend on when the test runs: the campaign calls Honolulu
// (UTC−10), China (UTC+8) and London (UTC+0/+1). With a 09:00–20:00 window, whenever Honolulu
// is inside it (09–20), China is 03–14 the next day and is inside only for Honolulu 15–20,
// when London is 01–07: at every instant at least one of them is outside the window.

const CN = (i: number) => `+861390000000${i}`;
const GB = (i: number) => `+44207946000${i}`;
const HNL = (i: number) => `+1808941200${i}`;
const AU = (i: number) => `+6141234567${i}`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The campaign's list: 10 in China, 5 in London, 5 in Honolulu, 3 Australian mobiles. */
const SPRING = [
  ...range(10).map(CN),
  ...range(5).map(GB),
  ...range(5).map(HNL),
  ...range(3).map(AU),
];
/** The national registry export imported as a list, then marked as a do-not-call list. */
const REGISTRY = [CN(1), HNL(1), '+8613700000077'];
/** Added by hand: the customer asked. */
const ASKED = GB(1);
/** Sent by an earlier campaign through the app: called recently. */
const EARLIER = [CN(2), HNL(2)];
const ON_DNC = [CN(1), HNL(1), ASKED];
const EXPECTED_SENT = SPRING.filter((n) => !ON_DNC.includes(n) && !EARLIER.includes(n));

/** The split tasks the review proposed (step 3), to find at the vendor after sending (step 4). */
let proposed: {
  name: string;
  zone: string;
  count: number;
  localStart: string;
  vendor: string;
}[] = [];
/** The country code each zone group's numbers start with. */
const ZONE_PREFIX: Record<string, string> = {
  'Asia/Shanghai': '+86',
  'Europe/London': '+44',
  'Pacific/Honolulu': '+1',
  'Australia/Perth': '+61',
};

/** A UTC instant (`yyyy-mm-dd hh:mmZ`) as `yyyy-mm-dd hh:mm` in a time zone. */
function localTime(utc: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(utc.replace(' ', 'T')))
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

let host: Host;
let browser: Browser;
let page: Page;
let folder = '';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function dispatch(channel: string, request: unknown): Promise<Record<string, unknown>> {
  const result = await host.core.dispatch(channel, request, {
    signal: new AbortController().signal,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Record<string, unknown>;
}

async function writeCsv(name: string, numbers: readonly string[]): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, `phone,name\n${numbers.map((n, i) => `${n},Customer ${i}`).join('\n')}\n`);
  return file;
}

/** Imports a list the quick way (the journey imports the DNC list through the window). */
async function importList(name: string, numbers: readonly string[]): Promise<void> {
  host.dialogs.queueOpen(await writeCsv(name, numbers));
  const picked = await dispatch('lists.pickFile', {});
  await dispatch('lists.import', {
    fileId: picked['fileId'],
    jobId: `e2e-${name.replace(/\W/g, '-')}`,
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

/** A number as the demo PBX (home country China, international prefix 00) dials it, as E.164. */
function asE164(dialled: string): string {
  return dialled.startsWith('00') ? `+${dialled.slice(2)}` : `+86${dialled}`;
}

async function setPreferences(patch: { theme: 'light' | 'dark'; language: 'en' | 'zh-CN' }) {
  const ok = await page.evaluate(
    `window.api.invoke('settings.update', { patch: ${JSON.stringify(patch)} }).then((r) => r.ok)`,
  );
  expect(ok).toBe(true);
  await page.waitForSelector(`html[lang="${patch.language}"][data-theme="${patch.theme}"]`);
}

const LOOKS = [
  ['en', 'light'],
  ['zh-CN', 'dark'],
] as const;
const ALL_LOOKS = [...LOOKS, ['en', 'dark'], ['zh-CN', 'light']] as const;

/** Screenshots of the window as it is, in each look; back to English/light afterwards. */
async function shoot(
  name: string,
  looks: readonly (readonly ['en' | 'zh-CN', 'light' | 'dark'])[] = LOOKS,
  element?: string,
): Promise<void> {
  const dir = await screenshotDir();
  for (const [language, theme] of looks) {
    await setPreferences({ language, theme });
    const file = path.join(dir, `compliance-${name}-${language}-${theme}.png`);
    if (element) await page.locator(element).screenshot({ path: file });
    else await page.screenshot({ path: file });
  }
  await setPreferences({ language: 'en', theme: 'light' });
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/** axe-core on a part of the page: no critical or serious violation (printed when there are). */
async function expectAccessible(selector: string): Promise<void> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy refuses inline scripts.
  await page.evaluate(await readFile(axePath, 'utf8'));
  // Runs in the page (the test's tsconfig has no DOM types, so the code travels as text).
  const violations = (await page.evaluate(`axe
    .run(${JSON.stringify(selector)}, { resultTypes: ['violations'] })
    .then((result) => result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((node) => node.target.join(' ')),
    })))`)) as readonly AxeViolation[];
  const blocking = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
}

/** The page never scrolls sideways, at the size it is now. */
async function expectNoSidewaysScroll(): Promise<void> {
  const overflow = await page.evaluate(`(() => {
    const root = document.documentElement;
    const content = document.querySelector('.content');
    return {
      page: root.scrollWidth - root.clientWidth,
      content: content ? content.scrollWidth - content.clientWidth : 0,
    };
  })()`);
  expect(overflow).toEqual({ page: 0, content: 0 });
}

/** Scrolls the section back to its top (where a manager lands), for a screenshot. */
async function toTop(): Promise<void> {
  await page.evaluate(`document.querySelector('.content').scrollTo(0, 0)`);
}

/** Scrolls the element to the top of the window (the tall review does not fit it whole). */
async function scrollToTop(selector: string): Promise<void> {
  await page.locator(selector).evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

async function atBothSizes(check: () => Promise<void>): Promise<void> {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await check();
  }
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
}

const review = () => page.getByTestId('compliance-review');

/** The review's count of one kind ("dnc", "recent-call", "to-send"). */
async function reviewCount(kind: string): Promise<string> {
  return (await review().locator(`[data-count="${kind}"] dd`).textContent()) ?? '';
}

/** Exports the review's compliance report through the window and reads the workbook back. */
async function exportReport(): Promise<(sheet: string) => string[][]> {
  const saved = host.dialogs.saved.length;
  await review().locator('button:has-text("Export compliance report")').click();
  await expect.poll(() => host.dialogs.saved.length, { timeout: 30_000 }).toBe(saved + 1);
  await review().getByTestId('compliance-exported').waitFor();
  const file = host.dialogs.saved.at(-1) ?? '';
  expect(await review().getByTestId('compliance-exported').textContent()).toContain(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return (name: string): string[][] => {
    const rows: string[][] = [];
    workbook.getWorksheet(name)?.eachRow((row) => {
      rows.push(Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).text));
    });
    return rows;
  };
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-e2e-compliance-'));
  host = await startHost({ systemLocale: 'en-US' });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(`${host.url}#/accounts`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.click('button:has-text("Try the demo")');
  await page.locator('article.account-card[aria-label="Demo · Yccall server"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('calling compliance in the app', () => {
  it('0. an earlier campaign, sent through the app, puts its numbers in the call history', async () => {
    await importList('earlier.csv', EARLIER);
    await newYccallDraft('Earlier callbacks', 'earlier.csv (2 numbers)');
    await page.uncheck('#draft-calling-window-check');
    await page.waitForSelector('[data-testid="no-problems"]');
    await page.click('button:has-text("Review before sending")');
    await page.getByTestId('preflight').waitFor();
    await confirmSendAndOpenOutbox(page);
    const row = page.locator('tr[data-submission="Earlier callbacks"]');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
  });

  it('1. imports a do-not-call list, marks it as one, and sets the defaults', async () => {
    // The registry export is imported like any list, through the host's file path field.
    const registry = await writeCsv('registry.csv', REGISTRY);
    await page.click('a[data-section="lists"]');
    await page.click('button:has-text("Import a list")');
    await page.fill('#host-path', registry);
    await page.click('button:has-text("Use this path")');
    await page.waitForSelector('[data-testid="picked-file"]', { timeout: 60_000 });
    await page.click('.import-panel button.primary:has-text("Import")');
    await page.waitForSelector('[data-testid="list-counts"]', { timeout: 60_000 });

    await page.click('a[data-section="compliance"]');
    await page.getByText('No do-not-call lists yet').waitFor();
    await page.click('button:has-text("New do-not-call list")');
    await page.fill('#dnc-new-name', 'Do not call');
    await page.click('button:has-text("Create list")');
    const detail = page.getByTestId('dnc-detail');
    await detail.waitFor();
    await page.selectOption('#dnc-imported-list', { label: 'registry.csv (3 numbers)' });
    await page.fill('#dnc-imported-source', 'national registry export');
    await page.click('button:has-text("Add its numbers")');
    await page.getByText('3 numbers of “registry.csv” added to the list.').waitFor();
    // And one number by hand, with an expiry and a source.
    await page.fill('#dnc-add-number', ASKED);
    await page.fill('#dnc-add-expires', '2099-12-31');
    await page.fill('#dnc-add-source', 'customer asked');
    await page.click('button:has-text("Add the number")');
    await page.getByText(`${ASKED} added to the list.`).waitFor();
    await expect
      .poll(() => page.locator('tr[data-dnc-number]').evaluateAll((rows) => rows.length))
      .toBe(4);
    const asked = page.locator(`tr[data-dnc-number="${ASKED}"]`);
    expect(await asked.innerText()).toMatch(/2099-12-31\s+customer asked/);
    await toTop();
    await shoot('dnc-list-added', [['en', 'light']]);
    // A number that is not a phone number changes nothing and says why.
    await page.fill('#dnc-add-number', 'call me');
    await page.click('button:has-text("Add the number")');
    await page.locator('.dnc-detail .form-failure').waitFor();
    expect(await page.locator('tr[data-dnc-number]').count()).toBe(4);
    expect(await page.inputValue('#dnc-add-number')).toBe('call me');
    await page.fill('#dnc-add-number', '');

    await atBothSizes(async () => {
      await expectNoSidewaysScroll();
      // The numbers' table fits its card (its Remove buttons are not cut off).
      const spill = await page.evaluate(`(() => {
        const card = document.querySelector('.dnc-entries');
        const table = card.querySelector('table');
        return table.getBoundingClientRect().right - card.getBoundingClientRect().right;
      })()`);
      expect(spill).toBeLessThanOrEqual(0);
    });
    await expectAccessible('#content');
    await toTop();
    await shoot('dnc-list', ALL_LOOKS);
    await page.click('button:has-text("Back to do-not-call lists")');
    const listRow = page.locator('tr[data-dnc-list="Do not call"]');
    expect(await listRow.innerText()).toMatch(/All accounts\s+4/);
    await expectAccessible('#content');
    await shoot('dnc-lists', ALL_LOOKS);

    // The defaults every new draft starts with, and a blackout date.
    await page.click('button[role="tab"]:has-text("Defaults and blackout dates")');
    await page.fill('#compliance-recent-days', '30');
    await page.fill('#compliance-window-start', '09:00');
    await page.fill('#compliance-window-end', '20:00');
    await page.click('.compliance-defaults button:has-text("Save")');
    await page.getByText('Defaults saved. New drafts start with them.').waitFor();
    await page.selectOption('#blackout-country', 'GB');
    await page.fill('#blackout-date', '2099-12-25');
    await page.click('button:has-text("Add the date")');
    await page.locator('.blackout-country[data-country="GB"]').getByText('2099-12-25').waitFor();
    expect(await dispatch('compliance.settings', {})).toEqual({
      recentCallDays: 30,
      callingWindow: { start: '09:00', end: '20:00' },
      blackoutDates: { GB: ['2099-12-25'] },
    });
    await atBothSizes(expectNoSidewaysScroll);
    await expectAccessible('#content');
    await toTop();
    await shoot('defaults', ALL_LOOKS);
  });

  it('2. drafts a campaign whose list hits the DNC list, the history rule and a night window', async () => {
    await importList('spring.csv', SPRING);
    await page.click('a[data-section="lists"]');
    // Marked at import: the list's numbers on a do-not-call list.
    const springRow = page.locator('tr', { hasText: 'spring.csv' });
    await expect
      .poll(() => springRow.getByTestId('dnc-mark').textContent())
      .toBe('3 numbers are on a do-not-call list');
    await atBothSizes(expectNoSidewaysScroll);
    await shoot('lists-mark');

    await newYccallDraft('Spring compliance', 'spring.csv (23 numbers)');
    // The draft starts with the defaults.
    expect(await page.inputValue('#draft-recent-days')).toBe('30');
    expect(await page.isChecked('#draft-calling-window-check')).toBe(true);
    expect(await page.inputValue('#draft-calling-window-start')).toBe('09:00');
    expect(await page.inputValue('#draft-calling-window-end')).toBe('20:00');
    expect(await page.isChecked('#draft-split-by-zone')).toBe(false);
    await page.getByTestId('compliance-fields').scrollIntoViewIfNeeded();
    await shoot('draft-fields');
  });

  it('3. shows the exclusions, the zones and the split in the review', async () => {
    await page.click('button:has-text("Review before sending")');
    await review().waitFor();
    expect(await reviewCount('dnc')).toBe('3');
    expect(await reviewCount('recent-call')).toBe('2');
    expect(await reviewCount('to-send')).toBe(String(SPRING.length - 5));

    // Which numbers, and why.
    await review().locator('button:has-text("Show which numbers")').click();
    const rows = review().locator('[data-testid="exclusions"] tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    const excluded = await rows.evaluateAll((trs) =>
      trs.map((tr) => `${tr.getAttribute('data-rule')} ${tr.getAttribute('data-phone')}`).sort(),
    );
    expect(excluded).toEqual(
      [...ON_DNC.map((n) => `dnc ${n}`), ...EARLIER.map((n) => `recent-call ${n}`)].sort(),
    );

    // The Australian mobiles carry no region: the manager is asked, the app does not guess.
    const zones = review().getByTestId('zone-groups');
    const unknown = zones.locator('tr.zone-needs-choice');
    expect(await unknown.count()).toBe(1);
    expect(await unknown.innerText()).toContain('choose one');
    await unknown.locator('select').selectOption('Australia/Perth');
    await expect.poll(() => zones.locator('tr.zone-needs-choice').count()).toBe(0);
    await expect
      .poll(() =>
        zones
          .locator('tr[data-zone]')
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-zone')).sort()),
      )
      .toEqual(['Asia/Shanghai', 'Australia/Perth', 'Europe/London', 'Pacific/Honolulu']);
    // Sent now as one task, someone would be called at night: that zone is highlighted.
    expect(await zones.locator('tr.outside-window').count()).toBeGreaterThan(0);
    expect(await zones.locator('tr.outside-window').first().innerText()).toContain(
      'Starts outside the window',
    );

    // "Include anyway" is recorded with the draft, and undone.
    await page.check('#include-recent-calls');
    await review().getByTestId('include-recorded').waitFor();
    await expect.poll(() => reviewCount('to-send')).toBe(String(SPRING.length - 3));
    await expect
      .poll(() => review().locator('tr[data-rule="recent-call"][data-included="true"]').count())
      .toBe(2);
    await page.uncheck('#include-recent-calls');
    await expect.poll(() => reviewCount('to-send')).toBe(String(SPRING.length - 5));

    // One task per zone group, each starting inside the window in its zone.
    await page.check('#review-split-by-zone');
    const split = review().getByTestId('split-tasks');
    await expect.poll(() => split.locator('tbody tr').count(), { timeout: 30_000 }).toBe(4);
    const counts = await split
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs
          .map(
            (tr) =>
              `${tr.getAttribute('data-split-zone')} ${tr.querySelectorAll('td')[2]?.textContent}`,
          )
          .sort(),
      );
    expect(counts).toEqual([
      'Asia/Shanghai 8',
      'Australia/Perth 3',
      'Europe/London 4',
      'Pacific/Honolulu 3',
    ]);
    // The editor's own toggle follows (it is the same choice, saved with the draft).
    expect(await page.isChecked('#draft-split-by-zone')).toBe(true);
    await page.waitForSelector('[data-testid="no-problems"]');

    await atBothSizes(expectNoSidewaysScroll);
    await expectAccessible('[data-testid="compliance-review"]');
    await setPreferences({ language: 'en', theme: 'dark' });
    await expectAccessible('[data-testid="compliance-review"]');
    await setPreferences({ language: 'en', theme: 'light' });
    // The window as the manager sees it: the review's counts, then its zones and the split.
    await scrollToTop('[data-testid="compliance-review"]');
    await shoot('review', ALL_LOOKS);
    await scrollToTop('[data-testid="zone-groups"]');
    await shoot('review-split', ALL_LOOKS);

    // The report of what is about to go out, read back from the workbook the app wrote.
    const rowsOf = await exportReport();
    const summary = new Map(rowsOf('Compliance report').map(([item, value]) => [item, value]));
    expect(summary.get('Campaign')).toBe('Spring compliance');
    expect(summary.get('Skip numbers called in the last N days')).toBe('30');
    expect(summary.get('Calling window (recipient time)')).toBe('09:00–20:00');
    expect(summary.get('Include recently called numbers anyway')).toBe('no');
    expect(summary.get('Excluded: do-not-call list')).toBe('3');
    expect(summary.get('Excluded: called recently')).toBe('2');
    expect(summary.get('Numbers sent')).toBe(String(EXPECTED_SENT.length));
    // Every exclusion with its rule and, for the do-not-call ones, the list that holds it.
    const byNumber = new Map(
      rowsOf('Exclusions')
        .slice(1)
        .map(([, phone, rule, list]) => [phone, `${rule} ${list ?? ''}`.trim()]),
    );
    expect(byNumber.size).toBe(5);
    for (const number of ON_DNC) expect(byNumber.get(number)).toBe('do-not-call list Do not call');
    for (const number of EARLIER) expect(byNumber.get(number)).toBe('called recently');
    // The zones with their local times, and the tasks the split proposes.
    const zoneRows = rowsOf('Zones')
      .slice(1)
      .map(([zone, country, count]) => `${zone} ${country} ${count}`);
    expect(zoneRows.sort()).toEqual([
      'Asia/Shanghai CN 8',
      'Australia/Perth AU 3',
      'Europe/London GB 4',
      'Pacific/Honolulu US 3',
    ]);
    proposed = rowsOf('Split tasks')
      .slice(1)
      .map(([name = '', zone = '', count = '', localStart = '', vendor = '']) => ({
        name,
        zone,
        count: Number(count),
        localStart,
        vendor,
      }));
    expect(proposed.map((task) => `${task.zone} ${task.count}`).sort()).toEqual([
      'Asia/Shanghai 8',
      'Australia/Perth 3',
      'Europe/London 4',
      'Pacific/Honolulu 3',
    ]);
    for (const task of proposed) {
      // Each task starts inside 09:00–20:00 in its zone, and what the vendor receives (its
      // server time, UTC for the demo server) is that same instant.
      const local = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/.exec(task.localStart);
      expect(local, task.localStart).not.toBeNull();
      const time = local?.[2] ?? '';
      expect(time >= '09:00' && time < '20:00', `${task.zone} starts at ${time}`).toBe(true);
      const scheduled = /scheduledtime (\d{4}-\d{2}-\d{2} \d{2}:\d{2}):\d{2}/.exec(task.vendor);
      expect(scheduled, task.vendor).not.toBeNull();
      expect(localTime(`${scheduled?.[1] ?? ''}Z`, task.zone)).toBe(`${local?.[1]} ${time}`);
    }
  });

  it('4. sends: one scheduled task per zone group, and no excluded number reaches the vendor', async () => {
    await page.click('button:has-text("Send to the vendor")');
    // One confirmation says what will happen: 18 numbers, four tasks, one per zone.
    expect(await page.getByTestId('send-confirmation').innerText()).toContain(
      'Send 18 numbers to Demo · Yccall server as 4 tasks, one per time zone',
    );
    await page.locator('dialog[open] button:has-text("Send now")').click();
    await page.getByTestId('queued').locator('button:has-text("Open in the outbox")').click();
    const rows = page.locator('tr[data-submission^="Spring compliance"]');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(4);
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state'))), {
        timeout: 60_000,
      })
      .toEqual(['done', 'done', 'done', 'done']);
    await shoot('outbox');

    const tasks = yccallSim()
      .tasks()
      .filter((task) => task.name.startsWith('Spring compliance'));
    expect(tasks).toHaveLength(4);
    const sent = tasks.flatMap((task) => yccallSim().numbersOf(task.id).map(asE164));
    expect([...sent].sort()).toEqual([...EXPECTED_SENT].sort());
    for (const excluded of [...ON_DNC, ...EARLIER]) expect(sent).not.toContain(excluded);
    // Each zone group is its own task, named as the review proposed, holding only that zone's
    // numbers.
    expect(tasks.map((task) => task.name).sort()).toEqual(proposed.map((p) => p.name).sort());
    for (const task of tasks) {
      const plan = proposed.find((p) => p.name === task.name);
      const numbers = yccallSim().numbersOf(task.id).map(asE164);
      expect(numbers, task.name).toHaveLength(plan?.count ?? -1);
      const prefix = ZONE_PREFIX[plan?.zone ?? ''] ?? '?';
      for (const number of numbers) expect(number.startsWith(prefix), number).toBe(true);
    }
    expect(yccallSim().strict?.violations()).toEqual([]);
  });

  it('5. exports the compliance report after sending and reads back what was sent', async () => {
    // The sent draft's review offers the report, now with the proof of the send.
    await page.click('a[data-section="drafts"]');
    // Sent, it has left the editable drafts: the Sent tab shows it, read-only.
    await page.click('button[role="tab"]:has-text("Sent")');
    await page.locator('tr[data-sent-draft="Spring compliance"] button:has-text("View")').click();
    await page
      .getByTestId('read-only')
      .locator('button:has-text("Show the review and compliance report")')
      .click();
    await review().waitFor();
    // The numbers just sent are in the call history now: sent again today, all would be skipped.
    await expect.poll(() => reviewCount('recent-call')).toBe(String(SPRING.length - 3));
    const rowsOf = await exportReport();

    // What each submission was checked with: one per zone group, the numbers it holds.
    const proof = rowsOf('Submissions')
      .slice(1)
      .map(([submission, , event, details]) => ({
        submission,
        event,
        details: JSON.parse(details ?? '{}') as Record<string, unknown>,
      }));
    const checked = proof.filter((row) => row.event === 'compliance.checked');
    expect(
      checked
        .map((row) => `${String(row.details['zone'])} ${String(row.details['numbers'])}`)
        .sort(),
    ).toEqual(['Asia/Shanghai 8', 'Australia/Perth 3', 'Europe/London 4', 'Pacific/Honolulu 3']);
    for (const row of checked) {
      expect(row.details).toMatchObject({
        recentCallDays: 30,
        includeRecentCalls: false,
        excluded: { dnc: 3, recentCall: 2 },
        toSend: EXPECTED_SENT.length,
        splitByZone: true,
      });
    }
    // The numbers left out at send time, by rule.
    const excluded = proof
      .filter((row) => row.event === 'compliance.excluded')
      .flatMap((row) =>
        (row.details['numbers'] as string[]).map((n) => `${String(row.details['rule'])} ${n}`),
      );
    expect(excluded.sort()).toEqual(
      [...ON_DNC.map((n) => `dnc ${n}`), ...EARLIER.map((n) => `recent-call ${n}`)].sort(),
    );
    // And the exclusions as they stand now: the sent numbers count as called recently.
    const now = new Map(
      rowsOf('Exclusions')
        .slice(1)
        .map(([, phone, rule]) => [phone, rule]),
    );
    for (const number of ON_DNC) expect(now.get(number)).toBe('do-not-call list');
    for (const number of [...EARLIER, ...EXPECTED_SENT])
      expect(now.get(number)).toBe('called recently');
    await scrollToTop('[data-testid="compliance-exported"]');
    await shoot('exported');
  });
});
