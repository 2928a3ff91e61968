import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { createCore, type Core, type CoreAdapters } from '../../main/core';
import type { ExternalOpener, Logger, SecretStore, Updater } from '../../main/ports';
import { KeytarSecretStore } from '../../main/platform/keytar-secret-store';
import { contentSecurityPolicy } from '../../main/security/csp';
import {
  contentTypeOf,
  resolveStaticFile,
  securityHeaders,
} from '../../main/security/static-files';
import { isExternalLinkAllowed } from '../../main/security/navigation';
import { JsonLinesLogger } from '../../main/services/logging/logger';
import { openConfSettingsStore } from '../../main/services/settings/conf-store';
import { hostRuntime, repoRoot } from './runtime';
import { ScriptedDialogs } from './dialogs';
import { RecordingNotifier } from '../fakes/recording-notifier';

/** A running browser test host. */
export interface Host {
  /** e.g. http://127.0.0.1:43121/ */
  readonly url: string;
  readonly token: string;
  readonly dataFolder: string;
  readonly core: Core;
  /** Links the app asked to open in the system browser (recorded, not opened). */
  readonly openedLinks: readonly string[];
  /** Notifications the app raised (recorded; a browser has no native ones here). */
  readonly notifier: RecordingNotifier;
  /** The file dialogs: tests queue the files a person would pick. */
  readonly dialogs: ScriptedDialogs;
  /** Every response and event main sent to the page through the bridge (JSON), for leak tests. */
  readonly transcript: readonly string[];
  close(): Promise<void>;
}

/** Options for starting the host. */
export interface HostOptions {
  /** Data folder; a fresh temporary one when omitted. */
  readonly dataFolder?: string;
  /** The built renderer (default: out/renderer). */
  readonly rendererDir?: string;
  /** Port on 127.0.0.1 (default: any free port). */
  readonly port?: number;
  /** The OS language the host pretends to have (default: en-US). */
  readonly systemLocale?: string;
  readonly logger?: Logger;
  /** The keychain (default: the real OS keychain through keytar). */
  readonly secrets?: SecretStore;
  /** Auto-update (default: none, as in development; e2e tests pass a scripted one). */
  readonly updater?: Updater;
}

const MAX_REQUEST_BYTES = 1024 * 1024;

async function bundleBridge(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'chrome140',
      lib: {
        entry: path.join(repoRoot, 'test/host/page-bridge.ts'),
        formats: ['iife'],
        name: 'campaignDeskHostBridge',
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('The host bridge did not bundle.');
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/**
 * Starts the real main-side core with a temporary data folder, serves the built renderer on
 * 127.0.0.1, and provides `window.api` in the page over loopback, guarded by a per-run token, a
 * Host check (DNS rebinding) and an Origin check (the sender check of the browser world).
 */
export async function startHost(options: HostOptions = {}): Promise<Host> {
  const dataFolder =
    options.dataFolder ?? (await mkdtemp(path.join(tmpdir(), 'campaign-desk-host-')));
  const rendererDir = options.rendererDir ?? path.join(repoRoot, 'out/renderer');
  const indexHtml = await readFile(path.join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer in ${rendererDir}. Run "npm run build:renderer" first.`);
  });
  const bridge = await bundleBridge();
  const token = randomBytes(24).toString('base64url');
  const logger = options.logger ?? (await JsonLinesLogger.open(dataFolder));
  const openedLinks: string[] = [];
  const dialogs = new ScriptedDialogs(path.join(dataFolder, 'exports'));
  const notifier = new RecordingNotifier();
  const opener: ExternalOpener = {
    async openExternal(url) {
      if (isExternalLinkAllowed(url)) openedLinks.push(url);
    },
  };
  // The app's relaunch (after a database recovery was chosen): a new core on the same folder;
  // requests wait for it, as the relaunched app's window would.
  let relaunching: Promise<void> = Promise.resolve();
  const coreAdapters: CoreAdapters = {
    runtime: await hostRuntime(options.systemLocale ?? 'en-US'),
    paths: { dataFolder },
    settingsStore: await openConfSettingsStore(dataFolder, logger),
    opener,
    logger,
    // The app's notice when the log file fails (a full disk, a read-only folder).
    ...(logger instanceof JsonLinesLogger ? { logControl: logger } : {}),
    secrets: options.secrets ?? new KeytarSecretStore(),
    dialogs,
    notifier,
    relaunch: () => {
      relaunching = relaunchCore();
    },
    ...(options.updater ? { updater: options.updater } : {}),
  };
  let core = createCore(coreAdapters);

  const csp = contentSecurityPolicy({ connectSelf: true });
  const page = indexHtml.replace(
    '<head>',
    `<head>\n    <script src="/__host/bridge.js" data-token="${token}"></script>`,
  );
  const streams = new Set<ServerResponse>();
  const transcript: string[] = [];
  const forward: Parameters<Core['events']['attach']>[0] = (event, payload) => {
    const json = JSON.stringify({ event, payload });
    transcript.push(json);
    const line = `data: ${json}\n\n`;
    for (const stream of streams) stream.write(line);
  };
  let detach = core.events.attach(forward);
  async function relaunchCore(): Promise<void> {
    detach();
    await core.close();
    core = createCore(coreAdapters);
    detach = core.events.attach(forward);
  }

  let origin = '';
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (`http://${host}` !== origin) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/__host/invoke') {
      if (req.method !== 'POST') {
        res.writeHead(405).end();
        return;
      }
      if (
        req.headers.origin !== origin ||
        !sameToken(String(req.headers['x-campaign-desk-token'] ?? ''), token)
      ) {
        res.writeHead(403, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            ok: false,
            error: {
              code: 'UNTRUSTED_SENDER',
              message: 'The request came from a page the app does not trust and was refused.',
            },
          }),
        );
        return;
      }
      let body: unknown;
      try {
        body = await readJsonBody(req);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            ok: false,
            error: { code: 'INVALID_INPUT', message: 'The request was not valid JSON.' },
          }),
        );
        return;
      }
      const envelope =
        typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const controller = new AbortController();
      res.on('close', () => controller.abort());
      await relaunching;
      const result = await core.dispatch(envelope['channel'], envelope['request'], {
        signal: controller.signal,
      });
      transcript.push(JSON.stringify(result));
      res
        .writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        })
        .end(JSON.stringify(result));
      return;
    }
    if (url.pathname === '/__host/events') {
      if (!sameToken(url.searchParams.get('token') ?? '', token)) {
        res.writeHead(403).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      res.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === '/__host/bridge.js') {
      res
        .writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          ...securityHeaders(csp),
        })
        .end(bridge);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (file === null) {
      res.writeHead(404).end();
      return;
    }
    if (file === path.join(path.resolve(rendererDir), 'index.html')) {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...securityHeaders(csp) })
        .end(page);
      return;
    }
    try {
      const content = await readFile(file);
      res
        .writeHead(200, { 'content-type': contentTypeOf(file), ...securityHeaders(csp) })
        .end(content);
    } catch {
      res.writeHead(404).end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    token,
    dataFolder,
    get core() {
      return core;
    },
    openedLinks,
    transcript,
    dialogs,
    notifier,
    async close() {
      await relaunching;
      detach();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
      if (!options.logger && logger instanceof JsonLinesLogger) await logger.close();
    },
  };
}
