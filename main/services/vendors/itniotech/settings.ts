import { z } from 'zod';
import { AppError } from '../../errors';

// Vendor-specific settings of creates, resends and edits (CreateTaskRequest.settings), validated
// client-side against the ranges itniotech.md documents (§9.14: examples break them; we do not).

const displayNum = z
  .string()
  .max(20)
  .regex(/^[A-Za-z0-9]*$/);
/** `HH:mm`, a real time of day (§5.4: up to 3 daily windows). */
const dayTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const allowSendTime = z.array(z.strictObject({ strTime: dayTime, endTime: dayTime })).max(3);
/** `yyyy-MM-dd HH:mm:ss` in the vendor's zone, or null for "now". */
const sendTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
  .nullable();

/** Settings of a cc-preview create (§4.2); the task's name travels as `remark`. */
export const CcPreviewSettingsSchema = z
  .strictObject({
    type: z.union([z.literal(0), z.literal(1)]).default(0),
    voiceGroupId: z.array(z.number().int().positive()).default([]),
    appId: z.string().min(1).optional(),
    calloutRate: z.number().int().positive().optional(),
    displayNum: displayNum.optional(),
    ccode: z
      .string()
      .regex(/^\d{1,4}$/)
      .optional(),
    maxRingingTime: z.number().int().min(20).max(120).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type !== 1) return;
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
  z.object({
    type: z.union([z.literal(0), z.literal(1)]),
    remark: z.string().max(50).optional(),
  }),
);

/** Settings of a cc-preview edit (§4.6). */
export const CcEditSettingsSchema = z.strictObject({
  calloutRate: z.number().int().positive(),
  remark: z.string().max(50).optional(),
});

const audio = {
  source: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  voiceFileId: z.string().min(1).optional(),
  uploadName: z.string().min(5).max(32).optional(),
  baseFile: z.string().min(1).optional(),
  text: z.string().min(1).max(1000).optional(),
  lan: z
    .enum(['VN', 'EN', 'JP', 'ARB', 'DE', 'IN', 'IT', 'KR', 'RU', 'ES', 'PT', 'IDN', 'BD', 'TH'])
    .optional(),
  speakingRate: z.number().min(0.25).max(4).optional(),
  ssmlGender: z.union([z.literal(1), z.literal(2)]).optional(),
  accent: z.string().optional(),
};

function checkAudio(
  value: {
    source: 1 | 2 | 3;
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
  if (value.source === 1) need('voiceFileId', value.voiceFileId !== undefined);
  if (value.source === 2) {
    need('uploadName', value.uploadName !== undefined);
    need('baseFile', value.baseFile !== undefined);
  }
  if (value.source === 3) {
    need('text', value.text !== undefined);
    need('lan', value.lan !== undefined);
  }
}

/**
 * Settings of a voice group call (§5.1). Documented fields not listed here (SMS after hang-up,
 * agent transfer) pass through unchanged.
 */
export const VoiceGroupSettingsSchema = z
  .looseObject({
    appId: z.string().min(1),
    ...audio,
    displayNum: displayNum.optional(),
    sendTime: sendTime.optional(),
    loopCount: z.number().int().min(1).max(9).default(1),
    maxCalls: z.number().int().min(1).max(999).default(60),
    allowSendTime: allowSendTime.optional(),
    maxRingingTime: z.number().int().min(20).max(120).optional(),
  })
  .superRefine(checkAudio);
export type VoiceGroupSettings = z.infer<typeof VoiceGroupSettingsSchema>;

/** Settings of an AI-agent group call (§5.8; the tail of that page was not readable, see §5.4). */
export const AiAgentSettingsSchema = z.looseObject({
  appId: z.string().min(1),
  scriptId: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  displayNum: displayNum.optional(),
  sendTime: sendTime.optional(),
  maxCalls: z.number().int().min(1).max(999).optional(),
  allowSendTime: allowSendTime.optional(),
  maxRingingTime: z.number().int().min(20).max(120).optional(),
  enableRecording: z.union([z.literal(0), z.literal(1)]).optional(),
  calloutRate: z.number().int().positive().optional(),
});

/** Settings of a voice group-call resend (§5.3): a new unique name and the audio again. */
export const VoiceResendSettingsSchema = z
  .looseObject({
    taskName: z.string().min(2).max(64),
    appId: z.string().min(1),
    ...audio,
    loopCount: z.number().int().min(1).max(9).optional(),
    maxCalls: z.number().int().min(1).max(999).default(60),
    sendTime: sendTime.optional(),
  })
  .superRefine(checkAudio);

/** Settings of an AI-agent resend (§5.4). */
export const AiResendSettingsSchema = z.looseObject({
  taskName: z.string().min(2).max(64),
  scriptId: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  displayNum: displayNum.optional(),
  sendTime: sendTime.optional(),
  maxCalls: z.number().int().min(1).max(999).optional(),
  allowSendTime: allowSendTime.optional(),
  maxRingingTime: z.number().int().min(20).max(120).optional(),
  enableRecording: z.union([z.literal(0), z.literal(1)]).optional(),
  calloutRate: z.number().int().positive().optional(),
});

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
