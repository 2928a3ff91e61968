import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/ipc/names';
import { JsonLinesLogger } from '../../../main/services/logging/logger';
import { noSignal, testCore } from '../../fakes/core';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A data folder whose log file sits on a full disk (/dev/full answers writes with ENOSPC). */
async function fullDiskFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-notice-'));
  folders.push(folder);
  await mkdir(path.join(folder, 'logs'));
  await symlink('/dev/full', path.join(folder, 'logs', 'main.log'));
  return folder;
}

describe.runIf(process.platform === 'linux' && existsSync('/dev/full'))(
  'the notice that the log file stopped working',
  () => {
    it('reaches the renderer as an event and stays until dismissed', async () => {
      const stderr: string[] = [];
      const logger = await JsonLinesLogger.open(await fullDiskFolder(), {
        fallback: (line) => stderr.push(line),
      });
      const { core } = testCore('en-US', { logControl: logger });
      const sent: { event: EventName; payload: unknown }[] = [];
      core.events.attach((event, payload) => sent.push({ event, payload }));
      expect(await core.dispatch('app.logNotice', {}, noSignal)).toEqual({
        ok: true,
        value: { notice: null },
      });

      logger.info('the first line after start');
      await logger.flush();

      const notice = { at: expect.any(String), reason: 'disk-full' };
      expect(sent).toContainEqual({ event: 'app.logNoticeChanged', payload: { notice } });
      // A window opened later asks, and gets it too.
      expect(await core.dispatch('app.logNotice', {}, noSignal)).toEqual({
        ok: true,
        value: { notice },
      });
      expect(stderr.join('')).toContain('the first line after start');

      expect(await core.dispatch('app.dismissLogNotice', {}, noSignal)).toEqual({
        ok: true,
        value: {},
      });
      expect(await core.dispatch('app.logNotice', {}, noSignal)).toEqual({
        ok: true,
        value: { notice: null },
      });
      expect(sent.at(-1)).toEqual({ event: 'app.logNoticeChanged', payload: { notice: null } });
      await core.close();
      await logger.close();
    });

    it('is there from the start when the log failed before the core was built', async () => {
      const logger = await JsonLinesLogger.open(await fullDiskFolder(), {
        fallback: () => undefined,
      });
      logger.warn('written before the core existed');
      await logger.flush();
      const { core } = testCore('en-US', { logControl: logger });
      expect(await core.dispatch('app.logNotice', {}, noSignal)).toMatchObject({
        ok: true,
        value: { notice: { reason: 'disk-full' } },
      });
      await core.close();
      await logger.close();
    });
  },
);
