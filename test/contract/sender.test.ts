import { describe, expect, it } from 'vitest';
import { registerIpc, type IpcMainLike } from '../../main/ipc/register';
import { APP_ORIGIN, type SenderEvent } from '../../main/ipc/sender';
import { INVOKE_CHANNEL } from '../../shared/ipc/names';
import { testCore } from '../fakes/core';
import { MemoryLogger } from '../fakes/memory-logger';

type Listener = (event: SenderEvent, ...args: unknown[]) => unknown;

function fakeIpcMain(): IpcMainLike & { listener: () => Listener } {
  const listeners = new Map<string, Listener>();
  return {
    handle: (channel, listener) => void listeners.set(channel, listener),
    removeHandler: (channel) => void listeners.delete(channel),
    listener: () => {
      const found = listeners.get(INVOKE_CHANNEL);
      if (!found) throw new Error('no handler registered');
      return found;
    },
  };
}

function eventFrom(url: string | null, options: { subFrame?: boolean } = {}): SenderEvent {
  const mainFrame = { url: url ?? '' };
  const senderFrame = url === null ? null : options.subFrame ? { url } : mainFrame;
  return { senderFrame, sender: { mainFrame } };
}

describe('IPC sender check (Electron security checklist 17)', () => {
  const { core } = testCore();
  const ipc = fakeIpcMain();
  const logger = new MemoryLogger();
  registerIpc(ipc, core.dispatch, { trustedOrigins: [APP_ORIGIN], locale: () => 'en', logger });
  const invoke = (event: SenderEvent) => ipc.listener()(event, 'app.info', {}) as Promise<unknown>;

  it('answers the main frame of the app origin', async () => {
    expect(await invoke(eventFrom('app://campaign-desk/index.html#/tasks'))).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['a foreign https origin', eventFrom('https://evil.example/index.html')],
    ['a file:// page', eventFrom('file:///tmp/index.html')],
    ['another app:// host', eventFrom('app://other/index.html')],
    [
      'a sub-frame of the app origin',
      eventFrom('app://campaign-desk/frame.html', { subFrame: true }),
    ],
    ['a destroyed frame', eventFrom(null)],
  ])('refuses %s', async (_label, event) => {
    expect(await invoke(event)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('logs refusals without the request body', async () => {
    const before = logger.lines.length;
    await ipc.listener()(eventFrom('https://evil.example/'), 'settings.update', {
      patch: { theme: 'TOPSECRET' },
    });
    expect(logger.lines.length).toBe(before + 1);
    expect(logger.text()).not.toContain('TOPSECRET');
  });
});
