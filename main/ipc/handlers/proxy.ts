import type { Handlers } from '../dispatch';
import type { ProxySettingsService } from '../../services/settings/proxy-settings';

/** Handlers of the proxy channels (`settings.proxy`, `settings.setProxy`). */
export function proxyHandlers(
  proxy: ProxySettingsService,
): Pick<Handlers, 'settings.proxy' | 'settings.setProxy'> {
  return {
    'settings.proxy': () => proxy.get(),
    'settings.setProxy': (change) => proxy.update(change),
  };
}
