import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parsePublicKeys,
  publicKeyOf,
  sha512OfFile,
  signUpdate,
  verifyUpdate,
} from '../../../main/services/app/update-signature';

/** A release key made for this test run only: its private half never leaves memory. */
function newKey(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519');
  const privateKey = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}

let folder: string;
let installer: string;
const release = newKey();

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'campaign-desk-update-signature-'));
  installer = path.join(folder, 'Campaign-Desk-Setup-1.2.0-x64.exe');
  await writeFile(installer, Buffer.from('MZ… the 1.2.0 installer, as released'));
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** The feed's latest.yml for `file` as `version`, signed by `key` (or unsigned). */
async function feedFor(file: string, version: string, key: string | null) {
  const sha512 = await sha512OfFile(file);
  return {
    version,
    releaseDate: '2026-01-05T09:00:00.000Z',
    files: [
      {
        url: path.basename(file),
        sha512,
        size: 35,
        ...(key === null ? {} : { signature: signUpdate(version, sha512, key) }),
      },
    ],
    path: path.basename(file),
    sha512,
  };
}

describe('update signature verification', () => {
  it('accepts a file signed by the release key for this version', async () => {
    const verdict = await verifyUpdate({
      file: installer,
      info: await feedFor(installer, '1.2.0', release.privateKey),
      trustedKeys: parsePublicKeys([release.publicKey]),
    });
    expect(verdict).toEqual({ ok: true, version: '1.2.0', sha512: await sha512OfFile(installer) });
  });

  it('refuses a tampered file even when the feed carries its new SHA-512 (the feed is not trusted)', async () => {
    const signedFeed = await feedFor(installer, '1.2.0', release.privateKey);
    const tampered = path.join(folder, 'tampered.exe');
    await writeFile(tampered, Buffer.from('MZ… the 1.2.0 installer, with something added'));
    const tamperedSha = await sha512OfFile(tampered);
    // Whoever changed the file also rewrote latest.yml's checksum, but cannot sign.
    const info = {
      ...signedFeed,
      files: [{ ...signedFeed.files[0], sha512: tamperedSha }],
      sha512: tamperedSha,
    };
    const verdict = await verifyUpdate({
      file: tampered,
      info,
      trustedKeys: parsePublicKeys([release.publicKey]),
    });
    expect(verdict).toEqual({ ok: false, refusal: 'bad-signature' });
  });

  it('refuses a file that changed after the download (its SHA-512 is not in the feed)', async () => {
    const info = await feedFor(installer, '1.2.0', release.privateKey);
    const changed = path.join(folder, 'changed.exe');
    await writeFile(changed, Buffer.from('MZ… swapped in the cache folder'));
    expect(
      await verifyUpdate({
        file: changed,
        info,
        trustedKeys: parsePublicKeys([release.publicKey]),
      }),
    ).toEqual({ ok: false, refusal: 'not-in-feed' });
  });

  it('refuses a file signed with a key the app does not trust', async () => {
    const stranger = newKey();
    expect(
      await verifyUpdate({
        file: installer,
        info: await feedFor(installer, '1.2.0', stranger.privateKey),
        trustedKeys: parsePublicKeys([release.publicKey]),
      }),
    ).toEqual({ ok: false, refusal: 'bad-signature' });
  });

  it('refuses a genuinely signed old release offered as a newer version (no replay)', async () => {
    const signedAsOld = await feedFor(installer, '1.0.0', release.privateKey);
    expect(
      await verifyUpdate({
        file: installer,
        info: { ...signedAsOld, version: '9.0.0' },
        trustedKeys: parsePublicKeys([release.publicKey]),
      }),
    ).toEqual({ ok: false, refusal: 'bad-signature' });
  });

  it('refuses an unsigned file, a malformed signature, a malformed feed and a missing file', async () => {
    const trustedKeys = parsePublicKeys([release.publicKey]);
    expect(
      await verifyUpdate({
        file: installer,
        info: await feedFor(installer, '1.2.0', null),
        trustedKeys,
      }),
    ).toEqual({ ok: false, refusal: 'unsigned' });
    const signed = await feedFor(installer, '1.2.0', release.privateKey);
    expect(
      await verifyUpdate({
        file: installer,
        info: { ...signed, files: [{ ...signed.files[0], signature: 'not base64 at all!' }] },
        trustedKeys,
      }),
    ).toEqual({ ok: false, refusal: 'bad-signature' });
    for (const info of [null, 'version: 1.2.0', { version: '1.2.0' }, { files: [] }]) {
      expect(await verifyUpdate({ file: installer, info, trustedKeys })).toEqual({
        ok: false,
        refusal: 'unreadable',
      });
    }
    expect(
      await verifyUpdate({ file: path.join(folder, 'gone.exe'), info: signed, trustedKeys }),
    ).toEqual({ ok: false, refusal: 'unreadable' });
  });

  it('refuses everything when the build trusts no key', async () => {
    expect(
      await verifyUpdate({
        file: installer,
        info: await feedFor(installer, '1.2.0', release.privateKey),
        trustedKeys: [],
      }),
    ).toEqual({ ok: false, refusal: 'no-trusted-key' });
  });

  it('accepts either key while a key is being rotated', async () => {
    const next = newKey();
    expect(
      await verifyUpdate({
        file: installer,
        info: await feedFor(installer, '1.2.0', next.privateKey),
        trustedKeys: parsePublicKeys([release.publicKey, next.publicKey]),
      }),
    ).toMatchObject({ ok: true });
  });

  it('takes only Ed25519 keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsaPublic = rsa.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    expect(() => parsePublicKeys([rsaPublic])).toThrow(/Ed25519/);
    const rsaPrivate = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => signUpdate('1.2.0', 'x', rsaPrivate)).toThrow(/Ed25519/);
  });
});
