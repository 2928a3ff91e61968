// Prints the plain closing line CI reads: "N passed, N failed" (", N skipped" when any).
import { readFile } from 'node:fs/promises';

const file = process.argv[2] ?? 'test-output/vitest.json';
const report = JSON.parse(await readFile(file, 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const line = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
process.stdout.write(`${skipped > 0 ? `${line}, ${skipped} skipped` : line}\n`);
