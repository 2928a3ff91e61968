import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a simulated route sees it. */
export interface SimRequest {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

/** What a simulated route answers. */
export interface SimResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

/** A route: decides whether it handles a request (returns null if not). */
export type SimHandler = (request: SimRequest) => Promise<SimResponse | null> | SimResponse | null;

/**
 * A fault to inject on one route key (the key is chosen by the API module, e.g. the path for
 * ITNIO, the `service` for Yccall).
 *
 * - latency: answer normally after `ms`
 * - hang: never answer (the client's timeout must fire)
 * - reset: destroy the connection before the handler runs (nothing committed)
 * - reset-after-commit: run the handler (its effect is committed), then destroy the connection
 * - http: answer with this HTTP status and a plain-text body
 * - malformed: answer 200 with a body that is not JSON
 * - respond: answer 200 with this JSON body instead of running the handler (documented errors)
 */
export type Fault =
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'hang' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'reset-after-commit' }
  | { readonly kind: 'http'; readonly status: number }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'respond'; readonly body: unknown };

interface ArmedFault {
  readonly fault: Fault;
  /** How many more requests it applies to; Infinity until cleared. */
  remaining: number;
  /** Requests on this key to let through before the fault starts. */
  skip: number;
}

/** Reads the route key of a request so faults can target it. */
export type RouteKeyOf = (request: SimRequest) => string | null;

const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * One `node:http` server on 127.0.0.1 (random port) hosting the simulated vendor APIs.
 *
 * API modules mount handlers; tests arm faults per route key. Nothing listens beyond loopback.
 */
export class SimulatorServer {
  private readonly handlers: { readonly handle: SimHandler; readonly keyOf: RouteKeyOf }[] = [];
  private readonly faults = new Map<string, ArmedFault[]>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly counts = new Map<string, number>();
  /** The latest request per route key: one each, so a long demo session holds little. */
  private readonly latest = new Map<string, SimRequest>();
  private server: Server | null = null;
  private baseUrl: string | null = null;

  /** Adds an API module. Earlier mounts are asked first. */
  mount(handle: SimHandler, keyOf: RouteKeyOf): void {
    this.handlers.push({ handle, keyOf });
  }

  /** Arms a fault on a route key for the next `times` requests (default: until cleared), after `skip` requests. */
  injectFault(key: string, fault: Fault, options: { times?: number; skip?: number } = {}): void {
    const list = this.faults.get(key) ?? [];
    list.push({
      fault,
      remaining: options.times ?? Number.POSITIVE_INFINITY,
      skip: options.skip ?? 0,
    });
    this.faults.set(key, list);
  }

  /** Removes every fault (on one key, or all). */
  clearFaults(key?: string): void {
    if (key === undefined) this.faults.clear();
    else this.faults.delete(key);
  }

  /** How many requests reached a route key (faulted ones included). */
  requestCount(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** The most recent request that reached a route key (faulted ones included), or null. */
  lastRequest(key: string): SimRequest | null {
    return this.latest.get(key) ?? null;
  }

  /** The base URL, once started. */
  get url(): string {
    if (this.baseUrl === null) throw new Error('The simulator is not started.');
    return this.baseUrl;
  }

  /** Starts listening on 127.0.0.1 on a free port. */
  async start(port = 0): Promise<string> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const { port: actual } = server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${actual}`;
    return this.baseUrl;
  }

  /** Stops listening and drops open connections (hung requests included). */
  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private takeFault(key: string | null): Fault | null {
    if (key === null) return null;
    const list = this.faults.get(key);
    if (!list) return null;
    for (const armed of list) {
      if (armed.skip > 0) {
        armed.skip -= 1;
        continue;
      }
      if (armed.remaining <= 0) continue;
      armed.remaining -= 1;
      return armed.fault;
    }
    return null;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      send(res, { status: 413, body: 'Request body too large' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const request: SimRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      body,
    };

    for (const { handle, keyOf } of this.handlers) {
      const key = keyOf(request);
      if (key === null) continue;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      this.latest.set(key, request);
      const fault = this.takeFault(key);
      if (fault?.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'hang') {
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      }
      if (fault?.kind === 'http') {
        send(res, { status: fault.status, body: `Simulated HTTP ${fault.status}` });
        return;
      }
      if (fault?.kind === 'malformed') {
        send(res, {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '{"status": 0, "data": [tru',
        });
        return;
      }
      if (fault?.kind === 'respond') {
        send(res, {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(fault.body),
        });
        return;
      }
      if (fault?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      let response: SimResponse | null;
      try {
        response = await handle(request);
      } catch (error) {
        send(res, {
          status: 500,
          body: `Simulator error: ${error instanceof Error ? error.message : String(error)}`,
        });
        return;
      }
      if (response === null) continue;
      if (fault?.kind === 'reset-after-commit') {
        req.socket.destroy();
        return;
      }
      send(res, response);
      return;
    }
    send(res, { status: 404, body: 'Not found' });
  }
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.destroyed) return;
  res.writeHead(response.status, {
    'content-type': 'text/plain; charset=utf-8',
    ...response.headers,
  });
  res.end(response.body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A JSON answer. */
export function json(body: unknown, status = 200): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}
