import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../host/server';
import {
  runReleaseJourney,
  SMOKE_CAMPAIGN,
  SMOKE_LIST,
  smokeNumber,
  writeSmokeList,
} from '../electron-smoke/journey';
import { launchChromium } from './browser';

// The release smoke test's journey (test/electron-smoke/journey.ts) in Chromium through the
// browser host: the packaged app can only be driven where an Electron binary exists, so this
// run proves, here and on every `npm test`, that the script the release depends on still
// matches the app. The outcome is checked where it lands: the demo Yccall server.

let host: Host;
let browser: Browser;
let page: Page;
let listFile = '';

beforeAll(async () => {
  listFile = await writeSmokeList(await mkdtemp(path.join(tmpdir(), 'campaign-desk-e2e-release-')));
  host = await startHost({ systemLocale: 'zh-CN' });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the release smoke journey in the browser host', () => {
  it('adds the demo, imports a file, sends a campaign to the simulator and sees it running on the board', async () => {
    await runReleaseJourney(
      { page, answerNextOpenDialog: async (file) => host.dialogs.queueOpen(file) },
      listFile,
    );
    const yccall = host.core.demo.simulators()?.yccall;
    const task = yccall?.tasks().find((candidate) => candidate.name === SMOKE_CAMPAIGN);
    expect(task?.status).toBe(1026);
    expect([...(yccall?.numbersOf(task?.id ?? '') ?? [])].sort()).toEqual(
      Array.from({ length: SMOKE_LIST.numbers }, (_, i) => smokeNumber(i)),
    );
  });
});
