import { createCore, type Core } from '../../main/core';
import type { LogControl, RuntimeInfo, Updater } from '../../main/ports';
import { InMemoryKeyValueStore } from './memory-kv-store';
import { MemoryLogger } from './memory-logger';
import { RecordingNotifier } from './recording-notifier';
import { InMemorySecretStore } from './memory-secret-store';
import { fakeVendorFactory, type FakeVendorLog } from './fake-vendor';

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

/** What the fake file dialogs answer (null: the person cancels). */
export interface TestDialogs {
  nextOpen: string | null;
  nextSave: string | null;
}

/**
 * The real core over in-memory adapters (a real log file's control, or a scripted updater, when a
 * test passes one).
 */
export function testCore(
  systemLocale = 'en-US',
  options: {
    readonly logControl?: Pick<LogControl, 'onFallback'>;
    readonly updater?: Updater;
  } = {},
): {
  core: Core;
  store: InMemoryKeyValueStore;
  logger: MemoryLogger;
  opened: string[];
  secrets: InMemorySecretStore;
  vendorLog: FakeVendorLog;
  dialogs: TestDialogs;
} {
  const store = new InMemoryKeyValueStore();
  const secrets = new InMemorySecretStore();
  const vendorLog: FakeVendorLog = { calls: [] };
  const dialogs: TestDialogs = { nextOpen: null, nextSave: null };
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
    ...(options.logControl ? { logControl: options.logControl } : {}),
    secrets,
    vendorFor: fakeVendorFactory(vendorLog),
    dialogs: {
      openFile: async () => dialogs.nextOpen,
      saveFile: async () => dialogs.nextSave,
    },
    databaseFile: ':memory:',
    notifier: new RecordingNotifier(),
    ...(options.updater ? { updater: options.updater } : {}),
  });
  return { core, store, logger, opened, secrets, vendorLog, dialogs };
}

/** A context for direct dispatch calls. */
export const noSignal = { signal: new AbortController().signal };
