import { beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { DraftsService } from '../../../main/services/drafts/drafts-service';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { openDatabase } from '../../../main/services/storage/database';
import { AppError } from '../../../main/services/errors';
import { MemoryListSource } from './memory-list-source';

let db: DatabaseSync;
let clock: ManualClock;
let lists: MemoryListSource;
let drafts: DraftsService;

beforeEach(() => {
  db = openDatabase(':memory:');
  clock = new ManualClock();
  lists = new MemoryListSource();
  lists.add('small', 10, (i) => ({
    rowNumber: i + 2,
    e164: `+86138000000${String(i).padStart(2, '0')}`,
    name: null,
    variables: [],
  }));
  lists.add('huge', 1_000_000, (i) => ({
    rowNumber: i + 2,
    e164: `+8613${String(i).padStart(9, '0')}`,
    name: null,
    variables: [],
  }));
  drafts = new DraftsService({
    db,
    clock,
    lists,
    isNameTaken: (_a, _k, name) => name === 'Taken name',
  });
});

function caught(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('DraftsService', () => {
  it('saves an edit and reads it back with the next revision', () => {
    const draft = drafts.create({ accountId: 'a1', kind: 'predictive' });
    clock.advance(1_000);
    const saved = drafts.save({
      ...draft,
      name: 'Spring wave',
      settings: { assignType: 'queue', assignAgent: 'q1' },
    });
    expect(saved.revision).toBe(2);
    expect(drafts.get(draft.id)).toEqual(saved);
    expect(drafts.get(draft.id).updatedAt).toBe(new Date(clock.now()).toISOString());
  });

  it('refuses a save of a stale revision instead of overwriting the newer one', () => {
    const draft = drafts.create({ accountId: 'a1', kind: 'predictive' });
    drafts.save({ ...draft, name: 'From window A' });
    const error = caught(() => drafts.save({ ...draft, name: 'From window B' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.text['zh-CN']).toMatch(/修改/);
    expect(drafts.get(draft.id).name).toBe('From window A');
  });

  it('stores the same few hundred bytes whether the list has 10 or 1,000,000 rows', () => {
    const small = drafts.create({ accountId: 'a1', kind: 'predictive', listId: 'small' });
    const huge = drafts.create({ accountId: 'a1', kind: 'predictive', listId: 'huge' });
    const size = (id: string) =>
      Number(db.prepare('SELECT length(body_json) AS n FROM drafts WHERE id = ?').get(id)?.['n']);
    expect(size(huge.id) - size(small.id)).toBe('huge'.length - 'small'.length);
    expect(size(huge.id)).toBeLessThan(1_000);
  });

  it('duplicates, renames, searches, deletes with undo and purges after the undo window', () => {
    const a = drafts.create({ accountId: 'a1', kind: 'voice-group', name: 'Renewals June' });
    drafts.create({ accountId: 'a1', kind: 'voice-group', name: 'Survey 100%' });
    const copy = drafts.duplicate(a.id);
    expect(copy.name).toBe('Renewals June (copy)');
    expect(copy.id).not.toBe(a.id);
    drafts.rename(copy.id, 'Renewals July');
    expect(
      drafts
        .list({ search: 'renewals' })
        .map((d) => d.name)
        .sort(),
    ).toEqual(['Renewals July', 'Renewals June']);
    // % is a literal in searches, not a wildcard.
    expect(drafts.list({ search: '100%' }).map((d) => d.name)).toEqual(['Survey 100%']);
    expect(drafts.list({ search: '%' }).map((d) => d.name)).toEqual(['Survey 100%']);

    drafts.delete(a.id);
    expect(drafts.list({ search: 'June' })).toEqual([]);
    expect(drafts.list({ deleted: true }).map((d) => d.id)).toEqual([a.id]);
    expect(drafts.restore(a.id).name).toBe('Renewals June');

    drafts.delete(a.id);
    clock.advance(31 * 86_400_000);
    expect(() => drafts.restore(a.id)).toThrow(AppError);
    expect(drafts.purgeDeleted()).toBe(1);
    expect(drafts.list({ deleted: true })).toEqual([]);
  });

  it('opens a version 1 draft (start time and windows in the old places) after migrating it', () => {
    const v1 = {
      schemaVersion: 1,
      id: 'old-1',
      accountId: 'a1',
      kind: 'voice-group',
      name: 'Written by the first preview',
      listId: 'small',
      settings: {
        appId: 'app',
        source: 3,
        text: 'Hi',
        lan: 'EN',
        allowSendTime: [{ strTime: '09:00', endTime: '12:00' }],
      },
      sendAt: '2026-02-01 09:30:00',
      revision: 4,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    };
    db.prepare(
      `INSERT INTO drafts (id, account_id, kind, name, list_id, schema_version, body_json, revision, created_at, updated_at)
       VALUES ('old-1', 'a1', 'voice-group', ?, 'small', 1, ?, 4, 0, 0)`,
    ).run(v1.name, JSON.stringify(v1));
    const opened = drafts.get('old-1');
    expect(opened.schemaVersion).toBe(3);
    // Version 3: every compliance rule off for a draft made before they existed.
    expect(opened.compliance).toEqual({
      recentCallDays: 0,
      includeRecentCalls: false,
      callingWindow: null,
      splitByZone: false,
      zoneChoices: {},
    });
    expect(opened.origin).toBe('manager');
    expect(opened.schedule).toEqual({
      timeZone: null,
      sendAt: '2026-02-01 09:30:00',
      windows: [{ start: '09:00', end: '12:00' }],
    });
    expect(opened.settings).not.toHaveProperty('allowSendTime');
    expect(opened.notes).toBe('');
    // The next save writes the current version.
    drafts.save({ ...opened, notes: 'checked' });
    expect(
      db.prepare("SELECT schema_version FROM drafts WHERE id = 'old-1'").get()?.['schema_version'],
    ).toBe(3);
  });

  it('refuses a draft written by a newer app without changing it', () => {
    db.prepare(
      `INSERT INTO drafts (id, account_id, kind, name, list_id, schema_version, body_json, revision, created_at, updated_at)
       VALUES ('future', 'a1', 'predictive', 'x', NULL, 9, '{"schemaVersion":9}', 1, 0, 0)`,
    ).run();
    expect(caught(() => drafts.get('future')).code).toBe('CONFLICT');
  });

  it('validates against the list count and the outbox names', async () => {
    const draft = drafts.create({
      accountId: 'a1',
      kind: 'cc-preview',
      name: 'Taken name',
      listId: 'huge',
      settings: { type: 1, voiceGroupId: [] },
    });
    const rules = (await drafts.validate(draft.id)).map((p) => p.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'name.unique',
        'voiceGroupId.exactlyOne',
        'appId.required',
        'calloutRate.required',
        'list.max',
      ]),
    );
  });

  it('refuses a draft for an account that does not exist or cannot run the kind', async () => {
    const accounts = new Map<string, 'itniotech' | 'yccall'>([
      ['itnio', 'itniotech'],
      ['ycc', 'yccall'],
    ]);
    const checked = new DraftsService({
      db,
      clock,
      lists,
      vendorOf: (id) => accounts.get(id) ?? null,
    });
    expect(checked.create({ accountId: 'itnio', kind: 'ai-agent-group' }).kind).toBe(
      'ai-agent-group',
    );
    expect(caught(() => checked.create({ accountId: 'ycc', kind: 'voice-group' }))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(caught(() => checked.create({ accountId: 'nobody', kind: 'predictive' }))).toMatchObject(
      { code: 'NOT_FOUND' },
    );
    expect(checked.list()).toHaveLength(1);
    // The account is removed later: the draft stays, and says what to fix.
    const draft = checked.create({ accountId: 'ycc', kind: 'predictive' });
    accounts.delete('ycc');
    const problems = await checked.validate(draft.id);
    expect(problems.map((problem) => problem.rule)).toEqual(['account.missing']);
    expect(problems[0]?.message['zh-CN']).toContain('账户已不存在');
  });
});
