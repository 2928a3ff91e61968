import type { AccountProfile } from '../../../shared/domain/account';
import type { Draft, DraftProblem } from '../../../shared/domain/draft';
import type { TaskKind, VendorId } from '../../../shared/domain/task';
import { systemZone } from '../preflight/zoned-time';
import {
  settingsWithSchedule,
  type ScheduleFields,
  type ValidationContext,
} from '../vendors/draft-checks';
import * as itniotech from '../vendors/itniotech/draft-rules';
import { vendorOfKind } from '../vendors/vendor-of-kind';
import * as yccall from '../vendors/yccall/draft-rules';

// Drafts ask the vendor module of the draft's kind (DESIGN.md "Vendor modules and the vendor's
// truth"): the rules and their limits live in main/services/vendors/<vendor>/rules.ts, the checks
// in <vendor>/draft-rules.ts. Nothing here knows a vendor rule.

export type { ValidationContext } from '../vendors/draft-checks';

/** What a vendor module says about drafts of its kinds. */
export interface VendorDraftRules {
  /** Every documented rule of the vendor the draft breaks (empty when it can be submitted). */
  validateDraft(draft: Draft, context: ValidationContext): readonly DraftProblem[];
  /** What of a draft's schedule a kind sends to the vendor, and in which settings field. */
  scheduleOf(kind: TaskKind): ScheduleFields;
}

/** The account defaults each vendor's module turns into a new draft's settings. */
const VENDOR_DEFAULTS: {
  readonly [V in VendorId]: (
    defaults: Extract<AccountProfile, { vendor: V }>['connection']['defaults'],
    kind: TaskKind,
  ) => Readonly<Record<string, unknown>>;
} = { itniotech: itniotech.defaultSettings, yccall: yccall.defaultSettings };

const VENDOR_DRAFT_RULES: Readonly<Record<VendorId, VendorDraftRules>> = { itniotech, yccall };

/** The draft rules of the vendor that runs a kind of task. */
export function draftRulesOf(kind: TaskKind): VendorDraftRules {
  return VENDOR_DRAFT_RULES[vendorOfKind(kind)];
}

/** What of a draft's schedule the kind's vendor receives (a start time, daily windows). */
export function scheduleOf(kind: TaskKind): ScheduleFields {
  return draftRulesOf(kind).scheduleOf(kind);
}

/**
 * The settings a new draft of `kind` starts with from its account's defaults (empty when the
 * account has none, or its vendor does not run the kind).
 */
export function defaultSettingsOf(
  account: AccountProfile,
  kind: TaskKind,
): Readonly<Record<string, unknown>> {
  if (vendorOfKind(kind) !== account.vendor) return {};
  return account.vendor === 'itniotech'
    ? VENDOR_DEFAULTS.itniotech(account.connection.defaults, kind)
    : VENDOR_DEFAULTS.yccall(account.connection.defaults, kind);
}

/** Every documented rule the draft breaks (empty when it can be submitted). */
export function validateDraft(draft: Draft, context: ValidationContext): readonly DraftProblem[] {
  return draftRulesOf(draft.kind).validateDraft(draft, context);
}

/**
 * The vendor settings of a draft, ready for `Vendor.createTask`: its settings, with its schedule
 * in the fields the vendor module names (`scheduleOf`).
 *
 * The start time is read in the draft's zone (or `localZone`, default this computer's) and handed
 * on as an ISO instant; the vendor module writes it in the vendor's own zone when it sends the
 * task (ITNIO: the account's UTC offset; Yccall: the server's). Daily windows are passed as
 * written (the vendors do not document the zone of allowSendTime).
 */
export function createSettingsOf(
  draft: Draft,
  options: { readonly localZone?: string } = {},
): Readonly<Record<string, unknown>> {
  return settingsWithSchedule(draft, scheduleOf(draft.kind), {
    localZone: options.localZone ?? systemZone(),
  });
}
