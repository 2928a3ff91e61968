import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { TaskKindSchema, type TaskKind } from '../../../shared/domain/task';

/** What the submissions journal says the app sent to create one vendor task. */
export interface SubmittedTaskRecord {
  readonly accountId: string;
  readonly kind: TaskKind;
  readonly taskId: string;
  /** The list the callees were read from (by id; the list may have been removed since). */
  readonly listId: string;
  /** How many callees were sent, and their fingerprint (submissions/callees.ts `readCallees`). */
  readonly calleeCount: number;
  readonly calleeSha256: string;
  /** The vendor settings the task was created with, as the outbox sent them. */
  readonly settings: Readonly<Record<string, unknown>>;
}

const RowSchema = z.object({
  account_id: z.string(),
  kind: TaskKindSchema,
  task_id: z.string(),
  list_id: z.string(),
  callee_count: z.coerce.number(),
  callee_sha256: z.string(),
  settings_json: z.string(),
});

const CreatedAtSchema = z.object({ created_at: z.coerce.number() });

function settingsOf(json: string): Readonly<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(json);
    const parsed = z.record(z.string(), z.unknown()).safeParse(value);
    return parsed.success ? parsed.data : {};
  } catch {
    // The outbox writes this column with JSON.stringify; unreadable text means no known settings.
    return {};
  }
}

/**
 * Reads the submissions journal (table `submissions`, written only by the outbox) by vendor task:
 * which list and settings created a task. Read-only; the outbox owns every write.
 */
export class SubmittedTasksRepository {
  constructor(private readonly db: DatabaseSync) {}

  /**
   * The submission that created a task, or null when this app did not create it. A task id is
   * recorded once the vendor confirmed it (or a chunked create's first chunk made it), so any
   * submission that names it counts, except withdrawn ones; the newest wins if ever two do.
   */
  find(accountId: string, kind: TaskKind, taskId: string): SubmittedTaskRecord | null {
    const row = this.db
      .prepare(
        `SELECT account_id, kind, task_id, list_id, callee_count, callee_sha256, settings_json
         FROM submissions
         WHERE account_id = ? AND kind = ? AND task_id = ? AND state <> 'cancelled'
         ORDER BY seq DESC LIMIT 1`,
      )
      .get(accountId, kind, taskId);
    if (row === undefined) return null;
    const parsed = RowSchema.parse(row);
    return {
      accountId: parsed.account_id,
      kind: parsed.kind,
      taskId: parsed.task_id,
      listId: parsed.list_id,
      calleeCount: parsed.callee_count,
      calleeSha256: parsed.callee_sha256,
      settings: settingsOf(parsed.settings_json),
    };
  }

  /**
   * The instant (epoch ms) the manager submitted the task from this app, or null when this app
   * did not create it: the board's created time of tasks whose vendor reports none (ITNIO
   * call-center tasks, itniotech.md §4.4). If two submissions ever name the same task, the first
   * is when it was created.
   */
  submittedAt(accountId: string, kind: TaskKind, taskId: string): number | null {
    const row = this.db
      .prepare(
        `SELECT created_at FROM submissions
         WHERE account_id = ? AND kind = ? AND task_id = ?
         ORDER BY seq LIMIT 1`,
      )
      .get(accountId, kind, taskId);
    return row === undefined ? null : CreatedAtSchema.parse(row).created_at;
  }
}
