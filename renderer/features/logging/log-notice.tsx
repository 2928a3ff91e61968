import { useCallback, useEffect, useState } from 'react';
import type { LogNotice as Notice } from '../../../shared/domain/log-notice';
import { call, errorMessage, useEvent } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/**
 * Says that the log file stopped working (a full disk, a read-only data folder) and that the app
 * goes on. Main keeps the notice until it is dismissed, so a window opened after the failure
 * shows it too, and announces it so an open window shows it at once.
 */
export function LogNotice() {
  const { t } = useI18n();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const answer = await call('app.logNotice', {});
        if (current) setNotice(answer.notice);
      } catch {
        // Main answers from memory: this fails only when main is unreachable, which every
        // screen already reports in its own words. There is then no notice to show.
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, []);

  const onChanged = useCallback((payload: { notice: Notice | null }) => {
    setNotice(payload.notice);
  }, []);
  useEvent('app.logNoticeChanged', onChanged);

  const dismiss = async () => {
    try {
      await call('app.dismissLogNotice', {});
      setNotice(null);
      setFailure(null);
    } catch (error) {
      setFailure(t('log.notice.dismissFailed', { message: errorMessage(error) }));
    }
  };

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
          {failure}
        </p>
      )}
      <button type="button" onClick={() => void dismiss()}>
        {t('log.notice.dismiss')}
      </button>
    </section>
  );
}
