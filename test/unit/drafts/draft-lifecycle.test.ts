import { beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import type { AccountProfile } from '../../../shared/domain/account';
import type { SubmissionState } from '../../../shared/domain/submission';
import { draftStateOf } from '../../../main/services/drafts/draft-lifecycle';
import { defaultSettingsOf } from '../../../main/services/drafts/draft-validation';
import { DraftsService } from '../../../main/services/drafts/drafts-service';
import { AppError } from '../../../main/services/errors';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { openDatabase } from '../../../main/services/storage/database';
import { SubmissionJournal } from '../../../main/services/submissions/journal';
import { MemoryListSource } from './memory-list-source';

const ITNIO: AccountProfile = {
  id: 'itnio-1',
  name: 'ITNIO Voice (Shanghai)',
  vendor: 'itniotech',
  demo: false,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  lastCheck: null,
  connection: {
    brand: 'itniotech',
    apiKey: 'key1',
    defaults: { appId: 'iaAJ6COV', countryCode: '86', displayNumber: 'SH0215' },
    serverUtcOffsetMinutes: 480,
  },
};

const YCCALL: AccountProfile = {
  id: 'pbx-1',
  name: 'Office PBX',
  vendor: 'yccall',
  demo: false,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  lastCheck: null,
  connection: {
    serverUrl: 'https://pbx.example.com',
    appid: 'app',
    defaults: { queue: 'sales' },
    dialing: { homeCountry: 'CN', internationalPrefix: '00' },
    serverUtcOffsetMinutes: null,
  },
};

let db: DatabaseSync;
let clock: ManualClock;
let journal: SubmissionJournal;
let drafts: DraftsService;
let seq = 0;

beforeEach(() => {
  db = openDatabase(':memory:');
  clock = new ManualClock();
  journal = new SubmissionJournal(db);
  const lists = new MemoryListSource();
  lists.add('small', 10, (i) => ({
    rowNumber: i + 2,
    e164: `+86138000000${String(i).padStart(2, '0')}`,
    name: null,
    variables: [],
  }));
  const accounts = [ITNIO, YCCALL];
  // Wired as main/core.ts wires it: the journal is the truth about what was submitted.
  drafts = new DraftsService({
    db,
    clock,
    lists,
    isNameTaken: (accountId, kind, name, draftId) =>
      journal.findByName(accountId, kind, name, draftId) !== null,
    vendorOf: (id) => accounts.find((account) => account.id === id)?.vendor ?? null,
    submissionsOf: (ids) => journal.ofDrafts(ids),
    defaultSettingsOf: (id, kind) => {
      const account = accounts.find((candidate) => candidate.id === id);
      return account ? defaultSettingsOf(account, kind) : {};
    },
  });
});

/** Journals a submission of a draft, in `state`, as the outbox would. */
function submit(
  draftId: string | null,
  name: string,
  state: SubmissionState,
  kind: 'predictive' | 'voice-group' = 'predictive',
): string {
  seq += 1;
  const id = `sub-${seq}`;
  journal.insert(
    {
      id,
      accountId: kind === 'predictive' ? YCCALL.id : ITNIO.id,
      kind,
      name,
      draftId,
      listId: 'small',
      calleeCount: 10,
      calleeSha256: 'x',
      settings: {},
    },
    clock.now(),
  );
  if (state !== 'queued') {
    journal.update(
      id,
      { state, ...(state === 'done' ? { taskId: `task-${seq}` } : {}) },
      clock.now(),
    );
  }
  return id;
}

function readyYccallDraft(name: string) {
  const draft = drafts.create({ accountId: YCCALL.id, kind: 'predictive', listId: 'small' });
  return drafts.save({ ...draft, name, settings: { ...draft.settings, callsPerAgent: 2 } });
}

function caught(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('the draft lifecycle', () => {
  it('derives the state from the submissions: queued, needs you, sent only when every one is done', () => {
    expect(draftStateOf([])).toBe('editable');
    expect(draftStateOf([{ state: 'cancelled' }])).toBe('editable');
    for (const state of ['queued', 'sending', 'waiting'] as const) {
      expect(draftStateOf([{ state }])).toBe('queued');
    }
    expect(draftStateOf([{ state: 'attention' }])).toBe('needs-you');
    expect(draftStateOf([{ state: 'done' }])).toBe('sent');
    // A campaign split by zone: sent only when all of its tasks are created.
    expect(draftStateOf([{ state: 'done' }, { state: 'sending' }])).toBe('queued');
    expect(draftStateOf([{ state: 'done' }, { state: 'attention' }])).toBe('needs-you');
    expect(draftStateOf([{ state: 'done' }, { state: 'done' }, { state: 'cancelled' }])).toBe(
      'sent',
    );
  });

  it('lists each draft with its state and the submissions it links to, from the outbox journal', () => {
    const editable = readyYccallDraft('Not sent');
    const queued = readyYccallDraft('On its way');
    const split = readyYccallDraft('Split');
    submit(queued.id, 'On its way', 'waiting');
    const first = submit(split.id, 'Split · Asia/Shanghai', 'done');
    const second = submit(split.id, 'Split · Asia/Urumqi', 'sending');
    submit(null, 'A resend without a draft', 'done');

    const byName = new Map(drafts.list().map((summary) => [summary.name, summary]));
    expect(byName.get('Not sent')).toMatchObject({ state: 'editable', submissions: [] });
    expect(byName.get('On its way')?.state).toBe('queued');
    expect(byName.get('Split')?.state).toBe('queued');
    expect(byName.get('Split')?.submissions.map((s) => s.submissionId)).toEqual([first, second]);

    journal.update(second, { state: 'done', taskId: 'task-urumqi' }, clock.now());
    const sent = drafts.summary(split.id);
    expect(sent.state).toBe('sent');
    expect(sent.submissions.map((s) => s.taskId)).toEqual([`task-${seq - 2}`, 'task-urumqi']);
    expect(drafts.summary(editable.id).state).toBe('editable');
  });

  it('saves only editable drafts; a queued or sent one is refused and stays as it was', () => {
    const queued = readyYccallDraft('Queued one');
    const sent = readyYccallDraft('Sent one');
    submit(queued.id, 'Queued one', 'queued');
    submit(sent.id, 'Sent one', 'done');
    for (const draft of [queued, sent]) {
      const error = caught(() => drafts.save({ ...draft, name: 'Changed' }));
      expect(error.code).toBe('CONFLICT');
      expect(drafts.get(draft.id)).toEqual(draft);
    }
    expect(caught(() => drafts.save({ ...sent, name: 'Changed' })).text.en).toContain(
      'Copy it into a new draft',
    );
  });

  it('does not count a draft’s own submission against its name, but counts everyone else’s', async () => {
    const sent = readyYccallDraft('Spring renewals');
    submit(sent.id, 'Spring renewals', 'done');
    // Reopened, its own task does not make its name "already used" (and it is not sent again).
    const own = await drafts.validate(sent.id);
    expect(own.map((problem) => problem.rule)).toEqual(['draft.notEditable']);

    const other = readyYccallDraft('Spring renewals');
    expect((await drafts.validate(other.id)).map((problem) => problem.rule)).toContain(
      'name.unique',
    );
    // A cancelled submission frees the name again.
    const cancelled = readyYccallDraft('Withdrawn');
    submit(cancelled.id, 'Withdrawn', 'cancelled');
    expect(drafts.summary(cancelled.id).state).toBe('editable');
    expect(await drafts.validate(cancelled.id)).toEqual([]);
  });

  it('copies a sent draft into a new, editable draft with a name nothing uses yet', async () => {
    const sent = readyYccallDraft('Autumn wave');
    submit(sent.id, 'Autumn wave', 'done');
    // A submission of another campaign already uses the second proposal.
    submit(null, 'Autumn wave (copy 2)', 'queued');

    const copy = drafts.duplicate(sent.id);
    expect(copy.id).not.toBe(sent.id);
    expect(copy.name).toBe('Autumn wave (copy)');
    expect(copy).toMatchObject({
      listId: sent.listId,
      settings: sent.settings,
      schedule: sent.schedule,
      revision: 1,
    });
    expect(drafts.summary(copy.id).state).toBe('editable');
    expect(await drafts.validate(copy.id)).toEqual([]);

    expect(drafts.duplicate(sent.id).name).toBe('Autumn wave (copy 3)');
    expect(drafts.list().filter((summary) => summary.name.startsWith('Autumn wave'))).toHaveLength(
      3,
    );
  });
});

describe('drafts that start right: the account’s defaults', () => {
  it('fills a new ITNIO draft with the default application, country and display number', () => {
    const cc = drafts.create({ accountId: ITNIO.id, kind: 'cc-preview' });
    expect(cc.settings).toEqual({ appId: 'iaAJ6COV', ccode: '86', displayNum: 'SH0215' });
    // A group call takes the application; its display number is digits only (§5.1), so a
    // lettered default is left out rather than bent to fit; the country is not a group setting.
    const voice = drafts.create({ accountId: ITNIO.id, kind: 'voice-group' });
    expect(voice.settings).toEqual({ appId: 'iaAJ6COV' });
  });

  it('sends a new Yccall draft’s answered calls to the account’s default queue', () => {
    expect(drafts.create({ accountId: YCCALL.id, kind: 'predictive' }).settings).toEqual({
      assignType: 'queue',
      assignAgent: 'sales',
    });
  });

  it('leaves settings alone that a draft brings (a resend), and accounts without defaults', () => {
    const resend = drafts.create({
      accountId: ITNIO.id,
      kind: 'voice-group',
      settings: { appId: 'fromTask', source: 3 },
      origin: 'resend',
    });
    expect(resend.settings).toEqual({ appId: 'fromTask', source: 3 });
    const bare: AccountProfile = {
      ...ITNIO,
      connection: { ...ITNIO.connection, defaults: {} },
    };
    expect(defaultSettingsOf(bare, 'cc-preview')).toEqual({});
    expect(defaultSettingsOf(ITNIO, 'predictive')).toEqual({});
    expect(
      defaultSettingsOf(
        { ...ITNIO, connection: { ...ITNIO.connection, defaults: { displayNumber: '8621500' } } },
        'ai-agent-group',
      ),
    ).toEqual({ displayNum: '8621500' });
  });
});
