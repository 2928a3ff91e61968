import type { Draft, DraftProblem } from '../../../../shared/domain/draft';
import type { ItniotechConnection } from '../../../../shared/domain/account';
import type { TaskKind } from '../../../../shared/domain/task';
import {
  addProblem,
  fmt,
  intRange,
  isInt,
  isText,
  listLimit,
  nameUnique,
  sendAtFormat,
  kindNotOffered,
  NO_SCHEDULE,
  type Label,
  type Problems,
  type ScheduleFields,
  type ValidationContext,
} from '../draft-checks';
import {
  ITNIO_AUDIO_SOURCE,
  ITNIO_AUDIO_SOURCES,
  ITNIO_CALLOUT_RATE,
  ITNIO_CC_DISPLAY_NUMBER,
  ITNIO_CC_TYPE,
  ITNIO_COUNTRY_CODE,
  ITNIO_COUNTRY_CODE_DIGITS,
  ITNIO_DISPLAY_NUMBER_MAX,
  ITNIO_FILE_NAME_LENGTH,
  ITNIO_GROUP_DISPLAY_NUMBER,
  ITNIO_LOOP_COUNT,
  ITNIO_MAX_CALL_SECONDS,
  ITNIO_MAX_NUMBERS,
  ITNIO_MAX_SEND_WINDOWS,
  ITNIO_RINGING_SECONDS,
  ITNIO_SCHEDULE,
  ITNIO_SCRIPT_ID,
  ITNIO_SMS_CONTENT_MAX,
  ITNIO_SMS_SENDER_ID_MAX,
  ITNIO_SWITCH,
  ITNIO_SWITCHES,
  ITNIO_TASK_NAME_LENGTH_OF,
  ITNIO_TTS_TEXT_MAX,
  isItniotechKind,
  type ItniotechKind,
} from './rules';

// What the ITNIO module says about a draft: the documented create rules of its kinds as problems a
// person can fix (itniotech.md §4.1–4.2 call-center tasks, §5.1 voice group calls, §5.4/§5.8
// AI-agent group calls, §9.7 number caps), and which of a draft's schedule each kind sends.

const RINGING: Label = { en: 'maximum ringing time in seconds', zh: '最长振铃时间（秒）' };
const CALLOUT_RATE: Label = { en: 'outbound ratio', zh: '外呼倍率' };

/** The task name's length for the kind, and that it is unique. */
function taskName(
  problems: Problems,
  draft: Draft & { readonly kind: ItniotechKind },
  context: ValidationContext,
): void {
  const { min, max } = ITNIO_TASK_NAME_LENGTH_OF[draft.kind];
  if (draft.name.trim().length < min || draft.name.length > max) {
    addProblem(
      problems,
      'name',
      'name.length',
      `The task name must be ${min}–${max} characters (it has ${draft.name.length}).`,
      `任务名称须为 ${min}–${max} 个字符（当前 ${draft.name.length} 个）。`,
    );
  }
  nameUnique(problems, context);
}

/** `displayNum`: letters and digits for call-center tasks (§4.2), digits for group calls (§5.1). */
function displayNumber(
  problems: Problems,
  settings: Readonly<Record<string, unknown>>,
  digitsOnly: boolean,
): void {
  const value = settings['displayNum'];
  if (value === undefined || value === null || value === '') return;
  const format = digitsOnly ? ITNIO_GROUP_DISPLAY_NUMBER : ITNIO_CC_DISPLAY_NUMBER;
  if (!(typeof value === 'string' && format.test(value))) {
    addProblem(
      problems,
      'displayNum',
      'displayNum.format',
      digitsOnly
        ? `A display number is at most ${ITNIO_DISPLAY_NUMBER_MAX} digits.`
        : `A display number is at most ${ITNIO_DISPLAY_NUMBER_MAX} letters and digits.`,
      digitsOnly
        ? `外显号码最多 ${ITNIO_DISPLAY_NUMBER_MAX} 位数字。`
        : `外显号码最多 ${ITNIO_DISPLAY_NUMBER_MAX} 个字母或数字。`,
    );
  }
}

/** Daily calling windows (`allowSendTime`, §5.4): at most 3, each ending after it starts. */
function windows(problems: Problems, draft: Draft): void {
  const list = draft.schedule.windows;
  if (list.length > ITNIO_MAX_SEND_WINDOWS) {
    addProblem(
      problems,
      'schedule.windows',
      'allowSendTime.max',
      `At most ${ITNIO_MAX_SEND_WINDOWS} daily calling windows are allowed (there are ${list.length}).`,
      `每天最多 ${ITNIO_MAX_SEND_WINDOWS} 个呼叫时段（当前 ${list.length} 个）。`,
    );
  }
  list.forEach((window, index) => {
    if (!(window.start < window.end) || window.end > '24:00') {
      addProblem(
        problems,
        `schedule.windows.${index}`,
        'allowSendTime.order',
        `Window ${index + 1}: the start (${window.start}) must be before the end (${window.end}).`,
        `第 ${index + 1} 个时段：开始时间（${window.start}）必须早于结束时间（${window.end}）。`,
      );
    }
  });
}

function ccPreview(draft: Draft & { readonly kind: ItniotechKind }, context: ValidationContext) {
  const problems: Problems = [];
  const s = draft.settings;
  // The task's name travels as `remark` (§4.6).
  taskName(problems, draft, context);
  const type = s['type'] ?? ITNIO_CC_TYPE.automatic;
  const toAgents = type === ITNIO_CC_TYPE.toAgents;
  if (type !== ITNIO_CC_TYPE.automatic && !toAgents) {
    addProblem(
      problems,
      'type',
      'type.enum',
      `Choose automatic call (${ITNIO_CC_TYPE.automatic}) or group call to agents (${ITNIO_CC_TYPE.toAgents}).`,
      `请选择自动外呼（${ITNIO_CC_TYPE.automatic}）或群呼转坐席（${ITNIO_CC_TYPE.toAgents}）。`,
    );
  }
  const groups = s['voiceGroupId'] ?? [];
  if (!Array.isArray(groups) || groups.some((g) => !isInt(g) || g <= 0)) {
    addProblem(
      problems,
      'voiceGroupId',
      'voiceGroupId.format',
      'Pick agent groups from the list.',
      '请从列表中选择坐席组。',
    );
  } else if (toAgents && groups.length !== 1) {
    // §4.2: type 1 takes exactly one agent group.
    addProblem(
      problems,
      'voiceGroupId',
      'voiceGroupId.exactlyOne',
      `A group call to agents needs exactly one agent group (${groups.length} chosen).`,
      `群呼转坐席必须且只能选择一个坐席组（已选 ${groups.length} 个）。`,
    );
  }
  if (toAgents && !isText(s['appId'])) {
    addProblem(
      problems,
      'appId',
      'appId.required',
      'A group call to agents needs the application (appId).',
      '群呼转坐席需要选择应用（appId）。',
    );
  }
  if (toAgents) intRange(problems, s, 'calloutRate', CALLOUT_RATE, ITNIO_CALLOUT_RATE, true);
  displayNumber(problems, s, false);
  const ccode = s['ccode'];
  if (
    ccode !== undefined &&
    ccode !== '' &&
    !(typeof ccode === 'string' && ITNIO_COUNTRY_CODE.test(ccode))
  ) {
    const { min, max } = ITNIO_COUNTRY_CODE_DIGITS;
    addProblem(
      problems,
      'ccode',
      'ccode.format',
      `The country code is ${min}–${max} digits without + (e.g. 86).`,
      `国家代码为 ${min}–${max} 位数字，不含 +（例如 86）。`,
    );
  }
  intRange(problems, s, 'maxRingingTime', RINGING, ITNIO_RINGING_SECONDS, false);
  listLimit(problems, draft, context, ITNIO_MAX_NUMBERS['cc-preview'], {
    en: 'One call-center task upload',
    zh: '单个呼叫中心任务上传',
  });
  return problems;
}

function groupCommon(
  problems: Problems,
  draft: Draft & { readonly kind: ItniotechKind },
  context: ValidationContext,
  what: Label,
): void {
  const s = draft.settings;
  taskName(problems, draft, context);
  if (!isText(s['appId']))
    addProblem(
      problems,
      'appId',
      'appId.required',
      'Choose the voice application (appId).',
      '请选择语音应用（appId）。',
    );
  displayNumber(problems, s, true);
  intRange(problems, s, 'maxRingingTime', RINGING, ITNIO_RINGING_SECONDS, false);
  listLimit(problems, draft, context, ITNIO_MAX_NUMBERS[draft.kind], what);
  windows(problems, draft);
  sendAtFormat(problems, draft);
}

/** Text of 1 to `max` characters. */
const textUpTo = (value: unknown, max: number): boolean =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;

function voiceGroup(draft: Draft & { readonly kind: ItniotechKind }, context: ValidationContext) {
  const problems: Problems = [];
  const s = draft.settings;
  groupCommon(problems, draft, context, { en: 'A voice group call', zh: '语音群呼' });
  const source = s['source'];
  if (!ITNIO_AUDIO_SOURCES.some((known) => known === source)) {
    addProblem(
      problems,
      'source',
      'source.enum',
      'Choose the audio: an uploaded voice file, a new file, or text-to-speech.',
      '请选择语音：已上传的语音文件、新文件或文字转语音。',
    );
  }
  if (source === ITNIO_AUDIO_SOURCE.uploadedFile && !isText(s['voiceFileId']))
    addProblem(
      problems,
      'voiceFileId',
      'voiceFileId.required',
      'Pick the voice file.',
      '请选择语音文件。',
    );
  if (source === ITNIO_AUDIO_SOURCE.newFile) {
    const name = s['uploadName'];
    const { min, max } = ITNIO_FILE_NAME_LENGTH;
    if (!(typeof name === 'string' && name.length >= min && name.length <= max))
      addProblem(
        problems,
        'uploadName',
        'uploadName.length',
        `The audio file name must be ${min}–${max} characters.`,
        `语音文件名须为 ${min}–${max} 个字符。`,
      );
    if (!isText(s['baseFile']))
      addProblem(
        problems,
        'baseFile',
        'baseFile.required',
        'Attach the audio file.',
        '请添加语音文件。',
      );
  }
  if (source === ITNIO_AUDIO_SOURCE.textToSpeech) {
    if (!textUpTo(s['text'], ITNIO_TTS_TEXT_MAX))
      addProblem(
        problems,
        'text',
        'text.length',
        `The text to speak must be 1–${fmt(ITNIO_TTS_TEXT_MAX)} characters.`,
        `播报文本须为 1–${ITNIO_TTS_TEXT_MAX} 个字符。`,
      );
    if (!isText(s['lan']))
      addProblem(
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
    ITNIO_LOOP_COUNT,
    false,
  );
  intRange(
    problems,
    s,
    'maxCalls',
    { en: 'maximum call time in seconds', zh: '最长通话时间（秒）' },
    ITNIO_MAX_CALL_SECONDS,
    true,
  );
  if (s['hangUpSms'] === ITNIO_SWITCH.on) {
    if (!isText(s['smsAppId']))
      addProblem(
        problems,
        'smsAppId',
        'smsAppId.required',
        'An SMS after hang-up needs the SMS application.',
        '挂机短信需要选择短信应用。',
      );
    const content = s['smsContent'];
    if (!(
      typeof content === 'string' &&
      content.length > 0 &&
      content.length <= ITNIO_SMS_CONTENT_MAX
    ))
      addProblem(
        problems,
        'smsContent',
        'smsContent.length',
        `The SMS text must be 1–${fmt(ITNIO_SMS_CONTENT_MAX)} characters.`,
        `短信内容须为 1–${ITNIO_SMS_CONTENT_MAX} 个字符。`,
      );
  }
  if (typeof s['senderId'] === 'string' && s['senderId'].length > ITNIO_SMS_SENDER_ID_MAX)
    addProblem(
      problems,
      'senderId',
      'senderId.length',
      `The SMS sender id is at most ${ITNIO_SMS_SENDER_ID_MAX} characters.`,
      `短信发送方 ID 最多 ${ITNIO_SMS_SENDER_ID_MAX} 个字符。`,
    );
  return problems;
}

function aiAgentGroup(draft: Draft & { readonly kind: ItniotechKind }, context: ValidationContext) {
  const problems: Problems = [];
  const s = draft.settings;
  groupCommon(problems, draft, context, { en: 'An AI-agent group call', zh: 'AI 坐席群呼' });
  const script = s['scriptId'];
  if (!(isInt(script) || (typeof script === 'string' && ITNIO_SCRIPT_ID.test(script))))
    addProblem(
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
    ITNIO_MAX_CALL_SECONDS,
    false,
  );
  const recording = s['enableRecording'];
  if (recording !== undefined && !ITNIO_SWITCHES.some((known) => known === recording))
    addProblem(
      problems,
      'enableRecording',
      'enableRecording.enum',
      `Recording is on (${ITNIO_SWITCH.on}) or off (${ITNIO_SWITCH.off}).`,
      `录音为开启（${ITNIO_SWITCH.on}）或关闭（${ITNIO_SWITCH.off}）。`,
    );
  intRange(problems, s, 'calloutRate', CALLOUT_RATE, ITNIO_CALLOUT_RATE, false);
  return problems;
}

/** True when the draft is of a kind an ITNIO account runs. */
function ofItniotech(draft: Draft): draft is Draft & { readonly kind: ItniotechKind } {
  return isItniotechKind(draft.kind);
}

/** Every documented ITNIO rule the draft breaks (empty when it can be submitted). */
export function validateDraft(draft: Draft, context: ValidationContext): readonly DraftProblem[] {
  if (!ofItniotech(draft)) throw kindNotOffered('ITNIO', draft);
  switch (draft.kind) {
    case 'cc-preview':
      return ccPreview(draft, context);
    case 'voice-group':
      return voiceGroup(draft, context);
    case 'ai-agent-group':
      return aiAgentGroup(draft, context);
  }
}

/**
 * What of a draft's schedule the kind sends to ITNIO (ITNIO_SCHEDULE). A group call's start goes
 * as an ISO instant in `sendTime`, which ItniotechVendor writes as `yyyy-MM-dd HH:mm:ss` in the
 * account's zone (connection.serverUtcOffsetMinutes, §9.9) when it sends the task; its daily
 * windows go in `allowSendTime` as written (their zone is not documented, §5.4).
 */
export function scheduleOf(kind: TaskKind): ScheduleFields {
  return isItniotechKind(kind) ? ITNIO_SCHEDULE[kind] : NO_SCHEDULE;
}

/**
 * The settings a new draft of a kind starts with, from the account's defaults (Accounts → Edit):
 * the application id for every kind (§4.2, §5.1, §5.8 `appId`), the country code for call-center
 * tasks (§4.2 `ccode`), and the display number where the kind's rule takes it (§4.2: letters and
 * digits; §5.1: digits only). A default the kind does not take is left out, not bent to fit.
 */
export function defaultSettings(
  defaults: ItniotechConnection['defaults'],
  kind: TaskKind,
): Readonly<Record<string, unknown>> {
  if (!isItniotechKind(kind)) return {};
  const settings: Record<string, unknown> = {};
  if (defaults.appId) settings['appId'] = defaults.appId;
  if (kind === 'cc-preview' && defaults.countryCode) settings['ccode'] = defaults.countryCode;
  const display = defaults.displayNumber;
  const rule = kind === 'cc-preview' ? ITNIO_CC_DISPLAY_NUMBER : ITNIO_GROUP_DISPLAY_NUMBER;
  if (display && rule.test(display)) settings['displayNum'] = display;
  return settings;
}
