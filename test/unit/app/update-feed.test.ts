import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { feedProblem } from '../../../main/services/app/update-feed';
import { repoRoot } from '../../host/runtime';

const require = createRequire(import.meta.url);
/** electron-builder's own code: how it turns `publish` into resources/app-update.yml. */
const { getAppUpdatePublishConfiguration } =
  require('app-builder-lib/out/publish/PublishManager') as {
    getAppUpdatePublishConfiguration: (
      packager: unknown,
      targetSpecificOptions: unknown,
      arch: unknown,
      errorIfCannot: boolean,
    ) => Promise<Record<string, unknown> | null>;
  };
const { serializeToYaml } = require('builder-util') as {
  serializeToYaml: (value: unknown) => string;
};

async function builderConfig(): Promise<Record<string, unknown>> {
  return load(await readFile(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  >;
}

/**
 * The app-update.yml electron-builder writes for `config` on Linux (a packager reduced to what
 * the publish code reads; owner and repo as electron-builder reads them from the git remote).
 */
async function appUpdateYml(config: Record<string, unknown>): Promise<string | null> {
  const info = {
    config,
    repositoryInfo: Promise.resolve({ type: 'github', user: 'campaign-desk', project: 'desk' }),
    appInfo: { channel: null, updaterCacheDirName: 'campaign-desk-updater' },
  };
  const packager = {
    platform: { name: 'linux', buildConfigurationKey: 'linux' },
    platformSpecificBuildOptions: config['linux'] ?? {},
    config,
    info,
    appInfo: info.appInfo,
    expandMacro: (pattern: string) => pattern,
  };
  const publishConfig = await getAppUpdatePublishConfiguration(packager, null, null, true);
  return publishConfig === null ? null : serializeToYaml(publishConfig);
}

describe('the update feed', () => {
  it("is this repository's GitHub releases over https, as electron-builder writes it into the app", async () => {
    const config = await builderConfig();
    expect(config['publish']).toEqual([
      expect.objectContaining({ provider: 'github', protocol: 'https' }),
    ]);
    const yml = await appUpdateYml(config);
    expect(yml).toContain('provider: github');
    expect(yml).toContain('owner: campaign-desk');
    expect(feedProblem(yml)).toBeNull();
  });

  it('would be refused by the app if the builder config pointed it at plain http', async () => {
    const config = await builderConfig();
    const http = { ...config, publish: [{ provider: 'github', protocol: 'http' }] };
    expect(feedProblem(await appUpdateYml(http))).toBe('feed');
    const generic = {
      ...config,
      publish: [{ provider: 'generic', url: 'http://updates.example' }],
    };
    expect(feedProblem(await appUpdateYml(generic))).toBe('feed');
  });

  it('accepts only https feeds it can name, and nothing when there is no feed file', () => {
    expect(feedProblem(null)).toBe('feed');
    expect(feedProblem('')).toBe('feed');
    expect(feedProblem('provider: generic\nurl: https://updates.example/desk\n')).toBeNull();
    expect(feedProblem("provider: generic\nurl: 'https://updates.example/desk'\n")).toBeNull();
    expect(feedProblem('provider: generic\nurl: http://updates.example/desk\n')).toBe('feed');
    expect(feedProblem('provider: generic\nurl: https://u:p@updates.example/\n')).toBe('feed');
    expect(feedProblem('provider: generic\n')).toBe('feed');
    expect(feedProblem('provider: github\nowner: a\nrepo: b\n')).toBeNull();
    expect(feedProblem('provider: github\nowner: a\nrepo: b\nhost: evil.example\n')).toBe('feed');
    expect(feedProblem('provider: github\nrepo: b\n')).toBe('feed');
    expect(feedProblem('provider: s3\nbucket: x\n')).toBe('feed');
  });

  it('has Windows check the installer’s Authenticode signature against the publisher', async () => {
    const win = (await builderConfig())['win'] as Record<string, unknown>;
    expect(win['verifyUpdateCodeSignature']).toBe(true);
  });
});
