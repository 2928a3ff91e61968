import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RuntimeInfo } from '../../main/ports';

const root = path.resolve(import.meta.dirname, '../..');

/** Runtime facts for the browser host: the real Node, and the Electron version the app pins. */
export async function hostRuntime(systemLocale: string): Promise<RuntimeInfo> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    productName: string;
    version: string;
    devDependencies: Record<string, string>;
  };
  return {
    host: 'browser-host',
    appName: pkg.productName,
    appVersion: pkg.version,
    electron: pkg.devDependencies['electron'] ?? '',
    chrome: '',
    node: process.versions.node,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    systemLocaleTag: () => systemLocale,
  };
}

/** The repository root. */
export const repoRoot = root;
