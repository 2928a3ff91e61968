/**
 * The renderer's Content Security Policy (Electron security checklist 7).
 *
 * The renderer makes no network requests at all (every HTTP call lives in main), so
 * `connect-src` is `'none'`. The browser test host adds exactly its own origin, because there
 * the `window.api` bridge talks to main over loopback HTTP.
 */
export function contentSecurityPolicy(options: { connectSelf?: boolean } = {}): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data:",
    'font-src': "'self'",
    'connect-src': options.connectSelf ? "'self'" : "'none'",
    'worker-src': "'self'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-src': "'none'",
    'frame-ancestors': "'none'",
    'object-src': "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
