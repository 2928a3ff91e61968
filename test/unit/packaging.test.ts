import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { dump, load } from 'js-yaml';
import { repoRoot } from '../host/runtime';
import { lintWorkflow } from '../support/actionlint';
import {
  releaseWorkflowProblems,
  WorkflowSchema,
  type Job,
  type Step,
  type Workflow,
} from '../support/release-workflow';
import {
  UNSIGNED_MARK,
  variantOverrides,
  type BuildVariant,
} from '../../scripts/release/builder-variants';
import vitestConfig from '../../vitest.config';
import smokeConfig from '../../vitest.electron-smoke.config';

const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (
    config: unknown,
    logger: { isEnabled: boolean; add(): void },
  ) => Promise<void>;
};
const { getConfig } = require('app-builder-lib/out/util/config/config') as {
  /** electron-builder's own loading: electron-builder.yml, then `overrides` deep-merged over it. */
  getConfig: (projectDir: string, configPath: null, overrides: unknown) => Promise<unknown>;
};
// The parser electron-builder and @electron/osx-sign use for plists.
const plist = require('plist') as { parse(xml: string): unknown };
const quietLogger = { isEnabled: false, add: () => undefined };

async function config(): Promise<Record<string, unknown>> {
  return load(await readFile(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation, offline", async () => {
    await expect(validateConfiguration(await config(), quietLogger)).resolves.toBeUndefined();
  });

  it('would be refused by that validation if it were wrong (the check is real)', async () => {
    await expect(
      validateConfiguration({ ...(await config()), nsis: { oneClick: 'sometimes' } }, quietLogger),
    ).rejects.toThrow();
  });

  it('sets the security fuses', async () => {
    expect((await config())['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages per-user NSIS, a hardened dmg+zip, and an AppImage, with their icons and entitlements present', async () => {
    const c = (await config()) as Record<string, Record<string, unknown>>;
    expect(c['nsis']).toMatchObject({ oneClick: false, perMachine: false });
    expect(c['mac']).toMatchObject({ hardenedRuntime: true });
    expect(JSON.stringify(c['mac']?.['target'])).toMatch(/dmg.*zip/);
    expect(JSON.stringify(c['linux']?.['target'])).toContain('AppImage');
    for (const file of [
      'build/icon.ico',
      'build/icon.icns',
      'build/icon.png',
      'build/icons/512x512.png',
      'build/entitlements.mac.plist',
    ]) {
      expect((await stat(path.join(repoRoot, file))).size, file).toBeGreaterThan(0);
    }
  });
});

type Section = Record<string, unknown>;

async function section(name: string, from?: unknown): Promise<Section> {
  const whole = (from ?? (await config())) as Record<string, unknown>;
  const value = whole[name];
  if (typeof value !== 'object' || value === null) throw new Error(`no ${name} section`);
  return value as Section;
}

describe('signing in electron-builder.yml', () => {
  it('signs Windows builds with SHA-256 for the named publisher, keytar.node included, or fails', async () => {
    const win = await section('win');
    expect(win['forceCodeSigning']).toBe(true);
    expect(win['signtoolOptions']).toMatchObject({
      signingHashAlgorithms: ['sha256'],
      publisherName: 'Campaign Desk',
    });
    // Every file type unpacked from the ASAR (where integrity does not reach) is signed.
    const unpacked = (await config())['asarUnpack'] as string[];
    const signed = win['signExts'] as string[];
    for (const pattern of unpacked) {
      const extension = /(\.\w+)$/.exec(pattern)?.[1] ?? pattern;
      expect(signed, pattern).toContain(extension);
    }
  });

  it('signs macOS builds with the hardened runtime and notarizes them, or fails', async () => {
    expect(await section('mac')).toMatchObject({
      forceCodeSigning: true,
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
  });

  it('grants macOS only the JIT and outbound network: no unsigned executable memory, no disabled library validation', async () => {
    const entitlements = plist.parse(
      await readFile(path.join(repoRoot, 'build/entitlements.mac.plist'), 'utf8'),
    );
    expect(entitlements).toEqual({
      'com.apple.security.cs.allow-jit': true,
      'com.apple.security.network.client': true,
    });
    expect(Object.keys(entitlements as object)).not.toContain(
      'com.apple.security.cs.allow-unsigned-executable-memory',
    );
  });
});

describe('the smoke-test and unsigned builds (scripts/release/builder-variants.ts)', () => {
  async function effective(variant: BuildVariant): Promise<Record<string, unknown>> {
    const merged = await getConfig(repoRoot, null, variantOverrides(variant, await config()));
    await validateConfiguration(merged, quietLogger);
    return merged as Record<string, unknown>;
  }

  it("differ from a release only in the Node inspector fuse (smoke) and signing, and pass electron-builder's schema", async () => {
    const release = await config();
    const smoke = await effective('smoke');
    expect(smoke['electronFuses']).toEqual({
      ...(release['electronFuses'] as object),
      enableNodeCliInspectArguments: true,
    });
    expect(smoke['asar']).toBe(true);
    expect(smoke['asarUnpack']).toEqual(release['asarUnpack']);
    expect(smoke['directories']).toMatchObject({ output: 'release/smoke' });
    expect(await section('win', smoke)).toMatchObject({ forceCodeSigning: false });
    expect(await section('mac', smoke)).toMatchObject({
      forceCodeSigning: false,
      identity: '-',
      notarize: false,
    });
    const unsigned = await effective('unsigned');
    expect(unsigned['electronFuses']).toEqual(release['electronFuses']);
  });

  it('mark every unsigned installer as such, and no release installer', async () => {
    const release = await config();
    const unsigned = await effective('unsigned');
    const names = (from: Record<string, unknown>) =>
      ['nsis', 'dmg', 'appImage', 'mac'].map(
        (key) => (from[key] as Section | undefined)?.['artifactName'],
      );
    for (const name of names(unsigned)) expect(name).toContain(`${UNSIGNED_MARK}.\${ext}`);
    for (const name of names(release)) expect(String(name ?? '')).not.toContain(UNSIGNED_MARK);
    expect(String((unsigned['directories'] as Section)['output'])).toContain('unsigned');
  });
});

const workflowsDir = path.join(repoRoot, '.github', 'workflows');

async function releaseWorkflow(): Promise<Workflow> {
  return WorkflowSchema.parse(load(await readFile(path.join(workflowsDir, 'release.yml'), 'utf8')));
}

/** release.yml, parsed, with `change` applied. */
async function broken(change: (workflow: Workflow) => void): Promise<Workflow> {
  const copy = structuredClone(await releaseWorkflow());
  change(copy);
  return copy;
}

function job(workflow: Workflow, name: string): Job {
  const found = workflow.jobs[name];
  if (!found) throw new Error(`release.yml has no ${name} job`);
  return found;
}

const installerSteps = (workflow: Workflow): Step[] => job(workflow, 'installers').steps;

/** The one installers step that matches. */
function step(workflow: Workflow, matches: (step: Step) => boolean): Step {
  const found = installerSteps(workflow).find(matches);
  if (!found) throw new Error('no such step in release.yml');
  return found;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const releaseBuildOn = (os: string) => (s: Step) =>
  text(s.if).includes(`runner.os == '${os}'`) && text(s.run).includes('electron-builder');

/** Drops every installers step whose command or action contains `needle`. */
function without(workflow: Workflow, needle: string): void {
  job(workflow, 'installers').steps = installerSteps(workflow).filter(
    (s) => !text(s.run ?? s.uses).includes(needle),
  );
}

describe('the GitHub Actions workflows', () => {
  it('pass actionlint (the workflow checker), offline', async () => {
    const files = (await readdir(workflowsDir)).filter((file) => /\.ya?ml$/.test(file));
    expect(files).toEqual(expect.arrayContaining(['release.yml', 'ci.yml']));
    for (const file of files) {
      const findings = await lintWorkflow(
        await readFile(path.join(workflowsDir, file), 'utf8'),
        file,
      );
      expect(findings, file).toEqual([]);
    }
  });

  it('would be refused by actionlint if they were wrong (the check is real)', async () => {
    const source = dump(
      await broken((workflow) => {
        job(workflow, 'publish').needs = ['preflight', 'installer'];
        step(workflow, (s) => text(s.uses).startsWith('actions/checkout')).with = {
          'persist-credential': false,
        };
      }),
    );
    const kinds = (await lintWorkflow(source, 'release.yml')).map((finding) => finding.kind);
    expect(kinds).toEqual(expect.arrayContaining(['job-needs', 'action']));
  });

  it('release.yml builds on Windows, macOS and Linux, checks the secrets first, smoke-tests, signs, verifies, uploads and publishes on tags', async () => {
    expect(releaseWorkflowProblems(await releaseWorkflow())).toEqual([]);
  });

  // Each rule of test/support/release-workflow.ts, broken on purpose: the check can fail.
  it.each<[string, (workflow: Workflow) => void, RegExp]>([
    [
      'no secrets check',
      (w) => {
        job(w, 'preflight').steps.pop();
      },
      /check the signing secrets/,
    ],
    [
      'a secret left out of the check',
      (w) => {
        delete job(w, 'preflight').steps.at(-1)?.env?.['APPLE_TEAM_ID'];
      },
      /every release secret/,
    ],
    [
      'installers built without waiting for the check',
      (w) => {
        delete job(w, 'installers').needs;
      },
      /need the preflight/,
    ],
    [
      'no macOS build',
      (w) => {
        job(w, 'installers').strategy = { matrix: { os: ['windows-latest', 'ubuntu-latest'] } };
      },
      /windows-latest, macos-latest, ubuntu-latest/,
    ],
    ['no smoke test', (w) => without(w, 'smoke:electron'), /run the Electron smoke test/],
    [
      'a smoke test that may skip',
      (w) => {
        for (const s of installerSteps(w)) delete s.env?.['CAMPAIGN_DESK_SMOKE_REQUIRED'];
      },
      /CAMPAIGN_DESK_SMOKE_REQUIRED/,
    ],
    [
      'the smoke test on Linux only',
      (w) => {
        job(w, 'installers').steps = installerSteps(w).filter(
          (s) => !(text(s.run).includes('smoke:electron') && !text(s.if).includes("== 'Linux'")),
        );
      },
      /every operating system/,
    ],
    [
      'the smoke test after the installers are uploaded',
      (w) => {
        const list = installerSteps(w);
        const smoke = list.findIndex((s) => text(s.run).includes('smoke:electron'));
        list.push(...list.splice(smoke, 2));
      },
      /before it can run the Electron smoke test|before it can build the installers/,
    ],
    ['no build step', (w) => without(w, 'npm run build'), /build \(npm run build\)/],
    [
      'Windows built without its certificate',
      (w) => {
        delete step(w, releaseBuildOn('Windows')).env?.['WIN_CSC_LINK'];
      },
      /Windows installers must be built with WIN_CSC_LINK/,
    ],
    [
      'macOS built without the notarization credentials',
      (w) => {
        delete step(w, releaseBuildOn('macOS')).env?.['APPLE_APP_SPECIFIC_PASSWORD'];
      },
      /macOS installers must be built with/,
    ],
    [
      'signing secrets given to every OS',
      (w) => {
        step(w, releaseBuildOn('macOS')).if = "env.RELEASE == 'true'";
      },
      /macOS signing secrets on another OS/,
    ],
    [
      'a release build that also runs on pull requests',
      (w) => {
        step(w, releaseBuildOn('Linux')).if = "runner.os == 'Linux'";
      },
      /must say whether it builds a release/,
    ],
    [
      'no signature check on macOS',
      (w) => without(w, 'codesign --verify'),
      /verify the macOS signatures/,
    ],
    [
      'no signature check on Windows',
      (w) => without(w, 'Get-AuthenticodeSignature'),
      /verify the Windows signatures/,
    ],
    ['no upload', (w) => without(w, 'actions/upload-artifact'), /upload the installers/],
    [
      'unsigned installers uploaded under a plain name',
      (w) => {
        step(
          w,
          (s) => text(s.if).includes("RELEASE != 'true'") && text(s.uses).includes('upload'),
        ).with = { name: 'installers-${{ runner.os }}', path: 'release' };
      },
      /UNSIGNED/,
    ],
    [
      'publishing on every run',
      (w) => {
        delete job(w, 'publish').if;
      },
      /publish job must run only for a release/,
    ],
    [
      'publishing before the installers are done',
      (w) => {
        job(w, 'publish').needs = ['preflight'];
      },
      /wait for every installer/,
    ],
    [
      'write access for the build jobs',
      (w) => {
        job(w, 'installers').permissions = { contents: 'write' };
      },
      /Only the publish job may write/,
    ],
    [
      'an unsigned update feed',
      (w) => {
        job(w, 'publish').steps = job(w, 'publish').steps.filter(
          (s) => !text(s.run).includes('sign-update-feed'),
        );
      },
      /sign the update feed/,
    ],
    [
      "the feed's key given to a build",
      (w) => {
        const build = step(w, releaseBuildOn('Linux'));
        build.env = {
          CAMPAIGN_DESK_UPDATE_SIGNING_KEY: '${{ secrets.CAMPAIGN_DESK_UPDATE_SIGNING_KEY }}',
        };
      },
      /only publishing needs/,
    ],
    [
      'no release on tags',
      (w) => {
        delete w.on.push;
      },
      /pushed version tag/,
    ],
  ])('release.yml is refused with %s', async (_name, change, problem) => {
    const problems = releaseWorkflowProblems(await broken(change));
    expect(problems.join('\n')).toMatch(problem);
  });
});

describe('the Electron smoke test (test/electron-smoke/)', () => {
  it('is type-checked with the rest of the code (tsconfig.json includes it)', () => {
    const file = ts.readConfigFile(path.join(repoRoot, 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(file.config, ts.sys, repoRoot);
    for (const name of ['smoke.test.ts', 'journey.ts', 'app-under-test.ts']) {
      expect(parsed.fileNames).toContain(
        path.join(repoRoot, 'test', 'electron-smoke', name).split(path.sep).join('/'),
      );
    }
  });

  it('runs in `npm run smoke:electron` and never in `npm test` (which has no Electron binary)', () => {
    const smokeFile = 'test/electron-smoke/smoke.test.ts';
    const testIncludes = (vitestConfig.test?.projects ?? []).flatMap((project) =>
      typeof project === 'object' && project !== null && 'test' in project
        ? (project.test?.include ?? [])
        : [],
    );
    expect(testIncludes.length).toBeGreaterThan(0);
    for (const glob of testIncludes) expect(path.matchesGlob(smokeFile, glob), glob).toBe(false);
    expect(
      (smokeConfig.test?.include ?? []).some((glob) => path.matchesGlob(smokeFile, glob)),
    ).toBe(true);
  });
});
