import { afterEach, describe, expect, it } from 'vitest';
import { LIST_CHECK_SQL } from '../../../main/services/compliance/list-check';
import { SqliteDncRepository } from '../../../main/services/compliance/sqlite-dnc-repository';
import { openDatabase } from '../../../main/services/storage/database';
import { schemaVersion } from '../../../main/services/storage/migrations';
import { MIGRATIONS } from '../../../main/services/storage/migrations/index';
import { openTestDatabase, seedImportedList, type TestDatabase } from './harness';

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const test of opened.splice(0)) await test.close();
});

describe('the compliance schema (version 8)', () => {
  it('upgrades a version 7 database with a list in it, keeping the list', async () => {
    const test = await openTestDatabase();
    opened.push(test);
    const file = `${test.file}.v7.sqlite`;
    const old = openDatabase(file, MIGRATIONS.slice(0, 7));
    seedImportedList(old, 'kept', [{ phone: '+8613800000001' }]);
    expect(schemaVersion(old)).toBe(7);
    old.close();

    const upgraded = openDatabase(file);
    try {
      expect(schemaVersion(upgraded)).toBe(MIGRATIONS.length);
      const dnc = new SqliteDncRepository(upgraded);
      await dnc.createList({ id: 'l', name: 'L', scope: { kind: 'all-accounts' }, at: 1 });
      expect((await dnc.addImportedList('l', 'kept', {}, 2)).count).toBe(1);
    } finally {
      upgraded.close();
    }
  });

  it('answers the check with primary-key probes and no scan or sort of the big tables', async () => {
    const test = await openTestDatabase();
    opened.push(test);
    const plan = test.db
      .prepare(`EXPLAIN QUERY PLAN ${LIST_CHECK_SQL}`)
      .all({ list: 'l', account: 'a', at: 1, from: 0, to: 1, after: -1, limit: 10 })
      .map((row) => String(row['detail']));
    expect(plan).toContain('SEARCH r USING PRIMARY KEY (list_id=? AND seq>?)');
    expect(plan).toContain('SEARCH e USING PRIMARY KEY (number=? AND list_key=?)');
    expect(plan).toContain('SEARCH h USING PRIMARY KEY (number=? AND at>? AND at<?)');
    expect(plan.filter((detail) => /SCAN (r|e|h)\b|TEMP B-TREE/.test(detail))).toEqual([]);
  });
});
