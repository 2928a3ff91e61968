import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../host/server';
import { InMemorySecretStore } from '../fakes/memory-secret-store';
import { databaseFileIn, dataFolder, overwrite, seedList } from '../integration/storage/harness';
import { launchChromium, screenshotDir } from './browser';
import { CATALOGUES, prepareWorld, SCREENS, useLook } from './screens';

// axe-core on every screen, in both themes and both languages, at a laptop's 1366 × 768:
// no critical and no serious violation anywhere. A failure prints each violation with the
// elements it was found on, so it can be fixed without running the test again.

const LOOKS = [
  { locale: 'en', theme: 'light' },
  { locale: 'en', theme: 'dark' },
  { locale: 'zh-CN', theme: 'light' },
  { locale: 'zh-CN', theme: 'dark' },
] as const;

let axeSource = '';
let host: Host;
let browser: Browser;
let page: Page;

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly {
    readonly target: readonly unknown[];
    readonly failureSummary?: string;
  }[];
}

/** Runs axe on the page as it is; returns the critical and serious violations, readable. */
async function seriousViolations(target: Page): Promise<string[]> {
  if ((await target.evaluate('typeof window.axe')) !== 'object') await target.evaluate(axeSource);
  const violations = (await target.evaluate(
    `window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as Violation[];
  return violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
          .join('\n'),
    );
}

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  host = await startHost({ systemLocale: 'en-US' });
  await prepareWorld(host);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(host.url);
  await page.waitForSelector('html[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('accessibility of every screen (axe-core)', () => {
  for (const look of LOOKS) {
    it(`has no critical or serious violation in ${look.locale}, ${look.theme} theme`, async () => {
      await useLook(page, look);
      const shots = path.join(await screenshotDir(), 'screens');
      await mkdir(shots, { recursive: true });
      const found: string[] = [];
      for (const screen of SCREENS) {
        await screen.open(page, CATALOGUES[look.locale]);
        // Every screen as checked, for people to look at (test-output/screenshots/screens/).
        await page.screenshot({
          path: path.join(shots, `${screen.name}-${look.locale}-${look.theme}.png`),
        });
        for (const violation of await seriousViolations(page))
          found.push(`[${screen.name}] ${violation}`);
      }
      if (found.length > 0) console.log(found.join('\n'));
      expect(found).toEqual([]);
    });
  }

  it('has none on the storage recovery screen either, in both languages and themes', async () => {
    const folder = await dataFolder();
    seedList(databaseFileIn(folder), 'spring', 100);
    const secrets = new InMemorySecretStore();
    const first = await startHost({ dataFolder: folder, secrets });
    await first.core.storage.settled();
    await first.close();
    await overwrite(databaseFileIn(folder), 0, 100, 0);
    const damaged = await startHost({ dataFolder: folder, secrets });
    const recovery = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      const found: string[] = [];
      for (const look of LOOKS) {
        const result = await damaged.core.dispatch(
          'settings.update',
          { patch: { language: look.locale, theme: look.theme } },
          { signal: new AbortController().signal },
        );
        expect(result.ok).toBe(true);
        await recovery.goto(damaged.url);
        await recovery
          .getByRole('heading', { name: CATALOGUES[look.locale]['storage.title'] })
          .waitFor();
        await recovery.waitForSelector(`html[data-theme="${look.theme}"]`);
        for (const violation of await seriousViolations(recovery))
          found.push(`[storage-recovery ${look.locale} ${look.theme}] ${violation}`);
      }
      if (found.length > 0) console.log(found.join('\n'));
      expect(found).toEqual([]);
    } finally {
      await recovery.close();
      await damaged.close();
    }
  });
});
