/**
 * `npm run bench:import`: import speed and memory against a raw lower bound and exceljs.
 *
 * Each measurement runs in its own child process so its peak RSS (maxRSS, which includes the
 * worker thread) is its own. Cases: the raw lower bound (unzip the sheet XML and scan it for
 * cell values, plus the shared strings), exceljs's streaming reader alone, exceljs's
 * whole-workbook reader alone, and the full import (read, normalize, dedupe, store in SQLite).
 * The full import runs the worker compiled to JavaScript, as the app ships it (not through tsx).
 * Target: full import at most 2x the lower bound's time and 1.5x its memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { serialize, deserialize } from 'node:v8';
import type { SheetRow } from '../../main/services/lists/cell';
import { CalleeHasher } from '../../main/services/lists/callee-fingerprint';
import { DEFAULT_LIMITS } from '../../main/services/lists/limits';
import { ListWriter } from '../../main/services/lists/list-writer';
import { RowProcessor } from '../../main/services/lists/row-processor';
import { openSource, pickSheet } from '../../main/services/lists/source';
import { ListsService } from '../../main/services/lists/lists-service';
import { readZipDirectory, readZipEntry } from '../../main/services/lists/xlsx/zip-reader';
import { openDatabase } from '../../main/services/storage/database';
import {
  ListsRepository,
  pushRowValues,
  type RowValues,
  type StoredRow,
} from '../../main/services/storage/lists-repository';
import { BENCH_WORKBOOKS, makeBenchWorkbooks } from '../../scripts/make-bench-workbooks';
import { InMemoryKeyValueStore } from '../fakes/memory-kv-store';
import { MemoryLogger } from '../fakes/memory-logger';

type CaseName = 'lower-bound' | 'exceljs-stream' | 'exceljs-whole' | 'full-import' | 'profile';
const CASES: readonly CaseName[] = [
  'lower-bound',
  'exceljs-stream',
  'exceljs-whole',
  'full-import',
];

/** Unzips the sheet (and shared strings) and pulls out every `<v>`/`<t>` value: the floor. */
async function lowerBound(file: string): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const entries = await readZipDirectory(handle, size);
    let values = 0;
    for (const name of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) {
      const entry = entries.get(name);
      if (entry === undefined) continue;
      const decoder = new TextDecoder();
      const tag = name.startsWith('xl/shared') ? '<t' : '<v>';
      let pending = '';
      const kept: string[] = [];
      for await (const chunk of readZipEntry(handle, size, entry, DEFAULT_LIMITS)) {
        pending += decoder.decode(chunk, { stream: true });
        let at = 0;
        for (;;) {
          const open = pending.indexOf(tag, at);
          if (open < 0) break;
          const start = pending.indexOf('>', open);
          const close = pending.indexOf('</', open);
          if (start < 0 || close < 0) break;
          const value = pending.slice(start + 1, close);
          if (name.startsWith('xl/shared')) kept.push(value);
          values++;
          at = close + 2;
        }
        pending = pending.slice(at);
      }
      if (kept.length < 0) console.log(kept.length);
    }
    return values;
  } finally {
    await handle.close();
  }
}

async function excelJsStream(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (Array.isArray(row.values)) rows++;
    }
  }
  return rows;
}

async function excelJsWhole(file: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  let rows = 0;
  workbook.worksheets[0]?.eachRow(() => rows++);
  return rows;
}

/** The import worker compiled to JavaScript, as the app ships it (electron-vite bundles it). */
async function compiledWorker(): Promise<URL> {
  const outdir = resolve('test-output/bench/worker');
  await build({
    entryPoints: [
      resolve('main/services/lists/import-worker.ts'),
      resolve('main/services/lists/list-writer-worker.ts'),
    ],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  return pathToFileURL(join(outdir, 'import-worker.js'));
}

async function fullImport(file: string, wide: boolean): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'bench-db-'));
  try {
    const db = openDatabase(join(folder, 'app.db'));
    const service = new ListsService({
      repository: new ListsRepository(db),
      store: new InMemoryKeyValueStore(),
      clock: { now: () => Date.now() },
      newId: () => 'bench',
      locale: () => 'en',
      logger: new MemoryLogger(),
      workerUrl: new URL(process.env['IMPORT_WORKER_URL'] ?? ''),
    });
    const list = await service.import(file, {
      headerRow: 1,
      mapping: wide
        ? { phone: 0, name: 2, variables: [3, 4, 5] }
        : { phone: 0, name: 1, variables: [] },
      defaultCountry: 'CN',
      rule: 'itniotech-voice',
    });
    db.close();
    return list.counts.total;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Where the full import's time goes: each stage of the pipeline on its own, in series, in one
 * thread. In the app the first three run on the import worker and the last on its writer thread,
 * side by side, so the import takes about the larger of the two sums plus start-up.
 */
async function profileStages(file: string, wide: boolean): Promise<Record<string, number>> {
  let started = performance.now();
  const source = await openSource(file, {}, DEFAULT_LIMITS);
  const rows: SheetRow[] = [];
  try {
    for await (const batch of source.rows(pickSheet(source, undefined), { bytesRead: 0 })) {
      for (const row of batch) rows.push(row);
    }
  } finally {
    await source.close();
  }
  const read = performance.now() - started;

  started = performance.now();
  const mapping = wide
    ? { phone: 0, name: 2, variables: [3, 4, 5] }
    : { phone: 0, name: 1, variables: [] };
  const processor = new RowProcessor({
    mapping,
    headerRow: 1,
    defaultCountry: 'CN',
    rule: 'itniotech-voice',
  });
  const hasher = new CalleeHasher();
  const stored: StoredRow[] = [];
  for (const row of rows) {
    const out = processor.process(row);
    if (out === null) continue;
    stored.push(out);
    if (out.phone !== null && (out.status === 'valid' || out.status === 'fixed')) {
      hasher.add(out.phone, out.name, out.variables);
    }
  }
  hasher.digest();
  const check = performance.now() - started;

  started = performance.now();
  const batches: Buffer[] = [];
  for (let at = 0; at < stored.length; at += 5000) {
    batches.push(serialize(pushRowValues([], stored.slice(at, at + 5000))));
  }
  const encode = performance.now() - started;

  const folder = await mkdtemp(join(tmpdir(), 'bench-profile-'));
  try {
    const db = openDatabase(join(folder, 'app.db'));
    const writer = new ListWriter(new ListsRepository(db), {
      id: 'profile',
      name: 'profile',
      sourceFileName: 'profile.xlsx',
      sourceSha256: '',
      sourceSizeBytes: 0,
      sheet: '',
      headerRow: 1,
      mapping: { phone: 0, name: null, variables: [] },
      columnNames: { phone: '', name: null, variables: [] },
      defaultCountry: 'CN',
      rule: 'itniotech-voice',
      encoding: null,
      createdAt: 0,
    });
    started = performance.now();
    for (const batch of batches) writer.values(deserialize(batch) as RowValues);
    const write = performance.now() - started;
    db.close();
    return { read, check, encode, write };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function child(name: CaseName, file: string, wide: boolean): Promise<void> {
  if (name === 'profile') {
    process.stdout.write(`${JSON.stringify(await profileStages(file, wide))}\n`);
    return;
  }
  const started = performance.now();
  const count =
    name === 'lower-bound'
      ? await lowerBound(file)
      : name === 'exceljs-stream'
        ? await excelJsStream(file)
        : name === 'exceljs-whole'
          ? await excelJsWhole(file)
          : await fullImport(file, wide);
  const ms = performance.now() - started;
  process.stdout.write(
    `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, count })}\n`,
  );
}

function profile(file: string, wide: boolean): Record<string, number> | string {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--case', 'profile', file, wide ? 'wide' : 'narrow'],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  try {
    return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as Record<string, number>;
  } catch {
    return `failed: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  }
}

interface Measured {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly count: number;
}

function measure(name: CaseName, file: string, wide: boolean): Measured | string {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--case', name, file, wide ? 'wide' : 'narrow'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as Measured;
  } catch {
    return `failed: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  }
}

async function main(): Promise<void> {
  const only = process.argv.includes('--only-100k') ? ['100k'] : ['100k', '1m'];
  const paths = await makeBenchWorkbooks(resolve('test-output/bench'));
  process.env['IMPORT_WORKER_URL'] = (await compiledWorker()).href;
  for (const size of only as (keyof typeof BENCH_WORKBOOKS)[]) {
    const spec = BENCH_WORKBOOKS[size];
    const file = paths[size];
    const results = new Map<CaseName, Measured | string>();
    console.log(`\n${spec.file}: ${String(spec.rows)} rows x ${String(spec.columns)} columns`);
    for (const name of CASES) {
      const measured = measure(name, file, spec.columns === 6);
      results.set(name, measured);
      console.log(
        typeof measured === 'string'
          ? `  ${name.padEnd(15)} ${measured}`
          : `  ${name.padEnd(15)} ${(measured.ms / 1000).toFixed(2).padStart(7)} s  ${measured.maxRssMb.toFixed(0).padStart(6)} MB peak RSS`,
      );
    }
    const floor = results.get('lower-bound');
    const full = results.get('full-import');
    if (typeof floor === 'object' && typeof full === 'object') {
      const time = full.ms / floor.ms;
      const memory = full.maxRssMb / floor.maxRssMb;
      const met = time <= 2 && memory <= 1.5;
      console.log(
        `  full import vs lower bound: ${time.toFixed(2)}x time (target <= 2x), ${memory.toFixed(2)}x memory (target <= 1.5x): ${met ? 'TARGET MET' : 'TARGET NOT MET'}`,
      );
    }
    const stages = profile(file, spec.columns === 6);
    if (typeof stages === 'string') console.log(`  profile: ${stages}`);
    else {
      const s = (ms: number | undefined): string => `${((ms ?? 0) / 1000).toFixed(2)} s`;
      const reader = (stages['read'] ?? 0) + (stages['check'] ?? 0) + (stages['encode'] ?? 0);
      console.log(
        `  profile, each stage alone: import worker = read ${s(stages['read'])} + check, dedupe, fingerprint ${s(stages['check'])} + encode for the writer ${s(stages['encode'])} = ${s(reader)}; ` +
          `writer thread = decode + insert ${s(stages['write'])}` +
          (typeof floor === 'object'
            ? `; reading alone is ${((stages['read'] ?? 0) / floor.ms).toFixed(2)}x the lower bound`
            : ''),
      );
    }
  }
}

const at = process.argv.indexOf('--case');
if (at >= 0) {
  await child(
    process.argv[at + 1] as CaseName,
    process.argv[at + 2] ?? '',
    process.argv[at + 3] === 'wide',
  );
} else {
  await main();
}
