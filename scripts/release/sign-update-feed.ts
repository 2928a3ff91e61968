/**
 * Signs a release's update feed: every file listed in each `latest*.yml` of a folder gets the
 * release's Ed25519 signature over its version and SHA-512 (`signature:` beside `sha512:`),
 * which the installed app requires before it installs anything (README, "Auto-update";
 * main/services/app/update-signature.ts).
 *
 * The private key comes from the environment only (the release pipeline's secret
 * `CAMPAIGN_DESK_UPDATE_SIGNING_KEY`); it is never written, logged or printed. The script
 * refuses a key whose public half the app does not trust (main/services/app/update-keys.ts), a
 * listed file that is missing, and one whose SHA-512 differs from the feed's, so a release
 * cannot publish a feed that every installed copy would refuse.
 *
 *   CAMPAIGN_DESK_UPDATE_SIGNING_KEY=… npx tsx scripts/release/sign-update-feed.ts dist
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dump, load } from 'js-yaml';
import { TRUSTED_UPDATE_KEYS } from '../../main/services/app/update-keys';
import { publicKeyOf, sha512OfFile, signUpdate } from '../../main/services/app/update-signature';

/** One signed file, for the pipeline's log (no key material). */
export interface SignedFile {
  readonly feed: string;
  readonly file: string;
  readonly version: string;
}

interface FeedFile {
  url: string;
  sha512: string;
  signature?: string;
  [key: string]: unknown;
}

interface Feed {
  version: string;
  files: FeedFile[];
  [key: string]: unknown;
}

function isFeed(value: unknown): value is Feed {
  if (typeof value !== 'object' || value === null) return false;
  const { version, files } = value as { version?: unknown; files?: unknown };
  return (
    typeof version === 'string' &&
    Array.isArray(files) &&
    files.every(
      (file: unknown) =>
        typeof file === 'object' &&
        file !== null &&
        typeof (file as FeedFile).url === 'string' &&
        typeof (file as FeedFile).sha512 === 'string',
    )
  );
}

/** Signs every `latest*.yml` in `folder` in place; throws, naming the problem, on any refusal. */
export async function signUpdateFeeds(
  folder: string,
  privateKey: string,
  trustedKeys: readonly string[] = TRUSTED_UPDATE_KEYS,
): Promise<SignedFile[]> {
  let publicKey: string;
  try {
    publicKey = publicKeyOf(privateKey);
  } catch {
    throw new Error(
      'The update signing key is not an Ed25519 private key (PKCS#8 PEM or base64 DER).',
    );
  }
  if (!trustedKeys.includes(publicKey)) {
    throw new Error(
      'The app does not trust this update signing key: add its public key to main/services/app/update-keys.ts (README, "Auto-update"), or use the key it trusts.',
    );
  }
  const feeds = (await readdir(folder)).filter((name) => /^latest.*\.yml$/.test(name)).sort();
  if (feeds.length === 0) throw new Error(`No latest*.yml in ${folder}: nothing to sign.`);
  const signed: SignedFile[] = [];
  for (const name of feeds) {
    const feedPath = path.join(folder, name);
    const feed: unknown = load(await readFile(feedPath, 'utf8'));
    if (!isFeed(feed) || feed.files.length === 0) {
      throw new Error(`${name} does not describe an update (version and files).`);
    }
    for (const entry of feed.files) {
      // The feed names files relative to itself; nothing outside the folder is read.
      const file = path.join(folder, path.basename(decodeURIComponent(entry.url)));
      let sha512: string;
      try {
        sha512 = await sha512OfFile(file);
      } catch {
        throw new Error(`${name} lists ${entry.url}, which is not in ${folder}.`);
      }
      if (sha512 !== entry.sha512) {
        throw new Error(`${entry.url} does not match the SHA-512 that ${name} gives for it.`);
      }
      entry.signature = signUpdate(feed.version, sha512, privateKey);
      signed.push({ feed: name, file: entry.url, version: feed.version });
    }
    // As electron-builder writes it (builder-util's serializeToYaml).
    await writeFile(feedPath, dump(feed, { lineWidth: 8000 }));
  }
  return signed;
}

async function main(): Promise<void> {
  const folder = process.argv[2];
  const key = process.env['CAMPAIGN_DESK_UPDATE_SIGNING_KEY'];
  if (!folder) throw new Error('Usage: sign-update-feed.ts <folder with latest*.yml>');
  if (!key) {
    throw new Error(
      'CAMPAIGN_DESK_UPDATE_SIGNING_KEY is not set: a release must sign its update feed (README, "Auto-update").',
    );
  }
  for (const file of await signUpdateFeeds(folder, key)) {
    console.log(`signed ${file.feed}: ${file.file} (${file.version})`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
