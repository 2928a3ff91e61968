import { z } from 'zod';

/** The vendors Campaign Desk talks to. */
export const VendorIdSchema = z.enum(['itniotech', 'yccall']);
export type VendorId = z.infer<typeof VendorIdSchema>;

/**
 * The kinds of task, across vendors. Screens show these words; they never branch on vendor names.
 *
 * - `cc-preview`: ITNIO call-center preview/predictive task (`/cc/preview/*`)
 * - `voice-group`: ITNIO voice group call (`/voice/group/call/*`, taskType 1/2)
 * - `ai-agent-group`: ITNIO AI-agent group call (taskType 3)
 * - `predictive`: Yccall predictive outbound task (`App.Sip_Yccall.*`)
 */
export const TaskKindSchema = z.enum(['cc-preview', 'voice-group', 'ai-agent-group', 'predictive']);
export type TaskKind = z.infer<typeof TaskKindSchema>;

/** The kinds of task each vendor's accounts can create and list (a table, not a branch). */
export const VENDOR_KINDS: Readonly<Record<VendorId, readonly TaskKind[]>> = {
  itniotech: ['voice-group', 'ai-agent-group', 'cc-preview'],
  yccall: ['predictive'],
};

/**
 * One task-state model for every vendor; the vendor's own code is kept beside it.
 *
 * Three ways a task stops are kept apart, because a manager acts differently on each:
 * - `completed`: every number was called (the vendor says so: ITNIO cc 12, group call 2; or a
 *   Yccall task that ended with no number left uncalled, yccall.md §4.7).
 * - `cancelled`: the vendor says the task was cancelled (ITNIO cc 14, group call 4).
 * - `ended-early`: the task ended with numbers never called, and the vendor has no word for why
 *   (a Yccall task ended by TaskSet 3 or by its deadline, §4.4, §4.9).
 * - `ended`: the vendor says the task ended, and whether every number was called has not been
 *   checked (Yccall TaskList says only "ended", §4.6; the task detail counts the numbers).
 */
export const TaskStateSchema = z.enum([
  'pending', // created, waiting to start (scheduled, queued, not started)
  'running',
  'paused',
  'completed',
  'cancelled',
  'ended-early',
  'ended',
  'failed',
  'unknown', // a vendor code we have no mapping for (the raw code is shown)
]);
export type TaskState = z.infer<typeof TaskStateSchema>;

/** States in which a task can still change by itself (polled often). */
export const ACTIVE_TASK_STATES: readonly TaskState[] = ['pending', 'running', 'paused'];

/** States of a task that stopped; it runs again only when its vendor re-dials it in place. */
export const STOPPED_TASK_STATES: readonly TaskState[] = [
  'completed',
  'cancelled',
  'ended-early',
  'ended',
  'failed',
];

/** A UTC offset (minutes east of UTC) as a manager reads a zone: `UTC+08:00`, `UTC−03:30`. */
export function utcOffsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '−' : '+';
  const minutes = Math.abs(Math.trunc(offsetMinutes));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `UTC${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * Counters a task board shows; null where the vendor does not report one.
 *
 * Each is the vendor's own counter (or a count of the vendor's own per-number rows), never one
 * derived from others such as total − remaining: a cancelled task's "remaining" says nothing
 * about what was called.
 */
export const TaskCountsSchema = z.strictObject({
  total: z.number().int().nonnegative().nullable(),
  called: z.number().int().nonnegative().nullable(),
  success: z.number().int().nonnegative().nullable(),
  failed: z.number().int().nonnegative().nullable(),
  transferred: z.number().int().nonnegative().nullable(),
});
export type TaskCounts = z.infer<typeof TaskCountsSchema>;

/** A task as the board shows it, whatever vendor it came from. */
export const TaskSummarySchema = z.strictObject({
  /** The vendor's task id, as a string. */
  id: z.string(),
  accountId: z.string(),
  vendor: VendorIdSchema,
  kind: TaskKindSchema,
  name: z.string(),
  state: TaskStateSchema,
  /** The vendor's own status, kept so nothing is lost in the mapping (shown in a tooltip). */
  vendorStatus: z.strictObject({ code: z.string(), label: z.string() }),
  counts: TaskCountsSchema,
  /** ISO 8601 instants, or null when the vendor did not say. */
  createdAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TaskSummary = z.infer<typeof TaskSummarySchema>;

/** Outcome of one number in a task, mapped across vendors. */
export const NumberOutcomeSchema = z.enum([
  'not-called',
  'answered',
  'no-answer',
  'busy',
  'failed',
  'transferred',
  'unknown',
]);
export type NumberOutcome = z.infer<typeof NumberOutcomeSchema>;

/** One number's result in a task. */
export const NumberResultSchema = z.strictObject({
  phone: z.string(),
  outcome: NumberOutcomeSchema,
  vendorStatus: z.strictObject({ code: z.string(), label: z.string() }),
  calledAt: z.string().nullable(),
  durationSeconds: z.number().nonnegative().nullable(),
  agent: z.string().nullable(),
});
export type NumberResult = z.infer<typeof NumberResultSchema>;

/** Why a call ended: the vendor's code and its label (the code again when undocumented). */
export const CallEndReasonSchema = z.strictObject({ code: z.string(), label: z.string() });
export type CallEndReason = z.infer<typeof CallEndReasonSchema>;

/** One call record of a task, mapped across vendors; null where the vendor does not say. */
export const CallRecordSchema = z.strictObject({
  phone: z.string(),
  /** ISO 8601 instant the call was placed, or null. */
  startedAt: z.string().nullable(),
  durationSeconds: z.number().nonnegative().nullable(),
  cost: z.number().nullable(),
  currency: z.string().nullable(),
  reason: CallEndReasonSchema.nullable(),
  /** Only https links are kept (they are opened in the system browser). */
  recordingUrl: z.url({ protocol: /^https$/ }).nullable(),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;
