import { CalleeHasher } from '../../../main/services/lists/callee-fingerprint';
import type { DatabaseSync } from 'node:sqlite';
import { AuditTrail } from '../../../main/services/audit/audit-trail';
import { SqliteListSource } from '../../../main/services/drafts/sqlite-list-source';
import {
  mountItniotech,
  type ItniotechSim,
} from '../../../main/services/sandbox/itniotech/itniotech-sim';
import { SimulatorServer } from '../../../main/services/sandbox/server';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { mountYccall, type YccallSim } from '../../../main/services/sandbox/yccall/yccall-sim';
import { openDatabase } from '../../../main/services/storage/database';
import { SubmissionJournal } from '../../../main/services/submissions/journal';
import { Outbox } from '../../../main/services/submissions/outbox';
import { createUndiciSend, type RetryPolicy } from '../../../main/services/vendors/http';
import { ItniotechClient } from '../../../main/services/vendors/itniotech/client';
import { ItniotechVendor } from '../../../main/services/vendors/itniotech/itniotech-vendor';
import type { Vendor } from '../../../main/services/vendors/vendor';
import { YccallClient } from '../../../main/services/vendors/yccall/client';
import { YccallVendor } from '../../../main/services/vendors/yccall/yccall-vendor';
import { MemoryLogger } from '../../fakes/memory-logger';

/** Simulated accounts; their secrets must never reach the journal, the audit trail or logs. */
export const ITNIO = {
  apiKey: 'OutboxKey1',
  apiSecret: 'itnio-secret-5f2a9e-never-stored',
} as const;
export const YCCALL = {
  appid: 'outbox-app',
  accesskey: 'yc-accesskey-81c3d7-never-stored',
} as const;

/** Valid settings per kind in the simulator. */
export const SETTINGS = {
  predictive: { assignType: 'queue', assignAgent: 'queue-1', callsPerAgent: 2 },
  'cc-preview': { type: 1, voiceGroupId: [1000006], appId: 'iaAJ6COV', calloutRate: 2 },
  'voice-group': {
    appId: 'iaAJ6COV',
    source: 3,
    text: 'Hello',
    lan: 'EN',
    loopCount: 1,
    maxCalls: 60,
  },
} as const;

const FAST_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

/** A simulator serving both vendors on loopback. */
export interface SimSide {
  readonly server: SimulatorServer;
  readonly clock: ManualClock;
  readonly itnio: ItniotechSim;
  readonly yccall: YccallSim;
  close(): Promise<void>;
}

/**
 * Starts the simulator with one account per vendor: strict (the documented rules enforced), or
 * lenient for tests that are about injected faults and crashes rather than request formats.
 */
export async function startSims(options: { readonly strict?: boolean } = {}): Promise<SimSide> {
  const strict = options.strict ?? true;
  const server = new SimulatorServer();
  const clock = new ManualClock();
  const itnio = mountItniotech(server, { strict, clock, seed: 11, accounts: [ITNIO] });
  const yccall = mountYccall(server, { strict, clock, seed: 12, accounts: [YCCALL] });
  await server.start();
  return { server, clock, itnio, yccall, close: () => server.close() };
}

/** Vendors pointed at a simulator URL (also used by the kill-test child). */
export function makeVendors(
  url: string,
  clock: { now(): number },
  options: { timeoutMs?: number; chunkSize?: number; logger?: MemoryLogger } = {},
): { readonly itnio: ItniotechVendor; readonly yccall: YccallVendor } {
  const send = createUndiciSend();
  const timeoutMs = options.timeoutMs ?? 5_000;
  const itnio = new ItniotechVendor({
    accountId: 'acct-itnio',
    clock,
    client: new ItniotechClient({
      apiKey: ITNIO.apiKey,
      getSecret: async () => ITNIO.apiSecret,
      brand: 'itniotech',
      baseUrl: url,
      send,
      clock,
      ...(options.logger ? { logger: options.logger } : {}),
      timeoutMs,
      retry: FAST_RETRY,
    }),
  });
  const yccall = new YccallVendor({
    accountId: 'acct-yccall',
    client: new YccallClient({
      baseUrl: `${url}/`,
      appid: YCCALL.appid,
      getAccessKey: async () => YCCALL.accesskey,
      send,
      clock,
      ...(options.logger ? { logger: options.logger } : {}),
      timeoutMs,
      writeTimeoutMs: timeoutMs * 2,
      retry: FAST_RETRY,
    }),
    serverUtcOffsetMinutes: 0,
    ...(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
  });
  return { itnio, yccall };
}

/** The number at position `i` of a generated list: 13 digits, distinct, valid for both vendors. */
export function phoneAt(prefix: string, i: number): string {
  return `+${prefix}${String(i).padStart(13 - prefix.length, '0')}`;
}

/**
 * Writes an imported list straight into the lists tables: `count` valid rows, plus a few
 * excluded ones so summaries have reasons.
 */
export function insertList(
  db: DatabaseSync,
  listId: string,
  count: number,
  prefix = '8613',
  options: { readonly fingerprint?: boolean; readonly phones?: readonly string[] } = {},
): void {
  // As an import stores it; `fingerprint: false` makes a list imported before it was stored;
  // `phones` gives the numbers themselves (as many as `count`) instead of generated ones.
  const phoneOf = (i: number): string => options.phones?.[i] ?? phoneAt(prefix, i);
  const hasher = new CalleeHasher();
  db.exec('BEGIN');
  try {
    db.prepare(
      `INSERT INTO lists (id, name, status, source_file_name, source_sha256, source_size, sheet,
        header_row, mapping_json, column_names_json, default_country, rule, encoding, total, valid,
        fixed, invalid, duplicate, created_at)
       VALUES (?, ?, 'ready', ?, ?, 1000, 'Sheet1', 1, '{"phone":"A","name":"B"}', '["Phone","Name"]', 'CN', 'mobile', NULL, ?, ?, 0, 2, 1, 0)`,
    ).run(listId, `List ${listId}`, `${listId}.xlsx`, 'ab'.repeat(32), count + 3, count);
    const row = db.prepare(
      `INSERT INTO list_rows (list_id, seq, row_number, status, original, phone, name, var1, reason_code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < count; i += 1) {
      const phone = phoneOf(i);
      row.run(listId, i, i + 2, 'valid', phone, phone, `Name ${i}`, `v${i % 10}`, null);
      hasher.add(phone, `Name ${i}`, [`v${i % 10}`]);
    }
    if (options.fingerprint !== false) {
      const { count: callees, sha256 } = hasher.digest();
      db.prepare('UPDATE lists SET callee_count = ?, callee_sha256 = ? WHERE id = ?').run(
        callees,
        sha256,
        listId,
      );
    }
    row.run(listId, count, count + 2, 'invalid', '12', null, null, null, 'too-short');
    row.run(listId, count + 1, count + 3, 'invalid', 'abc', null, null, null, 'not-a-number');
    row.run(
      listId,
      count + 2,
      count + 4,
      'duplicate',
      phoneOf(0),
      phoneOf(0),
      null,
      null,
      'duplicate',
    );
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** An outbox over a database, with vendors by account id. */
export interface OutboxSide {
  readonly db: DatabaseSync;
  readonly outbox: Outbox;
  readonly audit: AuditTrail;
  readonly journal: SubmissionJournal;
  readonly logger: MemoryLogger;
}

/** Builds an outbox on `db` (default: a fresh in-memory database). */
export function makeOutbox(
  vendors: { readonly itnio: Vendor; readonly yccall: Vendor },
  clock: { now(): number },
  db: DatabaseSync = openDatabase(':memory:'),
  logger = new MemoryLogger(),
): OutboxSide {
  const journal = new SubmissionJournal(db);
  const audit = new AuditTrail(db, clock, '0.1.0-test');
  const outbox = new Outbox({
    journal,
    audit,
    lists: new SqliteListSource(db),
    vendorFor: async (accountId) => (accountId === 'acct-itnio' ? vendors.itnio : vendors.yccall),
    clock,
    logger,
  });
  return { db, outbox, audit, journal, logger };
}

/** Every byte of the database's tables that the outbox writes, as text (to search for secrets). */
export function journalText(db: DatabaseSync): string {
  const parts: string[] = [];
  for (const table of ['submissions', 'audit_entries']) {
    for (const row of db.prepare(`SELECT * FROM ${table}`).iterate())
      parts.push(JSON.stringify(row));
  }
  return parts.join('\n');
}
