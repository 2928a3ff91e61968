/**
 * `npx tsx test/bench/storage.bench.ts`: what the start-up check and the daily backup cost on a
 * database holding a 1,000,000-row list.
 *
 * Measures, on the same file: opening it as before (no check), opening it with the bounded
 * check (what start-up now waits for), when the check's result is in, and the backup. Medians
 * of several runs; the file stays in the OS cache between runs (a warm start).
 */
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  CheckedStorage,
  CHECK_BUDGET_MS,
  CHECK_WAIT_MAX_BYTES,
} from '../../main/services/storage/checked-storage';
import { openDatabase } from '../../main/services/storage/database';
import { MemoryLogger } from '../fakes/memory-logger';
import { databaseFileIn, dataFolder, day, seedList } from '../integration/storage/harness';

const ROWS = Number(process.env['ROWS'] ?? 1_000_000);
const RUNS = Number(process.env['RUNS'] ?? 7);

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number): string => `${value.toFixed(1)} ms`;

const folder = await dataFolder();
const file = databaseFileIn(folder);
const backups = path.join(folder, 'backups');
let started = performance.now();
seedList(file, 'big', ROWS);
const sizeMb = (await stat(file)).size / 1024 / 1024;
process.stdout.write(
  `database: ${ROWS.toLocaleString('en')} list rows, ${sizeMb.toFixed(0)} MB, written in ${ms(performance.now() - started)}\n`,
);

async function openChecked(withBackup: boolean) {
  if (withBackup) await rm(backups, { recursive: true, force: true });
  const begin = performance.now();
  const storage = CheckedStorage.open({
    file,
    backupsFolder: backups,
    clock: { now: () => day(10) },
    logger: new MemoryLogger(),
  });
  const open = performance.now() - begin;
  const atStart = storage.state();
  let checked = atStart.state === 'ok' && atStart.check === 'running' ? Number.NaN : open;
  storage.onChange(() => (checked = performance.now() - begin));
  await storage.settled();
  const settled = performance.now() - begin;
  await storage.close();
  storage.database.close();
  return { open, atStart, checked, settled };
}

const plain: number[] = [];
const quickCheck: number[] = [];
const checkedOpen: number[] = [];
const checkDone: number[] = [];
const backedUp: number[] = [];
const startStates: string[] = [];
for (let run = 0; run < RUNS; run += 1) {
  started = performance.now();
  openDatabase(file).close();
  plain.push(performance.now() - started);

  const db = new DatabaseSync(file, { readOnly: true });
  started = performance.now();
  db.prepare('PRAGMA quick_check').all();
  quickCheck.push(performance.now() - started);
  db.close();

  const checkOnly = await openChecked(false);
  checkedOpen.push(checkOnly.open);
  checkDone.push(checkOnly.checked);
  startStates.push(checkOnly.atStart.state === 'ok' ? checkOnly.atStart.check : 'damaged');

  const withBackup = await openChecked(true);
  backedUp.push(withBackup.settled);
}
const backupMb = (await stat(path.join(backups, 'campaign-desk-2025-03-10.db'))).size / 1024 / 1024;

process.stdout.write(
  [
    `runs: ${String(RUNS)} (medians); start-up waits up to ${String(CHECK_BUDGET_MS)} ms for the check of a database up to ${String(CHECK_WAIT_MAX_BYTES / 1024 / 1024)} MB`,
    `open as before (no check):                     ${ms(median(plain))}`,
    `PRAGMA quick_check alone, on this thread:      ${ms(median(quickCheck))}`,
    `start-up: open with the bounded check:         ${ms(median(checkedOpen))} (state at return: ${startStates.join(', ')})`,
    `check result in (beside the app when late):    ${ms(median(checkDone))}`,
    `check + VACUUM INTO backup done (first start of a day): ${ms(median(backedUp))}, backup ${backupMb.toFixed(0)} MB`,
    '',
  ].join('\n'),
);
await rm(folder, { recursive: true, force: true });
