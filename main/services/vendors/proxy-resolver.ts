/** A proxy server a request should go through. */
export interface ProxyEndpoint {
  /** `https` when the connection to the proxy itself is TLS (PAC's `HTTPS host:port`). */
  readonly protocol: 'http' | 'https';
  /** Host name, IPv4 address, or IPv6 address in brackets. */
  readonly host: string;
  readonly port: number;
  /** Credentials that came with the system setting (e.g. `HTTPS_PROXY=http://user:pass@…`). */
  readonly auth?: { readonly username: string; readonly password: string };
}

/**
 * The system's proxy choice for one address: a proxy, or null for a direct connection.
 *
 * In the app, Electron's session answers (`session.resolveProxy`, which follows the OS settings
 * and PAC scripts; `main/platform/proxy.ts`); elsewhere {@link EnvProxyResolver}.
 */
export interface ProxyResolver {
  resolve(url: string): Promise<ProxyEndpoint | null>;
}

/** What {@link parsePacResult} makes of a PAC answer: the proxy to use and what it skipped. */
export interface PacChoice {
  readonly proxy: ProxyEndpoint | null;
  /** Entries the app cannot use (SOCKS), tried past in order. */
  readonly skipped: readonly string[];
}

function endpoint(protocol: 'http' | 'https', hostPort: string): ProxyEndpoint | null {
  try {
    const url = new URL(`${protocol}://${hostPort}`);
    const port = url.port === '' ? (protocol === 'https' ? 443 : 80) : Number(url.port);
    return url.hostname === '' ? null : { protocol, host: url.hostname, port };
  } catch {
    return null;
  }
}

/**
 * Reads a PAC-style answer such as `PROXY proxy.corp:8080; DIRECT` (what Chromium's
 * `resolveProxy` returns): the first entry the app can use wins. `PROXY` and `HTTPS` entries are
 * HTTP proxies (plain and over TLS); SOCKS entries are skipped, since vendor calls go through
 * HTTP proxies only; `DIRECT` or nothing usable means a direct connection.
 */
export function parsePacResult(answer: string): PacChoice {
  const skipped: string[] = [];
  for (const entry of answer.split(';')) {
    const [kind = '', hostPort = ''] = entry.trim().split(/\s+/);
    const type = kind.toUpperCase();
    if (type === 'DIRECT') return { proxy: null, skipped };
    if (type === 'PROXY' || type === 'HTTP' || type === 'HTTPS') {
      const proxy = endpoint(type === 'HTTPS' ? 'https' : 'http', hostPort);
      if (proxy) return { proxy, skipped };
    }
    if (type !== '') skipped.push(type);
  }
  return { proxy: null, skipped };
}

function matchesNoProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const withPort = /^(.*[^:]):(\d+)$/.exec(entry);
    if (withPort) {
      if (withPort[2] !== port) continue;
      entry = withPort[1] ?? '';
    }
    const name = entry.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/**
 * The system proxy as command-line tools know it: `HTTPS_PROXY` for https addresses (falling
 * back to `HTTP_PROXY`, as undici's EnvHttpProxyAgent does), `HTTP_PROXY` for http ones, and
 * `NO_PROXY` (comma-separated host names or domain suffixes, optional `:port`, or `*`). Lower-case
 * names win over upper-case ones. Used by tests and the browser host; the app asks Electron.
 */
export class EnvProxyResolver implements ProxyResolver {
  constructor(private readonly env: Readonly<Record<string, string | undefined>> = process.env) {}

  async resolve(address: string): Promise<ProxyEndpoint | null> {
    const url = new URL(address);
    const read = (name: string) => this.env[name.toLowerCase()] || this.env[name] || '';
    const noProxy = read('NO_PROXY');
    if (noProxy && matchesNoProxy(url, noProxy)) return null;
    const setting =
      url.protocol === 'https:' ? read('HTTPS_PROXY') || read('HTTP_PROXY') : read('HTTP_PROXY');
    if (setting === '') return null;
    let proxy: URL;
    try {
      proxy = new URL(setting.includes('://') ? setting : `http://${setting}`);
    } catch {
      return null;
    }
    if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') return null;
    const protocol = proxy.protocol === 'https:' ? 'https' : 'http';
    const port = proxy.port === '' ? (protocol === 'https' ? 443 : 80) : Number(proxy.port);
    const auth = proxy.username
      ? {
          username: decodeURIComponent(proxy.username),
          password: decodeURIComponent(proxy.password),
        }
      : undefined;
    return { protocol, host: proxy.hostname, port, ...(auth ? { auth } : {}) };
  }
}
