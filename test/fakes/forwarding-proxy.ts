import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** One request the proxy handled. */
export interface ProxiedRequest {
  /** `connect`: an https tunnel; `forward`: a plain http request in absolute form. */
  readonly kind: 'connect' | 'forward';
  /** host:port the client asked for. */
  readonly target: string;
  /** The Proxy-Authorization header as received (tests compare it, never print it). */
  readonly authorization: string | undefined;
  /** Whether the proxy passed it on (false: refused with 407). */
  readonly forwarded: boolean;
}

/** Where a requested host really is (tests map made-up names such as `vendor.test` to 127.0.0.1). */
export type UpstreamOf = (host: string, port: number) => { host: string; port: number };

/**
 * A small HTTP proxy on 127.0.0.1 for tests: CONNECT tunnels (https) and plain forwarding of
 * absolute-form requests (http), optional Basic proxy authentication, and a log of what it
 * handled. Enough to prove the app's vendor calls really go through a proxy.
 */
export class ForwardingProxy {
  readonly requests: ProxiedRequest[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket | Duplex>();

  constructor(
    private readonly options: {
      /** Required credentials; absent: no authentication. */
      readonly credentials?: { readonly username: string; readonly password: string };
      readonly upstream?: UpstreamOf;
    } = {},
  ) {}

  /** The port it listens on, once started. */
  get port(): number {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The proxy is not started.');
    return address.port;
  }

  /** How many requests it passed on to their server. */
  forwardedCount(): number {
    return this.requests.filter((entry) => entry.forwarded).length;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => this.forward(req, res));
    server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.tunnel(req, socket, head),
    );
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private authorized(header: string | undefined): boolean {
    const credentials = this.options.credentials;
    if (!credentials) return true;
    const expected = Buffer.from(`${credentials.username}:${credentials.password}`).toString(
      'base64',
    );
    return header === `Basic ${expected}`;
  }

  private upstream(host: string, port: number): { host: string; port: number } {
    return this.options.upstream ? this.options.upstream(host, port) : { host, port };
  }

  private tunnel(req: IncomingMessage, client: Duplex, head: Buffer): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    const target = req.url ?? '';
    const authorization = req.headers['proxy-authorization'];
    if (!this.authorized(authorization)) {
      this.requests.push({ kind: 'connect', target, authorization, forwarded: false });
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    this.requests.push({ kind: 'connect', target, authorization, forwarded: true });
    const [host = '', port = '443'] = target.split(/:(?=\d+$)/);
    const where = this.upstream(host, Number(port));
    const server = connect(where.port, where.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) server.write(head);
      server.pipe(client);
      client.pipe(server);
    });
    this.sockets.add(server);
    server.on('close', () => this.sockets.delete(server));
    server.on('error', () => client.destroy());
    client.on('close', () => server.destroy());
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const authorization = req.headers['proxy-authorization'];
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const target = url.host;
    if (!this.authorized(authorization)) {
      this.requests.push({ kind: 'forward', target, authorization, forwarded: false });
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"', 'content-length': 0 });
      res.end();
      return;
    }
    this.requests.push({ kind: 'forward', target, authorization, forwarded: true });
    const where = this.upstream(url.hostname, Number(url.port || 80));
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest(
      {
        host: where.host,
        port: where.port,
        method: req.method,
        path: url.pathname + url.search,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }
}
