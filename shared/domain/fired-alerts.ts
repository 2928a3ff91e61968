import { z } from 'zod';
import { TaskKindSchema } from './task';

/** What an alert reported: a task completed, failed, or its success rate fell below a threshold. */
export const FiredAlertWhatSchema = z.enum(['completed', 'failed', 'rate']);
export type FiredAlertWhat = z.infer<typeof FiredAlertWhatSchema>;

const count = z.number().int().nonnegative().nullable();

/**
 * One alert that fired, as the alerts list shows it: when, which task, and what crossed. Facts,
 * not sentences: the screen words them in the UI language.
 */
export const FiredAlertSchema = z.strictObject({
  id: z.number().int().positive(),
  /** ISO 8601 instant it fired. */
  at: z.string(),
  /** The board row of the task (opens it on the board). */
  rowKey: z.string(),
  accountId: z.string(),
  kind: TaskKindSchema,
  taskName: z.string(),
  what: FiredAlertWhatSchema,
  /** Success rate (%) when it fired; null where the vendor gave no counts. */
  rate: z.number().nullable(),
  /** The threshold it crossed (%), for `rate`. */
  limit: z.number().nullable(),
  /** Calls after which the threshold applies, for `rate`. */
  afterCalls: count,
  called: count,
  total: count,
  /** The vendor's status code when it fired (words from the vendor-code tables). */
  statusCode: z.string(),
});
export type FiredAlert = z.infer<typeof FiredAlertSchema>;

/** The alerts that fired, newest first. */
export const FiredAlertsSchema = z.strictObject({ alerts: z.array(FiredAlertSchema) });
export type FiredAlerts = z.infer<typeof FiredAlertsSchema>;

/** How many fired alerts are kept; older ones are dropped as new ones fire. */
export const MAX_FIRED_ALERTS = 500;
