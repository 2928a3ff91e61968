import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListsService } from '../../../main/services/lists/lists-service';
import { SimulatorServer } from '../../../main/services/sandbox/server';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { mountYccall, type YccallSim } from '../../../main/services/sandbox/yccall/yccall-sim';
import { openDatabase } from '../../../main/services/storage/database';
import { ListsRepository } from '../../../main/services/storage/lists-repository';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';
import { makeOutbox, makeVendors, SETTINGS, YCCALL, type OutboxSide } from './harness';

// Verified delivery (issue 12) against the STRICT Yccall simulator: a list imported from a file
// is sent in chunks, every chunk's answer is checked, the task is read back, and the submission
// is "done" only when the server holds exactly what was sent, as the digits its PBX dials.

const TASK_CREAT = 'App.Sip_Yccall.TaskCreat';
const TASK_ADD = 'App.Sip_Yccall.TaskAdd';
const TASK_SET = 'App.Sip_Yccall.TaskSet';

let folder = '';
let server: SimulatorServer;
let clock: ManualClock;
let sim: YccallSim;
let db: DatabaseSync;
let lists: ListsService;
let side: OutboxSide;

/** The national mobile number the PBX dials for row i (yccall.md §4.1's example form). */
const national = (i: number) => `139${String(i).padStart(8, '0')}`;

/** A CSV of `count` numbers written the ways managers write them. */
async function csvOf(count: number): Promise<string> {
  const lines = ['手机,姓名'];
  for (let i = 0; i < count; i += 1) {
    const digits = national(i);
    const written = i % 2 === 0 ? `+86${digits}` : digits;
    lines.push(`${written},Customer ${String(i)}`);
  }
  const file = join(folder, `list-${String(count)}.csv`);
  await writeFile(file, lines.join('\r\n'));
  return file;
}

async function importList(count: number): Promise<string> {
  const list = await lists.import(await csvOf(count), {
    mapping: { phone: 0, name: 1, variables: [] },
    defaultCountry: 'CN',
    rule: 'yccall',
  });
  expect(list.counts.valid).toBe(count);
  return list.id;
}

/** A Yccall submission of a list, with the harness's settings (start when sent). */
function yccallSubmission(name: string, listId: string) {
  return {
    accountId: 'acct-yccall',
    kind: 'predictive' as const,
    name,
    listId,
    settings: SETTINGS.predictive,
  };
}

function simTask(name: string) {
  const task = sim.tasks().find((candidate) => candidate.name === name);
  if (!task) throw new Error(`no task named ${name} in the simulator`);
  return task;
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'verified-delivery-'));
  server = new SimulatorServer();
  clock = new ManualClock();
  sim = mountYccall(server, { clock, seed: 12, accounts: [YCCALL], strict: true });
  await server.start();
  db = openDatabase(':memory:');
  let next = 0;
  lists = new ListsService({
    repository: new ListsRepository(db),
    store: new InMemoryKeyValueStore(),
    clock,
    newId: () => `list-${String(++next)}`,
    locale: () => 'en',
    logger: new MemoryLogger(),
  });
  const vendors = makeVendors(server.url, clock);
  side = makeOutbox(vendors, clock, db);
});

afterEach(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

describe('verified delivery to a strict Yccall server', () => {
  it('sends 25,000 imported numbers as digits in 3 chunks, starts the task after the last, and is done only after the read-back', async () => {
    const listId = await importList(25_000);
    const queued = await side.outbox.enqueue(yccallSubmission('Spring 25k', listId));
    await side.outbox.drain();

    const view = side.outbox.get(queued.id);
    expect(view.error).toBeNull();
    expect(view.state).toBe('done');
    expect(view.held).toBe(25_000);
    expect(view.refused.count).toBe(0);

    // Where it lands: the server holds exactly those numbers, once each, as the PBX dials them.
    const task = simTask('Spring 25k');
    const held = [...sim.numbersOf(task.id)].sort();
    const expected = Array.from({ length: 25_000 }, (_, i) => national(i)).sort();
    expect(held).toEqual(expected);
    expect(sim.distinctNumberCount(task.id)).toBe(25_000);
    expect(sim.refusedOf(task.id)).toEqual([]);
    // Running (TaskList 1026), started once, after the last of 1 TaskCreat + 2 TaskAdd.
    expect(task.status).toBe(1026);
    expect(server.requestCount(TASK_CREAT)).toBe(1);
    expect(server.requestCount(TASK_ADD)).toBe(2);
    expect(server.requestCount(TASK_SET)).toBe(1);
    expect(sim.strict?.violations()).toEqual([]);
    expect(view.taskId).toBe(task.id);
  });

  it('stops at the first chunk the server holds short, needs the manager with the refused numbers, and resumes without sending any number twice', async () => {
    const listId = await importList(25_000);
    // The server refuses 7 numbers of the second chunk (positions 12,000–12,006).
    const refusedPositions = Array.from({ length: 7 }, (_, k) => 12_000 + k);
    sim.refusePhones(refusedPositions.map(national));
    const queued = await side.outbox.enqueue(yccallSubmission('Partly refused', listId));
    await side.outbox.drain();

    const stopped = side.outbox.get(queued.id);
    expect(stopped.state).toBe('attention');
    expect(stopped.refused.count).toBe(7);
    expect(stopped.refused.sample.map((r) => [r.sent, r.reason])).toEqual(
      refusedPositions.slice(0, 5).map((i) => [national(i), 'invalid']),
    );
    expect(stopped.refused.sample[0]?.phone).toBe(`+86${national(12_000)}`);
    expect(stopped.error?.message.en).toContain('refused 7 of the numbers 10,001–20,000');
    expect(stopped.progress.done).toBe(20_000);
    expect(stopped.actions.exportRefused).toBe(true);
    // Nothing after that chunk left, and the task was not started.
    const task = simTask('Partly refused');
    expect(server.requestCount(TASK_CREAT)).toBe(1);
    expect(server.requestCount(TASK_ADD)).toBe(1);
    expect(server.requestCount(TASK_SET)).toBe(0);
    expect(task.status).toBe(1025);
    expect(sim.numberCount(task.id)).toBe(19_993);

    const exported = join(folder, 'refused.csv');
    expect(await side.outbox.exportRefused(queued.id, exported, 'en')).toBe(7);
    const csv = await readFile(exported, 'utf8');
    for (const i of refusedPositions) expect(csv).toContain(`'+86${national(i)},'${national(i)},`);

    // Resume: only the third chunk goes out, then the start; the refused numbers are not resent.
    const resumed = await side.outbox.retry(queued.id);
    expect(resumed.error).toBeNull();
    expect(resumed.state).toBe('done');
    expect(resumed.held).toBe(24_993);
    expect(resumed.refused.count).toBe(7);
    expect(server.requestCount(TASK_CREAT)).toBe(1);
    expect(server.requestCount(TASK_ADD)).toBe(2);
    expect(server.requestCount(TASK_SET)).toBe(1);
    expect(sim.numberCount(task.id)).toBe(24_993);
    expect(sim.distinctNumberCount(task.id)).toBe(24_993);
    expect(sim.refusedOf(task.id)).toHaveLength(7);
    expect(simTask('Partly refused').status).toBe(1026);
    expect(sim.strict?.violations()).toEqual([]);
  });

  it('is not done when the read-back disagrees with what the server acknowledged', async () => {
    const listId = await importList(300);
    const queued = await side.outbox.enqueue(yccallSubmission('Short count', listId));
    // The server says it took everything, but its task holds fewer numbers.
    sim.dropSilently(2);
    await side.outbox.drain();
    const view = side.outbox.get(queued.id);
    expect(view.state).toBe('attention');
    expect(view.refused.count).toBe(2);
    expect(view.refused.sample.every((r) => r.reason === 'not-held')).toBe(true);
    expect(server.requestCount(TASK_SET)).toBe(0);
  });

  it('waits, and is not done, while the vendor has not counted the new task yet; done once it has', async () => {
    const listId = await importList(300);
    const vendors = makeVendors(server.url, clock);
    let counted = false;
    const slow = Object.assign(Object.create(vendors.yccall) as typeof vendors.yccall, {
      readBack: async (kind: 'predictive', taskId: string) =>
        counted ? vendors.yccall.readBack(kind, taskId) : { held: null, state: 'pending' as const },
    });
    const late = makeOutbox({ itnio: vendors.itnio, yccall: slow }, clock, db);
    const queued = await late.outbox.enqueue(yccallSubmission('Counted later', listId));
    await late.outbox.drain();
    const waiting = late.outbox.get(queued.id);
    expect(waiting.state).toBe('waiting');
    expect(waiting.held).toBeNull();
    expect(waiting.error?.message.en).toContain('has not counted its numbers yet');
    counted = true;
    const done = await late.outbox.retry(queued.id);
    expect(done.state).toBe('done');
    expect(done.held).toBe(300);
    // Checking again sent nothing twice.
    expect(server.requestCount(TASK_CREAT)).toBe(1);
    expect(sim.distinctNumberCount(simTask('Counted later').id)).toBe(300);
    expect(sim.numberCount(simTask('Counted later').id)).toBe(300);
  });
});
