import { useState } from 'react';
import type { AccountView } from '../../../shared/domain/account';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

function vendorLabel(
  account: AccountView,
): 'accounts.vendor.itniotech' | 'accounts.vendor.onbuka' | 'accounts.vendor.yccall' {
  if (account.vendor === 'yccall') return 'accounts.vendor.yccall';
  return account.connection.brand === 'onbuka'
    ? 'accounts.vendor.onbuka'
    : 'accounts.vendor.itniotech';
}

/** One account: what it connects to, its last check, and its actions. */
export function AccountCard(props: { account: AccountView; onEdit: () => void }) {
  const { t, locale } = useI18n();
  const { account } = props;
  const [testing, setTesting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const test = async () => {
    setTesting(true);
    setFailure(null);
    try {
      await call('accounts.testConnection', { id: account.id });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setTesting(false);
    }
  };
  const remove = async () => {
    setRemoving(true);
    try {
      await call('accounts.remove', { id: account.id });
    } catch (error) {
      setFailure(errorMessage(error));
      setRemoving(false);
      setConfirming(false);
    }
  };

  const endpoint = account.demo
    ? null
    : account.vendor === 'yccall'
      ? account.connection.serverUrl
      : (account.connection.baseUrl ?? t('accounts.endpoint.default'));
  const identity =
    account.vendor === 'yccall' ? account.connection.appid : account.connection.apiKey;
  const check = account.lastCheck;
  const when = check ? new Date(check.at).toLocaleString(locale) : '';

  return (
    <article className="card account-card" data-account-id={account.id} aria-label={account.name}>
      <header className="account-head">
        <h2>{account.name}</h2>
        {account.demo && <span className="badge demo">{t('accounts.demoBadge')}</span>}
        <span className="badge">{t(vendorLabel(account))}</span>
      </header>
      {account.demo && <p className="muted">{t('accounts.demoNote')}</p>}
      <dl className="facts compact">
        {endpoint && (
          <>
            <dt>
              {t(
                account.vendor === 'yccall' ? 'accounts.field.serverUrl' : 'accounts.field.baseUrl',
              )}
            </dt>
            <dd className="mono">{endpoint}</dd>
          </>
        )}
        <dt>{t(account.vendor === 'yccall' ? 'accounts.field.appid' : 'accounts.field.apiKey')}</dt>
        <dd className="mono">{identity}</dd>
        {account.secretStored && (
          <>
            <dt>
              {t(
                account.vendor === 'yccall'
                  ? 'accounts.field.accesskey'
                  : 'accounts.field.apiSecret',
              )}
            </dt>
            <dd>{t('accounts.field.secret.stored')}</dd>
          </>
        )}
      </dl>
      <p
        className={`check ${check ? (check.ok ? 'ok' : 'failed') : ''}`}
        data-testid="connection-check"
        role="status"
      >
        {check
          ? t(check.ok ? 'accounts.check.ok' : 'accounts.check.failed', {
              when,
              // Checks keep their words in every language; older ones only in the one they ran in.
              message: check.messages?.[locale] ?? check.message,
            })
          : t('accounts.check.never')}
      </p>
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="card-actions">
        <button type="button" className="primary" onClick={() => void test()} disabled={testing}>
          {testing ? t('accounts.action.testing') : t('accounts.action.test')}
        </button>
        <button type="button" onClick={props.onEdit}>
          {t('accounts.action.edit')}
        </button>
        <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>
          {t('accounts.action.remove')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('accounts.remove.title', { name: account.name })}
          body={<p>{t('accounts.remove.body')}</p>}
          confirmLabel={t('accounts.remove.confirm')}
          cancelLabel={t('accounts.form.cancel')}
          danger
          busy={removing}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </article>
  );
}
