import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { en, type Catalogue } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zh-cn';
import type { Host } from '../host/server';

// Every screen of the app, reached the way a manager reaches it, for the checks that must hold
// on all of them (axe in test/e2e/a11y.test.ts, no page-level horizontal scroll in
// test/e2e/layout.test.ts). Each screen is opened by language-independent selectors, so the
// same walk runs in English and Chinese, and waits for a state that shows the screen is there.

/** The campaign the world sends to the demo Yccall server (it appears on the board). */
export const SENT_CAMPAIGN = 'Screens walk';

/** The UI text of each language, for buttons found by the name a person reads. */
export const CATALOGUES: Readonly<Record<'en' | 'zh-CN', Catalogue>> = { en, 'zh-CN': zhCN };

/** One screen: how to open it from anywhere in the app (in the language shown), and its name. */
export interface Screen {
  readonly name: string;
  open(page: Page, t: Catalogue): Promise<void>;
}

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

/** Runs a request through the host's core, as the window would; throws the app's message. */
export async function dispatch(
  host: Host,
  channel: string,
  request: unknown,
): Promise<Record<string, unknown>> {
  const result = await host.core.dispatch(channel, request, {
    signal: new AbortController().signal,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Record<string, unknown>;
}

/**
 * What the screens need to show data: the demo accounts (with their sample tasks), an imported
 * list, a draft of it, and the same campaign sent to the demo Yccall server (an outbox entry and
 * a task on the board).
 */
export async function prepareWorld(host: Host): Promise<void> {
  const demo = (await dispatch(host, 'accounts.addDemo', {})) as {
    accounts: { id: string; vendor: string }[];
  };
  const yccall = demo.accounts.find((account) => account.vendor === 'yccall');
  if (!yccall) throw new Error('no demo Yccall account');
  const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-e2e-screens-'));
  const csv = path.join(folder, 'screens-list.csv');
  const rows = Array.from(
    { length: 40 },
    (_, i) => `139${String(i).padStart(8, '0')},Customer ${i}`,
  );
  await writeFile(csv, `Mobile,Name\n${rows.join('\n')}\n`);
  host.dialogs.queueOpen(csv);
  const picked = await dispatch(host, 'lists.pickFile', {});
  const list = await dispatch(host, 'lists.import', {
    fileId: picked['fileId'],
    jobId: 'e2e-screens',
    options: {
      mapping: { phone: 0, name: 1, variables: [] },
      defaultCountry: 'CN',
      rule: 'yccall',
    },
  });
  const created = await dispatch(host, 'drafts.create', {
    accountId: yccall.id,
    kind: 'predictive',
    listId: list['id'],
    name: SENT_CAMPAIGN,
  });
  const settings = created['settings'] as Record<string, unknown>;
  const saved = await dispatch(host, 'drafts.save', {
    id: created['id'],
    name: SENT_CAMPAIGN,
    listId: created['listId'],
    settings: { ...settings, assignType: 'queue', assignAgent: 'queue-1', callsPerAgent: 2 },
    schedule: created['schedule'],
    compliance: created['compliance'],
    notes: created['notes'],
    revision: created['revision'],
  });
  await dispatch(host, 'submissions.submit', { draftId: saved['id'] });
  // Created once a read-back at the server shows every number (the outbox says "done").
  await vi.waitFor(
    async () => {
      const listed = (await dispatch(host, 'submissions.list', {})) as {
        submissions: { name: string; state: string }[];
      };
      const state = listed.submissions.find((entry) => entry.name === SENT_CAMPAIGN)?.state;
      if (state !== 'done') throw new Error(`the sent campaign is ${state ?? 'missing'}`);
    },
    { timeout: 60_000, interval: 100 },
  );
  // A do-not-call list with a number, for the Compliance screen.
  const dnc = await dispatch(host, 'compliance.createDncList', {
    name: 'Screens registry',
    scope: { kind: 'all-accounts' },
  });
  await dispatch(host, 'compliance.addDncNumbers', {
    listId: dnc['id'],
    entries: [{ number: '+8613900000001', expiresOn: null, source: 'customer asked' }],
    defaultCountry: null,
  });
  // A second draft of the same list stays a draft: the editor and its review.
  await dispatch(host, 'drafts.create', {
    accountId: yccall.id,
    kind: 'predictive',
    listId: list['id'],
    name: 'Screens draft',
  });
}

/** Changes the language and theme as Settings does, and waits until the page shows both. */
export async function useLook(
  page: Page,
  look: { readonly locale: 'en' | 'zh-CN'; readonly theme: 'light' | 'dark' },
): Promise<void> {
  // Runs in the page as the renderer would (the test's tsconfig has no DOM types).
  const ok = await page.evaluate(
    `window.api.invoke('settings.update', { patch: { language: '${look.locale}', theme: '${look.theme}' } }).then((r) => r.ok)`,
  );
  expect(ok).toBe(true);
  await page.waitForSelector(`html[lang="${look.locale}"][data-theme="${look.theme}"]`);
}

async function section(page: Page, name: string): Promise<void> {
  await page.click(`a[data-section="${name}"]`);
  await page.waitForSelector(`main.content[data-section="${name}"]`);
}

/** The board with its rows and the at-a-glance strip. */
async function board(page: Page, t: Catalogue): Promise<void> {
  await section(page, 'tasks');
  // A detail left open by an earlier screen is closed, so the board is seen alone.
  if ((await page.getByTestId('task-detail').count()) > 0) {
    await page
      .getByTestId('task-detail')
      .getByRole('button', { name: t['tasks.detail.close'], exact: true })
      .click();
    await page.getByTestId('task-detail').waitFor({ state: 'detached' });
  }
  await page.locator('.board-grid.grid-row').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('glance').waitFor();
}

async function draftsTab(
  page: Page,
  t: Catalogue,
  tab: 'drafts' | 'sent' | 'outbox' | 'audit',
): Promise<void> {
  await section(page, 'drafts');
  // Back from an editor left open by an earlier screen.
  const back = button(page, t['drafts.action.back']);
  if ((await back.count()) > 0) await back.click();
  await page.getByRole('tab', { name: t[`drafts.tab.${tab}`], exact: true }).click();
}

/** Every screen of the app except the storage recovery (which needs a damaged database). */
export const SCREENS: readonly Screen[] = [
  { name: 'board', open: board },
  {
    name: 'task-detail',
    async open(page, t) {
      await board(page, t);
      // Found by its name, as a manager would on a long board (the grid renders only the rows
      // in view), then the search is cleared again for the screens that follow.
      const search = page.getByRole('searchbox', { name: t['tasks.filter'], exact: true });
      await search.fill(SENT_CAMPAIGN);
      await page
        .locator('.board-grid.grid-row')
        .filter({ hasText: SENT_CAMPAIGN })
        .click({ timeout: 60_000 });
      await search.fill('');
      await page.getByTestId('task-detail').locator('.detail-groups').waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'alerts',
    async open(page, t) {
      await board(page, t);
      const alerts = page.getByTestId('alerts-panel');
      if ((await alerts.count()) === 0) await button(page, t['tasks.alerts']).click();
      await alerts.waitFor();
    },
  },
  {
    name: 'drafts',
    async open(page, t) {
      await draftsTab(page, t, 'drafts');
      await page.locator('tr[data-draft]').first().waitFor();
    },
  },
  {
    name: 'draft-editor',
    async open(page, t) {
      await draftsTab(page, t, 'drafts');
      await page.locator('tr[data-draft="Screens draft"] button').first().click();
      await page.waitForSelector('#draft-name');
    },
  },
  {
    name: 'review',
    async open(page, t) {
      await draftsTab(page, t, 'drafts');
      await page.locator('tr[data-draft="Screens draft"] button').first().click();
      await page.waitForSelector('#draft-name');
      await button(page, t['drafts.review']).click();
      const review = page.getByTestId('preflight');
      await review.waitFor({ timeout: 60_000 });
      // The page scrolls to the report (smoothly): it is looked at once it is in view.
      await expect
        .poll(async () => (await review.boundingBox())?.y ?? Number.POSITIVE_INFINITY)
        .toBeLessThan(400);
    },
  },
  {
    name: 'outbox',
    async open(page, t) {
      await draftsTab(page, t, 'outbox');
      await page.locator(`tr[data-submission="${SENT_CAMPAIGN}"]`).waitFor();
    },
  },
  {
    name: 'sent-drafts',
    async open(page, t) {
      await draftsTab(page, t, 'sent');
      await page.locator(`tr[data-sent-draft="${SENT_CAMPAIGN}"]`).waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'audit',
    async open(page, t) {
      await draftsTab(page, t, 'audit');
      await page.getByText(t['audit.intro']).waitFor();
    },
  },
  {
    name: 'compliance',
    async open(page) {
      await section(page, 'compliance');
      await page.getByText('Screens registry').first().waitFor();
    },
  },
  {
    name: 'lists',
    async open(page, t) {
      await section(page, 'lists');
      const back = button(page, t['lists.action.back']);
      if ((await back.count()) > 0) await back.click();
      await page.locator('tr[data-list-id]').first().waitFor();
    },
  },
  {
    name: 'list-detail',
    async open(page, t) {
      await section(page, 'lists');
      const back = button(page, t['lists.action.back']);
      if ((await back.count()) > 0) await back.click();
      await page.locator('tr[data-list-id] button.link').first().click();
      await page.getByTestId('list-counts').waitFor();
      await page.locator('.rows-grid.grid-row').first().waitFor();
    },
  },
  {
    name: 'accounts',
    async open(page) {
      await section(page, 'accounts');
      await page.locator('article.account-card').first().waitFor();
    },
  },
  {
    name: 'settings',
    async open(page) {
      await section(page, 'settings');
      await page.waitForSelector('#settings-language');
    },
  },
  {
    name: 'about',
    async open(page) {
      await section(page, 'about');
      await page.waitForSelector('[data-fact="version"]');
    },
  },
];
