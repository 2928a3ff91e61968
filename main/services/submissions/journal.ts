import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../storage/transaction';
import type { TaskKind } from '../../../shared/domain/task';
import type { SubmissionStage, SubmissionState } from '../../../shared/domain/submission';
import type { CreateCheckpoint } from '../vendors/vendor';

/** A journaled error: what the person reads, and the code the screen reacts to. */
export interface JournalError {
  readonly code: string;
  readonly text: { readonly en: string; readonly 'zh-CN': string };
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
    | 'attempts'
    | 'error'
    | 'nextAttemptAt'
  >
>;

const COLUMNS: Readonly<Record<keyof JournalPatch, string>> = {
  state: 'state',
  stage: 'stage',
  sent: 'sent',
  checkpoint: 'checkpoint_json',
  taskId: 'task_id',
  confirmed: 'confirmed',
  attempts: 'attempts',
  error: 'error_json',
  nextAttemptAt: 'next_attempt_at',
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
    attempts: Number(row['attempts']),
    error: parseJson<JournalError>(row['error_json']),
    nextAttemptAt: row['next_attempt_at'] === null ? null : Number(row['next_attempt_at']),
    createdAt: Number(row['created_at']),
    updatedAt: Number(row['updated_at']),
  };
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
}
