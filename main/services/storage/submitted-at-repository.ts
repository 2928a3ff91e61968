import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { z } from 'zod';
import type { TaskKind } from '../../../shared/domain/task';

const RowSchema = z.object({ created_at: z.coerce.number() });

/**
 * When this app submitted a vendor task, read from the submissions journal (table `submissions`,
 * written only by the outbox; read-only here). The task board uses it as the created time of
 * tasks whose vendor reports none (ITNIO call-center tasks, itniotech.md §4.4).
 */
export class SubmittedAtRepository {
  private statement: StatementSync | null = null;

  constructor(private readonly db: DatabaseSync) {}

  /**
   * The instant (epoch ms) the manager submitted the task from this app, or null when this app
   * did not create it. A task id is recorded once the vendor confirmed it; if two submissions
   * ever name the same task, the first is when it was created.
   */
  submittedAt(accountId: string, kind: TaskKind, taskId: string): number | null {
    this.statement ??= this.db.prepare(
      `SELECT created_at FROM submissions
       WHERE account_id = ? AND kind = ? AND task_id = ?
       ORDER BY seq LIMIT 1`,
    );
    const row = this.statement.get(accountId, kind, taskId);
    return row === undefined ? null : RowSchema.parse(row).created_at;
  }
}
