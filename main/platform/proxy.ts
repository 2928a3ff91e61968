import { session } from 'electron';
import type { Logger } from '../ports';
import { parsePacResult, type ProxyResolver } from '../services/vendors/proxy-resolver';

/**
 * The system proxy as Chromium sees it: OS settings, PAC scripts and WPAD, through
 * `session.defaultSession.resolveProxy` (call after `app.whenReady()`).
 */
export function electronProxyResolver(logger: Logger): ProxyResolver {
  return {
    async resolve(url) {
      const choice = parsePacResult(await session.defaultSession.resolveProxy(url));
      if (choice.skipped.length > 0) {
        logger.warn('The system proxy names proxies the app cannot use; they were skipped.', {
          skipped: choice.skipped,
        });
      }
      return choice.proxy;
    },
  };
}
