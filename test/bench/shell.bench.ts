/**
 * `npm run bench`: the renderer's bundle size (gzip) and the time from navigation to an
 * interactive shell in Debian's Chromium, through the browser test host. Prints each figure next
 * to its budget. Not a test: figures vary with the machine; the budget comparison is the point.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../e2e/browser';
import { startHost } from '../host/server';
import { repoRoot } from '../host/runtime';

const JS_BUDGET_KB = 300;
const RUNS = 15;

function quantile(sorted: readonly number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function bundleSizes(): Promise<{
  jsRaw: number;
  jsGzip: number;
  cssGzip: number;
  files: number;
}> {
  const assets = path.join(repoRoot, 'out/renderer/assets');
  let jsRaw = 0;
  let jsGzip = 0;
  let cssGzip = 0;
  const names = await readdir(assets);
  for (const name of names) {
    const content = await readFile(path.join(assets, name));
    const gz = gzipSync(content, { level: 9 }).length;
    if (name.endsWith('.js')) {
      jsRaw += content.length;
      jsGzip += gz;
    } else if (name.endsWith('.css')) cssGzip += gz;
  }
  return { jsRaw, jsGzip, cssGzip, files: names.length };
}

async function main(): Promise<void> {
  const sizes = await bundleSizes();
  const host = await startHost();
  const browser = await launchChromium();
  const interactive: number[] = [];
  const wall: number[] = [];
  try {
    for (let run = 0; run < RUNS + 1; run++) {
      // A fresh context each run: no HTTP cache, no storage, like a first window.
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(host.url);
      await page.waitForSelector('html[data-ready="true"]');
      const elapsed = performance.now() - started;
      const mark = (await page.evaluate(
        "performance.getEntriesByName('shell-interactive')[0]?.startTime ?? -1",
      )) as number;
      await context.close();
      if (run === 0) continue; // warm-up: first launch of the renderer process
      interactive.push(mark);
      wall.push(elapsed);
    }
  } finally {
    await browser.close();
    await host.close();
  }
  interactive.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const verdict = sizes.jsGzip / 1024 <= JS_BUDGET_KB ? 'within budget' : 'OVER BUDGET';
  const lines = [
    `Campaign Desk shell benchmark (${RUNS} runs, Chromium ${browser.version()}, Node ${process.versions.node})`,
    '',
    '| measure | value | budget / note |',
    '|---|---|---|',
    `| renderer JS, gzip | ${kb(sizes.jsGzip)} KB | ≤ ${JS_BUDGET_KB} KB: ${verdict} |`,
    `| renderer JS, raw | ${kb(sizes.jsRaw)} KB | |`,
    `| renderer CSS, gzip | ${kb(sizes.cssGzip)} KB | |`,
    `| navigation → shell interactive, p50 | ${quantile(interactive, 0.5).toFixed(1)} ms | performance mark "shell-interactive" (after app.info + settings.get over IPC) |`,
    `| navigation → shell interactive, p95 | ${quantile(interactive, 0.95).toFixed(1)} ms | |`,
    `| goto → ready seen by the driver, p50 | ${quantile(wall, 0.5).toFixed(1)} ms | includes Playwright round trips |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (verdict !== 'within budget') process.exitCode = 1;
}

await main();
