import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options, with every security setting spelled out.
 *
 * Electron security checklist: 2 (no Node integration), 3 (context isolation), 4 (sandbox),
 * 6 (webSecurity on), 8 (no insecure content), 9 (no experimental features), 10 (no
 * enableBlinkFeatures), 11/12 (no <webview>). Defaults are restated on purpose: a test reads them,
 * and a future Electron default change cannot weaken us silently.
 */
export function buildWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Campaign Desk',
    backgroundColor: '#1b1f24',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: true,
    },
  };
}
