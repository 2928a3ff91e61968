import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { createReadStream } from 'node:fs';
import { z } from 'zod';

/**
 * The app's own signature on its updates, on top of the platforms' code signing.
 *
 * electron-updater checks the download's SHA-512 against the feed's `latest.yml`, and the OS
 * checks the installer's code signature (Authenticode against `publisherName` on Windows, when
 * one is configured; Squirrel.Mac against the running app's designated requirement). Whoever
 * controls the feed controls `latest.yml` and so its SHA-512, and an unsigned build (a Linux
 * AppImage, a Windows build without a certificate) has no code signature at all. So the release
 * also signs every file in the feed with an Ed25519 key held only in the release pipeline's
 * secrets (`scripts/sign-update-feed.ts`), and the app installs a download only when that
 * signature verifies against a public key built into it (`update-keys.ts`).
 *
 * What is signed: the product, the version and the file's SHA-512 (below), so a signed file
 * cannot be offered as another version (a downgrade to a vulnerable release, replayed as new).
 */
export const UPDATE_SIGNATURE_CONTEXT = 'campaign-desk-update/v1';

/** The bytes an update signature covers. */
export function updateSigningMessage(version: string, sha512: string): Buffer {
  return Buffer.from(`${UPDATE_SIGNATURE_CONTEXT}\n${version}\n${sha512}`, 'utf8');
}

/** The SHA-512 of a file, base64, as electron-builder writes it into `latest.yml`; streamed. */
export async function sha512OfFile(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/** The feed's description of an update, as far as verification needs it (other keys ignored). */
const FeedInfoSchema = z.object({
  version: z.string().min(1).max(64),
  files: z
    .array(
      z.object({
        url: z.string().max(2_000),
        sha512: z.string().max(200),
        /** Added by `scripts/sign-update-feed.ts`: base64 Ed25519 over `updateSigningMessage`. */
        signature: z.string().max(200).optional(),
      }),
    )
    .max(50),
});

/**
 * Why an update was refused.
 *
 * - `no-trusted-key`: this build trusts no key, so nothing can verify.
 * - `unreadable`: the downloaded file could not be read, or the feed's description is malformed.
 * - `not-in-feed`: the file's SHA-512 matches no file the feed lists (changed after download).
 * - `unsigned`: the feed lists the file without a signature.
 * - `bad-signature`: the signature is not by a trusted key over this version and file.
 */
export type UpdateRefusal =
  'no-trusted-key' | 'unreadable' | 'not-in-feed' | 'unsigned' | 'bad-signature';

/** The outcome of checking a downloaded update. */
export type UpdateVerdict =
  | { readonly ok: true; readonly version: string; readonly sha512: string }
  | { readonly ok: false; readonly refusal: UpdateRefusal };

/** Reads trusted Ed25519 public keys (base64 SPKI DER, or PEM); a malformed one is an error. */
export function parsePublicKeys(keys: readonly string[]): KeyObject[] {
  return keys.map((key) => {
    const object = key.includes('-----BEGIN')
      ? createPublicKey(key)
      : createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' });
    if (object.asymmetricKeyType !== 'ed25519') {
      throw new Error(
        `An update key must be Ed25519, not ${object.asymmetricKeyType ?? 'unknown'}.`,
      );
    }
    return object;
  });
}

/**
 * Verifies a downloaded update: its SHA-512 (computed here, not taken from the feed) must be
 * one the feed lists, and that entry's signature must verify against a trusted key over this
 * version and that SHA-512. Never throws: every failure is a refusal.
 */
export async function verifyUpdate(input: {
  /** The downloaded installer (exe, zip, AppImage). */
  readonly file: string;
  /** The feed's `latest*.yml` as electron-updater parsed it (unknown: it came off the network). */
  readonly info: unknown;
  readonly trustedKeys: readonly KeyObject[];
}): Promise<UpdateVerdict> {
  if (input.trustedKeys.length === 0) return { ok: false, refusal: 'no-trusted-key' };
  const info = FeedInfoSchema.safeParse(input.info);
  if (!info.success) return { ok: false, refusal: 'unreadable' };
  let sha512: string;
  try {
    sha512 = await sha512OfFile(input.file);
  } catch {
    return { ok: false, refusal: 'unreadable' };
  }
  const entry = info.data.files.find((file) => file.sha512 === sha512);
  if (!entry) return { ok: false, refusal: 'not-in-feed' };
  if (entry.signature === undefined) return { ok: false, refusal: 'unsigned' };
  const signature = Buffer.from(entry.signature, 'base64');
  const message = updateSigningMessage(info.data.version, sha512);
  for (const key of input.trustedKeys) {
    // Ed25519 takes no digest algorithm (null): it hashes the message itself.
    if (verify(null, message, key, signature)) {
      return { ok: true, version: info.data.version, sha512 };
    }
  }
  return { ok: false, refusal: 'bad-signature' };
}

/**
 * Signs one update file (the release pipeline; never the app). `privateKey` is PKCS#8 PEM or
 * base64 DER, handed in from the pipeline's secrets, never from a file in the repository.
 */
export function signUpdate(version: string, sha512: string, privateKey: string): string {
  return sign(null, updateSigningMessage(version, sha512), privateKeyFrom(privateKey)).toString(
    'base64',
  );
}

/** The public half of a signing key, as `update-keys.ts` lists it (base64 SPKI DER). */
export function publicKeyOf(privateKey: string): string {
  return createPublicKey(privateKeyFrom(privateKey))
    .export({ format: 'der', type: 'spki' })
    .toString('base64');
}

function privateKeyFrom(text: string): KeyObject {
  const key = text.includes('-----BEGIN')
    ? createPrivateKey(text)
    : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error('The update signing key must be an Ed25519 key.');
  }
  return key;
}
