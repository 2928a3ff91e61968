import type { LocalizedText } from '../../../shared/domain/locale';

// Short labels of the import's reason codes (lists/row-processor.ts, shared/util/phone-normalize)
// for a count line such as "Too short: 12"; the list view has the long per-row sentences.
const REASONS: Readonly<Record<string, LocalizedText>> = {
  empty: { en: 'Empty phone cell', 'zh-CN': '号码为空' },
  'text-e-notation': { en: 'Scientific notation (digits lost)', 'zh-CN': '科学计数法（数字丢失）' },
  'stored-e-notation': {
    en: 'Scientific notation (digits lost)',
    'zh-CN': '科学计数法（数字丢失）',
  },
  'lost-digits': { en: 'More than 15 digits (digits lost)', 'zh-CN': '超过 15 位（数字丢失）' },
  letters: { en: 'Not a phone number', 'zh-CN': '不是电话号码' },
  'no-country': { en: 'No country code', 'zh-CN': '缺少国家代码' },
  'invalid-country': { en: 'Unknown country code', 'zh-CN': '国家代码不存在' },
  'too-short': { en: 'Too short', 'zh-CN': '位数太少' },
  'too-long': { en: 'Too long', 'zh-CN': '位数太多' },
  'not-valid': { en: 'Not a valid number', 'zh-CN': '不是有效号码' },
  'vendor-length': { en: 'Length the vendor refuses', 'zh-CN': '位数不符合服务商要求' },
  'cell-error': { en: 'Excel error in the cell', 'zh-CN': '单元格为 Excel 错误' },
  'formula-no-result': { en: 'Formula without a saved result', 'zh-CN': '公式没有保存结果' },
  'date-cell': { en: 'A date, not a number', 'zh-CN': '日期而非号码' },
  'not-whole-number': { en: 'A fraction (digits lost)', 'zh-CN': '小数（数字丢失）' },
};

/**
 * The label of one exclusion line (status `invalid`, `flagged` or `duplicate`, with the import's
 * code). A flagged number (one Excel damaged) says so before its reason, so a manager sees that
 * it is worth taking again from the source rather than junk.
 */
export function exclusionText(status: string, reason: string | null): LocalizedText {
  if (status === 'duplicate') {
    return { en: 'Duplicate of an earlier row', 'zh-CN': '与前面的行重复' };
  }
  const known = reason === null ? undefined : REASONS[reason];
  if (status === 'flagged') {
    const why = known ?? { en: reason ?? '', 'zh-CN': reason ?? '' };
    return why.en === ''
      ? { en: 'Damaged by Excel', 'zh-CN': '被 Excel 损坏' }
      : { en: `Damaged by Excel: ${why.en}`, 'zh-CN': `被 Excel 损坏：${why['zh-CN']}` };
  }
  if (known) return known;
  return reason === null
    ? { en: 'Invalid', 'zh-CN': '无效' }
    : { en: `Invalid (${reason})`, 'zh-CN': `无效（${reason}）` };
}
