import type { MessageKey } from '../../i18n/en';
import { countryLabel } from '../../components/countries';
import { errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/**
 * What the last change did, shown above the form that made it: a notice of the app's own,
 * kept as a message key so it follows a change of language, or main's message for a failure.
 */
export type Outcome =
  | {
      readonly kind: 'notice';
      readonly key: MessageKey;
      readonly params?: Readonly<Record<string, string | number>>;
    }
  | {
      readonly kind: 'problem';
      readonly key: MessageKey;
      readonly params?: Readonly<Record<string, string | number>>;
    }
  | { readonly kind: 'failure'; readonly text: string }
  | null;

/** A notice of the app's own. */
export function notice(
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
): Outcome {
  return params ? { kind: 'notice', key, params } : { kind: 'notice', key };
}

/** A problem the app finds itself before asking main (e.g. a date not chosen yet). */
export function problem(
  key: MessageKey,
  params?: Readonly<Record<string, string | number>>,
): Outcome {
  return params ? { kind: 'problem', key, params } : { kind: 'problem', key };
}

/** A failure: main's message for a person (or the error's own text). */
export function failure(error: unknown): Outcome {
  return { kind: 'failure', text: errorMessage(error) };
}

/**
 * Shows an outcome, or nothing: numbers in the current language's format, and a `country`
 * parameter (a country code) as the country's name in that language.
 */
export function OutcomeLine(props: { outcome: Outcome }) {
  const { t, locale } = useI18n();
  const { outcome } = props;
  if (outcome === null) return null;
  if (outcome.kind === 'failure')
    return (
      <p className="form-failure" role="alert">
        {outcome.text}
      </p>
    );
  const params: Record<string, string> = Object.fromEntries(
    Object.entries(outcome.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'number'
        ? value.toLocaleString(locale)
        : name === 'country'
          ? countryLabel(value, locale)
          : value,
    ]),
  );
  return outcome.kind === 'problem' ? (
    <p className="form-failure" role="alert">
      {t(outcome.key, params)}
    </p>
  ) : (
    <p className="notice" role="status">
      {t(outcome.key, params)}
    </p>
  );
}
