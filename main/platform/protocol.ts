import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME } from '../ipc/sender';
import { contentSecurityPolicy } from '../security/csp';
import { contentTypeOf, resolveStaticFile, securityHeaders } from '../security/static-files';

/** Must run before `app` is ready: `app://` is a standard, secure scheme (not `file://`). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false },
    },
  ]);
}

/** Serves the built renderer from `root` on `app://campaign-desk/`, with the CSP as a header. */
export function serveRenderer(root: string): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticFile(root, url.pathname) : null;
    if (file === null) return new Response('Not found', { status: 404 });
    const upstream = await net.fetch(pathToFileURL(file).toString());
    if (!upstream.ok) return new Response('Not found', { status: 404 });
    return new Response(upstream.body, {
      status: 200,
      headers: { 'Content-Type': contentTypeOf(file), ...securityHeaders(csp) },
    });
  });
}
