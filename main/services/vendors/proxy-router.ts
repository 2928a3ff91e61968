import { createHash } from 'node:crypto';
import { ProxyAgent, type Dispatcher } from 'undici';
import type { ProxySettings } from '../../../shared/domain/proxy';
import type { Logger } from '../../ports';
import type { ProxyEndpoint, ProxyResolver } from './proxy-resolver';

/** How one request leaves this computer when it goes through a proxy. */
export interface ProxyRoute {
  readonly dispatcher: Dispatcher;
  /** `host:port` of the proxy, for messages and logs (never its credentials). */
  readonly proxy: string;
}

/** Picks the route of one request: a proxy, or null for a direct connection. */
export type RouteFor = (url: string) => Promise<ProxyRoute | null>;

/** What the router needs of the proxy settings (ProxySettingsService in the app). */
export interface ProxySettingsSource {
  get(): ProxySettings;
  /** The manual proxy's password, read from the keychain. */
  password(): Promise<string | null>;
  onChange(listener: (settings: ProxySettings) => void): () => void;
}

/** TLS options for the connection to the vendor inside a CONNECT tunnel (tests: their own CA). */
export interface TunnelTls {
  readonly ca?: string | readonly string[];
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function basicToken(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * Sends vendor calls through the proxy the settings choose: the system's (Electron's session,
 * or the environment), one set by hand, or none. Addresses on this computer always go direct,
 * as in Chromium (the built-in simulator, a Yccall server on 127.0.0.1).
 *
 * One undici ProxyAgent per proxy and credentials, kept until the settings change. https
 * addresses go through a CONNECT tunnel, so the proxy never sees what is sent; http ones are
 * forwarded (the account form has warned about those).
 */
export class ProxyRouter {
  private readonly agents = new Map<string, ProxyAgent>();
  private manualPassword: Promise<string | null> | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly deps: {
      readonly settings: ProxySettingsSource;
      readonly resolver: ProxyResolver;
      readonly logger: Logger;
      readonly tunnelTls?: TunnelTls;
    },
  ) {
    this.unsubscribe = deps.settings.onChange(() => {
      this.manualPassword = null;
      void this.closeAgents();
    });
  }

  /** The route of one request (a bound function, to hand to `createUndiciSend`). */
  readonly route: RouteFor = async (address) => {
    const url = new URL(address);
    if (isLoopback(url.hostname)) return null;
    const endpoint = await this.endpointFor(address);
    if (!endpoint) return null;
    return { dispatcher: this.agentFor(endpoint), proxy: `${endpoint.host}:${endpoint.port}` };
  };

  /** Closes every proxy connection (the app is quitting). */
  async close(): Promise<void> {
    this.unsubscribe();
    await this.closeAgents();
  }

  private async endpointFor(address: string): Promise<ProxyEndpoint | null> {
    const settings = this.deps.settings.get();
    if (settings.mode === 'none') return null;
    if (settings.mode === 'manual') {
      const manual = settings.manual;
      if (!manual) return null;
      if (manual.username === undefined) {
        return { protocol: 'http', host: manual.host, port: manual.port };
      }
      this.manualPassword ??= this.deps.settings.password();
      const password = await this.manualPassword.catch((error: unknown) => {
        this.manualPassword = null;
        throw error;
      });
      return {
        protocol: 'http',
        host: manual.host,
        port: manual.port,
        auth: { username: manual.username, password: password ?? '' },
      };
    }
    try {
      return await this.deps.resolver.resolve(address);
    } catch (error) {
      // Without an answer from the system, try directly: the vendor call then says what failed.
      this.deps.logger.warn('The system proxy could not be resolved; connecting directly.', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      return null;
    }
  }

  private agentFor(endpoint: ProxyEndpoint): ProxyAgent {
    const uri = `${endpoint.protocol}://${endpoint.host}:${endpoint.port}`;
    const token = endpoint.auth
      ? basicToken(endpoint.auth.username, endpoint.auth.password)
      : undefined;
    // Keyed by a digest of the credentials, so a changed password gets a new agent.
    const key = token ? `${uri} ${createHash('sha256').update(token).digest('hex')}` : uri;
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new ProxyAgent({
        uri,
        ...(token ? { token } : {}),
        ...(this.deps.tunnelTls?.ca
          ? { requestTls: { ca: [...[this.deps.tunnelTls.ca].flat()] } }
          : {}),
      });
      this.agents.set(key, agent);
    }
    return agent;
  }

  private async closeAgents(): Promise<void> {
    const agents = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(agents.map((agent) => agent.close().catch(() => undefined)));
  }
}
