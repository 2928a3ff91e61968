import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/ipc/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/names';

// Sandboxed preload: bundled into one CommonJS file; exposes only the contract's channels and
// events (Element Desktop's allow-list), never ipcRenderer itself.
const api = createApi({
  invoke: (channel, request) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, request),
  subscribe: (event, listener) => {
    const handler = (_: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('api', api);
