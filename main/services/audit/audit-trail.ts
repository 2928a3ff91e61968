import { createHash } from 'node:crypto';
import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import type { Clock, KeyValueStore } from '../../ports';
import { canonicalJson, withoutSecrets } from './canonical-json';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What happened, as the audit trail names it. */
export type AuditEntryType =
  | 'submission.queued'
  | 'submission.attempt'
  | 'submission.reconciled'
  | 'submission.chunk'
  | 'submission.response'
  | 'submission.request'
  | 'submission.failed'
  | 'submission.created'
  | 'submission.readBack'
  | 'submission.done'
  | 'submission.cancelled'
  /** Calling compliance (issue 17): the check a submission was sent with, and its exclusions. */
  | 'compliance.checked'
  | 'compliance.excluded';

/** One entry as read back. */
export interface AuditEntry {
  readonly seq: number;
  /** Epoch ms. */
  readonly at: number;
  readonly type: string;
  readonly submissionId: string | null;
  readonly payload: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** Something wrong with the chain, found by `verify`. */
export interface AuditProblem {
  readonly seq: number;
  /**
   * - `edited`: the entry's content no longer matches its hash
   * - `broken-link`: its `prevHash` is not the previous entry's hash (an entry before it was
   *   removed or replaced)
   * - `missing`: sequence numbers jump (entries removed)
   * - `tail-removed`: the last entries recorded in the anchor are gone
   */
  readonly problem: 'edited' | 'broken-link' | 'missing' | 'tail-removed';
}

/** The result of checking the whole chain. */
export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly problems: readonly AuditProblem[];
}

const ANCHOR_KEY = 'audit.head';

function hashOf(
  prevHash: string,
  entry: { seq: number; at: number; type: string; submissionId: string | null; payload: string },
): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        seq: entry.seq,
        at: entry.at,
        type: entry.type,
        submissionId: entry.submissionId,
        payload: entry.payload,
      }),
    )
    .digest('hex');
}

/** An entry from its database row. */
function entryOf(row: Record<string, SQLOutputValue>): AuditEntry {
  return {
    seq: Number(row['seq']),
    at: Number(row['at']),
    type: String(row['type']),
    submissionId: row['submission_id'] === null ? null : String(row['submission_id']),
    payload: parseOrText(String(row['payload_json'])),
    prevHash: String(row['prev_hash']),
    hash: String(row['hash']),
  };
}

/**
 * The append-only, hash-chained record of every submission (DESIGN.md "Where data lives").
 *
 * Each entry stores the SHA-256 of the previous entry's hash and its own content, so changing or
 * deleting any entry breaks the chain from there on. The database refuses UPDATE and DELETE
 * (triggers); the chain catches edits made around the app. With a `KeyValueStore` anchor the
 * head (last seq and hash) is also kept outside the database, so cutting off the newest entries
 * is detected too. Payloads are stored without secret-looking keys.
 */
export class AuditTrail {
  constructor(
    private readonly db: DatabaseSync,
    private readonly clock: Clock,
    private readonly appVersion: string,
    private readonly anchor?: KeyValueStore,
  ) {}

  /** Appends an entry (call inside the caller's transaction to make both durable together). */
  append(type: AuditEntryType, submissionId: string | null, payload: unknown): AuditEntry {
    const last = this.db
      .prepare('SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1')
      .get();
    const seq = last ? Number(last['seq']) + 1 : 1;
    const prevHash = last ? String(last['hash']) : GENESIS_HASH;
    const at = this.clock.now();
    const body = canonicalJson(
      withoutSecrets({ ...asObject(payload), appVersion: this.appVersion }),
    );
    const hash = hashOf(prevHash, { seq, at, type, submissionId, payload: body });
    this.db
      .prepare(
        'INSERT INTO audit_entries (seq, at, type, submission_id, payload_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(seq, at, type, submissionId, body, prevHash, hash);
    this.anchor?.set(ANCHOR_KEY, { seq, hash });
    return { seq, at, type, submissionId, payload: JSON.parse(body) as unknown, prevHash, hash };
  }

  /** The newest entries first, a page at a time (for the in-app view). */
  recent(limit: number, beforeSeq?: number): AuditEntry[] {
    const rows =
      beforeSeq === undefined
        ? this.db.prepare('SELECT * FROM audit_entries ORDER BY seq DESC LIMIT ?').all(limit)
        : this.db
            .prepare('SELECT * FROM audit_entries WHERE seq < ? ORDER BY seq DESC LIMIT ?')
            .all(beforeSeq, limit);
    return rows.map(entryOf);
  }

  /** Entries in order, optionally of one submission. */
  entries(filter: { readonly submissionId?: string } = {}): AuditEntry[] {
    const rows =
      filter.submissionId === undefined
        ? this.db.prepare('SELECT * FROM audit_entries ORDER BY seq').all()
        : this.db
            .prepare('SELECT * FROM audit_entries WHERE submission_id = ? ORDER BY seq')
            .all(filter.submissionId);
    return rows.map(entryOf);
  }

  /** Recomputes the chain and reports every entry that was edited, removed or cut off. */
  verify(): AuditVerification {
    const problems: AuditProblem[] = [];
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let count = 0;
    let lastSeq = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_entries ORDER BY seq').iterate()) {
      count += 1;
      const seq = Number(row['seq']);
      const stored = String(row['hash']);
      if (seq !== expectedSeq) problems.push({ seq, problem: 'missing' });
      if (String(row['prev_hash']) !== prevHash) problems.push({ seq, problem: 'broken-link' });
      const recomputed = hashOf(String(row['prev_hash']), {
        seq,
        at: Number(row['at']),
        type: String(row['type']),
        submissionId: row['submission_id'] === null ? null : String(row['submission_id']),
        payload: String(row['payload_json']),
      });
      if (recomputed !== stored) problems.push({ seq, problem: 'edited' });
      prevHash = stored;
      expectedSeq = seq + 1;
      lastSeq = seq;
    }
    const head = this.anchor?.get(ANCHOR_KEY);
    if (isHead(head) && (head.seq > lastSeq || (head.seq === lastSeq && head.hash !== prevHash))) {
      problems.push({ seq: head.seq, problem: 'tail-removed' });
    }
    return { ok: problems.length === 0, entries: count, problems };
  }
}

function asObject(payload: unknown): Record<string, unknown> {
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : { value: payload };
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isHead(value: unknown): value is { seq: number; hash: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { seq?: unknown }).seq === 'number' &&
    typeof (value as { hash?: unknown }).hash === 'string'
  );
}
