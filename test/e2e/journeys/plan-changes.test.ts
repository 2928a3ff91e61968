import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDemo,
  button,
  demoSims,
  importList,
  LOCALES,
  mobile,
  openSection,
  startJourney,
  words,
  writeMobiles,
  type Journey,
  accountId,
  newDraft,
  draftPredictive,
  sendWithConfirmation,
} from './kit';

// Journeys 2, 4 and 5 of issue 13, in English and Chinese, each from a fresh data folder at
// 1366 × 768: a finished campaign whose failed numbers go out again through the resend composer,
// a list the Yccall server partly refuses that the manager exports and resumes, and a change of
// plan on running tasks (pause, calling rate, resume, cancel). Each step is checked where it
// lands: the demo simulators' stored tasks, numbers, states and rates.

let journey: Journey | undefined;

afterEach(async () => {
  await journey?.close();
  journey = undefined;
});

const ITNIO = 'Demo · ITNIO TECH';
const YCCALL = 'Demo · Yccall server';

function outboxRow(j: Journey, name: string): Locator {
  return j.page.locator(`tr[data-submission="${name}"]`);
}

/** Tasks → the board, searched for `name`, and the row of that task at `account`. */
async function boardRow(j: Journey, name: string, account: string): Promise<Locator> {
  const { page, t } = j;
  if ((await page.locator('main.content[data-section="tasks"]').count()) === 0)
    await openSection(j, 'tasks');
  await page.getByRole('searchbox', { name: t['tasks.filter'], exact: true }).fill(name);
  const row = page
    .locator('.board-grid.grid-row')
    .filter({ has: page.locator('.task-name strong', { hasText: name }) })
    .filter({ hasText: account })
    .first();
  await row.waitFor();
  return row;
}

/** Opens a task's detail from its board row (one click opens it). */
async function openDetail(j: Journey, name: string, account: string): Promise<Locator> {
  const row = await boardRow(j, name, account);
  await row.click();
  const detail = j.page.getByTestId('task-detail');
  await detail.waitFor();
  await expect.poll(() => detail.locator('h2').innerText()).toBe(name);
  await detail.locator('.task-actions').waitFor();
  return detail;
}

async function closeDetail(j: Journey): Promise<void> {
  const detail = j.page.getByTestId('task-detail');
  await button(detail, j.t['tasks.detail.close']).click();
  await detail.waitFor({ state: 'detached' });
}

/** The detail's state chip once it says `state`. */
async function detailState(j: Journey, state: string): Promise<void> {
  await expect
    .poll(() => j.page.getByTestId('detail-state').getAttribute('data-state'))
    .toBe(state);
}

/**
 * Runs an action from the open detail through its confirmation (`prepare` fills the dialog);
 * returns the detail's result line, or throws the refusal.
 */
async function act(
  j: Journey,
  action: 'pause' | 'resume' | 'cancel' | 'edit',
  prepare?: (dialog: Locator) => Promise<void>,
): Promise<string> {
  const { page, t } = j;
  const detail = page.getByTestId('task-detail');
  await detail.locator(`button[data-action="${action}"]`).click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  await prepare?.(dialog);
  await button(dialog, t[`tasks.confirm.${action}.ok`]).click();
  await dialog.waitFor({ state: 'detached' });
  const result = detail.getByTestId('action-result');
  const refused = detail.getByTestId('action-refused');
  await result.or(refused).waitFor();
  if (await refused.isVisible()) throw new Error(await refused.innerText());
  return result.innerText();
}

for (const locale of LOCALES) {
  describe(`manager journeys in ${locale}: when plans change`, () => {
    it('2. a failed campaign: its failed numbers resent through the composer → a new task running', async () => {
      const j = (journey = await startJourney('failed-campaign', locale));
      const { page, t } = j;
      const campaign = locale === 'en' ? 'Renewal calls' : '续约外呼';
      const again = locale === 'en' ? 'Renewal calls, failed again' : '续约外呼（失败重发）';
      // Done in about 25 s (the simulator dials one number per 0.5 s); about a third fail.
      const count = 40;

      await addDemo(j);
      await importList(j, await writeMobiles(j, 'renewals.csv', count), 'itniotech-voice');
      // A call-center task that dials on its own (automatic call): it finishes in seconds.
      await newDraft(j, ITNIO, 'cc-preview', campaign);
      await page.selectOption('#draft-setting-type', '0');
      await page.getByTestId('no-problems').waitFor();
      await j.shoot('draft');
      await sendWithConfirmation(j, count, ITNIO);
      await expect.poll(() => outboxRow(j, campaign).getAttribute('data-state')).toBe('done');

      // The simulator finishes it: the failed numbers are what it drew as failing.
      const itnio = demoSims(j).itnio;
      const task = itnio.ccTasks().find((candidate) => candidate.name === campaign);
      expect(task?.total).toBe(count);
      const id = task?.id ?? '';
      await expect
        .poll(() => itnio.ccTasks().find((c) => c.id === id)?.progress.phase, {
          timeout: 90_000,
        })
        .toBe('completed');
      const failed = itnio
        .numbersOf(id)
        .filter((n) => n.outcome === 'fail')
        .map((n) => n.phone)
        .sort();
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.length).toBeLessThan(count);

      // On the board: the finished task, chosen for a resend.
      const detail = await openDetail(j, campaign, ITNIO);
      await detailState(j, 'completed');
      await detail.locator('.number-results table').waitFor();
      await j.shoot('finished');
      await detail.getByTestId('select-for-resend').click();
      await expect
        .poll(() => detail.getByTestId('select-for-resend').getAttribute('aria-pressed'))
        .toBe('true');
      await closeDetail(j);
      await page.getByTestId('open-resend-composer').click();
      const composer = page.locator('dialog[open]');
      await composer.getByTestId('resend-composer').waitFor();
      // The task's own account and kind, so the draft takes the settings it was sent with.
      await expect.poll(() => composer.locator('#compose-kind').inputValue()).toBe('cc-preview');
      expect(await composer.locator('#compose-account').inputValue()).toBe(
        await accountId(j, ITNIO),
      );
      await composer.locator('input[data-outcome="failed"]').check();
      for (const other of ['no-answer', 'busy', 'not-called'])
        await composer.locator(`input[data-outcome="${other}"]`).uncheck();
      await composer.locator('#compose-name').fill(again);
      await j.shoot('composer');
      await button(composer, t['tasks.compose.ok']).click();
      const done = composer.getByTestId('compose-done');
      await done.waitFor();
      expect(await done.innerText()).toContain(
        words(j, 'tasks.compose.done', { valid: failed.length, invalid: 0, duplicate: 0 }),
      );
      expect(await done.innerText()).toContain(t['tasks.compose.settingsCopied']);
      await j.shoot('composed');
      await button(composer, t['tasks.compose.openDrafts']).click();

      // The composer's draft: the failed numbers, the settings of the first send.
      await page.waitForSelector('main.content[data-section="drafts"]');
      const draftRow = page.locator(`tr[data-draft="${again}"]`);
      await button(draftRow, t['drafts.action.open']).click();
      await page.waitForSelector('#draft-name');
      expect(await page.inputValue('#draft-name')).toBe(again);
      await page.getByTestId('no-problems').waitFor();
      await sendWithConfirmation(j, failed.length, ITNIO);
      await expect.poll(() => outboxRow(j, again).getAttribute('data-state')).toBe('done');
      await j.shoot('resent');

      // Where it landed: a new task at the vendor holding exactly the failed numbers, running.
      const resent = itnio.ccTasks().filter((candidate) => candidate.name === again);
      expect(resent).toHaveLength(1);
      const newId = resent[0]?.id ?? '';
      expect(newId).not.toBe(id);
      expect(
        itnio
          .numbersOf(newId)
          .map((n) => n.phone)
          .sort(),
      ).toEqual(failed);
      await expect
        .poll(() => itnio.ccTasks().find((c) => c.id === newId)?.progress.phase)
        .toBe('calling');
      // On the board (polled every 5 s, while the short task calls for a few seconds): running,
      // or already done with it.
      await openDetail(j, again, ITNIO);
      await expect
        .poll(() => page.getByTestId('detail-state').getAttribute('data-state'))
        .toMatch(/^(running|completed)$/);
      await j.shoot('running');
      expect(itnio.strict?.violations()).toEqual([]);
    }, 300_000);

    it('4. a refused list: numbers refused → "Needs you" → exported → resumed → running', async () => {
      const j = (journey = await startJourney('refused-list', locale));
      const { page, t } = j;
      const campaign = locale === 'en' ? 'Autumn callbacks' : '秋季回访';
      // Over one request's worth (10,000 numbers), so the rest goes out only after the resume.
      const count = 10_040;
      const list = Array.from({ length: count }, (_, i) => mobile('137', i));
      const refused = [7, 4_321, 9_998].map((i) => mobile('137', i));

      await addDemo(j);
      await importList(j, await writeMobiles(j, 'autumn.csv', count, '137'), 'yccall');
      await expect
        .poll(() => page.getByTestId('list-counts').innerText())
        .toContain(count.toLocaleString(locale));
      // The server's own block list: these numbers come back in `invaliddata`.
      const yccall = demoSims(j).yccall;
      yccall.refusePhones(refused);
      await draftPredictive(j, YCCALL, campaign);
      await sendWithConfirmation(j, count, YCCALL);

      // The outbox stops and waits for the manager, naming the refused numbers as they were sent.
      const row = outboxRow(j, campaign);
      await expect.poll(() => row.getAttribute('data-state')).toBe('attention');
      const text = await row.innerText();
      expect(text).toContain(t['outbox.state.attention']);
      expect(text).toContain(words(j, 'outbox.refused', { count: refused.length }));
      for (const phone of refused) expect(text).toContain(phone);
      await j.shoot('needs-you');
      // The refusal and its actions fit the window: nothing scrolls sideways.
      const content = page.locator('main.content');
      expect(
        await content.evaluate(
          (element) =>
            (element as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth <=
            (element as unknown as { clientWidth: number }).clientWidth,
        ),
      ).toBe(true);
      // Nothing after the refused request left, and the task was not started.
      const task = yccall.tasks().find((candidate) => candidate.name === campaign);
      expect(task?.status).toBe(1025);
      expect(yccall.numberCount(task?.id ?? '')).toBe(10_000 - refused.length);

      // The manager keeps the refused numbers in a file of their own.
      const saved = j.host.dialogs.saved.length;
      await button(row, t['outbox.exportRefused']).click();
      await expect.poll(() => j.host.dialogs.saved.length).toBe(saved + 1);
      const file = j.host.dialogs.saved[saved] ?? '';
      await page
        .getByText(words(j, 'outbox.exported', { numbers: refused.length, path: file }))
        .waitFor();
      const lines = (await readFile(file, 'utf8')).trim().split(/\r?\n/);
      expect(lines).toHaveLength(1 + refused.length);
      for (const phone of refused) expect(lines.some((line) => line.includes(phone))).toBe(true);
      await j.shoot('exported');

      // Resumed: the rest goes out once, and the task starts.
      await button(row, t['outbox.resume']).click();
      await expect.poll(() => row.getAttribute('data-state')).toBe('done');
      expect(await row.locator('[data-held]').getAttribute('data-held')).toBe(
        String(count - refused.length),
      );
      await j.shoot('resumed');
      const after = yccall.tasks().filter((candidate) => candidate.name === campaign);
      expect(after).toHaveLength(1);
      expect(after[0]?.status).toBe(1026);
      const id = after[0]?.id ?? '';
      expect(yccall.numberCount(id)).toBe(count - refused.length);
      expect([...yccall.numbersOf(id)].sort()).toEqual(
        list.filter((phone) => !refused.includes(phone)),
      );
      expect(yccall.strict?.violations()).toEqual([]);

      // The board shows it running.
      await openDetail(j, campaign, YCCALL);
      await detailState(j, 'running');
      await j.shoot('running');
    }, 300_000);

    it('5. a change of plan: pause, calling rate, resume, cancel', async () => {
      const j = (journey = await startJourney('change-of-plan', locale));
      const { page, t } = j;
      const { itnio, yccall } = await (async () => {
        await addDemo(j);
        return demoSims(j);
      })();
      // Running tasks of the demo: a Yccall predictive task (it can pause) and an ITNIO
      // call-center task calling agents (its calls per agent can change; ITNIO documents no pause).
      const yccallTask = () => yccall.tasks().find((task) => task.name === 'Spring promotion');
      const itnioTask = () => itnio.ccTasks().find((task) => task.name === 'Agent campaign');
      expect(yccallTask()?.status).toBe(1026);
      expect(itnioTask()?.progress.phase).toBe('calling');
      expect(itnioTask()?.calloutRate).toBe(2);

      // Pause the Yccall task.
      const predictive = await openDetail(j, 'Spring promotion', YCCALL);
      await detailState(j, 'running');
      expect(await predictive.locator('button[data-action="edit"]').count()).toBe(0);
      await j.shoot('running');
      const paused = await act(j, 'pause');
      expect(paused).toContain(t['tasks.done.pause']);
      expect(paused).toContain(t['tasks.state.paused']);
      expect(yccallTask()?.status).toBe(1027);
      await detailState(j, 'paused');
      await j.shoot('paused');
      await closeDetail(j);

      // Change the ITNIO task's calls per agent.
      const agents = await openDetail(j, 'Agent campaign', ITNIO);
      await detailState(j, 'running');
      expect(await agents.locator('button[data-action="pause"]').count()).toBe(0);
      const edited = await act(j, 'edit', async (dialog) => {
        await dialog.locator('#edit-rate').fill('5');
        await j.shoot('rate');
      });
      expect(edited).toContain(t['tasks.done.edit']);
      expect(itnioTask()?.calloutRate).toBe(5);
      expect(itnioTask()?.progress.phase).toBe('calling');
      // The pause held meanwhile.
      expect(yccallTask()?.status).toBe(1027);
      await closeDetail(j);

      // Resume the Yccall task.
      await openDetail(j, 'Spring promotion', YCCALL);
      await detailState(j, 'paused');
      const resumed = await act(j, 'resume');
      expect(resumed).toContain(t['tasks.done.resume']);
      expect(yccallTask()?.status).toBe(1026);
      await detailState(j, 'running');
      await j.shoot('resumed');

      // Cancel it: "Keep as is" changes nothing; only the confirmation cancels.
      await page.getByTestId('task-detail').locator('button[data-action="cancel"]').click();
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor();
      await j.shoot('cancel-confirm');
      await button(dialog, t['tasks.confirm.back']).click();
      await dialog.waitFor({ state: 'detached' });
      expect(yccallTask()?.status).toBe(1026);
      const cancelled = await act(j, 'cancel');
      expect(cancelled).toContain(t['tasks.done.cancel']);
      expect(yccallTask()?.status).toBe(1028);
      // Yccall has one "ended" state; numbers left uncalled make it "ended early".
      await detailState(j, 'ended-early');
      await j.shoot('cancelled');
      await closeDetail(j);

      // And the ITNIO task, at its new rate, ends too.
      await openDetail(j, 'Agent campaign', ITNIO);
      expect(await act(j, 'cancel')).toContain(t['tasks.done.cancel']);
      expect(itnioTask()?.progress.phase).toBe('cancelled');
      expect(itnioTask()?.calloutRate).toBe(5);
      await detailState(j, 'cancelled');
      expect(itnio.strict?.violations()).toEqual([]);
      expect(yccall.strict?.violations()).toEqual([]);
    }, 300_000);
  });
}
