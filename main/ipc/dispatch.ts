import type { z } from 'zod';
import { channels, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { isChannelName, type ChannelName } from '../../shared/ipc/names';
import type { IpcError, Result } from '../../shared/ipc/errors';
import type { Locale } from '../../shared/domain/locale';
import { AppError } from '../services/errors';
import type { Logger } from '../ports';

/** What every handler may know about the call besides the request. */
export interface HandlerContext {
  /** Aborted when the caller goes away (window closed, host request cancelled). */
  readonly signal: AbortSignal;
}

/**
 * One handler per contract channel.
 *
 * A mapped type over `ChannelName`: leaving a channel without a handler fails the type-check.
 */
export type Handlers = {
  readonly [C in ChannelName]: (
    request: ParsedRequestOf<C>,
    context: HandlerContext,
  ) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/** Runs a raw request from any transport through validation, the handler, and the envelope. */
export type Dispatch = (
  channel: unknown,
  request: unknown,
  context: HandlerContext,
) => Promise<Result<unknown>>;

const MAX_ISSUES_SHOWN = 5;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, MAX_ISSUES_SHOWN)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'request';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

function invalidInput(channel: string, error: z.ZodError, locale: Locale): IpcError {
  const issues = describeIssues(error);
  const message =
    locale === 'zh-CN'
      ? `请求“${channel}”的内容无效，未做任何更改。${issues}`
      : `The request "${channel}" was not valid, so nothing was changed. ${issues}`;
  return {
    code: 'INVALID_INPUT',
    message,
    details: {
      issues: error.issues.slice(0, 20).map((issue) => ({
        path: issue.path.map(String),
        code: issue.code,
        message: issue.message,
      })),
    },
  };
}

/**
 * Builds the dispatcher shared by Electron's `ipcMain` and the browser test host.
 *
 * Signal Desktop's rule: parse `unknown` at the trust boundary, never cast. The response is
 * parsed too, so a handler bug (or a field that should not cross, such as a secret) cannot
 * reach the renderer unnoticed: schemas are strict objects and unknown fields fail here.
 */
export function createDispatcher(
  handlers: Handlers,
  locale: () => Locale,
  logger: Logger,
): Dispatch {
  return async (channel, rawRequest, context) => {
    const lang = locale();
    if (!isChannelName(channel)) {
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_CHANNEL',
          message:
            lang === 'zh-CN'
              ? '应用收到一个未知的请求，已拒绝。'
              : 'The app received a request it does not know and refused it.',
        },
      };
    }
    const spec = channels[channel];
    const parsed = spec.request.safeParse(rawRequest);
    if (!parsed.success) {
      logger.warn('IPC request rejected by schema', {
        channel,
        issues: parsed.error.issues.length,
      });
      return { ok: false, error: invalidInput(channel, parsed.error, lang) };
    }
    try {
      const handler = handlers[channel] as (
        request: unknown,
        context: HandlerContext,
      ) => Promise<unknown>;
      const value = await handler(parsed.data, context);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        logger.error('IPC handler answered outside its schema', {
          channel,
          issues: describeIssues(checked.error),
        });
        throw new AppError('INTERNAL', {
          en: 'Campaign Desk produced an answer it could not check. Nothing was sent to the screen; please report this.',
          'zh-CN': 'Campaign Desk 生成了无法校验的结果，未显示到界面。请报告此问题。',
        });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) {
        if (error.code === 'INTERNAL') logger.error(error.message, { channel, ...error.details });
        return { ok: false, error: error.toIpcError(lang) };
      }
      logger.error('IPC handler failed', {
        channel,
        error: error instanceof Error ? error.message : String(error),
      });
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message:
            lang === 'zh-CN'
              ? '发生了意外错误，操作未完成。详情已写入日志。'
              : 'Something unexpected went wrong and the action did not finish. The details are in the log.',
        },
      };
    }
  };
}
