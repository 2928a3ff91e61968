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

/** An ISO 8601 instant in UTC, as main sends every time the vendor wrote in its own clock. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A vendor value as a manager reads it: coded values with their meaning ("3 · text to speech"),
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
  if (known(code)) return `${String(value)} · ${t(code)}`;
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
