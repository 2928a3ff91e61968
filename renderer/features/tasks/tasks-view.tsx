import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import { FirstSteps } from '../../components/first-steps';
import { useAccounts } from '../../app/accounts-state';
import type { Section } from '../../app/routes';

/** Tasks: the live board of every campaign. */
export function TasksView(props: { go: (section: Section) => void }) {
  const { t } = useI18n();
  const { accounts } = useAccounts();
  return (
    <Page title={t('tasks.title')}>
      <EmptyState
        title={t('tasks.empty.title')}
        body={t('tasks.empty.body')}
        next={t('tasks.empty.next')}
        action={<FirstSteps go={props.go} showDemo={!accounts.some((account) => account.demo)} />}
      />
    </Page>
  );
}
