import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/services/storage/database';
import { ListsRepository, type StoredRow } from '../../../main/services/storage/lists-repository';
import {
  runMigrations,
  schemaVersion,
  type Migration,
} from '../../../main/services/storage/migrations';
import { MIGRATIONS } from '../../../main/services/storage/migrations/index';
import { SqliteListSource } from '../../../main/services/drafts/sqlite-list-source';
import { exclusionText } from '../../../main/services/preflight/exclusion-text';

const step = (version: number, sql: string, log: number[]): Migration => ({
  version,
  describe: `step ${String(version)}`,
  up: (db) => {
    log.push(version);
    db.exec(sql);
  },
});

describe('database migrations', () => {
  it('run pending steps in order once and stamp user_version', () => {
    const db = new DatabaseSync(':memory:');
    const log: number[] = [];
    const steps = [step(2, 'CREATE TABLE b (x)', log), step(1, 'CREATE TABLE a (x)', log)];
    expect(runMigrations(db, steps)).toBe(2);
    expect(runMigrations(db, steps)).toBe(2);
    expect(log).toEqual([1, 2]);
    expect(schemaVersion(db)).toBe(2);
    runMigrations(db, [...steps, step(3, 'CREATE TABLE c (x)', log)]);
    expect(log).toEqual([1, 2, 3]);
  });

  it('roll back a failing step and keep the previous version', () => {
    const db = new DatabaseSync(':memory:');
    const log: number[] = [];
    expect(() =>
      runMigrations(db, [
        step(1, 'CREATE TABLE a (x)', log),
        step(2, 'CREATE TABLE b (x); SELECT nope FROM nowhere', log),
      ]),
    ).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('refuse a database from a newer version and reject gaps in numbering', () => {
    const db = new DatabaseSync(':memory:');
    db.exec(`PRAGMA user_version = ${String(MIGRATIONS.length + 1)}`);
    expect(() => runMigrations(db, MIGRATIONS)).toThrow(/newer version/);
    expect(() => runMigrations(new DatabaseSync(':memory:'), [step(2, 'SELECT 1', [])])).toThrow(
      /without gaps/,
    );
  });

  it('bring a version 3 database forward: submissions keep their rows, cc "called" counts derived from remaining are cleared', () => {
    const db = new DatabaseSync(':memory:');
    runMigrations(db, MIGRATIONS.slice(0, 3));
    db.exec(`
      INSERT INTO submissions (id, account_id, kind, name, list_id, callee_count, callee_sha256,
        settings_json, state, stage, created_at, updated_at)
        VALUES ('s1', 'a1', 'predictive', 'Spring', 'l1', 10, 'x', '{}', 'done', 'done', 1, 1);
      INSERT INTO monitor_tasks (row_key, account_id, vendor, kind, task_id, name, state,
        status_code, status_label, total, called, success, failed, transferred, created_at,
        finished_at, seen_at)
        SELECT 'k' || n, 'a1', 'itniotech', kind, 't' || n, 'T', 'cancelled', '14', 'x', 300, 300,
          NULL, 4, 0, NULL, NULL, 0
        FROM (SELECT 1 AS n, 'cc-preview' AS kind UNION ALL SELECT 2, 'voice-group');
    `);
    runMigrations(db, MIGRATIONS);
    expect(db.prepare('SELECT id, held FROM submissions').all()).toEqual([
      { id: 's1', held: null },
    ]);
    expect(db.prepare('SELECT kind, called FROM monitor_tasks ORDER BY task_id').all()).toEqual([
      { kind: 'cc-preview', called: null },
      { kind: 'voice-group', called: 300 },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM submission_refusals').get()).toEqual({ n: 0 });
  });

  it('open the app database in WAL mode at the latest version', () => {
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
  });
});

const row = (seq: number, status: StoredRow['status'], name: string): StoredRow => ({
  seq,
  rowNumber: seq + 2,
  status,
  original: `1380013800${String(seq)}`,
  phone: status === 'invalid' || status === 'flagged' ? null : `+861380013800${String(seq)}`,
  name,
  variables: ['a', 'b'],
  reasonCode: null,
  reasonDetail: null,
});

describe('lists repository', () => {
  const list = {
    id: 'l1',
    name: 'List',
    sourceFileName: 'a.xlsx',
    sourceSha256: 'x',
    sourceSizeBytes: 1,
    sheet: 'S',
    headerRow: 1,
    mapping: { phone: 0, name: 1, variables: [2, 3] },
    columnNames: { phone: 'P', name: 'N', variables: ['A', 'B'] },
    defaultCountry: 'CN',
    rule: 'yccall' as const,
    encoding: null,
    createdAt: 5,
  };

  it('hides a list until it is finished, and removes unfinished lists', () => {
    const repo = new ListsRepository(openDatabase(':memory:'));
    repo.begin(list);
    repo.append('l1', [row(0, 'valid', 'Ann')]);
    expect(repo.summaries()).toEqual([]);
    expect(repo.removeUnfinished()).toBe(1);
    expect(repo.page('l1', {}, 0, 10).total).toBe(0);
  });

  it('pages, filters by status and searches with LIKE wildcards taken literally', () => {
    const repo = new ListsRepository(openDatabase(':memory:'));
    repo.begin(list);
    repo.append('l1', [
      row(0, 'valid', 'Ann'),
      row(1, 'invalid', '50%_off'),
      row(2, 'fixed', 'Bob'),
    ]);
    repo.finish('l1', { total: 3, valid: 1, fixed: 1, invalid: 1, flagged: 0, duplicate: 0 });
    expect(repo.summary('l1')?.counts.total).toBe(3);
    expect(repo.page('l1', {}, 1, 1).rows.map((r) => r.seq)).toEqual([1]);
    expect(
      repo.page('l1', { statuses: ['valid', 'fixed'] }, 0, 10).rows.map((r) => r.name),
    ).toEqual(['Ann', 'Bob']);
    expect(repo.page('l1', { search: '%_' }, 0, 10).rows.map((r) => r.name)).toEqual(['50%_off']);
    expect([...repo.iterate('l1', {}, 2)].map((r) => r.seq)).toEqual([0, 1, 2]);
    expect(repo.page('l1', {}, 0, 1).rows[0]?.variables).toEqual(['a', 'b']);
  });
});

describe('the flagged status (schema step 6)', () => {
  const FLAGGED = ['stored-e-notation', 'lost-digits', 'not-whole-number', 'text-e-notation'];

  /** A version 5 database with a list whose damaged numbers were stored as invalid. */
  function versionFive(): DatabaseSync {
    const db = new DatabaseSync(':memory:');
    db.exec('PRAGMA foreign_keys = ON');
    runMigrations(db, MIGRATIONS.slice(0, 5));
    const list = db.prepare(
      `INSERT INTO lists (id, name, status, source_file_name, source_sha256, source_size, sheet,
         header_row, mapping_json, column_names_json, rule, total, valid, fixed, invalid,
         duplicate, created_at)
       VALUES (?, ?, 'ready', 'a.xlsx', 'x', 1, 'S', 1, ?, ?, 'yccall', ?, ?, 0, ?, ?, 1)`,
    );
    const mapping = JSON.stringify({ phone: 0, name: null, variables: [] });
    const names = JSON.stringify({ phone: 'Phone', name: null, variables: [] });
    list.run('l1', 'Damaged', mapping, names, 7, 1, 5, 1);
    list.run('l2', 'Clean', mapping, names, 2, 1, 1, 0);
    const insert = db.prepare(
      `INSERT INTO list_rows (list_id, seq, row_number, status, original, phone, reason_code,
         reason_detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const rows: [string, string | null][] = [
      ['valid', null],
      ...FLAGGED.map((code): [string, string] => ['invalid', code]),
      ['invalid', 'letters'],
      ['duplicate', 'duplicate'],
    ];
    rows.forEach(([status, code], seq) =>
      insert.run('l1', seq, seq + 2, status, `o${String(seq)}`, null, code, code ? 'd' : null),
    );
    insert.run('l2', 0, 2, 'valid', '13800138000', '+8613800138000', null, null);
    insert.run('l2', 1, 3, 'invalid', '12', null, 'too-short', null);
    return db;
  }

  it('moves rows stored with a damage reason to flagged and their lists’ counts with them', () => {
    const db = versionFive();
    runMigrations(db, MIGRATIONS.slice(0, 6));
    expect(schemaVersion(db)).toBe(6);
    expect(
      db.prepare(`SELECT seq, status, reason_code FROM list_rows WHERE list_id = 'l1'`).all(),
    ).toEqual([
      { seq: 0, status: 'valid', reason_code: null },
      ...FLAGGED.map((code, i) => ({ seq: i + 1, status: 'flagged', reason_code: code })),
      { seq: 5, status: 'invalid', reason_code: 'letters' },
      { seq: 6, status: 'duplicate', reason_code: 'duplicate' },
    ]);
    expect(
      db
        .prepare('SELECT id, total, valid, invalid, flagged, duplicate FROM lists ORDER BY id')
        .all(),
    ).toEqual([
      { id: 'l1', total: 7, valid: 1, invalid: 1, flagged: 4, duplicate: 1 },
      { id: 'l2', total: 2, valid: 1, invalid: 1, flagged: 0, duplicate: 0 },
    ]);
    // The rebuilt table keeps its index, its checks and its tie to the list.
    expect(
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'list_rows'`)
        .all()
        .map((r) => r['name']),
    ).toContain('list_rows_by_status');
    expect(() =>
      db
        .prepare(
          `INSERT INTO list_rows (list_id, seq, row_number, status, original)
          VALUES ('l2', 9, 9, 'bogus', '')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(`DELETE FROM lists WHERE id = 'l2'`).run();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM list_rows WHERE list_id = 'l2'`).get()).toEqual({
      n: 0,
    });
  });

  it('lets the repository count and filter flagged rows, and the list source show them as left out', async () => {
    const db = versionFive();
    runMigrations(db, MIGRATIONS);
    const repo = new ListsRepository(db);
    expect(repo.summary('l1')?.counts).toEqual({
      total: 7,
      valid: 1,
      fixed: 0,
      invalid: 1,
      flagged: 4,
      duplicate: 1,
    });
    expect(repo.page('l1', { statuses: ['flagged'] }, 0, 10).rows.map((r) => r.seq)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(repo.page('l1', { statuses: ['invalid'] }, 0, 10).total).toBe(1);
    const summary = await new SqliteListSource(db).summary('l1');
    expect(summary?.valid).toBe(1);
    const excluded = summary?.excluded ?? [];
    expect(excluded.reduce((sum, e) => sum + e.count, 0)).toBe(6);
    expect(excluded.filter((e) => e.status === 'flagged').map((e) => e.reason)).toEqual(
      expect.arrayContaining(FLAGGED),
    );
    expect(exclusionText('flagged', 'stored-e-notation')).toEqual({
      en: 'Damaged by Excel: Scientific notation (digits lost)',
      'zh-CN': '被 Excel 损坏：科学计数法（数字丢失）',
    });
    expect(exclusionText('invalid', 'letters').en).toBe('Not a phone number');
  });

  it('stores and reads back flagged counts of a new import', () => {
    const repo = new ListsRepository(openDatabase(':memory:'));
    repo.begin({
      id: 'l3',
      name: 'L',
      sourceFileName: 'a.csv',
      sourceSha256: 'x',
      sourceSizeBytes: 1,
      sheet: 'S',
      headerRow: 1,
      mapping: { phone: 0, name: null, variables: [] },
      columnNames: { phone: 'P', name: null, variables: [] },
      defaultCountry: 'CN',
      rule: 'yccall',
      encoding: null,
      createdAt: 1,
    });
    repo.append('l3', [
      { ...row(0, 'flagged', 'A'), phone: null, reasonCode: 'stored-e-notation' },
    ]);
    repo.finish('l3', { total: 1, valid: 0, fixed: 0, invalid: 0, flagged: 1, duplicate: 0 });
    expect(repo.summary('l3')?.counts.flagged).toBe(1);
    expect(repo.page('l3', { statuses: ['flagged'] }, 0, 10).rows[0]?.status).toBe('flagged');
  });
});
