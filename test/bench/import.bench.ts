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
import { DEFAULT_LIMITS } from '../../main/services/lists/limits';
import { ListsService } from '../../main/services/lists/lists-service';
import { readZipDirectory, readZipEntry } from '../../main/services/lists/xlsx/zip-reader';
import { openDatabase } from '../../main/services/storage/database';
import { ListsRepository } from '../../main/services/storage/lists-repository';
import { BENCH_WORKBOOKS, makeBenchWorkbooks } from '../../scripts/make-bench-workbooks';
import { InMemoryKeyValueStore } from '../fakes/memory-kv-store';
import { MemoryLogger } from '../fakes/memory-logger';

type CaseName = 'lower-bound' | 'exceljs-stream' | 'exceljs-whole' | 'full-import';
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

async function child(name: CaseName, file: string, wide: boolean): Promise<void> {
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
