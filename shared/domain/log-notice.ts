import { z } from 'zod';

/**
 * Why the log file could not be written.
 *
 * - `disk-full`: the disk holding the data folder is full (ENOSPC, EDQUOT).
 * - `read-only`: the data folder cannot be written (EROFS, EACCES, EPERM).
 * - `other`: any other file error (the log keeps the system's code).
 */
export const LogFailureReasonSchema = z.enum(['disk-full', 'read-only', 'other']);
export type LogFailureReason = z.infer<typeof LogFailureReasonSchema>;

/** The log file stopped working and lines now go to the standard error stream: shown as a notice. */
export const LogNoticeSchema = z.strictObject({
  /** When the log file failed (ISO 8601). */
  at: z.string().max(40),
  reason: LogFailureReasonSchema,
});
export type LogNotice = z.infer<typeof LogNoticeSchema>;
