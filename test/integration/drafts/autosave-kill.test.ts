import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftsService } from '../../../main/services/drafts/drafts-service';
import { SeededRandom } from '../../../main/services/sandbox/sim-kit';
import { openDatabase } from '../../../main/services/storage/database';

const CHILD = join(import.meta.dirname, '../../../scripts/draft-autosave-child.ts');
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'draft-kill-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Runs the autosave loop and SIGKILLs it after a random number of saves. */
async function killDuringAutosave(file: string, savesBeforeKill: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, DRAFTS_DB: file },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve) => {
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      lines += chunk
        .toString()
        .split('\n')
        .filter((line) => line.startsWith('saved')).length;
      if (lines >= savesBeforeKill) resolve();
    });
  });
  child.kill('SIGKILL');
  await exited;
}

describe('a draft survives the app being killed during autosave', () => {
  it('after each of 5 kills the draft opens whole: every field from the same save', async () => {
    const file = join(folder, 'drafts.db');
    const random = new SeededRandom(99);
    let last = 0;
    for (let kill = 0; kill < 5; kill += 1) {
      await killDuringAutosave(file, random.int(1, 4));
      const db = openDatabase(file);
      const drafts = new DraftsService({
        db,
        clock: { now: () => Date.now() },
        lists: { summary: async () => null, rows: async function* () {}, callees: () => [] },
      });
      const [summary] = drafts.list();
      const draft = drafts.get(summary?.id ?? '');
      expect(draft.notes).toBe(`rev ${draft.revision}`);
      expect(draft.settings).toEqual({
        marker: draft.revision,
        blob: `${'x'.repeat(4_000)}${draft.revision}`,
      });
      expect(summary?.revision).toBe(draft.revision);
      expect(draft.revision).toBeGreaterThan(last);
      last = draft.revision;
      db.close();
    }
  }, 60_000);
});
