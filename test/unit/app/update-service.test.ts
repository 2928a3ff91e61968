import { describe, expect, it } from 'vitest';
import { UpdateStateSchema } from '../../../shared/domain/update';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { UPDATE_CHECK_INTERVAL_MS, UpdateService } from '../../../main/services/app/update-service';
import { ManualScheduler } from '../../fakes/manual-scheduler';
import { MemoryLogger } from '../../fakes/memory-logger';
import { ScriptedUpdater } from '../../fakes/scripted-updater';

const HOUR = 60 * 60 * 1_000;

function setup(updater = new ScriptedUpdater()) {
  const clock = new ManualClock();
  const scheduler = new ManualScheduler(clock);
  const service = new UpdateService({ updater, scheduler, clock, logger: new MemoryLogger() });
  const seen: string[] = [];
  service.onChange((state) => {
    // Every state the window is sent is one the contract accepts.
    expect(UpdateStateSchema.safeParse(state).success).toBe(true);
    seen.push(state.state);
  });
  return { clock, scheduler, service, updater, seen };
}

describe('the update service', () => {
  it('checks at start, then every 24 hours, and not in between', async () => {
    const { scheduler, service, updater } = setup();
    expect(updater.checks).toBe(0);
    service.start();
    await scheduler.advance(0);
    expect(updater.checks).toBe(1);
    expect(service.state()).toEqual({ state: 'idle', checkedAt: '2026-01-05T09:00:00.000Z' });

    await scheduler.advance(23 * HOUR);
    expect(updater.checks).toBe(1);
    await scheduler.advance(1 * HOUR);
    expect(updater.checks).toBe(2);
    expect(service.state()).toEqual({ state: 'idle', checkedAt: '2026-01-06T09:00:00.000Z' });
    await scheduler.advance(2 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(4);
  });

  it('goes checking → downloading (with progress) → ready, and says which version is ready', async () => {
    const updater = new ScriptedUpdater();
    updater.onCheck = [
      { kind: 'checking' },
      { kind: 'available', version: '1.2.0' },
      { kind: 'progress', percent: 42.5 },
    ];
    const { scheduler, service, seen } = setup(updater);
    service.start();
    await scheduler.advance(0);
    expect(service.state()).toEqual({ state: 'downloading', version: '1.2.0', percent: 42.5 });
    updater.emit({ kind: 'downloaded', version: '1.2.0' });
    expect(service.state()).toEqual({ state: 'ready', version: '1.2.0' });
    expect(seen).toEqual(['checking', 'downloading', 'downloading', 'ready']);
  });

  it('never installs without the person’s click: not when ready, not on later checks', async () => {
    const updater = new ScriptedUpdater();
    updater.onCheck = [{ kind: 'checking' }, { kind: 'available', version: '1.2.0' }];
    const { scheduler, service } = setup(updater);
    service.start();
    await scheduler.advance(0);
    updater.emit({ kind: 'downloaded', version: '1.2.0' });
    // A week passes with the notice showing: no install, and no new check that could replace
    // the verified download under the person's eyes.
    await scheduler.advance(7 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.installs).toBe(0);
    expect(updater.checks).toBe(1);
    expect(service.state()).toEqual({ state: 'ready', version: '1.2.0' });

    await service.installAndRestart();
    expect(updater.installs).toBe(1);
    expect(service.state()).toEqual({ state: 'installing', version: '1.2.0' });
  });

  it('refuses Restart when no update is ready, in words', async () => {
    const { service, updater } = setup();
    await expect(service.installAndRestart()).rejects.toMatchObject({
      code: 'CONFLICT',
      text: { en: expect.stringMatching(/no downloaded update/) },
    });
    expect(updater.installs).toBe(0);
  });

  it('reports a refused signature in words, and keeps checking daily', async () => {
    const updater = new ScriptedUpdater();
    updater.onCheck = [
      { kind: 'checking' },
      { kind: 'available', version: '1.2.0' },
      { kind: 'failed', failure: 'signature', version: '1.2.0', detail: 'bad-signature' },
    ];
    const { scheduler, service } = setup(updater);
    service.start();
    await scheduler.advance(0);
    const state = service.state();
    expect(state).toMatchObject({ state: 'error', failure: 'signature', version: '1.2.0' });
    if (state.state !== 'error') return;
    expect(state.message.en).toMatch(
      /1\.2\.0.*refused.*signature does not verify.*nothing was installed/,
    );
    expect(state.message['zh-CN']).toMatch(/1\.2\.0.*拒绝安装.*签名.*未安装任何内容/);
    await expect(service.installAndRestart()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(updater.installs).toBe(0);

    updater.onCheck = [{ kind: 'checking' }, { kind: 'not-available' }];
    await scheduler.advance(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    expect(service.state()).toMatchObject({ state: 'idle' });
  });

  it('says what an unreachable server, a broken download and a failed install mean', async () => {
    const updater = new ScriptedUpdater();
    updater.onCheck = [
      { kind: 'checking' },
      { kind: 'failed', failure: 'network', version: null, detail: 'ENOTFOUND' },
    ];
    const { scheduler, service } = setup(updater);
    service.start();
    await scheduler.advance(0);
    expect(service.state()).toMatchObject({
      state: 'error',
      failure: 'network',
      version: null,
      message: { en: expect.stringMatching(/could not reach its update server/) },
    });

    updater.onCheck = [
      { kind: 'checking' },
      { kind: 'available', version: '1.3.0' },
      { kind: 'failed', failure: 'download', version: '1.3.0', detail: 'ERR_CHECKSUM_MISMATCH' },
    ];
    await scheduler.advance(UPDATE_CHECK_INTERVAL_MS);
    expect(service.state()).toMatchObject({
      failure: 'download',
      message: { en: expect.stringMatching(/version 1\.3\.0 broke off or did not match/) },
    });

    updater.onCheck = [{ kind: 'checking' }, { kind: 'available', version: '1.3.0' }];
    updater.onInstall = [
      { kind: 'failed', failure: 'install', version: '1.3.0', detail: 'spawn EACCES' },
    ];
    await scheduler.advance(UPDATE_CHECK_INTERVAL_MS);
    updater.emit({ kind: 'downloaded', version: '1.3.0' });
    await service.installAndRestart();
    expect(service.state()).toMatchObject({
      state: 'error',
      failure: 'install',
      message: { 'zh-CN': expect.stringMatching(/无法启动版本 1\.3\.0 的安装程序/) },
    });
  });

  it('is off, and never checks, when this copy cannot update itself', async () => {
    const updater = new ScriptedUpdater('no-key');
    const { scheduler, service } = setup(updater);
    service.start();
    await scheduler.advance(3 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(0);
    expect(service.state()).toEqual({ state: 'off', reason: 'no-key' });
  });

  it('stops checking when the app quits', async () => {
    const { scheduler, service, updater } = setup();
    service.start();
    await scheduler.advance(0);
    service.stop();
    await scheduler.advance(3 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(1);
    expect(scheduler.pending).toBe(0);
  });
});
