import { describe, expect, it } from 'vitest';
import { SqliteListSource } from '../../../main/services/drafts/sqlite-list-source';
import { AppError } from '../../../main/services/errors';
import { ResendComposer, type ResendSource } from '../../../main/services/monitor/resend-composer';
import { openDatabase } from '../../../main/services/storage/database';
import { ListsRepository } from '../../../main/services/storage/lists-repository';
import { SubmittedTasksRepository } from '../../../main/services/storage/submitted-tasks-repository';
import { readCallees } from '../../../main/services/submissions/callees';
import { SubmissionJournal } from '../../../main/services/submissions/journal';
import {
  JournalSubmittedNumbers,
  type SubmittedNumbers,
} from '../../../main/services/submissions/submitted-numbers';
import type { BoardRow } from '../../../shared/domain/board';
import type { NumberResult, TaskKind } from '../../../shared/domain/task';
import { NO_CAPABILITIES } from '../../fakes/capabilities';

const row = (key: string, fields: Partial<BoardRow> = {}): BoardRow => ({
  i: 1,
  k: key,
  a: 'itnio-1',
  v: 'itniotech',
  kd: 'cc-preview',
  t: '5017560',
  n: 'Callbacks',
  s: 'completed',
  sc: '12',
  sl: 'task completed',
  tot: 3,
  c: 3,
  ok: 0,
  f: 3,
  x: 0,
  cr: null,
  fin: null,
  ...fields,
});

const failed = (phone: string): NumberResult => ({
  phone,
  outcome: 'failed',
  vendorStatus: { code: '7', label: 'call abnormal' },
  calledAt: null,
  durationSeconds: null,
  agent: null,
});

/** A board of finished tasks whose failed numbers are as given. */
function board(
  tasks: Readonly<Record<string, { row: BoardRow; numbers: string[] }>>,
): ResendSource {
  return {
    row: (key) => {
      const task = tasks[key];
      if (!task) throw new Error(`no row ${key}`);
      return task.row;
    },
    capabilities: async () => ({ ...NO_CAPABILITIES, numberResults: true }),
    numberResults: async (key, query) => {
      const items = (tasks[key]?.numbers ?? []).map(failed);
      const from = (query.page - 1) * query.pageSize;
      return {
        items: items.slice(from, from + query.pageSize),
        page: query.page,
        pageSize: query.pageSize,
        total: items.length,
      };
    },
  };
}

/** The app's submissions, by task id. */
function submissions(
  byTask: Readonly<Record<string, { numbers: string[]; settings: Record<string, unknown> }>>,
): SubmittedNumbers {
  return {
    settingsOf: ({ taskId }) => byTask[taskId]?.settings ?? null,
    numbersOf: async ({ taskId }) => {
      const known = byTask[taskId];
      return known ? { status: 'found', numbers: known.numbers } : { status: 'not-submitted' };
    },
  };
}

function rig(source: ResendSource, submitted: SubmittedNumbers) {
  const db = openDatabase(':memory:');
  const lists = new ListsRepository(db);
  const created: { accountId: string; kind: TaskKind; listId: string; settings?: unknown }[] = [];
  let next = 0;
  const composer = new ResendComposer({
    source,
    lists,
    drafts: {
      create: (input) => {
        created.push(input);
        return { id: `draft-${String(++next)}` };
      },
    },
    submitted,
    clock: { now: () => 1_767_600_000_000 },
    locale: () => 'en',
    newId: () => `list-${String(++next)}`,
  });
  return { db, lists, created, composer };
}

const CC = { type: 1, voiceGroupId: [1000006], appId: 'iaAJ6COV', calloutRate: 3 };

const request = {
  keys: ['k1'],
  outcomes: ['failed'] as const,
  accountId: 'itnio-1',
  kind: 'cc-preview' as const,
  name: 'Retry',
};

async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the resend composer with masked numbers', () => {
  it('creates no draft and no list when no number can be sent, and says why in numbers', async () => {
    const masked = Array.from(
      { length: 1_200 },
      (_, i) => `8613****${String(i % 1000).padStart(3, '0')}`,
    );
    const { db, lists, created, composer } = rig(
      board({ k1: { row: row('k1'), numbers: masked } }),
      // Submitted numbers that share no visible digits with the masks.
      submissions({ '5017560': { numbers: ['+6281234567890'], settings: CC } }),
    );
    const error = await refusal(composer.compose(request));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.text.en).toBe(
      '0 numbers to send: 1,200 could not be matched to the numbers you submitted (for example 8613****000, 8613****001, 8613****002, 8613****003, 8613****004). No draft or list was created.',
    );
    expect(error.text['zh-CN']).toContain(
      '1,200 个被服务商隐去部分数字的号码无法与您提交的号码唯一对应',
    );
    expect(created).toEqual([]);
    expect(lists.summaries()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM lists').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM list_rows').get()).toEqual({ n: 0 });
  });

  it('says which numbers were not valid when nothing else is left to send', async () => {
    const { created, composer } = rig(
      board({ k1: { row: row('k1'), numbers: ['12', 'abc'] } }),
      submissions({}),
    );
    const error = await refusal(composer.compose(request));
    expect(error.text.en).toBe(
      '0 numbers to send: 2 are not valid phone numbers for the new task. No draft or list was created.',
    );
    expect(created).toEqual([]);
  });

  it('fills in masked numbers, passes plain ones, reports the rest, and copies the settings', async () => {
    const { lists, created, composer } = rig(
      board({
        k1: {
          row: row('k1'),
          numbers: ['8613****622', '8613****999', '8613****555', '6281234567890'],
        },
      }),
      submissions({
        '5017560': {
          numbers: ['+8613800138622', '+8613800138555', '+8613900139555'],
          settings: { ...CC, sendTime: '2026-01-05 10:00:00' },
        },
      }),
    );
    const result = await composer.compose(request);
    expect(result.counts).toMatchObject({ total: 2, valid: 2, invalid: 0 });
    expect(result.unresolved).toEqual({
      count: 2,
      ambiguous: 1,
      unmatched: 1,
      unknown: 0,
      examples: ['8613****999', '8613****555'],
    });
    const rows = lists.page(result.listId, {}, 0, 10).rows;
    expect(rows.map((r) => [r.original, r.phone])).toEqual([
      ['8613****622', '+8613800138622'],
      ['6281234567890', '+6281234567890'],
    ]);
    // The schedule belongs to the new campaign: a start time is never copied.
    expect(result.settingsCopied).toBe(true);
    expect(created).toEqual([
      {
        accountId: 'itnio-1',
        kind: 'cc-preview',
        name: 'Retry',
        listId: result.listId,
        settings: CC,
        // The call history counts a resend's calls as a resend's (issue 17).
        origin: 'resend',
      },
    ]);
  });

  it('resends every number a mask fits when as many chosen rows show that mask, and none when fewer do', async () => {
    const { lists, composer } = rig(
      board({
        k1: {
          row: row('k1'),
          // Both numbers ending 555 failed (two rows); of the two ending 777, one did.
          numbers: ['8613****555', '8613****555', '8613****777'],
        },
      }),
      submissions({
        '5017560': {
          numbers: ['+8613800138555', '+8613900139555', '+8613800138777', '+8613900139777'],
          settings: CC,
        },
      }),
    );
    const result = await composer.compose(request);
    expect(result.counts).toMatchObject({ total: 2, valid: 2 });
    expect(result.unresolved).toMatchObject({ count: 1, ambiguous: 1, examples: ['8613****777'] });
    const rows = lists.page(result.listId, {}, 0, 10).rows;
    expect(rows.map((r) => r.phone).sort()).toEqual(['+8613800138555', '+8613900139555']);
  });

  it('copies settings only to the same account and kind, and only what the tasks agree on', async () => {
    const source = board({
      k1: { row: row('k1'), numbers: ['6281234567890'] },
      k2: { row: row('k2', { i: 2, t: '5017561' }), numbers: ['6281234567891'] },
    });
    const submitted = submissions({
      '5017560': { numbers: [], settings: CC },
      '5017561': { numbers: [], settings: { ...CC, calloutRate: 5 } },
    });
    const both = rig(source, submitted);
    const result = await both.composer.compose({ ...request, keys: ['k1', 'k2'] });
    expect(result.settingsCopied).toBe(true);
    expect(both.created[0]?.settings).toEqual({
      type: 1,
      voiceGroupId: [1000006],
      appId: 'iaAJ6COV',
    });

    const elsewhere = rig(source, submitted);
    const other = await elsewhere.composer.compose({ ...request, accountId: 'itnio-2' });
    expect(other.settingsCopied).toBe(false);
    expect(elsewhere.created[0]).not.toHaveProperty('settings');
  });

  it('does not fill in masked numbers from a list that changed since it was submitted', async () => {
    const db = openDatabase(':memory:');
    const lists = new ListsRepository(db);
    const now = 1_767_600_000_000;
    lists.begin({
      id: 'list-1',
      name: 'Callees',
      sourceFileName: 'callees.csv',
      sourceSha256: '',
      sourceSizeBytes: 0,
      sheet: '',
      headerRow: 1,
      mapping: { phone: 0, name: null, variables: [] },
      columnNames: { phone: 'phone', name: null, variables: [] },
      defaultCountry: 'CN',
      rule: 'itniotech-voice',
      encoding: null,
      createdAt: now,
    });
    lists.append('list-1', [
      {
        seq: 0,
        rowNumber: 2,
        status: 'valid',
        original: '13800138622',
        phone: '+8613800138622',
        name: null,
        variables: [],
        reasonCode: null,
        reasonDetail: null,
      },
    ]);
    lists.finish('list-1', { total: 1, valid: 1, fixed: 0, invalid: 0, flagged: 0, duplicate: 0 });
    const journal = new SubmissionJournal(db);
    const submitted = new JournalSubmittedNumbers({
      tasks: new SubmittedTasksRepository(db),
      lists: new SqliteListSource(db),
    });
    const record = { accountId: 'itnio-1', kind: 'cc-preview' as const, taskId: '5017560' };
    expect(await submitted.numbersOf(record)).toEqual({ status: 'not-submitted' });

    // What the outbox journals for a create it sent (fingerprint of the one callee above).
    const sent = await readCallees(new SqliteListSource(db), 'list-1', { keep: false });
    journal.insert(
      {
        id: 's1',
        accountId: 'itnio-1',
        kind: 'cc-preview',
        name: 'Callbacks',
        draftId: null,
        listId: 'list-1',
        calleeCount: sent.count,
        calleeSha256: sent.sha256,
        settings: CC,
      },
      now,
    );
    journal.update('s1', { state: 'done', taskId: '5017560' }, now);
    expect(await submitted.numbersOf(record)).toEqual({
      status: 'found',
      numbers: ['+8613800138622'],
    });
    expect(submitted.settingsOf(record)).toEqual(CC);
    // Another account's task with the same id is not this one.
    expect(submitted.settingsOf({ ...record, accountId: 'itnio-2' })).toBeNull();

    lists.remove('list-1');
    expect(await submitted.numbersOf(record)).toEqual({ status: 'list-changed' });
    const { created, composer } = rig(
      board({ k1: { row: row('k1'), numbers: ['8613****622'] } }),
      submitted,
    );
    const error = await refusal(composer.compose(request));
    expect(error.details).toMatchObject({ unknown: 1 });
    expect(created).toEqual([]);
  });
});
