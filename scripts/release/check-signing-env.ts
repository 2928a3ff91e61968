/**
 * Refuses to start a release without its signing, notarization and update-feed secrets (README,
 * "Releases").
 *
 * electron-builder signs only when it finds a certificate and notarizes only when the Apple
 * credentials are set; without them it warns and carries on, and the release would ship
 * un-notarized. Without the update feed's key no installed copy would accept the release. `.github/workflows/release.yml` runs this first on a tag, with every signing
 * secret in its environment, so such a release fails in a minute, before anything is built.
 * It names what is missing and never prints a value.
 *
 * Runs on plain Node 24 (type stripping), before `npm ci`: it imports nothing but Node.
 *
 *   node scripts/release/check-signing-env.ts --tag v1.2.3
 */
import { readFile } from 'node:fs/promises';

/** A repository secret a release needs. */
export interface SigningSecret {
  readonly name: string;
  readonly platform: 'Windows' | 'macOS' | 'update feed';
  readonly purpose: string;
}

/**
 * Every secret a release needs: code signing and notarization per OS (Linux's AppImage has
 * none), and the update feed's key, without which no installed copy accepts the release
 * (scripts/release/sign-update-feed.ts).
 */
export const SIGNING_SECRETS: readonly SigningSecret[] = [
  {
    name: 'WIN_CSC_LINK',
    platform: 'Windows',
    purpose: 'the code-signing certificate (.pfx, base64-encoded)',
  },
  { name: 'WIN_CSC_KEY_PASSWORD', platform: 'Windows', purpose: 'the password of that .pfx' },
  {
    name: 'CSC_LINK',
    platform: 'macOS',
    purpose: 'the Developer ID Application certificate (.p12, base64-encoded)',
  },
  { name: 'CSC_KEY_PASSWORD', platform: 'macOS', purpose: 'the password of that .p12' },
  { name: 'APPLE_ID', platform: 'macOS', purpose: 'the Apple ID that notarizes' },
  {
    name: 'APPLE_APP_SPECIFIC_PASSWORD',
    platform: 'macOS',
    purpose: 'an app-specific password of that Apple ID',
  },
  { name: 'APPLE_TEAM_ID', platform: 'macOS', purpose: 'the 10-character Apple team ID' },
  {
    name: 'CAMPAIGN_DESK_UPDATE_SIGNING_KEY',
    platform: 'update feed',
    purpose: 'the Ed25519 key that signs latest*.yml (scripts/release/update-signing-key.ts)',
  },
];

/** What the release check looks at. */
export interface ReleaseCheckInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The pushed tag, e.g. `v1.2.3`. */
  readonly tag: string;
  /** `version` from package.json. */
  readonly version: string;
}

/** Everything that stops a release, each in words (empty: the release may go ahead). */
export function releaseProblems(input: ReleaseCheckInput): string[] {
  const problems: string[] = [];
  const missing = SIGNING_SECRETS.filter((secret) => (input.env[secret.name] ?? '').trim() === '');
  for (const secret of missing) {
    problems.push(
      `The repository secret ${secret.name} (${secret.platform}: ${secret.purpose}) is missing or empty.`,
    );
  }
  const teamId = (input.env['APPLE_TEAM_ID'] ?? '').trim();
  // Apple team IDs are 10 upper-case letters and digits; a wrong one fails notarization late.
  if (teamId !== '' && !/^[A-Z0-9]{10}$/.test(teamId)) {
    problems.push('APPLE_TEAM_ID is not a team ID (10 upper-case letters and digits).');
  }
  if (input.tag !== `v${input.version}`) {
    problems.push(
      `The tag ${input.tag} does not match package.json's version ${input.version}: tag v${input.version}, or change the version first.`,
    );
  }
  return problems;
}

/** Reads `--tag <tag>` from the command line. */
function tagArgument(argv: readonly string[]): string {
  const at = argv.indexOf('--tag');
  return at >= 0 ? (argv[at + 1] ?? '') : '';
}

async function main(): Promise<number> {
  const packageJson: unknown = JSON.parse(
    await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
  );
  const version =
    typeof packageJson === 'object' && packageJson !== null && 'version' in packageJson
      ? String(packageJson.version)
      : '';
  const problems = releaseProblems({ env: process.env, tag: tagArgument(process.argv), version });
  if (problems.length === 0) {
    console.log(
      `Release may go ahead: every signing secret is set (${SIGNING_SECRETS.map((s) => s.name).join(', ')}).`,
    );
    return 0;
  }
  // GitHub shows `::error::` lines as annotations on the run.
  for (const problem of problems) console.error(`::error title=Release refused::${problem}`);
  console.error(
    'No release is built without code signing, notarization and a signed update feed. Add the secrets under Settings → Secrets and variables → Actions (README, "Releases").',
  );
  return 1;
}

if (import.meta.main) {
  process.exitCode = await main();
}
