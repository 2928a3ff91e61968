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

/** Said for a failure that carries no message written for a person, in the page's language. */
const UNEXPECTED = {
  en: 'Something unexpected went wrong in this window and the action did not finish. Try again; if it happens again, restart Campaign Desk.',
  'zh-CN': '此窗口中发生了意外错误，操作未完成。请重试；如果再次出现，请重新启动 Campaign Desk。',
} as const;

const NO_CONNECTION = {
  en: 'This window has lost its connection to Campaign Desk. Restart Campaign Desk.',
  'zh-CN': '此窗口与 Campaign Desk 的连接已断开。请重新启动 Campaign Desk。',
} as const;

/** The page's language as the shell set it (`<html lang>`). */
function pageText(text: { readonly en: string; readonly 'zh-CN': string }): string {
  return document.documentElement.lang.toLowerCase().startsWith('zh') ? text['zh-CN'] : text.en;
}

/**
 * What to show a person for a failed call: main's message, written for a person. Any other
 * failure (a bug or a broken transport in this window) says so in the app's words; its own
 * developer text is never shown.
 */
export function errorMessage(error: unknown): string {
  return error instanceof IpcCallError ? error.message : pageText(UNEXPECTED);
}

function api(): CampaignDeskApi {
  if (!window.api) throw new IpcCallError('INTERNAL', pageText(NO_CONNECTION));
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
