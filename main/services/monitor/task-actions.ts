import type { ResendOptions, TaskAction, TaskActionResult } from '../../../shared/domain/board-ui';
import type { BoardRow } from '../../../shared/domain/board';
import type { TaskKind } from '../../../shared/domain/task';
import type { LocalizedText } from '../../../shared/domain/locale';
import { AppError } from '../errors';
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
 * A resend's settings: the original task's resendable settings, the manager's options over them,
 * and the new name.
 */
export function resendSettings(
  kind: TaskKind,
  detail: TaskDetail,
  name: string,
  options?: ResendOptions,
): Record<string, unknown> {
  const keys = new Set(RESEND_KEYS[kind]);
  const aliases = RESEND_ALIASES[kind];
  const settings: Record<string, unknown> = {};
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

/** Runs one action on a task's vendor after checking the vendor offers it. */
export async function runTaskAction(
  vendor: Vendor,
  row: BoardRow,
  action: TaskAction,
  options: CallOptions,
): Promise<TaskActionResult> {
  const capabilities = vendor.capabilities(row.kd);
  if (!capabilities[FLAG[action.action]]) throw notOffered(action.action, row.kd);
  switch (action.action) {
    case 'resend': {
      checkResend(capabilities, row.kd, action.scope, action.options);
      const detail = await vendor.getTask(row.kd, row.t, options);
      const settings = resendSettings(row.kd, detail, action.name, action.options);
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
