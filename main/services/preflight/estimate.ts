import type { LocalizedText } from '../../../shared/domain/locale';
import type { EstimateSettings, EstimateSettingKey } from '../../../shared/domain/preflight';

/** The arithmetic of an estimate, before it is laid out over windows. */
export interface CallLoad {
  readonly calls: number;
  readonly answered: number;
  /** Seconds of line time all calls take together. */
  readonly lineSeconds: number;
  /** `lineSeconds / concurrency`: calling time needed. */
  readonly callingSeconds: number;
  /** Billed seconds of one answered call (rounded up to the billing step). */
  readonly billedSecondsPerCall: number;
  /** Rounded to 1/10,000 of the currency unit. */
  readonly cost: number;
}

/**
 * Calling time and cost of `numbers` calls under the given assumptions: one attempt per number;
 * an answered call holds a line for `averageCallSeconds` and is billed per started billing step;
 * a call that is not answered holds a line for `noAnswerSeconds` and costs nothing.
 */
export function callLoad(numbers: number, settings: EstimateSettings): CallLoad {
  const calls = Math.max(0, numbers);
  const answered = calls * settings.answerRate;
  const lineSeconds =
    answered * settings.averageCallSeconds + (calls - answered) * settings.noAnswerSeconds;
  const step = settings.billingIncrementSeconds;
  const billedSecondsPerCall = Math.ceil(settings.averageCallSeconds / step) * step;
  const cost =
    Math.round(((answered * billedSecondsPerCall) / 60) * settings.ratePerMinute * 1e4) / 1e4;
  return {
    calls,
    answered,
    lineSeconds,
    callingSeconds: lineSeconds / settings.concurrency,
    billedSecondsPerCall,
    cost,
  };
}

/** "2 d 3 h 5 min" / "2 天 3 小时 5 分钟" (rounded up to the minute; "under a minute" below). */
export function durationText(seconds: number): LocalizedText {
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 0) return { en: 'no time', 'zh-CN': '无需时间' };
  const d = Math.floor(minutes / 1_440);
  const h = Math.floor((minutes % 1_440) / 60);
  const m = minutes % 60;
  const en = [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean);
  const zh = [d ? `${d} 天` : '', h ? `${h} 小时` : '', m ? `${m} 分钟` : ''].filter(Boolean);
  return { en: en.join(' '), 'zh-CN': zh.join(' ') };
}

/** A money amount with two decimals (more when it would show as 0.00). */
export function moneyText(amount: number, currency: string): string {
  const digits = amount > 0 && amount < 0.01 ? 4 : 2;
  return `${amount.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}

/** How each assumption reads in the "assumptions" panel. */
export function assumptionText(key: EstimateSettingKey, settings: EstimateSettings): LocalizedText {
  switch (key) {
    case 'concurrency':
      return {
        en: `${settings.concurrency} calls at once`,
        'zh-CN': `同时 ${settings.concurrency} 路呼叫`,
      };
    case 'averageCallSeconds':
      return {
        en: `An answered call lasts ${settings.averageCallSeconds} s on average`,
        'zh-CN': `接通的呼叫平均时长 ${settings.averageCallSeconds} 秒`,
      };
    case 'noAnswerSeconds':
      return {
        en: `A call that is not answered rings for ${settings.noAnswerSeconds} s`,
        'zh-CN': `未接通的呼叫振铃 ${settings.noAnswerSeconds} 秒`,
      };
    case 'answerRate':
      return {
        en: `${Math.round(settings.answerRate * 1_000) / 10}% of calls are answered`,
        'zh-CN': `接通率 ${Math.round(settings.answerRate * 1_000) / 10}%`,
      };
    case 'ratePerMinute':
      return {
        en: `${settings.ratePerMinute} ${settings.currency} per billed minute`,
        'zh-CN': `每计费分钟 ${settings.ratePerMinute} ${settings.currency}`,
      };
    case 'currency':
      return { en: `Costs in ${settings.currency}`, 'zh-CN': `费用币种 ${settings.currency}` };
    case 'billingIncrementSeconds':
      return {
        en: `Each answered call is billed per started ${settings.billingIncrementSeconds} s`,
        'zh-CN': `每通接通的呼叫按 ${settings.billingIncrementSeconds} 秒为单位计费（不足按整计）`,
      };
  }
}
