import type { Handlers } from '../dispatch';
import type { SettingsService } from '../../services/settings/settings-service';

/** Handlers of the `settings.*` channels. */
export function settingsHandlers(
  settings: SettingsService,
): Pick<
  Handlers,
  'settings.get' | 'settings.update' | 'settings.recoveryNotice' | 'settings.dismissRecoveryNotice'
> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': ({ patch }) => settings.update(patch),
    'settings.recoveryNotice': () => ({ notice: settings.recoveryNotice() }),
    'settings.dismissRecoveryNotice': () => {
      settings.dismissRecoveryNotice();
      return {};
    },
  };
}
