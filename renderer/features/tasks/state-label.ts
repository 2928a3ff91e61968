import { notCalledOf, type BoardRow } from '../../../shared/domain/board';
import type { Translate } from '../../i18n/translate';

/**
 * A task's state in the manager's words. The three ways a task stops read differently:
 * "Completed", "Cancelled", and "Ended early (N not called)" (N from the vendor's own counts;
 * the count is left out when they are not known).
 */
export function stateLabel(
  t: Translate,
  locale: string,
  row: Pick<BoardRow, 's' | 'tot' | 'c'>,
): string {
  const notCalled = notCalledOf(row);
  return notCalled === null
    ? t(`tasks.state.${row.s}`)
    : t('tasks.state.endedEarlyCount', { n: notCalled.toLocaleString(locale) });
}
