import type { Handlers } from '../dispatch';
import type { RecoveryStarted } from '../../../shared/domain/storage';
import type { CheckedStorage } from '../../services/storage/checked-storage';

/**
 * Handlers of the `storage.*` channels: the start-up check's result and the two recoveries.
 *
 * A recovery is carried out at the next start (nothing may hold the damaged file while it is
 * moved aside), so after scheduling one the app restarts itself when the host can (`relaunch`:
 * Electron's `app.relaunch()` and quit; the browser host rebuilds its core); otherwise the
 * answer tells the person to reopen the app.
 */
export function storageHandlers(deps: {
  readonly storage: CheckedStorage;
  readonly relaunch?: (() => void) | undefined;
}): Pick<Handlers, 'storage.status' | 'storage.restore' | 'storage.startEmpty'> {
  const restart = (): RecoveryStarted => {
    const relaunch = deps.relaunch;
    if (!relaunch) return { restarting: false };
    // After the answer has been sent.
    setImmediate(relaunch);
    return { restarting: true };
  };
  return {
    'storage.status': () => deps.storage.state(),
    'storage.restore': async ({ backupId }) => {
      await deps.storage.scheduleRestore(backupId);
      return restart();
    },
    'storage.startEmpty': async () => {
      await deps.storage.scheduleStartEmpty();
      return restart();
    },
  };
}
