import { useState, type FormEvent } from 'react';
import type { PreflightReport } from '../../../shared/domain/preflight';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

type Editable = 'concurrency' | 'averageCallSeconds' | 'answerRate' | 'ratePerMinute' | 'currency';
const FIELDS: readonly Editable[] = [
  'concurrency',
  'averageCallSeconds',
  'answerRate',
  'ratePerMinute',
  'currency',
];

/** The per-account estimate assumptions the review used, editable; saving reviews again. */
export function AssumptionsForm(props: { report: PreflightReport; onSaved: () => void }) {
  const { t } = useI18n();
  const initial = Object.fromEntries(
    props.report.estimate.assumptions.map((assumption) => [
      assumption.key,
      assumption.key === 'answerRate'
        ? String(Math.round(Number(assumption.value) * 1000) / 10)
        : String(assumption.value),
    ]),
  );
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [failure, setFailure] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const settings: Record<string, number | string> = {};
    for (const field of FIELDS) {
      const text = (values[field] ?? '').trim();
      if (text === '') continue;
      if (field === 'currency') settings[field] = text;
      else if (field === 'answerRate') settings[field] = Number(text) / 100;
      else settings[field] = Number(text);
    }
    try {
      await call('preflight.setEstimateSettings', { accountId: props.report.accountId, settings });
      props.onSaved();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} aria-label={t('preflight.assumptions')}>
      <h3>{t('preflight.assumptions')}</h3>
      {FIELDS.map((field) => (
        <div className="form-row" key={field}>
          <label htmlFor={`assumption-${field}`}>{t(`preflight.${field}`)}</label>
          <input
            id={`assumption-${field}`}
            value={values[field] ?? ''}
            inputMode={field === 'currency' ? undefined : 'decimal'}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
          />
          <p />
        </div>
      ))}
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">{t('preflight.saveAssumptions')}</button>
      </div>
    </form>
  );
}
