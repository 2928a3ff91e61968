import { createCore, type Core } from '../../main/core';
import type { RuntimeInfo } from '../../main/ports';
import { InMemoryKeyValueStore } from './memory-kv-store';
import { MemoryLogger } from './memory-logger';

/** A runtime that describes a test process. */
export function testRuntime(systemLocale = 'en-US'): RuntimeInfo {
  return {
    host: 'browser-host',
    appName: 'Campaign Desk',
    appVersion: '0.0.0-test',
    electron: '45.4.1',
    chrome: '',
    node: process.versions.node,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    systemLocaleTag: () => systemLocale,
  };
}

/** The real core over in-memory adapters. */
export function testCore(systemLocale = 'en-US'): {
  core: Core;
  store: InMemoryKeyValueStore;
  logger: MemoryLogger;
  opened: string[];
} {
  const store = new InMemoryKeyValueStore();
  const logger = new MemoryLogger();
  const opened: string[] = [];
  const core = createCore({
    runtime: testRuntime(systemLocale),
    paths: { dataFolder: '/tmp/campaign-desk-test' },
    settingsStore: store,
    opener: {
      async openExternal(url) {
        opened.push(url);
      },
    },
    logger,
  });
  return { core, store, logger, opened };
}

/** A context for direct dispatch calls. */
export const noSignal = { signal: new AbortController().signal };
