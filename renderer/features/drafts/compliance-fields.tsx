import { useState } from 'react';
import {
  DEFAULT_COMPLIANCE_SETTINGS,
  type DraftCompliance,
  type RecipientWindow,
} from '../../../shared/domain/compliance';
import { useI18n } from '../../i18n/i18n';
import { WindowInputs } from '../compliance/window-inputs';

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/**
 * The draft editor's compliance choices (issue 17): the history rule, the calling window in the
 * recipient's time, and the split by zone. DNC lists always apply, so they are only named.
 *
 * A value that is not valid yet (a half-typed number of days or time) stays in the field and is
 * not saved until it is; the draft keeps its last valid choice meanwhile.
 */
export function ComplianceFields(props: {
  value: DraftCompliance;
  onChange: (next: DraftCompliance) => void;
}) {
  const { t } = useI18n();
  const { value } = props;
  const [days, setDays] = useState(String(value.recentCallDays));
  const [hours, setHours] = useState<RecipientWindow>(
    value.callingWindow ?? DEFAULT_COMPLIANCE_SETTINGS.callingWindow,
  );
  const daysValid = /^\d{1,3}$/.test(days.trim()) && Number(days) <= 365;

  const onDays = (text: string) => {
    setDays(text);
    if (/^\d{1,3}$/.test(text.trim()) && Number(text) <= 365)
      props.onChange({ ...value, recentCallDays: Number(text) });
  };
  const onWindow = (next: RecipientWindow) => {
    setHours(next);
    if (TIME.test(next.start) && TIME.test(next.end))
      props.onChange({ ...value, callingWindow: next });
  };

  return (
    <fieldset className="compliance-fields" data-testid="compliance-fields">
      <legend>{t('compliance.draft.legend')}</legend>
      <p className="muted">{t('compliance.draft.dncAlways')}</p>
      <div className="form-row">
        <label htmlFor="draft-recent-days">{t('compliance.draft.recentDays')}</label>
        <span className="inline">
          <input
            id="draft-recent-days"
            className="narrow"
            inputMode="numeric"
            value={days}
            aria-invalid={!daysValid}
            aria-describedby="draft-recent-days-note"
            onChange={(event) => onDays(event.target.value)}
          />
          <span>{t('compliance.defaults.recentDays.unit')}</span>
        </span>
        <p id="draft-recent-days-note" className={daysValid ? 'field-hint' : 'field-error'}>
          {daysValid ? t('compliance.draft.recentDays.hint') : t('compliance.defaults.badDays')}
        </p>
      </div>
      <div className="form-row">
        <span className="label" id="draft-calling-window-label">
          {t('compliance.draft.window')}
        </span>
        <span className="inline">
          <label className="radio">
            <input
              id="draft-calling-window-check"
              type="checkbox"
              checked={value.callingWindow !== null}
              onChange={(event) =>
                props.onChange({ ...value, callingWindow: event.target.checked ? hours : null })
              }
            />
            {t('compliance.draft.window.check')}
          </label>
          <WindowInputs
            idPrefix="draft-calling-window"
            labelledBy="draft-calling-window-label"
            value={hours}
            onChange={onWindow}
            disabled={value.callingWindow === null}
          />
        </span>
        <p className="field-hint">
          {value.callingWindow === null ? t('compliance.draft.window.off') : ''}
        </p>
      </div>
      <div className="form-row">
        <span />
        <label className="radio">
          <input
            id="draft-split-by-zone"
            type="checkbox"
            checked={value.splitByZone}
            onChange={(event) => props.onChange({ ...value, splitByZone: event.target.checked })}
          />
          {t('compliance.draft.split')}
        </label>
        <p className="field-hint">{t('compliance.draft.split.hint')}</p>
      </div>
    </fieldset>
  );
}
