import { copyFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageState } from '../../../shared/domain/storage';
import {
  CheckedStorage,
  type CheckedStorageOptions,
} from '../../../main/services/storage/checked-storage';
import { AppError } from '../../../main/services/errors';
import { MemoryLogger } from '../../fakes/memory-logger';
import {
  damageTablePage,
  databaseFileIn,
  dataFolder,
  day,
  overwrite,
  seedList,
  sha256,
} from './harness';

const opened: CheckedStorage[] = [];
function openStorage(folder: string, options: Partial<CheckedStorageOptions> = {}): CheckedStorage {
  const storage = CheckedStorage.open({
    file: databaseFileIn(folder),
    backupsFolder: path.join(folder, 'backups'),
    clock: { now: () => day(3) },
    logger: new MemoryLogger(),
    ...options,
  });
  opened.push(storage);
  return storage;
}
async function closeStorage(storage: CheckedStorage): Promise<void> {
  opened.splice(opened.indexOf(storage), 1);
  await storage.close();
  storage.database.close();
}
afterEach(async () => {
  for (const storage of opened.splice(0)) {
    await storage.close();
    storage.database.close();
  }
});

/** A folder whose database holds a list with a damaged page, and a sound backup from day 1. */
async function damagedFolder(rows: number): Promise<string> {
  const folder = await dataFolder();
  seedList(databaseFileIn(folder), 'big', rows);
  const sound = openStorage(folder, { clock: { now: () => day(1) } });
  await sound.settled();
  await closeStorage(sound);
  await damageTablePage(databaseFileIn(folder), 'list_rows');
  return folder;
}

describe('the start-up check', () => {
  it('gives recovery mode when it finds damage within the time budget: the file is not used', async () => {
    const folder = await damagedFolder(20_000);
    const before = await sha256(databaseFileIn(folder));
    const storage = openStorage(folder, { checkBudgetMs: 60_000 });
    expect(storage.state()).toMatchObject({ state: 'damaged', problem: { kind: 'damaged' } });
    // Services run on an in-memory database; the damaged file is left exactly as it was.
    expect(storage.database.location()).toBeNull();
    await closeStorage(storage);
    expect(await sha256(databaseFileIn(folder))).toBe(before);
  });

  it('does not hold up start-up past its budget, and reports damage found later as a change', async () => {
    const folder = await damagedFolder(20_000);
    const storage = openStorage(folder, { checkBudgetMs: 0 });
    expect(storage.state()).toEqual({ state: 'ok', check: 'running' });
    const changes: StorageState[] = [];
    storage.onChange((state) => changes.push(state));
    await storage.settled();
    expect(changes).toMatchObject([{ state: 'damaged', problem: { kind: 'damaged' } }]);
    expect(storage.state()).toMatchObject({ state: 'damaged' });
  });

  it('passes a sound database and backs it up once per day', async () => {
    const folder = await dataFolder();
    seedList(databaseFileIn(folder), 'small', 100);
    const storage = openStorage(folder, { checkBudgetMs: 0 });
    await storage.settled();
    expect(storage.state()).toEqual({ state: 'ok', check: 'passed' });
    expect(await readdir(path.join(folder, 'backups'))).toEqual(['campaign-desk-2025-03-03.db']);
  });

  it('treats an emptied file as unreadable once backups exist (not as a new, empty database)', async () => {
    const folder = await dataFolder();
    seedList(databaseFileIn(folder), 'small', 100);
    const sound = openStorage(folder, { clock: { now: () => day(1) } });
    await sound.settled();
    await closeStorage(sound);
    await writeFile(databaseFileIn(folder), '');
    const storage = openStorage(folder);
    expect(storage.state()).toMatchObject({ state: 'damaged', problem: { kind: 'unreadable' } });
  });
});

describe('restoring', () => {
  it('refuses a backup that is damaged too, and schedules nothing', async () => {
    const folder = await damagedFolder(2_000);
    const backup = path.join(folder, 'backups', 'campaign-desk-2025-03-01.db');
    await overwrite(backup, 0, 100, 0);
    const storage = openStorage(folder, { checkBudgetMs: 60_000 });
    const refused = storage.scheduleRestore('campaign-desk-2025-03-01.db');
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readdir(path.join(folder, 'backups'))).toEqual(['campaign-desk-2025-03-01.db']);
  });

  it('keeps the damaged file in place and says so when the backup cannot be copied at restart', async () => {
    const folder = await damagedFolder(2_000);
    const before = await sha256(databaseFileIn(folder));
    const storage = openStorage(folder, { checkBudgetMs: 60_000 });
    await storage.scheduleRestore('campaign-desk-2025-03-01.db');
    await closeStorage(storage);
    // Gone between choosing and restarting.
    await copyFile(
      path.join(folder, 'backups', 'campaign-desk-2025-03-01.db'),
      path.join(folder, 'elsewhere.db'),
    );
    await rm(path.join(folder, 'backups', 'campaign-desk-2025-03-01.db'));

    const again = openStorage(folder, { checkBudgetMs: 60_000 });
    expect(again.state()).toMatchObject({ state: 'damaged', restoreFailed: true, backups: [] });
    expect(await sha256(databaseFileIn(folder))).toBe(before);
  });

  it('refuses to recover a sound database', async () => {
    const folder = await dataFolder();
    const storage = openStorage(folder);
    await expect(storage.scheduleStartEmpty()).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
