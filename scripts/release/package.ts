/**
 * Builds one of the non-release variants of the app (scripts/release/builder-variants.ts) with
 * electron-builder, over electron-builder.yml. Run `npm run build` first.
 *
 *   npx tsx scripts/release/package.ts smoke      # release/smoke/<platform>-unpacked, for the smoke test
 *   npx tsx scripts/release/package.ts unsigned   # installers marked "unsigned"
 *
 * A release is not made here: release.yml runs electron-builder on electron-builder.yml as it is,
 * which signs or fails.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'electron-builder';
import { load } from 'js-yaml';
import { variantOverrides, type BuildVariant } from './builder-variants';

const root = path.resolve(import.meta.dirname, '../..');

function variantArgument(value: string | undefined): BuildVariant | null {
  return value === 'smoke' || value === 'unsigned' ? value : null;
}

const variant = variantArgument(process.argv[2]);
if (variant === null) {
  console.error('Usage: npx tsx scripts/release/package.ts smoke|unsigned');
  process.exit(2);
}
const base: unknown = load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8'));
if (variant === 'unsigned') {
  console.warn('Building UNSIGNED installers: for testing only, never for release.');
}
const files = await build({
  projectDir: root,
  // electron-builder.yml is read as usual; these overrides are merged over it.
  config: variantOverrides(variant, base),
  dir: variant === 'smoke',
  publish: 'never',
});
console.log(files.map((file) => path.relative(root, file)).join('\n'));
