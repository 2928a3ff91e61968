import { instantOf, isValidZone, parseWallTime, systemZone } from '../preflight/zoned-time';
import type { Draft, DraftProblem } from '../../../shared/domain/draft';

// The documented create rules of every task kind, as problems a person can fix: each message
// says the rule and its limit, in English and Simplified Chinese. Sources: itniotech.md §4.1–4.2
// (cc tasks), §5.1 (voice group call), §5.4/§5.8 (AI-agent group call), §9.7 (number caps);
// yccall.md §4.1 (TaskCreat) and §4.2 (10,000 per call, more with TaskAdd).

/** Most rows one ITNIO workbook upload takes (§4.1, code -40). */
export const CC_MAX_ROWS = 100_000;
/** Most numbers of one ITNIO group call (§9.7: the itniotech page's 100,000). */
export const GROUP_MAX_NUMBERS = 100_000;
/** Numbers per Yccall TaskCreat / TaskAdd (§4.1, §4.2). */
export const YCCALL_CHUNK = 10_000;

/** What validation needs besides the draft. */
export interface ValidationContext {
  /** Valid rows of the draft's list, when known. */
  readonly listCount: number | null;
  /** True when another submission of this account and kind already uses the name. */
  readonly nameTaken?: boolean;
}

type Problems = DraftProblem[];

const fmt = (n: number) => n.toLocaleString('en');

function add(problems: Problems, field: string, rule: string, en: string, zh: string): void {
  problems.push({ field, rule, message: { en, 'zh-CN': zh } });
}

const isInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);
const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

function intRange(
  problems: Problems,
  settings: Readonly<Record<string, unknown>>,
  field: string,
  label: { en: string; zh: string },
  min: number,
  max: number,
  required: boolean,
): void {
  const value = settings[field];
  if (value === undefined || value === null || value === '') {
    if (required)
      add(
        problems,
        field,
        `${field}.required`,
        `Enter the ${label.en} (${min}–${max}).`,
        `请填写${label.zh}（${min}–${max}）。`,
      );
    return;
  }
  if (!isInt(value) || value < min || value > max) {
    add(
      problems,
      field,
      `${field}.range`,
      `The ${label.en} must be a whole number from ${min} to ${max}.`,
      `${label.zh}必须是 ${min} 到 ${max} 之间的整数。`,
    );
  }
}

function displayNumber(
  problems: Problems,
  settings: Readonly<Record<string, unknown>>,
  field: string,
  digitsOnly: boolean,
): void {
  const value = settings[field];
  if (value === undefined || value === null || value === '') return;
  const ok =
    typeof value === 'string' && (digitsOnly ? /^\d{0,20}$/ : /^[A-Za-z0-9]{0,20}$/).test(value);
  if (!ok) {
    add(
      problems,
      field,
      `${field}.format`,
      digitsOnly
        ? 'A display number is at most 20 digits.'
        : 'A display number is at most 20 letters and digits.',
      digitsOnly ? '外显号码最多 20 位数字。' : '外显号码最多 20 个字母或数字。',
    );
  }
}

function taskName(problems: Problems, draft: Draft, max: number, context: ValidationContext): void {
  const length = draft.name.trim().length;
  if (length < 2 || draft.name.length > max) {
    add(
      problems,
      'name',
      'name.length',
      `The task name must be 2–${max} characters (it has ${draft.name.length}).`,
      `任务名称须为 2–${max} 个字符（当前 ${draft.name.length} 个）。`,
    );
  }
  if (context.nameTaken) {
    add(
      problems,
      'name',
      'name.unique',
      'Another campaign of this account already uses this task name; task names must be unique.',
      '此账户的其他活动已使用该任务名称；任务名称必须唯一。',
    );
  }
}

function listLimit(
  problems: Problems,
  draft: Draft,
  context: ValidationContext,
  max: number | null,
  what: { en: string; zh: string },
): void {
  if (draft.listId === null) {
    add(
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
    add(problems, 'list', 'list.empty', 'The list has no valid numbers.', '名单中没有有效号码。');
  } else if (max !== null && context.listCount > max) {
    add(
      problems,
      'list',
      'list.max',
      `${what.en} takes at most ${fmt(max)} numbers; this list has ${fmt(context.listCount)}. Split the list.`,
      `${what.zh}最多 ${max} 个号码，此名单有 ${context.listCount} 个。请拆分名单。`,
    );
  }
}

function windows(problems: Problems, draft: Draft): void {
  const list = draft.schedule.windows;
  if (list.length > 3) {
    add(
      problems,
      'schedule.windows',
      'allowSendTime.max',
      `At most 3 daily calling windows are allowed (there are ${list.length}).`,
      `每天最多 3 个呼叫时段（当前 ${list.length} 个）。`,
    );
  }
  list.forEach((window, index) => {
    if (!(window.start < window.end) || window.end > '24:00') {
      add(
        problems,
        `schedule.windows.${index}`,
        'allowSendTime.order',
        `Window ${index + 1}: the start (${window.start}) must be before the end (${window.end}).`,
        `第 ${index + 1} 个时段：开始时间（${window.start}）必须早于结束时间（${window.end}）。`,
      );
    }
  });
}

function sendAt(problems: Problems, draft: Draft): void {
  const value = draft.schedule.sendAt;
  if (value !== null && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) {
    add(
      problems,
      'schedule.sendAt',
      'sendTime.format',
      'Write the start time as yyyy-MM-dd HH:mm:ss, or leave it empty to start when sent.',
      '开始时间格式为 yyyy-MM-dd HH:mm:ss；留空表示发送后立即开始。',
    );
  }
}

function ccPreview(draft: Draft, context: ValidationContext): Problems {
  const problems: Problems = [];
  const s = draft.settings;
  // The task's name travels as `remark`, at most 50 characters (§4.6).
  taskName(problems, draft, 50, context);
  const type = s['type'] ?? 0;
  if (type !== 0 && type !== 1) {
    add(
      problems,
      'type',
      'type.enum',
      'Choose automatic call (0) or group call to agents (1).',
      '请选择自动外呼（0）或群呼转坐席（1）。',
    );
  }
  const groups = s['voiceGroupId'] ?? [];
  if (!Array.isArray(groups) || groups.some((g) => !isInt(g) || g <= 0)) {
    add(
      problems,
      'voiceGroupId',
      'voiceGroupId.format',
      'Pick agent groups from the list.',
      '请从列表中选择坐席组。',
    );
  } else if (type === 1 && groups.length !== 1) {
    add(
      problems,
      'voiceGroupId',
      'voiceGroupId.exactlyOne',
      `A group call to agents needs exactly one agent group (${groups.length} chosen).`,
      `群呼转坐席必须且只能选择一个坐席组（已选 ${groups.length} 个）。`,
    );
  }
  if (type === 1 && !isText(s['appId'])) {
    add(
      problems,
      'appId',
      'appId.required',
      'A group call to agents needs the application (appId).',
      '群呼转坐席需要选择应用（appId）。',
    );
  }
  if (type === 1)
    intRange(problems, s, 'calloutRate', { en: 'outbound ratio', zh: '外呼倍率' }, 1, 100, true);
  displayNumber(problems, s, 'displayNum', false);
  if (
    s['ccode'] !== undefined &&
    s['ccode'] !== '' &&
    !(typeof s['ccode'] === 'string' && /^\d{1,4}$/.test(s['ccode']))
  ) {
    add(
      problems,
      'ccode',
      'ccode.format',
      'The country code is 1–4 digits without + (e.g. 86).',
      '国家代码为 1–4 位数字，不含 +（例如 86）。',
    );
  }
  intRange(
    problems,
    s,
    'maxRingingTime',
    { en: 'maximum ringing time in seconds', zh: '最长振铃时间（秒）' },
    20,
    120,
    false,
  );
  listLimit(problems, draft, context, CC_MAX_ROWS, {
    en: 'One call-center task upload',
    zh: '单个呼叫中心任务上传',
  });
  return problems;
}

function groupCommon(
  problems: Problems,
  draft: Draft,
  context: ValidationContext,
  what: { en: string; zh: string },
): void {
  const s = draft.settings;
  taskName(problems, draft, 64, context);
  if (!isText(s['appId']))
    add(
      problems,
      'appId',
      'appId.required',
      'Choose the voice application (appId).',
      '请选择语音应用（appId）。',
    );
  displayNumber(problems, s, 'displayNum', true);
  intRange(
    problems,
    s,
    'maxRingingTime',
    { en: 'maximum ringing time in seconds', zh: '最长振铃时间（秒）' },
    20,
    120,
    false,
  );
  listLimit(problems, draft, context, GROUP_MAX_NUMBERS, what);
  windows(problems, draft);
  sendAt(problems, draft);
}

function voiceGroup(draft: Draft, context: ValidationContext): Problems {
  const problems: Problems = [];
  const s = draft.settings;
  groupCommon(problems, draft, context, { en: 'A voice group call', zh: '语音群呼' });
  const source = s['source'];
  if (source !== 1 && source !== 2 && source !== 3) {
    add(
      problems,
      'source',
      'source.enum',
      'Choose the audio: an uploaded voice file, a new file, or text-to-speech.',
      '请选择语音：已上传的语音文件、新文件或文字转语音。',
    );
  }
  if (source === 1 && !isText(s['voiceFileId']))
    add(
      problems,
      'voiceFileId',
      'voiceFileId.required',
      'Pick the voice file.',
      '请选择语音文件。',
    );
  if (source === 2) {
    const name = s['uploadName'];
    if (!(typeof name === 'string' && name.length >= 5 && name.length <= 32))
      add(
        problems,
        'uploadName',
        'uploadName.length',
        'The audio file name must be 5–32 characters.',
        '语音文件名须为 5–32 个字符。',
      );
    if (!isText(s['baseFile']))
      add(problems, 'baseFile', 'baseFile.required', 'Attach the audio file.', '请添加语音文件。');
  }
  if (source === 3) {
    const text = s['text'];
    if (!(typeof text === 'string' && text.trim().length > 0 && text.length <= 1_000))
      add(
        problems,
        'text',
        'text.length',
        'The text to speak must be 1–1,000 characters.',
        '播报文本须为 1–1000 个字符。',
      );
    if (!isText(s['lan']))
      add(
        problems,
        'lan',
        'lan.required',
        'Choose the text-to-speech language.',
        '请选择文字转语音的语言。',
      );
  }
  intRange(
    problems,
    s,
    'loopCount',
    { en: 'number of plays per call', zh: '每通播放次数' },
    1,
    9,
    false,
  );
  intRange(
    problems,
    s,
    'maxCalls',
    { en: 'maximum call time in seconds', zh: '最长通话时间（秒）' },
    1,
    999,
    true,
  );
  if (s['hangUpSms'] === 1) {
    if (!isText(s['smsAppId']))
      add(
        problems,
        'smsAppId',
        'smsAppId.required',
        'An SMS after hang-up needs the SMS application.',
        '挂机短信需要选择短信应用。',
      );
    const content = s['smsContent'];
    if (!(typeof content === 'string' && content.length > 0 && content.length <= 1_000))
      add(
        problems,
        'smsContent',
        'smsContent.length',
        'The SMS text must be 1–1,000 characters.',
        '短信内容须为 1–1000 个字符。',
      );
  }
  if (typeof s['senderId'] === 'string' && s['senderId'].length > 32)
    add(
      problems,
      'senderId',
      'senderId.length',
      'The SMS sender id is at most 32 characters.',
      '短信发送方 ID 最多 32 个字符。',
    );
  return problems;
}

function aiAgentGroup(draft: Draft, context: ValidationContext): Problems {
  const problems: Problems = [];
  const s = draft.settings;
  groupCommon(problems, draft, context, { en: 'An AI-agent group call', zh: 'AI 坐席群呼' });
  const script = s['scriptId'];
  if (!(isInt(script) || (typeof script === 'string' && /^\d+$/.test(script))))
    add(
      problems,
      'scriptId',
      'scriptId.required',
      'Pick the AI script template (its number).',
      '请选择 AI 话术模板（编号）。',
    );
  intRange(
    problems,
    s,
    'maxCalls',
    { en: 'maximum talk time in seconds', zh: '最长通话时间（秒）' },
    1,
    999,
    false,
  );
  if (
    s['enableRecording'] !== undefined &&
    s['enableRecording'] !== 0 &&
    s['enableRecording'] !== 1
  )
    add(
      problems,
      'enableRecording',
      'enableRecording.enum',
      'Recording is on (1) or off (0).',
      '录音为开启（1）或关闭（0）。',
    );
  intRange(problems, s, 'calloutRate', { en: 'outbound ratio', zh: '外呼倍率' }, 1, 100, false);
  return problems;
}

function predictive(draft: Draft, context: ValidationContext): Problems {
  const problems: Problems = [];
  const s = draft.settings;
  if (draft.name.trim().length < 1 || draft.name.length > 64)
    add(
      problems,
      'name',
      'name.length',
      'Give the task a name of 1–64 characters; it must be unique.',
      '请填写 1–64 个字符的任务名称；名称必须唯一。',
    );
  if (context.nameTaken)
    add(
      problems,
      'name',
      'name.unique',
      'Another campaign of this account already uses this task name; task names must be unique.',
      '此账户的其他活动已使用该任务名称；任务名称必须唯一。',
    );
  const assign = s['assignType'];
  if (assign !== 'extension' && assign !== 'queue' && assign !== 'group') {
    add(
      problems,
      'assignType',
      'assignType.enum',
      'Choose who answers: an extension (1), a queue (2) or an extension group (3).',
      '请选择接听方：分机（1）、队列（2）或分机组（3）。',
    );
  }
  if (!isText(s['assignAgent']))
    add(
      problems,
      'assignAgent',
      'assignAgent.required',
      'Pick the extension, queue or group that answers.',
      '请选择接听的分机、队列或分机组。',
    );
  intRange(
    problems,
    s,
    'idleAgents',
    { en: 'idle agents of the task scale (N in N:M)', zh: '任务比例中的空闲坐席数（N:M 中的 N）' },
    1,
    100,
    false,
  );
  intRange(
    problems,
    s,
    'callTimeVariable',
    { en: 'variable holding each number’s call time', zh: '存放每个号码拨打时间的变量' },
    1,
    5,
    false,
  );
  intRange(
    problems,
    s,
    'callsPerAgent',
    { en: 'calls of the task scale (M in N:M)', zh: '任务比例中的呼叫数（N:M 中的 M）' },
    1,
    100,
    false,
  );
  const numbers = s['displayNumbers'] ?? [];
  if (
    !Array.isArray(numbers) ||
    numbers.some((n) => !(typeof n === 'string' && /^\+?\d{3,20}$/.test(n.trim())))
  ) {
    add(
      problems,
      'displayNumbers',
      'displayNumbers.format',
      'Display numbers are digits (3–20 each); leave the list empty for random numbers.',
      '外显号码为数字（每个 3–20 位）；留空则随机外显。',
    );
  } else if (numbers.length > 100) {
    add(
      problems,
      'displayNumbers',
      'displayNumbers.max',
      'At most 100 display numbers.',
      '外显号码最多 100 个。',
    );
  }
  // No upper limit: lists over 10,000 go out as TaskCreat + TaskAdd chunks (see the pre-flight).
  listLimit(problems, draft, context, null, { en: 'A predictive task', zh: '预测外呼任务' });
  sendAt(problems, draft);
  return problems;
}

/** Every documented rule the draft breaks (empty when it can be submitted). */
export function validateDraft(draft: Draft, context: ValidationContext): readonly DraftProblem[] {
  switch (draft.kind) {
    case 'cc-preview':
      return ccPreview(draft, context);
    case 'voice-group':
      return voiceGroup(draft, context);
    case 'ai-agent-group':
      return aiAgentGroup(draft, context);
    case 'predictive':
      return predictive(draft, context);
  }
}

/** The zone ITNIO reads `sendTime` in (not documented; the vendor is in UTC+8, as ItniotechVendor assumes). */
export const ITNIO_SEND_TIME_OFFSET_MINUTES = 480;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The instant the draft's start means: its wall time read in its zone (or this computer's). */
function startInstant(draft: Draft, localZone: string): number | null {
  if (draft.schedule.sendAt === null) return null;
  const wall = parseWallTime(draft.schedule.sendAt);
  if (wall === null) return null;
  const zone = draft.schedule.timeZone ?? localZone;
  return instantOf(isValidZone(zone) ? zone : localZone, wall);
}

/**
 * The vendor settings of a draft, ready for `Vendor.createTask`.
 *
 * The start time is converted from the manager's zone: ITNIO gets its `yyyy-MM-dd HH:mm:ss` in
 * UTC+8, Yccall an ISO instant (its client converts to the server's zone). Daily windows are
 * passed as written (the vendors do not document the zone of allowSendTime).
 */
export function createSettingsOf(
  draft: Draft,
  options: { readonly localZone?: string } = {},
): Readonly<Record<string, unknown>> {
  const settings: Record<string, unknown> = { ...draft.settings };
  const start = startInstant(draft, options.localZone ?? systemZone());
  if (draft.kind === 'voice-group' || draft.kind === 'ai-agent-group') {
    if (draft.schedule.windows.length > 0) {
      settings['allowSendTime'] = draft.schedule.windows.map((w) => ({
        strTime: w.start,
        endTime: w.end,
      }));
    }
    if (start !== null) {
      const d = new Date(start + ITNIO_SEND_TIME_OFFSET_MINUTES * 60_000);
      settings['sendTime'] =
        `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
        `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    }
  }
  if (draft.kind === 'predictive' && start !== null) {
    settings['scheduledTime'] = new Date(start).toISOString();
  }
  return settings;
}
