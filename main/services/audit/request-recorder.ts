import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { parseFormBody } from '../sandbox/yccall/form-parser';
import { describeTarget, type HttpRequest, type HttpSend } from '../vendors/http';

/** One request and its answer, as the audit trail keeps it (never a secret). */
export interface RecordedExchange {
  readonly method: string;
  /** Scheme, host and path only: no query string, no credentials. */
  readonly target: string;
  /** The body's fields (JSON or form), secrets replaced, long values summarised by hash. */
  readonly request: unknown;
  readonly status: number | null;
  readonly response: unknown;
  /** Set when no answer came (reset, timeout): the error code. */
  readonly failure: string | null;
}

const SECRET_KEY = /secret|token|accesskey|access_key|password|passwd|^sign$|api-?key/i;
const LONG = 2_048;
const decoder = new TextDecoder();

function summarise(text: string): string {
  const hash = createHash('sha256').update(text).digest('hex');
  return `[${text.length} characters, sha256 ${hash}]`;
}

/** Replaces secret-looking keys and summarises long strings, at any depth. */
function scrub(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[nested too deep]';
  if (typeof value === 'string') return value.length > LONG ? summarise(value) : value;
  if (Array.isArray(value)) {
    return value.length > 200
      ? summarise(JSON.stringify(value))
      : value.map((item) => scrub(item, depth + 1));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        SECRET_KEY.test(key) ? '[redacted]' : scrub(item, depth + 1),
      ]),
    );
  }
  return value;
}

function bodyOf(request: HttpRequest): unknown {
  if (request.body === undefined) return null;
  const bytes =
    typeof request.body === 'string' ? Buffer.from(request.body) : Buffer.from(request.body);
  const form = parseFormBody(
    request.headers?.['Content-Type'] ?? request.headers?.['content-type'],
    bytes,
  );
  if (form) return scrub(Object.fromEntries(form));
  const text = decoder.decode(bytes);
  try {
    return scrub(JSON.parse(text) as unknown);
  } catch {
    return summarise(text);
  }
}

function answerOf(text: string): unknown {
  try {
    return scrub(JSON.parse(text) as unknown);
  } catch {
    return summarise(text);
  }
}

/**
 * Records the exact vendor requests of one piece of work (a submission attempt) for the audit
 * trail: the send function is wrapped once, and `run` marks which calls belong to which work
 * through AsyncLocalStorage, so concurrent polling is never mixed in. Headers (where the
 * signatures and keys travel) are not recorded at all.
 */
export class RequestRecorder {
  private readonly current = new AsyncLocalStorage<(exchange: RecordedExchange) => void>();

  /** Runs `work`; every request it sends through a wrapped transport goes to `sink`. */
  run<T>(sink: (exchange: RecordedExchange) => void, work: () => Promise<T>): Promise<T> {
    return this.current.run(sink, work);
  }

  /** A transport that reports to the current `run`, if any, and otherwise behaves as `send`. */
  wrap(send: HttpSend): HttpSend {
    return async (request) => {
      const sink = this.current.getStore();
      if (!sink) return send(request);
      const base = {
        method: request.method,
        target: describeTarget(request.url),
        request: bodyOf(request),
      };
      try {
        const response = await send(request);
        sink({
          ...base,
          status: response.status,
          response: answerOf(response.text),
          failure: null,
        });
        return response;
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'ERROR';
        sink({ ...base, status: null, response: null, failure: code });
        throw error;
      }
    };
  }
}
