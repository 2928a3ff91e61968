import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/** The audit trail: check that no entry was edited or removed, and export it. */
export function AuditView() {
  const { t, locale } = useI18n();
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [entries, setEntries] = useState<ResponseOf<'audit.entries'>['entries']>([]);

  useEffect(() => {
    let current = true;
    const load = async () => {
      const page = await call('audit.entries', { limit: 100 });
      if (current) setEntries(page.entries);
    };
    void load().catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);

  const verify = async () => {
    setFailure(null);
    try {
      const check = await call('audit.verify', {});
      setResult(
        check.ok
          ? t('audit.ok', { entries: check.entries.toLocaleString(locale) })
          : t('audit.broken', { count: check.problems.length, seq: check.problems[0]?.seq ?? 0 }),
      );
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const exportAs = async (format: 'xlsx' | 'json') => {
    setFailure(null);
    try {
      const saved = await call('audit.export', { format });
      if (saved.path) setResult(t('audit.exported', { entries: saved.entries, path: saved.path }));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <section className="card">
      <p className="muted">{t('audit.intro')}</p>
      <div className="page-actions">
        <button type="button" className="primary" onClick={() => void verify()}>
          {t('audit.verify')}
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')}>
          {t('audit.exportXlsx')}
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          {t('audit.exportJson')}
        </button>
      </div>
      {result && (
        <p className="notice" role="status" data-testid="audit-result">
          {result}
        </p>
      )}
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <table className="data-table audit-entries" aria-label={t('drafts.tab.audit')}>
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('audit.col.at')}</th>
            <th>{t('audit.col.campaign')}</th>
            <th>{t('audit.col.type')}</th>
            <th>{t('audit.col.content')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-audit-type={entry.type}>
              <td className="num">{entry.seq}</td>
              <td>{new Date(entry.at).toLocaleString(locale)}</td>
              <td className="wrap">{entry.campaign ?? '—'}</td>
              <td className="wrap" data-testid="audit-summary">
                {entry.summary[locale]}
              </td>
              <td className="wrap">
                <details>
                  <summary>{t('audit.details')}</summary>
                  <div className="mono muted">
                    {entry.type} · {entry.hash.slice(0, 12)}
                  </div>
                  <pre className="mono audit-payload">{entry.payload}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
