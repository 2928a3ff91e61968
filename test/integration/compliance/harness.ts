import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../../main/services/storage/database';
import { ListsRepository, type StoredRow } from '../../../main/services/storage/lists-repository';
import type { RowStatus } from '../../../shared/domain/list';

/** A real database file in a fresh temporary folder; `close` deletes both. */
export interface TestDatabase {
  readonly db: DatabaseSync;
  readonly file: string;
  close(): Promise<void>;
}

/** Opens a new database file with every migration applied. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const folder = await mkdtemp(path.join(tmpdir(), 'compliance-db-'));
  const file = path.join(folder, 'campaign-desk.sqlite');
  const db = openDatabase(file);
  return {
    db,
    file,
    async close() {
      if (db.isOpen) db.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** One row of a seeded list: a phone (E.164, or null for an invalid row) and its status. */
export interface SeedRow {
  readonly phone: string | null;
  readonly status?: RowStatus;
}

/** Writes an imported list with these rows (seq 0, 1, 2, ... in order). */
export function seedImportedList(db: DatabaseSync, id: string, rows: readonly SeedRow[]): void {
  const repository = new ListsRepository(db);
  repository.begin({
    id,
    name: `List ${id}`,
    sourceFileName: `${id}.csv`,
    sourceSha256: 'seeded',
    sourceSizeBytes: rows.length * 14,
    sheet: 'Sheet1',
    headerRow: 1,
    mapping: { phone: 0, name: null, variables: [] },
    columnNames: { phone: 'Phone', name: null, variables: [] },
    defaultCountry: 'CN',
    rule: 'yccall',
    encoding: null,
    createdAt: 1,
  });
  const stored = rows.map((row, seq): StoredRow => ({
    seq,
    rowNumber: seq + 2,
    status: row.status ?? 'valid',
    original: row.phone ?? 'not a number',
    phone: row.phone,
    name: null,
    variables: [],
    reasonCode: row.phone === null ? 'not-a-number' : null,
    reasonDetail: null,
  }));
  repository.append(id, stored);
  const count = (status: RowStatus): number => stored.filter((r) => r.status === status).length;
  repository.finish(id, {
    total: stored.length,
    valid: count('valid'),
    fixed: count('fixed'),
    invalid: count('invalid'),
    flagged: count('flagged'),
    duplicate: count('duplicate'),
  });
}

/** Epoch ms of day `n` (UTC midnight) in a fixed year, for readable instants. */
export function day(n: number): number {
  return Date.UTC(2026, 0, 1) + n * 86_400_000;
}
