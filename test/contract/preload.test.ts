import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_CHANNEL, EVENT_NAMES, INVOKE_CHANNEL } from '../../shared/ipc/names';
import type { CampaignDeskApi } from '../../shared/ipc/api';

// The preload is loaded with a recording stand-in for electron, so the test sees exactly what it
// exposes and what it forwards to ipcRenderer.
const exposed = new Map<string, unknown>();
const invoked: unknown[][] = [];
const subscribed: string[] = [];

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: {} };
    },
    on: (channel: string) => subscribed.push(channel),
    removeListener: () => undefined,
  },
}));

async function loadApi(): Promise<CampaignDeskApi> {
  await import('../../main/preload/index');
  const api = exposed.get('api') as CampaignDeskApi | undefined;
  if (!api) throw new Error('the preload exposed no api');
  return api;
}

describe('the preload', () => {
  beforeEach(() => {
    invoked.length = 0;
    subscribed.length = 0;
  });

  it('exposes one frozen object, window.api, with only invoke and on', async () => {
    const api = await loadApi();
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards every contract channel, and only those, to the invoke channel', async () => {
    const api = await loadApi();
    for (const channel of CHANNEL_NAMES) await api.invoke(channel, {} as never);
    expect(invoked.map((args) => args[1])).toEqual([...CHANNEL_NAMES]);
    expect(invoked.every((args) => args[0] === INVOKE_CHANNEL)).toBe(true);

    invoked.length = 0;
    for (const channel of ['secrets.read', 'app.quit', '', '__proto__']) {
      const result = await api.invoke(channel as never, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(invoked).toEqual([]);
  });

  it('subscribes to contract events only', async () => {
    const api = await loadApi();
    for (const event of EVENT_NAMES) api.on(event, () => undefined);
    expect(subscribed.every((channel) => channel === EVENT_CHANNEL)).toBe(true);
    expect(subscribed.length).toBe(EVENT_NAMES.length);
    expect(() => api.on('tasks.secretLeaked' as never, () => undefined)).toThrow(/not an event/);
  });
});
