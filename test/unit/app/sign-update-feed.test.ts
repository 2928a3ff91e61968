import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { signUpdateFeeds } from '../../../scripts/release/sign-update-feed';
import {
  parsePublicKeys,
  publicKeyOf,
  sha512OfFile,
  verifyUpdate,
} from '../../../main/services/app/update-signature';

const require = createRequire(import.meta.url);
const { serializeToYaml } = require('builder-util') as {
  serializeToYaml: (value: unknown) => string;
};

function newKey(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519');
  const privateKey = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A release folder as the pipeline downloads it: installers and electron-builder's feeds. */
async function releaseFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-feed-'));
  folders.push(folder);
  const files = {
    'Campaign-Desk-Setup-1.2.0-x64.exe': 'MZ… windows',
    'Campaign-Desk-1.2.0-arm64.zip': 'PK… mac arm64',
    'Campaign-Desk-1.2.0-x64.zip': 'PK… mac x64',
  };
  for (const [name, body] of Object.entries(files)) await writeFile(path.join(folder, name), body);
  const entry = async (name: string) => ({
    url: name,
    sha512: await sha512OfFile(path.join(folder, name)),
    size: 11,
  });
  const exe = await entry('Campaign-Desk-Setup-1.2.0-x64.exe');
  await writeFile(
    path.join(folder, 'latest.yml'),
    serializeToYaml({
      version: '1.2.0',
      files: [exe],
      path: exe.url,
      sha512: exe.sha512,
      releaseDate: '2026-01-05T09:00:00.000Z',
    }),
  );
  await writeFile(
    path.join(folder, 'latest-mac.yml'),
    serializeToYaml({
      version: '1.2.0',
      files: [
        await entry('Campaign-Desk-1.2.0-arm64.zip'),
        await entry('Campaign-Desk-1.2.0-x64.zip'),
      ],
      releaseDate: '2026-01-05T09:00:00.000Z',
    }),
  );
  return folder;
}

describe('signing the update feed (release pipeline)', () => {
  it('signs every file of every feed so that the app’s verification accepts it', async () => {
    const key = newKey();
    const folder = await releaseFolder();
    const signed = await signUpdateFeeds(folder, key.privateKey, [key.publicKey]);
    expect(signed.map((file) => `${file.feed}:${file.file}`)).toEqual([
      'latest-mac.yml:Campaign-Desk-1.2.0-arm64.zip',
      'latest-mac.yml:Campaign-Desk-1.2.0-x64.zip',
      'latest.yml:Campaign-Desk-Setup-1.2.0-x64.exe',
    ]);
    const trustedKeys = parsePublicKeys([key.publicKey]);
    for (const file of signed) {
      const info = load(await readFile(path.join(folder, file.feed), 'utf8'));
      expect(
        await verifyUpdate({ file: path.join(folder, file.file), info, trustedKeys }),
      ).toMatchObject({ ok: true, version: '1.2.0' });
    }
    // The feed keeps what electron-updater reads, and holds nothing of the private key.
    const latest = await readFile(path.join(folder, 'latest.yml'), 'utf8');
    expect(latest).toMatch(/^path: Campaign-Desk-Setup-1\.2\.0-x64\.exe$/m);
    const keyBody = key.privateKey.split('\n')[1];
    expect(keyBody?.length).toBeGreaterThan(20);
    expect(latest).not.toContain(keyBody);
  });

  it('refuses a key the app does not trust, and changes nothing', async () => {
    const folder = await releaseFolder();
    const before = await readFile(path.join(folder, 'latest.yml'), 'utf8');
    await expect(
      signUpdateFeeds(folder, newKey().privateKey, [newKey().publicKey]),
    ).rejects.toThrow(/does not trust this update signing key/);
    expect(await readFile(path.join(folder, 'latest.yml'), 'utf8')).toBe(before);
  });

  it('refuses a file that does not match its feed, or is missing, or no feed at all', async () => {
    const key = newKey();
    const folder = await releaseFolder();
    await writeFile(path.join(folder, 'Campaign-Desk-Setup-1.2.0-x64.exe'), 'MZ… rebuilt later');
    await expect(signUpdateFeeds(folder, key.privateKey, [key.publicKey])).rejects.toThrow(
      /does not match the SHA-512/,
    );
    await rm(path.join(folder, 'Campaign-Desk-Setup-1.2.0-x64.exe'));
    await expect(signUpdateFeeds(folder, key.privateKey, [key.publicKey])).rejects.toThrow(
      /not in/,
    );
    const empty = await mkdtemp(path.join(tmpdir(), 'campaign-desk-feed-'));
    folders.push(empty);
    await expect(signUpdateFeeds(empty, key.privateKey, [key.publicKey])).rejects.toThrow(
      /nothing to sign/,
    );
  });

  it('says so, without the key, when the key is not an Ed25519 private key', async () => {
    const folder = await releaseFolder();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const failure = signUpdateFeeds(folder, rsa, []);
    await expect(failure).rejects.toThrow(/not an Ed25519 private key/);
    await expect(failure).rejects.not.toThrow(rsa.split('\n')[1] ?? rsa);
  });
});
