import { describe, expect, it } from 'vitest';
import type { FiredAlert } from '../../../shared/domain/fired-alerts';
import { firedText } from '../../../renderer/features/tasks/fired-words';
import { translator } from '../../../renderer/i18n/translate';

// The alerts that fired, in words: one call is "1 call", not "1 calls".

function rateAlert(called: number): FiredAlert {
  return {
    id: 1,
    at: '2026-12-07T10:00:00.000Z',
    rowKey: 'a:voice-group:1',
    accountId: 'a',
    kind: 'voice-group',
    taskName: 'Spring',
    what: 'rate',
    rate: 0,
    limit: 20,
    afterCalls: 1,
    called,
    total: 10,
    statusCode: '2',
  };
}

describe('a fired rate alert in words', () => {
  it('counts one call in the singular and more in the plural, in English and Chinese', () => {
    const en = translator('en');
    const zh = translator('zh-CN');
    expect(firedText(en, rateAlert(1))).toBe('Success rate 0 % fell below 20 % after 1 call');
    expect(firedText(en, rateAlert(61))).toBe('Success rate 0 % fell below 20 % after 61 calls');
    expect(firedText(zh, rateAlert(1))).toBe('拨打 1 次后成功率 0% 低于 20%');
  });
});
