import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/services/errors';
import { SqliteDncRepository } from '../../../main/services/compliance/sqlite-dnc-repository';
import { openDatabase } from '../../../main/services/storage/database';
import { day, openTestDatabase, seedImportedList, type TestDatabase } from './harness';

const opened: TestDatabase[] = [];
async function setUp(): Promise<{ test: TestDatabase; dnc: SqliteDncRepository }> {
  const test = await openTestDatabase();
  opened.push(test);
  return { test, dnc: new SqliteDncRepository(test.db) };
}
afterEach(async () => {
  for (const test of opened.splice(0)) await test.close();
});

const A = '+8613800000001';
const B = '+8613800000002';
const C = '+14155550123';

describe('do-not-call lists in SQLite', () => {
  it('apply a list scoped to all accounts to every account, and a chosen-accounts list only to those', async () => {
    const { dnc } = await setUp();
    await dnc.createList({ id: 'all', name: 'Everyone', scope: { kind: 'all-accounts' }, at: 1 });
    await dnc.createList({
      id: 'itnio-only',
      name: 'ITNIO client',
      scope: { kind: 'accounts', accountIds: ['acc-itnio', 'acc-other'] },
      at: 1,
    });
    await dnc.addEntries('all', [{ number: A }], 2);
    await dnc.addEntries('itnio-only', [{ number: B }], 2);

    const forItnio = await dnc.lookup([A, B, C], 'acc-itnio', 3);
    expect(forItnio.map((m) => [m.number, m.listId])).toEqual([
      [A, 'all'],
      [B, 'itnio-only'],
    ]);
    const forYccall = await dnc.lookup([A, B, C], 'acc-yccall', 3);
    expect(forYccall.map((m) => m.number)).toEqual([A]);

    await dnc.setScope('itnio-only', { kind: 'all-accounts' }, 4);
    expect((await dnc.lookup([B], 'acc-yccall', 5)).map((m) => m.listId)).toEqual(['itnio-only']);
    await dnc.setScope('itnio-only', { kind: 'accounts', accountIds: ['acc-yccall'] }, 6);
    expect(await dnc.lookup([B], 'acc-itnio', 7)).toEqual([]);
    expect((await dnc.getList('itnio-only'))?.scope).toEqual({
      kind: 'accounts',
      accountIds: ['acc-yccall'],
    });
  });

  it('stop applying an entry at its expiry instant, and never for an entry without one', async () => {
    const { dnc } = await setUp();
    await dnc.createList({ id: 'l', name: 'Asked', scope: { kind: 'all-accounts' }, at: 1 });
    await dnc.addEntries(
      'l',
      [
        { number: A, expiresAt: day(10), source: 'customer asked' },
        { number: B, source: 'national registry export' },
      ],
      day(0),
    );
    expect((await dnc.lookup([A, B], 'acc', day(10) - 1)).map((m) => m.number)).toEqual([A, B]);
    expect((await dnc.lookup([A, B], 'acc', day(10))).map((m) => m.number)).toEqual([B]);
    expect(await dnc.lookup([A, B], 'acc', day(4000))).toEqual([
      { number: B, listId: 'l', source: 'national registry export', expiresAt: null },
    ]);
  });

  it('add and remove single numbers, and keep one entry per number that takes the latest expiry and source', async () => {
    const { dnc } = await setUp();
    await dnc.createList({ id: 'l', name: 'Asked', scope: { kind: 'all-accounts' }, at: 1 });
    await dnc.addEntries('l', [{ number: A, source: 'customer asked' }], 2);
    await dnc.addEntries('l', [{ number: A, expiresAt: day(3), source: 'complaint' }], 3);
    expect((await dnc.getList('l'))?.entryCount).toBe(1);
    expect((await dnc.entries('l', { limit: 10 })).items).toEqual([
      { listId: 'l', number: A, expiresAt: day(3), source: 'complaint', addedAt: 3 },
    ]);

    expect((await dnc.removeEntries('l', [A, B], 4)).count).toBe(1);
    expect(await dnc.lookup([A], 'acc', 5)).toEqual([]);
    expect((await dnc.getList('l'))?.entryCount).toBe(0);
  });

  it('refuse a number that is not E.164 and write nothing of that batch', async () => {
    const { dnc } = await setUp();
    await dnc.createList({ id: 'l', name: 'Asked', scope: { kind: 'all-accounts' }, at: 1 });
    const before = await dnc.version();
    const refusal = await dnc
      .addEntries('l', [{ number: A }, { number: '13800138000' }], 2)
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('INVALID_INPUT');
    expect((refusal as AppError).text['zh-CN']).toContain('国际格式');
    expect(await dnc.lookup([A], 'acc', 3)).toEqual([]);
    expect(await dnc.version()).toBe(before);
  });

  it("bulk-add an imported list's callable rows (valid and fixed only) in one step", async () => {
    const { test, dnc } = await setUp();
    seedImportedList(test.db, 'imported', [
      { phone: A },
      { phone: B, status: 'fixed' },
      { phone: null, status: 'invalid' },
      { phone: C, status: 'duplicate' },
      { phone: '+8613800000009', status: 'flagged' },
    ]);
    await dnc.createList({ id: 'reg', name: 'Registry', scope: { kind: 'all-accounts' }, at: 1 });
    await dnc.addEntries('reg', [{ number: A }], 1);
    const result = await dnc.addImportedList(
      'reg',
      'imported',
      { source: 'national registry export', expiresAt: day(90) },
      day(0),
    );
    expect(result.count).toBe(2);
    const page = await dnc.entries('reg', { limit: 10 });
    expect(page.items.map((e) => [e.number, e.source, e.expiresAt])).toEqual([
      [A, 'national registry export', day(90)],
      [B, 'national registry export', day(90)],
    ]);
    expect((await dnc.getList('reg'))?.entryCount).toBe(2);
    await expect(dnc.addImportedList('reg', 'missing', {}, 2)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('page entries in number order', async () => {
    const { dnc } = await setUp();
    await dnc.createList({ id: 'l', name: 'Asked', scope: { kind: 'all-accounts' }, at: 1 });
    const numbers = Array.from({ length: 5 }, (_, i) => `+861380000000${String(i)}`);
    await dnc.addEntries(
      'l',
      [...numbers].reverse().map((number) => ({ number })),
      2,
    );
    const first = await dnc.entries('l', { limit: 2 });
    const second = await dnc.entries('l', { after: first.next, limit: 2 });
    const third = await dnc.entries('l', { after: second.next, limit: 2 });
    expect([...first.items, ...second.items, ...third.items].map((e) => e.number)).toEqual(numbers);
    expect(third.next).toBeNull();
  });

  it('move the store version and the list version on with every change, and not on reads', async () => {
    const { dnc } = await setUp();
    const seen = [await dnc.version()];
    const step = async (change: () => Promise<unknown>): Promise<void> => {
      await change();
      seen.push(await dnc.version());
    };
    await step(() =>
      dnc.createList({ id: 'l', name: 'A', scope: { kind: 'all-accounts' }, at: 1 }),
    );
    await step(() => dnc.renameList('l', 'B', 2));
    await step(() => dnc.setScope('l', { kind: 'accounts', accountIds: ['x'] }, 3));
    await step(() => dnc.addEntries('l', [{ number: A }], 4));
    await step(() => dnc.removeEntries('l', [A], 5));
    const listVersion = (await dnc.getList('l'))?.version ?? 0;
    await dnc.lookup([A], 'x', 6);
    await dnc.entries('l', { limit: 5 });
    expect(await dnc.version()).toBe(seen.at(-1));
    await step(() => dnc.deleteList('l'));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(listVersion).toBe(5);
    expect(await dnc.getList('l')).toBeNull();
  });

  it('keep lists, names, scopes and entries in the database file across a reopen', async () => {
    const { test, dnc } = await setUp();
    await dnc.createList({
      id: 'l',
      name: 'Asked',
      scope: { kind: 'accounts', accountIds: ['acc-1'] },
      at: 1,
    });
    await dnc.renameList('l', '  Customer asked  ', 2);
    await dnc.addEntries('l', [{ number: A, source: 'customer asked' }], 3);
    const version = await dnc.version();
    test.db.close();
    const reopened = openDatabase(test.file);
    try {
      const again = new SqliteDncRepository(reopened);
      expect(await again.lists()).toEqual([
        {
          id: 'l',
          name: 'Customer asked',
          scope: { kind: 'accounts', accountIds: ['acc-1'] },
          entryCount: 1,
          version: 3,
          createdAt: 1,
          updatedAt: 3,
        },
      ]);
      expect(await again.version()).toBe(version);
      expect((await again.lookup([A], 'acc-1', 4)).map((m) => m.source)).toEqual([
        'customer asked',
      ]);
    } finally {
      reopened.close();
    }
  });

  it('delete a list with its entries, and answer a missing list with NOT_FOUND', async () => {
    const { dnc } = await setUp();
    await dnc.createList({ id: 'l', name: 'Asked', scope: { kind: 'all-accounts' }, at: 1 });
    await dnc.addEntries('l', [{ number: A }], 2);
    await dnc.deleteList('l');
    expect(await dnc.lookup([A], 'acc', 3)).toEqual([]);
    await expect(dnc.addEntries('l', [{ number: A }], 4)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(dnc.renameList('l', 'x', 4)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
