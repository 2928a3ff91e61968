import type { Locale } from '../../../shared/domain/locale';
import type { PreflightReport } from '../../../shared/domain/preflight';

/**
 * How many numbers a send will hand to the vendor: what is left after the compliance exclusions
 * (do-not-call, recent calls) when the review made them, else the list's valid numbers.
 */
export function numbersToSend(report: PreflightReport): number {
  return report.compliance?.toSend ?? report.list?.valid ?? 0;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A wall-clock time of the review (`yyyy-MM-dd HH:mm` in the manager's zone) as a person says
 * it: "8 Dec 09:00" / "12月8日 09:00"; the year only when it is not `currentYear`.
 */
export function startWords(local: string, locale: Locale, currentYear: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}:\d{2})/.exec(local);
  if (!match) return local;
  const [, year, month, day, clock] = match;
  const m = Number(month);
  const d = Number(day);
  const otherYear = Number(year) !== currentYear;
  return locale === 'zh-CN'
    ? `${otherYear ? `${year}年` : ''}${m}月${d}日 ${clock}`
    : `${d} ${MONTHS[m - 1] ?? month}${otherYear ? ` ${year}` : ''} ${clock}`;
}
