import { INVOKE_CHANNEL } from '../../shared/ipc/names';
import type { Result } from '../../shared/ipc/errors';
import type { Locale } from '../../shared/domain/locale';
import type { Logger } from '../ports';
import type { Dispatch } from './dispatch';
import { isTrustedSender, type SenderEvent } from './sender';

/** The part of Electron's `ipcMain` this module uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/**
 * Registers the single invoke channel: sender check → schema parse → handler → envelope.
 *
 * Requests are `(channel, request)`; the request is one object, never positional arguments.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  options: { trustedOrigins: readonly string[]; locale: () => Locale; logger: Logger },
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel, request): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, options.trustedOrigins)) {
      options.logger.warn('IPC request from an untrusted sender refused', {
        channel: typeof channel === 'string' ? channel : typeof channel,
        url: event.senderFrame?.url ?? null,
      });
      return {
        ok: false,
        error: {
          code: 'UNTRUSTED_SENDER',
          message:
            options.locale() === 'zh-CN'
              ? '请求来自不受信任的页面，已拒绝。'
              : 'The request came from a page the app does not trust and was refused.',
        },
      };
    }
    // Electron has no per-request cancellation for invoke; the signal never aborts here.
    return dispatch(channel, request, { signal: new AbortController().signal });
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
