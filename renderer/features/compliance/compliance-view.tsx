import { useState } from 'react';
import { Page } from '../../components/page';
import type { Section } from '../../app/routes';
import { useI18n } from '../../i18n/i18n';
import { DefaultsPanel } from './defaults-panel';
import { DncListsPanel } from './dnc-lists-panel';

type Tab = 'dnc' | 'defaults';

/** Compliance: the do-not-call lists, and the defaults every new campaign starts with. */
export function ComplianceView(props: { go: (section: Section) => void }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('dnc');
  return (
    <Page title={t('compliance.title')}>
      <p className="muted compliance-intro">{t('compliance.intro')}</p>
      <div className="tabs" role="tablist">
        {(['dnc', 'defaults'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'tab active' : 'tab'}
            onClick={() => setTab(name)}
          >
            {t(`compliance.tab.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'dnc' && <DncListsPanel go={props.go} />}
      {tab === 'defaults' && <DefaultsPanel />}
    </Page>
  );
}
