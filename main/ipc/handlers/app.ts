import type { Handlers } from '../dispatch';
import type { ExternalOpener, Paths, RuntimeInfo } from '../../ports';
import { describeApp } from '../../services/app/app-info';
import type { LogNotices } from '../../services/app/log-notices';

/** Handlers of the `app.*` channels. */
export function appHandlers(deps: {
  runtime: RuntimeInfo;
  paths: Paths;
  opener: ExternalOpener;
  logNotices: LogNotices;
}): Pick<Handlers, 'app.info' | 'app.openExternal' | 'app.logNotice' | 'app.dismissLogNotice'> {
  return {
    'app.info': () => describeApp(deps.runtime, deps.paths),
    'app.openExternal': async ({ url }) => {
      await deps.opener.openExternal(url);
      return {};
    },
    'app.logNotice': () => ({ notice: deps.logNotices.current() }),
    'app.dismissLogNotice': () => {
      deps.logNotices.dismiss();
      return {};
    },
  };
}
