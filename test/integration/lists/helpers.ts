import { mkdtempSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CountryCode } from 'libphonenumber-js/max';
import type { DatabaseSync } from 'node:sqlite';
import type { SheetRow } from '../../../main/services/lists/cell';
import { DEFAULT_LIMITS, type ImportLimits } from '../../../main/services/lists/limits';
import { ListsService } from '../../../main/services/lists/lists-service';
import { RowProcessor } from '../../../main/services/lists/row-processor';
import { openSource, pickSheet } from '../../../main/services/lists/source';
import { readWithExcelJs } from '../../../main/services/lists/xlsx/exceljs-reader';
import { openDatabase } from '../../../main/services/storage/database';
import { ListsRepository, type StoredRow } from '../../../main/services/storage/lists-repository';
import { makeListFixtures, type FixtureCase } from '../../../scripts/make-list-fixtures';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';

/** Generates the fixtures into a fresh temp folder. */
export async function fixtureFolder(): Promise<string> {
  return makeListFixtures(await mkdtemp(join(tmpdir(), 'list-fixtures-')));
}

/**
 * A ListsService on a database file in a fresh temp folder (the import worker writes the list on
 * its own connection, as in the app), or on an in-memory database with `memory` (the worker
 * posts its rows to this thread), with the in-memory settings store.
 */
export function makeService(
  limits: Partial<ImportLimits> = {},
  options: { readonly memory?: boolean } = {},
): {
  service: ListsService;
  repository: ListsRepository;
  store: InMemoryKeyValueStore;
  /** The main thread's connection. */
  db: DatabaseSync;
} {
  const db = openDatabase(
    options.memory === true
      ? ':memory:'
      : join(mkdtempSync(join(tmpdir(), 'lists-db-')), 'campaign-desk.db'),
  );
  const repository = new ListsRepository(db);
  const store = new InMemoryKeyValueStore();
  let next = 0;
  const service = new ListsService({
    repository,
    store,
    clock: { now: () => 1_700_000_000_000 + next },
    newId: () => `list-${String(++next)}`,
    locale: () => 'en',
    logger: new MemoryLogger(),
    limits,
  });
  return { service, repository, store, db };
}

/** Every row the fast reader yields for a sheet. */
export async function fastRows(file: string, sheet?: string): Promise<SheetRow[]> {
  const source = await openSource(file, {}, DEFAULT_LIMITS);
  try {
    const rows: SheetRow[] = [];
    for await (const batch of source.rows(pickSheet(source, sheet), { bytesRead: 0 }))
      rows.push(...batch);
    return rows;
  } finally {
    await source.close();
  }
}

/** Runs sheet rows through the same checks an import uses. */
export function processRows(
  rows: readonly SheetRow[],
  options: FixtureCase['options'],
  headerRow: number,
): StoredRow[] {
  const phone = options.mapping.phone;
  if (phone === null) throw new Error('no phone column');
  const processor = new RowProcessor({
    mapping: { ...options.mapping, phone },
    headerRow,
    defaultCountry: options.defaultCountry as CountryCode | null,
    rule: options.rule,
  });
  return rows.flatMap((row) => {
    const stored = processor.process(row);
    return stored === null ? [] : [stored];
  });
}

/** Rows of both readers after the import checks. */
export async function bothReaders(
  file: string,
  options: FixtureCase['options'],
  headerRow: number,
): Promise<{ fast: StoredRow[]; reference: StoredRow[] }> {
  return {
    fast: processRows(await fastRows(file, options.sheet), options, headerRow),
    reference: processRows(await readWithExcelJs(file, options.sheet), options, headerRow),
  };
}
