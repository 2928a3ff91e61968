import type { z } from 'zod';
import { channels, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { isChannelName, type ChannelName } from '../../shared/ipc/names';
import type { IpcError, Result } from '../../shared/ipc/errors';
import type { Locale, LocalizedText } from '../../shared/domain/locale';
import { AppError } from '../services/errors';
import type { Logger } from '../ports';
import { scrubText } from '../services/logging/scrub';
import { invalidRequestText } from './issue-words';
import { REQUEST_LIMITS, shapeProblem, type ShapeProblem } from './request-shape';

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

/** Where and which kind of problem, for the log and for code to react to; never zod's words. */
function issueSummary(error: z.ZodError): { path: string[]; code: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.slice(0, 10).map((part) => String(part).slice(0, 40)),
    code: issue.code,
  }));
}

function invalidInput(
  schema: z.ZodType,
  input: unknown,
  error: z.ZodError,
  locale: Locale,
): IpcError {
  return {
    code: 'INVALID_INPUT',
    // The field and the rule in the app's own words; no channel name, no schema library text.
    message: invalidRequestText(schema, input, error, locale),
    details: { issues: issueSummary(error) },
  };
}

const SHAPE_TEXT = {
  'too-deep': {
    en: `It is nested more than ${REQUEST_LIMITS.depth} levels deep.`,
    'zh-CN': `其嵌套层级超过 ${REQUEST_LIMITS.depth} 层。`,
  },
  'too-many-values': {
    en: `It holds more than ${REQUEST_LIMITS.values.toLocaleString('en')} values.`,
    'zh-CN': `其包含的值超过 ${REQUEST_LIMITS.values.toLocaleString('en')} 个。`,
  },
  'too-much-text': {
    en: `It holds more than ${REQUEST_LIMITS.characters.toLocaleString('en')} characters of text.`,
    'zh-CN': `其文本超过 ${REQUEST_LIMITS.characters.toLocaleString('en')} 个字符。`,
  },
} as const satisfies Record<NonNullable<ShapeProblem>, LocalizedText>;

function badShape(problem: NonNullable<ShapeProblem>, locale: Locale): IpcError {
  return {
    code: 'INVALID_INPUT',
    message:
      locale === 'zh-CN'
        ? `请求的内容无效，未做任何更改。${SHAPE_TEXT[problem]['zh-CN']}`
        : `The request was not valid, so nothing was changed. ${SHAPE_TEXT[problem].en}`,
    details: { shape: problem },
  };
}

function internalError(locale: Locale): IpcError {
  return {
    code: 'INTERNAL',
    message:
      locale === 'zh-CN'
        ? '发生了意外错误，操作未完成。详情已写入日志。'
        : 'Something unexpected went wrong and the action did not finish. The details are in the log.',
  };
}

/** What the log keeps of an error that is not an AppError: its name and its scrubbed message. */
function describeUnexpected(error: unknown): { readonly name: string; readonly message: string } {
  if (error instanceof Error) {
    return { name: error.name, message: scrubText(error.message) };
  }
  return { name: typeof error, message: scrubText(String(error)) };
}

/** Logs without ever throwing: a failing logger must not take the envelope with it. */
function logSafely(log: () => void): void {
  try {
    log();
  } catch {
    // The answer still goes back; JsonLinesLogger itself never throws.
  }
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
    let lang: Locale = 'en';
    // Everything below is inside the try: no request, however malformed, escapes the envelope.
    try {
      lang = locale();
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
      const problem = shapeProblem(rawRequest);
      if (problem) {
        logger.warn('IPC request refused by its shape', { channel, problem });
        return { ok: false, error: badShape(problem, lang) };
      }
      const spec = channels[channel];
      // reportInput lets describeIssue name the wrong type; inputs never reach the log or details.
      const parsed = spec.request.safeParse(rawRequest, { reportInput: true });
      if (!parsed.success) {
        logger.warn('IPC request rejected by schema', {
          channel,
          issues: parsed.error.issues.length,
        });
        return { ok: false, error: invalidInput(spec.request, rawRequest, parsed.error, lang) };
      }
      const handler = handlers[channel] as (
        request: unknown,
        context: HandlerContext,
      ) => Promise<unknown>;
      const value = await handler(parsed.data, context);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        logger.error('IPC handler answered outside its schema', {
          channel,
          issues: issueSummary(checked.error),
        });
        throw new AppError('INTERNAL', {
          en: 'Campaign Desk produced an answer it could not check. Nothing was sent to the screen; please report this.',
          'zh-CN': 'Campaign Desk 生成了无法校验的结果，未显示到界面。请报告此问题。',
        });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) {
        if (error.code === 'INTERNAL') {
          logSafely(() => logger.error(error.message, { channel, ...error.details }));
        }
        return { ok: false, error: error.toIpcError(lang) };
      }
      // A plain error's message may quote a request, a path or a URL: name and scrubbed text only.
      logSafely(() =>
        logger.error('IPC handler failed', {
          channel: isChannelName(channel) ? channel : 'unknown',
          error: describeUnexpected(error),
        }),
      );
      return { ok: false, error: internalError(lang) };
    }
  };
}
