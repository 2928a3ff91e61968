import { z } from 'zod';
import { TaskKindSchema } from './task';

const LocalizedTextSchema = z.strictObject({ en: z.string(), 'zh-CN': z.string() });

/**
 * Where a submission is in its life.
 *
 * - `queued`: journaled, waiting its turn (or for the vendor to be reachable)
 * - `sending`: requests are leaving now
 * - `waiting`: the last attempt ended without an answer (offline, timeout, reset); the next
 *   attempt first looks the task up, then sends only what is missing
 * - `attention`: the vendor refused, or something needs a person (retry after fixing it)
 * - `done`: a read-back of the task shows every number that was sent (those the vendor refused
 *   are listed in `refused`); `cancelled`: withdrawn before anything was sent
 */
export const SubmissionStateSchema = z.enum([
  'queued',
  'sending',
  'waiting',
  'attention',
  'done',
  'cancelled',
]);
export type SubmissionState = z.infer<typeof SubmissionStateSchema>;

/** The step a submission is on (what the progress bar names). */
export const SubmissionStageSchema = z.enum([
  'queued',
  'checking',
  'writing-workbook',
  'uploading',
  'creating',
  'appending',
  'starting',
  'verifying',
  'done',
]);
export type SubmissionStage = z.infer<typeof SubmissionStageSchema>;

/** What the user can do with a submission right now. */
export const SubmissionActionsSchema = z.strictObject({
  retry: z.boolean(),
  cancel: z.boolean(),
  openTask: z.boolean(),
  /** Save the numbers the vendor refused to a file. */
  exportRefused: z.boolean(),
});
export type SubmissionActions = z.infer<typeof SubmissionActionsSchema>;

/** A submission as the outbox screen shows it (no numbers, no secrets). */
export const SubmissionViewSchema = z.strictObject({
  id: z.string(),
  accountId: z.string(),
  kind: TaskKindSchema,
  /** The unique task name: the idempotency key of the create. */
  name: z.string(),
  draftId: z.string().nullable(),
  listId: z.string(),
  state: SubmissionStateSchema,
  stage: SubmissionStageSchema,
  /** Numbers confirmed by the vendor so far, of `total`. */
  progress: z.strictObject({
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  /** For chunked creates: the chunk in flight (k of n). */
  chunk: z
    .strictObject({ index: z.number().int().positive(), of: z.number().int().positive() })
    .nullable(),
  /** The vendor's task id once known. */
  taskId: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  /** Numbers the vendor says the task holds, from the read-back after the create; null before. */
  held: z.number().int().nonnegative().nullable(),
  /** Numbers the vendor refused: how many, and the first few as sent, with the reason. */
  refused: z.strictObject({
    count: z.number().int().nonnegative(),
    sample: z.array(
      z.strictObject({
        phone: z.string(),
        sent: z.string(),
        reason: z.enum(['invalid', 'not-held']),
      }),
    ),
  }),
  /** True once any create request may have reached the vendor (cancel is then refused). */
  sent: z.boolean(),
  error: z.strictObject({ code: z.string(), message: LocalizedTextSchema }).nullable(),
  actions: SubmissionActionsSchema,
  /** ISO instants. */
  createdAt: z.string(),
  updatedAt: z.string(),
  nextAttemptAt: z.string().nullable(),
});
export type SubmissionView = z.infer<typeof SubmissionViewSchema>;
