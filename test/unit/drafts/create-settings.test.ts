import { describe, expect, it } from 'vitest';
import { createSettingsOf } from '../../../main/services/drafts/draft-validation';
import {
  DRAFT_SCHEMA_VERSION,
  NO_COMPLIANCE_CHOICES,
  type Draft,
} from '../../../shared/domain/draft';

function draft(kind: Draft['kind'], schedule: Partial<Draft['schedule']>): Draft {
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id: 'd-1',
    accountId: 'a-1',
    kind,
    name: 'Start time',
    listId: 'l-1',
    settings: { appId: 'app' },
    schedule: { timeZone: null, sendAt: null, windows: [], ...schedule },
    compliance: { ...NO_COMPLIANCE_CHOICES },
    origin: 'manager',
    notes: '',
    revision: 1,
    createdAt: '2026-11-23T00:00:00.000Z',
    updatedAt: '2026-11-23T00:00:00.000Z',
  };
}

// The start goes to the vendor module as an instant; ItniotechVendor writes it in the account's
// zone (test/unit/vendors/itniotech/send-time.test.ts), Yccall's mapping in the server's.
describe('the settings a draft sends', () => {
  it('give ITNIO the instant of the start, read in the manager’s zone', () => {
    const london = createSettingsOf(
      draft('voice-group', { timeZone: 'Europe/London', sendAt: '2026-12-01 09:00:00' }),
    );
    expect(london['sendTime']).toBe('2026-12-01T09:00:00.000Z');
    const newYork = createSettingsOf(
      draft('voice-group', { timeZone: 'America/New_York', sendAt: '2026-12-01 09:00:00' }),
    );
    expect(newYork['sendTime']).toBe('2026-12-01T14:00:00.000Z');
    // Summer time in New York (UTC-4): the same wall time is an hour earlier.
    const summer = createSettingsOf(
      draft('ai-agent-group', { timeZone: 'America/New_York', sendAt: '2026-07-01 09:00:00' }),
    );
    expect(summer['sendTime']).toBe('2026-07-01T13:00:00.000Z');
  });

  it('read a start without a zone in this computer’s zone', () => {
    const settings = createSettingsOf(draft('voice-group', { sendAt: '2026-12-01 09:00:00' }), {
      localZone: 'Asia/Shanghai',
    });
    expect(settings['sendTime']).toBe('2026-12-01T01:00:00.000Z');
  });

  it('give Yccall an instant, which its client writes in the server’s zone', () => {
    const settings = createSettingsOf(
      draft('predictive', { timeZone: 'Asia/Kolkata', sendAt: '2026-12-01 09:30:00' }),
    );
    expect(settings['scheduledTime']).toBe('2026-12-01T04:00:00.000Z');
  });

  it('send no start time when the draft has none, and keep the windows', () => {
    const settings = createSettingsOf(
      draft('voice-group', { windows: [{ start: '09:00', end: '12:00' }] }),
    );
    expect(settings['sendTime']).toBeUndefined();
    expect(settings['allowSendTime']).toEqual([{ strTime: '09:00', endTime: '12:00' }]);
  });
});
