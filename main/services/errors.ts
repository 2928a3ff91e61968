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

  /** The envelope error in one language. */
  toIpcError(locale: Locale): IpcError {
    return this.details === undefined
      ? { code: this.code, message: this.text[locale] }
      : { code: this.code, message: this.text[locale], details: { ...this.details } };
  }
}

/** True when `value` is an AppError (also across module copies, by shape). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
