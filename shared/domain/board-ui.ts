import { z } from 'zod';
import {
  ITNIO_CALLOUT_RATE,
  ITNIO_DAY_TIME,
  ITNIO_MAX_SEND_WINDOWS,
  ITNIO_RINGING_SECONDS,
  ITNIO_TASK_NAME_LENGTH,
} from './vendor-rules';
import { CallRecordSchema, NumberOutcomeSchema, NumberResultSchema, TaskStateSchema } from './task';

// What the task board's screens ask main for beyond the snapshot and deltas: the manager's board
// preferences, a task's detail with what its vendor can do, per-number results, actions, export.

/** The board's columns, in display order. */
export const BOARD_COLUMNS = [
  'name',
  'account',
  'kind',
  'status',
  'progress',
  'numbers',
  'called',
  'success',
  'failed',
  'transferred',
  'rate',
  'created',
] as const;
export const BoardColumnSchema = z.enum(BOARD_COLUMNS);
export type BoardColumn = z.infer<typeof BoardColumnSchema>;

/** Ascending or descending. */
export const SortDirectionSchema = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirectionSchema>;

/** The board's remembered layout: visible columns, the sort and the detail panel's width. */
export const BoardPreferencesSchema = z.strictObject({
  columns: z
    .array(BoardColumnSchema)
    .min(1, 'Show at least one column.')
    .max(BOARD_COLUMNS.length)
    .refine((columns) => new Set(columns).size === columns.length, 'A column is named twice.'),
  sort: z.strictObject({ column: BoardColumnSchema, direction: SortDirectionSchema }),
  /** The task detail panel's width (px) as the manager last left it; absent: the default. */
  detailWidth: z.number().int().min(200).max(4000).optional(),
});
export type BoardPreferences = z.infer<typeof BoardPreferencesSchema>;

/** Every column, newest first: the board before the manager changes anything. */
export const DEFAULT_BOARD_PREFERENCES: BoardPreferences = {
  columns: [...BOARD_COLUMNS],
  sort: { column: 'created', direction: 'desc' },
};

/** A board row key as a request names it. */
export const RowKeySchema = z.string().min(1, 'The task key is empty.').max(300);

/** Which numbers a resend dials again. */
export const ResendScopeSchema = z.enum(['all', 'failed', 'not-called']);
export type ResendScope = z.infer<typeof ResendScopeSchema>;

/** Settings a manager may give a resend where the vendor takes them (itniotech.md §4.3, §5.4). */
export const RESEND_OPTIONS = [
  'scriptId',
  'allowSendTime',
  'maxRingingTime',
  'enableRecording',
  'calloutRate',
] as const;
export const ResendOptionSchema = z.enum(RESEND_OPTIONS);
export type ResendOption = z.infer<typeof ResendOptionSchema>;

/** What a vendor can do for a kind of task; screens offer actions from these flags only. */
export const TaskCapabilitiesSchema = z.strictObject({
  resend: z.boolean(),
  pause: z.boolean(),
  resume: z.boolean(),
  cancel: z.boolean(),
  edit: z.boolean(),
  appendNumbers: z.boolean(),
  numberResults: z.boolean(),
  searchContent: z.boolean(),
  /** The scopes a resend may take (empty when `resend` is false). */
  resendScopes: z.array(ResendScopeSchema).max(3).readonly(),
  /** The settings a resend may carry (`options` of a resend action). */
  resendOptions: z.array(ResendOptionSchema).max(RESEND_OPTIONS.length).readonly(),
});
export type TaskCapabilities = z.infer<typeof TaskCapabilitiesSchema>;

/** One vendor field of a task detail. */
export const DetailFieldSchema = z.strictObject({
  key: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});

/** A task's detail: the vendor's fields by group, and what can be done with the task. */
export const TaskDetailViewSchema = z.strictObject({
  key: z.string(),
  capabilities: TaskCapabilitiesSchema,
  /** progress, outcomes, transfers, timing, settings (in that order when present). */
  groups: z.array(z.strictObject({ group: z.string(), fields: z.array(DetailFieldSchema) })),
});
export type TaskDetailView = z.infer<typeof TaskDetailViewSchema>;

/** A page of a task's per-number results. */
export const NumberResultsRequestSchema = z.strictObject({
  key: RowKeySchema,
  page: z.int().min(1).max(1_000_000),
  pageSize: z.int().min(1).max(100),
  outcome: NumberOutcomeSchema.optional(),
  /** Digits (and an optional leading +) of the number searched. */
  phone: z
    .string()
    .max(32, 'A phone number has at most 32 characters.')
    .regex(/^\+?\d+$/, 'Search by digits only.')
    .optional(),
});

/** The answer of `tasks.numberResults`. */
export const NumberResultsPageSchema = z.strictObject({
  items: z.array(NumberResultSchema),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  total: z.int().min(0).nullable(),
});
export type NumberResultsPage = z.infer<typeof NumberResultsPageSchema>;

/** A page of a task's call records. */
export const CallRecordsRequestSchema = z.strictObject({
  key: RowKeySchema,
  page: z.int().min(1).max(1_000_000),
  pageSize: z.int().min(1).max(100),
});

/** The answer of `tasks.callRecords`. */
export const CallRecordsPageSchema = z.strictObject({
  items: z.array(CallRecordSchema),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  total: z.int().min(0).nullable(),
});
export type CallRecordsPage = z.infer<typeof CallRecordsPageSchema>;

/** The columns of a per-number results export, in display order (the detail's table). */
export const NUMBER_COLUMNS = [
  'phone',
  'outcome',
  'status',
  'calledAt',
  'duration',
  'agent',
] as const;
export const NumberColumnSchema = z.enum(NUMBER_COLUMNS);
export type NumberColumn = z.infer<typeof NumberColumnSchema>;

/** Export a task's per-number results (with the filter shown) with the columns shown. */
export const NumberExportRequestSchema = z.strictObject({
  key: RowKeySchema,
  columns: z
    .array(NumberColumnSchema)
    .min(1)
    .max(NUMBER_COLUMNS.length)
    .refine((columns) => new Set(columns).size === columns.length, 'A column is named twice.'),
  outcome: NumberOutcomeSchema.optional(),
  phone: z
    .string()
    .max(32, 'A phone number has at most 32 characters.')
    .regex(/^\+?\d+$/, 'Search by digits only.')
    .optional(),
});
export type NumberExportRequest = z.infer<typeof NumberExportRequestSchema>;

/** Most daily calling windows a resend may set (itniotech.md §5.4). */
export const MAX_SEND_WINDOWS = ITNIO_MAX_SEND_WINDOWS;

/** A time of day as the vendor writes it: `HH:mm`, 00:00–23:59. */
const CLOCK_TIME = ITNIO_DAY_TIME;
const clockTime = z.string().regex(CLOCK_TIME, 'Write a time of day as HH:mm, for example 09:30.');

const minuteOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** One daily window in which the vendor may call: from `strTime` to `endTime` the same day. */
export const SendWindowSchema = z.strictObject({ strTime: clockTime, endTime: clockTime }).refine(
  // A time in the wrong format is reported once, by its own check.
  (window) =>
    !CLOCK_TIME.test(window.strTime) ||
    !CLOCK_TIME.test(window.endTime) ||
    minuteOfDay(window.endTime) > minuteOfDay(window.strTime),
  'A calling window must end after it starts, on the same day.',
);
export type SendWindow = z.infer<typeof SendWindowSchema>;

/**
 * The indexes of the windows that overlap an earlier-starting one: sorted by start, a window
 * overlaps when it starts before the latest end so far. Windows are read as `HH:mm`.
 */
export function overlappingWindows(windows: readonly SendWindow[]): number[] {
  const sorted = windows
    .map((window, index) => ({
      index,
      start: minuteOfDay(window.strTime),
      end: minuteOfDay(window.endTime),
    }))
    .sort((a, b) => a.start - b.start);
  const overlapping: number[] = [];
  let reach = -1;
  for (const window of sorted) {
    if (window.start < reach) overlapping.push(window.index);
    reach = Math.max(reach, window.end);
  }
  return overlapping;
}

const CALLOUT_RATE_RULE = `Calls per agent is a whole number from ${ITNIO_CALLOUT_RATE.min} to ${ITNIO_CALLOUT_RATE.max}.`;

/** Settings a manager gives a resend; each only where the task's vendor offers it. */
export const ResendOptionsSchema = z.strictObject({
  /** The AI script (speech template) the new task uses. */
  scriptId: z
    .string()
    .trim()
    .regex(/^\d{1,10}$/, 'The AI script id is a number of 1 to 10 digits.')
    .optional(),
  /** Up to 3 daily windows, `HH:mm`, that do not overlap. */
  allowSendTime: z
    .array(SendWindowSchema)
    .min(1, 'Add a calling window, or leave the windows out to call at any time.')
    .max(MAX_SEND_WINDOWS, `Set at most ${MAX_SEND_WINDOWS} calling windows.`)
    .superRefine((windows, context) => {
      for (const index of overlappingWindows(windows)) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: 'Calling windows may not overlap; change or remove one of them.',
        });
      }
    })
    .optional(),
  /** Seconds a number may ring before the vendor gives up. */
  maxRingingTime: z
    .int('The ringing time is a whole number of seconds.')
    .min(
      ITNIO_RINGING_SECONDS.min,
      `Let numbers ring for at least ${ITNIO_RINGING_SECONDS.min} seconds.`,
    )
    .max(
      ITNIO_RINGING_SECONDS.max,
      `Let numbers ring for at most ${ITNIO_RINGING_SECONDS.max} seconds.`,
    )
    .optional(),
  /** Whether the vendor records the calls. */
  enableRecording: z.boolean().optional(),
  /** Calls per agent the vendor dials at once (a call-center task that calls agents). */
  calloutRate: z
    .int(CALLOUT_RATE_RULE)
    .min(ITNIO_CALLOUT_RATE.min, CALLOUT_RATE_RULE)
    .max(ITNIO_CALLOUT_RATE.max, CALLOUT_RATE_RULE)
    .optional(),
});
export type ResendOptions = z.infer<typeof ResendOptionsSchema>;

/** One action on a task, by row key. */
export const TaskActionSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('resend'),
    key: RowKeySchema,
    scope: ResendScopeSchema,
    /** The new task's name (vendors that resend into a new task need a unique one). */
    name: z
      .string()
      .trim()
      .min(
        ITNIO_TASK_NAME_LENGTH.min,
        `The name needs at least ${ITNIO_TASK_NAME_LENGTH.min} characters.`,
      )
      .max(ITNIO_TASK_NAME_LENGTH.max),
    /** Settings the vendor takes again (TaskCapabilities.resendOptions); the rest are copied. */
    options: ResendOptionsSchema.optional(),
  }),
  z.strictObject({ action: z.literal('pause'), key: RowKeySchema }),
  z.strictObject({ action: z.literal('resume'), key: RowKeySchema }),
  z.strictObject({ action: z.literal('cancel'), key: RowKeySchema }),
  z.strictObject({
    action: z.literal('edit'),
    key: RowKeySchema,
    /** Calls per agent the vendor dials at once. */
    calloutRate: z.int().min(ITNIO_CALLOUT_RATE.min).max(ITNIO_CALLOUT_RATE.max),
  }),
]);
export type TaskAction = z.infer<typeof TaskActionSchema>;

/** What an action did. */
export const TaskActionResultSchema = z.strictObject({
  action: z.enum(['resend', 'pause', 'resume', 'cancel', 'edit']),
  /** A resend that made a new task: its vendor id, when the vendor said. */
  newTaskId: z.string().nullable(),
  /** What a query right after the action says of the task it changed (or the resend's new one). */
  after: z.strictObject({
    taskId: z.string(),
    state: TaskStateSchema,
    held: z.number().int().nonnegative().nullable(),
  }),
});
export type TaskActionResult = z.infer<typeof TaskActionResultSchema>;

/** Export the rows on screen (in their order) with the visible columns. */
export const BoardExportRequestSchema = z.strictObject({
  ids: z.array(z.int().positive()).max(100_000),
  columns: z
    .array(BoardColumnSchema)
    .min(1)
    .max(BOARD_COLUMNS.length)
    .refine((columns) => new Set(columns).size === columns.length, 'A column is named twice.'),
});
