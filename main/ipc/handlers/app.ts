import type { Handlers } from '../dispatch';
import type { ExternalOpener, Paths, RuntimeInfo } from '../../ports';
import { describeApp } from '../../services/app/app-info';
import type { Diagnostics } from '../../services/app/diagnostics';
import type { LogNotices } from '../../services/app/log-notices';

/** Handlers of the `app.*` channels. */
export function appHandlers(deps: {
  runtime: RuntimeInfo;
  paths: Paths;
  opener: ExternalOpener;
  logNotices: LogNotices;
  diagnostics: Pick<Diagnostics, 'text'>;
}): Pick<
  Handlers,
  'app.info' | 'app.openExternal' | 'app.logNotice' | 'app.dismissLogNotice' | 'app.diagnostics'
> {
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
    'app.diagnostics': async () => ({ text: await deps.diagnostics.text() }),
  };
}
