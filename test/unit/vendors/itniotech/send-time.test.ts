import { describe, expect, it } from 'vitest';
import { createSettingsOf } from '../../../../main/services/drafts/draft-validation';
import type { HttpRequest, HttpResponse } from '../../../../main/services/vendors/http';
import { ItniotechClient } from '../../../../main/services/vendors/itniotech/client';
import { ItniotechVendor } from '../../../../main/services/vendors/itniotech/itniotech-vendor';
import {
  VoiceGroupSettingsSchema,
  withVendorSendTime,
} from '../../../../main/services/vendors/itniotech/settings';
import {
  DRAFT_SCHEMA_VERSION,
  NO_COMPLIANCE_CHOICES,
  type Draft,
} from '../../../../shared/domain/draft';

/** A vendor whose transport keeps every request and answers each with a new task id. */
function vendorAt(offsetMinutes: number | undefined) {
  const bodies: Record<string, unknown>[] = [];
  const send = async (request: HttpRequest): Promise<HttpResponse> => {
    if (typeof request.body === 'string')
      bodies.push(JSON.parse(request.body) as Record<string, unknown>);
    return { status: 200, text: JSON.stringify({ status: '0', reason: 'success', data: 777 }) };
  };
  const clock = { now: () => Date.parse('2026-11-23T00:00:00Z') };
  const client = new ItniotechClient({
    apiKey: 'key1',
    getSecret: async () => 'secret',
    brand: 'itniotech',
    send,
    clock,
    timeoutMs: 1_000,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
  const vendor = new ItniotechVendor({
    accountId: 'a-1',
    client,
    clock,
    ...(offsetMinutes === undefined ? {} : { vendorUtcOffsetMinutes: offsetMinutes }),
  });
  return { vendor, bodies };
}

function voiceDraft(sendAt: string | null): Draft {
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id: 'd-1',
    accountId: 'a-1',
    kind: 'voice-group',
    name: 'Start time',
    listId: 'l-1',
    settings: { appId: 'iaAJ6COV', source: 3, text: 'Hello', lan: 'EN' },
    schedule: { timeZone: 'Europe/London', sendAt, windows: [] },
    compliance: { ...NO_COMPLIANCE_CHOICES },
    origin: 'manager',
    notes: '',
    revision: 1,
    createdAt: '2026-11-23T00:00:00.000Z',
    updatedAt: '2026-11-23T00:00:00.000Z',
  };
}

async function sentSendTime(offsetMinutes: number | undefined, draft: Draft): Promise<unknown> {
  const { vendor, bodies } = vendorAt(offsetMinutes);
  await vendor.createTask({
    kind: 'voice-group',
    name: draft.name,
    callees: [{ phone: '+8613800138000' }],
    settings: createSettingsOf(draft),
  });
  return bodies.at(-1)?.['sendTime'];
}

describe('a group call’s start, as ITNIO receives it', () => {
  it('is the draft’s start written in the account’s zone', async () => {
    // 09:00 in London in December is 09:00 UTC.
    const draft = voiceDraft('2026-12-01 09:00:00');
    expect(await sentSendTime(480, draft)).toBe('2026-12-01 17:00:00');
    expect(await sentSendTime(60, draft)).toBe('2026-12-01 10:00:00');
    expect(await sentSendTime(-300, draft)).toBe('2026-12-01 04:00:00');
  });

  it('is in UTC+8 when the account does not say (itniotech.md §9.9)', async () => {
    expect(await sentSendTime(undefined, voiceDraft('2026-12-01 09:00:00'))).toBe(
      '2026-12-01 17:00:00',
    );
  });

  it('is left out when the draft starts when sent', async () => {
    expect(await sentSendTime(60, voiceDraft(null))).toBeUndefined();
  });
});

describe('sendTime in ITNIO settings', () => {
  const base = { appId: 'iaAJ6COV', source: 3, text: 'Hello', lan: 'EN' };

  it('takes a wall time in the vendor’s zone, an ISO instant, or null', () => {
    for (const sendTime of [
      '2026-12-01 17:00:00',
      '2026-12-01T09:00:00.000Z',
      '2026-12-01T17:00:00+08:00',
      null,
    ]) {
      expect(VoiceGroupSettingsSchema.safeParse({ ...base, sendTime }).success).toBe(true);
    }
  });

  it('refuses anything else', () => {
    for (const sendTime of [
      '2026-12-01',
      '2026-12-01T09:00:00',
      'tomorrow',
      '2026-13-45T99:00:00Z',
    ]) {
      expect(VoiceGroupSettingsSchema.safeParse({ ...base, sendTime }).success).toBe(false);
    }
  });

  it('writes an instant at the offset and leaves a wall time, null or no start alone', () => {
    expect(withVendorSendTime({ sendTime: '2026-12-01T09:00:00.000Z' }, 480)).toEqual({
      sendTime: '2026-12-01 17:00:00',
    });
    expect(withVendorSendTime({ sendTime: '2026-12-01 17:00:00' }, 60)).toEqual({
      sendTime: '2026-12-01 17:00:00',
    });
    expect(withVendorSendTime({ sendTime: null }, 60)).toEqual({ sendTime: null });
    expect(withVendorSendTime({}, 60)).toEqual({});
  });
});
