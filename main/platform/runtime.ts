import { app, shell } from 'electron';
import type { ExternalOpener, RuntimeInfo } from '../ports';
import { isExternalLinkAllowed } from '../security/navigation';

/** Runtime facts as Electron reports them. */
export function electronRuntime(): RuntimeInfo {
  return {
    host: 'electron',
    appName: app.getName(),
    appVersion: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    systemLocaleTag: () => app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
  };
}

/** Opens allow-listed https links in the system browser. */
export const electronOpener: ExternalOpener = {
  async openExternal(url) {
    if (isExternalLinkAllowed(url)) await shell.openExternal(url);
  },
};
