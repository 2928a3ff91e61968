import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCalleeWorkbook } from '../../../main/services/vendors/itniotech/callee-workbook';
import { ItniotechVendor } from '../../../main/services/vendors/itniotech/itniotech-vendor';
import { createUndiciSend } from '../../../main/services/vendors/http';
import { YccallClient } from '../../../main/services/vendors/yccall/client';
import type { TaskDetail, Vendor } from '../../../main/services/vendors/vendor';
import { SubmissionJournal } from '../../../main/services/submissions/journal';
import { progressOf, type BoardRow } from '../../../shared/domain/board';
import type { TaskKind, TaskSummary } from '../../../shared/domain/task';
import { startSimWorld, type SimWorld } from './sim-world';

// "Cancelled and completed tasks of every kind show correct states and counts", against the
// simulator's cancel paths over loopback: each kind is created in the simulator, polled while it
// runs, cancelled through the app's vendor module (`vendor.cancel`), and then read back by the
// vendor module and by the board. Counters must be the simulator's own (never total − remaining),
// and a task that stopped short must show neither 100 % nor a calling rate.

const ITNIO = { apiKey: 'cancelKey1', apiSecret: 'cancel-secret-never-shown-1' } as const;
const YCCALL = { appid: 'cancel-app', accesskey: 'AK-cancel-secret-2' } as const;

/** Yccall sim pace: 60 s per call and channel, 10 channels → 6 s per number. */
const YCCALL_MS_PER_NUMBER = 6_000;

interface World extends SimWorld {
  readonly itnio: ItniotechVendor;
  readonly ycClient: YccallClient;
}

let world: World;

beforeEach(async () => {
  const base = await startSimWorld({
    itnio: ITNIO,
    yccall: YCCALL,
    seed: 23,
    seedYccall: false,
    monitor: { backoffMs: 10_000, maxBackoffMs: 60_000 },
  });
  const itnio = new ItniotechVendor({
    accountId: 'itnio-1',
    clock: base.clock,
    client: base.client,
  });
  const ycClient = new YccallClient({
    baseUrl: `${base.server.url}/`,
    appid: YCCALL.appid,
    getAccessKey: async () => YCCALL.accesskey,
    send: createUndiciSend(),
    clock: base.clock,
  });
  world = { ...base, itnio, ycClient };
  world.monitor.start();
  await world.scheduler.advance(0);
});

afterEach(async () => {
  await world.monitor.stop();
  await world.server.close();
});

const phones = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(1_000_000 + i * 7).slice(-7)}`);

/** Creates a task of a kind in the simulator (directly, as another client would) and returns its id. */
async function createTask(kind: TaskKind, name: string, count: number): Promise<string> {
  const { client } = world;
  const numbers = phones(count, kind === 'predictive' ? '1380' : '91987');
  let id: string | null;
  if (kind === 'cc-preview') {
    const workbook = await buildCalleeWorkbook(numbers.map((phone) => ({ phone })));
    const fileName = 'cancel-paths.xlsx';
    const uploaded = await client.uploadCallees({ fileName, file: workbook.toString('base64') });
    id = await client.submitTask({ filePath: uploaded.filePath, fileName, type: 0, remark: name });
  } else if (kind === 'voice-group') {
    id = await client.sendGroupCall({
      appId: 'iaAJ6COV',
      taskName: name,
      numberInfoList: numbers.map((calleeNumber) => ({ calleeNumber })),
      source: 3,
      text: 'Your appointment is tomorrow.',
      lan: 'EN',
      loopCount: 1,
      maxCalls: 60,
    });
  } else if (kind === 'ai-agent-group') {
    id = await client.sendAiAgentGroupCall({
      appId: 'rcVY82Lm',
      taskName: name,
      numberInfoList: numbers.map((calleeNumber) => ({ calleeNumber })),
      scriptId: 123,
    });
  } else {
    const created = await world.ycClient.taskCreat({
      assigntype: 2,
      assignagent: 'queue-1',
      telphone: numbers.map((phone) => ({ phone })),
      taskscale: '1:1',
      concurrent: 10,
      disnumber: '',
      taskname: name,
      status: 1,
    });
    id = created.taskId;
  }
  if (id === null) throw new Error(`the simulator returned no id for ${kind} “${name}”`);
  return id;
}

const vendorOf = (kind: TaskKind): Vendor => (kind === 'predictive' ? world.yccall : world.itnio);
const accountOf = (kind: TaskKind) => (kind === 'predictive' ? 'yccall-1' : 'itnio-1');

/** The simulator's own counters of an ITNIO task. */
function itnioSimCounters(kind: TaskKind, id: string) {
  const views = kind === 'cc-preview' ? world.itniotech.ccTasks() : world.itniotech.groupTasks();
  const view = views.find((task) => task.id === id);
  if (!view) throw new Error(`the simulator has no ${kind} task ${id}`);
  return view;
}

/** The Yccall server's own per-number rows of a task, counted here (TaskInfo, yccall.md §4.7). */
async function yccallSimCounters(id: string) {
  const page = await world.ycClient.taskInfo(id, { currentpage: 1, itemsperpage: 1_000 });
  const rows = page.result;
  return {
    total: page.totalitems,
    called: rows.filter((row) => row.status === 1036).length,
    answered: rows.filter((row) => row.status === 1036 && row.answered === 1).length,
    notCalled: rows.filter((row) => row.status === 1035).length,
  };
}

/** The counters the simulator itself reports for a task, in the app's terms. */
async function simCounters(kind: TaskKind, id: string): Promise<TaskSummary['counts']> {
  if (kind === 'predictive') {
    const own = await yccallSimCounters(id);
    return {
      total: own.total,
      called: own.called,
      success: own.answered,
      failed: own.called - own.answered,
      transferred: null,
    };
  }
  const { progress, total } = itnioSimCounters(kind, id);
  if (kind === 'cc-preview') {
    // §4.4: no called or answered counter; lost calls and transfers are the vendor's own.
    return {
      total,
      called: null,
      success: null,
      failed: progress.fail,
      transferred: progress.transfer,
    };
  }
  return {
    total,
    called: progress.called,
    success: progress.success + progress.transfer,
    failed: progress.fail,
    transferred: progress.transfer,
  };
}

function boardRow(kind: TaskKind, id: string): BoardRow {
  const row = world.monitor.snapshot().rows.find((r) => r.kd === kind && r.t === id);
  if (!row) throw new Error(`no ${kind} task ${id} on the board`);
  return row;
}

const fieldOf = (detail: TaskDetail, key: string) =>
  detail.groups.flatMap((group) => group.fields).find((field) => field.key === key)?.value;

const KINDS: readonly TaskKind[] = ['cc-preview', 'voice-group', 'ai-agent-group', 'predictive'];

/** The state a task cancelled midway shows: ITNIO says cancelled; Yccall only "ended". */
const CANCELLED_STATE: Readonly<Record<TaskKind, string>> = {
  'cc-preview': 'cancelled',
  'voice-group': 'cancelled',
  'ai-agent-group': 'cancelled',
  predictive: 'ended-early',
};

describe('cancelled and completed tasks against the simulator’s cancel paths', () => {
  it.each(KINDS)(
    'a %s task cancelled midway shows its true state and counts, no 100 % and no rate',
    async (kind) => {
      const id = await createTask(kind, `Cancel me (${kind})`, 100);
      // Polls while it runs, so the board has a row and counter points of a task in progress (an
      // account without active tasks polls once a minute: refresh it to see the new one at once).
      await world.monitor.refreshNow(accountOf(kind));
      for (let i = 0; i < 6; i += 1) await world.scheduler.advance(5_000);
      const running = boardRow(kind, id);
      expect(running.s).toBe('running');

      await vendorOf(kind).cancel(kind, id);
      const detail = await vendorOf(kind).getTask(kind, id);
      const own = await simCounters(kind, id);
      expect(detail.summary.state).toBe(CANCELLED_STATE[kind]);
      expect(detail.summary.counts).toEqual(own);
      if (own.called !== null) {
        // The task really did stop short: numbers were left uncalled.
        expect(own.called).toBeGreaterThan(0);
        expect(own.called).toBeLessThan(100);
      }

      // The board: the next poll finds it left the active states and reads it back.
      await world.monitor.refreshNow(accountOf(kind));
      const row = boardRow(kind, id);
      expect(row.s).toBe(CANCELLED_STATE[kind]);
      expect([row.tot, row.c, row.ok, row.f]).toEqual([
        own.total,
        own.called,
        own.success,
        own.failed,
      ]);
      expect(progressOf(row)).not.toBe(100);
      const history = world.monitor.history(row.k);
      expect(history.callsPerMinute).toBeNull();
      expect(history.eta).toBeNull();
      // Later list polls do not turn it into anything else.
      await world.scheduler.advance(120_000);
      expect(boardRow(kind, id).s).toBe(CANCELLED_STATE[kind]);
    },
  );

  it('a cancelled call-center task never reads as all called, though its remainder is 0', async () => {
    const id = await createTask('cc-preview', 'Cancelled cc', 300);
    await world.scheduler.advance(20_000);
    await world.itnio.cancel('cc-preview', id);
    const listed = await world.client.queryCcTasks({ current: 1, size: 1, params: { taskId: id } });
    // The simulator says what a finished task has left to call: nothing.
    expect(listed.records[0]).toMatchObject({ taskStatus: 14, remainCount: 0, totalCount: 300 });
    await world.monitor.refreshNow('itnio-1');
    const row = boardRow('cc-preview', id);
    expect(row).toMatchObject({ s: 'cancelled', tot: 300, c: null, ok: null });
    expect(progressOf(row)).toBeNull();
  });

  it.each(KINDS)(
    'a %s task that runs to the end is completed with the simulator’s own counts',
    async (kind) => {
      const id = await createTask(kind, `Run to the end (${kind})`, 20);
      await world.monitor.refreshNow(accountOf(kind));
      // ITNIO: 5 s delay + 20 × 0.5 s; Yccall: 20 × 6 s. Poll until both are well past the end.
      const end = kind === 'predictive' ? 20 * YCCALL_MS_PER_NUMBER : 15_000;
      for (let waited = 0; waited <= end + 10_000; waited += 5_000) {
        await world.scheduler.advance(5_000);
      }
      const detail = await vendorOf(kind).getTask(kind, id);
      const own = await simCounters(kind, id);
      expect(detail.summary.state).toBe('completed');
      expect(detail.summary.counts).toEqual(own);
      if (own.called !== null) expect(own.called).toBe(20);

      const row = boardRow(kind, id);
      expect(row.s).toBe('completed');
      expect([row.tot, row.c, row.ok, row.f]).toEqual([
        own.total,
        own.called,
        own.success,
        own.failed,
      ]);
      if (own.called !== null) expect(progressOf(row)).toBe(100);
    },
  );

  it('a Yccall task ended before it started is ended early with every number uncalled', async () => {
    const created = await world.ycClient.taskCreat({
      assigntype: 2,
      assignagent: 'queue-1',
      telphone: phones(5, '1390').map((phone) => ({ phone })),
      taskscale: '1:1',
      disnumber: '',
      taskname: 'Never started',
      status: 0,
    });
    const id = created.taskId;
    await world.yccall.cancel('predictive', id);
    const detail = await world.yccall.getTask('predictive', id);
    expect(detail.summary.state).toBe('ended-early');
    expect(detail.summary.counts).toMatchObject({ total: 5, called: 0, success: 0, failed: 0 });
    expect(fieldOf(detail, 'notCalledNumbers')).toBe(5);
  });

  it('reads only the last page of a Yccall task too large to count, and never calls it completed unseen', async () => {
    /** A 30,000-number task (TaskCreat + 2 × TaskAdd), 10 ms per number, started at once. */
    const large = async (name: string) => {
      const entries = phones(30_000, '1370').map((phone) => ({ phone }));
      const created = await world.ycClient.taskCreat({
        assigntype: 2,
        assignagent: 'queue-1',
        telphone: entries.slice(0, 10_000),
        taskscale: '1:1',
        concurrent: 10_000,
        disnumber: '',
        taskname: name,
        status: 0,
      });
      await world.ycClient.taskAdd(created.taskId, entries.slice(10_000, 20_000));
      await world.ycClient.taskAdd(created.taskId, entries.slice(20_000));
      await world.ycClient.taskSet(created.taskId, 'start');
      return created.taskId;
    };
    const stopped = await large('Large, ended early');
    world.clock.advance(60_000); // 6,000 of 30,000 called
    await world.yccall.cancel('predictive', stopped);
    const before = world.server.requestCount('App.Sip_Yccall.TaskInfo');
    const early = await world.yccall.getTask('predictive', stopped);
    // Page 1 (1,000 rows) and the last page: 30 pages would be too many for one detail.
    expect(world.server.requestCount('App.Sip_Yccall.TaskInfo') - before).toBe(2);
    expect(early.summary.state).toBe('ended-early');
    expect(early.summary.counts).toMatchObject({ total: 30_000, called: null, success: null });

    const finished = await large('Large, finished');
    world.clock.advance(400_000);
    const unseen = await world.yccall.getTask('predictive', finished);
    expect(unseen.summary.state).toBe('ended');
    expect(unseen.summary.counts.total).toBe(30_000);
  });

  it('filters lists by the stopped states each vendor can tell apart', async () => {
    const voice = await createTask('voice-group', 'Filtered voice', 50);
    const predictive = await createTask('predictive', 'Filtered predictive', 50);
    world.clock.advance(10_000);
    await world.itnio.cancel('voice-group', voice);
    await world.yccall.cancel('predictive', predictive);
    const page = { page: 1, pageSize: 100 } as const;
    // ITNIO has a code for cancelled, none for an early end: no request, no task.
    const before = world.server.requestCount('/voice/group/call/query');
    const early = await world.itnio.listTasks({
      kind: 'voice-group',
      states: ['ended-early'],
      ...page,
    });
    expect(early.items).toEqual([]);
    expect(world.server.requestCount('/voice/group/call/query')).toBe(before);
    const cancelled = await world.itnio.listTasks({
      kind: 'voice-group',
      states: ['cancelled'],
      ...page,
    });
    expect(cancelled.items.map((task) => task.id)).toEqual([voice]);
    // Yccall lists an ended task as "ended" (not counted yet): it answers for an early end.
    const ended = await world.yccall.listTasks({
      kind: 'predictive',
      states: ['ended-early'],
      ...page,
    });
    expect(ended.items.map((task) => [task.id, task.state])).toEqual([[predictive, 'ended']]);
  });

  it('names the vendor’s clock and shows its times as instants in the task detail', async () => {
    const voice = await createTask('voice-group', 'Clocked voice', 10);
    const predictive = await createTask('predictive', 'Clocked predictive', 10);
    await world.monitor.refreshNow();
    const voiceDetail = await world.monitor.detail(boardRow('voice-group', voice).k);
    // The simulator's ITNIO clock is UTC+8 (the account default); the sim clock is UTC.
    expect(fieldOf(voiceDetail, 'vendorClock')).toBe('UTC+08:00');
    expect(fieldOf(voiceDetail, 'createdTime')).toBe(
      new Date(boardRow('voice-group', voice).cr ?? 0).toISOString(),
    );
    const ycDetail = await world.monitor.detail(boardRow('predictive', predictive).k);
    expect(fieldOf(ycDetail, 'vendorClock')).toBe('UTC+00:00');
    expect(fieldOf(ycDetail, 'createtime')).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    );
  });

  it('gives a call-center task the time it was submitted from this app, or first seen, and says which', async () => {
    const seenAt = world.clock.now();
    const mine = await createTask('cc-preview', 'Submitted here', 10);
    const journal = new SubmissionJournal(world.db);
    const submittedAt = seenAt - 60_000;
    journal.insert(
      {
        id: 'sub-1',
        accountId: 'itnio-1',
        kind: 'cc-preview',
        name: 'Submitted here',
        draftId: null,
        listId: 'list-1',
        calleeCount: 10,
        calleeSha256: 'x'.repeat(64),
        settings: {},
      },
      submittedAt,
    );
    journal.update('sub-1', { taskId: mine, state: 'done' }, submittedAt);
    world.clock.advance(1_000);
    const theirs = await createTask('cc-preview', 'Made elsewhere', 10);
    await world.monitor.refreshNow('itnio-1');

    const mineRow = boardRow('cc-preview', mine);
    const theirsRow = boardRow('cc-preview', theirs);
    expect(mineRow.cr).toBe(submittedAt);
    expect(theirsRow.cr).toBe(world.clock.now());
    const mineDetail = await world.monitor.detail(mineRow.k);
    expect(fieldOf(mineDetail, 'submittedAt')).toBe(new Date(submittedAt).toISOString());
    expect(fieldOf(mineDetail, 'firstSeenAt')).toBeUndefined();
    const theirsDetail = await world.monitor.detail(theirsRow.k);
    expect(fieldOf(theirsDetail, 'firstSeenAt')).toBe(new Date(theirsRow.cr ?? 0).toISOString());
    // Kept: a later poll does not move the first-seen time.
    await world.scheduler.advance(60_000);
    expect(boardRow('cc-preview', theirs).cr).toBe(theirsRow.cr);
  });
});
