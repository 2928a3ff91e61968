import { useState } from 'react';
import type { Section } from '../app/routes';
import { call, errorMessage } from '../ipc/client';
import { useI18n } from '../i18n/i18n';

/** What a new user can do first: add an account, or try the built-in demo. */
export function FirstSteps(props: { go: (section: Section) => void; showDemo: boolean }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const tryDemo = async () => {
    try {
      await call('accounts.addDemo', {});
      props.go('tasks');
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <div className="page-actions">
      <button type="button" className="primary" onClick={() => props.go('accounts')}>
        {t('empty.goToAccounts')}
      </button>
      {props.showDemo && (
        <button type="button" onClick={() => void tryDemo()}>
          {t('accounts.tryDemo')}
        </button>
      )}
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
