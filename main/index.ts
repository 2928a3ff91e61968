import { app, BrowserWindow, dialog, ipcMain, net } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_CHANNEL } from '../shared/ipc/names';
import { createCore } from './core';
import { registerIpc } from './ipc/register';
import { APP_ORIGIN, originOf } from './ipc/sender';
import { debugLogging, JsonLinesLogger } from './services/logging/logger';
import { maskingSecretStore } from './services/logging/masking-secret-store';
import { protectDataFolder, restrictNewFiles } from './services/app/private-data';
import { AppError } from './services/errors';
import { openElectronSettingsStore } from './platform/electron-store';
import { KeytarSecretStore } from './platform/keytar-secret-store';
import { electronDialogs } from './platform/dialogs';
import { electronNotifier } from './platform/notifier';
import { registerAppScheme, serveRenderer } from './platform/protocol';
import { electronOpener, electronRuntime } from './platform/runtime';
import { electronProxyResolver } from './platform/proxy';
import { createElectronUpdater } from './platform/updater';
import { createMainWindow, lockDownSession } from './platform/window';

// Composition root only: adapters → core (services, handlers) → IPC → window.

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];

registerAppScheme();
app.enableSandbox();
// Before anything is written: every file the app creates is 0600, every folder 0700 (POSIX).
restrictNewFiles();

async function start(): Promise<void> {
  await app.whenReady();
  const dataFolder = app.getPath('userData');
  // Files left 0644 by an older version (or by Electron before this ran) are tightened too.
  const modeProblems = await protectDataFolder(dataFolder);
  // Never throws: a full disk or a read-only folder gives stderr and a notice (logControl).
  const logger = await JsonLinesLogger.open(dataFolder, {
    echo: !app.isPackaged,
    debug: debugLogging(app.isPackaged, process.env),
  });
  if (modeProblems.length > 0) {
    logger.warn('Some data files could not be made private', { problems: modeProblems });
  }
  const core = createCore({
    runtime: electronRuntime(),
    paths: { dataFolder },
    // A damaged settings file is set aside and the last good copy used (a notice says so).
    settingsStore: await openElectronSettingsStore(dataFolder, logger),
    opener: electronOpener,
    logger,
    logControl: logger,
    // Every secret read from or written to the keychain is masked in the log from then on.
    secrets: maskingSecretStore(new KeytarSecretStore(), logger),
    dialogs: electronDialogs(app.getPath('documents')),
    // Bundled beside index.js by electron-vite (see electron.vite.config.ts).
    listsWorkerUrl: new URL('./import-worker.js', import.meta.url),
    notifier: electronNotifier,
    isOnline: () => net.isOnline(),
    // A database recovery is carried out at the next start: quit (closing the database) and
    // start again (Electron starts the new instance once this one has exited).
    relaunch: () => {
      app.relaunch();
      app.quit();
    },
    proxyResolver: electronProxyResolver(logger),
    // Checked at start and daily; a download is installed only when its signature verifies
    // and the person clicks Restart (off in development and without an update key).
    updater: await createElectronUpdater(logger),
  });

  const devOrigin = devServerUrl && !app.isPackaged ? originOf(devServerUrl) : null;
  const trustedOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];

  lockDownSession(devOrigin);
  serveRenderer(path.join(here, '../renderer'));
  registerIpc(ipcMain, core.dispatch, {
    trustedOrigins,
    locale: () => core.settings.locale(),
    logger,
  });
  core.events.attach((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      window.webContents.send(EVENT_CHANNEL, event, payload);
    }
  });

  const open = () =>
    createMainWindow({
      preloadPath: path.join(here, '../preload/index.cjs'),
      url: devOrigin && devServerUrl ? devServerUrl : `${APP_ORIGIN}/index.html`,
      trustedOrigins,
      logger,
    });
  await open();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void open();
  });
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the database, the outbox and the simulator before the process ends.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    const finish = async () => {
      try {
        await core.close();
        await logger.close();
      } finally {
        closed = true;
        app.quit();
      }
    };
    void finish();
  });
}

// One instance: a second launch focuses the first window instead of opening the database twice.
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    // A start-up failure (e.g. data written by a newer version) must be seen, not swallowed.
    const message =
      error instanceof AppError
        ? error.text.en
        : error instanceof Error
          ? error.message
          : String(error);
    dialog.showErrorBox('Campaign Desk could not start', message);
    app.exit(1);
  });
} else {
  app.quit();
}
