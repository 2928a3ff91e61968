import { describe, expect, it } from 'vitest';
import { CC_HANGUP_REASON } from '../../../main/services/vendors/itniotech/call-records';
import {
  CC_TASK_STATUS,
  GROUP_TASK_STATUS,
} from '../../../main/services/vendors/itniotech/mapping';
import {
  DOCUMENTED_STATUS_CODES,
  statusCodeError,
} from '../../../main/services/vendors/itniotech/status-codes';
import { RET, retError } from '../../../main/services/vendors/yccall/codes';
import { TASK_STATUS } from '../../../main/services/vendors/yccall/mapping';
import { fieldText } from '../../../renderer/features/tasks/detail-fields';
import {
  callReasonText,
  vendorStatusTitle,
  vendorStatusWords,
} from '../../../renderer/features/tasks/vendor-codes';
import { translator } from '../../../renderer/i18n/translate';
import type { TaskKind } from '../../../shared/domain/task';

const en = translator('en');
const zh = translator('zh-CN');
const CJK = /[\u4e00-\u9fff]/;

/** Words, not a code: letters in English, Chinese characters in Chinese, no code on its own. */
function expectWords(english: string, chinese: string, code: string): void {
  expect(english, code).toMatch(/[A-Za-z]{3}/);
  expect(english, code).not.toMatch(CJK);
  expect(chinese, code).toMatch(CJK);
  for (const text of [english, chinese]) {
    expect(text.trim(), code).not.toBe(code);
    // The code may follow words in parentheses, never stand first.
    expect(text.trim().startsWith(code), `${code}: ${text}`).toBe(false);
  }
}

const STATUS_TABLES: readonly [TaskKind, readonly string[]][] = [
  ['cc-preview', Object.keys(CC_TASK_STATUS)],
  ['voice-group', Object.keys(GROUP_TASK_STATUS)],
  ['ai-agent-group', Object.keys(GROUP_TASK_STATUS)],
  ['predictive', Object.values(TASK_STATUS).map(String)],
];

describe('vendor codes in a manager’s words', () => {
  it.each(STATUS_TABLES)(
    'every %s status code of the vendor module’s table has words in both languages',
    (kind, codes) => {
      expect(codes.length).toBeGreaterThan(3);
      for (const code of codes) {
        const english = vendorStatusWords(en, kind, code);
        const chinese = vendorStatusWords(zh, kind, code);
        expect(english, `${kind} ${code}`).not.toBeNull();
        expectWords(english ?? '', chinese ?? '', code);
        expect(vendorStatusTitle(en, kind, code)).toBe(`Vendor status: ${english} (${code})`);
      }
    },
  );

  it('says an unknown status in words with its code after them', () => {
    expect(vendorStatusWords(en, 'cc-preview', '99')).toBeNull();
    expect(vendorStatusTitle(en, 'cc-preview', '99')).toBe('Vendor status: unknown status (99)');
    expect(vendorStatusTitle(zh, 'predictive', '1099')).toBe('服务商状态：未知状态（1099）');
  });

  it('words every documented call-center hang-up reason, and an unknown cause', () => {
    const codes = Object.keys(CC_HANGUP_REASON);
    expect(codes).toHaveLength(10);
    for (const code of codes) {
      const reason = { code, label: CC_HANGUP_REASON[Number(code)] ?? '' };
      expectWords(
        callReasonText(en, 'cc-preview', reason),
        callReasonText(zh, 'cc-preview', reason),
        code,
      );
    }
    expect(callReasonText(en, 'cc-preview', { code: '7', label: 'callee busy' })).toBe(
      'Callee busy',
    );
    expect(callReasonText(zh, 'cc-preview', { code: '7', label: 'callee busy' })).toBe('被叫忙');
    // Yccall's cause table is not documented: the CDR of the vendor's own example.
    const yccall = { code: '10020', label: 'Unknown hang-up cause (10020)' };
    expect(callReasonText(en, 'predictive', yccall)).toBe('Unknown hang-up cause (10020)');
    expect(callReasonText(zh, 'predictive', yccall)).toBe('未知挂断原因（10020）');
    expect(callReasonText(en, 'cc-preview', { code: '42', label: '' })).toBe(
      'Unknown hang-up cause (42)',
    );
  });

  it('words SIP answers of group calls, keeping the vendor’s own words for the rest', () => {
    expect(callReasonText(en, 'voice-group', { code: '486', label: 'Busy Here' })).toBe(
      'Callee busy',
    );
    expect(callReasonText(zh, 'voice-group', { code: '486', label: 'Busy Here' })).toBe('被叫忙');
    expect(callReasonText(en, 'voice-group', { code: '502', label: 'Bad Gateway' })).toBe(
      'Bad Gateway (code 502)',
    );
    expect(callReasonText(en, 'voice-group', { code: '502', label: 'SIP 502' })).toBe(
      'Unknown hang-up cause (502)',
    );
  });

  it('shows a coded detail field by its meaning, never as a bare code', () => {
    expect(fieldText(en, 'en', 'status', 2)).toBe('Completed');
    expect(fieldText(zh, 'zh-CN', 'taskStatus', 11)).toBe('呼叫中');
    expect(fieldText(en, 'en', 'finishFlag', 1)).toBe('Yes');
    expect(fieldText(en, 'en', 'source', 3)).toBe('Text to speech');
    expect(fieldText(en, 'en', 'status', 9)).toBe('Unknown (9)');
    expect(fieldText(zh, 'zh-CN', 'taskType', 7)).toBe('未知（7）');
  });

  it('has a message in both languages for every documented vendor error code', () => {
    const context = {
      operation: 'query' as const,
      target: 'api.example.com/x',
      vendorMessage: null,
      sentAtMs: 0,
      serverDate: null,
      assumedWindowSeconds: 60,
    };
    for (const code of DOCUMENTED_STATUS_CODES) {
      const error = statusCodeError(code, context);
      expectWords(error.text.en, error.text['zh-CN'], code);
    }
    for (const ret of Object.values(RET).filter((value) => value !== RET.OK)) {
      const error = retError(ret, '', 'App.Site.Index');
      expectWords(error.text.en, error.text['zh-CN'], String(ret));
    }
  });
});
