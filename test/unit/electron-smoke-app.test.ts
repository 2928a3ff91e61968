import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENV, locateAppUnderTest, type LocateInput } from '../electron-smoke/app-under-test';
import { markUnsigned } from '../../scripts/release/builder-variants';

const root = path.join(path.sep, 'repo');
const at = (...parts: string[]) => path.join(root, ...parts);

/** A machine with exactly `files` (path → content). */
function machine(
  files: Record<string, string>,
  overrides: Partial<Pick<LocateInput, 'platform' | 'arch' | 'env'>> = {},
): LocateInput {
  return {
    repoRoot: root,
    platform: 'linux',
    arch: 'x64',
    env: {},
    ...overrides,
    exists: async (file) => file in files,
    readText: async (file) => files[file] ?? null,
  };
}

const electronBinary = {
  [at('node_modules', 'electron', 'path.txt')]: 'electron',
  [at('node_modules', 'electron', 'dist', 'electron')]: '',
};
const builtApp = { [at('out', 'main', 'index.js')]: '' };

describe('which app the Electron smoke test launches', () => {
  it('finds none without an Electron binary, and says how to get one', async () => {
    const found = await locateAppUnderTest(machine(builtApp));
    expect(found.kind).toBe('missing');
    expect(found.kind === 'missing' && found.reason).toMatch(
      /No Electron binary.*npm run package:smoke.*npx install-electron/,
    );
  });

  it('prefers the packaged smoke build, per platform and architecture', async () => {
    const cases: [NodeJS.Platform, string, string][] = [
      ['linux', 'x64', at('release', 'smoke', 'linux-unpacked', 'campaign-desk')],
      ['win32', 'x64', at('release', 'smoke', 'win-unpacked', 'Campaign Desk.exe')],
      ['win32', 'arm64', at('release', 'smoke', 'win-arm64-unpacked', 'Campaign Desk.exe')],
      [
        'darwin',
        'arm64',
        at(
          'release',
          'smoke',
          'mac-arm64',
          'Campaign Desk.app',
          'Contents',
          'MacOS',
          'Campaign Desk',
        ),
      ],
      [
        'darwin',
        'x64',
        at('release', 'smoke', 'mac', 'Campaign Desk.app', 'Contents', 'MacOS', 'Campaign Desk'),
      ],
    ];
    for (const [platform, arch, executable] of cases) {
      const found = await locateAppUnderTest(
        machine({ ...electronBinary, ...builtApp, [executable]: '' }, { platform, arch }),
      );
      expect(found, `${platform} ${arch}`).toEqual({
        kind: 'packaged',
        executablePath: executable,
        args: [],
      });
    }
  });

  it("falls back to the built app run by node_modules' Electron binary, never downloading one", async () => {
    expect(await locateAppUnderTest(machine({ ...electronBinary, ...builtApp }))).toEqual({
      kind: 'built',
      executablePath: at('node_modules', 'electron', 'dist', 'electron'),
      args: [root],
    });
    const unbuilt = await locateAppUnderTest(machine(electronBinary));
    expect(unbuilt.kind === 'missing' && unbuilt.reason).toContain('npm run build');
  });

  it('launches the app the environment names, or says it does not exist', async () => {
    const app = path.join(path.sep, 'Applications', 'Campaign Desk.app');
    const executable = path.join(app, 'Contents', 'MacOS', 'Campaign Desk');
    expect(
      await locateAppUnderTest(
        machine({ [executable]: '' }, { platform: 'darwin', env: { [APP_ENV]: app } }),
      ),
    ).toEqual({ kind: 'packaged', executablePath: executable, args: [] });
    const gone = await locateAppUnderTest(
      machine({ ...electronBinary, ...builtApp }, { env: { [APP_ENV]: '/nowhere/app' } }),
    );
    expect(gone.kind === 'missing' && gone.reason).toContain('/nowhere/app');
  });
});

describe('unsigned file names', () => {
  it('carry the mark before the extension', () => {
    expect(markUnsigned('Campaign-Desk-Setup-${version}-${arch}.${ext}')).toBe(
      'Campaign-Desk-Setup-${version}-${arch}-unsigned.${ext}',
    );
  });
});
