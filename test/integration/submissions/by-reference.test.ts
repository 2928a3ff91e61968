import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListRow, ListSource } from '../../../main/services/drafts/list-source';
import { SqliteListSource } from '../../../main/services/drafts/sqlite-list-source';
import { AuditTrail } from '../../../main/services/audit/audit-trail';
import { openDatabase } from '../../../main/services/storage/database';
import { SubmissionJournal } from '../../../main/services/submissions/journal';
import { Outbox } from '../../../main/services/submissions/outbox';
import type { Callee, CalleeSource } from '../../../main/services/vendors/vendor';
import { DEFAULT_DIAL_FORMAT, dialStringOf } from '../../../main/services/vendors/yccall/dialing';
import { MemoryLogger } from '../../fakes/memory-logger';
import { SETTINGS, insertList, makeVendors, phoneAt, startSims, type SimSide } from './harness';

// The outbox queues a list by reference (the fingerprint stored at import) and reads its rows
// once, as the vendor sends them.

/** A ListSource that records every read of rows. */
class RecordingListSource implements ListSource {
  rowScans = 0;
  readonly slices: [number, number][] = [];
  constructor(private readonly inner: SqliteListSource) {}
  summary(listId: string) {
    return this.inner.summary(listId);
  }
  rows(listId: string): AsyncIterable<readonly ListRow[]> {
    this.rowScans += 1;
    return this.inner.rows(listId);
  }
  callees(listId: string, count: number): CalleeSource {
    const inner = this.inner.callees(listId, count);
    return {
      length: inner.length,
      slice: (from: number, to: number): readonly Callee[] => {
        const slice = inner.slice(from, to);
        this.slices.push([from, from + slice.length]);
        return slice;
      },
    };
  }
  /** How many times each position was read, summed: the list's length when each was read once. */
  rowsRead(): number {
    return this.slices.reduce((sum, [from, to]) => sum + (to - from), 0);
  }
}

let sims: SimSide;

beforeAll(async () => {
  sims = await startSims();
});
afterAll(async () => {
  await sims.close();
});

function outboxOn(lists: ListSource, db: ReturnType<typeof openDatabase>) {
  const vendors = makeVendors(sims.server.url, sims.clock, { chunkSize: 1_000 });
  return new Outbox({
    journal: new SubmissionJournal(db),
    audit: new AuditTrail(db, sims.clock, '0.1.0-test'),
    lists,
    vendorFor: async (accountId) => (accountId === 'acct-itnio' ? vendors.itnio : vendors.yccall),
    clock: sims.clock,
    logger: new MemoryLogger(),
  });
}

describe('a submission by reference', () => {
  it('queues without reading a row and sends each row once, read as it is sent', async () => {
    const db = openDatabase(':memory:');
    insertList(db, 'stored', 3_500, '8615');
    const lists = new RecordingListSource(new SqliteListSource(db));
    const outbox = outboxOn(lists, db);
    const queued = await outbox.enqueue({
      accountId: 'acct-yccall',
      kind: 'predictive',
      name: 'By reference',
      listId: 'stored',
      settings: SETTINGS.predictive,
    });
    expect(lists.rowScans).toBe(0);
    expect(lists.slices).toEqual([]);
    await outbox.drain();
    expect(outbox.get(queued.id).state).toBe('done');
    expect(lists.rowScans).toBe(0);
    // Four chunks of at most 1,000, each read once, in order.
    expect(lists.slices).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 3000],
      [3000, 3500],
    ]);
    const task = sims.yccall.tasks().find((candidate) => candidate.name === 'By reference');
    const held = sims.yccall.numbersOf(task?.id ?? '');
    expect(held).toHaveLength(3_500);
    expect(held[3_499]).toBe(dialStringOf(phoneAt('8615', 3_499), DEFAULT_DIAL_FORMAT));
    db.close();
  });

  it('fingerprints a list imported before fingerprints were stored from its rows', async () => {
    const db = openDatabase(':memory:');
    insertList(db, 'legacy', 1_200, '8616', { fingerprint: false });
    const lists = new RecordingListSource(new SqliteListSource(db));
    const outbox = outboxOn(lists, db);
    const queued = await outbox.enqueue({
      accountId: 'acct-yccall',
      kind: 'predictive',
      name: 'Legacy list',
      listId: 'legacy',
      settings: SETTINGS.predictive,
    });
    expect(queued.progress.total).toBe(1_200);
    expect(lists.rowScans).toBe(1);
    await outbox.drain();
    expect(outbox.get(queued.id).state).toBe('done');
    expect(lists.rowsRead()).toBe(1_200);
    db.close();
  });

  it('refuses to send when the list is no longer the one queued, and sends nothing', async () => {
    const db = openDatabase(':memory:');
    insertList(db, 'changing', 500, '8617');
    const outbox = outboxOn(new SqliteListSource(db), db);
    const queued = await outbox.enqueue({
      accountId: 'acct-yccall',
      kind: 'predictive',
      name: 'Changed underneath',
      listId: 'changing',
      settings: SETTINGS.predictive,
    });
    db.prepare("UPDATE lists SET callee_sha256 = ? WHERE id = 'changing'").run('0'.repeat(64));
    await outbox.drain();
    const view = outbox.get(queued.id);
    expect(view.state).toBe('attention');
    expect(view.error?.code).toBe('CONFLICT');
    expect(view.error?.message.en).toMatch(/list changed/);
    expect(sims.yccall.tasks().some((task) => task.name === 'Changed underneath')).toBe(false);
    db.close();
  });
});
