import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLogTail } from '../../../main/services/app/log-tail';

async function logsFolder(files: Readonly<Record<string, string>>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-tail-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  return folder;
}

const numbered = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `${prefix} ${from + index}\n`).join('');

describe('the log tail', () => {
  it('is the last lines of main.log, oldest first', async () => {
    const folder = await logsFolder({ 'main.log': numbered('line', 1, 200) });
    const tail = await readLogTail(folder, 50);
    expect(tail.lines).toEqual(numbered('line', 151, 200).trimEnd().split('\n'));
    expect(tail.problems).toEqual([]);
  });

  it('continues from the rotated files when main.log was just rotated', async () => {
    const folder = await logsFolder({
      'main.log': numbered('new', 1, 5),
      'main.1.log': numbered('older', 1, 30),
      'main.2.log': numbered('oldest', 1, 30),
    });
    const tail = await readLogTail(folder, 50);
    expect(tail.lines).toHaveLength(50);
    expect(tail.lines[0]).toBe('oldest 16');
    expect(tail.lines.slice(14, 16)).toEqual(['oldest 30', 'older 1']);
    expect(tail.lines.at(-1)).toBe('new 5');
  });

  it('reads whole lines across chunk boundaries, multi-byte text included, and leaves out a line still being written', async () => {
    const long = (index: number) => `${index} ${'日志'.repeat(20_000)}\n`;
    const text = Array.from({ length: 12 }, (_, index) => long(index)).join('') + 'half a li';
    const folder = await logsFolder({ 'main.log': text });
    const tail = await readLogTail(folder, 5);
    expect(tail.lines).toEqual([7, 8, 9, 10, 11].map((index) => long(index).trimEnd()));
  });

  it('is empty when there is no log yet, and names a file it cannot read', async () => {
    const empty = await logsFolder({});
    expect(await readLogTail(path.join(empty, 'missing'), 50)).toEqual({ lines: [], problems: [] });

    const folder = await logsFolder({ 'main.1.log': numbered('older', 1, 3) });
    await mkdir(path.join(folder, 'main.log'));
    const tail = await readLogTail(folder, 50);
    expect(tail.problems).toEqual([{ file: 'main.log', code: 'EISDIR' }]);
    expect(tail.lines).toEqual(['older 1', 'older 2', 'older 3']);
  });

  it('reads a bounded amount of a file made of one endless line', async () => {
    const folder = await logsFolder({ 'main.log': `${'x'.repeat(300_000)}\nlast\n` });
    const tail = await readLogTail(folder, 50, { maxBytesPerFile: 100_000 });
    expect(tail.lines).toEqual(['last']);
  });
});
