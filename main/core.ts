import type { ExternalOpener, KeyValueStore, Logger, Paths, RuntimeInfo } from './ports';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatch';
import { appHandlers } from './ipc/handlers/app';
import { settingsHandlers } from './ipc/handlers/settings';
import { EventBus } from './services/events';
import { SettingsService } from './services/settings/settings-service';

/** The adapters a host (Electron, or the browser test host) hands to the core. */
export interface CoreAdapters {
  readonly runtime: RuntimeInfo;
  readonly paths: Paths;
  readonly settingsStore: KeyValueStore;
  readonly opener: ExternalOpener;
  readonly logger: Logger;
}

/** Services, handlers and the dispatcher: everything main does, without Electron. */
export interface Core {
  readonly dispatch: Dispatch;
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly settings: SettingsService;
  close(): Promise<void>;
}

/**
 * Builds the plain-Node core from adapters.
 *
 * `main/index.ts` calls it with Electron adapters; `test/host/` calls it with test adapters, so
 * the e2e tests exercise the same services and handlers the app runs.
 */
export function createCore(adapters: CoreAdapters): Core {
  const events = new EventBus(adapters.logger);
  const settings = new SettingsService(
    adapters.settingsStore,
    () => adapters.runtime.systemLocaleTag(),
    adapters.logger,
  );
  settings.onChange((preferences) => events.emit('settings.changed', preferences));

  const handlers: Handlers = {
    ...appHandlers(adapters),
    ...settingsHandlers(settings),
  };
  const dispatch = createDispatcher(handlers, () => settings.locale(), adapters.logger);
  return {
    dispatch,
    handlers,
    events,
    settings,
    close: async () => {},
  };
}
