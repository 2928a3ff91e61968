import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftsService } from '../../../main/services/drafts/drafts-service';
import { SqliteListSource } from '../../../main/services/drafts/sqlite-list-source';
import { AppError } from '../../../main/services/errors';
import { ResendComposer } from '../../../main/services/monitor/resend-composer';
import { ListsRepository } from '../../../main/services/storage/lists-repository';
import { SubmittedTasksRepository } from '../../../main/services/storage/submitted-tasks-repository';
import { JournalSubmittedNumbers } from '../../../main/services/submissions/submitted-numbers';
import type { BoardRow } from '../../../shared/domain/board';
import { startSimWorld, type SimWorld } from './sim-world';

const ITNIO = { apiKey: 'resendKey1', apiSecret: 'resend-secret-never-shown-1' } as const;
const YCCALL = { appid: 'resend-app', accesskey: 'AK-resend-secret-2' } as const;
const YCCALL_SETTINGS = { assignType: 'queue', assignAgent: 'queue-1', callsPerAgent: 2 } as const;

/** Chinese mobile numbers as the vendor reports them (country code + number, no '+'). */
const cn = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ phone: `8613800${String(130_000 + from + i)}` }));

interface World extends SimWorld {
  lists: ListsRepository;
  drafts: DraftsService;
  composer: ResendComposer;
}

let world: World;

async function startWorld(): Promise<World> {
  const base = await startSimWorld({ itnio: ITNIO, yccall: YCCALL, seed: 5, seedYccall: false });
  const { db, clock, monitor } = base;
  const lists = new ListsRepository(db);
  const vendorOfAccount: Record<string, 'itniotech' | 'yccall'> = {
    'itnio-1': 'itniotech',
    'yccall-1': 'yccall',
  };
  const drafts = new DraftsService({
    db,
    clock,
    lists: new SqliteListSource(db),
    vendorOf: (accountId) => vendorOfAccount[accountId] ?? null,
  });
  const composer = new ResendComposer({
    source: monitor,
    lists,
    drafts,
    submitted: new JournalSubmittedNumbers({
      tasks: new SubmittedTasksRepository(db),
      lists: new SqliteListSource(db),
    }),
    clock,
    locale: () => 'en',
  });
  return { ...base, lists, drafts, composer };
}

/** Ends a created task (TaskSet end), so its outcomes are final and it can be resent. */
async function ended(created: { readonly taskId: string | null }): Promise<void> {
  if (created.taskId === null) throw new Error('the simulator returned no task id');
  await world.yccall.cancel('predictive', created.taskId);
}

/** Starts polling and returns the board once the first sync is in. */
async function board(): Promise<readonly BoardRow[]> {
  world.monitor.start();
  await world.scheduler.advance(0);
  return world.monitor.snapshot().rows;
}

function keyOf(rows: readonly BoardRow[], account: string, name: string): string {
  const row = rows.find((r) => r.a === account && r.n === name);
  if (!row) throw new Error(`no row ${account}/${name}`);
  return row.k;
}

beforeEach(async () => {
  world = await startWorld();
});

afterEach(async () => {
  await world.monitor.stop();
  await world.server.close();
});

describe('ResendComposer against the simulator', () => {
  it('refuses a task that is still running, and writes nothing', async () => {
    await world.yccall.createTask({
      kind: 'predictive',
      name: 'Still going',
      callees: cn(0, 3),
      settings: YCCALL_SETTINGS,
    });
    const rows = await board();
    const before = world.lists.summaries().length;
    await expect(
      world.composer.compose({
        keys: [keyOf(rows, 'yccall-1', 'Still going')],
        outcomes: ['not-called'],
        accountId: 'yccall-1',
        kind: 'predictive',
        name: 'Too early',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(world.lists.summaries().length).toBe(before);
  });

  it('puts the chosen outcomes of two tasks into one deduplicated list and a draft using it', async () => {
    // Two tasks that share five numbers; nothing has been called yet (the sim clock stands still).
    await ended(
      await world.yccall.createTask({
        kind: 'predictive',
        name: 'Wave A',
        callees: cn(0, 10),
        settings: YCCALL_SETTINGS,
      }),
    );
    await ended(
      await world.yccall.createTask({
        kind: 'predictive',
        name: 'Wave B',
        callees: cn(5, 10),
        settings: YCCALL_SETTINGS,
      }),
    );
    const rows = await board();
    const keys = [keyOf(rows, 'yccall-1', 'Wave A'), keyOf(rows, 'yccall-1', 'Wave B')];

    const result = await world.composer.compose({
      keys,
      outcomes: ['not-called', 'failed'],
      accountId: 'yccall-1',
      kind: 'predictive',
      name: 'Second try',
    });

    expect(result.counts).toEqual({
      total: 20,
      valid: 15,
      fixed: 0,
      invalid: 0,
      flagged: 0,
      duplicate: 5,
    });
    expect(result.truncated).toBe(false);
    const summary = world.lists.summary(result.listId);
    expect(summary?.name).toBe('Resend of 2 tasks — not called, failed');
    expect(summary?.sourceFileName).toBe('resend');
    expect(summary?.rule).toBe('yccall');
    const stored = world.lists.page(result.listId, {}, 0, 100).rows;
    expect(stored.map((row) => row.rowNumber)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const kept = stored.filter((row) => row.status === 'valid').map((row) => row.phone);
    expect(kept).toEqual(cn(0, 15).map((c) => `+${c.phone}`));
    const repeats = stored.filter((row) => row.status === 'duplicate');
    expect(repeats.map((row) => row.phone)).toEqual(cn(5, 5).map((c) => `+${c.phone}`));
    // Each repeat names the row of its first occurrence (rows 6–10 of Wave A).
    expect(repeats.map((row) => row.reasonDetail)).toEqual(['6', '7', '8', '9', '10']);

    const draft = world.drafts.get(result.draftId);
    expect(draft).toMatchObject({
      accountId: 'yccall-1',
      kind: 'predictive',
      name: 'Second try',
      listId: result.listId,
    });
  });

  it('leaves out numbers whose outcome was not chosen, and with none left creates nothing', async () => {
    await ended(
      await world.yccall.createTask({
        kind: 'predictive',
        name: 'Wave C',
        callees: cn(0, 4),
        settings: YCCALL_SETTINGS,
      }),
    );
    const rows = await board();
    let refusal: unknown = null;
    try {
      await world.composer.compose({
        keys: [keyOf(rows, 'yccall-1', 'Wave C')],
        outcomes: ['busy', 'failed'],
        accountId: 'yccall-1',
        kind: 'predictive',
        name: 'Nothing to resend',
      });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    if (!(refusal instanceof AppError)) return;
    expect(refusal.code).toBe('INVALID_INPUT');
    expect(refusal.text.en).toBe(
      '0 numbers to send: none of the chosen tasks has numbers that ended as busy, failed. Nothing was created.',
    );
    expect(world.lists.summaries()).toEqual([]);
    expect(world.drafts.list()).toEqual([]);
    // Not even a half-written list is left in the tables.
    expect(world.db.prepare('SELECT COUNT(*) AS n FROM lists').get()).toEqual({ n: 0 });
  });

  it('refuses a task whose vendor lists no per-number results, naming it, and writes nothing', async () => {
    const rows = await board();
    const voice = keyOf(rows, 'itnio-1', 'Renewal reminders (done)');
    let error: unknown = null;
    try {
      await world.composer.compose({
        keys: [voice],
        outcomes: ['failed'],
        accountId: 'itnio-1',
        kind: 'voice-group',
        name: 'Refused',
      });
    } catch (failure) {
      error = failure;
    }
    expect(error).toBeInstanceOf(AppError);
    if (!(error instanceof AppError)) return;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.text.en).toContain('Renewal reminders (done)');
    expect(error.text['zh-CN']).toContain('Renewal reminders (done)');
    expect(world.lists.summaries()).toEqual([]);
    expect(world.drafts.list()).toEqual([]);
  });

  it('refuses a target account that cannot run the kind, before reading any number', async () => {
    const rows = await board();
    const keys = [keyOf(rows, 'itnio-1', 'Agent callbacks (done)')];
    const before = world.server.requestCount('/cc/preview/queryTaskDetail');
    const refusal = async (accountId: string) => {
      try {
        await world.composer.compose({
          keys,
          outcomes: ['failed'],
          accountId,
          kind: 'voice-group',
          name: 'Wrong target',
        });
      } catch (failure) {
        return failure;
      }
      return null;
    };
    // A Yccall server runs predictive tasks only.
    const wrongKind = await refusal('yccall-1');
    expect(wrongKind).toBeInstanceOf(AppError);
    expect(wrongKind).toMatchObject({ code: 'INVALID_INPUT' });
    expect((wrongKind as AppError).text.en).toMatch(/cannot run this kind of task/);
    expect(await refusal('gone-account')).toMatchObject({ code: 'NOT_FOUND' });
    expect(world.server.requestCount('/cc/preview/queryTaskDetail')).toBe(before);
    expect(world.lists.summaries()).toEqual([]);
    expect(world.drafts.list()).toEqual([]);
  });
});
