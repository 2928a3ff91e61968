import { request, type Dispatcher } from 'undici';
import { AppError } from '../errors';

/** One HTTP request to a vendor. Headers and body may hold secrets: they are never logged. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Whole-request deadline, connect to last body byte. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** A vendor's raw answer. */
export interface HttpResponse {
  readonly status: number;
  readonly text: string;
  /** Response headers (lower-case names); e.g. `date` lets ITNIO's -16 say how far the clock is off. */
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}

/** Sends HTTP requests; the undici implementation below, or a fake in unit tests. */
export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Where a request went, safe for messages and logs (no query string, no credentials). */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(invalid address)';
  }
}

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (typeof current === 'object' && current !== null && 'code' in current) {
      const code = (current as { code: unknown }).code;
      if (typeof code === 'string') return code;
    }
    current =
      typeof current === 'object' && current !== null && 'cause' in current
        ? (current as { cause: unknown }).cause
        : null;
  }
  return '';
}

const TLS_CODES =
  /^(CERT_|ERR_TLS|ERR_SSL|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH|ERR_OSSL)/;

/** Turns a transport failure into an AppError that says what happened in words. */
export function transportError(
  error: unknown,
  target: string,
  timeoutMs: number,
  cancelled: boolean,
): AppError {
  const code = errorCode(error);
  const details = { target, cause: code || (error instanceof Error ? error.name : 'unknown') };
  if (cancelled) {
    return new AppError(
      'CANCELLED',
      { en: 'The request was cancelled.', 'zh-CN': '请求已取消。' },
      details,
    );
  }
  if (
    code === 'TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'ABORT_ERR' ||
    code === 'ETIMEDOUT'
  ) {
    const seconds = Math.round(timeoutMs / 100) / 10;
    return new AppError(
      'TIMEOUT',
      {
        en: `${target} did not answer within ${seconds} s. The server may be busy or the network slow; try again shortly.`,
        'zh-CN': `${target} 在 ${seconds} 秒内没有响应。服务器可能繁忙或网络较慢，请稍后重试。`,
      },
      details,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError(
      'NETWORK',
      {
        en: `The server name in ${target} could not be found. Check the address, and that this computer is online.`,
        'zh-CN': `找不到 ${target} 中的服务器名称。请检查地址，并确认本机已联网。`,
      },
      details,
    );
  }
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return new AppError(
      'NETWORK',
      {
        en: `Could not connect to ${target}: the server is unreachable or not accepting connections. Check the address and port, and your network.`,
        'zh-CN': `无法连接 ${target}：服务器不可达或未接受连接。请检查地址、端口和网络。`,
      },
      details,
    );
  }
  if (TLS_CODES.test(code)) {
    return new AppError(
      'NETWORK',
      {
        en: `The secure connection to ${target} failed (${code}). The server's certificate is not trusted by this computer, or the address is wrong.`,
        'zh-CN': `与 ${target} 的安全连接失败（${code}）。本机不信任该服务器的证书，或地址有误。`,
      },
      details,
    );
  }
  return new AppError(
    'NETWORK',
    {
      en: `The connection to ${target} was interrupted${code ? ` (${code})` : ''}. Nothing is known about the result; try again.`,
      'zh-CN': `与 ${target} 的连接中断${code ? `（${code}）` : ''}。结果未知，请重试。`,
    },
    details,
  );
}

/**
 * Sends one request with undici, with a deadline and cancellation, and reads the whole body.
 *
 * Every failure becomes an AppError (NETWORK, TIMEOUT, CANCELLED) whose message names the host
 * and path only, never headers or body.
 */
export function createUndiciSend(dispatcher?: Dispatcher): HttpSend {
  return async (req) => {
    const target = describeTarget(req.url);
    const deadline = AbortSignal.timeout(req.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
    try {
      const response = await request(req.url, {
        method: req.method,
        headers: req.headers ? { ...req.headers } : undefined,
        body: req.body,
        signal,
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
        maxRedirections: 0,
        ...(dispatcher ? { dispatcher } : {}),
      } as Parameters<typeof request>[1]);
      const declared = Number(response.headers['content-length'] ?? 0);
      if (declared > MAX_RESPONSE_BYTES) {
        response.body.destroy();
        throw new AppError(
          'VENDOR_UNAVAILABLE',
          {
            en: `${target} sent an answer larger than 32 MB, which the app refuses.`,
            'zh-CN': `${target} 返回的数据超过 32 MB，应用已拒绝。`,
          },
          { target },
        );
      }
      const text = await response.body.text();
      return { status: response.statusCode, text, headers: response.headers };
    } catch (error) {
      if (error instanceof AppError) throw error;
      const cancelled = req.signal?.aborted === true;
      const timedOut = deadline.aborted && !cancelled;
      throw transportError(
        timedOut ? Object.assign(new Error('timeout'), { code: 'TIMEOUT' }) : error,
        target,
        req.timeoutMs,
        cancelled,
      );
    }
  };
}

/** How reads are retried: attempts, backoff, and a sleep that honours cancellation. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The default for vendor reads: 3 attempts, 250 ms then 500 ms. */
export const READ_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 2_000 };

/** Sleeps, rejecting early with CANCELLED when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(
        new AppError('CANCELLED', { en: 'The request was cancelled.', 'zh-CN': '请求已取消。' }),
      );
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(
        new AppError('CANCELLED', { en: 'The request was cancelled.', 'zh-CN': '请求已取消。' }),
      );
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** True for failures a read may retry: network trouble, timeouts, and vendor 5xx. */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.code === 'NETWORK' || error.code === 'TIMEOUT' || error.code === 'VENDOR_UNAVAILABLE')
  );
}

/**
 * Runs a READ with exponential backoff. Never use it for calls that create something: those go
 * through the submissions journal, which reconciles before sending again (DESIGN.md).
 */
export async function retryRead<T>(
  run: () => Promise<T>,
  policy: RetryPolicy = READ_RETRY,
  signal?: AbortSignal,
): Promise<T> {
  const wait = policy.sleep ?? sleep;
  let attempt = 0;
  for (;;) {
    try {
      return await run();
    } catch (error) {
      attempt += 1;
      if (attempt >= policy.attempts || !isRetryable(error) || signal?.aborted) throw error;
      await wait(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)), signal);
    }
  }
}

/** A vendor answered with HTTP 5xx or a body that is not what the docs promise. */
export function httpStatusError(status: number, target: string): AppError {
  return new AppError(
    'VENDOR_UNAVAILABLE',
    {
      en: `${target} answered with an HTTP ${status} error. The vendor's service is having trouble; try again later.`,
      'zh-CN': `${target} 返回 HTTP ${status} 错误。服务商的服务出现问题，请稍后重试。`,
    },
    { target, status },
  );
}

/** Parses a JSON body, or explains that the vendor sent something else. */
export function parseJsonBody(text: string, target: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(
      'VENDOR_UNAVAILABLE',
      {
        en: `${target} sent an answer that is not valid JSON. The vendor's service may be failing or the address may point to something else.`,
        'zh-CN': `${target} 返回的内容不是有效的 JSON。服务商的服务可能出错，或地址指向了其他服务。`,
      },
      { target, length: text.length },
    );
  }
}
