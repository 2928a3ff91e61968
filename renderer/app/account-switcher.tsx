import type { ChangeEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { useAccounts } from './accounts-state';

const ALL = '';

/** The active account in the sidebar: one account, or all of them (remembered by main). */
export function AccountSwitcher() {
  const { t } = useI18n();
  const { accounts, activeAccountId, setActive } = useAccounts();
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    void setActive(event.target.value === ALL ? null : event.target.value);
  };
  return (
    <div className="switcher">
      <label htmlFor="account-switcher">{t('accounts.switcher.label')}</label>
      <select id="account-switcher" value={activeAccountId ?? ALL} onChange={onChange}>
        <option value={ALL}>{t('accounts.switcher.all')}</option>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.demo ? `${account.name} (${t('accounts.demoBadge')})` : account.name}
          </option>
        ))}
      </select>
    </div>
  );
}
