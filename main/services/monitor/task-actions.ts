import type { TaskAction, TaskActionResult } from '../../../shared/domain/board-ui';
import type { BoardRow } from '../../../shared/domain/board';
import type { TaskKind } from '../../../shared/domain/task';
import { AppError } from '../errors';
import type { CallOptions, TaskCapabilities, TaskDetail, Vendor } from '../vendors/vendor';

type ActionName = TaskAction['action'];

const ACTION_WORDS: Readonly<Record<ActionName, { en: string; zh: string }>> = {
  resend: { en: 'resent', zh: '重呼' },
  pause: { en: 'paused', zh: '暂停' },
  resume: { en: 'resumed', zh: '继续' },
  cancel: { en: 'cancelled', zh: '取消' },
  edit: { en: 'edited', zh: '修改' },
};

const FLAG: Readonly<Record<ActionName, keyof TaskCapabilities>> = {
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

/** A resend's settings: the original task's resendable settings and the new name. */
export function resendSettings(
  kind: TaskKind,
  detail: TaskDetail,
  name: string,
): Record<string, unknown> {
  const keys = new Set(RESEND_KEYS[kind]);
  const settings: Record<string, unknown> = {};
  for (const group of detail.groups) {
    for (const field of group.fields) {
      if (keys.has(field.key) && field.value !== null && field.value !== '') {
        settings[field.key] = revive(field.value);
      }
    }
  }
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
  if (!vendor.capabilities(row.kd)[FLAG[action.action]]) throw notOffered(action.action, row.kd);
  switch (action.action) {
    case 'resend': {
      const detail = await vendor.getTask(row.kd, row.t, options);
      const created = await vendor.resend(
        row.kd,
        row.t,
        action.scope,
        resendSettings(row.kd, detail, action.name),
        options,
      );
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
