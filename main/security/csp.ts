/**
 * The renderer's Content Security Policy (Electron security checklist 7).
 *
 * The renderer makes no network requests at all (every HTTP call lives in main), so
 * `connect-src` is `'none'`. The browser test host adds exactly its own origin, because there
 * the `window.api` bridge talks to main over loopback HTTP. `npm start` (electron-vite's dev
 * server) additionally needs inline styles and scripts and its hot-reload socket; only unpackaged runs get it.
 */
export function contentSecurityPolicy(
  options: { connectSelf?: boolean; devServerOrigin?: string } = {},
): string {
  const dev = options.devServerOrigin;
  const directives: Record<string, string> = {
    'default-src': "'none'",
    // The React fast-refresh preamble is an inline module script in dev only.
    'script-src': dev ? "'self' 'unsafe-inline'" : "'self'",
    // Vite's dev server injects styles as <style> elements; packaged builds never need this.
    'style-src': dev ? "'self' 'unsafe-inline'" : "'self'",
    'img-src': "'self' data:",
    'font-src': "'self'",
    'connect-src': dev
      ? `'self' ${dev.replace(/^http/, 'ws')}`
      : options.connectSelf
        ? "'self'"
        : "'none'",
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
