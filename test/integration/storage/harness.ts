import { createHash } from 'node:crypto';
import { mkdtemp, open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createCore, type Core } from '../../../main/core';
import { ConfKeyValueStore } from '../../../main/services/settings/conf-store';
import { openDatabase } from '../../../main/services/storage/database';
import { ListsRepository, type StoredRow } from '../../../main/services/storage/lists-repository';
import { fakeVendorFactory } from '../../fakes/fake-vendor';
import { MemoryLogger } from '../../fakes/memory-logger';
import { InMemorySecretStore } from '../../fakes/memory-secret-store';
import { RecordingNotifier } from '../../fakes/recording-notifier';
import { testRuntime, noSignal } from '../../fakes/core';

/** Noon UTC on day `n` of March 2025 (day 1 = 2025-03-01). */
export const day = (n: number): number => Date.UTC(2025, 2, n, 12, 0, 0);

/** A fresh data folder. */
export async function dataFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'campaign-desk-storage-'));
}

/** The database file the core opens in a data folder. */
export const databaseFileIn = (folder: string): string => path.join(folder, 'campaign-desk.db');

/** A started core on a real data folder, and whether it asked to be relaunched. */
export interface RunningCore {
  readonly core: Core;
  readonly logger: MemoryLogger;
  /** Resolves when the core asks the host to restart it (after a recovery was chosen). */
  readonly relaunched: Promise<void>;
}

const secrets = new InMemorySecretStore();

/**
 * The real core on `folder` (real SQLite file, real settings file), as the app starts it, at
 * the time `now`; the relaunch adapter is recorded instead of restarting a process.
 */
export function startCore(folder: string, now: number): RunningCore {
  let relaunch: () => void = () => undefined;
  const relaunched = new Promise<void>((resolve) => (relaunch = resolve));
  const logger = new MemoryLogger();
  const core = createCore({
    runtime: testRuntime(),
    paths: { dataFolder: folder },
    settingsStore: new ConfKeyValueStore(folder),
    opener: { openExternal: async () => undefined },
    logger,
    secrets,
    clock: { now: () => now },
    vendorFor: fakeVendorFactory(),
    dialogs: { openFile: async () => null, saveFile: async () => null },
    notifier: new RecordingNotifier(),
    relaunch: () => relaunch(),
  });
  return { core, logger, relaunched };
}

/** Dispatches a request and returns its value, failing the test on an error envelope. */
export async function ask(core: Core, channel: string, request: unknown): Promise<unknown> {
  const result = await core.dispatch(channel, request, noSignal);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * Writes a finished list of `rows` numbers into the database file (as an import leaves it);
 * `nameLength` pads each row's name, to make a large file from fewer rows.
 */
export function seedList(file: string, id: string, rows: number, nameLength = 0): void {
  const db = openDatabase(file);
  try {
    const repository = new ListsRepository(db);
    repository.begin({
      id,
      name: `List ${id}`,
      sourceFileName: `${id}.csv`,
      sourceSha256: 'seeded',
      sourceSizeBytes: rows * 14,
      sheet: 'Sheet1',
      headerRow: 1,
      mapping: { phone: 0, name: 1, variables: [] },
      columnNames: { phone: 'Phone', name: 'Name', variables: [] },
      defaultCountry: 'CN',
      rule: 'yccall',
      encoding: null,
      createdAt: day(1) - 1000,
    });
    for (let start = 0; start < rows; start += 50_000) {
      const batch: StoredRow[] = [];
      for (let seq = start; seq < Math.min(rows, start + 50_000); seq += 1) {
        const phone = `+86138${String(seq).padStart(8, '0')}`;
        batch.push({
          seq,
          rowNumber: seq + 2,
          status: 'valid',
          original: phone.slice(3),
          phone,
          name: `Caller ${String(seq)}`.padEnd(nameLength, '.'),
          variables: [],
          reasonCode: null,
          reasonDetail: null,
        });
      }
      repository.append(id, batch);
    }
    repository.finish(id, {
      total: rows,
      valid: rows,
      fixed: 0,
      invalid: 0,
      flagged: 0,
      duplicate: 0,
    });
  } finally {
    db.close();
  }
}

/** Overwrites `length` bytes at `offset` of `file` with `byte`. */
export async function overwrite(
  file: string,
  offset: number,
  length: number,
  byte: number,
): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.write(Buffer.alloc(length, byte), 0, length, offset);
  } finally {
    await handle.close();
  }
}

/**
 * Damages a leaf page in the middle of `table`'s b-tree (its cell pointers), so the file still
 * opens and the list still shows, but its rows are wrong: the damage `PRAGMA quick_check` sees.
 */
export async function damageTablePage(file: string, table: string): Promise<number> {
  const db = new DatabaseSync(file, { readOnly: true });
  let page: number;
  let pageSize: number;
  try {
    // dbstat (https://sqlite.org/dbstat.html) lists each b-tree's pages.
    const leaves = db
      .prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`)
      .all(table)
      .map((row) => Number(row['pageno']));
    const middle = leaves[Math.floor(leaves.length / 2)];
    if (middle === undefined) throw new Error(`${table} has no leaf pages`);
    page = middle;
    pageSize = Number(db.prepare('PRAGMA page_size').get()?.['page_size']);
  } finally {
    db.close();
  }
  // A leaf page's header is 8 bytes; its cell pointers follow (https://sqlite.org/fileformat.html).
  await overwrite(file, (page - 1) * pageSize + 8, 16, 0xff);
  return page;
}

/** sha256 of a file's bytes. */
export async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}
