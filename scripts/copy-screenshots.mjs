// Copies the few screenshots the README shows from the e2e output (test-output/screenshots, not in
// git) to docs/screenshots (in git). Run after `npm test`: `node scripts/copy-screenshots.mjs`.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const from = path.join(root, 'test-output', 'screenshots');
const to = path.join(root, 'docs', 'screenshots');
const shown = [
  'board-en-light.png',
  'board-detail-en-light.png',
  'board-zh-CN-dark.png',
  'outbox-waiting-en.png',
  'yccall-running-after-send-en-light.png',
  'outbox-needs-you-en-light.png',
  'accounts-en.png',
  'lists-import-progress-en.png',
];

await mkdir(to, { recursive: true });
for (const name of shown) await copyFile(path.join(from, name), path.join(to, name));
process.stdout.write(`Copied ${shown.length} screenshots to docs/screenshots.\n`);
