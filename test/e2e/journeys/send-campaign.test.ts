import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatorServer } from '../../../main/services/sandbox/server';
import { mountYccall, type YccallSim } from '../../../main/services/sandbox/yccall/yccall-sim';
import { systemClock } from '../../../main/services/sandbox/sim-kit';
import {
  addDemo,
  button,
  demoSims,
  dispatch,
  importList,
  LOCALES,
  mobile,
  openSection,
  startJourney,
  writeMobiles,
  words,
  type Journey,
  draftPredictive,
  sendWithConfirmation,
} from './kit';

// Journeys 1 and 3 of issue 13, in English and Chinese, each from a fresh data folder at
// 1366 × 768: a new manager's first campaign from the demo to an export of its numbers, and a
// campaign queued while its vendor is unreachable that goes out once when the vendor is back.
// Each is checked where it lands: the Yccall server's stored task and numbers.

let journey: Journey | undefined;
let offline: SimulatorServer | undefined;

afterEach(async () => {
  await journey?.close();
  await offline?.close();
  journey = undefined;
  offline = undefined;
});

function outboxRow(j: Journey, name: string) {
  return j.page.locator(`tr[data-submission="${name}"]`);
}

function taskOf(sim: YccallSim, name: string) {
  return sim.tasks().find((task) => task.name === name);
}

for (const locale of LOCALES) {
  describe(`manager journeys in ${locale}`, () => {
    it('1. a new manager: demo → import → draft → review → send → watch it run → export', async () => {
      const j = (journey = await startJourney('new-manager', locale));
      const { page, t } = j;
      const campaign = locale === 'en' ? 'First campaign' : '首次活动';
      const count = 30;

      await addDemo(j);
      await j.shoot('demo');
      await importList(j, await writeMobiles(j, 'customers.csv', count), 'yccall');
      await j.shoot('imported');

      await draftPredictive(j, 'Demo · Yccall server', campaign);
      await button(page, t['drafts.review']).click();
      const review = page.getByTestId('preflight');
      await review.waitFor();
      expect(await review.innerText()).toContain(count.toLocaleString(locale));
      // The page scrolls to the report: its top comes into the window.
      await expect
        .poll(async () => (await review.boundingBox())?.y ?? Number.POSITIVE_INFINITY)
        .toBeLessThan(384);
      await j.shoot('review');
      // Nothing reaches the vendor before the confirmation.
      const yccall = demoSims(j).yccall;
      expect(taskOf(yccall, campaign)).toBeUndefined();

      await sendWithConfirmation(j, count, 'Demo · Yccall server');
      const row = outboxRow(j, campaign);
      await expect.poll(() => row.getAttribute('data-state')).toBe('done');
      expect(await row.locator('[data-held]').getAttribute('data-held')).toBe(String(count));
      await j.shoot('outbox-done');

      // Where it landed: one task at the server with exactly the list, running.
      const task = taskOf(yccall, campaign);
      expect(task?.status).toBe(1026);
      expect([...yccall.numbersOf(task?.id ?? '')].sort()).toEqual(
        Array.from({ length: count }, (_, i) => mobile('139', i)),
      );

      // Watch it run on the board, then export its numbers.
      await openSection(j, 'tasks');
      await page.getByRole('searchbox', { name: t['tasks.filter'], exact: true }).fill(campaign);
      const boardRow = page.locator('.board-grid.grid-row').filter({ hasText: campaign }).first();
      await boardRow.waitFor();
      await expect.poll(() => boardRow.innerText()).toContain(t['tasks.state.running']);
      await boardRow.click();
      const detail = page.getByTestId('task-detail');
      await detail.waitFor();
      await expect.poll(() => detail.innerText()).toContain(campaign);
      await j.shoot('board-detail');
      await detail.locator('.number-results table').waitFor();
      const saved = j.host.dialogs.saved.length;
      await button(detail, t['tasks.numbers.export']).click();
      await expect.poll(() => j.host.dialogs.saved.length).toBe(saved + 1);
      const file = j.host.dialogs.saved[saved] ?? '';
      // Written once the detail says so, with the count and the file.
      await detail
        .getByText(words(j, 'tasks.numbers.exported', { rows: count, path: file }))
        .waitFor();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0];
      expect((sheet?.rowCount ?? 0) - 1).toBe(count);
      await j.shoot('exported');
    });

    it('3. an unreachable vendor: queued offline → back online → sent once', async () => {
      const j = (journey = await startJourney('unreachable', locale));
      const { page, t } = j;
      const campaign = locale === 'en' ? 'While offline' : '离线排队';
      const count = 40;
      const account = 'Office PBX';
      const credentials = { appid: 'journey-app', accesskey: 'journey-yccall-key' };

      // A Yccall server on a port of its own, down while the manager works.
      offline = new SimulatorServer();
      const port = Number(new URL(await offline.start()).port);
      await offline.close();
      await dispatch(j, 'accounts.create', {
        vendor: 'yccall',
        name: account,
        connection: {
          serverUrl: `http://127.0.0.1:${port}`,
          allowUnencrypted: true,
          appid: credentials.appid,
          defaults: {},
        },
        secret: credentials.accesskey,
      });
      await importList(j, await writeMobiles(j, 'offline.csv', count, '137'), 'yccall');
      await draftPredictive(j, account, campaign);
      await sendWithConfirmation(j, count, account);
      const row = outboxRow(j, campaign);
      await expect.poll(() => row.getAttribute('data-state')).toBe('waiting');
      // The outbox says when it tries again, in words: "next try 10:42:07".
      const nextTry = String(t['outbox.nextAttempt']).split('{when}')[0]?.trim() ?? '';
      await expect.poll(() => row.innerText()).toContain(nextTry);
      expect(await row.innerText()).toMatch(/\d{1,2}:\d{2}/);
      await j.shoot('waiting');

      // The server comes back; "Retry now" sends it, once.
      offline = new SimulatorServer();
      const yccall = mountYccall(offline, {
        strict: true,
        clock: systemClock,
        seed: 5,
        accounts: [credentials],
      });
      await offline.start(port);
      await button(row, t['outbox.retry']).click();
      await expect.poll(() => row.getAttribute('data-state')).toBe('done');
      await j.shoot('sent');
      const tasks = yccall.tasks().filter((task) => task.name === campaign);
      expect(tasks).toHaveLength(1);
      expect(yccall.numberCount(tasks[0]?.id ?? '')).toBe(count);
      expect(yccall.distinctNumberCount(tasks[0]?.id ?? '')).toBe(count);
      expect(yccall.strict?.violations()).toEqual([]);
      // Nothing more goes out later: the outbox is done with it.
      await openSection(j, 'tasks');
      await page.locator('.board-grid.grid-row').filter({ hasText: campaign }).first().waitFor();
      expect(yccall.tasks().filter((task) => task.name === campaign)).toHaveLength(1);
    });
  });
}
