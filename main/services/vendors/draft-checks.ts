import type { Draft, DraftProblem } from '../../../shared/domain/draft';
import type { IntRange } from '../../../shared/domain/vendor-rules';
import { AppError } from '../errors';
import { instantOf, isValidZone, parseWallTime } from '../preflight/zoned-time';

// The building blocks of a vendor's draft validation (itniotech/draft-rules.ts,
// yccall/draft-rules.ts): each check adds a problem a person can fix, its message saying the rule
// and its limit in English and Simplified Chinese. The limits themselves come from the vendor's
// rules file; nothing here knows a vendor.

/** What validation needs besides the draft. */
export interface ValidationContext {
  /** Valid rows of the draft's list, when known. */
  readonly listCount: number | null;
  /** True when another submission of this account and kind already uses the name. */
  readonly nameTaken?: boolean;
}

/** How a module turns a draft into settings for `Vendor.createTask`. */
export interface CreateSettingsOptions {
  /** The zone of a draft without one (default: this computer's). */
  readonly localZone: string;
}

/**
 * What of a draft's schedule a kind of task sends to its vendor, as the settings field that
 * carries it (null: the vendor takes none).
 */
export interface ScheduleFields {
  /** The start, as an ISO instant (ITNIO `sendTime`, Yccall `scheduledTime`). */
  readonly start: string | null;
  /** Daily calling windows as `{ strTime, endTime }` (ITNIO `allowSendTime`). */
  readonly windows: string | null;
}

/** A kind whose vendor takes no schedule. */
export const NO_SCHEDULE: ScheduleFields = { start: null, windows: null };

/** The problems found so far (checks append to it). */
export type Problems = DraftProblem[];

/** A field's name in both languages, for messages. */
export interface Label {
  readonly en: string;
  readonly zh: string;
}

/** `1,000` (messages in English group digits; the Chinese ones do not). */
export const fmt = (n: number): string => n.toLocaleString('en');

/** Adds one problem. */
export function addProblem(
  problems: Problems,
  field: string,
  rule: string,
  en: string,
  zh: string,
): void {
  problems.push({ field, rule, message: { en, 'zh-CN': zh } });
}

/** True for a whole number. */
export const isInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

/** True for text that is not blank. */
export const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** A whole-number setting within `range` (`required`: it must be there). */
export function intRange(
  problems: Problems,
  settings: Readonly<Record<string, unknown>>,
  field: string,
  label: Label,
  range: IntRange,
  required: boolean,
): void {
  const { min, max } = range;
  const value = settings[field];
  if (value === undefined || value === null || value === '') {
    if (required)
      addProblem(
        problems,
        field,
        `${field}.required`,
        `Enter the ${label.en} (${min}–${max}).`,
        `请填写${label.zh}（${min}–${max}）。`,
      );
    return;
  }
  if (!isInt(value) || value < min || value > max) {
    addProblem(
      problems,
      field,
      `${field}.range`,
      `The ${label.en} must be a whole number from ${min} to ${max}.`,
      `${label.zh}必须是 ${min} 到 ${max} 之间的整数。`,
    );
  }
}

/** The task name is unique among this account's submissions of the kind. */
export function nameUnique(problems: Problems, context: ValidationContext): void {
  if (context.nameTaken) {
    addProblem(
      problems,
      'name',
      'name.unique',
      'Another campaign of this account already uses this task name; task names must be unique.',
      '此账户的其他活动已使用该任务名称；任务名称必须唯一。',
    );
  }
}

/** A list is picked, has numbers, and (when `max` is set) no more than one task takes. */
export function listLimit(
  problems: Problems,
  draft: Draft,
  context: ValidationContext,
  max: number | null,
  what: Label,
): void {
  if (draft.listId === null) {
    addProblem(
      problems,
      'list',
      'list.required',
      'Pick the list of numbers to call.',
      '请选择要拨打的号码名单。',
    );
    return;
  }
  if (context.listCount === null) return;
  if (context.listCount === 0) {
    addProblem(
      problems,
      'list',
      'list.empty',
      'The list has no valid numbers.',
      '名单中没有有效号码。',
    );
  } else if (max !== null && context.listCount > max) {
    addProblem(
      problems,
      'list',
      'list.max',
      `${what.en} takes at most ${fmt(max)} numbers; this list has ${fmt(context.listCount)}. Split the list.`,
      `${what.zh}最多 ${max} 个号码，此名单有 ${context.listCount} 个。请拆分名单。`,
    );
  }
}

/** The draft's start time, when set, is written `yyyy-MM-dd HH:mm:ss` (the editor's format). */
export function sendAtFormat(problems: Problems, draft: Draft): void {
  const value = draft.schedule.sendAt;
  if (value !== null && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) {
    addProblem(
      problems,
      'schedule.sendAt',
      'sendTime.format',
      'Write the start time as yyyy-MM-dd HH:mm:ss, or leave it empty to start when sent.',
      '开始时间格式为 yyyy-MM-dd HH:mm:ss；留空表示发送后立即开始。',
    );
  }
}

/**
 * The instant the draft's start means: its wall time read in its zone (or `localZone`), as an
 * ISO instant; null when the draft starts when sent. The vendor module writes it in the vendor's
 * own zone when it sends the task (ItniotechVendor: the account's UTC offset; Yccall: the server's).
 */
export function startInstantOf(draft: Draft, localZone: string): string | null {
  if (draft.schedule.sendAt === null) return null;
  const wall = parseWallTime(draft.schedule.sendAt);
  if (wall === null) return null;
  const zone = draft.schedule.timeZone ?? localZone;
  return new Date(instantOf(isValidZone(zone) ? zone : localZone, wall)).toISOString();
}

/**
 * A draft's settings with its schedule in the fields the vendor takes: the start as an ISO
 * instant, daily windows as written (the vendors do not document their zone).
 */
export function settingsWithSchedule(
  draft: Draft,
  fields: ScheduleFields,
  options: CreateSettingsOptions,
): Readonly<Record<string, unknown>> {
  const settings: Record<string, unknown> = { ...draft.settings };
  if (fields.windows !== null && draft.schedule.windows.length > 0) {
    settings[fields.windows] = draft.schedule.windows.map((w) => ({
      strTime: w.start,
      endTime: w.end,
    }));
  }
  const start = fields.start === null ? null : startInstantOf(draft, options.localZone);
  if (fields.start !== null && start !== null) settings[fields.start] = start;
  return settings;
}

/** A draft of another vendor's kind reached a vendor module: a fault of the caller. */
export function kindNotOffered(vendor: string, draft: Draft): AppError {
  return new AppError(
    'INTERNAL',
    {
      en: `${vendor} accounts have no ${draft.kind} tasks.`,
      'zh-CN': `${vendor} 账户没有 ${draft.kind} 任务。`,
    },
    { kind: draft.kind },
  );
}
