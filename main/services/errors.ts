import type { ErrorCode, IpcError } from '../../shared/ipc/errors';
import type { Locale, LocalizedText } from '../../shared/domain/locale';

/**
 * An error with a code, a message for a person in every UI language, and details for the log.
 *
 * Services throw it; the IPC layer turns it into the `{ ok: false, error }` envelope in the
 * user's language. Details must never hold secrets.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    text: LocalizedText,
    details?: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.name = 'AppError';
    this.code = code;
    this.text = text;
    this.details = details;
  }

  /** The envelope error in one language; only allow-listed details cross (`crossingDetails`). */
  toIpcError(locale: Locale): IpcError {
    const details = crossingDetails(this.code, this.details);
    return details === undefined
      ? { code: this.code, message: this.text[locale] }
      : { code: this.code, message: this.text[locale], details };
  }
}

/**
 * The details each error code may show the renderer; every other key stays in the log.
 *
 * Details are written for the log: vendor messages, URLs, file names, account ids, causes. The
 * renderer needs only what lets it choose a reaction (which import failure, which vendor code,
 * whether a send may have reached the vendor), so only those keys cross IPC, and only as short
 * plain values.
 */
export const DETAILS_THAT_CROSS: { readonly [C in ErrorCode]: readonly string[] } = {
  INVALID_INPUT: ['failure', 'fields', 'field', 'vendorCode', 'limit', 'rowNumber'],
  UNTRUSTED_SENDER: [],
  UNKNOWN_CHANNEL: [],
  NOT_FOUND: ['failure'],
  CONFLICT: ['failure'],
  CANCELLED: ['outcome'],
  TIMEOUT: ['failure', 'outcome'],
  NETWORK: ['outcome'],
  KEYCHAIN_UNAVAILABLE: [],
  VENDOR_AUTH: ['vendorCode'],
  VENDOR_REJECTED: ['vendorCode', 'outcome', 'clockSkewSeconds'],
  VENDOR_UNAVAILABLE: ['vendorCode', 'outcome'],
  FILE_UNREADABLE: ['failure'],
  LIMIT_EXCEEDED: ['failure', 'limit'],
  INTERNAL: [],
};

/** The longest text value that may cross. */
const MAX_CROSSING_TEXT = 200;
/** The most items of a list value (e.g. the names of the fields in error). */
const MAX_CROSSING_ITEMS = 20;

function isShortPlain(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value.length <= MAX_CROSSING_TEXT)
  );
}

/** The details of `code` that may reach the renderer: allow-listed keys with short plain values. */
export function crossingDetails(
  code: ErrorCode,
  details: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> | undefined {
  if (details === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of DETAILS_THAT_CROSS[code]) {
    if (!Object.hasOwn(details, key)) continue;
    const value = details[key];
    if (isShortPlain(value)) out[key] = value;
    else if (
      Array.isArray(value) &&
      value.length <= MAX_CROSSING_ITEMS &&
      value.every((item) => isShortPlain(item))
    ) {
      out[key] = [...value];
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** True when `value` is an AppError (also across module copies, by shape). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
