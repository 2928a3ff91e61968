import { successRateOf, type AlertThreshold } from '../../../shared/domain/board';
import type { Locale } from '../../../shared/domain/locale';
import { ACTIVE_TASK_STATES } from '../../../shared/domain/task';
import type { FiredAlertWhat } from '../../../shared/domain/fired-alerts';
import type { RowFields } from './board-rows';

/** A condition a task met that the manager is told about once. */
export interface Alert {
  /** Stored to fire once per task and condition, e.g. `completed`, `rate<40@100`. */
  readonly condition: string;
  readonly title: string;
  readonly body: string;
  /** What crossed, as facts for the alerts list (worded on the screen). */
  readonly what: FiredAlertWhat;
  /** The threshold crossed (%) and the calls it waits for, for `rate`. */
  readonly limit: number | null;
  readonly afterCalls: number | null;
  /** The success rate (%) when it fired, rounded to 0.1. */
  readonly rate: number | null;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The alerts a row change raises.
 *
 * Completed/failed fire on a change into that state from a state we saw (or for a task first seen
 * after the account's first sync, which was created and ended between polls), never for the
 * history the first sync finds. The threshold fires while a task is (or just was) active, once at
 * least `afterCalls` numbers were called and the success rate is below the limit; its condition
 * names the limit, so a new limit may fire again.
 */
export function alertsFor(
  previous: RowFields | undefined,
  next: RowFields,
  threshold: AlertThreshold | null,
  live: boolean,
  locale: Locale,
): Alert[] {
  const alerts: Alert[] = [];
  const zh = locale === 'zh-CN';
  const called = next.c === null ? '' : next.tot === null ? `${next.c}` : `${next.c}/${next.tot}`;
  const rate = successRateOf(next);
  const detailsEn = [
    called ? `${called} called` : null,
    rate === null ? null : `success ${round(rate)}%`,
  ]
    .filter((part) => part !== null)
    .join(', ');
  const detailsZh = [
    called ? `已拨打 ${called}` : null,
    rate === null ? null : `成功率 ${round(rate)}%`,
  ]
    .filter((part) => part !== null)
    .join('，');
  const entered = (state: 'completed' | 'failed') =>
    next.s === state && (previous ? previous.s !== state : live);
  if (entered('completed')) {
    alerts.push({
      condition: 'completed',
      title: zh ? '任务已完成' : 'Task completed',
      body: zh ? `${next.n}：${detailsZh}` : `${next.n}: ${detailsEn}`,
      what: 'completed',
      limit: null,
      afterCalls: null,
      rate: rate === null ? null : round(rate),
    });
  }
  if (entered('failed')) {
    alerts.push({
      condition: 'failed',
      title: zh ? '任务失败' : 'Task failed',
      // The vendor's own word for the state is English only; the notification says it in words.
      body: zh
        ? `${next.n}：服务商报告任务失败${detailsZh ? `（${detailsZh}）` : ''}`
        : `${next.n}: the vendor reports the task failed${detailsEn ? ` (${detailsEn})` : ''}`,
      what: 'failed',
      limit: null,
      afterCalls: null,
      rate: rate === null ? null : round(rate),
    });
  }
  const activeNow = ACTIVE_TASK_STATES.includes(next.s);
  const wasActive = previous !== undefined && ACTIVE_TASK_STATES.includes(previous.s);
  if (
    threshold &&
    (activeNow || wasActive) &&
    next.c !== null &&
    next.c >= threshold.afterCalls &&
    rate !== null &&
    rate < threshold.successRateBelow
  ) {
    alerts.push({
      condition: `rate<${threshold.successRateBelow}@${threshold.afterCalls}`,
      title: zh
        ? `成功率低于 ${threshold.successRateBelow}%`
        : `Success rate below ${threshold.successRateBelow}%`,
      body: zh
        ? `${next.n}：拨打 ${next.c} 个号码后成功率 ${round(rate)}%`
        : `${next.n}: ${round(rate)}% success after ${next.c} calls`,
      what: 'rate',
      limit: threshold.successRateBelow,
      afterCalls: threshold.afterCalls,
      rate: round(rate),
    });
  }
  return alerts;
}
