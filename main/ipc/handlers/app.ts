import type { Handlers } from '../dispatch';
import type { ExternalOpener, Paths, RuntimeInfo } from '../../ports';
import { describeApp } from '../../services/app/app-info';

/** Handlers of the `app.*` channels. */
export function appHandlers(deps: {
  runtime: RuntimeInfo;
  paths: Paths;
  opener: ExternalOpener;
}): Pick<Handlers, 'app.info' | 'app.openExternal'> {
  return {
    'app.info': () => describeApp(deps.runtime, deps.paths),
    'app.openExternal': async ({ url }) => {
      await deps.opener.openExternal(url);
      return {};
    },
  };
}
