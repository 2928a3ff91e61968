// Runs a JsonLinesLogger in a process of its own, so a test can see whether a failing log file
// ends the process (before issue 15 an unhandled stream 'error' did). Started by logger.test.ts:
//   node --import tsx test/unit/logging/log-child.ts <data folder> <scenario>
// Prints one JSON line on stdout when it got to the end alive.
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import type { LogNotice } from '../../../shared/domain/log-notice';
import { JsonLinesLogger } from '../../../main/services/logging/logger';

const [folder = '', scenario = 'write'] = process.argv.slice(2);
const notices: LogNotice[] = [];
const fallbackLines: string[] = [];
const logger = await JsonLinesLogger.open(folder, {
  maxBytes: 2_048,
  fallback: (line) => fallbackLines.push(line),
});
logger.onFallback((notice) => notices.push(notice));

if (scenario === 'becomes-read-only') {
  for (let i = 0; i < 5; i += 1) logger.info('before the folder turned read-only', { i });
  await logger.flush();
  // The person (or a backup tool) takes write access away while the app runs.
  await chmod(path.join(folder, 'logs'), 0o500);
}
for (let i = 0; i < 100; i += 1) logger.info('a line that has to go somewhere', { i });
await logger.flush();
// One more turn of the event loop: an unhandled 'error' would end the process here.
await new Promise((resolve) => setImmediate(resolve));
// Which of the 100 lines reached the fallback (the rest must be in the file).
const fallbackIndexes = fallbackLines
  .map((line) => JSON.parse(line) as { message: string; i?: number })
  .filter((line) => line.message === 'a line that has to go somewhere')
  .map((line) => line.i);
process.stdout.write(`${JSON.stringify({ alive: true, notices, fallbackIndexes })}\n`);
