import { describe, expect, it } from 'vitest';
import { describeDamage } from '../../../main/services/storage/damage-areas';

const schema = [
  { name: 'lists', table: 'lists', rootPage: 2 },
  { name: 'sqlite_autoindex_lists_1', table: 'lists', rootPage: 3 },
  { name: 'list_rows_by_status', table: 'list_rows', rootPage: 4 },
  { name: 'drafts', table: 'drafts', rootPage: 6 },
  { name: 'audit_entries', table: 'audit_entries', rootPage: 14 },
  { name: 'monitor_tasks', table: 'monitor_tasks', rootPage: 18 },
  { name: 'picker_cache', table: 'picker_cache', rootPage: 9 },
  { name: 'list_rows', table: 'list_rows', rootPage: 28 },
];

describe('where quick_check found damage', () => {
  it('names the part of the app for b-trees by root page, indexes and columns by name', () => {
    // Lines as SQLite 3.53 writes them (one row may hold several, after a "*** in database" line).
    const lines = [
      '*** in database main ***\nTree 28 page 11964 cell 52: Offset 65535 out of range 598..4092\nTree 6 page 40 cell 1: invalid page number 808530489',
      'wrong # of entries in index sqlite_autoindex_lists_1',
      'row 12 missing from index list_rows_by_status',
      'NULL value in audit_entries.at',
      'CHECK constraint failed in monitor_tasks',
      'Tree 9 page 9: btreeInitPage() returns error code 11',
    ];
    expect(describeDamage(lines, schema)).toEqual({
      areas: ['lists', 'drafts', 'submissions', 'tasks', 'other'],
      problems: 7,
    });
  });

  it('says nothing of where when SQLite could not tell', () => {
    expect(describeDamage(['database disk image is malformed'], schema)).toEqual({
      areas: [],
      problems: 1,
    });
    expect(describeDamage(['Multiple uses for byte 2116 of page 11948'], [])).toEqual({
      areas: [],
      problems: 1,
    });
  });
});
