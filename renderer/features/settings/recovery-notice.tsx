import { useEffect, useState } from 'react';
import type { SettingsRecovery } from '../../../shared/domain/settings-recovery';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/**
 * Says once what the app did about a damaged settings file when it started (main keeps the
 * notice until it is dismissed, so a reload of the window does not lose it).
 */
export function SettingsRecoveryNotice() {
  const { t } = useI18n();
  const [notice, setNotice] = useState<SettingsRecovery | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const answer = await call('settings.recoveryNotice', {});
        if (current) setNotice(answer.notice);
      } catch {
        // Main answers this from memory: it fails only when main itself is unreachable, which
        // every screen already reports in its own words. There is then no notice to show.
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, []);

  const dismiss = async () => {
    try {
      await call('settings.dismissRecoveryNotice', {});
      setNotice(null);
      setFailure(null);
    } catch (error) {
      setFailure(t('settings.recovery.dismissFailed', { message: errorMessage(error) }));
    }
  };

  if (!notice) return null;
  return (
    <section
      className="notice recovery-notice"
      role="alert"
      aria-labelledby="settings-recovery-title"
      data-testid="settings-recovery"
    >
      <h2 id="settings-recovery-title">{t('settings.recovery.title')}</h2>
      <p>
        {t(`settings.recovery.problem.${notice.problem}`)}{' '}
        {t(`settings.recovery.restored.${notice.restoredFrom}`)}
        {notice.keptAs && <> {t('settings.recovery.keptAs', { file: notice.keptAs })}</>}
      </p>
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <button type="button" onClick={() => void dismiss()}>
        {t('settings.recovery.dismiss')}
      </button>
    </section>
  );
}
