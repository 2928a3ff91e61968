import type { UpdatesOffReason } from '../../../shared/domain/update';
import type { Updater } from '../../ports';

/** The updater of a copy that does not update itself, and why. */
export function offUpdater(reason: UpdatesOffReason): Updater {
  return {
    off: reason,
    async check() {},
    onEvent: () => () => undefined,
    async installAndRestart() {},
  };
}

/** The browser host, `npm start` and tests: not an installed release. */
export const noUpdater: Updater = offUpdater('development');
