import type { SettingsRecovery } from '../../../shared/domain/settings-recovery';
import { useKeptNotice } from '../../components/use-kept-notice';
import { call } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/**
 * Says once what the app did about a damaged settings file when it started (main keeps the
 * notice until it is dismissed, so a reload of the window does not lose it).
 */
export function SettingsRecoveryNotice() {
  const { t } = useI18n();
  const { notice, failure, dismiss } = useKeptNotice<SettingsRecovery>(
    async () => (await call('settings.recoveryNotice', {})).notice,
    () => call('settings.dismissRecoveryNotice', {}),
  );

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
          {t('settings.recovery.dismissFailed', { message: failure })}
        </p>
      )}
      <button type="button" onClick={() => void dismiss()}>
        {t('settings.recovery.dismiss')}
      </button>
    </section>
  );
}
