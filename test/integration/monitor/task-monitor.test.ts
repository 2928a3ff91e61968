import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskMonitorOptions } from '../../../main/services/monitor/task-monitor';
import { ITNIOTECH_ROUTE_KEYS } from '../../../main/services/sandbox/itniotech/sim-protocol';
import type { SimulatorServer } from '../../../main/services/sandbox/server';
import { YCCALL_SERVICES } from '../../../main/services/vendors/yccall/client';
import { applyBoardDelta, type BoardDelta, type BoardRow } from '../../../shared/domain/board';
import { known } from '../../../renderer/features/tasks/detail-fields';
import { startSimWorld, type SimWorld } from './sim-world';

const ITNIO = { apiKey: 'monitorKey1', apiSecret: 'monitor-secret-never-shown-1' } as const;
const YCCALL = { appid: 'monitor-app', accesskey: 'AK-monitor-secret-2' } as const;
const YCCALL_KEYS = Object.values(YCCALL_SERVICES);

interface World extends SimWorld {
  deltas: BoardDelta[];
  rows: Map<number, BoardRow>;
}

let world: World;

async function startWorld(options: TaskMonitorOptions = {}): Promise<World> {
  const base = await startSimWorld({
    itnio: ITNIO,
    yccall: YCCALL,
    seed: 11,
    seedYccall: true,
    monitor: { backoffMs: 10_000, maxBackoffMs: 60_000, ...options },
  });
  const deltas: BoardDelta[] = [];
  const rows = new Map<number, BoardRow>();
  base.monitor.onChange((delta) => {
    deltas.push(delta);
    applyBoardDelta(rows, delta);
  });
  return { ...base, deltas, rows };
}

/** Every request the simulator received, both vendors. */
function requests(server: SimulatorServer): number {
  return [...ITNIOTECH_ROUTE_KEYS, ...YCCALL_KEYS].reduce(
    (sum, key) => sum + server.requestCount(key),
    0,
  );
}

const rowNamed = (rows: Iterable<BoardRow>, account: string, name: string) =>
  [...rows].find((row) => row.a === account && row.n === name);

beforeEach(async () => {
  world = await startWorld();
});

afterEach(async () => {
  await world.monitor.stop();
  await world.server.close();
});

describe('TaskMonitor against the simulator', () => {
  it('shows both vendors’ tasks and pushes their progress without a reload', async () => {
    const { monitor, scheduler, rows } = world;
    monitor.start();
    await scheduler.advance(0);
    const snapshot = monitor.snapshot();
    for (const row of snapshot.rows) rows.set(row.i, row);
    const kinds = new Set(snapshot.rows.map((row) => `${row.a}/${row.kd}`));
    expect(kinds).toEqual(
      new Set([
        'itnio-1/voice-group',
        'itnio-1/ai-agent-group',
        'itnio-1/cc-preview',
        'yccall-1/predictive',
      ]),
    );
    const promo = rowNamed(snapshot.rows, 'itnio-1', 'Spring promotion');
    expect(promo?.s).toBe('running');
    // Yccall TaskList has no totals: the monitor fetched them with the detail.
    expect(rowNamed(snapshot.rows, 'yccall-1', 'Spring promotion')?.tot).toBe(2_000);

    const calledBefore = promo?.c ?? 0;
    const seq = snapshot.seq;
    await scheduler.advance(5_000);
    const changed = world.deltas.filter((d) => d.seq > seq).flatMap((d) => d.changed);
    const promoPatch = changed.find((group) => group.r.some(([id]) => id === promo?.i));
    expect(promoPatch?.f).toContain('c');
    // The patch carries changed fields only, never the name or the key.
    expect(promoPatch?.f).not.toContain('n');
    expect(rows.get(promo?.i ?? 0)?.c).toBe(calledBefore + 10); // 500 ms per call
    expect(monitor.snapshot().accounts.every((a) => a.state === 'ok')).toBe(true);
  });

  it('sends no request while hidden or offline and polls again at once when back', async () => {
    const { monitor, scheduler, server, activity } = world;
    monitor.start();
    await scheduler.advance(0);
    await scheduler.advance(5_000);

    activity.setVisible(false);
    const hiddenAt = requests(server);
    await scheduler.advance(10 * 60_000);
    expect(requests(server)).toBe(hiddenAt);
    expect(monitor.snapshot().polling).toBe('hidden');

    activity.setVisible(true);
    await scheduler.advance(0);
    const resumed = requests(server) - hiddenAt;
    expect(resumed).toBeGreaterThan(0);
    // One cycle per account, within the budget of each.
    expect(resumed).toBeLessThanOrEqual(2 * 20);

    activity.setOnline(false);
    const offlineAt = requests(server);
    await scheduler.advance(10 * 60_000);
    expect(requests(server)).toBe(offlineAt);
    expect(monitor.snapshot().polling).toBe('offline');
    expect(monitor.snapshot().accounts.every((a) => a.nextPollAt === null)).toBe(true);

    activity.setOnline(true);
    await scheduler.advance(0);
    expect(requests(server)).toBeGreaterThan(offlineAt);
    expect(monitor.snapshot().polling).toBe('on');
  });

  it('shows a failing account’s error on its status and keeps polling the other one', async () => {
    const { monitor, scheduler, server } = world;
    monitor.start();
    await scheduler.advance(0);
    server.injectFault('App.Sip_Yccall.TaskList', { kind: 'http', status: 503 });
    const promoBefore = rowNamed(monitor.snapshot().rows, 'itnio-1', 'Spring promotion')?.c ?? 0;
    const yccallBefore = server.requestCount('App.Sip_Yccall.TaskList');
    await scheduler.advance(60_000);

    const snapshot = monitor.snapshot();
    const yccall = snapshot.accounts.find((a) => a.accountId === 'yccall-1');
    expect(yccall?.state).toBe('error');
    expect(yccall?.error?.code).toBe('VENDOR_UNAVAILABLE');
    expect(yccall?.error?.message.en.length).toBeGreaterThan(0);
    // Its rows stay on the board with their last values.
    expect(rowNamed(snapshot.rows, 'yccall-1', 'Spring promotion')?.tot).toBe(2_000);
    // Backoff: at +5 s, then +10, +20 s: three attempts in a minute, not twelve.
    expect(server.requestCount('App.Sip_Yccall.TaskList') - yccallBefore).toBe(3);
    expect(snapshot.accounts.find((a) => a.accountId === 'itnio-1')?.state).toBe('ok');
    expect(rowNamed(snapshot.rows, 'itnio-1', 'Spring promotion')?.c).toBeGreaterThan(promoBefore);

    server.clearFaults();
    await scheduler.advance(60_000);
    expect(monitor.snapshot().accounts.find((a) => a.accountId === 'yccall-1')?.state).toBe('ok');
    // Nothing secret in what the board or the log holds.
    const everything = JSON.stringify(monitor.snapshot()) + world.logger.text();
    for (const secret of [ITNIO.apiSecret, YCCALL.accesskey]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('labels every field a task detail shows, and says what every vendor code means', async () => {
    const { monitor, scheduler } = world;
    monitor.start();
    await scheduler.advance(0);
    // The fields the vendors document for a task (itniotech.md §4.4, §5.5, §5.6, §5.8; yccall.md
    // TaskList), whether or not the simulator fills them.
    const documented = [
      ...['jobId', 'taskName', 'displayNum', 'text', 'status', 'rate', 'numCnt', 'chargeLen'],
      ...['success', 'fail', 'toseatNum', 'successRate', 'toseatNumRate', 'sendTime'],
      ...['createdTime', 'mdfTime', 'finishTime', 'appId', 'source', 'voiceFileId'],
      ...['uploadName', 'calloutRate', 'keyFeedbackNum', 'callLossNum', 'callLossNumRate'],
      ...['callDuration', 'code', 'maxCalls', 'loopCount', 'lan', 'allCallToseatNum'],
      ...['callTotal', 'acd', 'sipGroupName', 'receivedSeatNum', 'onineSeatNum', 'taskId'],
      ...['scriptId', 'voiceGroupId', 'seatGroupName', 'remainCount', 'totalCount', 'remark'],
      ...['ccode', 'codeName', 'taskStatus', 'taskType', 'finishFlag', 'completedRate'],
      ...['groupTaskId', 'transfersNum', 'callFailuresNum'],
      ...['taskassign', 'taskscale', 'nowscale', 'disnumber', 'createtime', 'starttime'],
    ];
    const unlabelled = documented.filter((key) => !known(`tasks.field.${key}`));
    expect(unlabelled).toEqual([]);
    const coded = ['status', 'taskStatus', 'source', 'taskType', 'finishFlag'];
    const shown = new Set<string>();
    const problems: string[] = [];
    for (const row of monitor.snapshot().rows) {
      const detail = await monitor.detail(row.k);
      for (const group of detail.groups) {
        if (!known(`tasks.group.${group.group}`)) problems.push(`group ${group.group}`);
        for (const field of group.fields) {
          shown.add(`${row.kd}:${group.group}:${field.key}`);
          if (!known(`tasks.field.${field.key}`)) problems.push(`${row.kd} field ${field.key}`);
          if (coded.includes(field.key) && field.value !== null) {
            const code = `tasks.code.${field.key}.${String(field.value)}`;
            if (!known(code)) problems.push(`${row.kd} ${code}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // Counters sit in the groups a manager looks in, for every ITNIO family.
    expect(shown).toContain('voice-group:outcomes:success');
    expect(shown).toContain('voice-group:transfers:toseatNum');
    expect(shown).toContain('cc-preview:progress:totalCount');
    expect(shown).toContain('cc-preview:outcomes:callFailuresNum');
    expect(shown).toContain('cc-preview:transfers:transfersNum');
    expect(shown).toContain('predictive:progress:numbers');
  });

  it('searches TTS texts and voice file names at the vendor, and brings old matches onto the board', async () => {
    // A first sync that reads one task per kind: the older sample tasks are not on the board.
    await world.monitor.stop();
    await world.server.close();
    world = await startWorld({ initialPages: 1, pageSize: 1 });
    const { monitor, scheduler, notifier, server } = world;
    monitor.start();
    await scheduler.advance(0);
    expect(
      rowNamed(monitor.snapshot().rows, 'itnio-1', 'Renewal reminders (done)'),
    ).toBeUndefined();
    const sentBefore = notifier.sent.length;
    const listsBefore = server.requestCount('/voice/group/call/query');

    // "insurance" is in the TTS text of "Renewal reminders (done)" only, not in any name.
    const found = await monitor.search('insurance');
    expect(found.searched).toEqual(['itnio-1']); // Yccall's TaskList matches names only
    expect(found.failed).toEqual([]);
    const renewal = rowNamed(monitor.snapshot().rows, 'itnio-1', 'Renewal reminders (done)');
    expect(renewal).toMatchObject({ s: 'completed' });
    expect(found.keys).toEqual([renewal?.k]);
    // Pages of 1 row: one request per page until the vendor has no more, per searchable kind.
    expect(server.requestCount('/voice/group/call/query') - listsBefore).toBeGreaterThan(1);
    // An old task found by a search is not news: no notification.
    expect(notifier.sent.length).toBe(sentBefore);
    expect((await monitor.search('no task says this')).keys).toEqual([]);
  });

  it('reports an account whose search fails and still answers for the others', async () => {
    const { monitor, scheduler, server } = world;
    monitor.start();
    await scheduler.advance(0);
    server.injectFault('/voice/group/call/query', { kind: 'http', status: 503 });
    const result = await monitor.search('promotion');
    expect(result.searched).toEqual([]);
    expect(result.keys).toEqual([]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.accountId).toBe('itnio-1');
    expect(result.failed[0]?.message.en).toMatch(/\w+ \w+/);
    expect(JSON.stringify(result)).not.toContain(ITNIO.apiSecret);
  });

  it('notifies once when a task completes, and keeps its final counters', async () => {
    const { monitor, scheduler, notifier } = world;
    monitor.start();
    await scheduler.advance(0);
    // "Survey follow-up": 60 numbers, starts after 5 s, 500 ms per call: done after 35 s.
    for (let i = 0; i < 12; i += 1) await scheduler.advance(5_000);
    const survey = rowNamed(monitor.snapshot().rows, 'itnio-1', 'Survey follow-up');
    expect(survey).toMatchObject({ s: 'completed', c: 60, tot: 60 });
    expect(survey?.fin).not.toBeNull();
    const completed = notifier.sent.filter(
      (n) => n.title === 'Task completed' && n.target?.taskId === survey?.t,
    );
    expect(completed).toHaveLength(1);
    expect(completed[0]?.body).toContain('60/60 called');
    await scheduler.advance(60_000);
    expect(
      notifier.sent.filter((n) => n.title === 'Task completed' && n.target?.taskId === survey?.t),
    ).toHaveLength(1);
    const history = monitor.history(survey?.k ?? '');
    expect(history.points.at(-1)?.c).toBe(60);
    expect(history.points.length).toBeGreaterThan(5);
  });
});
