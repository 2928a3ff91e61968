import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../main/services/audit/audit-trail';
import { createSettingsOf } from '../../../main/services/drafts/draft-validation';
import { DraftsService } from '../../../main/services/drafts/drafts-service';
import { SqliteListSource } from '../../../main/services/drafts/sqlite-list-source';
import { AppError } from '../../../main/services/errors';
import { ListsService } from '../../../main/services/lists/lists-service';
import { ResendComposer } from '../../../main/services/monitor/resend-composer';
import { TaskActions } from '../../../main/services/monitor/task-actions';
import { ListsRepository } from '../../../main/services/storage/lists-repository';
import { SubmittedTasksRepository } from '../../../main/services/storage/submitted-tasks-repository';
import { SubmissionJournal } from '../../../main/services/submissions/journal';
import { Outbox } from '../../../main/services/submissions/outbox';
import { JournalSubmittedNumbers } from '../../../main/services/submissions/submitted-numbers';
import { ItniotechVendor } from '../../../main/services/vendors/itniotech/itniotech-vendor';
import type { BoardRow } from '../../../shared/domain/board';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { startSimWorld, type SimWorld } from './sim-world';

// The composer against masked results (itniotech.md §4.5): a list imported from a file, a
// call-center task created from it through drafts and the outbox, finished by the simulator
// with some failures, then resent from the composer and submitted again.

const ITNIO = { apiKey: 'maskedKey1', apiSecret: 'masked-secret-never-shown-1' } as const;
const YCCALL = { appid: 'masked-app', accesskey: 'AK-masked-secret-2' } as const;
/** A group call to agents (§4.2 type 1): the application and calls per agent are required. */
const CC_SETTINGS = {
  type: 1,
  voiceGroupId: [1000006],
  appId: 'iaAJ6COV',
  calloutRate: 3,
} as const;

interface World extends SimWorld {
  readonly folder: string;
  readonly lists: ListsService;
  readonly repository: ListsRepository;
  readonly drafts: DraftsService;
  readonly journal: SubmissionJournal;
  readonly outbox: Outbox;
  readonly composer: ResendComposer;
  /** Task actions as the detail runs them, knowing what the app submitted. */
  readonly actions: TaskActions;
}

let world: World;

async function startWorld(): Promise<World> {
  const base = await startSimWorld({ itnio: ITNIO, yccall: YCCALL, seed: 21, seedYccall: false });
  const { db, clock, logger } = base;
  const repository = new ListsRepository(db);
  const lists = new ListsService({
    repository,
    store: new InMemoryKeyValueStore(),
    clock,
    newId: randomUUID,
    locale: () => 'en',
    logger,
  });
  const listSource = new SqliteListSource(db);
  const journal = new SubmissionJournal(db);
  const vendor = new ItniotechVendor({ accountId: 'itnio-1', clock, client: base.client });
  const outbox = new Outbox({
    journal,
    audit: new AuditTrail(db, clock, 'test'),
    lists: listSource,
    vendorFor: async (accountId) => {
      if (accountId !== 'itnio-1') throw new Error(`no account ${accountId}`);
      return vendor;
    },
    clock,
    logger,
  });
  const drafts = new DraftsService({
    db,
    clock,
    lists: listSource,
    isNameTaken: (accountId, kind, name) => journal.findByName(accountId, kind, name) !== null,
    vendorOf: (accountId) =>
      accountId === 'itnio-1' ? 'itniotech' : accountId === 'yccall-1' ? 'yccall' : null,
  });
  const submitted = new JournalSubmittedNumbers({
    tasks: new SubmittedTasksRepository(db),
    lists: listSource,
  });
  const composer = new ResendComposer({
    source: base.monitor,
    lists: repository,
    drafts,
    submitted,
    clock,
    locale: () => 'en',
  });
  const actions = new TaskActions({
    board: base.monitor,
    vendorOf: async () => vendor,
    submitted,
    logger,
  });
  const folder = await mkdtemp(path.join(tmpdir(), 'masked-resend-'));
  return { ...base, folder, lists, repository, drafts, journal, outbox, composer, actions };
}

beforeEach(async () => {
  world = await startWorld();
});

afterEach(async () => {
  await world.monitor.stop();
  await world.server.close();
  await rm(world.folder, { recursive: true, force: true });
});

/** Imports national Chinese mobile numbers from a CSV file, as a manager would. */
async function importList(numbers: readonly string[]): Promise<string> {
  const file = path.join(world.folder, `callees-${String(numbers.length)}.csv`);
  await writeFile(
    file,
    ['phone,name', ...numbers.map((n, i) => `${n},Customer ${i + 1}`)].join('\n'),
  );
  const list = await world.lists.import(file, {
    mapping: { phone: 0, name: 1, variables: [] },
    defaultCountry: 'CN',
    rule: 'itniotech-voice',
  });
  expect(list.counts.valid).toBe(numbers.length);
  return list.id;
}

/** Submits a draft the way the Submit button does (validate → outbox → send); returns the task id. */
async function submit(draftId: string): Promise<string> {
  expect(await world.drafts.validate(draftId)).toEqual([]);
  const draft = world.drafts.get(draftId);
  if (draft.listId === null) throw new Error('the draft has no list');
  const queued = await world.outbox.enqueue({
    accountId: draft.accountId,
    kind: draft.kind,
    name: draft.name,
    listId: draft.listId,
    settings: createSettingsOf(draft),
    draftId: draft.id,
  });
  await world.outbox.drain();
  const sent = world.outbox.get(queued.id);
  expect(sent.state).toBe('done');
  if (sent.taskId === null) throw new Error('the outbox recorded no task id');
  return sent.taskId;
}

/** Creates a cc task from a list through a draft and the outbox. */
async function ccTask(name: string, listId: string): Promise<string> {
  const draft = world.drafts.create({
    accountId: 'itnio-1',
    kind: 'cc-preview',
    name,
    listId,
    settings: CC_SETTINGS,
  });
  return submit(draft.id);
}

/** Lets the simulator call every number, then returns the board once it has seen that. */
async function finished(): Promise<readonly BoardRow[]> {
  world.clock.advance(10 * 60_000);
  world.monitor.start();
  await world.scheduler.advance(0);
  await world.monitor.refreshNow('itnio-1');
  return world.monitor.snapshot().rows;
}

function rowOf(rows: readonly BoardRow[], taskId: string): BoardRow {
  const row = rows.find((r) => r.a === 'itnio-1' && r.kd === 'cc-preview' && r.t === taskId);
  if (!row) throw new Error(`task ${taskId} is not on the board`);
  return row;
}

/** Chinese mobiles in national form whose first 4 and last 3 E.164 digits differ: none collide. */
const distinct = (count: number) =>
  Array.from({ length: count }, (_, i) => `13800130${String((i * 37) % 1000).padStart(3, '0')}`);

async function refusalOf(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('resending ITNIO call-center tasks the app submitted, whose results are masked', () => {
  it('creates a task that holds exactly the failed numbers, with the task’s own settings', async () => {
    const listId = await importList(distinct(40));
    const taskId = await ccTask('Callbacks March', listId);
    const rows = await finished();
    const row = rowOf(rows, taskId);
    expect(row.s).toBe('completed');

    // The vendor shows the numbers masked the documented way (`8613****622`).
    const page = await world.client.queryCcTaskDetail({
      current: 1,
      size: 100,
      params: { taskId },
    });
    expect(page.records.length).toBe(40);
    for (const record of page.records) expect(record.encryptCalled).toMatch(/^8613\*{4}\d{3}$/);

    const original = world.itniotech.numbersOf(taskId);
    const failed = original.filter((n) => n.outcome === 'fail').map((n) => n.phone);
    // The seed gives a mix: some failed, most did not.
    expect(failed.length).toBeGreaterThan(3);
    expect(failed.length).toBeLessThan(original.length);

    const result = await world.composer.compose({
      keys: [row.k],
      outcomes: ['failed'],
      accountId: 'itnio-1',
      kind: 'cc-preview',
      name: 'Callbacks March retry',
    });
    expect(result.counts).toEqual({
      total: failed.length,
      valid: failed.length,
      fixed: 0,
      invalid: 0,
      flagged: 0,
      duplicate: 0,
    });
    expect(result.unresolved).toEqual({
      count: 0,
      ambiguous: 0,
      unmatched: 0,
      unknown: 0,
      examples: [],
    });
    // Nothing to retype: the draft carries the settings the task was submitted with.
    expect(result.settingsCopied).toBe(true);
    expect(world.drafts.get(result.draftId).settings).toEqual(CC_SETTINGS);

    const newTaskId = await submit(result.draftId);
    expect(newTaskId).not.toBe(taskId);
    const held = world.itniotech.numbersOf(newTaskId).map((n) => n.phone);
    expect([...held].sort()).toEqual([...failed].sort());
  });

  it('leaves out the masked numbers that fit two submitted numbers, and reports them', async () => {
    // The first 10 numbers have a twin with the same first 4 and last 3 digits.
    const base = distinct(30);
    const twins = base.slice(0, 10).map((n) => `${n.slice(0, 7)}9${n.slice(8)}`);
    const listId = await importList([...base, ...twins]);
    const taskId = await ccTask('Half twins', listId);
    const row = rowOf(await finished(), taskId);

    const result = await world.composer.compose({
      keys: [row.k],
      outcomes: ['failed'],
      accountId: 'itnio-1',
      kind: 'cc-preview',
      name: 'Half twins retry',
    });
    const e164 = (national: string) => `86${national}`;
    const twinned = new Set([...base.slice(0, 10), ...twins].map(e164));
    const failed = world.itniotech
      .numbersOf(taskId)
      .filter((n) => n.outcome === 'fail')
      .map((n) => n.phone);
    const ambiguous = failed.filter((phone) => twinned.has(phone));
    const clear = failed.filter((phone) => !twinned.has(phone));
    // The seed fails some of each, so both paths are taken.
    expect(ambiguous.length).toBeGreaterThan(0);
    expect(clear.length).toBeGreaterThan(0);
    expect(result.unresolved.count).toBe(ambiguous.length);
    expect(result.unresolved.ambiguous).toBe(ambiguous.length);
    expect(result.unresolved.examples.length).toBe(
      Math.min(5, new Set(ambiguous.map((p) => p.slice(-3))).size),
    );
    for (const example of result.unresolved.examples) expect(example).toMatch(/^8613\*{4}\d{3}$/);
    // Never guessed: the draft holds only the numbers that fit one submitted number.
    const held = world.repository
      .page(result.listId, {}, 0, 100)
      .rows.map((r) => r.phone ?? '')
      .sort();
    expect(held).toEqual(clear.map((phone) => `+${phone}`).sort());
  });

  it('resends twins whose mask both failed, reports a mask only one of two failed, and never guesses', async () => {
    // Every number has a twin with the same first 4 and last 3 digits: a mask fits both.
    const pairs = distinct(12).map((n) => [n, `${n.slice(0, 7)}9${n.slice(8)}`] as const);
    const listId = await importList(pairs.flat());
    const taskId = await ccTask('Twins', listId);
    const row = rowOf(await finished(), taskId);
    // The vendor's truth: which of each pair failed.
    const failedAt = new Set(
      world.itniotech
        .numbersOf(taskId)
        .filter((n) => n.outcome === 'fail')
        .map((n) => n.phone.replace(/\D/g, '')),
    );
    const failed = (n: string) => failedAt.has(`86${n}`);
    const bothFailed = pairs.filter(([a, b]) => failed(a) && failed(b)).flat();
    const oneFailed = pairs.filter(([a, b]) => failed(a) !== failed(b)).length;
    // The seeded simulator fails both numbers of some pairs and one of others (both kinds here).
    expect(bothFailed.length).toBeGreaterThan(0);
    expect(oneFailed).toBeGreaterThan(0);

    const compose = world.composer.compose({
      keys: [row.k],
      outcomes: ['failed'],
      accountId: 'itnio-1',
      kind: 'cc-preview',
      name: 'Twins retry',
    });
    const result = await compose;
    expect(result.unresolved).toMatchObject({ ambiguous: oneFailed, unmatched: 0 });
    const phones = world.repository
      .page(result.listId, {}, 0, 100)
      .rows.map((r) => r.phone)
      .sort();
    expect(phones).toEqual(bothFailed.map((n) => `+86${n}`).sort());
  });

  it('cannot fill in the masked numbers of a task this app did not submit, and creates nothing', async () => {
    // Seeded at the vendor, never sent by this app: its numbers are not in the journal.
    const rows = await finished();
    const row = rows.find((r) => r.a === 'itnio-1' && r.n === 'Agent callbacks (done)');
    if (!row) throw new Error('the seeded task is not on the board');
    const refusal = await refusalOf(
      world.composer.compose({
        keys: [row.k],
        outcomes: ['failed'],
        accountId: 'itnio-1',
        kind: 'cc-preview',
        name: 'Seeded retry',
      }),
    );
    expect(refusal.text.en).toMatch(
      /^0 numbers to send: \d+ are partly hidden by the vendor and come from tasks this app did not submit/,
    );
    expect(refusal.text['zh-CN']).toMatch(/^没有可发送的号码：/);
    expect(world.drafts.list()).toEqual([]);
    expect(world.repository.summaries()).toEqual([]);
  });

  it('resends an app-submitted task that calls agents from its detail, asking for nothing', async () => {
    // The simulator's agent groups name no application and the account has no default one:
    // without what the app submitted, the vendor needs both calls per agent and application.
    const taskId = await ccTask('Agents April', await importList(distinct(20)));
    const row = rowOf(await finished(), taskId);
    expect(world.actions.resendDefaults([row.k])).toEqual({
      accountId: 'itnio-1',
      kind: 'cc-preview',
      submitted: 1,
      options: { calloutRate: 3 },
    });
    const result = await world.actions.act({
      action: 'resend',
      key: row.k,
      scope: 'failed',
      name: 'Agents April again',
    });
    expect(result.action).toBe('resend');
    if (result.newTaskId === null) throw new Error('the simulator returned no task id');
    const failed = world.itniotech
      .numbersOf(taskId)
      .filter((n) => n.outcome === 'fail')
      .map((n) => n.phone);
    const held = world.itniotech.numbersOf(result.newTaskId).map((n) => n.phone);
    expect([...held].sort()).toEqual([...failed].sort());
    // The board shows the new task after the action (the account was polled).
    expect(world.monitor.snapshot().rows.some((r) => r.t === result.newTaskId)).toBe(true);
  });
});
