import { afterEach, describe, expect, it } from 'vitest';
import {
  button,
  demoSims,
  dispatch,
  LOCALES,
  mobile,
  startJourney,
  writeMobiles,
  type Journey,
} from './kit';
import { activate, chooseIn, isFocused, typeInto } from './keyboard';

// Journey 6 of issue 13: a manager who uses no mouse, from a fresh data folder at 1366 × 768,
// in English and Chinese, with Tab, Enter, Space, arrows, Escape and typing only. Journey 1 (the
// demo, an import, a draft, its review, the confirmation, the task running at the demo Yccall
// server with exactly the list, opened from the grid) and journey 5 (pause, calling rate, resume,
// cancel), each checked at the simulators.

let journey: Journey | undefined;

afterEach(async () => {
  await journey?.close();
  journey = undefined;
});

function sectionLink(j: Journey, section: string) {
  return j.page.locator(`a[data-section="${section}"]`);
}

/**
 * In the focused task grid, moves the selection with the arrow keys to the row that shows all
 * of `texts` (down first, then up); throws when no row does.
 */
async function arrowTo(j: Journey, texts: readonly string[]): Promise<void> {
  const selected = j.page.locator('.grid-row.selected');
  const matches = async () => {
    if ((await selected.count()) === 0) return false;
    const shown = await selected.innerText();
    return texts.every((text) => shown.includes(text));
  };
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let step = 0; step < 60; step += 1) {
      if (await matches()) return;
      await j.page.keyboard.press(key);
    }
  }
  if (!(await matches())) throw new Error(`No row of the grid shows ${texts.join(' · ')}.`);
}

/** From the open task detail: Tab to an action, Enter, then Tab to its confirmation and Enter. */
async function actByKeyboard(
  j: Journey,
  action: 'pause' | 'resume' | 'cancel' | 'edit',
  prepare?: () => Promise<void>,
): Promise<string> {
  const { page, t } = j;
  const detail = page.getByTestId('task-detail');
  await activate(page, detail.locator(`button[data-action="${action}"]`), `the ${action} action`);
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  await prepare?.();
  await activate(page, button(dialog, t[`tasks.confirm.${action}.ok`]), `confirm ${action}`);
  await dialog.waitFor({ state: 'detached' });
  const result = detail.getByTestId('action-result');
  await result.waitFor();
  return result.innerText();
}

async function goTo(j: Journey, section: string): Promise<void> {
  await activate(j.page, sectionLink(j, section), `the ${section} section`);
  await j.page.waitForSelector(`main.content[data-section="${section}"]`);
}

for (const locale of LOCALES) {
  describe(`keyboard only, in ${locale}`, () => {
    it('6. the first campaign without a mouse: demo → import → draft → review → send → on the board', async () => {
      const j = (journey = await startJourney('keyboard', locale));
      const { page, t } = j;
      const campaign = locale === 'en' ? 'Keyboard campaign' : '键盘活动';
      const count = 20;

      // The demo accounts.
      await goTo(j, 'accounts');
      await activate(page, button(page, t['accounts.tryDemo']), 'Try the demo');
      await page.locator('article.account-card').nth(1).waitFor();

      // Import a list: the file dialog answers with the file a person would pick.
      const file = await writeMobiles(j, 'keyboard.csv', count, '135');
      await goTo(j, 'lists');
      await activate(page, button(page, t['lists.import']), 'Import a list');
      j.host.dialogs.queueOpen(file);
      await activate(page, button(page, t['lists.chooseFile']), 'Choose file');
      await page.waitForSelector('table.preview');
      await chooseIn(page, page.locator('select[data-column="0"]'), 'phone', 'column 1');
      await chooseIn(page, page.locator('select[data-column="1"]'), 'name', 'column 2');
      await chooseIn(page, page.locator('#import-country'), 'CN', 'the country');
      await chooseIn(page, page.locator('#import-rule'), 'yccall', 'the number rule');
      await activate(page, button(page.locator('.import-panel'), t['lists.start']), 'Import');
      await page.getByTestId('list-counts').waitFor();
      await j.shoot('imported');

      // A draft for the demo Yccall server.
      const accounts = (await dispatch(j, 'accounts.list', {})) as {
        accounts: { id: string; vendor: string }[];
      };
      const yccallId = accounts.accounts.find((a) => a.vendor === 'yccall')?.id ?? '';
      const lists = (await dispatch(j, 'lists.list', {})) as { lists: { id: string }[] };
      await goTo(j, 'drafts');
      await activate(page, button(page, t['drafts.new']), 'New draft');
      await chooseIn(page, page.locator('#new-draft-account'), yccallId, 'the account');
      await chooseIn(page, page.locator('#new-draft-kind'), 'predictive', 'the kind');
      await chooseIn(page, page.locator('#new-draft-list'), lists.lists[0]?.id ?? '', 'the list');
      await activate(page, button(page, t['drafts.new.create']), 'Create draft');
      await page.waitForSelector('#draft-name');
      await typeInto(page, page.locator('#draft-name'), campaign, 'the name');
      await chooseIn(page, page.locator('#draft-setting-assignType'), 'queue', 'assign to');
      const agent = page.locator('#draft-setting-assignAgent');
      if ((await agent.evaluate((element) => element.tagName)) === 'SELECT')
        await chooseIn(page, agent, 'queue-1', 'the queue');
      else await typeInto(page, agent, 'queue-1', 'the queue');
      await typeInto(page, page.locator('#draft-setting-callsPerAgent'), '2', 'calls per agent');
      await page.getByTestId('no-problems').waitFor();

      // Review, then send through the one confirmation.
      await activate(page, button(page, t['drafts.review']), 'Review before sending');
      const review = page.getByTestId('preflight');
      await review.waitFor();
      await expect
        .poll(async () => (await review.boundingBox())?.y ?? Number.POSITIVE_INFINITY)
        .toBeLessThan(384);
      await j.shoot('review');
      await activate(page, button(page, t['drafts.submit']), 'Send to the vendor');
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor();
      await j.shoot('confirm');
      await activate(page, button(dialog, t['drafts.confirm.send']), 'Send now');
      const queued = page.getByTestId('queued');
      await queued.waitFor();
      // Focus is on what happened, so the next Tab goes on from there.
      await expect.poll(() => isFocused(queued)).toBe(true);
      await activate(page, button(queued, t['drafts.action.openOutbox']), 'Open in the outbox');
      const row = page.locator(`tr[data-submission="${campaign}"]`);
      await expect.poll(() => row.getAttribute('data-state')).toBe('done');

      // Where it landed: exactly the list, at the demo Yccall server, running.
      const yccall = demoSims(j).yccall;
      const task = yccall.tasks().find((candidate) => candidate.name === campaign);
      expect(task?.status).toBe(1026);
      expect([...yccall.numbersOf(task?.id ?? '')].sort()).toEqual(
        Array.from({ length: count }, (_, i) => mobile('135', i)),
      );

      // The board: the skip link leads into the grid; the arrows find the task; Enter opens it.
      await goTo(j, 'tasks');
      const boardRow = page.locator('.board-grid.grid-row').filter({ hasText: campaign });
      await boardRow.first().waitFor();
      await activate(page, page.locator('a.skip-link'), 'the skip link');
      await expect.poll(() => isFocused(page.locator('#task-grid'))).toBe(true);
      const selected = page.locator('.grid-row.selected');
      for (let step = 0; step < 50; step += 1) {
        await page.keyboard.press('ArrowDown');
        if ((await selected.count()) > 0 && (await selected.innerText()).includes(campaign)) break;
      }
      expect(await selected.innerText()).toContain(campaign);
      await page.keyboard.press('Enter');
      const detail = page.getByTestId('task-detail');
      await expect.poll(() => detail.innerText()).toContain(campaign);
      await j.shoot('detail');
      // Escape closes it, and the focus is back in the grid on the same task.
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      expect(await isFocused(page.locator('#task-grid'))).toBe(true);
      expect(await selected.innerText()).toContain(campaign);
    });

    it('6. a change of plan without a mouse: pause, calling rate, resume, cancel', async () => {
      const j = (journey = await startJourney('keyboard-plan', locale));
      const { page, t } = j;
      await goTo(j, 'accounts');
      await activate(page, button(page, t['accounts.tryDemo']), 'Try the demo');
      await page.locator('article.account-card').nth(1).waitFor();
      const { itnio, yccall } = demoSims(j);
      const yccallTask = () => yccall.tasks().find((task) => task.name === 'Spring promotion');
      const itnioTask = () => itnio.ccTasks().find((task) => task.name === 'Agent campaign');
      expect(yccallTask()?.status).toBe(1026);
      expect(itnioTask()?.calloutRate).toBe(2);

      // Into the grid by the skip link; the arrows find the Yccall task; Enter opens it.
      await goTo(j, 'tasks');
      await page.locator('.board-grid.grid-row').first().waitFor();
      await activate(page, page.locator('a.skip-link'), 'the skip link');
      const grid = page.locator('#task-grid');
      await expect.poll(() => isFocused(grid)).toBe(true);
      await arrowTo(j, ['Spring promotion', 'Demo · Yccall server']);
      await page.keyboard.press('Enter');
      const detail = page.getByTestId('task-detail');
      await expect.poll(() => detail.locator('h2').innerText()).toBe('Spring promotion');
      expect(await actByKeyboard(j, 'pause')).toContain(t['tasks.done.pause']);
      expect(yccallTask()?.status).toBe(1027);
      await j.shoot('paused');
      // Escape closes the detail; the focus is back in the grid.
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      await expect.poll(() => isFocused(grid)).toBe(true);

      // The ITNIO call-center task's calls per agent: 2 → 5.
      await arrowTo(j, ['Agent campaign', 'Demo · ITNIO TECH']);
      await page.keyboard.press('Enter');
      await expect.poll(() => detail.locator('h2').innerText()).toBe('Agent campaign');
      const edited = await actByKeyboard(j, 'edit', async () => {
        await typeInto(page, page.locator('#edit-rate'), '5', 'the calls per agent');
        await j.shoot('rate');
      });
      expect(edited).toContain(t['tasks.done.edit']);
      expect(itnioTask()?.calloutRate).toBe(5);
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      await expect.poll(() => isFocused(grid)).toBe(true);

      // Resume the Yccall task, then cancel it through its confirmation.
      await arrowTo(j, ['Spring promotion', 'Demo · Yccall server']);
      await page.keyboard.press('Enter');
      await expect.poll(() => detail.locator('h2').innerText()).toBe('Spring promotion');
      expect(await actByKeyboard(j, 'resume')).toContain(t['tasks.done.resume']);
      expect(yccallTask()?.status).toBe(1026);
      expect(await actByKeyboard(j, 'cancel')).toContain(t['tasks.done.cancel']);
      expect(yccallTask()?.status).toBe(1028);
      await j.shoot('cancelled');
      expect(itnio.strict?.violations()).toEqual([]);
      expect(yccall.strict?.violations()).toEqual([]);
    });
  });
}
