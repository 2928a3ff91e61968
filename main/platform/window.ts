import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { buildWindowOptions } from '../security/window-options';
import { decidePermission, decideWindowOpen, isNavigationAllowed } from '../security/navigation';
import { APP_ORIGIN } from '../ipc/sender';
import type { Logger } from '../ports';
import { contentSecurityPolicy } from '../security/csp';

/**
 * Applies the session-wide rules: every permission request and check is denied, except writing
 * text to the clipboard from the app's own page (`decidePermission`).
 */
export function lockDownSession(devServerOrigin: string | null): void {
  const trustedOrigins = devServerOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devServerOrigin];
  if (devServerOrigin !== null) {
    // The dev server sends no CSP of its own; give its pages the (relaxed) dev policy.
    const csp = contentSecurityPolicy({ devServerOrigin });
    session.defaultSession.webRequest.onHeadersReceived(
      { urls: [`${devServerOrigin}/*`] },
      (details, callback) =>
        callback({
          responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
        }),
    );
  }
  // Both handlers: Chromium checks a permission first and asks only when the check says no.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      decidePermission(
        permission,
        { url: details.requestingUrl, isMainFrame: details.isMainFrame },
        trustedOrigins,
      ),
    ),
  );
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      decidePermission(
        permission,
        { url: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame },
        trustedOrigins,
      ),
  );
}

function guardContents(contents: WebContents, trustedOrigins: readonly string[], logger: Logger) {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, trustedOrigins)) {
      event.preventDefault();
      logger.warn('Navigation denied', { url });
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally !== null) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
}

/** Creates the main window with the security options and navigation guards, and loads `url`. */
export async function createMainWindow(options: {
  preloadPath: string;
  url: string;
  trustedOrigins: readonly string[];
  logger: Logger;
}): Promise<BrowserWindow> {
  const window = new BrowserWindow(buildWindowOptions(options.preloadPath));
  guardContents(window.webContents, options.trustedOrigins, options.logger);
  window.once('ready-to-show', () => window.show());
  await window.loadURL(options.url);
  return window;
}
