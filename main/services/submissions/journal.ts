import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../storage/transaction';
import type { TaskKind } from '../../../shared/domain/task';
import type { SubmissionStage, SubmissionState } from '../../../shared/domain/submission';
import type { CreateCheckpoint } from '../vendors/vendor';

/** A journaled error: what the person reads, and the code the screen reacts to. */
export interface JournalError {
  readonly code: string;
  readonly text: { readonly en: string; readonly 'zh-CN': string };
  /** For a submission waiting for the vendor: how many tries in a row ended without an answer. */
  readonly tries?: number;
}

/** One submission as the journal holds it. */
export interface JournalRecord {
  readonly seq: number;
  readonly id: string;
  readonly accountId: string;
  readonly kind: TaskKind;
  readonly name: string;
  readonly draftId: string | null;
  readonly listId: string;
  readonly calleeCount: number;
  readonly calleeSha256: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly state: SubmissionState;
  readonly stage: SubmissionStage;
  /** True once a create request may have left: from then on every attempt reconciles first. */
  readonly sent: boolean;
  readonly checkpoint: CreateCheckpoint | null;
  readonly taskId: string | null;
  readonly confirmed: number;
  /** Numbers the vendor's read-back of the task says it holds (null until read back). */
  readonly held: number | null;
  readonly attempts: number;
  readonly error: JournalError | null;
  readonly nextAttemptAt: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The fields a step may change. */
export type JournalPatch = Partial<
  Pick<
    JournalRecord,
    | 'state'
    | 'stage'
    | 'sent'
    | 'checkpoint'
    | 'taskId'
    | 'confirmed'
    | 'held'
    | 'attempts'
    | 'error'
    | 'nextAttemptAt'
    | 'listId'
    | 'calleeCount'
    | 'calleeSha256'
  >
>;

const COLUMNS: Readonly<Record<keyof JournalPatch, string>> = {
  state: 'state',
  stage: 'stage',
  sent: 'sent',
  checkpoint: 'checkpoint_json',
  taskId: 'task_id',
  confirmed: 'confirmed',
  held: 'held',
  attempts: 'attempts',
  error: 'error_json',
  nextAttemptAt: 'next_attempt_at',
  listId: 'list_id',
  calleeCount: 'callee_count',
  calleeSha256: 'callee_sha256',
};

type SqlValue = string | number | null;

function columnValue(key: keyof JournalPatch, value: unknown): SqlValue {
  if (key === 'sent') return value ? 1 : 0;
  if (key === 'checkpoint' || key === 'error') return value === null ? null : JSON.stringify(value);
  return (value ?? null) as SqlValue;
}

function parseJson<T>(value: unknown): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : null;
}

function recordOf(row: Record<string, unknown>): JournalRecord {
  return {
    seq: Number(row['seq']),
    id: String(row['id']),
    accountId: String(row['account_id']),
    kind: String(row['kind']) as TaskKind,
    name: String(row['name']),
    draftId: row['draft_id'] === null ? null : String(row['draft_id']),
    listId: String(row['list_id']),
    calleeCount: Number(row['callee_count']),
    calleeSha256: String(row['callee_sha256']),
    settings: parseJson<Record<string, unknown>>(row['settings_json']) ?? {},
    state: String(row['state']) as SubmissionState,
    stage: String(row['stage']) as SubmissionStage,
    sent: Number(row['sent']) === 1,
    checkpoint: parseJson<CreateCheckpoint>(row['checkpoint_json']),
    taskId: row['task_id'] === null ? null : String(row['task_id']),
    confirmed: Number(row['confirmed']),
    held: row['held'] === null || row['held'] === undefined ? null : Number(row['held']),
    attempts: Number(row['attempts']),
    error: parseJson<JournalError>(row['error_json']),
    nextAttemptAt: row['next_attempt_at'] === null ? null : Number(row['next_attempt_at']),
    createdAt: Number(row['created_at']),
    updatedAt: Number(row['updated_at']),
  };
}

/** A number the vendor refused, by its position in the submitted list. */
export interface Refusal {
  readonly position: number;
  /** As the app holds it (E.164). */
  readonly phone: string;
  /** As it was sent to the vendor. */
  readonly sent: string;
  readonly reason: 'invalid' | 'not-held';
}

/** What a new submission records. */
export interface NewSubmission {
  readonly id: string;
  readonly accountId: string;
  readonly kind: TaskKind;
  readonly name: string;
  readonly draftId: string | null;
  readonly listId: string;
  readonly calleeCount: number;
  readonly calleeSha256: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

/**
 * The submissions journal: one row per submission, rewritten in place at every step.
 *
 * Every write is its own committed transaction (or part of the caller's, see `transaction`), so
 * what the journal says is on disk before the next request leaves, provided the connection runs
 * with `synchronous = FULL` (see `openJournalDatabase`).
 */
export class SubmissionJournal {
  constructor(readonly db: DatabaseSync) {}

  /** Runs `work` in one IMMEDIATE transaction (nested calls join the outer one). */
  transaction<T>(work: () => T): T {
    return inTransaction(this.db, work);
  }

  /** Inserts a queued submission. */
  insert(submission: NewSubmission, now: number): JournalRecord {
    this.db
      .prepare(
        `INSERT INTO submissions (id, account_id, kind, name, draft_id, list_id, callee_count,
           callee_sha256, settings_json, state, stage, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 'queued', ?, ?)`,
      )
      .run(
        submission.id,
        submission.accountId,
        submission.kind,
        submission.name,
        submission.draftId,
        submission.listId,
        submission.calleeCount,
        submission.calleeSha256,
        JSON.stringify(submission.settings),
        now,
        now,
      );
    return this.mustGet(submission.id);
  }

  /** Changes some fields. */
  update(id: string, patch: JournalPatch, now: number): JournalRecord {
    const keys = (Object.keys(patch) as (keyof JournalPatch)[]).filter(
      (key) => patch[key] !== undefined,
    );
    const sets = keys.map((key) => `${COLUMNS[key]} = ?`);
    const values = keys.map((key) => columnValue(key, patch[key]));
    this.db
      .prepare(`UPDATE submissions SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`)
      .run(...values, now, id);
    return this.mustGet(id);
  }

  /** One submission, or null. */
  get(id: string): JournalRecord | null {
    const row = this.db.prepare('SELECT * FROM submissions WHERE id = ?').get(id);
    return row ? recordOf(row) : null;
  }

  /** One submission that must exist. */
  mustGet(id: string): JournalRecord {
    const record = this.get(id);
    if (!record) throw new Error(`No submission ${id} in the journal.`);
    return record;
  }

  /** A live (not cancelled) submission with this name, if any. */
  findByName(accountId: string, kind: TaskKind, name: string): JournalRecord | null {
    const row = this.db
      .prepare(
        `SELECT * FROM submissions WHERE account_id = ? AND kind = ? AND name = ? AND state <> 'cancelled'`,
      )
      .get(accountId, kind, name);
    return row ? recordOf(row) : null;
  }

  /** Every submission, oldest first. */
  all(): JournalRecord[] {
    return this.db.prepare('SELECT * FROM submissions ORDER BY seq').all().map(recordOf);
  }

  /** Submissions not yet finished, oldest first. */
  unfinished(): JournalRecord[] {
    return this.db
      .prepare(
        `SELECT * FROM submissions WHERE state IN ('queued', 'sending', 'waiting', 'attention') ORDER BY seq`,
      )
      .all()
      .map(recordOf);
  }

  /** Records numbers the vendor refused (a number refused again keeps its first record). */
  addRefusals(id: string, refusals: readonly Refusal[], now: number): void {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO submission_refusals (submission_id, position, phone, sent, reason, at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const refusal of refusals) {
      insert.run(id, refusal.position, refusal.phone, refusal.sent, refusal.reason, now);
    }
  }

  /** How many numbers the vendor refused in a submission. */
  refusalCount(id: string): number {
    const row = this.db
      .prepare('SELECT COUNT(*) AS n FROM submission_refusals WHERE submission_id = ?')
      .get(id);
    return Number(row?.['n'] ?? 0);
  }

  /** The refused numbers of a submission, in list order (the first `limit`). */
  refusals(id: string, limit = Number.MAX_SAFE_INTEGER): Refusal[] {
    return this.db
      .prepare(
        `SELECT position, phone, sent, reason FROM submission_refusals
         WHERE submission_id = ? ORDER BY position LIMIT ?`,
      )
      .all(id, limit)
      .map((row) => ({
        position: Number(row['position']),
        phone: String(row['phone']),
        sent: String(row['sent']),
        reason: String(row['reason']) === 'invalid' ? 'invalid' : 'not-held',
      }));
  }
}
