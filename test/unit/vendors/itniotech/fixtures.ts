import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The vendor fixtures folder: the checked-in copy in `test/fixtures/vendor-api/fixtures/`. */
export const FIXTURES_DIR = fileURLToPath(
  new URL('../../../fixtures/vendor-api/fixtures/', import.meta.url),
);

/** Reads one fixture as JSON. */
export async function readFixture(name: string): Promise<unknown> {
  return JSON.parse(await readFile(`${FIXTURES_DIR}${name}`, 'utf8')) as unknown;
}

/** The names of the fixture files that start with a prefix. */
export async function fixtureNames(prefix: string): Promise<string[]> {
  return (await readdir(FIXTURES_DIR)).filter((name) => name.startsWith(prefix)).sort();
}
