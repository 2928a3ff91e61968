import type { Handlers } from '../dispatch';
import type { UpdateService } from '../../services/app/update-service';

/** Handlers of the `updates.*` channels: the updater's state, and Restart to update. */
export function updatesHandlers(
  updates: UpdateService,
): Pick<Handlers, 'updates.state' | 'updates.install'> {
  return {
    'updates.state': () => updates.state(),
    'updates.install': async () => {
      await updates.installAndRestart();
      return {};
    },
  };
}
