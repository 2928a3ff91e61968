import type { StorageArea } from '../../../shared/domain/storage';
import type { SchemaEntry } from './integrity-check';

/** The part of the app a table belongs to (by the tables' naming: lists, list_rows, drafts, …). */
function areaOfTable(table: string): StorageArea {
  if (table.startsWith('list')) return 'lists';
  if (table.startsWith('draft')) return 'drafts';
  if (table.startsWith('submission') || table.startsWith('audit')) return 'submissions';
  if (table.startsWith('monitor')) return 'tasks';
  return 'other';
}

/**
 * Where the damage `PRAGMA quick_check` reported lies, in the app's words, and how many
 * problems it listed.
 *
 * quick_check names b-trees by their root page ("Tree 28 page 11948 cell 21: …") and indexes and
 * tables by name ("wrong # of entries in index …", "NULL value in lists.name"); `sqlite_schema`
 * maps both to a table (https://sqlite.org/pragma.html#pragma_integrity_check).
 */
export function describeDamage(
  lines: readonly string[],
  schema: readonly SchemaEntry[],
): { readonly areas: StorageArea[]; readonly problems: number } {
  const byRoot = new Map(schema.map((entry) => [entry.rootPage, entry.table]));
  const byName = new Map(schema.map((entry) => [entry.name, entry.table]));
  const areas = new Set<StorageArea>();
  let problems = 0;
  for (const message of lines.flatMap((line) => line.split('\n'))) {
    if (message.startsWith('*** in database')) continue;
    problems += 1;
    const tree = /^Tree (\d+) /.exec(message)?.[1];
    const index = /\bindex (\S+)/.exec(message)?.[1];
    const named = /(?:value in|failed in) (\w+)/.exec(message)?.[1];
    const table =
      (tree !== undefined ? byRoot.get(Number(tree)) : undefined) ??
      (index !== undefined ? byName.get(index) : undefined) ??
      named;
    if (table !== undefined) areas.add(areaOfTable(table));
  }
  const order: readonly StorageArea[] = ['lists', 'drafts', 'submissions', 'tasks', 'other'];
  return { areas: order.filter((area) => areas.has(area)), problems };
}
