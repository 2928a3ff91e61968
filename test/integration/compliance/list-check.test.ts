import { afterEach, describe, expect, it } from 'vitest';
import { SqliteListCheck, type Exclusion } from '../../../main/services/compliance/list-check';
import { SqliteCallHistoryRepository } from '../../../main/services/compliance/sqlite-call-history-repository';
import { SqliteDncRepository } from '../../../main/services/compliance/sqlite-dnc-repository';
import { day, openTestDatabase, seedImportedList, type TestDatabase } from './harness';

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const test of opened.splice(0)) await test.close();
});

const n = (i: number): string => `+86138000001${String(i).padStart(2, '0')}`;
const NOW = day(100);

/**
 * A small list where each row meets one case:
 * 0 on an every-account DNC list; 1 on a DNC list of another account only; 2 on an expired entry;
 * 3 called 10 days ago by a resend; 4 called 40 days ago; 5 on the DNC list and called 5 days
 * ago; 6 clean; 7 a duplicate row of a DNC number (not callable); 8 a fixed row on the DNC list;
 * 9 called exactly 30 days ago from another account.
 */
async function seeded(): Promise<{
  test: TestDatabase;
  dnc: SqliteDncRepository;
  history: SqliteCallHistoryRepository;
  check: SqliteListCheck;
}> {
  const test = await openTestDatabase();
  opened.push(test);
  seedImportedList(test.db, 'campaign', [
    { phone: n(0) },
    { phone: n(1) },
    { phone: n(2) },
    { phone: n(3) },
    { phone: n(4) },
    { phone: n(5) },
    { phone: n(6) },
    { phone: n(0), status: 'duplicate' },
    { phone: n(8), status: 'fixed' },
    { phone: n(9) },
  ]);
  const dnc = new SqliteDncRepository(test.db);
  const history = new SqliteCallHistoryRepository(test.db);
  await dnc.createList({
    id: 'registry',
    name: 'Registry',
    scope: { kind: 'all-accounts' },
    at: 1,
  });
  await dnc.createList({
    id: 'other-client',
    name: 'Other client',
    scope: { kind: 'accounts', accountIds: ['acc-other'] },
    at: 1,
  });
  await dnc.addEntries(
    'registry',
    [
      { number: n(0), source: 'national registry export' },
      { number: n(2), expiresAt: NOW - 1 },
      { number: n(5) },
      { number: n(8), expiresAt: NOW + 1 },
    ],
    day(1),
  );
  await dnc.addEntries('other-client', [{ number: n(1) }], day(1));
  await history.record({
    accountId: 'acc-main',
    taskRef: 'r1',
    at: NOW - 10 * 86_400_000,
    byResend: true,
    numbers: [n(3)],
  });
  await history.record({
    accountId: 'acc-main',
    taskRef: 't-old',
    at: NOW - 40 * 86_400_000,
    byResend: false,
    numbers: [n(4)],
  });
  await history.record({
    accountId: 'acc-yccall',
    taskRef: 'y1',
    at: NOW - 5 * 86_400_000,
    byResend: false,
    numbers: [n(5)],
  });
  await history.record({
    accountId: 'acc-yccall',
    taskRef: 'y2',
    at: NOW - 30 * 86_400_000,
    byResend: false,
    numbers: [n(9)],
  });
  return { test, dnc, history, check: new SqliteListCheck(test.db) };
}

const request = { listId: 'campaign', accountId: 'acc-main', historyDays: 30, at: NOW };

describe('the list check', () => {
  it('excludes callable rows on an applicable, unexpired DNC list and rows called in the last N days, with counts and versions', async () => {
    const { dnc, history, check } = await seeded();
    const streamed: Exclusion[] = [];
    const summary = await check.check(request, (batch) => streamed.push(...batch));
    expect(streamed).toEqual([
      { seq: 0, phone: n(0), rule: 'dnc', dncListId: 'registry', lastCalledAt: null },
      {
        seq: 3,
        phone: n(3),
        rule: 'recent-call',
        dncListId: null,
        lastCalledAt: NOW - 10 * 86_400_000,
      },
      {
        seq: 5,
        phone: n(5),
        rule: 'dnc',
        dncListId: 'registry',
        lastCalledAt: NOW - 5 * 86_400_000,
      },
      { seq: 8, phone: n(8), rule: 'dnc', dncListId: 'registry', lastCalledAt: null },
      {
        seq: 9,
        phone: n(9),
        rule: 'recent-call',
        dncListId: null,
        lastCalledAt: NOW - 30 * 86_400_000,
      },
    ]);
    expect(summary).toEqual({
      callable: 9,
      excluded: 5,
      byRule: { dnc: 3, 'recent-call': 2 },
      dncAndRecentCall: 1,
      dncVersion: await dnc.version(),
      historyVersion: await history.version(),
    });
  });

  it('applies a DNC list scoped to chosen accounts only when checking for one of them', async () => {
    const { check } = await seeded();
    const forOther = await check.page({ ...request, accountId: 'acc-other' }, -1, 100);
    expect(forOther.items.filter((e) => e.rule === 'dnc').map((e) => e.seq)).toEqual([0, 1, 5, 8]);
  });

  it('checks DNC lists only when no history window is asked for', async () => {
    const { check } = await seeded();
    const summary = await check.check({ ...request, historyDays: null });
    expect(summary.byRule).toEqual({ dnc: 3, 'recent-call': 0 });
    expect(summary.dncAndRecentCall).toBe(0);
  });

  it('sees the DNC list as it is at the instant of the check: expiry and removals count', async () => {
    const { dnc, check } = await seeded();
    const later = await check.check({ ...request, at: NOW + 1, historyDays: null });
    expect(later.byRule.dnc).toBe(2);
    const before = await dnc.version();
    await dnc.removeEntries('registry', [n(0)], NOW);
    const afterRemoval = await check.check({ ...request, historyDays: null });
    expect(afterRemoval.byRule.dnc).toBe(2);
    expect(afterRemoval.dncVersion).toBeGreaterThan(before);
  });

  it('pages the same exclusions the stream gives, in list order', async () => {
    const { check } = await seeded();
    const streamed: Exclusion[] = [];
    await check.check(request, (batch) => streamed.push(...batch));
    const paged: Exclusion[] = [];
    let after: number | null = -1;
    while (after !== null) {
      const page = await check.page(request, after, 2);
      paged.push(...page.items);
      after = page.next;
    }
    expect(paged).toEqual(streamed);
  });

  it('answers NOT_FOUND for a list that is not there', async () => {
    const { check } = await seeded();
    await expect(check.check({ ...request, listId: 'gone' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
