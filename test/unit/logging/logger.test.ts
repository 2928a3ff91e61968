import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogNotice } from '../../../shared/domain/log-notice';
import { debugLogging, JsonLinesLogger } from '../../../main/services/logging/logger';
import { maskingSecretStore } from '../../../main/services/logging/masking-secret-store';
import { InMemorySecretStore } from '../../fakes/memory-secret-store';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const childScript = path.join(here, 'log-child.ts');
// Root may write anywhere, so a read-only folder is only read-only to another user: as root the
// child runs as `nobody` (as anyone else, as that user itself).
const asRoot = process.getuid?.() === 0;
const CHILD_ID = 65_534;
const onLinux = process.platform === 'linux' && existsSync('/dev/full');
/** The child logs lines 0 … 99 after its set-up. */
const ALL_LINES = Array.from({ length: 100 }, (_, i) => i);

const folders: string[] = [];
async function dataFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-log-'));
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  for (const folder of folders.splice(0)) {
    // Give write access back first, so a non-root run can remove what the test locked.
    await chmod(folder, 0o700).catch(() => undefined);
    await chmod(path.join(folder, 'logs'), 0o700).catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
  }
});

/** What the child process reported, with its exit code and stderr. */
interface ChildRun {
  readonly code: number | null;
  readonly stderr: string;
  readonly report: {
    readonly alive: boolean;
    readonly notices: readonly LogNotice[];
    readonly fallbackIndexes: readonly number[];
  } | null;
}

async function runChild(folder: string, scenario: string, asOtherUser: boolean): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, folder, scenario], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asOtherUser ? { uid: CHILD_ID, gid: CHILD_ID } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return {
    code,
    stderr,
    report: line.startsWith('{') ? (JSON.parse(line) as ChildRun['report']) : null,
  };
}

/** Makes `folder` belong to the user the child runs as. */
async function handToChild(folder: string): Promise<void> {
  if (asRoot) await chown(folder, CHILD_ID, CHILD_ID);
}

async function logFiles(folder: string): Promise<string[]> {
  return (await readdir(path.join(folder, 'logs'))).sort();
}

describe('a log file that cannot be written', () => {
  it.runIf(onLinux)(
    'on a full disk (ENOSPC), leaves the process running, writes to stderr and says why',
    async () => {
      const folder = await dataFolder();
      await mkdir(path.join(folder, 'logs'));
      // /dev/full answers every write with ENOSPC: a real full disk, as the kernel reports it.
      await symlink('/dev/full', path.join(folder, 'logs', 'main.log'));
      const run = await runChild(folder, 'write', false);
      expect(run.stderr).not.toMatch(/ENOSPC.*\n\s+at /);
      expect(run.code).toBe(0);
      expect(run.report).toMatchObject({ alive: true, notices: [{ reason: 'disk-full' }] });
      // Every line the file refused went to the fallback, in order, none lost.
      expect(run.report?.fallbackIndexes).toEqual(ALL_LINES);
    },
  );

  it('on a read-only data folder, leaves the process running and says why', async () => {
    const folder = await dataFolder();
    await handToChild(folder);
    await chmod(folder, 0o555);
    const run = await runChild(folder, 'write', asRoot);
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ alive: true, notices: [{ reason: 'read-only' }] });
    expect(run.report?.fallbackIndexes).toEqual(ALL_LINES);
    expect(existsSync(path.join(folder, 'logs'))).toBe(false);
  });

  it('when the folder turns read-only while the app runs, leaves it running and says why', async () => {
    const folder = await dataFolder();
    await handToChild(folder);
    const run = await runChild(folder, 'becomes-read-only', asRoot);
    expect(run.code).toBe(0);
    // The rotation (a rename in the locked folder) is refused: stderr from then on.
    expect(run.report).toMatchObject({ alive: true, notices: [{ reason: 'read-only' }] });
    const kept = await readFile(path.join(folder, 'logs', 'main.log'), 'utf8');
    expect(kept).toContain('before the folder turned read-only');
    // Each line is in the file or went to the fallback: none lost, none twice.
    const inFile = kept
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { message: string; i?: number })
      .filter((line) => line.message === 'a line that has to go somewhere')
      .map((line) => line.i);
    expect(inFile.length).toBeGreaterThan(0);
    expect([...inFile, ...(run.report?.fallbackIndexes ?? [])]).toEqual(ALL_LINES);
  });

  it('reports a failure that happened before anyone listened, once, to each listener', async () => {
    const folder = await dataFolder();
    // `logs` is a file: the folder cannot be made, whoever runs the test.
    await writeFile(path.join(folder, 'logs'), 'not a folder');
    const lines: string[] = [];
    const logger = await JsonLinesLogger.open(folder, { fallback: (line) => lines.push(line) });
    logger.warn('still heard');
    const heard: LogNotice[] = [];
    logger.onFallback((notice) => heard.push(notice));
    expect(heard).toEqual([{ at: expect.any(String), reason: 'other' }]);
    expect(lines.join('')).toContain('still heard');
    await logger.close();
  });
});

describe('log rotation', () => {
  it('keeps at most `files` files of at most `maxBytes` each, and the newest lines', async () => {
    const folder = await dataFolder();
    const maxBytes = 4_096;
    const logger = await JsonLinesLogger.open(folder, { maxBytes, files: 3 });
    for (let i = 0; i < 2_000; i += 1)
      logger.info('vendor request', { i, path: '/v3/cc/preview/query' });
    await logger.close();

    expect(await logFiles(folder)).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    let total = 0;
    for (const name of await logFiles(folder)) {
      const { size } = await stat(path.join(folder, 'logs', name));
      expect(size).toBeLessThanOrEqual(maxBytes);
      total += size;
    }
    expect(total).toBeLessThanOrEqual(3 * maxBytes);
    const newest = await readFile(path.join(folder, 'logs', 'main.log'), 'utf8');
    expect(newest).toContain('"i":1999');
    const all = (
      await Promise.all(
        (await logFiles(folder)).map((name) => readFile(path.join(folder, 'logs', name), 'utf8')),
      )
    ).join('');
    expect(all).not.toContain('"i":0,');
    // Every line is whole JSON: rotation never splits one.
    for (const line of all.trim().split('\n'))
      expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('continues an existing file and rotates it when it is already at the cap', async () => {
    const folder = await dataFolder();
    await mkdir(path.join(folder, 'logs'));
    await writeFile(path.join(folder, 'logs', 'main.log'), `${'x'.repeat(2_000)}\n`);
    const logger = await JsonLinesLogger.open(folder, { maxBytes: 2_048 });
    logger.info('after the restart');
    await logger.close();
    expect(await logFiles(folder)).toEqual(['main.1.log', 'main.log']);
    expect(await readFile(path.join(folder, 'logs', 'main.log'), 'utf8')).toContain(
      'after the restart',
    );
  });
});

describe('secrets in log lines', () => {
  it('never writes a secret passed in a message or a field', async () => {
    const folder = await dataFolder();
    const logger = await JsonLinesLogger.open(folder, { debug: true });
    const registered = 'Kc9-registered-value-77';
    logger.maskSecret(registered);
    const secrets = {
      registered,
      password: 'hunter2-proxy-pass',
      apiSecret: 'itnio-api-secret-0042',
      accesskey: 'yccall-access-key-91',
      token: 'tok_5f2b8e1d9c',
      bearer: 'eyJhbGciOiJIUzI1NiJ9abc',
      sign: '0123456789abcdef0123456789abcdef',
      urlPassword: 'pa55w0rd-in-url',
    };
    logger.error(
      `Request failed: accesskey=${secrets.accesskey}&service=TaskList with ${registered}`,
      {
        password: secrets.password,
        nested: {
          headers: { Authorization: `Bearer ${secrets.bearer}` },
          apiSecret: secrets.apiSecret,
        },
        body: { token: secrets.token },
        url: `https://agent:${secrets.urlPassword}@pbx.example.com/api?sign=${secrets.sign}`,
        note: `the vendor echoed ${registered} back`,
        list: [{ Sign: secrets.sign }],
      },
    );
    logger.debug(`Sign: ${secrets.sign}`);
    logger.info('kept in plain words', { account: 'BPO', count: 3, secretSet: true });
    await logger.close();

    const text = await readFile(path.join(folder, 'logs', 'main.log'), 'utf8');
    for (const [name, value] of Object.entries(secrets)) {
      expect(text, `${name} reached the file`).not.toContain(value);
    }
    // What is not secret stays readable.
    expect(text).toContain('Request failed: accesskey=[secret]&service=TaskList');
    expect(text).toContain('pbx.example.com');
    expect(text).toContain('"account":"BPO"');
    expect(text).toContain('"secretSet":true');
  });

  it('masks every secret that passed through the keychain, wherever it appears later', async () => {
    const folder = await dataFolder();
    const logger = await JsonLinesLogger.open(folder);
    const keychain = new InMemorySecretStore();
    await keychain.set('account-1', 'stored-before-start-123');
    const secrets = maskingSecretStore(keychain, logger);
    await secrets.get('account-1');
    await secrets.set('account-2', 'typed-in-the-form-456');
    // Innocent field names and free text: only the registration can catch these.
    logger.warn('Vendor answer', {
      body: 'echo stored-before-start-123',
      detail: 'typed-in-the-form-456',
    });
    await logger.close();
    const text = await readFile(path.join(folder, 'logs', 'main.log'), 'utf8');
    expect(text).toContain('Vendor answer');
    expect(text).not.toContain('stored-before-start-123');
    expect(text).not.toContain('typed-in-the-form-456');
    expect(await keychain.get('account-2')).toBe('typed-in-the-form-456');
  });
});

describe('the debug level', () => {
  it('writes debug lines only when asked', async () => {
    const folder = await dataFolder();
    const quiet = await JsonLinesLogger.open(folder);
    quiet.debug('every vendor request');
    quiet.info('started');
    await quiet.close();
    const first = await readFile(path.join(folder, 'logs', 'main.log'), 'utf8');
    expect(first).toContain('started');
    expect(first).not.toContain('every vendor request');

    const verbose = await JsonLinesLogger.open(folder, { debug: true });
    verbose.debug('every vendor request');
    await verbose.close();
    expect(await readFile(path.join(folder, 'logs', 'main.log'), 'utf8')).toContain(
      'every vendor request',
    );
  });

  it('is off in a packaged app unless CAMPAIGN_DESK_DEBUG_LOG=1, and on in development', () => {
    expect(debugLogging(true, {})).toBe(false);
    expect(debugLogging(true, { CAMPAIGN_DESK_DEBUG_LOG: '0' })).toBe(false);
    expect(debugLogging(true, { CAMPAIGN_DESK_DEBUG_LOG: '1' })).toBe(true);
    expect(debugLogging(false, {})).toBe(true);
  });
});

describe.runIf(process.platform !== 'win32')('log file modes', () => {
  it('makes the folder 0700 and the files 0600, also ones an older version left open', async () => {
    const folder = await dataFolder();
    await mkdir(path.join(folder, 'logs'), { mode: 0o755 });
    await chmod(path.join(folder, 'logs'), 0o755);
    await writeFile(path.join(folder, 'logs', 'main.log'), '', { mode: 0o644 });
    await chmod(path.join(folder, 'logs', 'main.log'), 0o644);
    const logger = await JsonLinesLogger.open(folder, { maxBytes: 1_024 });
    for (let i = 0; i < 50; i += 1) logger.info('line', { i });
    await logger.close();
    expect((await stat(path.join(folder, 'logs'))).mode & 0o777).toBe(0o700);
    for (const name of await logFiles(folder)) {
      expect((await stat(path.join(folder, 'logs', name))).mode & 0o777, name).toBe(0o600);
    }
    expect((await logFiles(folder)).length).toBeGreaterThan(1);
  });
});
