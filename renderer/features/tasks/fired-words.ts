import type { FiredAlert } from '../../../shared/domain/fired-alerts';
import type { Translate } from '../../i18n/translate';
import { vendorStatusWords } from './vendor-codes';

/** What an alert said, in words: "Success rate 18 % fell below 25 % after 120 calls". */
export function firedText(t: Translate, alert: FiredAlert): string {
  switch (alert.what) {
    case 'rate':
      return t(alert.called === 1 ? 'tasks.alerts.firedRateOne' : 'tasks.alerts.firedRate', {
        rate: alert.rate ?? '—',
        limit: alert.limit ?? '—',
        calls: alert.called ?? '—',
      });
    case 'completed':
      return alert.called !== null && alert.total !== null
        ? t('tasks.alerts.firedCompletedCounts', { called: alert.called, total: alert.total })
        : t('tasks.alerts.firedCompleted');
    case 'failed':
      return t('tasks.alerts.firedFailed', {
        status:
          vendorStatusWords(t, alert.kind, alert.statusCode) ??
          t('tasks.code.unknown', { code: alert.statusCode }),
      });
  }
}
