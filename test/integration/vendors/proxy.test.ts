import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxySettings } from '../../../shared/domain/proxy';
import { KeytarSecretStore } from '../../../main/platform/keytar-secret-store';
import { AppError } from '../../../main/services/errors';
import { JsonLinesLogger } from '../../../main/services/logging/logger';
import { mountItniotech } from '../../../main/services/sandbox/itniotech/itniotech-sim';
import { SimulatorServer } from '../../../main/services/sandbox/server';
import { systemClock } from '../../../main/services/sandbox/sim-kit';
import { ConfKeyValueStore } from '../../../main/services/settings/conf-store';
import {
  PROXY_PASSWORD_ENTRY,
  ProxySettingsService,
} from '../../../main/services/settings/proxy-settings';
import { createUndiciSend, type HttpSend } from '../../../main/services/vendors/http';
import { ItniotechClient } from '../../../main/services/vendors/itniotech/client';
import { ItniotechVendor } from '../../../main/services/vendors/itniotech/itniotech-vendor';
import { EnvProxyResolver } from '../../../main/services/vendors/proxy-resolver';
import { ProxyRouter, type ProxySettingsSource } from '../../../main/services/vendors/proxy-router';
import { ForwardingProxy } from '../../fakes/forwarding-proxy';
import { MemoryLogger } from '../../fakes/memory-logger';
import { selfSignedCertificate } from '../../fakes/self-signed-cert';

// Vendor calls through a real proxy on loopback: https through CONNECT tunnels (to a TLS front
// of the strict ITNIO simulator), http forwarded, Basic proxy authentication with the password
// in the real keychain (libsecret under the D-Bus session scripts/test.sh starts).

const ACCOUNT = { apiKey: 'proxyKey1', apiSecret: `itnio-${randomUUID()}` };
const PROXY_USER = 'agent7';
const PROXY_PASSWORD = `proxy-${randomUUID()}`;
const PROXY_TOKEN = Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64');
const service = `Campaign Desk proxy test ${randomUUID()}`;
/** Made-up names (RFC 2606 `.test`): only the test proxies know where they are. */
const upstream = (host: string, port: number) =>
  host.endsWith('.test') ? { host: '127.0.0.1', port } : { host, port };

const cert = selfSignedCertificate(['itnio.test']);
let sim: SimulatorServer;
let tlsFront: HttpsServer;
let proxy: ForwardingProxy;
let authProxy: ForwardingProxy;
let folder: string;
let logger: JsonLinesLogger;
let settings: ProxySettingsService;
let router: ProxyRouter;
let send: HttpSend;

/** The simulator behind TLS, as a vendor's https API would be. */
async function startTlsFront(target: string): Promise<HttpsServer> {
  const server = createHttpsServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    const forward = httpRequest(
      `${target}${req.url ?? '/'}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
}

const portOf = (server: { address(): unknown }) => (server.address() as AddressInfo).port;
const httpsVendorUrl = () => `https://itnio.test:${portOf(tlsFront)}`;
const httpVendorUrl = () => `http://itnio.test:${new URL(sim.url).port}`;

function vendorAt(baseUrl: string, through: HttpSend = send): ItniotechVendor {
  return new ItniotechVendor({
    accountId: 'acct-proxy',
    clock: systemClock,
    client: new ItniotechClient({
      apiKey: ACCOUNT.apiKey,
      getSecret: async () => ACCOUNT.apiSecret,
      brand: 'itniotech',
      baseUrl,
      send: through,
      clock: systemClock,
      timeoutMs: 5_000,
      retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    }),
  });
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  sim = new SimulatorServer();
  mountItniotech(sim, { strict: true, clock: systemClock, seed: 3, accounts: [ACCOUNT] });
  await sim.start();
  tlsFront = await startTlsFront(sim.url);
  proxy = new ForwardingProxy({ upstream });
  authProxy = new ForwardingProxy({
    upstream,
    credentials: { username: PROXY_USER, password: PROXY_PASSWORD },
  });
  await Promise.all([proxy.start(), authProxy.start()]);
  folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-proxy-'));
  logger = await JsonLinesLogger.open(folder);
  settings = new ProxySettingsService({
    store: new ConfKeyValueStore(folder),
    secrets: new KeytarSecretStore(service),
    logger,
  });
  router = new ProxyRouter({
    settings,
    resolver: new EnvProxyResolver({}),
    logger,
    tunnelTls: { ca: cert.cert },
  });
  send = createUndiciSend({ route: router.route });
});

afterAll(async () => {
  await router?.close();
  await keytar.deletePassword(service, PROXY_PASSWORD_ENTRY).catch(() => false);
  await Promise.all([proxy?.close(), authProxy?.close(), sim?.close()]);
  await new Promise<void>((resolve) => (tlsFront ? tlsFront.close(() => resolve()) : resolve()));
});

describe('vendor calls through a proxy on loopback', () => {
  it('cannot reach the made-up vendor host without a proxy (the control for the tests below)', async () => {
    await settings.update({ mode: 'none', manual: null });
    const failure = await failureOf(vendorAt(httpsVendorUrl()).testConnection());
    expect(failure.code).toBe('NETWORK');
    expect(proxy.requests).toEqual([]);
  });

  it('a manual proxy carries https calls through a CONNECT tunnel and forwards http ones', async () => {
    await settings.update({ mode: 'manual', manual: { host: '127.0.0.1', port: proxy.port } });

    const overTls = await vendorAt(httpsVendorUrl()).testConnection();
    expect(overTls.summary.en).toMatch(/balance/i);
    const plain = await vendorAt(httpVendorUrl()).testConnection();
    expect(plain.summary.en).toMatch(/balance/i);

    expect(proxy.requests).toEqual([
      {
        kind: 'connect',
        target: `itnio.test:${portOf(tlsFront)}`,
        authorization: undefined,
        forwarded: true,
      },
      {
        kind: 'forward',
        target: `itnio.test:${new URL(sim.url).port}`,
        authorization: undefined,
        forwarded: true,
      },
    ]);
    expect(proxy.forwardedCount()).toBe(2);
  });

  it('never sends calls to this computer through the proxy (the built-in simulator)', async () => {
    const before = proxy.requests.length;
    await vendorAt(sim.url).testConnection();
    expect(proxy.requests.length).toBe(before);
  });

  it('explains a 407 in words, then authenticates with the password from the keychain', async () => {
    await settings.update({
      mode: 'manual',
      manual: { host: '127.0.0.1', port: authProxy.port, username: PROXY_USER },
    });
    const tunnelRefused = await failureOf(vendorAt(httpsVendorUrl()).testConnection());
    expect(tunnelRefused.code).toBe('NETWORK');
    expect(tunnelRefused.text.en).toContain(`The proxy 127.0.0.1:${authProxy.port} asks for`);
    expect(tunnelRefused.text['zh-CN']).toContain('代理');
    const forwardRefused = await failureOf(vendorAt(httpVendorUrl()).testConnection());
    expect(forwardRefused.text.en).toContain('asks for a user name and password');
    expect(authProxy.forwardedCount()).toBe(0);

    const saved = await settings.update({
      mode: 'manual',
      manual: { host: '127.0.0.1', port: authProxy.port, username: PROXY_USER },
      password: PROXY_PASSWORD,
    });
    expect(saved.passwordStored).toBe(true);
    expect(await keytar.getPassword(service, PROXY_PASSWORD_ENTRY)).toBe(PROXY_PASSWORD);

    await vendorAt(httpsVendorUrl()).testConnection();
    await vendorAt(httpVendorUrl()).testConnection();
    const passed = authProxy.requests.filter((entry) => entry.forwarded);
    expect(passed.map((entry) => entry.kind)).toEqual(['connect', 'forward']);
    for (const entry of passed) expect(entry.authorization).toBe(`Basic ${PROXY_TOKEN}`);
    for (const failure of [tunnelRefused, forwardRefused]) {
      expect(JSON.stringify({ text: failure.text, details: failure.details })).not.toContain(
        PROXY_PASSWORD,
      );
    }
  });

  it('keeps the proxy password in the keychain only: not in the settings file, not in the log', async () => {
    await logger.close();
    const files = await filesUnder(folder);
    const contents = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    const all = contents.join('\n');
    // The files are the ones that were written: the settings and the log of the changes above.
    expect(all).toContain(`"username": "${PROXY_USER}"`);
    expect(all).toContain('Proxy settings changed');
    expect(all).not.toContain(PROXY_PASSWORD);
    expect(all).not.toContain(PROXY_TOKEN);
    logger = await JsonLinesLogger.open(folder);
  });

  it('removes the password from the keychain when the user name goes', async () => {
    const next = await settings.update({
      mode: 'manual',
      manual: { host: '127.0.0.1', port: authProxy.port },
    });
    expect(next.passwordStored).toBe(false);
    expect(await keytar.getPassword(service, PROXY_PASSWORD_ENTRY)).toBeNull();
  });

  it('names an unreachable proxy in the error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = portOf(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await settings.update({ mode: 'manual', manual: { host: '127.0.0.1', port: deadPort } });
    const failure = await failureOf(vendorAt(httpsVendorUrl()).testConnection());
    expect(failure.code).toBe('NETWORK');
    expect(failure.text.en).toContain(`Could not reach the proxy 127.0.0.1:${deadPort}`);
    expect(failure.details).toMatchObject({ proxy: `127.0.0.1:${deadPort}` });
  });
});

describe('the system proxy from the environment (the default outside Electron)', () => {
  it('follows HTTPS_PROXY, and NO_PROXY sends a host directly', async () => {
    const system: ProxySettings = { mode: 'system', manual: null, passwordStored: false };
    const source: ProxySettingsSource = {
      get: () => system,
      password: async () => null,
      onChange: () => () => undefined,
    };
    const envRouter = new ProxyRouter({
      settings: source,
      resolver: new EnvProxyResolver({
        HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`,
        NO_PROXY: 'localhost,direct.test',
      }),
      logger: new MemoryLogger(),
      tunnelTls: { ca: cert.cert },
    });
    const envSend = createUndiciSend({ route: envRouter.route });
    const before = proxy.forwardedCount();
    await vendorAt(httpsVendorUrl(), envSend).testConnection();
    expect(proxy.forwardedCount()).toBe(before + 1);
    expect(proxy.requests.at(-1)).toMatchObject({ kind: 'connect', forwarded: true });

    const direct = await failureOf(
      vendorAt(`https://direct.test:${portOf(tlsFront)}`, envSend).testConnection(),
    );
    expect(direct.code).toBe('NETWORK');
    expect(direct.details?.['proxy']).toBeUndefined();
    expect(proxy.forwardedCount()).toBe(before + 1);
    await envRouter.close();
  });
});
