/**
 * Task board benchmark: the size of the IPC event per update, vendor requests per refresh cycle,
 * and Yccall sign-ins per hour of polling.
 *
 * Run: `npm run bench:board` (`tsx test/bench/board-events.bench.ts`). In memory only: the real
 * TaskMonitor over a real (in-memory) SQLite database, driven by a manual clock, against an
 * in-memory vendor that counts its calls. Prints each figure next to its target.
 */
import { performance } from 'node:perf_hooks';
import { TaskMonitor } from '../../main/services/monitor/task-monitor';
import { ManualClock, SeededRandom } from '../../main/services/sandbox/sim-kit';
import { openDatabase } from '../../main/services/storage/database';
import type { BoardDelta, BoardRow } from '../../shared/domain/board';
import type { TaskKind } from '../../shared/domain/task';
import { BoardVendor, type BoardTask } from '../fakes/board-vendor';
import { ManualScheduler } from '../fakes/manual-scheduler';
import { MemoryLogger } from '../fakes/memory-logger';
import { RecordingNotifier } from '../fakes/recording-notifier';
import { SwitchableActivity } from '../fakes/switchable-activity';
import { loginsPerHour } from './yccall-logins';

const TASKS = 10_000;
const KINDS: readonly TaskKind[] = ['voice-group', 'ai-agent-group', 'cc-preview'];
// A real account id is a UUID; a short one would flatter the "whole rows" figures.
const ACCOUNT = '3f9d2c4e-8b1a-4f6e-9c3d-7a2b5e8f1c04';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function line(label: string, value: string, target: string, ok: boolean | null): void {
  const verdict = ok === null ? '' : ok ? 'OK' : 'MISSED';
  console.log(`${label.padEnd(52)} ${value.padStart(12)}   ${target.padEnd(22)} ${verdict}`);
}

/** A vendor with TASKS tasks across three kinds, `active` of them running. */
function makeVendor(
  active: number,
  random: SeededRandom,
): { vendor: BoardVendor; running: BoardTask[] } {
  const vendor = new BoardVendor(ACCOUNT, KINDS, 'itniotech');
  const every = Math.floor(TASKS / active);
  const running: BoardTask[] = [];
  for (let i = 0; i < TASKS; i += 1) {
    const total = random.int(200, 60_000);
    const isActive = i % every === 0 && running.length < active;
    const called = isActive ? random.int(0, Math.floor(total / 2)) : total;
    const success = Math.floor(called * 0.55);
    const task = vendor.add({
      kind: KINDS[i % KINDS.length] ?? 'voice-group',
      name: `Campaign ${String(i).padStart(5, '0')} · renewal reminders wave ${random.int(1, 9)}`,
      state: isActive ? 'running' : 'completed',
      code: isActive ? '1' : '2',
      total,
      called,
      success,
      failed: called - success,
      transferred: Math.floor(called * 0.1),
    });
    if (isActive) running.push(task);
  }
  return { vendor, running };
}

function makeMonitor(
  vendor: BoardVendor,
  options: ConstructorParameters<typeof TaskMonitor>[0]['options'],
) {
  const clock = new ManualClock();
  const scheduler = new ManualScheduler(clock);
  const monitor = new TaskMonitor({
    db: openDatabase(':memory:'),
    clock,
    scheduler,
    logger: new MemoryLogger(),
    notifier: new RecordingNotifier(),
    activity: new SwitchableActivity(),
    locale: () => 'en',
    accounts: { list: () => [{ id: ACCOUNT }], vendor: async () => vendor },
    ...(options ? { options } : {}),
  });
  const deltas: BoardDelta[] = [];
  monitor.onChange((delta) => deltas.push(delta));
  return { monitor, scheduler, deltas };
}

/** One poll's worth of progress (5 s): a few calls, split like real outcomes. */
function progress(task: BoardTask, random: SeededRandom): void {
  const calls = random.int(3, 25);
  for (let i = 0; i < calls && task.called < task.total; i += 1) {
    task.called += 1;
    const roll = random.next();
    if (roll < 0.55) task.success += 1;
    else task.failed += 1;
    if (roll < 0.1) task.transferred += 1;
  }
}

async function eventSize(): Promise<void> {
  const random = new SeededRandom(7);
  const { vendor, running } = makeVendor(1_000, random);
  // Budget and history pages large enough for the first sync to load all 10,000 rows at once.
  const { monitor, scheduler, deltas } = makeMonitor(vendor, {
    initialPages: 100,
    requestBudget: 400,
  });
  monitor.start();
  const t0 = performance.now();
  await scheduler.advance(0);
  const firstSyncMs = performance.now() - t0;
  const board = monitor.snapshot();
  for (const task of running) progress(task, random);
  const mark = deltas.length;
  const t1 = performance.now();
  await scheduler.advance(5_000);
  const cycleMs = performance.now() - t1;
  const delta = deltas.slice(mark).find((d) => d.changed.length > 0);
  if (!delta) throw new Error('No change was pushed.');
  const changedIds = new Set(delta.changed.flatMap((group) => group.r.map(([id]) => Number(id))));
  const after = monitor.snapshot().rows.filter((row: BoardRow) => changedIds.has(row.i));
  const perUpdate = bytes(delta);
  await monitor.stop();

  console.log(
    `\nIPC event size: ${TASKS.toLocaleString('en')} tasks, ${changedIds.size} changed in one poll`,
  );
  line('whole board as JSON', kb(bytes(board.rows)), 'reference ≈ 2.4 MB', null);
  line(
    `whole changed rows (${after.length}) as JSON`,
    kb(bytes(after)),
    'reference ≈ 240 KB',
    null,
  );
  line(
    'this delta (changed fields only)',
    kb(perUpdate),
    '≤ 30 KB / 1,000 rows',
    perUpdate <= 30 * 1024 * (changedIds.size / 1000),
  );
  line(
    'bytes per changed row',
    `${(perUpdate / changedIds.size).toFixed(1)} B`,
    '≤ 30 B',
    perUpdate / changedIds.size <= 30.72,
  );
  console.log(
    `  field sets in this delta: ${delta.changed.map((g) => `[${g.f.join(',')}]×${g.r.length}`).join(' ')}`,
  );
  line('first sync of 10,000 rows (in memory)', `${firstSyncMs.toFixed(0)} ms`, '', null);
  line('one cycle: diff + SQLite write of 1,000 rows', `${cycleMs.toFixed(0)} ms`, '', null);
}

async function requestsPerCycle(): Promise<void> {
  const random = new SeededRandom(11);
  const { vendor, running } = makeVendor(50, random);
  const { monitor, scheduler } = makeMonitor(vendor, {});
  monitor.start();
  const firstMark = vendor.calls.length;
  // The first sync may take several cycles (3 pages of history per kind within the budget).
  for (let i = 0; i < 5; i += 1) await scheduler.advance(i === 0 ? 0 : 5_000);
  const firstSync = vendor.calls.length - firstMark;
  const counts: { list: number; detail: number }[] = [];
  for (let cycle = 0; cycle < 10; cycle += 1) {
    for (const task of running) progress(task, random);
    const mark = vendor.calls.length;
    await scheduler.advance(5_000);
    const calls = vendor.calls.slice(mark);
    counts.push({
      list: calls.filter((c) => c.method === 'listTasks').length,
      detail: calls.filter((c) => c.method === 'getTask').length,
    });
  }
  const status = monitor.snapshot().accounts[0];
  await monitor.stop();
  const max = Math.max(...counts.map((c) => c.list + c.detail));
  const pagesOfHistory = Math.ceil(TASKS / 100);
  console.log(
    `\nRequests per refresh cycle: ${TASKS.toLocaleString('en')} tasks, 50 active, 3 kinds`,
  );
  line('first sync (5 cycles, all requests)', String(firstSync), '', null);
  line(
    'steady cycle: list requests',
    String(Math.max(...counts.map((c) => c.list))),
    '3 active + 3 new-task',
    null,
  );
  line(
    'steady cycle: detail requests (transfers)',
    String(Math.max(...counts.map((c) => c.detail))),
    '≤ 10 per cycle',
    null,
  );
  line(
    'steady cycle: total (max over 10 cycles)',
    String(max),
    `budget ${status?.budget ?? '?'}; ≪ ${pagesOfHistory} pages`,
    max <= (status?.budget ?? 0),
  );
}

async function logins(): Promise<void> {
  const reused = await loginsPerHour(true);
  const rebuilt = await loginsPerHour(false);
  console.log('\nYccall sign-ins: 1 hour of board polling, 2 Yccall servers (simulator, loopback)');
  line('task-list polls in the hour', String(reused.polls), '', null);
  line('logins per hour, one module per account', String(reused.logins), '≤ 2', reused.logins <= 2);
  line('logins per hour, a new module per call (before)', String(rebuilt.logins), '', null);
  line(
    'ratio before / now',
    `${(rebuilt.logins / Math.max(1, reused.logins)).toFixed(0)}×`,
    '',
    null,
  );
}

async function main(): Promise<void> {
  await eventSize();
  await requestsPerCycle();
  await logins();
}

await main();
