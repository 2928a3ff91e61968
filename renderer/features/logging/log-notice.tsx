import { useCallback } from 'react';
import type { LogNotice as Notice } from '../../../shared/domain/log-notice';
import { useKeptNotice } from '../../components/use-kept-notice';
import { call, useEvent } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/**
 * Says that the log file stopped working (a full disk, a read-only data folder) and that the app
 * goes on. Main keeps the notice until it is dismissed, so a window opened after the failure
 * shows it too, and announces it so an open window shows it at once.
 */
export function LogNotice() {
  const { t } = useI18n();
  const { notice, show, failure, dismiss } = useKeptNotice(
    async () => (await call('app.logNotice', {})).notice,
    () => call('app.dismissLogNotice', {}),
  );
  const onChanged = useCallback(
    (payload: { notice: Notice | null }) => show(payload.notice),
    [show],
  );
  useEvent('app.logNoticeChanged', onChanged);

  if (!notice) return null;
  return (
    <section
      className="notice log-notice"
      role="alert"
      aria-labelledby="log-notice-title"
      data-testid="log-notice"
      data-reason={notice.reason}
    >
      <h2 id="log-notice-title">{t('log.notice.title')}</h2>
      <p>
        {t(`log.notice.reason.${notice.reason}`)} {t('log.notice.effect')}
      </p>
      {failure && (
        <p className="form-failure" role="alert">
          {t('log.notice.dismissFailed', { message: failure })}
        </p>
      )}
      <button type="button" onClick={() => void dismiss()}>
        {t('log.notice.dismiss')}
      </button>
    </section>
  );
}
