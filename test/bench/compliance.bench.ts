/**
 * `npm run bench:compliance`: the fast list check against a 5,000,000-number DNC list and a
 * 10,000,000-call history (issue 17).
 *
 * Generates (once; reused while `GENERATOR` is unchanged) a database under
 * `test-output/bench/compliance/`: a 1,000,000-row imported list (2% invalid, 1% fixed), a DNC
 * list of 5,000,000 numbers holding every 10th number of the list (one entry in 7 expired) plus
 * 4,900,000 others, a DNC list for another account, and 10,000,000 submitted numbers over 60
 * days in 1,000 submissions from 4 accounts (every 5th a resend) holding every 3rd number of the
 * list. The data is written by SQL in key order, so generating takes seconds, not minutes.
 *
 * Each measurement runs in its own child process so its peak RSS (maxRSS) is its own: reading
 * the list's callable rows alone (what the outbox reads to send them), and the check (counts,
 * versions and every exclusion streamed out). Targets: check <= 3 s and <= 300 MB peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { SqliteListCheck } from '../../main/services/compliance/list-check';
import { SqliteDncRepository } from '../../main/services/compliance/sqlite-dnc-repository';
import { bumpVersion } from '../../main/services/compliance/sqlite-versions';
import { openDatabase } from '../../main/services/storage/database';
import { ListsRepository } from '../../main/services/storage/lists-repository';

/** Change when the generated data changes, so an old file is made again. */
const GENERATOR = 'compliance-bench-1';
const LIST_ROWS = 1_000_000;
const DNC_NUMBERS = 5_000_000;
const HISTORY_CALLS = 10_000_000;
const DAY = 86_400_000;
/** The instant the check is for. */
const NOW = Date.UTC(2026, 5, 1);
const BASE = 8613800000000;
const LIST_ID = 'bench-list';
const ACCOUNT = 'acc-1';
const HISTORY_DAYS = 30;

const CASES = ['read-list', 'check'] as const;
type CaseName = (typeof CASES)[number];

function databaseFile(): string {
  return resolve('test-output/bench/compliance/compliance.sqlite');
}

function isCurrent(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = openDatabase(file);
  try {
    const row = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'bench_meta'")
      .get();
    if (!row) return false;
    return db.prepare('SELECT generator FROM bench_meta').get()?.['generator'] === GENERATOR;
  } finally {
    db.close();
  }
}

const counter = (count: number): string =>
  `WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ${String(count - 1)})`;

async function generate(file: string): Promise<void> {
  await mkdir(resolve(file, '..'), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
  const started = performance.now();
  const db = openDatabase(file);
  try {
    const lists = new ListsRepository(db);
    lists.begin({
      id: LIST_ID,
      name: 'Bench list',
      sourceFileName: 'bench.xlsx',
      sourceSha256: 'generated',
      sourceSizeBytes: 0,
      sheet: 'Sheet1',
      headerRow: 1,
      mapping: { phone: 0, name: 1, variables: [2] },
      columnNames: { phone: 'Phone', name: 'Name', variables: ['Note'] },
      defaultCountry: 'CN',
      rule: 'yccall',
      encoding: null,
      createdAt: NOW - 2 * DAY,
    });
    db.exec('BEGIN');
    db.exec(`${counter(LIST_ROWS)}
      INSERT INTO list_rows (list_id, seq, row_number, status, original, phone, name, var1)
      SELECT '${LIST_ID}', i, i + 2,
        CASE WHEN i % 50 = 7 THEN 'invalid' WHEN i % 100 = 11 THEN 'fixed' ELSE 'valid' END,
        '138' || printf('%08d', i),
        CASE WHEN i % 50 = 7 THEN NULL ELSE '+' || (${String(BASE)} + i) END,
        'Caller ' || i, 'note ' || (i % 97) FROM c`);
    db.exec('COMMIT');
    const invalid = LIST_ROWS / 50;
    const fixed = LIST_ROWS / 100;
    lists.finish(LIST_ID, {
      total: LIST_ROWS,
      valid: LIST_ROWS - invalid - fixed,
      fixed,
      invalid,
      flagged: 0,
      duplicate: 0,
    });
    const dnc = new SqliteDncRepository(db);
    await dnc.createList({
      id: 'registry',
      name: 'National registry',
      scope: { kind: 'all-accounts' },
      at: NOW - 10 * DAY,
    });
    await dnc.createList({
      id: 'other-client',
      name: 'Other client',
      scope: { kind: 'accounts', accountIds: ['acc-other'] },
      at: NOW - 10 * DAY,
    });
    db.exec('BEGIN');
    db.exec(
      "INSERT INTO dnc_sources (text) VALUES ('national registry export'), ('customer asked')",
    );
    // Every 10th number of the list and beyond it, in key order; one in 7 expired before NOW.
    db.exec(`${counter(DNC_NUMBERS)}
      INSERT INTO dnc_entries (number, list_key, expires_at, source_key, added_at)
      SELECT ${String(BASE)} + 10 * i, (SELECT key FROM dnc_lists WHERE id = 'registry'),
        CASE WHEN i % 7 = 3 THEN ${String(NOW - DAY)} ELSE NULL END,
        CASE WHEN i % 13 = 0 THEN 2 ELSE 1 END, ${String(NOW - 10 * DAY)} FROM c`);
    db.exec(`${counter(50_000)}
      INSERT INTO dnc_entries (number, list_key, expires_at, source_key, added_at)
      SELECT ${String(BASE)} + 10 * i + 5, (SELECT key FROM dnc_lists WHERE id = 'other-client'),
        NULL, 2, ${String(NOW - 10 * DAY)} FROM c`);
    db.exec(`UPDATE dnc_lists SET entry_count =
      (SELECT COUNT(*) FROM dnc_entries WHERE list_key = dnc_lists.key)`);
    bumpVersion(db, 'dnc');
    db.exec(`${counter(1000)}
      INSERT INTO call_submissions (key, account_id, task_ref, at, by_resend)
      SELECT i + 1, 'acc-' || (i % 4 + 1), 'task-' || i, ${String(NOW)} - (i % 60) * ${String(DAY)},
        CASE WHEN i % 5 = 4 THEN 1 ELSE 0 END FROM c`);
    // Every 3rd number (offset 1) of the list and beyond it, over 60 days.
    db.exec(`${counter(HISTORY_CALLS)}
      INSERT INTO call_history (number, at, submission_key)
      SELECT ${String(BASE)} + 1 + 3 * i, ${String(NOW)} - ((i % 1000) % 60) * ${String(DAY)},
        i % 1000 + 1 FROM c`);
    bumpVersion(db, 'history');
    db.exec(`CREATE TABLE bench_meta (generator TEXT NOT NULL);
      INSERT INTO bench_meta VALUES ('${GENERATOR}')`);
    db.exec('COMMIT');
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
  console.log(`generated ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function readList(db: DatabaseSync): number {
  const statement = db.prepare(
    `SELECT seq, phone, name, var1, var2, var3, var4, var5 FROM list_rows
     WHERE list_id = ? AND status IN ('valid', 'fixed') ORDER BY seq`,
  );
  statement.setReturnArrays(true);
  let count = 0;
  for (const row of statement.iterate(LIST_ID)) if (row) count += 1;
  return count;
}

async function runCheck(db: DatabaseSync): Promise<Record<string, number>> {
  let streamed = 0;
  const summary = await new SqliteListCheck(db).check(
    { listId: LIST_ID, accountId: ACCOUNT, historyDays: HISTORY_DAYS, at: NOW },
    (batch) => {
      streamed += batch.length;
    },
  );
  return {
    callable: summary.callable,
    excluded: summary.excluded,
    dnc: summary.byRule.dnc,
    recentCall: summary.byRule['recent-call'],
    both: summary.dncAndRecentCall,
    streamed,
  };
}

async function child(name: CaseName, file: string): Promise<void> {
  const db = openDatabase(file);
  try {
    const started = performance.now();
    const result = name === 'read-list' ? { rows: readList(db) } : await runCheck(db);
    const ms = performance.now() - started;
    process.stdout.write(
      `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, result })}\n`,
    );
  } finally {
    db.close();
  }
}

interface Measured {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly result: Record<string, number>;
}

function measure(name: CaseName, file: string): Measured {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--case', name, file],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as Measured;
  } catch {
    throw new Error(`${name} failed: ${result.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  }
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const file = databaseFile();
  if (!isCurrent(file)) await generate(file);
  else console.log(`reusing ${file}`);
  const runs = new Map<CaseName, Measured[]>(CASES.map((name) => [name, []]));
  for (let round = 0; round < 3; round += 1) {
    for (const name of CASES) runs.get(name)?.push(measure(name, file));
  }
  const summary = (name: CaseName): { ms: number; rss: number; last: Measured | undefined } => {
    const measured = runs.get(name) ?? [];
    return {
      ms: median(measured.map((m) => m.ms)),
      rss: Math.max(...measured.map((m) => m.maxRssMb)),
      last: measured.at(-1),
    };
  };
  const read = summary('read-list');
  const check = summary('check');
  console.log(
    `\n1,000,000-row list; DNC ${DNC_NUMBERS.toLocaleString('en')} numbers; history ${HISTORY_CALLS.toLocaleString('en')} calls; window ${String(HISTORY_DAYS)} days (median of 3 runs, highest peak RSS)`,
  );
  console.log(
    `  read the list alone  ${(read.ms / 1000).toFixed(2)} s  ${read.rss.toFixed(0)} MB peak RSS  ${JSON.stringify(read.last?.result)}`,
  );
  console.log(
    `  check the list       ${(check.ms / 1000).toFixed(2)} s  ${check.rss.toFixed(0)} MB peak RSS  ${JSON.stringify(check.last?.result)}`,
  );
  const met = check.ms <= 3000 && check.rss <= 300;
  console.log(
    `  check vs read alone: ${(check.ms / read.ms).toFixed(2)}x time; targets (<= 3 s, <= 300 MB): ${met ? 'TARGET MET' : 'TARGET NOT MET'}`,
  );
}

const at = process.argv.indexOf('--case');
if (at >= 0) {
  await child(process.argv[at + 1] as CaseName, process.argv[at + 2] ?? join('.', 'missing'));
} else {
  await main();
}
