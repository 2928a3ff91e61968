import type { Configuration } from 'electron-builder';

/**
 * The builds that are not releases. Both are unsigned, both are made only on purpose
 * (scripts/release/package.ts), and both leave electron-builder.yml, the release configuration,
 * as it is: electron-builder deep-merges these overrides over the file.
 *
 * - `smoke`: the unpacked app that the Playwright smoke test drives (test/electron-smoke/).
 *   Playwright's `_electron.launch` talks to the main process through Node's inspector
 *   (`--inspect=0`), which the release's nodeCliInspect fuse refuses, so this one build turns
 *   that fuse on. Every other fuse, ASAR integrity, the unpacked keytar and the rebuilt native
 *   modules are as released. It is never uploaded.
 * - `unsigned`: installers for pull requests and local try-outs, every file name marked
 *   "unsigned".
 */
export type BuildVariant = 'smoke' | 'unsigned';

/** Where each variant's output goes (git ignores `release/`). */
export const VARIANT_OUTPUT: Readonly<Record<BuildVariant, string>> = {
  smoke: 'release/smoke',
  unsigned: 'release/${version}-unsigned',
};

/** The mark every unsigned installer carries in its file name. */
export const UNSIGNED_MARK = '-unsigned';

/** `name-1.0.exe` → `name-1.0-unsigned.exe` (electron-builder's `${ext}` macro kept last). */
export function markUnsigned(artifactName: string): string {
  return artifactName.replace(/\.\$\{ext\}$/, `${UNSIGNED_MARK}.\${ext}`);
}

function artifactNameIn(base: unknown, section: string): string | undefined {
  if (typeof base !== 'object' || base === null || !(section in base)) return undefined;
  const value: unknown = (base as Record<string, unknown>)[section];
  if (typeof value !== 'object' || value === null || !('artifactName' in value)) return undefined;
  return typeof value.artifactName === 'string' ? value.artifactName : undefined;
}

/** Signing off on macOS and Windows: ad-hoc on macOS (Apple silicon runs only signed code). */
const UNSIGNED_PLATFORMS = {
  win: { forceCodeSigning: false },
  mac: {
    forceCodeSigning: false,
    identity: '-',
    // An ad-hoc signature has no team, so the hardened runtime's library validation would
    // refuse Electron's own frameworks; notarization needs a Developer ID.
    hardenedRuntime: false,
    notarize: false,
  },
} as const;

/**
 * The overrides a variant applies to electron-builder.yml (`base`, as parsed), for
 * electron-builder's `config` option.
 */
export function variantOverrides(variant: BuildVariant, base: unknown): Configuration {
  if (variant === 'smoke') {
    return {
      directories: { output: VARIANT_OUTPUT.smoke },
      electronFuses: { enableNodeCliInspectArguments: true },
      win: { ...UNSIGNED_PLATFORMS.win },
      mac: { ...UNSIGNED_PLATFORMS.mac },
    };
  }
  const named = (section: 'nsis' | 'dmg' | 'appImage') => {
    const name = artifactNameIn(base, section);
    return name === undefined ? {} : { [section]: { artifactName: markUnsigned(name) } };
  };
  return {
    directories: { output: VARIANT_OUTPUT.unsigned },
    win: { ...UNSIGNED_PLATFORMS.win },
    mac: {
      ...UNSIGNED_PLATFORMS.mac,
      // The zip's name (the dmg has its own, below).
      artifactName: markUnsigned('${productName}-${version}-${arch}-mac.${ext}'),
    },
    ...named('nsis'),
    ...named('dmg'),
    ...named('appImage'),
  };
}
