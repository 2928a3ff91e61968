import { z } from 'zod';

/**
 * Calling compliance as the renderer sees it (issue 17): do-not-call (DNC) lists, recent-call
 * suppression, calling windows in the recipient's time, and the proof of what was excluded.
 *
 * Main holds the data (`main/services/compliance/`); these schemas are the IPC contract. Numbers
 * are E.164 text, instants ISO text, dates `yyyy-MM-dd`.
 */

const TextSchema = z.strictObject({ en: z.string(), 'zh-CN': z.string() });
const count = z.int().nonnegative();

/** `HH:mm` (00:00–24:00). */
const ClockSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Enter a time as HH:mm, e.g. 09:00.');
/** `yyyy-MM-dd`. */
const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as yyyy-MM-dd.');
/** ISO 3166-1 alpha-2. */
const CountrySchema = z.string().regex(/^[A-Z]{2}$/, 'Enter a two-letter country code, e.g. US.');

/** A daily calling window in the recipient's local time; `end` at or before `start` crosses midnight. */
export const RecipientWindowSchema = z.strictObject({ start: ClockSchema, end: ClockSchema });
export type RecipientWindow = z.infer<typeof RecipientWindowSchema>;

/** Which accounts a DNC list applies to. */
export const DncScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all-accounts') }),
  z.strictObject({
    kind: z.literal('accounts'),
    accountIds: z.array(z.string().min(1).max(64)).min(1).max(200),
  }),
]);
export type DncScopeView = z.infer<typeof DncScopeSchema>;

/** A DNC list as the Compliance screen shows it. */
export const DncListViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  scope: DncScopeSchema,
  entryCount: count,
  /** Changes with every change to the list. */
  version: count,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DncListView = z.infer<typeof DncListViewSchema>;

/** One number on a DNC list. */
export const DncEntryViewSchema = z.strictObject({
  number: z.string(),
  /** `yyyy-MM-dd`: the last day it applies (it applies through that day), or null. */
  expiresOn: DateSchema.nullable(),
  source: z.string().nullable(),
  addedAt: z.string(),
});
export type DncEntryView = z.infer<typeof DncEntryViewSchema>;

/** A number a manager adds by hand: as typed; main normalises it with the default country. */
export const DncEntryInputSchema = z.strictObject({
  number: z.string().min(1, 'Enter a number.').max(40, 'The number is longer than 40 characters.'),
  expiresOn: DateSchema.nullable(),
  source: z.string().max(200, 'The source is longer than 200 characters.').nullable(),
});
export type DncEntryInput = z.infer<typeof DncEntryInputSchema>;

/** The app-wide compliance settings (Settings → Compliance). */
export const ComplianceSettingsSchema = z.strictObject({
  /** Default of "skip numbers called in the last N days" for new drafts; 0 = off. */
  recentCallDays: z.int().min(0).max(365),
  /** Default calling window in the recipient's local time for new drafts. */
  callingWindow: RecipientWindowSchema,
  /** Blackout dates per country (e.g. public holidays), `yyyy-MM-dd` in the recipient's calendar. */
  blackoutDates: z.record(CountrySchema, z.array(DateSchema).max(366)),
});
export type ComplianceSettings = z.infer<typeof ComplianceSettingsSchema>;

export const DEFAULT_COMPLIANCE_SETTINGS: ComplianceSettings = Object.freeze({
  recentCallDays: 0,
  callingWindow: { start: '09:00', end: '21:00' },
  blackoutDates: {},
});

/**
 * A draft's compliance choices (draft document version 3).
 *
 * DNC lists always apply. The history rule and the calling window take the settings' defaults
 * when a draft is created; the manager may change them per campaign.
 */
export const DraftComplianceSchema = z.strictObject({
  /** Skip numbers called in the last N days; 0 = off. */
  recentCallDays: z.int().min(0).max(365),
  /** "Include anyway": the manager chose to call the recently called numbers (recorded). */
  includeRecentCalls: z.boolean(),
  /** The calling window in each recipient's local time; null = no window check. */
  callingWindow: RecipientWindowSchema.nullable(),
  /** Send one task per zone group, each starting inside its zone's window. */
  splitByZone: z.boolean(),
  /**
   * The zone the manager chose for numbers whose zone could not be inferred, by candidate set
   * (the zone group's `key`, candidates joined by `&`) → one IANA zone of that set.
   */
  zoneChoices: z.record(z.string().max(400), z.string().max(64)),
});
export type DraftCompliance = z.infer<typeof DraftComplianceSchema>;

/** The rule that excluded a number. */
export const ExclusionRuleSchema = z.enum(['dnc', 'recent-call']);
export type ExclusionRuleName = z.infer<typeof ExclusionRuleSchema>;

/** One excluded number, for the review's "which ones" and the report. */
export const ExclusionViewSchema = z.strictObject({
  /** Position in the imported list. */
  seq: count,
  phone: z.string(),
  rule: ExclusionRuleSchema,
  /** The DNC list that holds it (name as now), or null. */
  dncList: z.string().nullable(),
  /** Last call inside the history window, ISO, or null. */
  lastCalledAt: z.string().nullable(),
  /** True when the manager chose "include anyway" and it will be called after all. */
  included: z.boolean(),
});
export type ExclusionView = z.infer<typeof ExclusionViewSchema>;

/** A page of exclusions (`next` is the cursor of the following page, or null). */
export const ExclusionPageSchema = z.strictObject({
  items: z.array(ExclusionViewSchema),
  next: z.int().nullable(),
});
export type ExclusionPage = z.infer<typeof ExclusionPageSchema>;

/** One zone group of the review: its numbers' local times, and the task it becomes when split. */
export const ZoneGroupViewSchema = z.strictObject({
  /** Candidate zones joined by `&`, or `` when nothing is known. */
  key: z.string(),
  zones: z.array(z.string()),
  country: z.string().nullable(),
  count,
  /** True when the zone is not known and the manager must choose (`zoneChoices`). */
  needsChoice: z.boolean(),
  /** The zone used: inferred, or chosen; null when a choice is still needed. */
  zone: z.string().nullable(),
  /** Local time when calling starts and when it is expected to end, in `zone`. */
  localStart: z.string().nullable(),
  localEnd: z.string().nullable(),
  /** True when calling would start outside the calling window (e.g. at night) in this zone. */
  outsideWindow: z.boolean(),
  text: TextSchema,
});
export type ZoneGroupView = z.infer<typeof ZoneGroupViewSchema>;

/** One task of a split campaign. */
export const SplitTaskViewSchema = z.strictObject({
  /** The task name at the vendor (the campaign's name and the zone). */
  name: z.string(),
  zone: z.string(),
  count,
  /** ISO instant the task starts. */
  startAt: z.string(),
  /** As the vendor receives it: ITNIO `sendTime` + `allowSendTime`, Yccall `scheduledtime`/`pausedtime`. */
  vendorSchedule: TextSchema,
  /** The start in the zone's local time (`yyyy-MM-dd HH:mm`). */
  localStart: z.string(),
});
export type SplitTaskView = z.infer<typeof SplitTaskViewSchema>;

/** The compliance part of the pre-flight review. */
export const PreflightComplianceSchema = z.strictObject({
  /** The data versions the check used (the proof names them). */
  dncVersion: count,
  historyVersion: count,
  recentCallDays: z.int().min(0),
  includeRecentCalls: z.boolean(),
  callable: count,
  excluded: z.strictObject({ dnc: count, recentCall: count }),
  /** Numbers that will be sent after the exclusions. */
  toSend: count,
  /** The first exclusions (the rest: `compliance.exclusions`). */
  sample: z.array(ExclusionViewSchema).max(50),
  zones: z.array(ZoneGroupViewSchema),
  /** The split, when the draft asks for it (or null). */
  split: z.array(SplitTaskViewSchema).nullable(),
  text: TextSchema,
});
export type PreflightCompliance = z.infer<typeof PreflightComplianceSchema>;

/** A list's numbers that are on a DNC list (any scope), as marked at import or since. */
export const ListDncMarkSchema = z.strictObject({
  listId: z.string(),
  count,
  /** The DNC version the count was made with. */
  dncVersion: count,
});
export type ListDncMark = z.infer<typeof ListDncMarkSchema>;
