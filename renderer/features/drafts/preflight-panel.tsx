import type { ReactNode } from 'react';
import type { PreflightReport } from '../../../shared/domain/preflight';
import { useI18n } from '../../i18n/i18n';
import { AssumptionsForm } from './assumptions-form';

/** The pre-flight review: what will be sent, to whom, when, for how long and at what cost. */
export function PreflightPanel(props: {
  report: PreflightReport;
  onAssumptionsSaved: () => void;
  /** The compliance part of the review (issue 17), shown after the schedule. */
  children?: ReactNode;
}) {
  const { locale, t } = useI18n();
  const { report } = props;
  const text = (value: { readonly en: string; readonly 'zh-CN': string }) => value[locale];
  return (
    <section className="card preflight" aria-label={t('drafts.review')} data-testid="preflight">
      {report.warnings.length > 0 && (
        <ul className="warnings">
          {report.warnings.map((warning, index) => (
            <li key={index} className={`warning-${warning.severity}`}>
              {text(warning.text)}
            </li>
          ))}
        </ul>
      )}
      {report.list && <p>{text(report.list.text)}</p>}
      {report.list && report.list.excluded.length > 0 && (
        <ul className="muted">
          {report.list.excluded.map((exclusion, index) => (
            <li key={index}>{text(exclusion.text)}</li>
          ))}
        </ul>
      )}
      <p>{text(report.limits.text)}</p>
      {/* The split once: the limit's sentence may already carry it. */}
      {report.limits.split &&
        report.limits.split.requests > 1 &&
        !report.limits.text.en.includes(report.limits.split.text.en) && (
          <p className="muted">{text(report.limits.split.text)}</p>
        )}
      {report.dialled.length > 0 && (
        <div className="dialled">
          <p>{t('preflight.dialled')}</p>
          <ul data-testid="dialled">
            {report.dialled.map((sample) => (
              <li key={sample.phone}>
                <span className="muted">{sample.phone}</span> → <code>{sample.sent}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul>
        {report.recipients.map((recipient, index) => (
          <li key={index}>{text(recipient.text)}</li>
        ))}
      </ul>
      <p>{text(report.schedule.start.text)}</p>
      {report.schedule.windows.map((window, index) => (
        <div key={index} className="muted">
          <p>{text(window.manager)}</p>
          <ul>
            {window.recipients.map((recipient, at) => (
              <li key={at}>{text(recipient.text)}</li>
            ))}
          </ul>
        </div>
      ))}
      {props.children}
      <p>{text(report.estimate.text)}</p>
      <details>
        <summary>{t('preflight.howEstimated')}</summary>
        <ul className="muted">
          {report.estimate.assumptions.map((assumption) => (
            <li
              key={assumption.key}
              className={assumption.isDefault ? 'assumption-default' : undefined}
            >
              {text(assumption.text)}
            </li>
          ))}
          {report.estimate.notes.map((note, index) => (
            <li key={`note-${index}`}>{text(note)}</li>
          ))}
        </ul>
      </details>
      <p>{text(report.balance.text)}</p>
      <AssumptionsForm
        key={report.generatedAt}
        report={report}
        onSaved={props.onAssumptionsSaved}
      />
    </section>
  );
}
