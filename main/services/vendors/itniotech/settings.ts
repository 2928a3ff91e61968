import { z } from 'zod';
import type { IntRange } from '../../../../shared/domain/vendor-rules';
import { AppError } from '../../errors';
import { formatVendorTime } from './mapping';
import {
  ITNIO_AUDIO_SOURCE,
  ITNIO_AUDIO_SOURCES,
  ITNIO_CALLOUT_RATE,
  ITNIO_CC_DISPLAY_NUMBER,
  ITNIO_CC_REMARK_MAX,
  ITNIO_CC_TYPE,
  ITNIO_CC_TYPES,
  ITNIO_COUNTRY_CODE,
  ITNIO_DAY_TIME,
  ITNIO_FILE_NAME_LENGTH,
  ITNIO_GROUP_DISPLAY_NUMBER,
  ITNIO_LOOP_COUNT,
  ITNIO_MAX_CALL_SECONDS,
  ITNIO_MAX_SEND_WINDOWS,
  ITNIO_RINGING_SECONDS,
  ITNIO_SCRIPT_ID,
  ITNIO_SEND_TIME,
  ITNIO_SPEAKING_RATE,
  ITNIO_SSML_GENDERS,
  ITNIO_SWITCHES,
  ITNIO_TASK_NAME_LENGTH,
  ITNIO_TTS_LANGUAGE_CODES,
  ITNIO_TTS_TEXT_MAX,
} from './rules';

// Vendor-specific settings of creates, resends and edits (CreateTaskRequest.settings), validated
// client-side against the rules of ./rules.ts (itniotech.md; §9.14: examples break the documented
// ranges, we do not).

const int = (range: IntRange) => z.number().int().min(range.min).max(range.max);

/** A call-center task's display number: letters and digits (§4.2). */
const ccDisplayNum = z.string().regex(ITNIO_CC_DISPLAY_NUMBER);
/** A group call's display number: digits (§5.1, §5.4, §5.8). */
const groupDisplayNum = z.string().regex(ITNIO_GROUP_DISPLAY_NUMBER);
const allowSendTime = z
  .array(
    z.strictObject({
      strTime: z.string().regex(ITNIO_DAY_TIME),
      endTime: z.string().regex(ITNIO_DAY_TIME),
    }),
  )
  .max(ITNIO_MAX_SEND_WINDOWS);

/** An ISO instant with its zone (`2026-12-01T01:00:00.000Z`, `…+08:00`). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:?\d{2})$/;

/**
 * The start: `yyyy-MM-dd HH:mm:ss` already in the vendor's zone, or an ISO instant (what a draft
 * gives, drafts/createSettingsOf) that `withVendorSendTime` writes in the account's zone; null
 * for "now" (§5.1).
 */
const sendTime = z
  .string()
  .refine(
    (text) =>
      ITNIO_SEND_TIME.test(text) || (ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text))),
    'Use yyyy-MM-dd HH:mm:ss or an ISO instant.',
  )
  .nullable();

/**
 * Settings with `sendTime` as the vendor reads it: an ISO instant is written as
 * `yyyy-MM-dd HH:mm:ss` at the vendor's UTC offset (the account's `serverUtcOffsetMinutes`; the
 * vendor's times carry no zone, §9.9); a wall time or null goes as it is.
 */
export function withVendorSendTime<T extends { readonly sendTime?: string | null | undefined }>(
  settings: T,
  offsetMinutes: number,
): T {
  const value = settings.sendTime;
  if (typeof value !== 'string' || ITNIO_SEND_TIME.test(value)) return settings;
  return { ...settings, sendTime: formatVendorTime(Date.parse(value), offsetMinutes) };
}

const maxRingingTime = int(ITNIO_RINGING_SECONDS);
const calloutRate = int(ITNIO_CALLOUT_RATE);
const ccType = z.literal(ITNIO_CC_TYPES);
const taskName = z.string().min(ITNIO_TASK_NAME_LENGTH.min).max(ITNIO_TASK_NAME_LENGTH.max);
const remark = z.string().max(ITNIO_CC_REMARK_MAX);
const scriptId = z.union([z.number().int(), z.string().regex(ITNIO_SCRIPT_ID).transform(Number)]);

/** Settings of a cc-preview create (§4.2); the task's name travels as `remark`. */
export const CcPreviewSettingsSchema = z
  .strictObject({
    type: ccType.default(ITNIO_CC_TYPE.automatic),
    voiceGroupId: z.array(z.number().int().positive()).default([]),
    appId: z.string().min(1).optional(),
    calloutRate: calloutRate.optional(),
    displayNum: ccDisplayNum.optional(),
    ccode: z.string().regex(ITNIO_COUNTRY_CODE).optional(),
    maxRingingTime: maxRingingTime.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type !== ITNIO_CC_TYPE.toAgents) return;
    if (value.voiceGroupId.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['voiceGroupId'], message: 'exactly one agent group' });
    }
    if (value.appId === undefined)
      ctx.addIssue({ code: 'custom', path: ['appId'], message: 'required' });
    if (value.calloutRate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['calloutRate'], message: 'required' });
    }
  });
export type CcPreviewSettings = z.infer<typeof CcPreviewSettingsSchema>;

/**
 * Settings of a cc-preview resend: the create settings plus an optional remark for the new task.
 * `type` is required here (§4.3): a default of 0 would resend a task that calls agents as an
 * automatic one.
 */
export const CcResendSettingsSchema = z.intersection(
  CcPreviewSettingsSchema,
  z.object({ type: ccType, remark: remark.optional() }),
);

/** Settings of a cc-preview edit (§4.6). */
export const CcEditSettingsSchema = z.strictObject({
  calloutRate,
  remark: remark.optional(),
});

const audio = {
  source: z.literal(ITNIO_AUDIO_SOURCES),
  voiceFileId: z.string().min(1).optional(),
  uploadName: z.string().min(ITNIO_FILE_NAME_LENGTH.min).max(ITNIO_FILE_NAME_LENGTH.max).optional(),
  baseFile: z.string().min(1).optional(),
  text: z.string().min(1).max(ITNIO_TTS_TEXT_MAX).optional(),
  lan: z.enum(ITNIO_TTS_LANGUAGE_CODES).optional(),
  speakingRate: z.number().min(ITNIO_SPEAKING_RATE.min).max(ITNIO_SPEAKING_RATE.max).optional(),
  ssmlGender: z.literal(ITNIO_SSML_GENDERS).optional(),
  accent: z.string().optional(),
};

function checkAudio(
  value: {
    source: number;
    voiceFileId?: string;
    uploadName?: string;
    baseFile?: string;
    text?: string;
    lan?: string;
  },
  ctx: z.RefinementCtx,
): void {
  const need = (field: string, present: boolean) => {
    if (!present)
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `required for source ${value.source}`,
      });
  };
  if (value.source === ITNIO_AUDIO_SOURCE.uploadedFile)
    need('voiceFileId', value.voiceFileId !== undefined);
  if (value.source === ITNIO_AUDIO_SOURCE.newFile) {
    need('uploadName', value.uploadName !== undefined);
    need('baseFile', value.baseFile !== undefined);
  }
  if (value.source === ITNIO_AUDIO_SOURCE.textToSpeech) {
    need('text', value.text !== undefined);
    need('lan', value.lan !== undefined);
  }
}

const loopCount = int(ITNIO_LOOP_COUNT);
const maxCalls = int(ITNIO_MAX_CALL_SECONDS);

/**
 * Settings of a voice group call (§5.1). Documented fields not listed here (SMS after hang-up,
 * agent transfer) pass through unchanged.
 */
export const VoiceGroupSettingsSchema = z
  .looseObject({
    appId: z.string().min(1),
    ...audio,
    displayNum: groupDisplayNum.optional(),
    sendTime: sendTime.optional(),
    loopCount: loopCount.default(ITNIO_LOOP_COUNT.default),
    maxCalls: maxCalls.default(ITNIO_MAX_CALL_SECONDS.default),
    allowSendTime: allowSendTime.optional(),
    maxRingingTime: maxRingingTime.optional(),
  })
  .superRefine(checkAudio);
export type VoiceGroupSettings = z.infer<typeof VoiceGroupSettingsSchema>;

/** What an AI-agent group call and its resend share (§5.4; §5.8 by analogy). */
const aiAgentFields = {
  scriptId,
  displayNum: groupDisplayNum.optional(),
  sendTime: sendTime.optional(),
  maxCalls: maxCalls.optional(),
  allowSendTime: allowSendTime.optional(),
  maxRingingTime: maxRingingTime.optional(),
  enableRecording: z.literal(ITNIO_SWITCHES).optional(),
  calloutRate: calloutRate.optional(),
};

/** Settings of an AI-agent group call (§5.8; the tail of that page was not readable, see §5.4). */
export const AiAgentSettingsSchema = z.looseObject({
  appId: z.string().min(1),
  ...aiAgentFields,
});

/** Settings of a voice group-call resend (§5.3): a new unique name and the audio again. */
export const VoiceResendSettingsSchema = z
  .looseObject({
    taskName,
    appId: z.string().min(1),
    ...audio,
    loopCount: loopCount.optional(),
    maxCalls: maxCalls.default(ITNIO_MAX_CALL_SECONDS.default),
    sendTime: sendTime.optional(),
  })
  .superRefine(checkAudio);

/** Settings of an AI-agent resend (§5.4). */
export const AiResendSettingsSchema = z.looseObject({ taskName, ...aiAgentFields });

/** Parses settings, or explains in words which fields are wrong. */
export function parseSettings<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map(
    (issue) => issue.path.map(String).join('.') || '(settings)',
  );
  const list = [...new Set(fields)].join(', ');
  throw new AppError(
    'INVALID_INPUT',
    {
      en: `The ${what} settings are not valid for ITNIO: check ${list}.`,
      'zh-CN': `${what} 设置不符合 ITNIO 的要求：请检查 ${list}。`,
    },
    { fields: [...new Set(fields)] },
  );
}
