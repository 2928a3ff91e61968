import { describe, expect, it } from 'vitest';
import { vendorLimits } from '../../../main/services/preflight/vendor-limits';
import {
  AiAgentSettingsSchema,
  AiResendSettingsSchema,
  CcPreviewSettingsSchema,
  VoiceGroupSettingsSchema,
} from '../../../main/services/vendors/itniotech/settings';
import { vendorOfKind } from '../../../main/services/vendors/vendor-of-kind';
import { YccallTaskSettingsSchema } from '../../../main/services/vendors/yccall/mapping';
import { ItniotechConnectionSchema } from '../../../shared/domain/account';
import { VENDOR_LENGTHS } from '../../../shared/domain/list';
import { TaskKindSchema, VENDOR_KINDS } from '../../../shared/domain/task';

// Each vendor rule is written once (main/services/vendors/<vendor>/rules.ts, or
// shared/domain/vendor-rules.ts where shared code checks it too); these tests hold the places that
// check a rule to the documented limit, so a copy that drifts is caught.

const VOICE = { appId: 'iaAJ6COV', source: 3, text: 'Hello', lan: 'EN' };
const AI = { appId: 'iaAJ6COV', scriptId: 12 };
const ok = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe('ITNIO settings schemas check the documented limits', () => {
  it('ringing time 20–120 s (§4.2, §5.4)', () => {
    for (const schema of [VoiceGroupSettingsSchema, AiAgentSettingsSchema]) {
      const base = schema === VoiceGroupSettingsSchema ? VOICE : AI;
      expect(ok(schema, { ...base, maxRingingTime: 20 })).toBe(true);
      expect(ok(schema, { ...base, maxRingingTime: 120 })).toBe(true);
      expect(ok(schema, { ...base, maxRingingTime: 19 })).toBe(false);
      expect(ok(schema, { ...base, maxRingingTime: 121 })).toBe(false);
    }
  });

  it('a group call’s display number is 0–20 digits, a call-center one 20 letters and digits', () => {
    expect(ok(VoiceGroupSettingsSchema, { ...VOICE, displayNum: '1'.repeat(20) })).toBe(true);
    expect(ok(VoiceGroupSettingsSchema, { ...VOICE, displayNum: '1'.repeat(21) })).toBe(false);
    expect(ok(AiAgentSettingsSchema, { ...AI, displayNum: 'ABC123' })).toBe(false);
    expect(ok(CcPreviewSettingsSchema, { displayNum: 'ABC123' })).toBe(true);
    expect(ok(CcPreviewSettingsSchema, { displayNum: 'A'.repeat(21) })).toBe(false);
  });

  it('plays per call 1–9 and call time up to 999 s (§5.1)', () => {
    expect(ok(VoiceGroupSettingsSchema, { ...VOICE, loopCount: 9, maxCalls: 999 })).toBe(true);
    expect(ok(VoiceGroupSettingsSchema, { ...VOICE, loopCount: 10 })).toBe(false);
    expect(ok(VoiceGroupSettingsSchema, { ...VOICE, maxCalls: 1_000 })).toBe(false);
  });

  it('at most 3 daily windows of HH:mm (§5.4)', () => {
    const window = { strTime: '09:00', endTime: '10:00' };
    expect(ok(AiAgentSettingsSchema, { ...AI, allowSendTime: [window, window, window] })).toBe(
      true,
    );
    expect(
      ok(AiAgentSettingsSchema, { ...AI, allowSendTime: [window, window, window, window] }),
    ).toBe(false);
    expect(
      ok(AiAgentSettingsSchema, { ...AI, allowSendTime: [{ ...window, strTime: '9:00' }] }),
    ).toBe(false);
  });

  it('a resend name of 2–64 characters, and the AI fields of a create (§5.4)', () => {
    const resend = { scriptId: 12, maxRingingTime: 60, enableRecording: 1 };
    expect(ok(AiResendSettingsSchema, { ...resend, taskName: 'ab' })).toBe(true);
    expect(ok(AiResendSettingsSchema, { ...resend, taskName: 'a' })).toBe(false);
    expect(ok(AiResendSettingsSchema, { ...resend, taskName: 'a'.repeat(65) })).toBe(false);
    expect(ok(AiResendSettingsSchema, { ...resend, taskName: 'ab', enableRecording: 2 })).toBe(
      false,
    );
  });

  it('calls per agent 1–100, as drafts and resend options take them', () => {
    const toAgents = { type: 1, voiceGroupId: [3], appId: 'iaAJ6COV' };
    expect(ok(CcPreviewSettingsSchema, { ...toAgents, calloutRate: 100 })).toBe(true);
    expect(ok(CcPreviewSettingsSchema, { ...toAgents, calloutRate: 101 })).toBe(false);
  });

  it('text-to-speech only in the documented languages (§5.1)', () => {
    expect(ok(VoiceGroupSettingsSchema, { ...VOICE, lan: 'TH' })).toBe(true);
    expect(ok(VoiceGroupSettingsSchema, { ...VOICE, lan: 'ZH' })).toBe(false);
  });
});

describe('the list import and the account form use the same ITNIO rules', () => {
  it('numbers of 7–15 digits for voice tasks and 6–18 for AI tasks (§5.1, §5.8)', () => {
    expect(VENDOR_LENGTHS['itniotech-voice']).toEqual([7, 15]);
    expect(VENDOR_LENGTHS['itniotech-ai']).toEqual([6, 18]);
  });

  it('account defaults: a country code of 1–4 digits, a display number of 20 letters and digits', () => {
    const connection = (defaults: Record<string, string>) => ({
      brand: 'itniotech',
      apiKey: 'bDqJFiq9',
      defaults,
    });
    expect(ok(ItniotechConnectionSchema, connection({ countryCode: '1242' }))).toBe(true);
    const code = ItniotechConnectionSchema.safeParse(connection({ countryCode: '12345' }));
    expect(code.error?.issues.map((issue) => issue.message)).toEqual([
      'The country code is 1 to 4 digits, without + (e.g. 86).',
    ]);
    expect(ok(ItniotechConnectionSchema, connection({ displayNumber: 'ABC123' }))).toBe(true);
    const display = ItniotechConnectionSchema.safeParse(
      connection({ displayNumber: 'A'.repeat(21) }),
    );
    expect(display.error?.issues.map((issue) => issue.message)).toEqual([
      'A display number is up to 20 letters and digits.',
    ]);
  });
});

describe('Yccall create settings check the rules drafts check', () => {
  const base = { assignType: 'queue', assignAgent: 'queue-1' };

  it('caller ids of 3–20 digits, at most 100 (§4.1, §7.3; the app’s bounds)', () => {
    expect(ok(YccallTaskSettingsSchema, { ...base, displayNumbers: ['+861012345678'] })).toBe(true);
    expect(ok(YccallTaskSettingsSchema, { ...base, displayNumbers: ['12'] })).toBe(false);
    expect(ok(YccallTaskSettingsSchema, { ...base, displayNumbers: ['abc'] })).toBe(false);
    expect(ok(YccallTaskSettingsSchema, { ...base, displayNumbers: Array(101).fill('1234') })).toBe(
      false,
    );
  });

  it('a task scale of 1–100 on each side and a call-time variable of the list’s 5 (§4.1)', () => {
    expect(ok(YccallTaskSettingsSchema, { ...base, idleAgents: 100, callsPerAgent: 1 })).toBe(true);
    expect(ok(YccallTaskSettingsSchema, { ...base, callsPerAgent: 101 })).toBe(false);
    expect(ok(YccallTaskSettingsSchema, { ...base, callTimeVariable: 5 })).toBe(true);
    expect(ok(YccallTaskSettingsSchema, { ...base, callTimeVariable: 6 })).toBe(false);
  });
});

describe('the vendor of a kind', () => {
  it('is the one whose accounts run it', () => {
    for (const kind of TaskKindSchema.options) {
      expect(VENDOR_KINDS[vendorOfKind(kind)]).toContain(kind);
    }
    expect(vendorOfKind('predictive')).toBe('yccall');
    expect(vendorLimits('voice-group', 1).maxPerRequest).toBe(100_000);
  });

  it('quotes the AI-agent limit (§5.8: 200,000) for an AI review, not the voice group call’s', () => {
    const ai = vendorLimits('ai-agent-group', 150_000);
    expect(ai.maxPerRequest).toBe(200_000);
    expect(ai.withinLimit).toBe(true);
    expect(ai.text.en).toBe(
      'ITNIO takes at most 200,000 numbers in one AI-agent group-call task; this list has 150,000.',
    );
    expect(vendorLimits('voice-group', 150_000).text.en).toContain(
      'at most 100,000 numbers in one voice group-call task',
    );
  });
});
