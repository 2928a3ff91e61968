import { describe, expect, it } from 'vitest';
import {
  decidePermission,
  decideWindowOpen,
  isExternalLinkAllowed,
  isNavigationAllowed,
} from '../../../main/security/navigation';
import { contentSecurityPolicy } from '../../../main/security/csp';
import { APP_ORIGIN } from '../../../main/ipc/sender';

const trusted = [APP_ORIGIN];

describe('navigation guard', () => {
  it('allows the app origin (reloads, hash routes) and nothing else', () => {
    expect(isNavigationAllowed('app://campaign-desk/index.html#/tasks', trusted)).toBe(true);
    expect(isNavigationAllowed('https://example.com/', trusted)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', trusted)).toBe(false);
    expect(isNavigationAllowed('app://other-host/index.html', trusted)).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', trusted)).toBe(false);
    expect(isNavigationAllowed('not a url', trusted)).toBe(false);
  });
});

describe('new windows', () => {
  it('are always denied; https links go to the system browser', () => {
    expect(decideWindowOpen('https://docs.example.com/help')).toEqual({
      action: 'deny',
      openExternally: 'https://docs.example.com/help',
    });
  });

  it('drop every other scheme and credentials in links', () => {
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/system32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'app://campaign-desk/index.html',
      'https://user:pass@example.com/',
    ]) {
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null });
      expect(isExternalLinkAllowed(url)).toBe(false);
    }
  });
});

describe('permissions', () => {
  const appPage = { url: 'app://campaign-desk/index.html#/about', isMainFrame: true };

  it('are all denied, to the app’s own page too, except writing to the clipboard', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'unknown',
    ]) {
      expect(decidePermission(permission, appPage, trusted)).toBe(false);
    }
  });

  it('let the app’s own main frame write to the clipboard ("Copy diagnostics"), and nothing else', () => {
    expect(decidePermission('clipboard-sanitized-write', appPage, trusted)).toBe(true);
    // The check handler gets an origin rather than a URL.
    expect(
      decidePermission(
        'clipboard-sanitized-write',
        { url: 'app://campaign-desk', isMainFrame: true },
        trusted,
      ),
    ).toBe(true);
    for (const requester of [
      { url: 'app://campaign-desk/index.html', isMainFrame: false },
      { url: 'https://example.com/', isMainFrame: true },
      { url: 'app://other-host/index.html', isMainFrame: true },
      { url: 'file:///etc/passwd', isMainFrame: true },
      { url: '', isMainFrame: true },
    ]) {
      expect(decidePermission('clipboard-sanitized-write', requester, trusted)).toBe(false);
    }
  });
});

describe('content security policy', () => {
  const directives = (csp: string) =>
    new Map(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name ?? '', values.join(' ')];
      }),
    );

  it('lets the app load only its own scripts and styles, and make no network requests', () => {
    const csp = directives(contentSecurityPolicy());
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('opens only its own origin for the browser host bridge', () => {
    expect(directives(contentSecurityPolicy({ connectSelf: true })).get('connect-src')).toBe(
      "'self'",
    );
  });
});

describe('the development policy (npm start only)', () => {
  it('adds inline styles, the fast-refresh preamble and the hot-reload socket of the dev server, nothing else', () => {
    const csp = contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' });
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).toContain("script-src 'self' 'unsafe-inline';");
    expect(csp).not.toContain('unsafe-eval');
  });
});
