import { existsSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageState } from '../../../shared/domain/storage';
import {
  ask,
  damageTablePage,
  databaseFileIn,
  dataFolder,
  day,
  overwrite,
  seedList,
  sha256,
  startCore,
  type RunningCore,
} from './harness';

// The database survives damage: checked at start, backed up daily, restored from the last good
// backup with the damaged file kept. Real files and real SQLite throughout; the only stand-in is
// the relaunch, which the test carries out by starting a new core on the same folder.

const running: RunningCore[] = [];
function start(folder: string, now: number): RunningCore {
  const started = startCore(folder, now);
  running.push(started);
  return started;
}
async function stop(started: RunningCore): Promise<void> {
  running.splice(running.indexOf(started), 1);
  await started.core.close();
}
afterEach(async () => {
  for (const started of running.splice(0)) await started.core.close();
});

const status = async (started: RunningCore) =>
  (await ask(started.core, 'storage.status', {})) as StorageState;
const listIds = async (started: RunningCore) =>
  ((await ask(started.core, 'lists.list', {})) as { lists: { id: string }[] }).lists.map(
    (list) => list.id,
  );
const draftNames = async (started: RunningCore) =>
  ((await ask(started.core, 'drafts.list', {})) as { drafts: { name: string }[] }).drafts.map(
    (draft) => draft.name,
  );
const backupsIn = async (folder: string) =>
  (await readdir(path.join(folder, 'backups'))).filter((name) => name.endsWith('.db')).sort();

/** Day 1: a list; day 2: an account and a draft on it, in that day's backup. */
async function folderWithBackups(): Promise<string> {
  const folder = await dataFolder();
  seedList(databaseFileIn(folder), 'spring', 1_000);
  const first = start(folder, day(1));
  await first.core.storage.settled();
  const account = (await ask(first.core, 'accounts.create', {
    vendor: 'itniotech',
    name: 'BPO',
    connection: { brand: 'itniotech', apiKey: 'key1', defaults: {} },
    secret: 'good-secret',
  })) as { id: string };
  await ask(first.core, 'drafts.create', {
    accountId: account.id,
    kind: 'voice-group',
    listId: 'spring',
    name: 'Spring promo',
  });
  await stop(first);
  const second = start(folder, day(2));
  await second.core.storage.settled();
  await stop(second);
  expect(await backupsIn(folder)).toEqual([
    'campaign-desk-2025-03-01.db',
    'campaign-desk-2025-03-02.db',
  ]);
  return folder;
}

describe('a database whose header is damaged', () => {
  it('starts in recovery mode, and restoring the last backup brings the lists and drafts back, keeping the damaged file', async () => {
    const folder = await folderWithBackups();
    const file = databaseFileIn(folder);
    await overwrite(file, 0, 100, 0);
    const damagedHash = await sha256(file);

    // The app starts (no throw) in recovery mode and says what it found.
    const broken = start(folder, day(2) + 3_600_000);
    const found = await status(broken);
    expect(found).toMatchObject({
      state: 'damaged',
      problem: { kind: 'unreadable' },
      restoreFailed: false,
      backups: [
        { id: 'campaign-desk-2025-03-02.db', takenOn: '2025-03-02' },
        { id: 'campaign-desk-2025-03-01.db', takenOn: '2025-03-01' },
      ],
    });
    if (found.state !== 'damaged') throw new Error('not damaged');
    expect(found.backups[0]?.sizeBytes).toBeGreaterThan(0);
    // Every other part of the app still answers, on an empty database that is not the file.
    expect(await listIds(broken)).toEqual([]);
    expect(await sha256(file)).toBe(damagedHash);

    const answer = await ask(broken.core, 'storage.restore', {
      backupId: 'campaign-desk-2025-03-02.db',
    });
    expect(answer).toEqual({ restarting: true });
    await broken.relaunched;
    await stop(broken);

    const restored = start(folder, day(2) + 3_700_000);
    expect(await status(restored)).toMatchObject({ state: 'ok' });
    expect(await listIds(restored)).toEqual(['spring']);
    expect(await draftNames(restored)).toEqual(['Spring promo']);
    const rows = (await ask(restored.core, 'lists.rows', {
      id: 'spring',
      query: { offset: 990, limit: 20 },
    })) as { total: number; rows: unknown[] };
    expect(rows.total).toBe(1_000);
    expect(rows.rows).toHaveLength(10);
    // The damaged file is kept, byte for byte, under the name the screen announced.
    expect(await sha256(path.join(folder, found.keptAs))).toBe(damagedHash);
    // The backup itself is still there for another time.
    expect(await backupsIn(folder)).toContain('campaign-desk-2025-03-02.db');
  });

  it('starts empty on request when there is no backup, keeping the damaged file', async () => {
    const folder = await dataFolder();
    seedList(databaseFileIn(folder), 'spring', 10);
    await overwrite(databaseFileIn(folder), 0, 100, 0);
    const damagedHash = await sha256(databaseFileIn(folder));

    const broken = start(folder, day(5));
    const found = await status(broken);
    expect(found).toMatchObject({ state: 'damaged', backups: [] });
    if (found.state !== 'damaged') throw new Error('not damaged');
    expect(await ask(broken.core, 'storage.startEmpty', {})).toEqual({ restarting: true });
    await broken.relaunched;
    await stop(broken);

    const fresh = start(folder, day(5) + 1000);
    expect(await status(fresh)).toMatchObject({ state: 'ok' });
    expect(await listIds(fresh)).toEqual([]);
    expect(await sha256(path.join(folder, found.keptAs))).toBe(damagedHash);
  });
});

describe('a database with a damaged page inside a big list', () => {
  it('is found by the start-up check, offered for restore, and restored with every row', async () => {
    const folder = await dataFolder();
    const file = databaseFileIn(folder);
    seedList(file, 'big', 200_000);
    const first = start(folder, day(1));
    await first.core.storage.settled();
    await stop(first);
    await damageTablePage(file, 'list_rows');

    const broken = start(folder, day(2));
    // A large database may still be checked after start-up: wait for the check, not for a time.
    await broken.core.storage.settled();
    const found = await status(broken);
    expect(found).toMatchObject({
      state: 'damaged',
      problem: { kind: 'damaged', areas: ['lists'] },
      backups: [{ id: 'campaign-desk-2025-03-01.db' }],
    });
    if (found.state !== 'damaged' || found.problem.kind !== 'damaged') throw new Error('no');
    expect(found.problem.problems).toBeGreaterThan(0);
    // No backup is taken of a damaged database.
    expect(await backupsIn(folder)).toEqual(['campaign-desk-2025-03-01.db']);

    await ask(broken.core, 'storage.restore', { backupId: 'campaign-desk-2025-03-01.db' });
    await broken.relaunched;
    await stop(broken);

    const restored = start(folder, day(2) + 1000);
    await restored.core.storage.settled();
    expect(await status(restored)).toMatchObject({ state: 'ok', check: 'passed' });
    const rows = (await ask(restored.core, 'lists.rows', {
      id: 'big',
      query: { offset: 199_990, limit: 20 },
    })) as { total: number; rows: unknown[] };
    expect(rows).toMatchObject({ total: 200_000 });
    expect(rows.rows).toHaveLength(10);
    expect(existsSync(path.join(folder, found.keptAs))).toBe(true);
  });
});

describe('a database too large to check within the start-up budget', () => {
  it('starts at once and shows the recovery screen when the check finds damage beside the app', async () => {
    const folder = await dataFolder();
    const file = databaseFileIn(folder);
    // About 40 MB: above the size start-up waits for.
    seedList(file, 'big', 150_000, 240);
    await damageTablePage(file, 'list_rows');
    const broken = start(folder, day(2));
    const events: unknown[] = [];
    broken.core.events.attach((event, payload) => {
      if (event === 'storage.changed') events.push(payload);
    });
    expect(await status(broken)).toEqual({ state: 'ok', check: 'running' });
    await broken.core.storage.settled();
    expect(events).toMatchObject([
      { state: 'damaged', problem: { kind: 'damaged', areas: ['lists'] }, backups: [] },
    ]);
    expect(await status(broken)).toMatchObject({ state: 'damaged' });
    // Recovery needs a restart (the file is open): it is carried out before the next opens it.
    await ask(broken.core, 'storage.startEmpty', {});
    await broken.relaunched;
    await stop(broken);
    const fresh = start(folder, day(2) + 1000);
    expect(await listIds(fresh)).toEqual([]);
  });
});

describe('daily backups', () => {
  it('are taken once a day at start, named by date, and rotate to the newest 7', async () => {
    const folder = await dataFolder();
    seedList(databaseFileIn(folder), 'spring', 100);
    // An interrupted backup from an earlier run is never kept as one.
    const first = start(folder, day(1));
    await first.core.storage.settled();
    await stop(first);
    await writeFile(path.join(folder, 'backups', '.campaign-desk-2025-02-28.db.partial'), 'x');
    for (let n = 2; n <= 10; n += 1) {
      const started = start(folder, day(n));
      await started.core.storage.settled();
      await stop(started);
      // A second start on the same day takes none.
      const again = start(folder, day(n) + 3_600_000);
      await again.core.storage.settled();
      await stop(again);
    }
    const names = await readdir(path.join(folder, 'backups'));
    expect(names.sort()).toEqual([
      'campaign-desk-2025-03-04.db',
      'campaign-desk-2025-03-05.db',
      'campaign-desk-2025-03-06.db',
      'campaign-desk-2025-03-07.db',
      'campaign-desk-2025-03-08.db',
      'campaign-desk-2025-03-09.db',
      'campaign-desk-2025-03-10.db',
    ]);
    // Each is a whole database holding the list, readable only by its owner.
    const newest = path.join(folder, 'backups', 'campaign-desk-2025-03-10.db');
    expect((await stat(newest)).mode & 0o777).toBe(0o600);
    await overwrite(databaseFileIn(folder), 0, 100, 0);
    const broken = start(folder, day(10) + 7_200_000);
    await ask(broken.core, 'storage.restore', { backupId: 'campaign-desk-2025-03-10.db' });
    await broken.relaunched;
    await stop(broken);
    const restored = start(folder, day(10) + 7_300_000);
    expect(await listIds(restored)).toEqual(['spring']);
  });
});
