import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { repoRoot } from '../host/runtime';

const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (
    config: unknown,
    logger: { isEnabled: boolean; add(): void },
  ) => Promise<void>;
};
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
