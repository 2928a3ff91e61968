import { originOf } from '../ipc/sender';

/** What to do with a window.open / target=_blank request. */
export interface OpenDecision {
  /** Always "deny": the app never opens a second Electron window for web content. */
  readonly action: 'deny';
  /** An https URL to hand to the system browser, or null to drop it. */
  readonly openExternally: string | null;
}

/**
 * Electron security checklist 13 and 14: deny every navigation away from the app's own origins.
 *
 * Reloads and in-app hash changes stay on the same origin and are allowed.
 */
export function isNavigationAllowed(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

/** https links go to the system browser; everything else is dropped. No new windows, ever. */
export function decideWindowOpen(url: string): OpenDecision {
  return { action: 'deny', openExternally: isExternalLinkAllowed(url) ? url : null };
}

/** Only well-formed https URLs may leave the app for the system browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Who asks for a permission: the requesting page's URL or origin, and whether it is the main frame. */
export interface PermissionRequester {
  readonly url: string;
  readonly isMainFrame: boolean;
}

/**
 * The one permission the app's own page gets: writing text to the clipboard (About's "Copy
 * diagnostics"). Chromium asks for it before every `navigator.clipboard.writeText`, and still
 * requires a focused page and a user's click; what is written is sanitized. Reading the
 * clipboard stays denied.
 */
export const CLIPBOARD_WRITE_PERMISSION = 'clipboard-sanitized-write';

/**
 * Electron security checklist 5: the renderer gets no permission (camera, notifications, …),
 * except writing to the clipboard, and that only to the main frame of the app's own origin
 * (the recommendation: check the requesting origin before granting an exception).
 */
export function decidePermission(
  permission: string,
  requester: PermissionRequester,
  trustedOrigins: readonly string[],
): boolean {
  return (
    permission === CLIPBOARD_WRITE_PERMISSION &&
    requester.isMainFrame &&
    isNavigationAllowed(requester.url, trustedOrigins)
  );
}
