import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/services/errors';
import { SqliteCallHistoryRepository } from '../../../main/services/compliance/sqlite-call-history-repository';
import { day, openTestDatabase, seedImportedList, type TestDatabase } from './harness';

const opened: TestDatabase[] = [];
async function setUp(): Promise<{ test: TestDatabase; history: SqliteCallHistoryRepository }> {
  const test = await openTestDatabase();
  opened.push(test);
  return { test, history: new SqliteCallHistoryRepository(test.db) };
}
afterEach(async () => {
  for (const test of opened.splice(0)) await test.close();
});

const A = '+8613800000001';
const B = '+8613800000002';
const C = '+14155550123';

describe('the call history in SQLite', () => {
  it('count a call made exactly N days before the instant as inside the window, and one a millisecond earlier as outside', async () => {
    const { history } = await setUp();
    await history.record({
      accountId: 'acc',
      taskRef: 't1',
      at: day(0),
      byResend: false,
      numbers: [A],
    });
    expect(await history.recentlyCalled([A], { days: 30, at: day(30) })).toEqual([
      { number: A, lastCalledAt: day(0), calls: 1 },
    ]);
    expect(await history.recentlyCalled([A], { days: 30, at: day(30) + 1 })).toEqual([]);
    // A call after the instant is not history yet.
    expect(await history.recentlyCalled([A], { days: 30, at: day(0) - 1 })).toEqual([]);
    // Zero days: only a call at the very instant.
    expect((await history.recentlyCalled([A], { days: 0, at: day(0) })).length).toBe(1);
  });

  it('hold calls across accounts and vendors, and count calls made by resends', async () => {
    const { history } = await setUp();
    await history.record({
      accountId: 'acc-itnio',
      taskRef: 'itnio-task-1',
      at: day(1),
      byResend: false,
      numbers: [A, B],
    });
    await history.record({
      accountId: 'acc-yccall',
      taskRef: 'yccall-42',
      at: day(2),
      byResend: false,
      numbers: [A],
    });
    await history.record({
      accountId: 'acc-itnio',
      taskRef: 'itnio-task-1-resend',
      at: day(3),
      byResend: true,
      numbers: [B],
    });
    expect(await history.recentlyCalled([A, B, C], { days: 7, at: day(5) })).toEqual([
      { number: A, lastCalledAt: day(2), calls: 2 },
      { number: B, lastCalledAt: day(3), calls: 2 },
    ]);
    expect(await history.counts()).toEqual({ submissions: 3, calls: 4, byResend: 1 });
    expect(await history.counts({ accountId: 'acc-itnio' })).toEqual({
      submissions: 2,
      calls: 3,
      byResend: 1,
    });
    expect(await history.counts({ since: day(2) })).toEqual({
      submissions: 2,
      calls: 2,
      byResend: 1,
    });
  });

  it('record the same submission again without counting its calls twice, and move the version on per record', async () => {
    const { history } = await setUp();
    const before = await history.version();
    const submitted = {
      accountId: 'acc',
      taskRef: 'sub-1',
      at: day(1),
      byResend: false,
      numbers: [A, B],
    };
    expect((await history.record(submitted)).count).toBe(2);
    const afterFirst = await history.version();
    expect((await history.record(submitted)).count).toBe(0);
    expect(await history.counts()).toEqual({ submissions: 1, calls: 2, byResend: 0 });
    // The next chunk of the same submission (Yccall TaskAdd) adds to it.
    await history.record({ ...submitted, numbers: [C] });
    expect(await history.counts()).toEqual({ submissions: 1, calls: 3, byResend: 0 });
    const afterThird = await history.version();
    expect(before).toBeLessThan(afterFirst);
    expect(afterFirst).toBeLessThan(afterThird);
  });

  it('find the callable numbers of a list called in the window, in list order, paged and counted', async () => {
    const { test, history } = await setUp();
    const numbers = Array.from({ length: 6 }, (_, i) => `+861380000001${String(i)}`);
    seedImportedList(test.db, 'list', [
      ...numbers.map((phone) => ({ phone })),
      { phone: C, status: 'duplicate' },
    ]);
    await history.record({
      accountId: 'a',
      taskRef: 'old',
      at: day(1),
      byResend: false,
      numbers: [numbers[0] ?? ''],
    });
    await history.record({
      accountId: 'b',
      taskRef: 'new',
      at: day(20),
      byResend: true,
      numbers: [numbers[1] ?? '', numbers[3] ?? '', numbers[5] ?? '', C],
    });
    const window = { days: 10, at: day(25) };
    expect(await history.countCalledFromList('list', window)).toBe(3);
    const first = await history.calledFromList('list', window, { limit: 2 });
    const second = await history.calledFromList('list', window, { after: first.next, limit: 2 });
    expect([...first.items, ...second.items]).toEqual(
      [1, 3, 5].map((i) => ({ number: numbers[i], lastCalledAt: day(20), calls: 1 })),
    );
    expect(second.next).toBeNull();
    expect(await history.countCalledFromList('list', { days: 30, at: day(25) })).toBe(4);
  });

  it('refuse a window that is not a whole number of days from 0 to 3650', async () => {
    const { history } = await setUp();
    const refusal = await history
      .recentlyCalled([A], { days: -1, at: day(1) })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('INVALID_INPUT');
    await expect(history.recentlyCalled([A], { days: 1.5, at: day(1) })).rejects.toBeInstanceOf(
      AppError,
    );
  });
});
