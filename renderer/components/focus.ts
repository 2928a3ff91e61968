/** The element that receives focus when nothing better is left: the current page's heading. */
function pageHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.page-header h1');
}

/**
 * Moves focus back to `opener` (the element focused before a dialog or panel opened) once it
 * closes; when `opener` has left the page or cannot take focus, to the page's heading instead.
 *
 * Runs after the closing render, so an opener that React re-rendered in place still counts.
 */
export function restoreFocus(opener: Element | null): void {
  queueMicrotask(() => {
    const focused = document.activeElement;
    // Something else already took focus on purpose (a form's next field, a new page).
    if (focused !== null && focused !== document.body && focused.isConnected) return;
    if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) {
      opener.focus();
      if (document.activeElement === opener) return;
    }
    pageHeading()?.focus();
  });
}
