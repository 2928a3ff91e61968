import type { RecipientWindow } from '../../../shared/domain/compliance';
import { useI18n } from '../../i18n/i18n';

/** The two times of a daily calling window in the recipient's time (`HH:mm`). */
export function WindowInputs(props: {
  idPrefix: string;
  labelledBy: string;
  value: RecipientWindow;
  onChange: (next: RecipientWindow) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const { idPrefix, value } = props;
  return (
    <span className="inline window-inputs" role="group" aria-labelledby={props.labelledBy}>
      <label htmlFor={`${idPrefix}-start`}>{t('compliance.window.start')}</label>
      <input
        id={`${idPrefix}-start`}
        type="time"
        value={value.start}
        disabled={props.disabled}
        onChange={(event) => props.onChange({ ...value, start: event.target.value })}
      />
      <label htmlFor={`${idPrefix}-end`}>{t('compliance.window.end')}</label>
      <input
        id={`${idPrefix}-end`}
        type="time"
        value={value.end}
        disabled={props.disabled}
        onChange={(event) => props.onChange({ ...value, end: event.target.value })}
      />
    </span>
  );
}
