import type { TaskKind } from '../../../shared/domain/task';
import type { ListSource } from '../drafts/list-source';
import type { SubmittedTaskRecord } from '../storage/submitted-tasks-repository';
import { readCallees } from './callees';

/** A vendor task, as the journal names it. */
export interface SubmittedTaskRef {
  readonly accountId: string;
  readonly kind: TaskKind;
  readonly taskId: string;
}

/** The numbers the app sent to create a task, or why they are not known. */
export type SubmittedNumbersLookup =
  | {
      readonly status: 'found';
      /** E.164 (`+8613800138000`), in the order they were sent, each once. */
      readonly numbers: readonly string[];
    }
  /** This app did not create the task (made at the vendor, or by a vendor-side resend). */
  | { readonly status: 'not-submitted' }
  /** The list it was created from was removed or no longer holds what was sent. */
  | { readonly status: 'list-changed' };

/** What the app knows it submitted for a vendor task: the numbers and the settings. */
export interface SubmittedNumbers {
  /** The settings the task was created with, or null when this app did not create it. */
  settingsOf(task: SubmittedTaskRef): Readonly<Record<string, unknown>> | null;
  /** The numbers the task was created with. */
  numbersOf(task: SubmittedTaskRef): Promise<SubmittedNumbersLookup>;
}

/**
 * `SubmittedNumbers` from the submissions journal and the lists it points at.
 *
 * The journal keeps the list id and a fingerprint of the callees sent (count and SHA-256, the
 * outbox's `readCallees`), not the numbers: the list's rows are read again and trusted only when
 * they still give the same fingerprint, so a removed or changed list never stands in for what was
 * sent.
 */
export class JournalSubmittedNumbers implements SubmittedNumbers {
  constructor(
    private readonly deps: {
      readonly tasks: {
        find(accountId: string, kind: TaskKind, taskId: string): SubmittedTaskRecord | null;
      };
      readonly lists: ListSource;
    },
  ) {}

  /** @inheritdoc */
  settingsOf(task: SubmittedTaskRef): Readonly<Record<string, unknown>> | null {
    return this.deps.tasks.find(task.accountId, task.kind, task.taskId)?.settings ?? null;
  }

  /** @inheritdoc */
  async numbersOf(task: SubmittedTaskRef): Promise<SubmittedNumbersLookup> {
    const record = this.deps.tasks.find(task.accountId, task.kind, task.taskId);
    if (record === null) return { status: 'not-submitted' };
    const loaded = await readCallees(this.deps.lists, record.listId, { keep: true });
    if (loaded.count !== record.calleeCount || loaded.sha256 !== record.calleeSha256) {
      return { status: 'list-changed' };
    }
    return { status: 'found', numbers: loaded.callees.map((callee) => callee.phone) };
  }
}
