/**
 * The browser test host's `window.api`: the same `createApi` the Electron preload uses, over a
 * loopback HTTP transport instead of ipcRenderer. Bundled by the host at start-up.
 */
import { createApi } from '../../shared/ipc/api';

const script = document.currentScript;
const token = script?.getAttribute('data-token') ?? '';

// One event stream for every subscription: browsers allow only six HTTP/1.1 connections per
// host, so a stream per listener would soon starve the invoke requests.
const listeners = new Set<{ event: string; listener: (payload: unknown) => void }>();
let stream: EventSource | null = null;
function ensureStream(): void {
  if (stream) return;
  stream = new EventSource(`/__host/events?token=${encodeURIComponent(token)}`);
  stream.addEventListener('message', (message: MessageEvent<string>) => {
    const parsed = JSON.parse(message.data) as { event: unknown; payload: unknown };
    for (const entry of listeners) if (entry.event === parsed.event) entry.listener(parsed.payload);
  });
}

const api = createApi({
  async invoke(channel, request) {
    const response = await fetch('/__host/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-campaign-desk-token': token },
      body: JSON.stringify({ channel, request: request === undefined ? null : request }),
    });
    return (await response.json()) as unknown;
  },
  subscribe(event, listener) {
    listeners.add({ event, listener });
    ensureStream();
    return () => {
      for (const entry of listeners)
        if (entry.listener === listener && entry.event === event) listeners.delete(entry);
    };
  },
});

Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
