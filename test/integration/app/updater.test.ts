import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import {
  createServer,
  request,
  type ClientRequest,
  type RequestOptions,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  configureRequestOptions,
  configureRequestUrl,
  HttpExecutor,
  type DownloadOptions,
} from 'builder-util-runtime';
import { NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { dump } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdaterEvent } from '../../../main/ports';
import { EngineUpdater } from '../../../main/services/app/engine-updater';
import {
  parsePublicKeys,
  publicKeyOf,
  sha512OfFile,
  signUpdate,
} from '../../../main/services/app/update-signature';
import { MemoryLogger } from '../../fakes/memory-logger';

/**
 * The updater adapter over electron-updater's real NsisUpdater (the Windows updater: it has the
 * `verifyUpdateCodeSignature` hook), fed by a generic feed on loopback: the real check, the real
 * download with its SHA-512 check, the real hook, and the app's verification. Only the pieces
 * that need Electron are replaced: the app adapter (a data folder), the HTTP executor (Node's
 * http instead of Electron's net), Windows' Authenticode check (a stand-in answer) and the
 * installer launch (`quitAndInstall`, recorded).
 */

/** Node's http for electron-updater (Electron's `net` in the app: ElectronHttpExecutor). */
class LoopbackHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: unknown) => void): ClientRequest {
    return request(options, callback);
  }

  /** What ElectronHttpExecutor adds to the base class: a download to a file. */
  async download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = {};
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      if (options.headers)
        requestOptions.headers = { ...requestOptions.headers, ...options.headers };
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          responseHandler: null,
          callback: (error) => (error ? reject(error) : resolve(destination)),
        },
        0,
      );
    });
  }
}

function newKey(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519');
  const privateKey = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}

const release = newKey();
const INSTALLER = 'Campaign-Desk-Setup-1.2.0.exe';

interface Setup {
  readonly updater: EngineUpdater;
  readonly events: UpdaterEvent[];
  readonly installs: unknown[][];
  readonly quitHandlers: unknown[];
  readonly cacheDir: string;
  readonly feedDir: string;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function serve(feedDir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname);
    void (async () => {
      try {
        const body = await readFile(path.join(feedDir, name));
        res.writeHead(200, { 'content-length': body.length }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/feed` };
}

/**
 * A feed offering 1.2.0 to an installed 1.0.0: `installer` is what is served, `listed` what
 * latest.yml's checksum describes, signed with `signingKey` (null: unsigned).
 */
async function setup(options: {
  readonly installer?: Buffer;
  readonly listed?: Buffer;
  readonly signingKey?: string | null;
  readonly publisherName?: string | null;
  /** What Windows' Authenticode check answers (null: signed by the publisher). */
  readonly authenticode?: string | null;
  readonly feedUrl?: string;
}): Promise<Setup> {
  const root = await mkdtemp(path.join(tmpdir(), 'campaign-desk-updater-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const feedDir = path.join(root, 'feed');
  const appDir = path.join(root, 'app');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(feedDir);
  await mkdir(appDir);

  const installer = options.installer ?? Buffer.from('MZ… Campaign Desk 1.2.0, as released');
  const listed = options.listed ?? installer;
  await writeFile(path.join(feedDir, INSTALLER), installer);
  const listedFile = path.join(root, 'listed.exe');
  await writeFile(listedFile, listed);
  const sha512 = await sha512OfFile(listedFile);
  const signingKey = options.signingKey === undefined ? release.privateKey : options.signingKey;
  const latest = {
    version: '1.2.0',
    files: [
      {
        url: INSTALLER,
        sha512,
        size: listed.length,
        ...(signingKey === null ? {} : { signature: signUpdate('1.2.0', sha512, signingKey) }),
      },
    ],
    path: INSTALLER,
    sha512,
    releaseDate: '2026-01-05T09:00:00.000Z',
  };
  await writeFile(path.join(feedDir, 'latest.yml'), dump(latest));

  let url = options.feedUrl;
  if (url === undefined) {
    const served = await serve(feedDir);
    cleanups.push(() => new Promise<void>((resolve) => served.server.close(() => resolve())));
    url = served.url;
  }
  const publisherName =
    options.publisherName === undefined ? 'Campaign Desk' : options.publisherName;
  await writeFile(
    path.join(appDir, 'app-update.yml'),
    dump({
      provider: 'generic',
      url,
      updaterCacheDirName: 'campaign-desk-updater',
      ...(publisherName === null ? {} : { publisherName: [publisherName] }),
    }),
  );

  const quitHandlers: unknown[] = [];
  const app: AppAdapter = {
    version: '1.0.0',
    name: 'Campaign Desk',
    isPackaged: true,
    appUpdateConfigPath: path.join(appDir, 'app-update.yml'),
    userDataPath: appDir,
    baseCachePath: path.join(root, 'cache'),
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: (handler) => void quitHandlers.push(handler),
  };
  const nsis = new NsisUpdater(null, app);
  // Test-only wiring of what Electron provides in the app (protected fields): Node's http, and
  // electron-updater's own test switch so the Windows feed file (latest.yml) is read on any OS.
  Object.assign(nsis, {
    httpExecutor: new LoopbackHttpExecutor(),
    _testOnlyOptions: { platform: 'win32' },
  });
  // No block map in this feed: a full download, as on a first update.
  nsis.disableDifferentialDownload = true;
  // Windows' Authenticode check (PowerShell's Get-AuthenticodeSignature) as a stand-in answer.
  const authenticode = options.authenticode ?? null;
  nsis.verifyUpdateCodeSignature = async () => authenticode;
  const installs: unknown[][] = [];
  nsis.quitAndInstall = (...args: unknown[]) => void installs.push(args);

  const updater = new EngineUpdater(nsis, {
    trustedKeys: parsePublicKeys([release.publicKey]),
    logger: new MemoryLogger(),
  });
  const events: UpdaterEvent[] = [];
  updater.onEvent((event) => events.push(event));
  return {
    updater,
    events,
    installs,
    quitHandlers,
    cacheDir: path.join(root, 'cache', 'campaign-desk-updater'),
    feedDir,
  };
}

/** Waits until the updater has settled on an outcome of the check. */
async function outcome(events: UpdaterEvent[]): Promise<UpdaterEvent> {
  await expect
    .poll(() => events.find((event) => event.kind === 'downloaded' || event.kind === 'failed'))
    .toBeDefined();
  const settled = events.find((event) => event.kind === 'downloaded' || event.kind === 'failed');
  if (!settled) throw new Error('The updater reported no outcome.');
  return settled;
}

async function filesUnder(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder, { recursive: true })).map(String);
  } catch {
    return [];
  }
}

describe('auto-update through electron-updater (NsisUpdater, loopback feed)', () => {
  it('downloads a signed update in the background and installs it only on the click', async () => {
    const { updater, events, installs, quitHandlers } = await setup({});
    expect(updater.off).toBeNull();
    await updater.check();
    expect(await outcome(events)).toEqual({ kind: 'downloaded', version: '1.2.0' });
    expect(events.map((event) => event.kind)).toContain('available');
    // Nothing installs by itself, not even on quit: electron-updater registered no quit hook.
    expect(installs).toEqual([]);
    expect(quitHandlers).toEqual([]);

    await updater.installAndRestart();
    expect(installs).toEqual([[true, true]]);
  });

  it('refuses an installer that was swapped on the feed, latest.yml checksum and all', async () => {
    // Whoever controls the feed replaced the file and rewrote its SHA-512; the signature is the
    // release's, over the real installer's SHA-512, and cannot be redone without the key.
    const real = Buffer.from('MZ… Campaign Desk 1.2.0, as released');
    const evil = Buffer.from('MZ… something else entirely');
    const { updater, events, installs, cacheDir, feedDir } = await setup({
      installer: evil,
      listed: evil,
    });
    const latestPath = path.join(feedDir, 'latest.yml');
    const realFile = path.join(feedDir, 'real.exe');
    await writeFile(realFile, real);
    const realSignature = signUpdate('1.2.0', await sha512OfFile(realFile), release.privateKey);
    const latest = await readFile(latestPath, 'utf8');
    await writeFile(latestPath, latest.replace(/signature: .*/, `signature: ${realSignature}`));

    await updater.check();
    expect(await outcome(events)).toEqual({
      kind: 'failed',
      failure: 'signature',
      version: '1.2.0',
      detail: 'bad-signature',
    });
    // electron-updater deleted the download (its hook answered "not signed").
    expect((await filesUnder(cacheDir)).filter((name) => name.endsWith('.exe'))).toEqual([]);
    await updater.installAndRestart();
    expect(installs).toEqual([]);
  });

  it('refuses an update signed with a key the app does not trust', async () => {
    const { updater, events, installs } = await setup({ signingKey: newKey().privateKey });
    await updater.check();
    expect(await outcome(events)).toMatchObject({ kind: 'failed', failure: 'signature' });
    await updater.installAndRestart();
    expect(installs).toEqual([]);
  });

  it('refuses an unsigned update also where electron-updater runs no signature hook (no publisherName)', async () => {
    const { updater, events, installs, cacheDir } = await setup({
      signingKey: null,
      publisherName: null,
    });
    await updater.check();
    expect(await outcome(events)).toEqual({
      kind: 'failed',
      failure: 'signature',
      version: '1.2.0',
      detail: 'unsigned',
    });
    await expect
      .poll(async () => (await filesUnder(cacheDir)).filter((name) => name.endsWith('.exe')))
      .toEqual([]);
    await updater.installAndRestart();
    expect(installs).toEqual([]);
  });

  it("refuses a correctly signed update whose Authenticode signature is not the publisher's", async () => {
    const { updater, events } = await setup({
      authenticode: 'publisherNames: Campaign Desk, raw info: {"Status":2}',
    });
    await updater.check();
    expect(await outcome(events)).toMatchObject({
      kind: 'failed',
      failure: 'signature',
      detail: 'ERR_UPDATER_INVALID_SIGNATURE',
    });
  });

  it('checks the file again before installing: a file changed in the cache is not installed', async () => {
    const { updater, events, installs, cacheDir } = await setup({});
    await updater.check();
    expect(await outcome(events)).toMatchObject({ kind: 'downloaded' });
    const downloaded = (await filesUnder(cacheDir)).find((name) => name.endsWith('.exe'));
    if (downloaded === undefined) throw new Error('Nothing was downloaded.');
    await writeFile(path.join(cacheDir, downloaded), 'MZ… replaced while waiting for the click');

    await updater.installAndRestart();
    expect(installs).toEqual([]);
    expect(events.at(-1)).toEqual({
      kind: 'failed',
      failure: 'signature',
      version: '1.2.0',
      detail: 'not-in-feed',
    });
  });

  it("reports a download that does not match the feed's SHA-512 as a broken download", async () => {
    const { updater, events } = await setup({
      installer: Buffer.from('MZ… truncated'),
      listed: Buffer.from('MZ… Campaign Desk 1.2.0, as released'),
    });
    await updater.check();
    expect(await outcome(events)).toMatchObject({ kind: 'failed', failure: 'download' });
  });

  it('reports an unreachable feed as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { updater, events } = await setup({ feedUrl: `http://127.0.0.1:${port}/feed` });
    await updater.check();
    expect(await outcome(events)).toMatchObject({ kind: 'failed', failure: 'network' });
  });
});
