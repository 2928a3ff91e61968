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

/** Electron security checklist 5: the renderer gets no permission (camera, notifications, …). */
export function decidePermission(_permission: string): boolean {
  return false;
}
