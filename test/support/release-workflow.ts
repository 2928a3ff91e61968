import { z } from 'zod';
import { SIGNING_SECRETS } from '../../scripts/release/check-signing-env';

// What .github/workflows/release.yml must do (README, "Releases"), checked on its parsed YAML.
// actionlint proves the file is a valid workflow; these rules prove it is the release the README
// describes. test/unit/packaging.test.ts also breaks the workflow on purpose, one rule at a time,
// to show each rule can fail.

/** The parts of a workflow step these rules read. */
export const StepSchema = z.looseObject({
  name: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  if: z.string().optional(),
  shell: z.string().optional(),
  env: z.record(z.string(), z.unknown()).optional(),
  with: z.record(z.string(), z.unknown()).optional(),
});
/** A workflow step. */
export type Step = z.infer<typeof StepSchema>;

/** The parts of a job these rules read. */
export const JobSchema = z.looseObject({
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  if: z.string().optional(),
  'runs-on': z.string(),
  permissions: z.record(z.string(), z.string()).optional(),
  env: z.record(z.string(), z.unknown()).optional(),
  strategy: z.looseObject({ matrix: z.record(z.string(), z.unknown()) }).optional(),
  steps: z.array(StepSchema),
});
/** A workflow job. */
export type Job = z.infer<typeof JobSchema>;

/** The parts of a workflow these rules read (other keys are kept as they are). */
export const WorkflowSchema = z.looseObject({
  on: z.looseObject({
    push: z.looseObject({ tags: z.array(z.string()).optional() }).optional(),
    pull_request: z.unknown().optional(),
  }),
  permissions: z.record(z.string(), z.string()).optional(),
  jobs: z.record(z.string(), JobSchema),
});
/** A workflow. */
export type Workflow = z.infer<typeof WorkflowSchema>;

/** The operating systems a release is built on, one installers job each. */
export const RELEASE_RUNNERS = ['windows-latest', 'macos-latest', 'ubuntu-latest'] as const;

const WINDOWS_SECRETS = SIGNING_SECRETS.filter((s) => s.platform === 'Windows').map((s) => s.name);
const MAC_SECRETS = SIGNING_SECRETS.filter((s) => s.platform === 'macOS').map((s) => s.name);
const FEED_SECRETS = SIGNING_SECRETS.filter((s) => s.platform === 'update feed').map((s) => s.name);
const ALL_SECRETS = SIGNING_SECRETS.map((s) => s.name);

const needsOf = (job: Job): string[] =>
  job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : job.needs;

const condition = (step: Step | Job): string => (step.if ?? '').replace(/\s+/g, ' ');

/** The secrets a step's environment takes, by the name it gives them. */
function secretsIn(step: Step): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, value] of Object.entries(step.env ?? {})) {
    const match = typeof value === 'string' ? /\$\{\{\s*secrets\.(\w+)\s*\}\}/.exec(value) : null;
    if (match?.[1]) found.set(name, match[1]);
  }
  return found;
}

/** Whether the step gives every one of `names` from the secret of the same name. */
function takesSecrets(step: Step, names: readonly string[]): boolean {
  const secrets = secretsIn(step);
  return names.every((name) => secrets.get(name) === name);
}

const isReleaseOnly = (step: Step): boolean => /RELEASE == 'true'/.test(condition(step));
const isTestOnly = (step: Step): boolean => /RELEASE != 'true'/.test(condition(step));
const onOs = (step: Step, os: string): boolean => condition(step).includes(`runner.os == '${os}'`);
const runs = (step: Step, text: string | RegExp): boolean =>
  typeof text === 'string' ? (step.run ?? '').includes(text) : text.test(step.run ?? '');
const usesAction = (step: Step, action: string): boolean =>
  (step.uses ?? '').startsWith(`${action}@`);

/** Every way `workflow` (release.yml, parsed) falls short of a release, in words. */
export function releaseWorkflowProblems(workflow: unknown): string[] {
  const parsed = WorkflowSchema.safeParse(workflow);
  if (!parsed.success) return [`Not a workflow this check understands: ${parsed.error.message}`];
  const { on, jobs, permissions } = parsed.data;
  const problems: string[] = [];
  const problem = (text: string) => problems.push(text);

  if (!(on.push?.tags ?? []).some((tag) => tag.startsWith('v'))) {
    problem('A release must start from a pushed version tag (on.push.tags: v*).');
  }
  if (on.pull_request === undefined) {
    problem('Pull requests must build the (unsigned) installers too (on.pull_request).');
  }
  if (permissions?.['contents'] !== 'read') {
    problem('The workflow must default to read-only contents (permissions: contents: read).');
  }

  // 1. The preflight: is this a release, and if so, are the signing secrets there?
  const preflight = jobs['preflight'];
  const check = preflight?.steps.find((step) =>
    runs(step, 'node scripts/release/check-signing-env.ts'),
  );
  if (!preflight || !check) {
    problem(
      'A preflight job must check the signing secrets (scripts/release/check-signing-env.ts).',
    );
  } else {
    if (!/release/.test(condition(check))) {
      problem('The secrets check must run on releases (its if: names the release).');
    }
    if (!takesSecrets(check, ALL_SECRETS)) {
      problem(`The secrets check must be given every release secret (${ALL_SECRETS.join(', ')}).`);
    }
    if (!/outputs\.release/.test(JSON.stringify(preflight['outputs'] ?? {}))) {
      problem('The preflight job must say whether this run is a release (outputs.release).');
    }
  }

  // 2. The installers, one job per operating system, after the preflight.
  const installers = jobs['installers'];
  if (!installers) {
    problem('An installers job must build the installers.');
    return problems;
  }
  if (!needsOf(installers).includes('preflight')) {
    problem('The installers job must need the preflight, so a refused release builds nothing.');
  }
  const matrixOs = installers.strategy?.matrix['os'];
  const oses = Array.isArray(matrixOs) ? matrixOs.map(String).sort() : [];
  if (JSON.stringify(oses) !== JSON.stringify([...RELEASE_RUNNERS].sort())) {
    problem(`The installers job must run on ${RELEASE_RUNNERS.join(', ')} (strategy.matrix.os).`);
  }
  if (!/needs\.preflight\.outputs\.release/.test(JSON.stringify(installers.env ?? {}))) {
    problem('The installers job must take RELEASE from the preflight.');
  }

  const steps = installers.steps;
  const at = (predicate: (step: Step) => boolean) => steps.findIndex(predicate);
  const order: [string, number][] = [
    ['check out the code', at((s) => usesAction(s, 'actions/checkout'))],
    [
      'set up Node 24',
      at((s) => usesAction(s, 'actions/setup-node') && String(s.with?.['node-version']) === '24'),
    ],
    ['npm ci', at((s) => runs(s, /^npm ci\b/m))],
    ['build (npm run build)', at((s) => runs(s, /^npm run build$/m))],
    [
      'package the smoke-test app (npm run package:smoke)',
      at((s) => runs(s, 'npm run package:smoke')),
    ],
    [
      'run the Electron smoke test, required (CAMPAIGN_DESK_SMOKE_REQUIRED=1)',
      at(
        (s) => runs(s, 'npm run smoke:electron') && s.env?.['CAMPAIGN_DESK_SMOKE_REQUIRED'] === '1',
      ),
    ],
    [
      'build the installers',
      at(
        (s) =>
          runs(s, 'electron-builder --config electron-builder.yml') ||
          runs(s, 'package.ts unsigned'),
      ),
    ],
    ['upload the installers', at((s) => usesAction(s, 'actions/upload-artifact'))],
  ];
  for (const [what] of order.filter(([, index]) => index < 0)) {
    problem(`The installers job must ${what}.`);
  }
  const present = order.filter(([, index]) => index >= 0);
  for (let i = 1; i < present.length; i++) {
    const [before, beforeAt] = present[i - 1] ?? ['', 0];
    const [after, afterAt] = present[i] ?? ['', 0];
    if (afterAt < beforeAt) problem(`The installers job must ${before} before it can ${after}.`);
  }
  // Every OS runs the smoke test: a step limited to one OS needs its counterpart for the others.
  const smokeSteps = steps.filter((s) => runs(s, 'npm run smoke:electron'));
  const smokeEverywhere =
    smokeSteps.some((s) => condition(s) === '') ||
    (smokeSteps.some((s) => onOs(s, 'Linux')) &&
      smokeSteps.some((s) => condition(s).includes("runner.os != 'Linux'")));
  if (smokeSteps.length > 0 && !smokeEverywhere) {
    problem('The smoke test must run on every operating system.');
  }

  // 3. Release builds: signed from the secrets, only on a release, only on their own OS.
  const releaseBuild = (os: string) =>
    steps.find(
      (s) =>
        runs(s, 'electron-builder --config electron-builder.yml') &&
        isReleaseOnly(s) &&
        onOs(s, os),
    );
  const windows = releaseBuild('Windows');
  const mac = releaseBuild('macOS');
  if (!windows || !takesSecrets(windows, WINDOWS_SECRETS)) {
    problem(`A release's Windows installers must be built with ${WINDOWS_SECRETS.join(', ')}.`);
  }
  if (!mac || !takesSecrets(mac, MAC_SECRETS)) {
    problem(`A release's macOS installers must be built with ${MAC_SECRETS.join(', ')}.`);
  }
  if (!releaseBuild('Linux')) problem("A release's Linux AppImage must be built.");
  for (const step of steps) {
    if (runs(step, 'electron-builder') && !isReleaseOnly(step) && !isTestOnly(step)) {
      problem(`"${step.name ?? step.run}" must say whether it builds a release or a test build.`);
    }
    const secrets = [...secretsIn(step).values()];
    if (secrets.some((s) => WINDOWS_SECRETS.includes(s)) && !onOs(step, 'Windows')) {
      problem(`"${step.name ?? step.run}" takes Windows signing secrets on another OS.`);
    }
    if (secrets.some((s) => MAC_SECRETS.includes(s)) && !onOs(step, 'macOS')) {
      problem(`"${step.name ?? step.run}" takes macOS signing secrets on another OS.`);
    }
    if (secrets.some((s) => FEED_SECRETS.includes(s))) {
      problem(
        `"${step.name ?? step.run}" takes the update feed's key, which only publishing needs.`,
      );
    }
  }
  const unsigned = steps.find((s) => runs(s, 'package.ts unsigned') && isTestOnly(s));
  if (!unsigned || secretsIn(unsigned).size > 0) {
    problem('Test builds must make unsigned installers, without any secret (package.ts unsigned).');
  }

  // 4. The signatures are checked, keytar's native module included, before anything is uploaded.
  const firstUpload = at((s) => usesAction(s, 'actions/upload-artifact'));
  const verify = (os: string, tool: string) =>
    at((s) => isReleaseOnly(s) && onOs(s, os) && runs(s, tool) && runs(s, '.node'));
  const macVerify = verify('macOS', 'codesign --verify');
  const windowsVerify = verify('Windows', 'Get-AuthenticodeSignature');
  if (macVerify < 0 || (firstUpload >= 0 && macVerify > firstUpload)) {
    problem(
      'A release must verify the macOS signatures (codesign), .node files included, before uploading.',
    );
  }
  if (windowsVerify < 0 || (firstUpload >= 0 && windowsVerify > firstUpload)) {
    problem(
      'A release must verify the Windows signatures (Get-AuthenticodeSignature), .node files included, before uploading.',
    );
  }
  const uploads = steps.filter((s) => usesAction(s, 'actions/upload-artifact'));
  const testUpload = uploads.find((s) => isTestOnly(s));
  if (!uploads.some((s) => isReleaseOnly(s))) problem('A release must upload its installers.');
  if (!testUpload || !/UNSIGNED/.test(String(testUpload.with?.['name'] ?? ''))) {
    problem('Unsigned installers must be uploaded under a name that says UNSIGNED.');
  }

  // 5. Publishing: only a release, only after every installer, the only job that may write.
  const publish = jobs['publish'];
  if (!publish) {
    problem('A publish job must publish the release.');
  } else {
    if (!needsOf(publish).includes('installers')) {
      problem('The publish job must wait for every installer (needs: installers).');
    }
    if (!/needs\.preflight\.outputs\.release == 'true'/.test(condition(publish))) {
      problem('The publish job must run only for a release.');
    }
    if (publish.permissions?.['contents'] !== 'write') {
      problem('The publish job needs permissions: contents: write.');
    }
    // Installed copies refuse files without the feed's signature (README, "Auto-update").
    const sign = publish.steps.findIndex(
      (s) => runs(s, 'scripts/release/sign-update-feed.ts') && takesSecrets(s, FEED_SECRETS),
    );
    const release = publish.steps.findIndex((s) => runs(s, 'gh release create'));
    if (release < 0) problem('The publish job must create the GitHub release (gh release create).');
    if (sign < 0 || (release >= 0 && sign > release)) {
      problem(
        `The publish job must sign the update feed (scripts/release/sign-update-feed.ts with ${FEED_SECRETS.join(', ')}) before it publishes.`,
      );
    }
  }
  for (const [name, job] of Object.entries(jobs)) {
    if (name !== 'publish' && job.permissions?.['contents'] === 'write') {
      problem(`Only the publish job may write to the repository (${name} asks to).`);
    }
  }
  return problems;
}
