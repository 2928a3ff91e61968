import type { IntRange } from '../../../../shared/domain/vendor-rules';
import {
  ITNIO_AI_NUMBER_DIGITS,
  ITNIO_TASK_NAME_LENGTH,
  ITNIO_VOICE_NUMBER_DIGITS,
} from '../../../../shared/domain/vendor-rules';
import { VENDOR_KINDS, type TaskKind } from '../../../../shared/domain/task';
import { NO_SCHEDULE, type ScheduleFields } from '../draft-checks';

// Every limit and format of ITNIO TECH / ONBUKA that the app checks, each written once with the
// paragraph of api/itniotech.md it comes from. Draft validation (./draft-rules.ts), the settings
// schemas of creates and resends (./settings.ts), the vendor module (./itniotech-vendor.ts) and the
// pre-flight all read them from here. The few that shared/ or the renderer check too live in
// shared/domain/vendor-rules.ts and are re-exported below.

export {
  ITNIO_AI_NUMBER_DIGITS,
  ITNIO_CALLOUT_RATE,
  ITNIO_CC_DISPLAY_NUMBER,
  ITNIO_COUNTRY_CODE,
  ITNIO_COUNTRY_CODE_DIGITS,
  ITNIO_DAY_TIME,
  ITNIO_DEFAULT_UTC_OFFSET_MINUTES,
  ITNIO_DISPLAY_NUMBER_MAX,
  ITNIO_GROUP_DISPLAY_NUMBER,
  ITNIO_MAX_SEND_WINDOWS,
  ITNIO_RINGING_SECONDS,
  ITNIO_TASK_NAME_LENGTH,
  ITNIO_VOICE_NUMBER_DIGITS,
} from '../../../../shared/domain/vendor-rules';

/** The kinds of task an ITNIO account runs. */
export type ItniotechKind = 'cc-preview' | 'voice-group' | 'ai-agent-group';
/** The group-call kinds (`/voice/group/call/*`, itniotech.md §5). */
export type GroupKind = Extract<ItniotechKind, 'voice-group' | 'ai-agent-group'>;

/** True for the kinds of task an ITNIO account runs. */
export function isItniotechKind(kind: TaskKind): kind is ItniotechKind {
  return VENDOR_KINDS.itniotech.includes(kind);
}

/**
 * What of a draft's schedule each kind sends: group calls a start (`sendTime`, §5.1, §5.4) and
 * daily windows (`allowSendTime`, §5.4); a call-center task neither (§4.2 has no such field).
 */
export const ITNIO_SCHEDULE: Readonly<Record<ItniotechKind, ScheduleFields>> = {
  'cc-preview': NO_SCHEDULE,
  'voice-group': { start: 'sendTime', windows: 'allowSendTime' },
  'ai-agent-group': { start: 'sendTime', windows: 'allowSendTime' },
};

/** Most data rows of one callee workbook upload (itniotech.md §4.1: code -40 above 100,000). */
export const ITNIO_CC_MAX_UPLOAD_ROWS = 100_000;

/**
 * Most numbers of one group-call create (itniotech.md §5.1: 100,000 on the itniotech page,
 * 200,000 on the reseller's; §9.7: cap at 100,000).
 */
export const ITNIO_GROUP_CALL_MAX_NUMBERS = 100_000;

/**
 * Most numbers of one AI-agent group-call create (itniotech.md §5.8: "`numberInfoList` |
 * List<Object> | yes | up to 200,000 entries"; §9.7's 100,000 cap is about the voice page's two
 * revisions).
 */
export const ITNIO_AI_GROUP_CALL_MAX_NUMBERS = 200_000;

/** Most numbers one task of each kind takes (§4.1, §5.8, §9.7). */
export const ITNIO_MAX_NUMBERS: Readonly<Record<ItniotechKind, number>> = {
  'cc-preview': ITNIO_CC_MAX_UPLOAD_ROWS,
  'voice-group': ITNIO_GROUP_CALL_MAX_NUMBERS,
  'ai-agent-group': ITNIO_AI_GROUP_CALL_MAX_NUMBERS,
};

/** Digits of a callee number, country code included, per group-call kind (§5.1, §5.8, §9.7). */
export const ITNIO_CALLEE_DIGITS: Readonly<Record<GroupKind, IntRange>> = {
  'voice-group': ITNIO_VOICE_NUMBER_DIGITS,
  'ai-agent-group': ITNIO_AI_NUMBER_DIGITS,
};

/** Longest `remark` of a call-center task (itniotech.md §4.6), which carries the task's name. */
export const ITNIO_CC_REMARK_MAX = 50;

/**
 * Length of the task name per kind: a group call's `taskName` (§5.1, §5.4, §5.8); a call-center
 * task has no name field and travels by its `remark` (§4.6: at most 50; the minimum of 2 is the
 * app's, as for group calls).
 */
export const ITNIO_TASK_NAME_LENGTH_OF: Readonly<Record<ItniotechKind, IntRange>> = {
  'cc-preview': { min: ITNIO_TASK_NAME_LENGTH.min, max: ITNIO_CC_REMARK_MAX },
  'voice-group': ITNIO_TASK_NAME_LENGTH,
  'ai-agent-group': ITNIO_TASK_NAME_LENGTH,
};

/** Length of an uploaded file's name, suffix included (§4.1 `fileName`, §5.1 `uploadName`, §6.5). */
export const ITNIO_FILE_NAME_LENGTH: IntRange = { min: 5, max: 32 };

/** Longest text-to-speech text (`text`, source 3): 1,000 characters (itniotech.md §5.1). */
export const ITNIO_TTS_TEXT_MAX = 1_000;

/** Longest SMS after hang-up (`smsContent`): 1,000 characters (itniotech.md §5.1). */
export const ITNIO_SMS_CONTENT_MAX = 1_000;

/** Longest SMS sender id (`senderId`): 32 characters (itniotech.md §5.1). */
export const ITNIO_SMS_SENDER_ID_MAX = 32;

/** Longest value of a callee variable (`text1`…): 30; the vendor truncates longer ones (§5.1). */
export const ITNIO_CALLEE_TEXT_MAX = 30;

/** Plays of the audio per call (`loopCount`): 1–9, default 1 (itniotech.md §5.1). */
export const ITNIO_LOOP_COUNT: IntRange & { readonly default: number } = {
  min: 1,
  max: 9,
  default: 1,
};

/**
 * Longest call in seconds (`maxCalls`, a forced hang-up, not a concurrency): at most 999
 * (itniotech.md §5.1); the default of 60 is the app's.
 */
export const ITNIO_MAX_CALL_SECONDS: IntRange & { readonly default: number } = {
  min: 1,
  max: 999,
  default: 60,
};

/** Text-to-speech speed (`speakingRate`): 0.25–4 (itniotech.md §5.1, seen on the resend page). */
export const ITNIO_SPEAKING_RATE = { min: 0.25, max: 4 } as const;

/** Voice of the text-to-speech (`ssmlGender`): 1 male, 2 female (itniotech.md §5.1). */
export const ITNIO_SSML_GENDERS = [1, 2] as const;

/** Text-to-speech languages (`lan`, source 3), the fixed list of itniotech.md §5.1 / §6.6. */
export const ITNIO_TTS_LANGUAGES = {
  VN: 'Vietnamese',
  EN: 'English',
  JP: 'Japanese',
  ARB: 'Arabic',
  DE: 'German',
  IN: 'Hindi',
  IT: 'Italian',
  KR: 'Korean',
  RU: 'Russian',
  ES: 'Spanish',
  PT: 'Portuguese',
  IDN: 'Indonesian',
  BD: 'Bengali',
  TH: 'Thai',
} as const;
/** A text-to-speech language code. */
export type TtsLanguage = keyof typeof ITNIO_TTS_LANGUAGES;
/** The language codes, in the doc's order. */
export const ITNIO_TTS_LANGUAGE_CODES = Object.keys(ITNIO_TTS_LANGUAGES) as [
  TtsLanguage,
  ...TtsLanguage[],
];

/** A call-center task's `type` (itniotech.md §4.2): automatic call, or group call to agents. */
export const ITNIO_CC_TYPE = { automatic: 0, toAgents: 1 } as const;
/** The `type` values (§4.2). */
export const ITNIO_CC_TYPES = [ITNIO_CC_TYPE.automatic, ITNIO_CC_TYPE.toAgents] as const;

/** Where a voice group call's audio comes from (`source`, itniotech.md §5.1). */
export const ITNIO_AUDIO_SOURCE = { uploadedFile: 1, newFile: 2, textToSpeech: 3 } as const;
/** The `source` values (§5.1). */
export const ITNIO_AUDIO_SOURCES = [
  ITNIO_AUDIO_SOURCE.uploadedFile,
  ITNIO_AUDIO_SOURCE.newFile,
  ITNIO_AUDIO_SOURCE.textToSpeech,
] as const;

/** An on/off field (`hangUpSms` §5.1, `enableRecording` §5.4): 0 off, 1 on. */
export const ITNIO_SWITCH = { off: 0, on: 1 } as const;
/** The on/off values. */
export const ITNIO_SWITCHES = [ITNIO_SWITCH.off, ITNIO_SWITCH.on] as const;

/** An AI script template id (`scriptId`): an Integer (itniotech.md §5.4), digits when written. */
export const ITNIO_SCRIPT_ID = /^\d+$/;

/** `sendTime`: `yyyy-MM-dd HH:mm:ss` in the vendor's zone, null for "now" (§5.1, §5.4, §9.9). */
export const ITNIO_SEND_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Rows of one page of any list endpoint: 1–100 (itniotech.md §3). */
export const ITNIO_PAGE_SIZE: IntRange = { min: 1, max: 100 };
