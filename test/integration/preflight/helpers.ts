import { NO_CAPABILITIES } from '../../fakes/capabilities';
import type { DatabaseSync } from 'node:sqlite';
import {
  DRAFT_SCHEMA_VERSION,
  NO_COMPLIANCE_CHOICES,
  type Draft,
} from '../../../shared/domain/draft';
import type { ListRow, ListSource, ListSummary } from '../../../main/services/drafts/list-source';
import { AppError } from '../../../main/services/errors';
import type { CalleeSource, ConnectionCheck, Vendor } from '../../../main/services/vendors/vendor';

/** Rows left out of a list by the import, by status and reason. */
export interface Excluded {
  readonly status: 'invalid' | 'duplicate';
  readonly reason: string | null;
  readonly count: number;
}

/** Writes an imported list straight into the lists tables (schema step 1), in one transaction. */
export function insertList(
  db: DatabaseSync,
  listId: string,
  count: number,
  phone: (i: number) => string,
  excluded: readonly Excluded[] = [],
): void {
  const bad = excluded.reduce((sum, e) => sum + e.count, 0);
  const invalid = excluded.filter((e) => e.status === 'invalid').reduce((s, e) => s + e.count, 0);
  db.exec('BEGIN');
  try {
    db.prepare(
      `INSERT INTO lists (id, name, status, source_file_name, source_sha256, source_size, sheet,
         header_row, mapping_json, column_names_json, default_country, rule, encoding, total,
         valid, fixed, invalid, duplicate, created_at)
       VALUES (?, ?, 'ready', ?, ?, 1, 'Sheet1', 1, '{}', '{}', NULL, 'voice', NULL, ?, ?, 0, ?, ?, 0)`,
    ).run(
      listId,
      `List ${listId}`,
      `${listId}.xlsx`,
      'ab'.repeat(32),
      count + bad,
      count,
      invalid,
      bad - invalid,
    );
    const insert = db.prepare(
      `INSERT INTO list_rows (list_id, seq, row_number, status, original, phone, reason_code)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    let seq = 0;
    for (let i = 0; i < count; i += 1, seq += 1) {
      const e164 = phone(i);
      insert.run(listId, seq, seq + 2, 'valid', e164, e164, null);
    }
    for (const e of excluded) {
      for (let i = 0; i < e.count; i += 1, seq += 1) {
        insert.run(listId, seq, seq + 2, e.status, '123', null, e.reason);
      }
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** A ListSource that counts how often rows were read. */
export class CountingListSource implements ListSource {
  rowReads = 0;
  constructor(private readonly inner: ListSource) {}
  summary(listId: string): Promise<ListSummary | null> {
    return this.inner.summary(listId);
  }
  rows(listId: string): AsyncIterable<readonly ListRow[]> {
    this.rowReads += 1;
    return this.inner.rows(listId);
  }
  callees(listId: string, count: number): CalleeSource {
    this.rowReads += 1;
    return this.inner.callees(listId, count);
  }
}

/** A draft with every field set; override what a test is about. */
export function draftOf(overrides: Partial<Draft> = {}): Draft {
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id: 'd1',
    accountId: 'acc-itnio',
    kind: 'voice-group',
    name: 'June promo',
    listId: 'l1',
    settings: { appId: 'app-1', source: 3, text: 'Hello', lan: 'en', maxCalls: 60 },
    schedule: { timeZone: 'Asia/Shanghai', sendAt: null, windows: [] },
    compliance: { ...NO_COMPLIANCE_CHOICES },
    origin: 'manager',
    notes: '',
    revision: 1,
    createdAt: '2025-06-01T00:00:00.000Z',
    updatedAt: '2025-06-01T00:00:00.000Z',
    ...overrides,
  };
}

const unsupported = (): never => {
  throw new AppError('INTERNAL', { en: 'Not part of this fake.', 'zh-CN': '测试替身不支持。' });
};

/** A vendor whose connection test answers `check` (or throws `error`); it counts the tests. */
export function balanceVendor(
  accountId: string,
  answer: ConnectionCheck | AppError,
): Vendor & { tests: number } {
  const vendor = {
    tests: 0,
    vendor: 'itniotech' as const,
    accountId,
    kinds: ['cc-preview', 'voice-group', 'ai-agent-group'] as const,
    capabilities: () => NO_CAPABILITIES,
    async testConnection(): Promise<ConnectionCheck> {
      vendor.tests += 1;
      if (answer instanceof AppError) throw answer;
      return answer;
    },
    listTasks: unsupported,
    getTask: unsupported,
    listNumberResults: unsupported,
    createTask: unsupported,
    findTaskByName: unsupported,
    readBack: unsupported,
    dialledForm: (_kind: string, phone: string) => phone.replace(/\D/g, ''),
    resend: unsupported,
    pause: unsupported,
    resume: unsupported,
    cancel: unsupported,
    edit: unsupported,
    loadPickers: unsupported,
  };
  return vendor;
}
