import {
  ResendOptionsSchema,
  type ResendOptions,
  type TaskAction,
  type TaskActionResult,
} from '../../../shared/domain/board-ui';
import type { BoardRow } from '../../../shared/domain/board';
import type { TaskKind } from '../../../shared/domain/task';
import type { LocalizedText } from '../../../shared/domain/locale';
import type { Logger } from '../../ports';
import { AppError } from '../errors';
import type { SubmittedNumbers } from '../submissions/submitted-numbers';
import type {
  CallOptions,
  ResendOption,
  ResendScope,
  TaskCapabilities,
  TaskDetail,
  Vendor,
} from '../vendors/vendor';

type ActionName = TaskAction['action'];

const ACTION_WORDS: Readonly<Record<ActionName, { en: string; zh: string }>> = {
  resend: { en: 'resent', zh: '重呼' },
  pause: { en: 'paused', zh: '暂停' },
  resume: { en: 'resumed', zh: '继续' },
  cancel: { en: 'cancelled', zh: '取消' },
  edit: { en: 'edited', zh: '修改' },
};

/** The capabilities that are yes/no flags. */
type Flag = {
  [K in keyof TaskCapabilities]: TaskCapabilities[K] extends boolean ? K : never;
}[keyof TaskCapabilities];

const FLAG: Readonly<Record<ActionName, Flag>> = {
  resend: 'resend',
  pause: 'pause',
  resume: 'resume',
  cancel: 'cancel',
  edit: 'edit',
};

/** The refusal when the vendor offers no such action for this kind of task. */
export function notOffered(action: ActionName, kind: TaskKind): AppError {
  const words = ACTION_WORDS[action];
  return new AppError(
    'VENDOR_REJECTED',
    {
      en: `This kind of task cannot be ${words.en} at its vendor. Nothing was changed.`,
      'zh-CN': `该服务商不支持${words.zh}此类任务，未做任何更改。`,
    },
    { action, kind },
  );
}

const SCOPE_WORDS: Readonly<Record<ResendScope, LocalizedText>> = {
  all: { en: 'all numbers', 'zh-CN': '全部号码' },
  failed: { en: 'the failed numbers', 'zh-CN': '失败的号码' },
  'not-called': { en: 'the numbers not called yet', 'zh-CN': '尚未呼叫的号码' },
};

const OPTION_WORDS: Readonly<Record<ResendOption, LocalizedText>> = {
  scriptId: { en: 'an AI script id', 'zh-CN': 'AI 话术 ID' },
  allowSendTime: { en: 'calling windows', 'zh-CN': '呼叫时段' },
  maxRingingTime: { en: 'a ringing time', 'zh-CN': '振铃时长' },
  enableRecording: { en: 'a recording choice', 'zh-CN': '录音设置' },
  calloutRate: { en: 'a number of calls per agent', 'zh-CN': '每坐席呼叫数' },
};

/** The refusal when the vendor cannot resend the numbers asked for; names what it can resend. */
export function scopeNotOffered(
  scope: ResendScope,
  offered: readonly ResendScope[],
  kind: TaskKind,
): AppError {
  const list = (locale: 'en' | 'zh-CN', joiner: string) =>
    offered.map((s) => SCOPE_WORDS[s][locale]).join(joiner);
  return new AppError(
    'VENDOR_REJECTED',
    {
      en: `This kind of task cannot resend ${SCOPE_WORDS[scope].en} at its vendor; it can resend ${list('en', ' or ')}. Nothing was sent.`,
      'zh-CN': `该服务商不能为此类任务重呼${SCOPE_WORDS[scope]['zh-CN']}，只能重呼${list('zh-CN', '或')}。未发送任何请求。`,
    },
    { scope, offered: [...offered], kind },
  );
}

/** The refusal when a resend carries a setting the vendor does not take for this kind of task. */
export function optionNotOffered(option: ResendOption, kind: TaskKind): AppError {
  return new AppError(
    'VENDOR_REJECTED',
    {
      en: `This kind of task cannot be given ${OPTION_WORDS[option].en} on a resend at its vendor. Leave it out and try again; nothing was sent.`,
      'zh-CN': `该服务商重呼此类任务时不接受${OPTION_WORDS[option]['zh-CN']}。请去掉后重试；未发送任何请求。`,
    },
    { option, kind },
  );
}

/** The refusal when the vendor needs the AI script id and neither the task nor the manager gave it. */
export function scriptIdMissing(kind: TaskKind): AppError {
  return new AppError(
    'INVALID_INPUT',
    {
      en: 'Enter the AI script id for the new task: the vendor needs it to resend, and this task’s details do not include it. Nothing was sent.',
      'zh-CN':
        '请输入新任务的 AI 话术 ID：服务商重呼时需要它，而此任务的详情中没有。未发送任何请求。',
    },
    { kind, field: 'scriptId' },
  );
}

/**
 * Options that a vendor offering them cannot do without, with the refusal when neither the task
 * nor the manager gave one: an AI task calls with a script (itniotech.md §5.4 marks scriptId
 * required). Decided by the option, never by vendor or kind. An option needed only for some tasks
 * of a kind (ITNIO's calls per agent, for cc tasks that call agents, §4.3) is not listed here: the
 * vendor's resend refuses it, since only the vendor knows which of its tasks need it.
 */
const REQUIRED_OPTIONS: Readonly<Partial<Record<ResendOption, (kind: TaskKind) => AppError>>> = {
  scriptId: scriptIdMissing,
};

/** Refuses a resend's scope or options the vendor does not offer, before any request leaves. */
export function checkResend(
  capabilities: TaskCapabilities,
  kind: TaskKind,
  scope: ResendScope,
  options: ResendOptions | undefined,
): void {
  if (!capabilities.resendScopes.includes(scope)) {
    throw scopeNotOffered(scope, capabilities.resendScopes, kind);
  }
  for (const [option, value] of Object.entries(options ?? {}) as [ResendOption, unknown][]) {
    if (value !== undefined && !capabilities.resendOptions.includes(option)) {
      throw optionNotOffered(option, kind);
    }
  }
}

/** The manager's options in the vendor's terms (recording as 0/1, the script id as a number). */
function vendorOptions(options: ResendOptions | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!options) return out;
  if (options.scriptId !== undefined) out['scriptId'] = Number(options.scriptId);
  if (options.allowSendTime !== undefined) {
    out['allowSendTime'] = options.allowSendTime.map((window) => ({
      strTime: window.strTime,
      endTime: window.endTime,
    }));
  }
  if (options.maxRingingTime !== undefined) out['maxRingingTime'] = options.maxRingingTime;
  if (options.enableRecording !== undefined) {
    out['enableRecording'] = options.enableRecording ? 1 : 0;
  }
  if (options.calloutRate !== undefined) out['calloutRate'] = options.calloutRate;
  return out;
}

/**
 * The settings a resend repeats, per kind: the original task's settings that the vendor's resend
 * call takes again (itniotech.md §4.4, §5.3, §5.4; yccall.md §4.5 needs none). Detail values come
 * as text or numbers; only documented keys are copied, so read-only fields never go back.
 */
const RESEND_KEYS: Readonly<Record<TaskKind, readonly string[]>> = {
  'voice-group': [
    'appId',
    'source',
    'voiceFileId',
    'uploadName',
    'text',
    'lan',
    'speakingRate',
    'loopCount',
    'maxCalls',
    'displayNum',
  ],
  'ai-agent-group': [
    'scriptId',
    'displayNum',
    'maxCalls',
    'maxRingingTime',
    'enableRecording',
    'calloutRate',
  ],
  'cc-preview': [
    'type',
    'voiceGroupId',
    'appId',
    'calloutRate',
    'displayNum',
    'ccode',
    'maxRingingTime',
  ],
  predictive: [],
};

/**
 * Detail fields whose key differs from the resend's, per kind: a cc task's record (itniotech.md
 * §4.4) names its type `taskType`, which resendTask (§4.3) takes as `type`.
 */
const RESEND_ALIASES: Readonly<Record<TaskKind, Readonly<Record<string, string>>>> = {
  'voice-group': {},
  'ai-agent-group': {},
  'cc-preview': { taskType: 'type' },
  predictive: {},
};

/** Where the new task's name goes in a resend's settings, per kind (cc tasks name by remark). */
const NAME_KEY: Readonly<Record<TaskKind, string | null>> = {
  'voice-group': 'taskName',
  'ai-agent-group': 'taskName',
  'cc-preview': 'remark',
  predictive: null,
};

function revive(value: string | number | boolean | null): unknown {
  // Lists (e.g. agent group ids) arrive as JSON text in a detail.
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * A resend's settings: the original task's resendable settings (those the app submitted it with,
 * then those its detail shows over them: the vendor's word is the newer one), the manager's
 * options over them, and the new name.
 *
 * The submission matters where the detail is silent: a cc task's record (itniotech.md §4.4)
 * carries neither its application nor its calls per agent, and an AI task's detail (§5.6) not its
 * script, yet §4.3 and §5.4 need them again.
 */
export function resendSettings(
  kind: TaskKind,
  detail: TaskDetail,
  name: string,
  options?: ResendOptions,
  submitted?: Readonly<Record<string, unknown>> | null,
): Record<string, unknown> {
  const keys = new Set(RESEND_KEYS[kind]);
  const aliases = RESEND_ALIASES[kind];
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(submitted ?? {})) {
    if (keys.has(key) && value !== undefined && value !== null && value !== '') {
      settings[key] = value;
    }
  }
  for (const group of detail.groups) {
    for (const field of group.fields) {
      const key = Object.hasOwn(aliases, field.key) ? aliases[field.key] : field.key;
      if (key !== undefined && keys.has(key) && field.value !== null && field.value !== '') {
        settings[key] = revive(field.value);
      }
    }
  }
  Object.assign(settings, vendorOptions(options));
  const nameKey = NAME_KEY[kind];
  if (nameKey !== null) settings[nameKey] = name;
  return settings;
}

/**
 * Runs one action on a task's vendor after checking the vendor offers it. A resend repeats the
 * settings the app `submitted` the task with (null when it did not create the task).
 */
export async function runTaskAction(
  vendor: Vendor,
  row: BoardRow,
  action: TaskAction,
  options: CallOptions,
  submitted: Readonly<Record<string, unknown>> | null = null,
): Promise<TaskActionResult> {
  const sent = await sendTaskAction(vendor, row, action, options, submitted);
  // What the app reports is what a follow-up query says (DESIGN.md "the vendor's truth"): the
  // task an action changed, or the new task a resend made (the same task when it re-dials).
  const target = sent.newTaskId ?? row.t;
  const after = await vendor.readBack(row.kd, target, options);
  return { ...sent, after: { taskId: target, state: after.state, held: after.held } };
}

/** Sends one action to the vendor (see runTaskAction, which reads the task back after it). */
async function sendTaskAction(
  vendor: Vendor,
  row: BoardRow,
  action: TaskAction,
  options: CallOptions,
  submitted: Readonly<Record<string, unknown>> | null = null,
): Promise<Omit<TaskActionResult, 'after'>> {
  const capabilities = vendor.capabilities(row.kd);
  if (!capabilities[FLAG[action.action]]) throw notOffered(action.action, row.kd);
  switch (action.action) {
    case 'resend': {
      checkResend(capabilities, row.kd, action.scope, action.options);
      const detail = await vendor.getTask(row.kd, row.t, options);
      const settings = resendSettings(row.kd, detail, action.name, action.options, submitted);
      for (const option of capabilities.resendOptions) {
        const missing = REQUIRED_OPTIONS[option];
        if (missing && settings[option] === undefined) throw missing(row.kd);
      }
      const created = await vendor.resend(row.kd, row.t, action.scope, settings, options);
      return { action: 'resend', newTaskId: created?.taskId ?? null };
    }
    case 'pause':
      await vendor.pause(row.kd, row.t, options);
      return { action: 'pause', newTaskId: null };
    case 'resume':
      await vendor.resume(row.kd, row.t, options);
      return { action: 'resume', newTaskId: null };
    case 'cancel':
      await vendor.cancel(row.kd, row.t, options);
      return { action: 'cancel', newTaskId: null };
    case 'edit':
      await vendor.edit(row.kd, row.t, { calloutRate: action.calloutRate }, options);
      return { action: 'edit', newTaskId: null };
  }
}

/**
 * A resend option's value in a submission's settings, in the manager's terms (the inverse of
 * `vendorOptions`), or undefined when absent or not a value the option takes.
 */
function optionOfSettings(
  option: keyof ResendOptions,
  settings: Readonly<Record<string, unknown>>,
): unknown {
  const value = settings[option];
  if (value === undefined || value === null) return undefined;
  const manager =
    option === 'scriptId'
      ? String(value)
      : option === 'enableRecording'
        ? value === 1 || value === true
        : value;
  const parsed = ResendOptionsSchema.shape[option].safeParse(manager);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The resend options a submission's settings give (calling windows excepted: a resend repeats
 * them only when the manager sets them again).
 */
export function resendOptionsOfSettings(
  settings: Readonly<Record<string, unknown>>,
): ResendOptions {
  const options: Record<string, unknown> = {};
  for (const option of ['scriptId', 'maxRingingTime', 'enableRecording', 'calloutRate'] as const) {
    const value = optionOfSettings(option, settings);
    if (value !== undefined) options[option] = value;
  }
  return ResendOptionsSchema.parse(options);
}

/** What resend dialogs start from: the tasks' own account, kind and submitted settings. */
export interface ResendDefaults {
  /** The account every task belongs to, or null when they differ. */
  readonly accountId: string | null;
  /** The kind every task has, or null when they differ. */
  readonly kind: TaskKind | null;
  /** How many of the tasks this app submitted (their settings are known). */
  readonly submitted: number;
  /** The options the submitted tasks agree on. */
  readonly options: ResendOptions;
}

/** What the board gives task actions (TaskMonitor fits). */
export interface ActionBoard {
  row(rowKey: string): BoardRow;
  /** Polls an account now; NOT_FOUND when it no longer exists. */
  refreshNow(accountId: string): Promise<void>;
  /** Runs an action the app has nothing to add to (TaskMonitor.act). */
  act(action: TaskAction, signal?: AbortSignal): Promise<TaskActionResult>;
}

/**
 * Task actions with what the app knows of the task: a resend repeats the settings the app
 * submitted the task with (so the manager is asked only for what is missing), and resend dialogs
 * start from them. Other actions go to the board as they are.
 */
export class TaskActions {
  constructor(
    private readonly deps: {
      readonly board: ActionBoard;
      readonly vendorOf: (accountId: string) => Promise<Vendor>;
      readonly submitted: Pick<SubmittedNumbers, 'settingsOf'> &
        Partial<Pick<SubmittedNumbers, 'numbersOf'>>;
      readonly logger: Logger;
      /**
       * Calling compliance (issue 17): whether a number is on a do-not-call list that applies to
       * the account now. A vendor-side resend re-dials the vendor's own copy of the numbers, so
       * the app cannot leave any out: it refuses when the task's numbers include one.
       */
      readonly dncOf?: (accountId: string) => (e164: string) => boolean;
    },
  ) {}

  /** Runs an action, then polls the task's account so the board shows what the vendor says. */
  async act(action: TaskAction, signal?: AbortSignal): Promise<TaskActionResult> {
    if (action.action !== 'resend') return this.deps.board.act(action, signal);
    const row = this.deps.board.row(action.key);
    await this.refuseDoNotCall(row);
    const vendor = await this.deps.vendorOf(row.a);
    const submitted = this.settingsOf(row);
    const result = await runTaskAction(vendor, row, action, signal ? { signal } : {}, submitted);
    this.deps.logger.info('Task action done', {
      action: action.action,
      kind: row.kd,
      submittedSettings: submitted !== null,
    });
    try {
      await this.deps.board.refreshNow(row.a);
    } catch (error) {
      // The account was removed meanwhile: the resend happened; there is no board to refresh.
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    }
    return result;
  }

  /** The account, kind and options a resend of these tasks starts from. */
  resendDefaults(keys: readonly string[]): ResendDefaults {
    const rows = [...new Set(keys)].map((key) => this.deps.board.row(key));
    const same = <T>(values: readonly T[]): T | null =>
      values.length > 0 && values.every((value) => value === values[0])
        ? (values[0] ?? null)
        : null;
    const known = rows.map((row) => this.settingsOf(row)).filter((settings) => settings !== null);
    const each = known.map(resendOptionsOfSettings);
    const options: Record<string, unknown> = {};
    for (const [option, value] of Object.entries(each[0] ?? {})) {
      const text = JSON.stringify(value);
      if (each.every((other) => JSON.stringify(other[option as keyof ResendOptions]) === text)) {
        options[option] = value;
      }
    }
    return {
      accountId: same(rows.map((row) => row.a)),
      kind: same(rows.map((row) => row.kd)),
      submitted: known.length,
      options: ResendOptionsSchema.parse(options),
    };
  }

  /**
   * Refuses a vendor-side resend of a task whose numbers (as this app sent them) include one now
   * on a do-not-call list for the account; the resend composer leaves such numbers out. Tasks the
   * app did not create cannot be checked (their numbers are not known here).
   */
  private async refuseDoNotCall(row: BoardRow): Promise<void> {
    const { dncOf, submitted } = this.deps;
    if (dncOf === undefined || submitted.numbersOf === undefined) return;
    const sent = await submitted.numbersOf({ accountId: row.a, kind: row.kd, taskId: row.t });
    if (sent.status !== 'found') return;
    const isDnc = dncOf(row.a);
    const count = sent.numbers.filter((number) => isDnc(number)).length;
    if (count === 0) return;
    throw new AppError(
      'CONFLICT',
      {
        en: `${count.toLocaleString('en')} of the numbers this task was sent with ${count === 1 ? 'is' : 'are'} now on a do-not-call list, and the vendor's resend would call ${count === 1 ? 'it' : 'them'} again. Nothing was sent. Use "Select for resend" and the resend composer instead: it leaves do-not-call numbers out.`,
        'zh-CN': `此任务发送时的号码中有 ${count.toLocaleString('zh-CN')} 个现已在禁呼名单上，服务商重呼会再次拨打。未发送任何内容。请改用“选中以重发”和重发编排，它会排除禁呼号码。`,
      },
      { dncNumbers: count },
    );
  }

  private settingsOf(row: BoardRow): Readonly<Record<string, unknown>> | null {
    return this.deps.submitted.settingsOf({ accountId: row.a, kind: row.kd, taskId: row.t });
  }
}
