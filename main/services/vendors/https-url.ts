import { isExternalLinkAllowed } from '../../security/navigation';

/**
 * The text as an https URL, or null.
 *
 * Recording links are opened in the system browser, so the same allow-list as `app.openExternal`
 * applies (https, no credentials); anything else is dropped here rather than shown as a button.
 */
export function httpsUrlOrNull(text: string | null | undefined): string | null {
  const candidate = text?.trim() ?? '';
  return candidate !== '' && isExternalLinkAllowed(candidate)
    ? new URL(candidate).toString()
    : null;
}
