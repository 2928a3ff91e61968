/**
 * Task board render benchmark: 10,000 rows sorted by a counter column in real Chromium, 1,000
 * rows changing per update.
 *
 * Run: `npm run bench:board:render` (`tsx test/bench/board-render.bench.ts`). Builds a page from
 * the renderer's own board model and table (React's profiling build, so the Profiler reports),
 * opens it in Debian's Chromium, feeds it deltas shaped exactly like `tasks.updated`, and prints
 * the p95 React render time per update (Profiler onRender) and the p95 time from a delta's
 * arrival to the end of the frame that shows it, each next to its target.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { BoardDelta, BoardRow } from '../../shared/domain/board';
import { SeededRandom } from '../../main/services/sandbox/sim-kit';
import { launchChromium } from '../e2e/browser';
import { repoRoot } from '../host/runtime';

const ROWS = 10_000;
const CHANGED = 1_000;
const WARMUP = 10;
const UPDATES = 120;
const TARGET_COMMIT_MS = 2;
const TARGET_FRAME_MS = 25;

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    // The profiling build of react-dom: production speed, with the Profiler's timings on.
    resolve: { alias: { 'react-dom/client': 'react-dom/profiling' } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      target: 'chrome140',
      lib: {
        entry: path.join(repoRoot, 'test/bench/board-render/page.tsx'),
        formats: ['iife'],
        name: 'boardRenderBench',
      },
    },
  });
  for (const result of Array.isArray(output) ? output : [output]) {
    if ('output' in result) {
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('The bench page did not bundle.');
}

function makeRows(random: SeededRandom): BoardRow[] {
  return Array.from({ length: ROWS }, (_, n) => {
    const tot = random.int(200, 60_000);
    const c = random.int(0, Math.floor(tot / 2));
    const ok = Math.floor(c * 0.55);
    return {
      i: n + 1,
      k: `3f9d2c4e-8b1a-4f6e-9c3d-7a2b5e8f1c04:voice-group:${100_000 + n}`,
      a: '3f9d2c4e-8b1a-4f6e-9c3d-7a2b5e8f1c04',
      v: 'itniotech',
      kd: 'voice-group',
      t: String(100_000 + n),
      n: `Campaign ${String(n).padStart(5, '0')} · renewal reminders`,
      s: 'running',
      sc: '1',
      sl: 'Running',
      tot,
      c,
      ok,
      f: c - ok,
      x: Math.floor(c * 0.1),
      cr: 1_760_000_000_000 + n * 60_000,
      fin: null,
    };
  });
}

function nextDelta(rows: BoardRow[], seq: number, random: SeededRandom): BoardDelta {
  const picked = new Set<number>();
  while (picked.size < CHANGED) picked.add(random.int(0, ROWS - 1));
  const r: (number | null)[][] = [];
  for (const at of picked) {
    const row = rows[at] as BoardRow;
    const c = Math.min(row.tot ?? 0, (row.c ?? 0) + random.int(1, 40));
    const ok = Math.min(c, (row.ok ?? 0) + random.int(0, 20));
    const f = c - ok;
    rows[at] = { ...row, c, ok, f };
    r.push([row.i, c, ok, f]);
  }
  return {
    seq,
    at: Date.now(),
    added: [],
    changed: [{ f: ['c', 'ok', 'f'], r }],
    removed: [],
    accounts: [],
  };
}

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

function line(label: string, value: number, target: number): void {
  const verdict = value <= target ? 'OK' : 'MISSED';
  console.log(
    `${label.padEnd(58)} ${`${value.toFixed(2)} ms`.padStart(10)}   target ≤ ${target} ms   ${verdict}`,
  );
}

const code = await bundle();
const css = await readFile(path.join(repoRoot, 'renderer/styles.css'), 'utf8');
const browser = await launchChromium();
try {
  const page = await (
    await browser.newContext({ viewport: { width: 1440, height: 900 } })
  ).newPage();
  await page.setContent(
    '<!doctype html><html lang="en"><head></head><body><div id="root"></div></body></html>',
  );
  await page.addStyleTag({ content: css });
  await page.addScriptTag({ content: code });
  const random = new SeededRandom(20_261_123);
  const rows = makeRows(random);
  await page.evaluate(`benchLoad(${JSON.stringify(rows)})`);
  await page.waitForSelector('.grid-row');
  for (let seq = 1; seq <= WARMUP + UPDATES; seq++) {
    const delta = nextDelta(rows, seq, random);
    await page.evaluate(`benchFeed(${JSON.stringify(delta)})`);
    await page.waitForFunction(`benchResults.done >= ${seq}`);
  }
  const results = (await page.evaluate('benchResults')) as {
    commits: number[];
    frames: number[];
    applies: number[];
  };
  // The first updates warm the JIT; they are left out.
  const commits = results.commits.slice(-UPDATES);
  const frames = results.frames.slice(-UPDATES);
  const applies = results.applies.slice(-UPDATES);
  const top = (await page.locator('.grid-row [data-field="called"]').allTextContents())
    .slice(0, 5)
    .join(', ');
  console.log(
    `Board render: ${ROWS.toLocaleString('en')} rows sorted by Called (desc), ${CHANGED.toLocaleString('en')} rows changed per update, ${UPDATES} updates after ${WARMUP} warm-up, Chromium ${browser.version()}`,
  );
  console.log(`Top rows on screen after the run (Called): ${top}`);
  line('p95 React render+commit per update (Profiler onRender)', p95(commits), TARGET_COMMIT_MS);
  line('p95 delta arrival → end of the frame that shows it', p95(frames), TARGET_FRAME_MS);
  console.log(
    `${'  of which: applying the delta to the sorted index (p95)'.padEnd(58)} ${`${p95(applies).toFixed(2)} ms`.padStart(10)}`,
  );
  console.log(
    `${'  median React render / median arrival → frame end'.padEnd(58)} ${`${[...commits].sort((a, b) => a - b)[commits.length >> 1]?.toFixed(2)} / ${[...frames].sort((a, b) => a - b)[frames.length >> 1]?.toFixed(2)} ms`.padStart(10)}`,
  );
} finally {
  await browser.close();
}
