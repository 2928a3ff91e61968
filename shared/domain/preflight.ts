import { z } from 'zod';
import { PreflightComplianceSchema } from './compliance';
import { DraftProblemSchema } from './draft';
import { TaskKindSchema, VendorIdSchema } from './task';

/** Text for a person in every UI language (the report's schema of LocalizedText). */
const TextSchema = z.strictObject({ en: z.string(), 'zh-CN': z.string() });

const count = z.int().nonnegative();

/**
 * The assumptions of a duration and cost estimate, set per account (every field has a default).
 *
 * A call that is answered holds a line for `averageCallSeconds`; one that is not answered for
 * `noAnswerSeconds`. Only answered calls are billed, at `ratePerMinute` in `currency`, rounded up
 * per call to `billingIncrementSeconds`.
 */
export const EstimateSettingsSchema = z.strictObject({
  /** Calls at once (lines, or agents × ratio). */
  concurrency: z.int().min(1).max(100_000),
  /** Seconds an answered call lasts, ringing included. */
  averageCallSeconds: z.number().min(1).max(3_600),
  /** Seconds a call that is not answered holds a line (ringing until give-up). */
  noAnswerSeconds: z.number().min(0).max(600),
  /** Share of calls answered, 0–1. */
  answerRate: z.number().min(0).max(1),
  /** Price of one billed minute. */
  ratePerMinute: z.number().min(0).max(1_000),
  /** ISO 4217 code or the vendor's own word (e.g. `USD`, `CNY`). */
  currency: z.string().trim().min(1).max(8),
  /** Billing step per call in seconds (60 = per started minute, 1 = per second). */
  billingIncrementSeconds: z.int().min(1).max(60),
});
export type EstimateSettings = z.infer<typeof EstimateSettingsSchema>;

/** The names of the estimate assumptions. */
export type EstimateSettingKey = keyof EstimateSettings;

/** What a manager sets for an account: any subset; the rest stays at the defaults. */
export const EstimateSettingsPatchSchema = EstimateSettingsSchema.partial();
export type EstimateSettingsPatch = z.infer<typeof EstimateSettingsPatchSchema>;

/** The defaults used where an account has not set an assumption. */
export const DEFAULT_ESTIMATE_SETTINGS: Readonly<EstimateSettings> = Object.freeze({
  concurrency: 10,
  averageCallSeconds: 45,
  noAnswerSeconds: 30,
  answerRate: 0.3,
  ratePerMinute: 0.05,
  currency: 'USD',
  billingIncrementSeconds: 60,
});

/** An account's estimate settings and which of them the manager set (the rest are defaults). */
export const EstimateSettingsViewSchema = z.strictObject({
  accountId: z.string(),
  values: EstimateSettingsSchema,
  setByAccount: z.array(EstimateSettingsSchema.keyof()),
});
export type EstimateSettingsView = z.infer<typeof EstimateSettingsViewSchema>;

/** A moment in one time zone. */
export const ZonedTimeSchema = z.strictObject({
  zone: z.string(),
  /** `yyyy-MM-dd HH:mm` on that zone's wall clock. */
  local: z.string(),
  /** `UTC+08:00`. */
  utcOffset: z.string(),
});
export type ZonedTime = z.infer<typeof ZonedTimeSchema>;

/** One row of exclusions: why rows of the list will not be called. */
export const PreflightExclusionSchema = z.strictObject({
  status: z.string(),
  reason: z.string().nullable(),
  count,
  text: TextSchema,
});

/** The list part of the report. */
export const PreflightListSchema = z.strictObject({
  listId: z.string(),
  name: z.string(),
  total: count,
  valid: count,
  excluded: z.array(PreflightExclusionSchema),
  text: TextSchema,
});

/** How a Yccall list goes out: TaskCreat first, then TaskAdd calls. */
export const YccallSplitSchema = z.strictObject({
  requests: count,
  parts: z.array(
    z.strictObject({
      service: z.enum(['TaskCreat', 'TaskAdd']),
      calls: count,
      numbersPerCall: count,
    }),
  ),
  text: TextSchema,
});
export type YccallSplit = z.infer<typeof YccallSplitSchema>;

/** The vendor's per-request number limit applied to this list. */
export const PreflightLimitsSchema = z.strictObject({
  vendor: VendorIdSchema,
  numbers: count,
  /** Most numbers one request (upload, task, TaskCreat/TaskAdd) takes. */
  maxPerRequest: count,
  /** False when the list cannot be sent as one task (ITNIO over its cap). */
  withinLimit: z.boolean(),
  /** Yccall only: the chunks a list is sent in (null for ITNIO). */
  split: YccallSplitSchema.nullable(),
  text: TextSchema,
});
export type PreflightLimits = z.infer<typeof PreflightLimitsSchema>;

/** Numbers of one calling country and its time zones. */
export const RecipientCountrySchema = z.strictObject({
  /** ISO 3166 region (`CN`), or null when the number has no country (e.g. +800). */
  country: z.string().nullable(),
  /** Calling code without `+`, or null when unknown. */
  callingCode: z.string().nullable(),
  count,
  /** IANA zones, west to east by their offset now; empty = unknown zone. */
  zones: z.array(z.string()),
  zoneKnown: z.boolean(),
  text: TextSchema,
});
export type RecipientCountry = z.infer<typeof RecipientCountrySchema>;

/** A window or moment as recipients of one country see it. */
export const RecipientTimeSchema = z.strictObject({
  country: z.string().nullable(),
  count,
  /** One entry per zone; `start`/`end` are `HH:mm`, `dayShift` is days from the manager's date. */
  zones: z.array(
    z.strictObject({
      zone: z.string(),
      start: z.string(),
      end: z.string(),
      dayShift: z.int(),
      utcOffset: z.string(),
    }),
  ),
  /** "08:00–17:00" for one zone, "08:00–17:00 … 11:00–20:00" across several. */
  text: TextSchema,
});
export type RecipientTime = z.infer<typeof RecipientTimeSchema>;

/** One daily window as the manager and every recipient country see it. */
export const PreflightWindowSchema = z.strictObject({
  /** `HH:mm` in the manager's zone. */
  start: z.string(),
  end: z.string(),
  /** The day the conversion is shown for (`yyyy-MM-dd`, manager's zone): the first calling day. */
  date: z.string(),
  manager: TextSchema,
  recipients: z.array(RecipientTimeSchema),
});

/** The schedule part of the report. */
export const PreflightScheduleSchema = z.strictObject({
  managerZone: z.string(),
  asSoonAsSent: z.boolean(),
  /** ISO instant of the start. */
  startAt: z.string(),
  start: z.strictObject({
    manager: ZonedTimeSchema,
    recipients: z.array(
      z.strictObject({
        country: z.string().nullable(),
        count,
        times: z.array(ZonedTimeSchema),
        text: TextSchema,
      }),
    ),
    text: TextSchema,
  }),
  /** False when the kind of task does not send daily windows to the vendor. */
  windowsApply: z.boolean(),
  windows: z.array(PreflightWindowSchema),
});

/** One assumption of the estimate, for the "assumptions" panel. */
export const EstimateAssumptionSchema = z.strictObject({
  key: EstimateSettingsSchema.keyof(),
  value: z.union([z.number(), z.string()]),
  /** True when the account has not set it (the default is used). */
  isDefault: z.boolean(),
  text: TextSchema,
});

/** Duration and cost estimate. */
export const PreflightEstimateSchema = z.strictObject({
  assumptions: z.array(EstimateAssumptionSchema),
  /** Further assumptions of the model itself (one call per number, windows, …). */
  notes: z.array(TextSchema),
  calls: count,
  answered: z.number().nonnegative(),
  /** Line-seconds divided by concurrency: calling time needed. */
  callingSeconds: z.number().nonnegative(),
  /** From start to the last call, windows and nights included; null beyond the horizon. */
  elapsedSeconds: z.number().nonnegative().nullable(),
  finishAt: z.string().nullable(),
  finish: ZonedTimeSchema.nullable(),
  /** Calendar days (manager's zone) with calling; null beyond the horizon. */
  callingDays: count.nullable(),
  cost: z.strictObject({ amount: z.number().nonnegative(), currency: z.string() }),
  text: TextSchema,
});
export type PreflightEstimate = z.infer<typeof PreflightEstimateSchema>;

/** The account balance as far as it could be checked. */
export const PreflightBalanceSchema = z.strictObject({
  status: z.enum(['checked', 'offline', 'not-available', 'failed']),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  text: TextSchema,
});
export type PreflightBalance = z.infer<typeof PreflightBalanceSchema>;

/** Codes of the report's warnings (stable, for tests and icons). */
export const PreflightWarningCodeSchema = z.enum([
  'outside-calling-hours',
  'unknown-zone',
  'over-vendor-limit',
  'cost-over-balance',
  'balance-not-checked',
  'schedule-not-sent',
  'invalid-time-zone',
  'start-in-past',
  'no-usable-window',
  'list-missing',
  'dnc-excluded',
  'recent-call-excluded',
  'recent-call-included',
  'zone-needs-choice',
  'outside-calling-window',
]);
export type PreflightWarningCode = z.infer<typeof PreflightWarningCodeSchema>;

/** Something the manager should look at before sending. */
export const PreflightWarningSchema = z.strictObject({
  code: PreflightWarningCodeSchema,
  severity: z.enum(['warning', 'info']),
  country: z.string().nullable(),
  /** Numbers concerned, when it is about numbers. */
  count: count.nullable(),
  text: TextSchema,
});
export type PreflightWarning = z.infer<typeof PreflightWarningSchema>;

/** The pre-flight review of a draft: everything a manager checks before anything is sent. */
export const PreflightReportSchema = z.strictObject({
  draftId: z.string(),
  accountId: z.string(),
  kind: TaskKindSchema,
  vendor: VendorIdSchema,
  /** ISO instant the review was made. */
  generatedAt: z.string(),
  list: PreflightListSchema.nullable(),
  /** The draft's validation problems (drafts/draft-validation.ts). */
  problems: z.array(DraftProblemSchema),
  limits: PreflightLimitsSchema,
  /** The first numbers of the list as the vendor will receive them (e.g. 18012345678). */
  dialled: z.array(z.strictObject({ phone: z.string(), sent: z.string() })).max(5),
  recipients: z.array(RecipientCountrySchema),
  schedule: PreflightScheduleSchema,
  estimate: PreflightEstimateSchema,
  balance: PreflightBalanceSchema,
  /** Do-not-call and recent-call exclusions, zone groups and the split (issue 17); null without a list. */
  compliance: PreflightComplianceSchema.nullable(),
  warnings: z.array(PreflightWarningSchema),
});
export type PreflightReport = z.infer<typeof PreflightReportSchema>;
