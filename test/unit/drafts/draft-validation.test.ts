import { describe, expect, it } from 'vitest';
import {
  createSettingsOf,
  draftRulesOf,
  scheduleOf,
  validateDraft,
} from '../../../main/services/drafts/draft-validation';
import { AppError } from '../../../main/services/errors';
import * as itniotechDrafts from '../../../main/services/vendors/itniotech/draft-rules';
import * as yccallDrafts from '../../../main/services/vendors/yccall/draft-rules';
import {
  DRAFT_SCHEMA_VERSION,
  NO_COMPLIANCE_CHOICES,
  type Draft,
} from '../../../shared/domain/draft';

function draft(kind: Draft['kind'], changes: Partial<Omit<Draft, 'kind'>> = {}): Draft {
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id: 'd-1',
    accountId: 'a-1',
    kind,
    name: 'Spring campaign',
    listId: 'l-1',
    settings: {},
    schedule: { timeZone: null, sendAt: null, windows: [] },
    compliance: { ...NO_COMPLIANCE_CHOICES },
    origin: 'manager',
    notes: '',
    revision: 1,
    createdAt: '2026-11-23T00:00:00.000Z',
    updatedAt: '2026-11-23T00:00:00.000Z',
    ...changes,
  };
}

const VOICE_OK = { appId: 'iaAJ6COV', source: 3, text: 'Hello', lan: 'EN', maxCalls: 60 };
const PREDICTIVE_OK = { assignType: 'queue', assignAgent: 'queue-1' };
const rules = (problems: readonly { readonly rule: string }[]) => problems.map((p) => p.rule);

describe('draft validation asks the vendor module of the draft’s kind', () => {
  it('sends ITNIO kinds to the ITNIO rules and predictive tasks to the Yccall rules', () => {
    expect(draftRulesOf('cc-preview').validateDraft).toBe(itniotechDrafts.validateDraft);
    expect(draftRulesOf('voice-group').scheduleOf).toBe(itniotechDrafts.scheduleOf);
    expect(draftRulesOf('ai-agent-group').validateDraft).toBe(itniotechDrafts.validateDraft);
    expect(draftRulesOf('predictive').validateDraft).toBe(yccallDrafts.validateDraft);
    expect(draftRulesOf('predictive').scheduleOf).toBe(yccallDrafts.scheduleOf);
  });

  it('accepts complete drafts of each vendor', () => {
    const context = { listCount: 10 };
    expect(validateDraft(draft('voice-group', { settings: VOICE_OK }), context)).toEqual([]);
    expect(validateDraft(draft('predictive', { settings: PREDICTIVE_OK }), context)).toEqual([]);
  });

  it('applies each vendor’s own number cap: 100,000 for ITNIO, none for Yccall (chunked)', () => {
    const big = { listCount: 100_001 };
    const voice = validateDraft(draft('voice-group', { settings: VOICE_OK }), big);
    expect(rules(voice)).toEqual(['list.max']);
    expect(voice[0]?.message.en).toBe(
      'A voice group call takes at most 100,000 numbers; this list has 100,001. Split the list.',
    );
    expect(voice[0]?.message['zh-CN']).toBe(
      '语音群呼最多 100000 个号码，此名单有 100001 个。请拆分名单。',
    );
    expect(
      validateDraft(draft('predictive', { settings: PREDICTIVE_OK }), { listCount: 1_000_000 }),
    ).toEqual([]);
  });

  it('applies each vendor’s own name length: 50 for a call-center remark, 64 for Yccall', () => {
    const name = 'n'.repeat(64);
    const cc = validateDraft(draft('cc-preview', { name }), { listCount: 5 });
    expect(cc.find((p) => p.rule === 'name.length')?.message.en).toBe(
      'The task name must be 2–50 characters (it has 64).',
    );
    const predictive = validateDraft(draft('predictive', { name, settings: PREDICTIVE_OK }), {
      listCount: 5,
    });
    expect(rules(predictive)).not.toContain('name.length');
    const tooLong = validateDraft(
      draft('predictive', { name: `${name}x`, settings: PREDICTIVE_OK }),
      { listCount: 5 },
    );
    expect(tooLong[0]?.message.en).toBe(
      'Give the task a name of 1–64 characters; it must be unique.',
    );
  });

  it('says the documented limit in both languages', () => {
    const problems = validateDraft(
      draft('voice-group', {
        settings: { ...VOICE_OK, maxRingingTime: 10, displayNum: 'ABC123' },
        schedule: {
          timeZone: null,
          sendAt: null,
          windows: [
            { start: '08:00', end: '09:00' },
            { start: '10:00', end: '11:00' },
            { start: '12:00', end: '13:00' },
            { start: '14:00', end: '15:00' },
          ],
        },
      }),
      { listCount: 5 },
    );
    expect(problems.map((p) => p.message)).toEqual([
      {
        en: 'A display number is at most 20 digits.',
        'zh-CN': '外显号码最多 20 位数字。',
      },
      {
        en: 'The maximum ringing time in seconds must be a whole number from 20 to 120.',
        'zh-CN': '最长振铃时间（秒）必须是 20 到 120 之间的整数。',
      },
      {
        en: 'At most 3 daily calling windows are allowed (there are 4).',
        'zh-CN': '每天最多 3 个呼叫时段（当前 4 个）。',
      },
    ]);
  });

  it('checks Yccall caller ids with the Yccall format', () => {
    const problems = validateDraft(
      draft('predictive', { settings: { ...PREDICTIVE_OK, displayNumbers: ['12'] } }),
      { listCount: 5 },
    );
    expect(problems.map((p) => p.message.en)).toEqual([
      'Display numbers are digits (3–20 each); leave the list empty for random numbers.',
    ]);
  });

  it('gives a call-center task neither a start nor windows (§4.2 takes none)', () => {
    const settings = createSettingsOf(
      draft('cc-preview', {
        settings: { type: 0 },
        schedule: {
          timeZone: 'Asia/Shanghai',
          sendAt: '2026-12-01 09:00:00',
          windows: [{ start: '09:00', end: '12:00' }],
        },
      }),
    );
    expect(settings).toEqual({ type: 0 });
  });
});

describe('what of the schedule each kind sends, as its vendor module says', () => {
  it('group calls: a start and windows; predictive: a start; call-center: nothing', () => {
    const group = { start: 'sendTime', windows: 'allowSendTime' };
    expect(scheduleOf('voice-group')).toEqual(group);
    expect(scheduleOf('ai-agent-group')).toEqual(group);
    expect(scheduleOf('predictive')).toEqual({ start: 'scheduledTime', windows: null });
    expect(scheduleOf('cc-preview')).toEqual({ start: null, windows: null });
  });

  it('a predictive draft sends its start, not its windows', () => {
    const settings = createSettingsOf(
      draft('predictive', {
        settings: PREDICTIVE_OK,
        schedule: {
          timeZone: 'Asia/Shanghai',
          sendAt: '2026-12-01 09:00:00',
          windows: [{ start: '09:00', end: '12:00' }],
        },
      }),
    );
    expect(settings).toEqual({ ...PREDICTIVE_OK, scheduledTime: '2026-12-01T01:00:00.000Z' });
  });
});

describe('a vendor module’s draft rules', () => {
  it('refuse a draft of another vendor’s kind instead of checking it by the wrong rules', () => {
    expect(() => itniotechDrafts.validateDraft(draft('predictive'), { listCount: 1 })).toThrow(
      AppError,
    );
    expect(() => yccallDrafts.validateDraft(draft('voice-group'), { listCount: 1 })).toThrow(
      AppError,
    );
  });
});
