import { z } from 'zod';
import {
  AccountChangesSchema,
  AccountIdSchema,
  AccountViewSchema,
  ConnectionCheckResultSchema,
  NewAccountSchema,
} from '../domain/account';
import { AppInfoSchema, DiagnosticsReportSchema } from '../domain/app-info';
import { LogNoticeSchema } from '../domain/log-notice';
import { FiredAlertsSchema } from '../domain/fired-alerts';
import {
  AccountRepairSchema,
  DamagedAccountKeySchema,
  DamagedAccountSchema,
} from '../domain/damaged-account';
import { SettingsRecoverySchema } from '../domain/settings-recovery';
import {
  DraftEditSchema,
  DraftProblemSchema,
  DraftSchema,
  DraftSummarySchema,
} from '../domain/draft';
import { SubmissionViewSchema } from '../domain/submission';
import {
  BalancesRequestSchema,
  BalancesSchema,
  CalledAtRequestSchema,
  CalledAtSchema,
} from '../domain/board-glance';
import {
  EstimateSettingsPatchSchema,
  EstimateSettingsViewSchema,
  PreflightReportSchema,
} from '../domain/preflight';
import { NumberOutcomeSchema, TaskKindSchema } from '../domain/task';
import { TaskSearchRequestSchema, TaskSearchResultSchema } from '../domain/task-search';
import {
  AlertThresholdSchema,
  BoardDeltaSchema,
  BoardSnapshotSchema,
  TaskHistorySchema,
  ThresholdScopeSchema,
  ThresholdSettingsSchema,
} from '../domain/board';
import {
  BoardExportRequestSchema,
  BoardPreferencesSchema,
  CallRecordsPageSchema,
  CallRecordsRequestSchema,
  NumberExportRequestSchema,
  NumberResultsPageSchema,
  NumberResultsRequestSchema,
  ResendOptionsSchema,
  RowKeySchema,
  TaskActionResultSchema,
  TaskActionSchema,
  TaskDetailViewSchema,
} from '../domain/board-ui';
import {
  FileInspectionSchema,
  FilePreviewSchema,
  ImportOptionsSchema,
  ImportProgressSchema,
  ListCountsSchema,
  ListSummarySchema,
  MappingRecipeSchema,
  NewMappingRecipeSchema,
  ReadOptionsSchema,
  RowsPageSchema,
  RowsQuerySchema,
  TextEncodingSchema,
} from '../domain/list';
import {
  AddDncNumbersRequestSchema,
  AddImportedListRequestSchema,
  ComplianceReportRequestSchema,
  ComplianceSettingsSchema,
  DncEntriesPageSchema,
  DncEntriesRequestSchema,
  DncListChangeRequestSchema,
  DncListIdRequestSchema,
  DncListViewSchema,
  ExclusionPageSchema,
  ExclusionsRequestSchema,
  ListDncMarkSchema,
  NewDncListRequestSchema,
  RemoveDncNumbersRequestSchema,
} from '../domain/compliance';
import { ErrorCodeSchema } from './errors';
import { PreferencesPatchSchema, PreferencesSchema } from '../domain/settings';
import { BackupIdSchema, RecoveryStartedSchema, StorageStateSchema } from '../domain/storage';
import { ProxySettingsChangeSchema, ProxySettingsSchema } from '../domain/proxy';
import { UpdateStateSchema } from '../domain/update';
import type { ChannelName, EventName } from './names';

/** A request channel: what the renderer sends and what main answers. */
export interface ChannelSpec {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

/** No fields: still an object, so every request has the same shape. */
const Empty = z.strictObject({});

/** An https URL (the only kind the app opens in the system browser). */
export const HttpsUrlSchema = z
  .string()
  .max(2048, 'The link is longer than 2,048 characters.')
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Only https:// links can be opened.');

/**
 * Every request channel, `domain.verb` → request and response schema.
 *
 * `satisfies Record<ChannelName, …>` makes the type-check fail when this object and
 * `CHANNEL_NAMES` differ in either direction.
 */
const AccountsStateSchema = z.strictObject({
  accounts: z.array(AccountViewSchema),
  /** Stored entries this version cannot use: kept, shown with repair and remove. */
  damaged: z.array(DamagedAccountSchema),
  /** null: "All accounts". */
  activeAccountId: z.string().nullable(),
});

/** Ids made by main (lists, picked files) or by the renderer (import jobs). */
const OpaqueIdSchema = z
  .string()
  .min(1, 'The id is empty.')
  .max(64, 'The id is longer than 64 characters.')
  .regex(/^[A-Za-z0-9-]+$/, 'That is not an id.');

const PickersRequestSchema = z.strictObject({ accountId: OpaqueIdSchema, kind: TaskKindSchema });
/** Picker choices cached per account and kind, with when they were last loaded (null: never). */
const CachedPickersSchema = z.strictObject({
  pickers: z.record(
    z.string(),
    z.array(
      z.strictObject({ value: z.string(), label: z.string(), detail: z.string().optional() }),
    ),
  ),
  refreshedAt: z.string().nullable(),
});

/** An autosave: only the editable fields, and a bounded size (settings are free-form JSON). */
const DraftEditRequestSchema = z
  .strictObject({
    ...DraftEditSchema.shape,
    name: z.string().max(200, 'The name is longer than 200 characters.'),
  })
  .refine((edit) => JSON.stringify(edit).length <= 256_000, 'The draft is larger than 256 KB.');

/** A resend of finished tasks' numbers as a new list and draft (the resend composer). */
const ComposeResendRequestSchema = z.strictObject({
  keys: z
    .array(RowKeySchema)
    .min(1, 'Choose at least one task.')
    .max(50, 'Choose at most 50 tasks.'),
  outcomes: z
    .array(NumberOutcomeSchema)
    .min(1, 'Choose at least one outcome.')
    .max(NumberOutcomeSchema.options.length),
  accountId: OpaqueIdSchema,
  kind: TaskKindSchema,
  name: z.string().min(1, 'The name is empty.').max(64, 'The name is longer than 64 characters.'),
});

/** What a resend draft holds, and the masked numbers it had to leave out. */
const ComposeResendResultSchema = z.strictObject({
  draftId: z.string(),
  listId: z.string(),
  counts: ListCountsSchema,
  truncated: z.boolean(),
  /** Masked numbers (itniotech.md §4.5) that fit none or several of the numbers submitted. */
  unresolved: z.strictObject({
    count: z.int().min(0),
    ambiguous: z.int().min(0),
    unmatched: z.int().min(0),
    unknown: z.int().min(0),
    examples: z.array(z.string().max(64)).max(5),
  }),
  /** True when the draft took the settings the tasks were submitted with. */
  settingsCopied: z.boolean(),
  /** Numbers left out because they are on a do-not-call list for the target account (issue 17). */
  dncExcluded: z.int().min(0),
});

/** What resend dialogs start from: the tasks' own account, kind and submitted options. */
const ResendDefaultsSchema = z.strictObject({
  accountId: z.string().nullable(),
  kind: TaskKindSchema.nullable(),
  /** How many of the tasks this app submitted (their settings are known). */
  submitted: z.int().min(0),
  options: ResendOptionsSchema,
});

export const channels = {
  'accounts.list': { request: Empty, response: AccountsStateSchema },
  'accounts.create': { request: NewAccountSchema, response: AccountViewSchema },
  'accounts.update': {
    request: z.strictObject({ id: AccountIdSchema, changes: AccountChangesSchema }),
    response: AccountViewSchema,
  },
  'accounts.remove': { request: z.strictObject({ id: AccountIdSchema }), response: Empty },
  'accounts.testConnection': {
    request: z.strictObject({ id: AccountIdSchema }),
    response: z.strictObject({
      account: AccountViewSchema,
      check: ConnectionCheckResultSchema.extend({ code: ErrorCodeSchema.nullable() }),
    }),
  },
  'accounts.setActive': {
    request: z.strictObject({ id: AccountIdSchema.nullable() }),
    response: Empty,
  },
  'accounts.addDemo': {
    request: Empty,
    response: z.strictObject({ accounts: z.array(AccountViewSchema) }),
  },
  'accounts.repair': {
    request: z.strictObject({ key: DamagedAccountKeySchema, account: AccountRepairSchema }),
    response: AccountViewSchema,
  },
  'accounts.removeDamaged': {
    request: z.strictObject({ key: DamagedAccountKeySchema }),
    response: Empty,
  },
  'lists.pickFile': {
    request: z.strictObject({
      /** Only the browser host uses it (it has no native dialog); the app's dialog ignores it. */
      suggestedPath: z.string().max(4096, 'The path is longer than 4,096 characters.').optional(),
    }),
    // The renderer never sees paths it could misuse: later calls name the file by this id.
    response: z.strictObject({ fileId: z.string().nullable(), fileName: z.string().nullable() }),
  },
  'lists.inspect': {
    request: z.strictObject({ fileId: OpaqueIdSchema, encoding: TextEncodingSchema.optional() }),
    response: FileInspectionSchema,
  },
  'lists.preview': {
    request: ReadOptionsSchema.extend({ fileId: OpaqueIdSchema }),
    response: FilePreviewSchema,
  },
  'lists.import': {
    request: z.strictObject({
      fileId: OpaqueIdSchema,
      jobId: OpaqueIdSchema,
      options: ImportOptionsSchema,
    }),
    response: ListSummarySchema,
  },
  'lists.cancelImport': {
    request: z.strictObject({ jobId: OpaqueIdSchema }),
    response: z.strictObject({ cancelled: z.boolean() }),
  },
  'lists.list': { request: Empty, response: z.strictObject({ lists: z.array(ListSummarySchema) }) },
  'lists.rows': {
    request: z.strictObject({ id: OpaqueIdSchema, query: RowsQuerySchema }),
    response: RowsPageSchema,
  },
  'lists.remove': { request: z.strictObject({ id: OpaqueIdSchema }), response: Empty },
  'lists.export': {
    request: z.strictObject({ id: OpaqueIdSchema, kind: z.enum(['clean', 'report']) }),
    response: z.strictObject({ path: z.string().nullable(), rows: z.int().min(0) }),
  },
  'lists.saveRecipe': { request: NewMappingRecipeSchema, response: MappingRecipeSchema },
  'app.info': { request: Empty, response: AppInfoSchema },
  'app.setVisible': { request: z.strictObject({ visible: z.boolean() }), response: Empty },
  'app.openExternal': { request: z.strictObject({ url: HttpsUrlSchema }), response: Empty },
  'app.logNotice': {
    request: Empty,
    response: z.strictObject({ notice: LogNoticeSchema.nullable() }),
  },
  'app.dismissLogNotice': { request: Empty, response: Empty },
  /** The "Copy diagnostics" report for support (About): no secret, ever. */
  'app.diagnostics': { request: Empty, response: DiagnosticsReportSchema },
  'storage.status': { request: Empty, response: StorageStateSchema },
  'storage.restore': {
    request: z.strictObject({ backupId: BackupIdSchema }),
    response: RecoveryStartedSchema,
  },
  'storage.startEmpty': { request: Empty, response: RecoveryStartedSchema },
  'audit.verify': {
    request: Empty,
    response: z.strictObject({
      ok: z.boolean(),
      entries: z.int().min(0),
      problems: z.array(
        z.strictObject({
          seq: z.int(),
          problem: z.enum(['edited', 'broken-link', 'missing', 'tail-removed']),
        }),
      ),
    }),
  },
  'audit.entries': {
    request: z.strictObject({
      limit: z.int().min(1).max(200),
      beforeSeq: z.int().min(1).optional(),
    }),
    response: z.strictObject({
      entries: z.array(
        z.strictObject({
          seq: z.int(),
          at: z.int(),
          type: z.string(),
          submissionId: z.string().nullable(),
          /** The campaign (task name) the entry belongs to, when it is still in the outbox. */
          campaign: z.string().nullable(),
          /** What happened, in plain words in both languages. */
          summary: z.strictObject({ en: z.string(), 'zh-CN': z.string() }),
          /** The entry's content as JSON text, cut at 4,000 characters for the screen. */
          payload: z.string(),
          hash: z.string(),
        }),
      ),
    }),
  },
  'audit.export': {
    request: z.strictObject({ format: z.enum(['xlsx', 'json']) }),
    response: z.strictObject({ path: z.string().nullable(), entries: z.int().min(0) }),
  },
  'drafts.list': {
    request: z.strictObject({
      search: z.string().max(200).optional(),
      deleted: z.boolean().optional(),
    }),
    response: z.strictObject({ drafts: z.array(DraftSummarySchema) }),
  },
  'drafts.create': {
    request: z.strictObject({
      accountId: OpaqueIdSchema,
      kind: TaskKindSchema,
      listId: OpaqueIdSchema.nullable().optional(),
      name: z.string().max(200).optional(),
    }),
    response: DraftSchema,
  },
  'drafts.get': { request: z.strictObject({ id: OpaqueIdSchema }), response: DraftSchema },
  /** Where a draft is in its life (editable, queued, needs you, sent) and its submissions. */
  'drafts.summary': {
    request: z.strictObject({ id: OpaqueIdSchema }),
    response: DraftSummarySchema,
  },
  'drafts.save': { request: DraftEditRequestSchema, response: DraftSchema },
  'drafts.validate': {
    request: z.strictObject({ id: OpaqueIdSchema }),
    response: z.strictObject({ problems: z.array(DraftProblemSchema) }),
  },
  'drafts.duplicate': { request: z.strictObject({ id: OpaqueIdSchema }), response: DraftSchema },
  'drafts.delete': {
    request: z.strictObject({ id: OpaqueIdSchema }),
    response: z.strictObject({ id: z.string(), restorableUntil: z.string() }),
  },
  'drafts.restore': { request: z.strictObject({ id: OpaqueIdSchema }), response: DraftSchema },
  'drafts.pickers': { request: PickersRequestSchema, response: CachedPickersSchema },
  'drafts.refreshPickers': { request: PickersRequestSchema, response: CachedPickersSchema },
  'preflight.review': {
    request: z.strictObject({ draftId: OpaqueIdSchema }),
    response: PreflightReportSchema,
  },
  'preflight.estimateSettings': {
    request: z.strictObject({ accountId: OpaqueIdSchema }),
    response: EstimateSettingsViewSchema,
  },
  'preflight.setEstimateSettings': {
    request: z.strictObject({ accountId: OpaqueIdSchema, settings: EstimateSettingsPatchSchema }),
    response: EstimateSettingsViewSchema,
  },
  'submissions.submit': {
    request: z.strictObject({ draftId: OpaqueIdSchema }),
    response: SubmissionViewSchema,
  },
  'submissions.list': {
    request: Empty,
    response: z.strictObject({ submissions: z.array(SubmissionViewSchema) }),
  },
  'submissions.retry': {
    request: z.strictObject({ id: OpaqueIdSchema }),
    response: SubmissionViewSchema,
  },
  'submissions.cancel': {
    request: z.strictObject({ id: OpaqueIdSchema }),
    response: SubmissionViewSchema,
  },
  'submissions.exportRefused': {
    request: z.strictObject({ id: OpaqueIdSchema }),
    /** The file written (null when the person closed the dialog) and how many numbers it holds. */
    response: z.strictObject({
      path: z.string().nullable(),
      numbers: z.number().int().nonnegative(),
    }),
  },
  'tasks.snapshot': { request: Empty, response: BoardSnapshotSchema },
  'tasks.refresh': {
    request: z.strictObject({ accountId: OpaqueIdSchema.optional() }),
    response: Empty,
  },
  'tasks.history': {
    request: z.strictObject({ key: z.string().min(1).max(300) }),
    response: TaskHistorySchema,
  },
  'tasks.thresholds': { request: Empty, response: ThresholdSettingsSchema },
  'tasks.setThreshold': {
    request: z.strictObject({
      scope: ThresholdScopeSchema,
      threshold: AlertThresholdSchema.nullable(),
    }),
    response: ThresholdSettingsSchema,
  },
  /** The alerts that fired, newest first (kept across restarts until cleared). */
  'tasks.firedAlerts': { request: Empty, response: FiredAlertsSchema },
  'tasks.clearAlerts': { request: Empty, response: FiredAlertsSchema },
  'tasks.preferences': { request: Empty, response: BoardPreferencesSchema },
  'tasks.setPreferences': {
    request: z.strictObject({ preferences: BoardPreferencesSchema }),
    response: BoardPreferencesSchema,
  },
  'tasks.detail': {
    request: z.strictObject({ key: RowKeySchema }),
    response: TaskDetailViewSchema,
  },
  'tasks.numberResults': { request: NumberResultsRequestSchema, response: NumberResultsPageSchema },
  'tasks.callRecords': { request: CallRecordsRequestSchema, response: CallRecordsPageSchema },
  'tasks.action': { request: TaskActionSchema, response: TaskActionResultSchema },
  'tasks.export': {
    request: BoardExportRequestSchema,
    response: z.strictObject({ path: z.string().nullable(), rows: z.int().min(0) }),
  },
  'tasks.exportNumbers': {
    request: NumberExportRequestSchema,
    response: z.strictObject({ path: z.string().nullable(), rows: z.int().min(0) }),
  },
  'tasks.search': { request: TaskSearchRequestSchema, response: TaskSearchResultSchema },
  'tasks.calledAt': { request: CalledAtRequestSchema, response: CalledAtSchema },
  'tasks.balances': { request: BalancesRequestSchema, response: BalancesSchema },
  'tasks.composeResend': {
    request: ComposeResendRequestSchema,
    response: ComposeResendResultSchema,
  },
  'tasks.resendDefaults': {
    request: z.strictObject({ keys: ComposeResendRequestSchema.shape.keys }),
    response: ResendDefaultsSchema,
  },
  'settings.get': { request: Empty, response: PreferencesSchema },
  'settings.update': {
    request: z.strictObject({ patch: PreferencesPatchSchema }),
    response: PreferencesSchema,
  },
  'settings.proxy': { request: Empty, response: ProxySettingsSchema },
  'settings.setProxy': { request: ProxySettingsChangeSchema, response: ProxySettingsSchema },
  'settings.recoveryNotice': {
    request: Empty,
    response: z.strictObject({ notice: SettingsRecoverySchema.nullable() }),
  },
  'settings.dismissRecoveryNotice': { request: Empty, response: Empty },
  /** Auto-update: where the updater is (off, checking, downloading, ready, error in words). */
  'updates.state': { request: Empty, response: UpdateStateSchema },
  /** "Restart to update": installs the verified, downloaded update and restarts the app. */
  'updates.install': { request: Empty, response: Empty },
  /** Calling compliance (issue 17): the defaults new drafts take, and blackout dates. */
  'compliance.settings': { request: Empty, response: ComplianceSettingsSchema },
  'compliance.setSettings': {
    request: ComplianceSettingsSchema,
    response: ComplianceSettingsSchema,
  },
  /** Do-not-call lists, their scope and their numbers. */
  'compliance.dncLists': {
    request: Empty,
    response: z.strictObject({ lists: z.array(DncListViewSchema) }),
  },
  'compliance.createDncList': { request: NewDncListRequestSchema, response: DncListViewSchema },
  'compliance.updateDncList': { request: DncListChangeRequestSchema, response: DncListViewSchema },
  'compliance.deleteDncList': { request: DncListIdRequestSchema, response: Empty },
  'compliance.dncEntries': { request: DncEntriesRequestSchema, response: DncEntriesPageSchema },
  /** Numbers as typed; one bad number refuses the batch, naming it, and nothing changes. */
  'compliance.addDncNumbers': {
    request: AddDncNumbersRequestSchema,
    response: z.strictObject({ added: z.int().min(0) }),
  },
  'compliance.removeDncNumbers': {
    request: RemoveDncNumbersRequestSchema,
    response: z.strictObject({ removed: z.int().min(0) }),
  },
  /** "Any imported list can be marked as a DNC list": its callable numbers, in one pass. */
  'compliance.addImportedList': {
    request: AddImportedListRequestSchema,
    response: z.strictObject({ added: z.int().min(0) }),
  },
  /** Per imported list, how many of its callable numbers are on a DNC list (marked at import). */
  'compliance.listMarks': {
    request: Empty,
    response: z.strictObject({ marks: z.array(ListDncMarkSchema) }),
  },
  /** The review's "which ones": a draft's exclusions, a page at a time. */
  'compliance.exclusions': { request: ExclusionsRequestSchema, response: ExclusionPageSchema },
  /** The compliance report of a campaign (xlsx), written where the person chooses. */
  'compliance.exportReport': {
    request: ComplianceReportRequestSchema,
    response: z.strictObject({ path: z.string().nullable(), rows: z.int().min(0) }),
  },
} as const satisfies Record<ChannelName, ChannelSpec>;

/** Every push event, name → payload schema. */
export const events = {
  'accounts.changed': AccountsStateSchema,
  'app.logNoticeChanged': z.strictObject({ notice: LogNoticeSchema.nullable() }),
  'lists.importProgress': z.strictObject({ jobId: z.string(), progress: ImportProgressSchema }),
  'settings.changed': PreferencesSchema,
  'storage.changed': StorageStateSchema,
  'submissions.changed': SubmissionViewSchema,
  'tasks.updated': BoardDeltaSchema,
  'updates.changed': UpdateStateSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Channels = typeof channels;
export type Events = typeof events;
/** What a caller passes for a channel. */
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What a handler receives after validation. */
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
/** What a channel answers with. */
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
/** What an event carries. */
export type EventPayloadOf<E extends EventName> = z.output<Events[E]>;
