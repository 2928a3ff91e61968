import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { exportAuditJson, exportAuditXlsx } from '../../../main/services/audit/audit-export';
import { AuditTrail } from '../../../main/services/audit/audit-trail';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { openDatabase } from '../../../main/services/storage/database';
import type { KeyValueStore } from '../../../main/ports';

class MapStore implements KeyValueStore {
  readonly path = ':memory:';
  private readonly map = new Map<string, unknown>();
  get(key: string): unknown {
    return this.map.get(key);
  }
  set(key: string, value: unknown): void {
    this.map.set(key, value);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

let db: DatabaseSync;
let trail: AuditTrail;

beforeEach(() => {
  db = openDatabase(':memory:');
  trail = new AuditTrail(db, new ManualClock(), '9.9.9', new MapStore());
  for (let i = 1; i <= 5; i += 1) {
    trail.append('submission.chunk', 's1', {
      chunk: i,
      request: { token: 'tok-SECRET', accessKey: 'ak-SECRET', name: `n${i}` },
    });
  }
});

describe('AuditTrail', () => {
  it('chains entries, records the app version and never stores secret-looking fields', () => {
    const entries = trail.entries();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    expect(entries[0]?.payload).toMatchObject({
      appVersion: '9.9.9',
      request: { token: '[redacted]', accessKey: '[redacted]', name: 'n1' },
    });
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_entries').all())).not.toContain('SECRET');
    expect(trail.verify()).toEqual({ ok: true, entries: 5, problems: [] });
  });

  it('refuses updates and deletes through SQL', () => {
    expect(() => db.prepare("UPDATE audit_entries SET type = 'x' WHERE seq = 2").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_entries WHERE seq = 2').run()).toThrow(
      /append-only/,
    );
  });

  it('reports an entry edited behind the app (triggers dropped)', () => {
    db.exec('DROP TRIGGER audit_entries_no_update');
    db.prepare(
      `UPDATE audit_entries SET payload_json = replace(payload_json, '"n3"', '"n33"') WHERE seq = 3`,
    ).run();
    expect(trail.verify()).toEqual({
      ok: false,
      entries: 5,
      problems: [{ seq: 3, problem: 'edited' }],
    });
  });

  it('reports a deleted entry and a cut-off tail', () => {
    db.exec('DROP TRIGGER audit_entries_no_delete');
    db.prepare('DELETE FROM audit_entries WHERE seq = 2').run();
    expect(trail.verify().problems).toEqual([
      { seq: 3, problem: 'missing' },
      { seq: 3, problem: 'broken-link' },
    ]);
    db.prepare('DELETE FROM audit_entries WHERE seq >= 4').run();
    expect(trail.verify().problems).toContainEqual({ seq: 5, problem: 'tail-removed' });
  });

  it('exports to JSON and .xlsx with every entry and the verification', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'audit-'));
    try {
      expect(await exportAuditJson(trail, join(folder, 'a.json'))).toBe(5);
      const json = JSON.parse(await readFile(join(folder, 'a.json'), 'utf8')) as {
        entries: unknown[];
        verification: { ok: boolean };
      };
      expect(json.entries).toHaveLength(5);
      expect(json.verification.ok).toBe(true);
      expect(await exportAuditXlsx(trail, join(folder, 'a.xlsx'))).toBe(5);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(folder, 'a.xlsx'));
      const sheet = book.getWorksheet('Audit trail');
      expect(sheet?.rowCount).toBe(6);
      expect(sheet?.getRow(2).getCell(7).text).toBe(trail.entries()[0]?.hash);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
