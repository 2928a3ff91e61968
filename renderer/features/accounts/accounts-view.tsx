import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useAccounts } from '../../app/accounts-state';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { AccountCard } from './account-card';
import { AccountForm } from './account-form';
import { DamagedAccountCard } from './damaged-account-card';

type Editing =
  | { readonly mode: 'none' }
  | { readonly mode: 'add' }
  | { readonly mode: 'edit'; readonly id: string }
  | { readonly mode: 'repair'; readonly key: string };

/** Accounts: vendor accounts and their keychain-held secrets. */
export function AccountsView() {
  const { t } = useI18n();
  const { accounts, damaged, state, error } = useAccounts();
  const [editing, setEditing] = useState<Editing>({ mode: 'none' });
  const [failure, setFailure] = useState<string | null>(null);
  const hasDemo = accounts.some((account) => account.demo);

  const addDemo = async () => {
    setFailure(null);
    try {
      await call('accounts.addDemo', {});
    } catch (problem) {
      setFailure(errorMessage(problem));
    }
  };
  const done = () => setEditing({ mode: 'none' });
  const edited =
    editing.mode === 'edit' ? accounts.find((account) => account.id === editing.id) : undefined;
  const repaired =
    editing.mode === 'repair' ? damaged.find((entry) => entry.key === editing.key) : undefined;

  const actions = (
    <div className="page-actions">
      <button
        type="button"
        className="primary"
        onClick={() => setEditing({ mode: 'add' })}
        disabled={editing.mode !== 'none'}
      >
        {t('accounts.add')}
      </button>
      {!hasDemo && (
        <button type="button" onClick={() => void addDemo()}>
          {t('accounts.tryDemo')}
        </button>
      )}
    </div>
  );

  return (
    <Page title={t('accounts.title')}>
      {error && (
        <p className="form-failure" role="alert">
          {t('accounts.loadFailed', { message: error })}
        </p>
      )}
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      {editing.mode === 'add' && <AccountForm onDone={done} />}
      {edited && <AccountForm key={edited.id} account={edited} onDone={done} />}
      {repaired && <AccountForm key={repaired.key} repair={repaired} onDone={done} />}
      {state && accounts.length === 0 && damaged.length === 0 && editing.mode === 'none' ? (
        <EmptyState
          title={t('accounts.empty.title')}
          body={t('accounts.empty.body')}
          next={t('accounts.empty.next')}
          action={actions}
        />
      ) : (
        <>
          {editing.mode === 'none' && actions}
          <div className="account-list">
            {damaged.map((entry) => (
              <DamagedAccountCard
                key={entry.key}
                damaged={entry}
                onRepair={() => setEditing({ mode: 'repair', key: entry.key })}
              />
            ))}
            {accounts.map((account) => (
              <AccountCard
                key={account.id}
                account={account}
                onEdit={() => setEditing({ mode: 'edit', id: account.id })}
              />
            ))}
          </div>
        </>
      )}
    </Page>
  );
}
