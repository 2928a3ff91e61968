import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import type { Section } from '../../app/routes';

/** Tasks: the live board of every campaign. */
export function TasksView(props: { go: (section: Section) => void }) {
  const { t } = useI18n();
  return (
    <Page title={t('tasks.title')}>
      <EmptyState
        title={t('tasks.empty.title')}
        body={t('tasks.empty.body')}
        next={t('tasks.empty.next')}
        action={
          <button type="button" className="primary" onClick={() => props.go('accounts')}>
            {t('empty.goToAccounts')}
          </button>
        }
      />
    </Page>
  );
}
