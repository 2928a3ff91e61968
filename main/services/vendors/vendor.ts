import type { LocalizedText } from '../../../shared/domain/locale';
import type {
  CallRecord,
  NumberOutcome,
  NumberResult,
  TaskKind,
  TaskState,
  TaskSummary,
  VendorId,
} from '../../../shared/domain/task';

/** What a vendor can do for a kind of task; screens show actions from these flags only. */
export interface TaskCapabilities {
  readonly resend: boolean;
  readonly pause: boolean;
  readonly resume: boolean;
  readonly cancel: boolean;
  /** Edit settings of a running task (e.g. ITNIO calloutRate). */
  readonly edit: boolean;
  /** Append numbers to an existing task. */
  readonly appendNumbers: boolean;
  /** Per-number results can be listed. */
  readonly numberResults: boolean;
  /**
   * The vendor's task list searches task contents (voice file name, TTS text) as well as names;
   * `listTasks({ name })` then matches those too.
   */
  readonly searchContent: boolean;
  /** Which numbers a resend can dial again, in the vendor's terms; empty when `resend` is false. */
  readonly resendScopes: readonly ResendScope[];
  /**
   * Settings of the original task a manager may set again on a resend (e.g. an AI task's script
   * and calling windows); empty when the vendor takes none. `scriptId`, where offered, is required.
   */
  readonly resendOptions: readonly ResendOption[];
}

/** Filters for listing tasks; every field optional. */
export interface TaskQuery {
  readonly kind?: TaskKind;
  readonly name?: string;
  readonly states?: readonly TaskState[];
  /** ISO dates (inclusive). */
  readonly createdFrom?: string;
  readonly createdTo?: string;
  /** 1-based page, and page size (vendors allow 1–100). */
  readonly page: number;
  readonly pageSize: number;
}

/** A page of results. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  /** Total items, when the vendor reports it. */
  readonly total: number | null;
}

/** Options every call accepts. */
export interface CallOptions {
  /** Cancels the request (the user pressed Cancel, the window closed). */
  readonly signal?: AbortSignal;
}

/** Progress of a long operation such as a chunked create. */
export interface Progress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

/**
 * Written by a chunked create just before each request that adds numbers leaves (and before the
 * final start), so a journal can record exactly what may be in flight.
 */
export interface CreateCheckpoint {
  /** The task, once the first chunk created it; null before. */
  readonly taskId: string | null;
  /** Callees confirmed by the server, from the start of the list. */
  readonly confirmed: number;
  /** Numbers the task held after the last confirmed chunk, when known. */
  readonly held: number | null;
  /** The callees the request about to leave carries: [pendingFrom, pendingTo). */
  readonly pendingFrom: number;
  readonly pendingTo: number;
  /** 1-based chunk about to be sent, and how many there are. */
  readonly chunk: number;
  readonly chunks: number;
  /** 'create' (first chunk), 'append' (later chunks) or 'start' (every number is in). */
  readonly stage: 'create' | 'append' | 'start';
}

/** What a reconcile found: where to resume a chunked create. */
export interface CheckpointReconciliation {
  /** The task, or null when it was never created (send again from 0). */
  readonly taskId: string | null;
  /** Pass as `resumeFrom`. */
  readonly resumeFrom: number;
  /** Numbers the task holds now. */
  readonly held: number;
}

/** Options of `createTask`. */
export type CreateOptions = CallOptions & {
  readonly onProgress?: (progress: Progress) => void;
  /** Called synchronously before each chunk leaves (chunked creates only); see CreateCheckpoint. */
  readonly onCheckpoint?: (checkpoint: CreateCheckpoint) => void;
};

/** One number to call, with optional per-number variables. */
export interface Callee {
  readonly phone: string;
  readonly name?: string;
  /** Up to 5 variables (var01..var05 / text1..text5 on the vendor side). */
  readonly variables?: readonly string[];
}

/**
 * The callees of one create, read as they are sent. An array is one; the outbox passes a list's
 * rows read from the database a chunk at a time, so a 1,000,000-number list is never held whole.
 * Vendors read it in order with `slice`, and should not read a range twice.
 */
export interface CalleeSource {
  readonly length: number;
  /** The callees at positions [from, to), in list order. */
  slice(from: number, to: number): readonly Callee[];
}

/** Callees of `source` in slices of `size`, in order. */
export function* calleeSlices(source: CalleeSource, size = 10_000): Generator<readonly Callee[]> {
  for (let from = 0; from < source.length; from += size) {
    yield source.slice(from, Math.min(source.length, from + size));
  }
}

/** What to resend: the vendor decides which outcomes it can filter by. */
export type ResendScope = 'all' | 'failed' | 'not-called';

/**
 * A setting a manager may give a resend (itniotech.md §5.4): the AI script id, up to 3 daily
 * calling windows (`HH:mm`), the ringing time (20–120 s) and call recording; and the calls per
 * agent (1–100) of a call-center task that calls agents (§4.3: required for type 1, and the task
 * record of §4.4 does not carry it).
 */
export type ResendOption =
  'scriptId' | 'allowSendTime' | 'maxRingingTime' | 'enableRecording' | 'calloutRate';

/**
 * The one interface the rest of the app uses for any vendor account.
 *
 * Implementations: ItniotechVendor, YccallVendor. Vendor-specific settings of a create request
 * travel in `settings` (validated by the implementation); everything else is common.
 */
export interface Vendor {
  readonly vendor: VendorId;
  readonly accountId: string;
  /** The kinds of task this account can create and list. */
  readonly kinds: readonly TaskKind[];
  capabilities(kind: TaskKind): TaskCapabilities;

  /** Checks the credentials and reachability; returns a short description (balance, server). */
  testConnection(options?: CallOptions): Promise<ConnectionCheck>;

  listTasks(query: TaskQuery, options?: CallOptions): Promise<Page<TaskSummary>>;
  getTask(kind: TaskKind, taskId: string, options?: CallOptions): Promise<TaskDetail>;
  listNumberResults(
    kind: TaskKind,
    taskId: string,
    query: {
      readonly page: number;
      readonly pageSize: number;
      readonly outcome?: NumberOutcome;
      readonly phone?: string;
    },
    options?: CallOptions,
  ): Promise<Page<NumberResult>>;

  /**
   * Optional: a page of a task's call records (cost, hang-up reason, duration, recording link).
   * Vendors whose record queries have no task filter return the calls of the task's time window.
   */
  listCallRecords?(
    kind: TaskKind,
    taskId: string,
    query: { readonly page: number; readonly pageSize: number },
    options?: CallOptions,
  ): Promise<Page<CallRecord>>;

  /**
   * Creates a task with its numbers. Never retried blindly: the caller (the submissions outbox)
   * reconciles an unknown outcome with `findTaskByName` before it sends again. A create the
   * vendor answered holding fewer numbers than sent throws with a PartialRefusal in its details
   * (partial-refusal.ts): the refused numbers and where a resume starts.
   */
  createTask(request: CreateTaskRequest, options?: CreateOptions): Promise<CreatedTask>;
  /**
   * Optional (chunked creates only): after an interrupted create whose last checkpoint is known,
   * finds out what the server holds and where to resume. Vendors without it are reconciled with
   * `findTaskByName` alone.
   */
  reconcileCheckpoint?(
    name: string,
    checkpoint: CreateCheckpoint,
    options?: CallOptions,
  ): Promise<CheckpointReconciliation>;
  /**
   * Reads a task back after a create or an action (DESIGN.md "What the app shows is what a
   * follow-up query says"): the numbers the vendor holds (null while it is still counting) and
   * its state.
   */
  readBack(kind: TaskKind, taskId: string, options?: CallOptions): Promise<ReadBack>;
  /** Looks a task up by its unique name (idempotency key of a create). */
  findTaskByName(kind: TaskKind, name: string, options?: CallOptions): Promise<TaskSummary | null>;

  resend(
    kind: TaskKind,
    taskId: string,
    scope: ResendScope,
    settings: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<CreatedTask | null>;
  pause(kind: TaskKind, taskId: string, options?: CallOptions): Promise<void>;
  resume(kind: TaskKind, taskId: string, options?: CallOptions): Promise<void>;
  cancel(kind: TaskKind, taskId: string, options?: CallOptions): Promise<void>;
  edit(
    kind: TaskKind,
    taskId: string,
    settings: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<void>;

  /** Choices a task form needs (agent groups, display numbers, queues, extensions, …). */
  loadPickers(kind: TaskKind, options?: CallOptions): Promise<Pickers>;

  /** A number (E.164) as this vendor receives it for a kind of task: the review shows a few. */
  dialledForm(kind: TaskKind, phone: string): string;

  /** Ends the module's session with the vendor (Yccall logout); the module is not used again. */
  close?(): Promise<void>;
}

/** The result of a connection test. */
export interface ConnectionCheck {
  /** e.g. "Balance 120.50" or "Server 10.0.0.5, token valid 12 h", in every UI language. */
  readonly summary: LocalizedText;
  readonly balance?: { readonly amount: number; readonly currency: string | null };
}

/** A task with every field the vendor documents, grouped for display. */
export interface TaskDetail {
  readonly summary: TaskSummary;
  /** Vendor fields by group (progress, outcomes, transfers, timing, settings). */
  readonly groups: readonly {
    readonly group: string;
    readonly fields: readonly {
      readonly key: string;
      readonly value: string | number | boolean | null;
    }[];
  }[];
}

/** What a create needs: kind, unique name, callees, and the vendor-specific settings. */
export interface CreateTaskRequest {
  readonly kind: TaskKind;
  /** Unique per account: the idempotency key. */
  readonly name: string;
  readonly callees: CalleeSource;
  readonly settings: Readonly<Record<string, unknown>>;
  /** For chunked creates: resume after this many callees were confirmed. */
  readonly resumeFrom?: number;
}

/** What a follow-up query says about a task. */
export interface ReadBack {
  /** Numbers the task holds, by the vendor's own count; null when the vendor has not counted yet. */
  readonly held: number | null;
  readonly state: TaskState;
}

/** The vendor's answer to a create. */
export interface CreatedTask {
  /** The vendor's task id, or null when the vendor did not return one (look it up by name). */
  readonly taskId: string | null;
  readonly name: string;
  /** How many callees the vendor confirmed. */
  readonly accepted: number;
}

/** Picker options for task forms. */
export interface Pickers {
  readonly [picker: string]: readonly {
    readonly value: string;
    readonly label: string;
    readonly detail?: string;
  }[];
}
