import { request, type Dispatcher } from 'undici';
import { AppError } from '../errors';
import type { RouteFor } from './proxy-router';

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

/** The largest vendor answer the app reads: bytes actually received, whatever the headers say. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Marks the answer-too-large error in `details`: retrying would only read 32 MB again. */
const TOO_LARGE = 'response-too-large';

function tooLarge(target: string, readBytes: number): AppError {
  // VENDOR_UNAVAILABLE, not LIMIT_EXCEEDED: for a write, the request did reach the vendor, so
  // the outbox must treat its outcome as unknown and reconcile before sending again.
  return new AppError(
    'VENDOR_UNAVAILABLE',
    {
      en: `${target} sent an answer larger than 32 MB, which the app refuses; it stopped reading there. The address may point to something other than the vendor's API.`,
      'zh-CN': `${target} 返回的数据超过 32 MB，应用已拒绝并停止读取。该地址可能指向的不是服务商的 API。`,
    },
    { target, reason: TOO_LARGE, readBytes, limitBytes: MAX_RESPONSE_BYTES },
  );
}

/**
 * Reads a body to the end, counting the bytes that actually arrive (a chunked answer declares
 * no length); past the cap the body is destroyed, which aborts the connection.
 */
async function readCapped(
  body: AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown },
  target: string,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let read = 0;
  for await (const chunk of body) {
    read += chunk.byteLength;
    if (read > MAX_RESPONSE_BYTES) {
      body.destroy();
      throw tooLarge(target, read);
    }
    chunks.push(chunk);
  }
  // TextDecoder drops a leading BOM, as undici's body.text() does.
  return new TextDecoder().decode(Buffer.concat(chunks, read));
}

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
  proxy?: string,
): AppError {
  const code = errorCode(error);
  const details = {
    target,
    cause: code || (error instanceof Error ? error.name : 'unknown'),
    ...(proxy ? { proxy } : {}),
  };
  if (proxy && !cancelled) {
    const refused = proxyRefusal(error, target, proxy, details);
    if (refused) return refused;
  }
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
  if (
    proxy &&
    (code === 'ENOTFOUND' ||
      code === 'EAI_AGAIN' ||
      code === 'ECONNREFUSED' ||
      code === 'EHOSTUNREACH' ||
      code === 'ENETUNREACH')
  ) {
    // Through a proxy, the only connection this computer opens is the one to the proxy.
    return new AppError(
      'NETWORK',
      {
        en: `Could not reach the proxy ${proxy} (${code}) to connect to ${target}. Check the proxy settings (Settings → Network), or ask your IT department.`,
        'zh-CN': `无法连接代理 ${proxy}（${code}），因此无法访问 ${target}。请检查代理设置（设置 → 网络），或联系您的 IT 部门。`,
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

/** The proxy's HTTP status when it refused a request (407: it wants credentials). */
function proxyStatus(error: unknown): number | null {
  const message = error instanceof Error ? error.message : '';
  const match = /Proxy response \((\d{3})\)|Proxy Authentication Required \((\d{3})\)/.exec(
    message,
  );
  return match ? Number(match[1] ?? match[2]) : null;
}

function proxyRefusal(
  error: unknown,
  target: string,
  proxy: string,
  details: Readonly<Record<string, unknown>>,
): AppError | null {
  const status = proxyStatus(error);
  if (status === null) return null;
  if (status === 407) {
    return new AppError(
      'NETWORK',
      {
        en: `The proxy ${proxy} asks for a user name and password, or refused the ones saved. Check them in Settings → Network.`,
        'zh-CN': `代理 ${proxy} 要求提供用户名和密码，或拒绝了已保存的用户名和密码。请在“设置 → 网络”中检查。`,
      },
      { ...details, proxyStatus: status },
    );
  }
  return new AppError(
    'NETWORK',
    {
      en: `The proxy ${proxy} refused to connect to ${target} (HTTP ${status}). The proxy may block this address; ask your IT department.`,
      'zh-CN': `代理 ${proxy} 拒绝连接 ${target}（HTTP ${status}）。代理可能屏蔽了该地址，请联系您的 IT 部门。`,
    },
    { ...details, proxyStatus: status },
  );
}

/** How {@link createUndiciSend} reaches vendors. */
export interface UndiciSendOptions {
  /** Picks a proxy per request (the ProxyRouter); absent or null: a direct connection. */
  readonly route?: RouteFor;
  /** A fixed dispatcher for every direct request (tests). */
  readonly dispatcher?: Dispatcher;
}

/**
 * Sends one request with undici, with a deadline and cancellation, and reads the whole body
 * (at most {@link MAX_RESPONSE_BYTES} of it), directly or through the proxy the route names.
 *
 * Every failure becomes an AppError (NETWORK, TIMEOUT, CANCELLED) whose message names the host
 * and path only (and the proxy's host and port), never headers, body or credentials.
 */
export function createUndiciSend(options: UndiciSendOptions = {}): HttpSend {
  return async (req) => {
    const target = describeTarget(req.url);
    const deadline = AbortSignal.timeout(req.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
    let proxy: string | undefined;
    try {
      const route = options.route ? await options.route(req.url) : null;
      proxy = route?.proxy;
      const dispatcher = route?.dispatcher ?? options.dispatcher;
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
        throw tooLarge(target, 0);
      }
      const text = await readCapped(response.body, target);
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
        proxy,
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
    (error.code === 'NETWORK' || error.code === 'TIMEOUT' || error.code === 'VENDOR_UNAVAILABLE') &&
    error.details?.['reason'] !== TOO_LARGE &&
    error.details?.['proxyStatus'] === undefined
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
