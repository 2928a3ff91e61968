import type { MessageKey } from '../i18n/en';

/** The sections of the shell, in navigation order. */
export const SECTIONS = ['tasks', 'drafts', 'lists', 'accounts', 'settings', 'about'] as const;
export type Section = (typeof SECTIONS)[number];

/** The navigation label of each section. */
export const SECTION_LABEL: Readonly<Record<Section, MessageKey>> = {
  tasks: 'nav.tasks',
  drafts: 'nav.drafts',
  lists: 'nav.lists',
  accounts: 'nav.accounts',
  settings: 'nav.settings',
  about: 'nav.about',
};

/** The section a location hash names, or the default (Tasks). */
export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'tasks';
}

/** The hash that opens one task on the board ("Open on the board" from a sent draft). */
export function taskHash(rowKey: string): string {
  return `#/tasks?task=${encodeURIComponent(rowKey)}`;
}

/** The board row key a hash asks to open (see `taskHash`), or null. */
export function taskToOpen(hash: string): string | null {
  const query = hash.replace(/^#\/?/, '').split('?')[1];
  if (query === undefined) return null;
  const key = new URLSearchParams(query).get('task');
  return key === null || key === '' ? null : key;
}
