import { access, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The app the smoke test launches, or why there is none on this machine. */
export type AppUnderTest =
  | {
      /** The packaged smoke build (`npm run package:smoke`) or an app named by the environment. */
      readonly kind: 'packaged';
      readonly executablePath: string;
      readonly args: readonly string[];
    }
  | {
      /** The built app (`npm run build`, out/) run by Electron's binary from node_modules. */
      readonly kind: 'built';
      readonly executablePath: string;
      readonly args: readonly string[];
    }
  | { readonly kind: 'missing'; readonly reason: string };

/** Names an app to test instead of looking for one (an executable, or a macOS .app). */
export const APP_ENV = 'CAMPAIGN_DESK_SMOKE_APP';

/** Set on CI: a missing app fails the smoke test instead of skipping it. */
export const REQUIRED_ENV = 'CAMPAIGN_DESK_SMOKE_REQUIRED';

const PRODUCT = 'Campaign Desk';
/** Linux executables are named after package.json's `name`. */
const LINUX_EXECUTABLE = 'campaign-desk';

/** What the locator may look at; tests pass a fake file system. */
export interface LocateInput {
  readonly repoRoot: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  exists(file: string): Promise<boolean>;
  /** A text file's content, or null when it cannot be read. */
  readText(file: string): Promise<string | null>;
}

function macExecutable(app: string): string {
  return path.join(app, 'Contents', 'MacOS', path.basename(app, '.app'));
}

/**
 * Where electron-builder puts the unpacked smoke build (release/smoke, see
 * scripts/release/builder-variants.ts): `<platform>[-<arch>]-unpacked`, x64 having no suffix.
 */
export function packagedCandidates(
  repoRoot: string,
  platform: NodeJS.Platform,
  arch: string,
): string[] {
  const out = path.join(repoRoot, 'release', 'smoke');
  const suffix = arch === 'x64' ? '' : `-${arch}`;
  switch (platform) {
    case 'win32':
      return [path.join(out, `win${suffix}-unpacked`, `${PRODUCT}.exe`)];
    case 'darwin':
      return [macExecutable(path.join(out, `mac${suffix}`, `${PRODUCT}.app`))];
    case 'linux':
      return [path.join(out, `linux${suffix}-unpacked`, LINUX_EXECUTABLE)];
    default:
      return [];
  }
}

/**
 * Finds the app to smoke-test: the one the environment names, else the packaged smoke build,
 * else the built app with Electron's binary, else none (with what to run to get one). Never
 * downloads anything: `require('electron')` would try to fetch the binary, so this reads
 * node_modules/electron/path.txt instead.
 */
export async function locateAppUnderTest(input: LocateInput): Promise<AppUnderTest> {
  const named = input.env[APP_ENV]?.trim();
  if (named) {
    const executablePath = named.endsWith('.app') ? macExecutable(named) : named;
    return (await input.exists(executablePath))
      ? { kind: 'packaged', executablePath, args: [] }
      : {
          kind: 'missing',
          reason: `${APP_ENV} names ${executablePath}, which does not exist.`,
        };
  }
  for (const candidate of packagedCandidates(input.repoRoot, input.platform, input.arch)) {
    if (await input.exists(candidate)) {
      return { kind: 'packaged', executablePath: candidate, args: [] };
    }
  }
  const electronDir = path.join(input.repoRoot, 'node_modules', 'electron');
  const relative = (await input.readText(path.join(electronDir, 'path.txt')))?.trim();
  const binary = relative ? path.join(electronDir, 'dist', relative) : null;
  const built = path.join(input.repoRoot, 'out', 'main', 'index.js');
  if (binary && (await input.exists(binary))) {
    return (await input.exists(built))
      ? { kind: 'built', executablePath: binary, args: [input.repoRoot] }
      : {
          kind: 'missing',
          reason: 'Electron is installed but the app is not built: npm run build.',
        };
  }
  return {
    kind: 'missing',
    reason:
      'No Electron binary on this machine. Package the app (npm run build && npm run package:smoke), ' +
      `or install Electron's binary (npx install-electron) and build (npm run build), or set ${APP_ENV}.`,
  };
}

/** The real file system. */
export function localMachine(repoRoot: string): LocateInput {
  return {
    repoRoot,
    platform: process.platform,
    arch: process.arch,
    env: process.env,
    async exists(file) {
      try {
        await access(file);
        return true;
      } catch {
        return false;
      }
    },
    async readText(file) {
      try {
        return await readFile(file, 'utf8');
      } catch {
        return null;
      }
    },
  };
}
