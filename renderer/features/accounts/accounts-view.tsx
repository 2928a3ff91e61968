import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';

/** Accounts: vendor accounts and their keychain-held secrets. */
export function AccountsView() {
  const { t } = useI18n();
  return (
    <Page title={t('accounts.title')}>
      <EmptyState
        title={t('accounts.empty.title')}
        body={t('accounts.empty.body')}
        next={t('accounts.empty.next')}
      />
    </Page>
  );
}
