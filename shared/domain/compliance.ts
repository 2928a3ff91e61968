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

/** "Skip numbers called in the last N days": 0 (off) to 365, with the app's own words. */
const RecentCallDaysSchema = z
  .int({ error: 'The number of days must be a whole number.' })
  .min(0, 'The number of days cannot be negative; use 0 to turn the rule off.')
  .max(365, 'The number of days can be at most 365.');

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
export const DncScopeSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('all-accounts') }),
    z.strictObject({
      kind: z.literal('accounts'),
      accountIds: z
        .array(
          z
            .string({ error: 'An account id must be text.' })
            .min(1, 'An account id is empty.')
            .max(64, 'An account id is longer than 64 characters.'),
          { error: 'The accounts must be a list of account ids.' },
        )
        .min(1, 'Choose at least one account, or all accounts.')
        .max(200, 'Choose at most 200 accounts.'),
    }),
  ],
  { error: 'Choose whether the list applies to all accounts or to the accounts chosen.' },
);
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
  recentCallDays: RecentCallDaysSchema,
  /** Default calling window in the recipient's local time for new drafts. */
  callingWindow: RecipientWindowSchema,
  /** Blackout dates per country (e.g. public holidays), `yyyy-MM-dd` in the recipient's calendar. */
  blackoutDates: z.record(
    CountrySchema,
    z.array(DateSchema).max(366, 'A country can have at most 366 blackout dates.'),
    { error: 'Blackout dates are listed by two-letter country code, e.g. US.' },
  ),
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
  recentCallDays: RecentCallDaysSchema,
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
  zoneChoices: z.record(
    z.string().max(400, 'A zone group key is longer than 400 characters.'),
    z.string().max(64, 'A time zone name is longer than 64 characters.'),
    { error: 'The zone choices must name a zone group and a time zone.' },
  ),
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

/** Ids made by main (DNC lists, imported lists, drafts). */
const IdSchema = z
  .string({ error: 'The id must be text.' })
  .min(1, 'The id is empty.')
  .max(64, 'The id is longer than 64 characters.')
  .regex(/^[A-Za-z0-9-]+$/, 'That is not an id.');

/** A DNC list's name as typed. */
const DncListNameSchema = z
  .string({ error: 'The name must be text.' })
  .trim()
  .min(1, 'Give the do-not-call list a name.')
  .max(200, 'The name is longer than 200 characters.');

const PageLimitSchema = z
  .int({ error: 'The page size must be a whole number.' })
  .min(1, 'The page size must be at least 1.')
  .max(500, 'The page size can be at most 500.');

/** `compliance.createDncList`: a new, empty DNC list. */
export const NewDncListRequestSchema = z.strictObject({
  name: DncListNameSchema,
  scope: DncScopeSchema,
});

/** `compliance.updateDncList`: rename it, change its scope, or both. */
export const DncListChangeRequestSchema = z.strictObject({
  id: IdSchema,
  name: DncListNameSchema.optional(),
  scope: DncScopeSchema.optional(),
});

/** `compliance.deleteDncList`. */
export const DncListIdRequestSchema = z.strictObject({ id: IdSchema });

/** `compliance.dncEntries`: a page of a list's numbers in number order (`after`: the last number of the previous page). */
export const DncEntriesRequestSchema = z.strictObject({
  listId: IdSchema,
  after: z
    .string({ error: 'The cursor must be text or null.' })
    .regex(/^\+[1-9]\d{1,14}$/, 'The cursor must be a number in international form.')
    .nullable(),
  limit: PageLimitSchema,
});

/** A page of a DNC list's numbers. */
export const DncEntriesPageSchema = z.strictObject({
  items: z.array(DncEntryViewSchema),
  next: z.string().nullable(),
});

/** `compliance.addDncNumbers`: numbers as typed, with the country of numbers typed without one. */
export const AddDncNumbersRequestSchema = z.strictObject({
  listId: IdSchema,
  entries: z
    .array(DncEntryInputSchema, { error: 'The numbers must be a list.' })
    .min(1, 'Enter at least one number.')
    .max(1_000, 'Add at most 1,000 numbers at a time.'),
  defaultCountry: CountrySchema.nullable(),
});

/** `compliance.removeDncNumbers`: numbers as the list shows them (international form). */
export const RemoveDncNumbersRequestSchema = z.strictObject({
  listId: IdSchema,
  numbers: z
    .array(
      z
        .string({ error: 'A number must be text.' })
        .min(1, 'A number is empty.')
        .max(40, 'A number is longer than 40 characters.'),
      { error: 'The numbers must be a list.' },
    )
    .min(1, 'Choose at least one number.')
    .max(1_000, 'Remove at most 1,000 numbers at a time.'),
});

/** `compliance.addImportedList`: every callable number of an imported list goes on the DNC list. */
export const AddImportedListRequestSchema = z.strictObject({
  listId: IdSchema,
  importedListId: IdSchema,
  expiresOn: DateSchema.nullable(),
  source: z
    .string({ error: 'The source must be text or null.' })
    .max(200, 'The source is longer than 200 characters.')
    .nullable(),
});

/** `compliance.exclusions`: a page of a draft's exclusions (`after`: the previous page's `next`). */
export const ExclusionsRequestSchema = z.strictObject({
  draftId: IdSchema,
  after: z
    .int({ error: 'The cursor must be a whole number or null.' })
    .min(-1, 'The cursor cannot be below -1.')
    .nullable(),
  limit: PageLimitSchema,
});

/** `compliance.exportReport`: the compliance report of one campaign (draft). */
export const ComplianceReportRequestSchema = z.strictObject({ draftId: IdSchema });
