import { useEffect } from 'react';
import type { CampaignDeskApi } from '../../shared/ipc/api';
import type { EventPayloadOf, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { ErrorCode } from '../../shared/ipc/errors';
import type { ChannelName, EventName } from '../../shared/ipc/names';

declare global {
  interface Window {
    readonly api?: CampaignDeskApi;
  }
}

/** A failed call: the code and the message main wrote for a person. */
export class IpcCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcCallError';
  }
}

/** What to show a person for a failed call: main's message, or the error's own text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function api(): CampaignDeskApi {
  if (!window.api) {
    throw new IpcCallError(
      'INTERNAL',
      'The connection to Campaign Desk is missing (no window.api).',
    );
  }
  return window.api;
}

/** Calls a channel and returns its value, or throws IpcCallError with main's message. */
export async function call<C extends ChannelName>(
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await api().invoke(channel, request);
  if (!result.ok) throw new IpcCallError(result.error.code, result.error.message);
  return result.value;
}

/** Subscribes to a push event for the lifetime of the component. */
export function useEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayloadOf<E>) => void,
): void {
  useEffect(() => api().on(event, listener), [event, listener]);
}
