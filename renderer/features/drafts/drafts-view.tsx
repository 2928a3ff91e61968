import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import { FirstSteps } from '../../components/first-steps';
import { useAccounts } from '../../app/accounts-state';
import type { Section } from '../../app/routes';

/** Drafts: campaign drafts prepared offline. */
export function DraftsView(props: { go: (section: Section) => void }) {
  const { t } = useI18n();
  const { accounts } = useAccounts();
  return (
    <Page title={t('drafts.title')}>
      <EmptyState
        title={t('drafts.empty.title')}
        body={t('drafts.empty.body')}
        next={t('drafts.empty.next')}
        action={<FirstSteps go={props.go} showDemo={!accounts.some((account) => account.demo)} />}
      />
    </Page>
  );
}
