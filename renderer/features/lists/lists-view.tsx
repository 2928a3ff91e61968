import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import { FirstSteps } from '../../components/first-steps';
import { useAccounts } from '../../app/accounts-state';
import type { Section } from '../../app/routes';

/** Lists: imported phone lists. */
export function ListsView(props: { go: (section: Section) => void }) {
  const { t } = useI18n();
  const { accounts } = useAccounts();
  return (
    <Page title={t('lists.title')}>
      <EmptyState
        title={t('lists.empty.title')}
        body={t('lists.empty.body')}
        next={t('lists.empty.next')}
        action={<FirstSteps go={props.go} showDemo={!accounts.some((account) => account.demo)} />}
      />
    </Page>
  );
}
