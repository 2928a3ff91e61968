import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from '../host/runtime';

/** Debian's Chromium; Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The flags the machine's notes require for headless Chromium on a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches Debian's Chromium (Playwright gives it a fresh, empty profile). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Where e2e screenshots go (gitignored; the README copies are refreshed by `npm run screenshots`). */
export async function screenshotDir(): Promise<string> {
  const dir = path.join(repoRoot, 'test-output', 'screenshots');
  await mkdir(dir, { recursive: true });
  return dir;
}
