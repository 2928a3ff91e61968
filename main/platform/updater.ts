import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app } from 'electron';
import updaterPackage from 'electron-updater';
import type { Logger, Updater } from '../ports';
import { EngineUpdater } from '../services/app/engine-updater';
import { offUpdater } from '../services/app/no-updater';
import { feedProblem } from '../services/app/update-feed';
import { TRUSTED_UPDATE_KEYS } from '../services/app/update-keys';
import { parsePublicKeys } from '../services/app/update-signature';

/**
 * The app's updater: electron-updater's `autoUpdater` (NSIS on Windows, Squirrel.Mac through a
 * zip on macOS, AppImage on Linux) behind the `Updater` port, with the app's verification
 * (`EngineUpdater`).
 *
 * Off, without touching electron-updater, when this is not an installed release (`npm start`),
 * when the build trusts no update key, or when its feed (`resources/app-update.yml`) is not a
 * generic https feed.
 */
export async function createElectronUpdater(logger: Logger): Promise<Updater> {
  if (!app.isPackaged) return offUpdater('development');
  const trustedKeys = parsePublicKeys(TRUSTED_UPDATE_KEYS);
  if (trustedKeys.length === 0) {
    logger.warn('updates: off, this build trusts no update signing key');
    return offUpdater('no-key');
  }
  const feed = await readFile(path.join(process.resourcesPath, 'app-update.yml'), 'utf8').catch(
    () => null,
  );
  if (feedProblem(feed) !== null) {
    logger.warn('updates: off, the update feed is missing or not https');
    return offUpdater('feed');
  }
  // CommonJS package: its named exports are read from the default export.
  return new EngineUpdater(updaterPackage.autoUpdater, { trustedKeys, logger });
}
