import type { Translate } from '../../i18n/translate';
import { tasksEn } from './messages';

type Key = Parameters<Translate>[0];

/** Whether a message key exists (vendor field keys are only known at run time). */
export function known(key: string): key is Key {
  return key in tasksEn;
}

/** A vendor field's label in the manager's words (the vendor's key when we have none). */
export function fieldLabel(t: Translate, key: string): string {
  const id = `tasks.field.${key}`;
  return known(id) ? t(id) : key;
}

/** A detail group's title (the group id when we have none). */
export function groupLabel(t: Translate, group: string): string {
  const id = `tasks.group.${group}`;
  return known(id) ? t(id) : group;
}

/** The vendor fields whose values are codes with a meaning (`tasks.code.<field>.<code>`). */
const CODED_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(tasksEn)
    .filter((id) => id.startsWith('tasks.code.'))
    .map((id) => id.split('.')[2] ?? ''),
);

const capitalized = (text: string): string =>
  `${text.charAt(0).toLocaleUpperCase()}${text.slice(1)}`;

/** An ISO 8601 instant in UTC, as main sends every time the vendor wrote in its own clock. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A vendor value as a manager reads it: coded values by their meaning ("Text to speech"; a code
 * no table lists as "Unknown (9)"),
 * times in the manager's zone (the detail names the vendor's zone beside them), lists (sent as
 * JSON text) joined, numbers in the UI language, '—' for nothing.
 */
export function fieldText(
  t: Translate,
  locale: string,
  key: string,
  value: string | number | boolean | null,
): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string' && INSTANT.test(value)) {
    return new Date(value).toLocaleString(locale);
  }
  const code = `tasks.code.${key}.${String(value)}`;
  if (known(code)) return capitalized(t(code));
  // A coded field with a code no table lists: words first, the code after them.
  if (CODED_FIELDS.has(key)) return t('tasks.code.unknown', { code: String(value) });
  if (typeof value === 'number') return value.toLocaleString(locale);
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(value);
      if (Array.isArray(list)) return list.map(String).join(', ');
    } catch {
      // Not JSON after all: shown as it came.
    }
  }
  return String(value);
}
