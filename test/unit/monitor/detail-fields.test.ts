import { describe, expect, it } from 'vitest';
import { translator } from '../../../renderer/i18n/translate';
import { fieldLabel, fieldText, groupLabel } from '../../../renderer/features/tasks/detail-fields';

const en = translator('en');
const zh = translator('zh-CN');

describe('task detail fields in a manager’s words', () => {
  it('labels vendor keys in both languages and keeps an unknown key as it came', () => {
    expect(fieldLabel(en, 'totalCount')).toBe('Numbers');
    expect(fieldLabel(zh, 'callFailuresNum')).toBe('呼损数');
    expect(fieldLabel(en, 'someNewVendorField')).toBe('someNewVendorField');
    expect(groupLabel(en, 'outcomes')).toBe('Outcomes');
    expect(groupLabel(zh, 'transfers')).toBe('转坐席');
  });

  it('says what a vendor code means, in words', () => {
    expect(fieldText(en, 'en', 'status', 2)).toBe('Completed');
    expect(fieldText(zh, 'zh-CN', 'taskStatus', 11)).toBe('呼叫中');
    expect(fieldText(en, 'en', 'source', 3)).toBe('Text to speech');
    // A code the documentation does not list is said to be unknown, the code after the words.
    expect(fieldText(en, 'en', 'status', 9)).toBe('Unknown (9)');
  });

  it('formats numbers, lists and missing values', () => {
    expect(fieldText(en, 'en', 'numCnt', 12345)).toBe('12,345');
    expect(fieldText(en, 'en', 'voiceGroupId', '[1000006,1000007]')).toBe('1000006, 1000007');
    expect(fieldText(en, 'en', 'text', '[not json')).toBe('[not json');
    expect(fieldText(en, 'en', 'sendTime', null)).toBe('—');
    expect(fieldText(en, 'en', 'remark', '')).toBe('—');
  });
});
