import type { Locale, LocalizedText } from '../../../shared/domain/locale';
import type { PhoneChange } from '../../../shared/util/phone-normalize';
import type { RowProblem } from './row-processor';

type Words = (detail: string) => LocalizedText;

const PROBLEMS: Readonly<Record<RowProblem, Words>> = {
  empty: () => ({ en: 'The phone cell is empty.', 'zh-CN': '号码单元格为空。' }),
  'text-e-notation': (d) => ({
    en: `The number is written in scientific notation (${d}); its last digits were lost when the file was saved by Excel. Take the number from the original source.`,
    'zh-CN': `号码是科学计数法（${d}），Excel 保存时已丢失末尾数字。请从原始来源重新获取该号码。`,
  }),
  letters: (d) => ({
    en: `"${d}" is not a phone number (it contains letters or other characters).`,
    'zh-CN': `"${d}" 不是电话号码（含有字母或其他字符）。`,
  }),
  'no-country': () => ({
    en: 'The number has no country code and no default country is set. Choose a default country or add the country code.',
    'zh-CN': '号码没有国家代码，且未设置默认国家。请选择默认国家或补上国家代码。',
  }),
  'invalid-country': () => ({
    en: 'The country code is not a real one.',
    'zh-CN': '国家代码不存在。',
  }),
  'too-short': () => ({ en: 'The number is too short.', 'zh-CN': '号码位数太少。' }),
  'too-long': () => ({ en: 'The number is too long.', 'zh-CN': '号码位数太多。' }),
  'not-valid': (d) => ({
    en: d ? `This is not a valid number in ${d}.` : 'This is not a valid phone number.',
    'zh-CN': d ? `这不是 ${d} 的有效号码。` : '这不是有效的电话号码。',
  }),
  'vendor-length': (d) => ({
    en: `The vendor accepts ${d} digits (country code + number); this number has a different length.`,
    'zh-CN': `服务商只接受 ${d} 位（国家代码 + 号码），此号码位数不符。`,
  }),
  'cell-error': (d) => ({
    en: `The cell shows an Excel error (${d}) instead of a number.`,
    'zh-CN': `单元格显示 Excel 错误（${d}），而不是号码。`,
  }),
  'formula-no-result': () => ({
    en: 'The cell holds a formula whose result was never saved. Open the file in Excel, let it calculate, save, and import again.',
    'zh-CN': '单元格是公式且没有保存计算结果。请在 Excel 中打开、计算并保存后重新导入。',
  }),
  'date-cell': (d) => ({
    en: `The cell holds a date (${d}), not a phone number.`,
    'zh-CN': `单元格是日期（${d}），不是电话号码。`,
  }),
  'stored-e-notation': (d) => ({
    en: `Excel stored this number in scientific notation (${d}), so digits may be lost. It was not guessed: format the column as Text, re-enter the number and import again.`,
    'zh-CN': `Excel 以科学计数法保存了此号码（${d}），可能已丢失数字，因此未作猜测。请把该列设为"文本"格式，重新输入号码后再导入。`,
  }),
  'lost-digits': (d) => ({
    en: `The number has more than 15 digits (${d}); Excel keeps only 15, so the rest were lost. Format the column as Text, re-enter the number and import again.`,
    'zh-CN': `号码超过 15 位（${d}）；Excel 只保留 15 位，其余已丢失。请把该列设为"文本"格式，重新输入号码后再导入。`,
  }),
  'not-whole-number': (d) => ({
    en: `The cell holds a number with a fraction (${d}). A phone number typed with one dot or comma becomes a decimal in Excel, which drops zeros at its start and end. Format the column as Text, re-enter the number and import again.`,
    'zh-CN': `单元格是带小数的数字（${d}）。只含一个点或逗号的号码会被 Excel 当作小数，开头和末尾的 0 会丢失。请把该列设为"文本"格式，重新输入号码后再导入。`,
  }),
  duplicate: (d) => ({
    en: `Same number as row ${d}; only the first is kept.`,
    'zh-CN': `与第 ${d} 行号码相同，只保留第一条。`,
  }),
};

const CHANGES: Readonly<Record<PhoneChange, Words>> = {
  'full-width': () => ({ en: 'converted full-width digits', 'zh-CN': '已转换全角数字' }),
  formatting: () => ({ en: 'removed spaces and punctuation', 'zh-CN': '已去除空格和标点' }),
  'idd-prefix': () => ({
    en: 'replaced the international prefix (00) with +',
    'zh-CN': '已将国际冠码（00）替换为 +',
  }),
  'country-code-added': (d) => ({ en: `added country code ${d}`, 'zh-CN': `已添加国家代码 ${d}` }),
  'trunk-prefix-removed': () => ({
    en: 'removed the national prefix 0',
    'zh-CN': '已去掉国内长途前缀 0',
  }),
};

/** The reason of a stored row in words; empty for a valid row. */
export function describeReason(code: string | null, detail: string | null, locale: Locale): string {
  if (code === null) return '';
  const d = detail ?? '';
  if (code in PROBLEMS) return PROBLEMS[code as RowProblem](d)[locale];
  const parts = code
    .split(',')
    .filter((c): c is PhoneChange => c in CHANGES)
    .map((c) => CHANGES[c](d)[locale]);
  if (parts.length === 0) return code;
  const sentence = parts.join(locale === 'en' ? '; ' : '；');
  return locale === 'en'
    ? `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`
    : `${sentence}。`;
}
