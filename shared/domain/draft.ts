import { z } from 'zod';
import { DraftComplianceSchema, type DraftCompliance } from './compliance';
import { SubmissionStateSchema } from './submission';
import { TaskKindSchema } from './task';

/** The draft document version this app writes (older ones are migrated when read). */
export const DRAFT_SCHEMA_VERSION = 3;

/** Compliance choices of a draft made before version 3 (or without settings): every rule off. */
export const NO_COMPLIANCE_CHOICES: DraftCompliance = Object.freeze({
  recentCallDays: 0,
  includeRecentCalls: false,
  callingWindow: null,
  splitByZone: false,
  zoneChoices: {},
});

/** Who started a draft: the manager, or a resend of finished tasks' numbers (its calls count as resends). */
export const DraftOriginSchema = z.enum(['manager', 'resend']);
export type DraftOrigin = z.infer<typeof DraftOriginSchema>;

/** A daily calling window, `HH:mm` in the schedule's time zone. */
export const CallWindowSchema = z.strictObject({
  start: z.string().regex(/^\d{2}:\d{2}$/),
  end: z.string().regex(/^\d{2}:\d{2}$/),
});
export type CallWindow = z.infer<typeof CallWindowSchema>;

/** When the campaign runs. */
export const DraftScheduleSchema = z.strictObject({
  /** IANA zone the manager plans in (e.g. `Asia/Shanghai`); null = this computer's zone. */
  timeZone: z.string().nullable(),
  /** Local start `yyyy-MM-dd HH:mm:ss` in `timeZone`, or null for "as soon as it is sent". */
  sendAt: z.string().nullable(),
  /** Daily windows (ITNIO allowSendTime: at most 3). */
  windows: z.array(CallWindowSchema),
});
export type DraftSchedule = z.infer<typeof DraftScheduleSchema>;

/**
 * A campaign draft: which account and kind of task, which imported list (by id; the rows stay in
 * the list), the task name and the vendor settings as edited so far (possibly incomplete).
 */
export const DraftSchema = z.strictObject({
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
  id: z.string().min(1),
  accountId: z.string().min(1),
  kind: TaskKindSchema,
  /** The task name: unique per account, the idempotency key when submitted. */
  name: z.string(),
  listId: z.string().nullable(),
  /** Vendor settings of the kind (see drafts/draft-validation.ts); may be incomplete. */
  settings: z.record(z.string(), z.unknown()),
  schedule: DraftScheduleSchema,
  /** Do-not-call, recent-call and calling-window choices (issue 17). */
  compliance: DraftComplianceSchema,
  origin: DraftOriginSchema,
  notes: z.string().max(2_000),
  /** Increases by one per save; a save must name the revision it edits. */
  revision: z.number().int().nonnegative(),
  /** ISO instants. */
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** What the editor sends on every (auto)save (other fields of a whole draft are ignored). */
export const DraftEditSchema = z.object(
  DraftSchema.pick({
    id: true,
    name: true,
    listId: true,
    settings: true,
    schedule: true,
    compliance: true,
    notes: true,
    revision: true,
  }).shape,
);
export type DraftEdit = z.infer<typeof DraftEditSchema>;

/**
 * Where a draft is in its life, derived from the outbox journal (never stored in the document):
 * `editable` until it is sent; `queued` while its submissions wait, send or wait for the vendor;
 * `needs-you` when one of them stopped for a person; `sent` when every one is done (a split
 * campaign has several). Cancelled submissions do not count: the draft is editable again.
 */
export const DraftStateSchema = z.enum(['editable', 'queued', 'needs-you', 'sent']);
export type DraftState = z.infer<typeof DraftStateSchema>;

/** One submission of a draft, as its summary links to it (the outbox entry and the task). */
export const DraftSubmissionLinkSchema = z.strictObject({
  /** The outbox entry. */
  submissionId: z.string(),
  /** The task name at the vendor. */
  name: z.string(),
  state: SubmissionStateSchema,
  /** The vendor's task id once known (the board's row is `accountId:kind:taskId`). */
  taskId: z.string().nullable(),
});
export type DraftSubmissionLink = z.infer<typeof DraftSubmissionLinkSchema>;

/** A row of the drafts list: the draft and where it is in its life (not the document). */
export const DraftSummarySchema = DraftSchema.pick({
  id: true,
  accountId: true,
  kind: true,
  name: true,
  listId: true,
  revision: true,
  updatedAt: true,
}).extend({
  deleted: z.boolean(),
  state: DraftStateSchema,
  /** Its live submissions, oldest first (empty while editable). */
  submissions: z.array(DraftSubmissionLinkSchema),
});
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

/** One rule a draft breaks, said for a person in both languages. */
export const DraftProblemSchema = z.strictObject({
  /** The settings field (dot path), or `name`, `list`, `schedule`. */
  field: z.string(),
  /** A stable rule id, e.g. `maxRingingTime.range`. */
  rule: z.string(),
  message: z.strictObject({ en: z.string(), 'zh-CN': z.string() }),
});
export type DraftProblem = z.infer<typeof DraftProblemSchema>;
