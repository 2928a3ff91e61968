import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';
import type { Section } from '../../app/routes';

/** Lists: imported phone lists. */
export function ListsView(props: { go: (section: Section) => void }) {
  const { t } = useI18n();
  return (
    <Page title={t('lists.title')}>
      <EmptyState
        title={t('lists.empty.title')}
        body={t('lists.empty.body')}
        next={t('lists.empty.next')}
        action={
          <button type="button" className="primary" onClick={() => props.go('accounts')}>
            {t('empty.goToAccounts')}
          </button>
        }
      />
    </Page>
  );
}
