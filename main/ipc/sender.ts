/** The part of an Electron IPC event the sender check needs (structural, so tests need no Electron). */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
  readonly sender: { readonly mainFrame: unknown };
}

/** The origin the renderer is served from in a packaged app. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'campaign-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The origin of a URL, or null when it has none we trust. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // `URL.origin` is "null" for custom schemes, so build it from the parts.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * Electron security checklist 17 (validate the sender of all IPC messages), as VS Code does it:
 * only the window's main frame, loaded from one of the app's own origins, may call main.
 */
export function isTrustedSender(event: SenderEvent, trustedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (frame === null) return false;
  if (frame !== event.sender.mainFrame) return false;
  const origin = originOf(frame.url);
  return origin !== null && trustedOrigins.includes(origin);
}
