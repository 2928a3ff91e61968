import { Page } from '../../components/page';
import { useAppState } from '../../app/app-state';
import { useI18n } from '../../i18n/i18n';
import { useBrowserVersion } from './browser-version';
import { DiagnosticsPanel } from './diagnostics-panel';

/** About: version, runtime versions and the data folder (`app.info`), and diagnostics for support. */
export function AboutView() {
  const { t } = useI18n();
  const { info } = useAppState();
  const electron =
    info.host === 'electron'
      ? info.versions.electron
      : t('about.notRunning', { version: info.versions.electron });
  const browserVersion = useBrowserVersion(info.host !== 'electron');
  const chrome = info.host === 'electron' ? info.versions.chrome : (browserVersion ?? '—');
  return (
    <Page title={t('about.title')}>
      <section className="card">
        <p>{t('about.tagline')}</p>
        <dl className="facts" data-testid="about-facts">
          <dt>{t('about.version')}</dt>
          <dd data-fact="version">{info.version}</dd>
          <dt>{t('about.host')}</dt>
          <dd data-fact="host">{t(`about.host.${info.host}`)}</dd>
          <dt>{t('about.platform')}</dt>
          <dd data-fact="platform">
            {info.platform} ({info.arch})
          </dd>
          <dt>{t('about.electron')}</dt>
          <dd data-fact="electron">{electron}</dd>
          <dt>{t('about.chrome')}</dt>
          <dd data-fact="chrome">{chrome}</dd>
          <dt>{t('about.node')}</dt>
          <dd data-fact="node">{info.versions.node}</dd>
          <dt>{t('about.v8')}</dt>
          <dd data-fact="v8">{info.versions.v8}</dd>
          <dt>{t('about.dataFolder')}</dt>
          <dd data-fact="dataFolder" className="mono">
            {info.dataFolder}
          </dd>
        </dl>
      </section>
      <DiagnosticsPanel />
    </Page>
  );
}
