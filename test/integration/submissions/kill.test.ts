import { DEFAULT_DIAL_FORMAT, dialStringOf } from '../../../main/services/vendors/yccall/dialing';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../main/services/sandbox/sim-kit';
import { openJournalDatabase } from '../../../main/services/submissions/journal-database';
import {
  ITNIO,
  SETTINGS,
  insertList,
  makeOutbox,
  makeVendors,
  phoneAt,
  startSims,
  type SimSide,
} from './harness';

// The outbox runs in a child process (scripts/outbox-child.ts) against the simulator running
// here; the test SIGKILLs it at seeded random moments and starts it again on the same database
// file. After every restart at most one task exists and it holds an exact prefix of the list;
// at the end exactly one task holds exactly the list.

const CHILD = join(import.meta.dirname, '../../../scripts/outbox-child.ts');
const KILLS = 20;

let sims: SimSide;
let folder: string;
beforeAll(async () => {
  // Lenient: this test is about crashes at random points (fault injection), and the kill points
  // spread over the submission only if a chunk lands about as fast as the client sends it.
  sims = await startSims({ strict: false });
  folder = await mkdtemp(join(tmpdir(), 'outbox-kill-'));
});
afterAll(async () => {
  await sims.close();
  await rm(folder, { recursive: true, force: true });
});

interface Run {
  readonly child: ChildProcess;
  /** Resolves with the exit code (null when killed). */
  readonly exited: Promise<number | null>;
  /** Resolves once `count` event lines were printed (or the child ended). */
  events(count: number): Promise<void>;
  finished(): boolean;
}

function startChild(dbFile: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      ...process.env,
      OUTBOX_DB: dbFile,
      SIM_URL: sims.server.url,
      SIM_CLOCK_MS: String(sims.clock.now()),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let seen = 0;
  let done = false;
  const waiters: { count: number; resolve: () => void }[] = [];
  const wake = () => {
    for (const waiter of [...waiters]) {
      if (seen >= waiter.count || done) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      // Count the steps that send something: the attempt, each chunk, workbook, upload, create.
      if (/^event sending (creating|appending|starting|writing-workbook|uploading)/.test(line))
        seen += 1;
      if (line.startsWith('finished ')) done = true;
    }
    wake();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      done = true;
      wake();
      resolve(code);
    });
  });
  return {
    child,
    exited,
    events: (count) =>
      new Promise<void>((resolve) => {
        waiters.push({ count, resolve });
        wake();
      }),
    finished: () => done,
  };
}

// Yccall chunk requests: TaskCreat carries the first chunk, each TaskAdd one more (yccall.md §4).
const CHUNK_SERVICES = ['App.Sip_Yccall.TaskCreat', 'App.Sip_Yccall.TaskAdd'] as const;
const chunksReceived = () =>
  CHUNK_SERVICES.reduce((sum, service) => sum + sims.server.requestCount(service), 0);
/** Gaps between two chunk requests in one run, as measured on this machine (loaded or not). */
const chunkGaps: number[] = [];
/** How long one chunk takes here now: the median measured gap (50 ms before any is measured). */
function chunkMs(): number {
  const sorted = [...chunkGaps].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 50;
}

/**
 * Kills the Yccall child at a point set by its progress, not by the clock: once `chunks` of its
 * chunk requests reached the simulator in this run (0: counted from its start), then after
 * `delayMs`, the random point itself. A kill after a chunk is progress however busy the machine
 * is; the delay, a random part of one chunk's measured time, lands it anywhere in the round trip
 * (the server holds the chunk but the child has not journaled it, or the next chunk is on its
 * way). The simulator runs in this process, so the wait polls its request counts (a condition,
 * like `expect.poll`), and the polling also measures the chunk time.
 */
async function killAfterChunks(run: Run, chunks: number, delayMs: number): Promise<boolean> {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
  const start = chunksReceived();
  let seen = start;
  let lastArrival = 0;
  const observe = () => {
    const count = chunksReceived();
    if (count === seen) return;
    const now = performance.now();
    if (lastArrival > 0 && count === seen + 1) chunkGaps.push(now - lastArrival);
    lastArrival = now;
    seen = count;
  };
  while (seen - start < chunks && !run.finished()) {
    await tick();
    observe();
  }
  const killAt = performance.now() + delayMs;
  while (performance.now() < killAt && !run.finished()) {
    await tick();
    observe();
  }
  if (run.finished()) return false;
  run.child.kill('SIGKILL');
  await run.exited;
  return true;
}

/** Kills the child at a random moment: after some of its events, then a random short delay. */
async function killSomewhere(
  run: Run,
  random: SeededRandom,
  maxEvents: number,
  maxDelayMs: number,
): Promise<boolean> {
  await run.events(random.int(0, maxEvents));
  // The delay is the random point itself (not a wait for a state): it lands the kill anywhere
  // inside a request, before or after the server commits.
  const delay = random.int(0, maxDelayMs);
  await new Promise((resolve) => setTimeout(resolve, delay));
  if (run.finished()) return false;
  run.child.kill('SIGKILL');
  await run.exited;
  return true;
}

async function runToEnd(dbFile: string): Promise<void> {
  const run = startChild(dbFile);
  expect(await run.exited).toBe(0);
}

describe('the outbox process killed at 20 random points', () => {
  it('Yccall, 250,000 numbers: after every restart one task with an exact prefix; at the end exactly the list', async () => {
    const dbFile = join(folder, 'yccall.db');
    const count = 250_000;
    const prefix = '8615';
    const db = openJournalDatabase(dbFile);
    insertList(db, 'big', count, prefix);
    const side = makeOutbox(makeVendors(sims.server.url, sims.clock), sims.clock, db);
    const name = 'Kill test 250k';
    await side.outbox.enqueue({
      accountId: 'acct-yccall',
      kind: 'predictive',
      name,
      listId: 'big',
      settings: SETTINGS.predictive,
    });
    db.close();

    // The server holds the digits its PBX dials (yccall.md §4.1).
    const expected = Array.from({ length: count }, (_, i) =>
      dialStringOf(phoneAt(prefix, i), DEFAULT_DIAL_FORMAT),
    );
    const random = new SeededRandom(20_260_105);
    let kills = 0;
    const sizes = new Set<number>();
    // About half the kills land in start-up, before anything is sent; the others after the run's
    // first chunk reached the server, at a random point of the next chunk's time. Each of those
    // is progress on any machine, one or two of the 25 chunks, so the 20 kills spread over the
    // submission and end before it does. (Kills timed by the clock alone made no progress on a
    // busy 2-core machine, where a chunk takes longer than the delay.)
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt += 1) {
      const run = startChild(dbFile);
      const chunks = random.int(0, 1);
      const delayMs = random.int(0, Math.ceil(chunkMs()));
      if (await killAfterChunks(run, chunks, delayMs)) kills += 1;
      else await run.exited;
      const tasks = sims.yccall.tasks().filter((task) => task.name === name);
      expect(tasks.length).toBeLessThanOrEqual(1);
      if (tasks[0]) {
        const held = sims.yccall.numbersOf(tasks[0].id);
        // An exact prefix: nothing twice, nothing skipped.
        expect(held.length).toBeLessThanOrEqual(count);
        for (const i of [0, held.length >> 1, held.length - 1])
          if (i >= 0) expect(held[i]).toBe(expected[i]);
        expect(sims.yccall.distinctNumberCount(tasks[0].id)).toBe(held.length);
        sizes.add(held.length);
        if (process.env['KILL_DEBUG'])
          console.info(`kill ${kills} (${chunks} chunks + ${delayMs} ms): holds ${held.length}`);
      }
    }
    // The kills landed at several points of the submission, not only at its start or end (how
    // many distinct points depends on the machine's speed, so the bound is loose).
    expect(sizes.size).toBeGreaterThanOrEqual(4);
    expect(kills).toBe(KILLS);
    await runToEnd(dbFile);

    const tasks = sims.yccall.tasks().filter((task) => task.name === name);
    expect(tasks).toHaveLength(1);
    expect(sims.yccall.numbersOf(tasks[0]?.id ?? '')).toEqual(expected);
    const check = openJournalDatabase(dbFile);
    const after = makeOutbox(makeVendors(sims.server.url, sims.clock), sims.clock, check);
    expect(after.outbox.list()).toMatchObject([{ name, state: 'done', taskId: tasks[0]?.id }]);
    expect(after.audit.verify().ok).toBe(true);
    const reconciled = after.audit
      .entries()
      .filter((entry) => entry.type === 'submission.reconciled')
      .map(
        (entry) =>
          entry.payload as {
            // Absent when the reconcile looked the task up by name (no checkpoint journaled yet).
            checkpoint?: { pendingFrom: number; pendingTo: number } | null;
            // Null when the reconcile found no task (nothing had landed); without `resumeFrom`
            // when it was looked up by name.
            found?: { resumeFrom?: number } | null;
          },
      );
    // Diagnostics only: they read every payload shape without throwing.
    const landed = reconciled.filter(({ checkpoint, found }) => {
      if (!checkpoint || typeof found?.resumeFrom !== 'number') return false;
      return (
        found.resumeFrom === checkpoint.pendingTo && checkpoint.pendingTo > checkpoint.pendingFrom
      );
    }).length;
    console.info(
      `Yccall kill test: ${kills} kills at ${sizes.size} sizes, ${reconciled.length} reconciles, ${landed} found the in-flight chunk had landed; a chunk took ${chunkMs().toFixed(0)} ms`,
    );
    // Most kills land after something was sent, so the next start reconciles (a kill during a
    // slow start-up on a busy machine does not; the bound allows for it).
    expect(reconciled.length).toBeGreaterThanOrEqual(KILLS / 4);
    check.close();
    // Bounds for a hang, sized for a loaded 2-core machine (about 4× the time an idle one takes).
  }, 300_000);

  it('ITNIO call-center task, 100,000 numbers: never two tasks, and each submission ends with exactly one holding every number', async () => {
    const dbFile = join(folder, 'itnio.db');
    const count = 100_000;
    const db = openJournalDatabase(dbFile);
    insertList(db, 'cc', count, '8617');
    const side = makeOutbox(makeVendors(sims.server.url, sims.clock), sims.clock, db);
    const names: string[] = [];
    const enqueue = async () => {
      const name = `Kill cc ${names.length + 1}`;
      names.push(name);
      await side.outbox.enqueue({
        accountId: 'acct-itnio',
        kind: 'cc-preview',
        name,
        listId: 'cc',
        settings: SETTINGS['cc-preview'],
      });
    };
    await enqueue();

    const random = new SeededRandom(7_100_000);
    let kills = 0;
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt += 1) {
      const run = startChild(dbFile);
      // Events: attempt journaled, workbook, uploading, creating. Either anywhere in the run, or
      // right around submitTask, where a kill can land just before or just after the commit.
      const nearSubmit = random.next() < 0.4;
      const killed = nearSubmit
        ? await killSomewhere(run, random, 4, 40)
        : await killSomewhere(run, random, 1, 3_000);
      if (killed) kills += 1;
      else await run.exited;
      for (const name of names) {
        expect(
          sims.itnio.ccTasks(ITNIO.apiKey).filter((task) => task.name === name).length,
        ).toBeLessThanOrEqual(1);
      }
      const current = names.at(-1) ?? '';
      if (sims.itnio.ccTasks(ITNIO.apiKey).some((task) => task.name === current) && kills < KILLS) {
        // This one landed: finish it (the restart must find it, not send it again), start another.
        await runToEnd(dbFile);
        await enqueue();
      }
    }
    expect(kills).toBe(KILLS);
    await runToEnd(dbFile);

    const tasks = sims.itnio.ccTasks(ITNIO.apiKey);
    for (const name of names) {
      const mine = tasks.filter((task) => task.name === name);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.total).toBe(count);
    }
    expect(side.outbox.list().every((view) => view.state === 'done')).toBe(true);
    db.close();
  }, 360_000);
});
