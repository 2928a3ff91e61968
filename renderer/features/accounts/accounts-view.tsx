import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useAccounts } from '../../app/accounts-state';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { AccountCard } from './account-card';
import { AccountForm } from './account-form';

type Editing =
  | { readonly mode: 'none' }
  | { readonly mode: 'add' }
  | { readonly mode: 'edit'; readonly id: string };

/** Accounts: vendor accounts and their keychain-held secrets. */
export function AccountsView() {
  const { t } = useI18n();
  const { accounts, state, error } = useAccounts();
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
      {state && accounts.length === 0 && editing.mode === 'none' ? (
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
