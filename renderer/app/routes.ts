import type { MessageKey } from '../i18n/en';

/** The sections of the shell, in navigation order. */
export const SECTIONS = [
  'tasks',
  'drafts',
  'lists',
  'compliance',
  'accounts',
  'settings',
  'about',
] as const;
export type Section = (typeof SECTIONS)[number];

/** The navigation label of each section. */
export const SECTION_LABEL: Readonly<Record<Section, MessageKey>> = {
  tasks: 'nav.tasks',
  drafts: 'nav.drafts',
  lists: 'nav.lists',
  compliance: 'nav.compliance',
  accounts: 'nav.accounts',
  settings: 'nav.settings',
  about: 'nav.about',
};

/** The section a location hash names, or the default (Tasks). */
export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'tasks';
}

/** The location of the board with one task's detail open (`#/tasks?task=<row key>`). */
export function taskHash(rowKey: string): string {
  return `#/tasks?task=${encodeURIComponent(rowKey)}`;
}

/** The task (row key) a location hash asks the board to open, or null. */
export function taskFromHash(hash: string): string | null {
  if (sectionFromHash(hash) !== 'tasks') return null;
  const query = hash.split('?')[1];
  if (query === undefined) return null;
  const key = new URLSearchParams(query).get('task');
  return key === null || key === '' ? null : key;
}
