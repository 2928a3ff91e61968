import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { releaseProblems, SIGNING_SECRETS } from '../../scripts/release/check-signing-env';
import { repoRoot } from '../host/runtime';

const run = promisify(execFile);
const script = path.join(repoRoot, 'scripts/release/check-signing-env.ts');

/** Made-up secret values, each unique so a leak of any one is seen. */
const SECRETS: Record<string, string> = Object.fromEntries(
  SIGNING_SECRETS.map(({ name }) => [
    name,
    name === 'APPLE_TEAM_ID' ? 'AB12CD34EF' : `value-of-${name.toLowerCase()}-e6a1`,
  ]),
);

async function version(): Promise<string> {
  const pkg: unknown = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : '';
}

/** Runs the check as release.yml does: plain Node 24, the secrets in the environment. */
async function check(
  env: Record<string, string>,
  tag: string,
): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, '--tag', tag], {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the release preflight (scripts/release/check-signing-env.ts)', () => {
  it('lets a release with every signing secret and a matching tag go ahead', () => {
    expect(releaseProblems({ env: SECRETS, tag: 'v1.2.3', version: '1.2.3' })).toEqual([]);
  });

  it.each(SIGNING_SECRETS.map((secret) => [secret.name]))(
    'refuses a release without %s, naming it',
    (name) => {
      for (const missing of [undefined, '', '   ']) {
        const problems = releaseProblems({
          env: { ...SECRETS, [name]: missing },
          tag: 'v1.2.3',
          version: '1.2.3',
        });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toContain(name);
      }
    },
  );

  it('refuses a team ID that is not one, without printing it', () => {
    const problems = releaseProblems({
      env: { ...SECRETS, APPLE_TEAM_ID: 'my team' },
      tag: 'v1.2.3',
      version: '1.2.3',
    });
    expect(problems).toEqual([expect.stringContaining('APPLE_TEAM_ID is not a team ID')]);
    expect(problems.join()).not.toContain('my team');
  });

  it("refuses a tag that is not package.json's version", () => {
    expect(releaseProblems({ env: SECRETS, tag: 'v1.2.4', version: '1.2.3' })).toEqual([
      expect.stringContaining('does not match'),
    ]);
  });

  it('fails the workflow step without the secrets, names each one, and prints no value', async () => {
    const tag = `v${await version()}`;
    const refused = await check({ CSC_LINK: SECRETS['CSC_LINK'] ?? '' }, tag);
    expect(refused.code).toBe(1);
    for (const { name } of SIGNING_SECRETS.filter((s) => s.name !== 'CSC_LINK')) {
      expect(refused.out).toContain(`::error title=Release refused::The repository secret ${name}`);
    }
    expect(refused.out).not.toContain(SECRETS['CSC_LINK']);

    const allowed = await check(SECRETS, tag);
    expect(allowed).toMatchObject({ code: 0 });
    expect(allowed.out).toContain('Release may go ahead');
    for (const value of Object.values(SECRETS)) expect(allowed.out).not.toContain(value);
  });
});
