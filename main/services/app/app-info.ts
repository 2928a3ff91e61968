import type { AppInfo } from '../../../shared/domain/app-info';
import { matchLocale } from '../../../shared/domain/locale';
import type { Paths, RuntimeInfo } from '../../ports';

/** What the About view shows, assembled from the runtime and the data folder. */
export function describeApp(runtime: RuntimeInfo, paths: Paths): AppInfo {
  return {
    name: runtime.appName,
    version: runtime.appVersion,
    platform: runtime.platform,
    arch: runtime.arch,
    dataFolder: paths.dataFolder,
    host: runtime.host,
    versions: {
      electron: runtime.electron,
      node: runtime.node,
      chrome: runtime.chrome,
      v8: runtime.v8,
    },
    systemLocale: matchLocale(runtime.systemLocaleTag()),
  };
}
