import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import { AccountSwitcher } from './account-switcher';
import { SECTIONS, SECTION_LABEL, type Section } from './routes';
import { useSection } from './use-section';
import { AccountsView } from '../features/accounts/accounts-view';
import { ListsView } from '../features/lists/lists-view';
import { ComplianceView } from '../features/compliance/compliance-view';
import { DraftsView } from '../features/drafts/drafts-view';
import { TasksView } from '../features/tasks/tasks-view';
import { TASK_GRID_ID } from '../features/tasks/board-table';
import { SettingsView } from '../features/settings/settings-view';
import { AboutView } from '../features/about/about-view';
import { LogNotice } from '../features/logging/log-notice';
import { SettingsRecoveryNotice } from '../features/settings/recovery-notice';
import { UpdateNotice } from '../features/updates/update-notice';

function SectionView(props: { section: Section; go: (section: Section) => void }) {
  switch (props.section) {
    case 'accounts':
      return <AccountsView />;
    case 'lists':
      return <ListsView go={props.go} />;
    case 'compliance':
      return <ComplianceView go={props.go} />;
    case 'drafts':
      return <DraftsView go={props.go} />;
    case 'tasks':
      return <TasksView go={props.go} />;
    case 'settings':
      return <SettingsView />;
    case 'about':
      return <AboutView />;
  }
}

/** The window frame: navigation on the left, the current section on the right. */
export function Shell() {
  const { t, locale } = useI18n();
  const [section, go] = useSection();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t(SECTION_LABEL[section])} · ${t('app.name')}`;
  }, [locale, section, t]);

  // Each section opens at its top, not at the scroll position the last one was left at.
  const content = useRef<HTMLElement>(null);
  useEffect(() => {
    content.current?.scrollTo({ top: 0, left: 0 });
  }, [section]);

  useEffect(() => {
    // The benchmark and the e2e tests wait for this, not for a fixed time.
    document.documentElement.dataset['ready'] = 'true';
    performance.mark('shell-interactive');
  }, []);

  return (
    <div className="shell">
      {section === 'tasks' && (
        // The first Tab stop: past the sidebar and the board's toolbar, straight into the grid.
        <a
          className="skip-link"
          href={`#${TASK_GRID_ID}`}
          onClick={(event) => {
            // The hash is the app's route, so the link moves focus itself.
            event.preventDefault();
            const target =
              document.getElementById(TASK_GRID_ID) ??
              document.querySelector<HTMLElement>('.page-header h1');
            target?.focus();
          }}
        >
          {t('tasks.skipToGrid')}
        </a>
      )}
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </div>
        <ul>
          {SECTIONS.map((name) => (
            <li key={name}>
              <a
                href={`#/${name}`}
                data-section={name}
                aria-current={name === section ? 'page' : undefined}
              >
                {t(SECTION_LABEL[name])}
              </a>
            </li>
          ))}
        </ul>
        <AccountSwitcher />
      </nav>
      <main className="content" id="content" data-section={section} ref={content}>
        <SettingsRecoveryNotice />
        <LogNotice />
        <UpdateNotice />
        <SectionView section={section} go={go} />
      </main>
    </div>
  );
}
