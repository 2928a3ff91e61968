import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/services/errors';
import type { Progress } from '../../../../main/services/vendors/vendor';
import { chunkFailureOf } from '../../../../main/services/vendors/yccall/chunked-create';
import { SETTINGS, callees, must, rejection, startHarness, type Harness } from './harness';

const CREAT = 'App.Sip_Yccall.TaskCreat';
const ADD = 'App.Sip_Yccall.TaskAdd';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function taskIdByName(name: string): string {
  const task = h.sim.tasks().find((candidate) => candidate.name === name);
  if (!task) throw new Error(`no task ${name}`);
  return task.id;
}

/** True when the task holds exactly `list`, in order: nothing lost, nothing twice. */
function holdsExactly(taskId: string, list: readonly { phone: string }[]): boolean {
  const held = h.sim.numbersOf(taskId);
  if (held.length !== list.length) return false;
  for (let i = 0; i < list.length; i += 1) if (held[i] !== list[i]?.phone) return false;
  return true;
}

describe('chunked create against the simulator', () => {
  it('creates a 1,000,000-number task in 100 chunks, survives a reset in chunk 37 and resumes from it with no number lost or added twice', async () => {
    const list = callees(1_000_000);
    const name = 'Million numbers';
    const creats = h.server.requestCount(CREAT);
    const adds = h.server.requestCount(ADD);
    // Chunk 1 is TaskCreat; TaskAdd n is chunk n + 1, so the 36th TaskAdd is chunk 37.
    h.server.injectFault(ADD, { kind: 'reset' }, { skip: 35, times: 1 });
    const progress: Progress[] = [];
    const started = performance.now();

    const error = await rejection(
      h.vendor.createTask(
        { kind: 'predictive', name, callees: list, settings: SETTINGS },
        { onProgress: (p) => progress.push(p) },
      ),
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NETWORK');
    expect((error as AppError).message).toMatch(/part 37 of 100/);
    expect((error as AppError).text['zh-CN']).toMatch(/第 37\/100 部分/);
    const failure = chunkFailureOf(error);
    const taskId = taskIdByName(name);
    expect(failure).toMatchObject({
      stage: 'append',
      taskId,
      chunk: 37,
      chunks: 100,
      confirmed: 360_000,
      held: 360_000,
      pendingFrom: 360_000,
      pendingTo: 370_000,
      outcome: 'unknown',
    });
    expect((error as AppError).details).toMatchObject({ taskId, confirmed: 360_000 });
    expect(h.sim.numberCount(taskId)).toBe(360_000);
    expect(progress.at(-1)).toEqual({ stage: 'append', done: 36, total: 100 });

    // The reset came before the server committed: the count shows the chunk did not land.
    const reconciliation = await h.vendor.reconcileCreate(must(failure));
    expect(reconciliation).toEqual({ taskId, resumeFrom: 360_000, landed: false, held: 360_000 });

    progress.length = 0;
    const created = await h.vendor.createTask(
      {
        kind: 'predictive',
        name,
        callees: list,
        settings: SETTINGS,
        resumeFrom: reconciliation.resumeFrom,
      },
      { onProgress: (p) => progress.push(p) },
    );
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `1,000,000 numbers in 100 chunks, with a failure and a resume: ${seconds.toFixed(1)} s`,
    );

    expect(created).toEqual({ taskId, name, accepted: 1_000_000 });
    expect(h.sim.numberCount(taskId)).toBe(1_000_000);
    expect(h.sim.distinctNumberCount(taskId)).toBe(1_000_000);
    expect(holdsExactly(taskId, list)).toBe(true);
    expect(h.server.requestCount(CREAT) - creats).toBe(1);
    // 36 TaskAdds before the failure (the last one reset), then chunks 37..100.
    expect(h.server.requestCount(ADD) - adds).toBe(36 + 64);
    expect(progress[0]).toEqual({ stage: 'append', done: 36, total: 100 });
    expect(progress.at(-1)).toEqual({ stage: 'append', done: 100, total: 100 });
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 65 }, (_, i) => 36 + i));
    // The simulator's own count agrees with what the client reads back.
    expect(await h.client.taskNumberCount(taskId)).toBe(1_000_000);
  }, 120_000);

  it('after a reset-after-commit on a TaskAdd, reconciles by count: the chunk landed, so it resumes after it instead of sending it twice', async () => {
    const list = callees(45_000, 2_000_000);
    const name = 'Commit then reset';
    h.server.injectFault(ADD, { kind: 'reset-after-commit' }, { skip: 1, times: 1 });
    const adds = h.server.requestCount(ADD);

    const error = await rejection(
      h.vendor.createTask({ kind: 'predictive', name, callees: list, settings: SETTINGS }),
    );
    const failure = chunkFailureOf(error);
    const taskId = taskIdByName(name);
    expect(failure).toMatchObject({
      stage: 'append',
      chunk: 3,
      confirmed: 20_000,
      held: 20_000,
      outcome: 'unknown',
    });
    expect(h.server.requestCount(ADD) - adds).toBe(2); // never sent again by the client
    expect(h.sim.numberCount(taskId)).toBe(30_000); // ...yet the server kept chunk 3

    const reconciliation = await h.vendor.reconcileCreate(must(failure));
    expect(reconciliation).toEqual({ taskId, resumeFrom: 30_000, landed: true, held: 30_000 });

    const created = await h.vendor.createTask({
      kind: 'predictive',
      name,
      callees: list,
      settings: SETTINGS,
      resumeFrom: reconciliation.resumeFrom,
    });
    expect(created.accepted).toBe(45_000);
    expect(h.sim.distinctNumberCount(taskId)).toBe(45_000);
    expect(holdsExactly(taskId, list)).toBe(true);
  });

  it('resuming blindly from `confirmed` after a reset-after-commit would add the chunk twice (why reconciling matters)', async () => {
    const list = callees(25_000, 3_000_000);
    const name = 'Blind resume';
    h.server.injectFault(ADD, { kind: 'reset-after-commit' }, { times: 1 });
    const failure = chunkFailureOf(
      await rejection(
        h.vendor.createTask({ kind: 'predictive', name, callees: list, settings: SETTINGS }),
      ),
    );
    expect(failure?.confirmed).toBe(10_000);
    await h.vendor.createTask({
      kind: 'predictive',
      name,
      callees: list,
      settings: SETTINGS,
      resumeFrom: 10_000,
    });
    const taskId = taskIdByName(name);
    expect(h.sim.numberCount(taskId)).toBe(35_000);
    expect(h.sim.distinctNumberCount(taskId)).toBe(25_000);
  });

  it('after a reset-after-commit on TaskCreat, finds the task by name and resumes with the second chunk', async () => {
    const list = callees(15_000, 4_000_000);
    const name = 'Create committed';
    h.server.injectFault(CREAT, { kind: 'reset-after-commit' }, { times: 1 });
    const creats = h.server.requestCount(CREAT);
    const error = await rejection(
      h.vendor.createTask({ kind: 'predictive', name, callees: list, settings: SETTINGS }),
    );
    expect((error as AppError).code).toBe('NETWORK');
    const failure = chunkFailureOf(error);
    expect(failure).toMatchObject({
      stage: 'create',
      taskId: null,
      confirmed: 0,
      outcome: 'unknown',
    });
    const reconciliation = await h.vendor.reconcileCreate(must(failure));
    const taskId = taskIdByName(name);
    expect(reconciliation).toEqual({ taskId, resumeFrom: 10_000, landed: true, held: 10_000 });
    await h.vendor.createTask({
      kind: 'predictive',
      name,
      callees: list,
      settings: SETTINGS,
      resumeFrom: 10_000,
    });
    expect(h.server.requestCount(CREAT) - creats).toBe(1);
    expect(holdsExactly(taskId, list)).toBe(true);
  });

  it('after a reset on TaskCreat before the server saw it, reconciling says create again from 0, and only one task results', async () => {
    const list = callees(12_000, 5_000_000);
    const name = 'Create lost';
    h.server.injectFault(CREAT, { kind: 'reset' }, { times: 1 });
    const failure = chunkFailureOf(
      await rejection(
        h.vendor.createTask({ kind: 'predictive', name, callees: list, settings: SETTINGS }),
      ),
    );
    const reconciliation = await h.vendor.reconcileCreate(must(failure));
    expect(reconciliation).toEqual({ taskId: null, resumeFrom: 0, landed: false, held: 0 });
    await h.vendor.createTask({ kind: 'predictive', name, callees: list, settings: SETTINGS });
    expect(h.sim.tasks().filter((task) => task.name === name)).toHaveLength(1);
    expect(holdsExactly(taskIdByName(name), list)).toBe(true);
  });

  it('refuses to create a second task with a name that exists (names are the idempotency key)', async () => {
    const name = 'Unique name';
    await h.vendor.createTask({
      kind: 'predictive',
      name,
      callees: callees(3, 6_000_000),
      settings: SETTINGS,
    });
    const creats = h.server.requestCount(CREAT);
    const error = await rejection(
      h.vendor.createTask({
        kind: 'predictive',
        name,
        callees: callees(3, 6_000_000),
        settings: SETTINGS,
      }),
    );
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).details).toMatchObject({ taskId: taskIdByName(name) });
    expect(h.server.requestCount(CREAT)).toBe(creats);
  });

  it('stops between chunks when cancelled, with the same resume details', async () => {
    const list = callees(40_000, 7_000_000);
    const name = 'Cancelled midway';
    const controller = new AbortController();
    const error = await rejection(
      h.vendor.createTask(
        { kind: 'predictive', name, callees: list, settings: SETTINGS },
        {
          signal: controller.signal,
          onProgress: (p) => {
            if (p.done === 2) controller.abort();
          },
        },
      ),
    );
    expect((error as AppError).code).toBe('CANCELLED');
    expect(chunkFailureOf(error)).toMatchObject({
      confirmed: 20_000,
      chunk: 3,
      outcome: 'not-sent',
    });
    expect(h.sim.numberCount(taskIdByName(name))).toBe(20_000);
    const created = await h.vendor.createTask({
      kind: 'predictive',
      name,
      callees: list,
      settings: SETTINGS,
      resumeFrom: 20_000,
    });
    expect(created.accepted).toBe(40_000);
    expect(holdsExactly(must(created.taskId), list)).toBe(true);
  });

  it('creates the task stopped and starts it only after the last chunk when asked to start', async () => {
    const list = callees(20_001, 8_000_000);
    const name = 'Start at the end';
    const created = await h.vendor.createTask({
      kind: 'predictive',
      name,
      callees: list,
      settings: { ...SETTINGS, start: true },
    });
    expect(created.accepted).toBe(20_001);
    const task = h.sim.tasks().find((candidate) => candidate.id === created.taskId);
    expect(task?.status).toBe(1026);
    expect(holdsExactly(must(created.taskId), list)).toBe(true);
  });

  it('appends numbers to an existing task in chunks (the appendNumbers capability)', async () => {
    const created = await h.vendor.createTask({
      kind: 'predictive',
      name: 'Append later',
      callees: callees(5, 9_000_000),
      settings: SETTINGS,
    });
    const progress: Progress[] = [];
    const result = await h.vendor.appendNumbers(must(created.taskId), callees(25_000, 9_100_000), {
      onProgress: (p) => progress.push(p),
    });
    expect(result.held).toBe(25_005);
    expect(h.sim.numberCount(must(created.taskId))).toBe(25_005);
    expect(progress.at(-1)).toEqual({ stage: 'append', done: 3, total: 3 });
  });
});
