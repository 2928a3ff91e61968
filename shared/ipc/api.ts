import type { ChannelName, EventName } from './names';
import { isChannelName, isEventName } from './names';
import type { Result } from './errors';
import type { EventPayloadOf, RequestOf, ResponseOf } from './contract';

/**
 * The whole surface the renderer sees as `window.api`.
 *
 * The Electron preload and the browser test host both build it with `createApi`, so the two
 * cannot drift apart.
 */
export interface CampaignDeskApi {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}

/** How a concrete host moves requests and events (ipcRenderer, or HTTP over loopback). */
export interface ApiTransport {
  invoke(channel: ChannelName, request: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the renderer API over a transport, refusing any channel or event outside the contract.
 *
 * The refusal happens before anything reaches the transport (Element Desktop's preload
 * allow-list); main validates again, because a compromised renderer could bypass this layer.
 */
export function createApi(transport: ApiTransport): CampaignDeskApi {
  const api: CampaignDeskApi = {
    async invoke(channel, request) {
      if (!isChannelName(channel)) {
        return {
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `"${String(channel)}" is not a channel.` },
        };
      }
      return (await transport.invoke(channel, request)) as never;
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`"${String(event)}" is not an event.`);
      if (typeof listener !== 'function') throw new Error('An event listener must be a function.');
      return transport.subscribe(event, (payload) => listener(payload as never));
    },
  };
  return Object.freeze(api);
}
