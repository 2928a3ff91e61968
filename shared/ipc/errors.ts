import { z } from 'zod';

/**
 * The closed set of error codes a channel may answer with.
 *
 * The renderer shows `message` (written for a person, in the user's language); the code lets it
 * choose how to react (e.g. offer "Open Settings" for KEYCHAIN_UNAVAILABLE).
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNTRUSTED_SENDER',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED',
  'TIMEOUT',
  'NETWORK',
  'KEYCHAIN_UNAVAILABLE',
  'VENDOR_AUTH',
  'VENDOR_REJECTED',
  'VENDOR_UNAVAILABLE',
  'FILE_UNREADABLE',
  'LIMIT_EXCEEDED',
  'INTERNAL',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The error half of the IPC envelope. */
export const IpcErrorSchema = z.strictObject({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** The envelope every request answers with. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };
