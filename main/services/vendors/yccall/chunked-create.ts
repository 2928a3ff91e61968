import { z } from 'zod';
import { AppError } from '../../errors';
import { PARTIAL_REFUSAL, partialRefusalOf, type RefusedNumber } from '../partial-refusal';
import type { CallOptions, Callee, CalleeSource, CreateCheckpoint, Progress } from '../vendor';
import {
  MAX_NUMBERS_PER_CALL,
  type TaskCreatRequest,
  type TelphoneEntry,
  type YccallClient,
} from './client';
import { telphoneEntryOf } from './mapping';

// A task takes at most 10,000 numbers at creation and 10,000 per TaskAdd (yccall.md §4.1, §4.2),
// so a bigger list is sent as chunk 1 (TaskCreat) plus chunks 2..n (TaskAdd). Nothing is retried
// here: a failed chunk throws an error whose details say exactly what is confirmed, so the caller
// can resume (CreateTaskRequest.resumeFrom) or, when the outcome of the last chunk is unknown,
// reconcile first with `reconcileChunkedCreate`.

/** Where a chunked create stopped; carried in the details of the error it throws. */
export const ChunkFailureSchema = z.object({
  stage: z.enum(['create', 'append', 'start']),
  /** The task, once TaskCreat answered; null when the create itself failed. */
  taskId: z.string().nullable(),
  name: z.string(),
  /** Callees confirmed by the server, from the start of the list: pass as `resumeFrom`. */
  confirmed: z.number().int().nonnegative(),
  /** Numbers the task held after the last confirmed chunk (its TaskInfo count), if known. */
  held: z.number().int().nonnegative().nullable(),
  /** The chunk that failed, 1-based, and how many there are. */
  chunk: z.number().int().positive(),
  chunks: z.number().int().positive(),
  /** The callees the failed chunk carried: [pendingFrom, pendingTo). */
  pendingFrom: z.number().int().nonnegative(),
  pendingTo: z.number().int().nonnegative(),
  /**
   * `unknown`: the request left and no answer came back; the chunk may have landed.
   * `refused`: the chunk was answered but the server held fewer numbers than it was sent; the
   * chunk is settled (`confirmed` includes it) and nothing after it was sent.
   */
  outcome: z.enum(['unknown', 'not-applied', 'not-sent', 'refused']),
});
export type ChunkFailure = z.infer<typeof ChunkFailureSchema>;

/** Reads the chunk failure from an error thrown by a chunked create, or null. */
export function chunkFailureOf(error: unknown): ChunkFailure | null {
  if (!(error instanceof AppError)) return null;
  const parsed = ChunkFailureSchema.safeParse(error.details?.['chunkFailure']);
  return parsed.success ? parsed.data : null;
}

/** What a chunked create needs besides the client. */
export interface ChunkedCreateInput {
  readonly name: string;
  /** Read in order, one chunk at a time (a chunk is read again only for its refused entries). */
  readonly callees: CalleeSource;
  /** TaskCreat fields other than the numbers; absent when appending to `existingTaskId`. */
  readonly base?: Omit<TaskCreatRequest, 'telphone'>;
  /** How a callee becomes a telphone entry (default: number and custom fields, no time). */
  readonly entryOf?: (callee: Callee) => TelphoneEntry;
  /** Append to this task instead of creating one (every chunk is a TaskAdd). */
  readonly existingTaskId?: string;
  readonly resumeFrom: number;
  /** Start the task once every number is in. */
  readonly start: boolean;
  /** At most 10,000. */
  readonly chunkSize: number;
  /** Looks the task up by its unique name (TaskList). */
  readonly findTaskId: (name: string, signal?: AbortSignal) => Promise<string | null>;
}

/** The outcome of a chunked create. */
export interface ChunkedCreateResult {
  readonly taskId: string;
  /** Numbers the task holds at the end (the server's count). */
  readonly held: number;
  /** Entries the server refused as invalid in this run. */
  readonly invalid: number;
}

const fmt = (n: number) => n.toLocaleString('en');

function chunkError(cause: unknown, failure: ChunkFailure): AppError {
  const base =
    cause instanceof AppError
      ? cause
      : new AppError('INTERNAL', { en: 'Unexpected failure.', 'zh-CN': '意外失败。' });
  const enBase = base.text.en.replace(/\s*$/, '');
  const zhBase = base.text['zh-CN'];
  let en: string;
  let zh: string;
  if (failure.stage === 'create') {
    en = `Creating task “${failure.name}” (part 1 of ${failure.chunks}) failed. ${enBase}`;
    zh = `创建任务“${failure.name}”（第 1/${failure.chunks} 部分）失败。${zhBase}`;
  } else if (failure.stage === 'append') {
    en = `Adding numbers ${fmt(failure.pendingFrom + 1)}–${fmt(failure.pendingTo)} (part ${failure.chunk} of ${failure.chunks}) to task “${failure.name}” failed. ${enBase} The first ${fmt(failure.confirmed)} numbers are confirmed; the task can be resumed from there.`;
    zh = `向任务“${failure.name}”追加第 ${failure.pendingFrom + 1}–${failure.pendingTo} 个号码（第 ${failure.chunk}/${failure.chunks} 部分）失败。${zhBase}前 ${failure.confirmed} 个号码已确认，可从此处继续。`;
  } else {
    en = `All ${fmt(failure.confirmed)} numbers are in task “${failure.name}”, but starting it failed. ${enBase}`;
    zh = `任务“${failure.name}”的 ${failure.confirmed} 个号码已全部添加，但启动失败。${zhBase}`;
  }
  if (failure.outcome === 'refused') {
    const part = failure.chunks > 1 ? ` (part ${failure.chunk} of ${failure.chunks})` : '';
    const zhPart = failure.chunks > 1 ? `（第 ${failure.chunk}/${failure.chunks} 部分）` : '';
    const refusedCount = partialRefusalOf(base)?.refusedCount ?? 0;
    const rest = failure.chunks > failure.chunk ? failure.chunks - failure.chunk : 0;
    en = `The server refused ${fmt(refusedCount)} of the numbers ${fmt(failure.pendingFrom + 1)}–${fmt(failure.pendingTo)}${part} of task “${failure.name}”, so the app stopped there${rest > 0 ? (rest === 1 ? ': the part after it was not sent' : `: the ${rest} parts after it were not sent`) : ''} and the task was not started. Export the refused numbers to see them; Resume sends the rest without them.`;
    zh = `服务器拒收了任务“${failure.name}”第 ${failure.pendingFrom + 1}–${failure.pendingTo} 个号码${zhPart}中的 ${refusedCount} 个，因此应用在此停止${rest > 0 ? `：其后的 ${rest} 部分未发送` : ''}，任务也未启动。可导出被拒号码查看；“继续”会发送其余号码（不含被拒号码）。`;
  } else if (failure.outcome === 'unknown' && failure.stage !== 'start') {
    en += ' It is not known whether this part was saved; the app checks the task before resuming.';
    zh += '无法确定这一部分是否已保存；继续之前应用会先核对任务。';
  }
  return new AppError(
    base.code,
    { en, 'zh-CN': zh },
    {
      ...base.details,
      chunkFailure: failure,
      taskId: failure.taskId,
      confirmed: failure.confirmed,
    },
  );
}

/** Numbers of a task read back per TaskInfo page (GetBill documents 1–1000; TaskInfo no max). */
const READ_BACK_PAGE = 1_000;
/** Most TaskInfo pages read to find which numbers are missing: a bound, not an expected size. */
const MAX_READ_BACK_PAGES = 1_000;

/** The phone of an `invaliddata` entry: the entry object the app sent, or a bare number. */
function invalidPhoneOf(item: unknown): string | null {
  if (typeof item === 'string' || typeof item === 'number') return String(item);
  if (typeof item === 'object' && item !== null) {
    const phone = (item as Record<string, unknown>)['phone'];
    if (typeof phone === 'string' || typeof phone === 'number') return String(phone);
  }
  return null;
}

/**
 * Which entries of a short chunk the server did not take: first those its answer lists in
 * `invaliddata` (§4.2), then, when that does not account for all of them, the ones missing from
 * the task's own numbers (TaskInfo, §4.7).
 */
async function refusedIn(
  client: YccallClient,
  input: {
    readonly taskId: string;
    readonly from: number;
    /** The callees the chunk carried, from `from` on. */
    readonly callees: readonly Callee[];
    readonly entries: readonly TelphoneEntry[];
    readonly invalidData: readonly unknown[];
    readonly missing: number;
    readonly signal: AbortSignal | undefined;
  },
): Promise<RefusedNumber[]> {
  const positions = new Map<string, number[]>();
  input.entries.forEach((entry, i) => {
    const list = positions.get(entry.phone) ?? [];
    list.push(i);
    positions.set(entry.phone, list);
  });
  const refused: RefusedNumber[] = [];
  const entryAt = (i: number, reason: RefusedNumber['reason']): RefusedNumber => ({
    index: input.from + i,
    phone: input.callees[i]?.phone ?? '',
    sent: input.entries[i]?.phone ?? '',
    reason,
  });
  for (const item of input.invalidData) {
    const phone = invalidPhoneOf(item);
    const i = phone === null ? undefined : positions.get(phone)?.shift();
    if (i !== undefined) refused.push(entryAt(i, 'invalid'));
  }
  if (refused.length >= input.missing || input.taskId === '') return refused;
  // Not all accounted for: read the task's numbers back and look for the chunk's.
  const held = new Set<string>();
  for (let page = 1; page <= MAX_READ_BACK_PAGES; page += 1) {
    const rows = await client.taskInfo(
      input.taskId,
      { currentpage: page, itemsperpage: READ_BACK_PAGE },
      { signal: input.signal },
    );
    for (const row of rows.result) held.add(row.telphone);
    if (rows.result.length < READ_BACK_PAGE || page * READ_BACK_PAGE >= rows.totalitems) break;
  }
  const listed = new Set(refused.map((entry) => entry.index));
  input.entries.forEach((entry, i) => {
    if (!listed.has(input.from + i) && !held.has(entry.phone)) refused.push(entryAt(i, 'not-held'));
  });
  return refused.sort((a, b) => a.index - b.index);
}

function outcomeOf(error: unknown): ChunkFailure['outcome'] {
  const outcome = error instanceof AppError ? error.details?.['outcome'] : undefined;
  return outcome === 'not-applied' || outcome === 'not-sent' ? outcome : 'unknown';
}

function cancelled(): AppError {
  return new AppError(
    'CANCELLED',
    { en: 'Sending the numbers was cancelled.', 'zh-CN': '号码发送已取消。' },
    { outcome: 'not-sent' },
  );
}

/**
 * Creates a task with any number of callees: TaskCreat with the first chunk, TaskAdd for the
 * rest, then TaskSet start when asked. With `resumeFrom` > 0 it finds the task by name and sends
 * only the callees after `resumeFrom`. Progress counts chunks: `done` of `total`.
 */
export async function chunkedCreate(
  client: YccallClient,
  input: ChunkedCreateInput,
  options: CallOptions & {
    onProgress?: (progress: Progress) => void;
    onCheckpoint?: (checkpoint: CreateCheckpoint) => void;
  } = {},
): Promise<ChunkedCreateResult> {
  const { callees, name, chunkSize } = input;
  const entryOf = input.entryOf ?? ((callee: Callee) => telphoneEntryOf(callee));
  const total = callees.length;
  const chunks = Math.max(1, Math.ceil(total / chunkSize));
  const signal = options.signal;
  let confirmed = input.resumeFrom;
  let taskId: string | null = null;
  let held: number | null = null;
  let invalid = 0;

  const failure = (
    stage: ChunkFailure['stage'],
    chunk: number,
    to: number,
    error: unknown,
    override: Partial<ChunkFailure> = {},
  ): AppError =>
    chunkError(error, {
      stage,
      taskId,
      name,
      confirmed,
      held,
      chunk,
      chunks,
      pendingFrom: confirmed,
      pendingTo: to,
      outcome: outcomeOf(error),
      ...override,
    });

  /**
   * Checks an answered chunk against what it carried (§4.2 `success`/`invaliddata`, and the
   * task's count): when the task holds fewer numbers than it was sent, stops here with the
   * refused entries, so nothing more is sent to a server that refuses what the app sends.
   */
  const settle = async (
    chunk: number,
    from: number,
    entries: readonly TelphoneEntry[],
    invalidData: readonly unknown[],
    before: number,
    after: number,
  ): Promise<void> => {
    const missing = entries.length - (after - before);
    if (missing <= 0) return;
    const refused = await refusedIn(client, {
      taskId: taskId ?? '',
      from,
      callees: callees.slice(from, from + entries.length),
      entries,
      invalidData,
      missing,
      signal,
    });
    throw failure(
      chunk === 1 ? 'create' : 'append',
      chunk,
      from + entries.length,
      new AppError(
        'VENDOR_REJECTED',
        {
          en: `The server held ${fmt(after - before)} of ${fmt(entries.length)} numbers.`,
          'zh-CN': `服务器只接收了 ${entries.length} 个号码中的 ${after - before} 个。`,
        },
        {
          [PARTIAL_REFUSAL]: {
            refused,
            refusedCount: missing,
            // The part is settled: a resume starts after it, with nothing in flight.
            settled: {
              taskId,
              confirmed: from + entries.length,
              held: after,
              pendingFrom: from + entries.length,
              pendingTo: from + entries.length,
              chunk,
              chunks,
              stage: 'append',
            },
          },
          outcome: 'refused',
        },
      ),
      {
        outcome: 'refused',
        pendingFrom: from,
        pendingTo: from + entries.length,
        confirmed: from + entries.length,
        held: after,
      },
    );
  };

  if (confirmed === 0 && input.existingTaskId === undefined && input.base !== undefined) {
    const to = Math.min(chunkSize, total);
    if (signal?.aborted) throw failure('create', 1, to, cancelled());
    options.onCheckpoint?.({
      taskId: null,
      confirmed: 0,
      held: null,
      pendingFrom: 0,
      pendingTo: to,
      chunk: 1,
      chunks,
      stage: 'create',
    });
    const entries = callees.slice(0, to).map(entryOf);
    let created: Awaited<ReturnType<YccallClient['taskCreat']>>;
    try {
      created = await client.taskCreat({ ...input.base, telphone: entries }, { signal });
    } catch (error) {
      throw failure('create', 1, to, error);
    }
    taskId = created.taskId;
    // TaskCreat's answer is not documented (§8): the task's own count is the truth (§4.7).
    let count: number;
    try {
      count = await client.taskNumberCount(created.taskId, { signal });
    } catch (error) {
      throw failure('append', 1, to, error, { taskId: created.taskId, confirmed: to, held: null });
    }
    await settle(1, 0, entries, created.invalid, 0, count);
    invalid += created.invalid.length;
    held = count;
    confirmed = to;
  } else {
    try {
      taskId = input.existingTaskId ?? (await input.findTaskId(name, signal));
      if (taskId === null) {
        throw new AppError(
          'NOT_FOUND',
          {
            en: `Task “${name}” is not on the call-center server, so it cannot be resumed. Create it again.`,
            'zh-CN': `呼叫中心服务器上没有任务“${name}”，无法继续。请重新创建。`,
          },
          { name },
        );
      }
      held = await client.taskNumberCount(taskId, { signal });
    } catch (error) {
      const chunk = Math.floor(confirmed / chunkSize) + 1;
      throw failure('append', Math.min(chunk, chunks), Math.min(chunk * chunkSize, total), error);
    }
  }
  const createdId: string = taskId;
  options.onProgress?.({ stage: 'append', done: Math.ceil(confirmed / chunkSize), total: chunks });

  while (confirmed < total) {
    const chunk = Math.floor(confirmed / chunkSize) + 1;
    const to = Math.min(chunk * chunkSize, total);
    if (signal?.aborted) throw failure('append', chunk, to, cancelled());
    options.onCheckpoint?.({
      taskId: createdId,
      confirmed,
      held,
      pendingFrom: confirmed,
      pendingTo: to,
      chunk,
      chunks,
      stage: 'append',
    });
    const entries = callees.slice(confirmed, to).map(entryOf);
    let added: Awaited<ReturnType<YccallClient['taskAdd']>>;
    try {
      added = await client.taskAdd(createdId, entries, { signal });
    } catch (error) {
      throw failure('append', chunk, to, error);
    }
    const before: number = held ?? 0;
    let count: number = before + added.success;
    if (added.success !== entries.length || added.invalid.length > 0) {
      // Short: read the task's count back rather than trusting arithmetic on the answer (§4.7).
      try {
        count = await client.taskNumberCount(createdId, { signal });
      } catch (error) {
        throw failure('append', chunk, to, error, { confirmed: to, held: null });
      }
    }
    await settle(chunk, confirmed, entries, added.invalid, before, count);
    held = count;
    invalid += added.invalid.length;
    confirmed = to;
    options.onProgress?.({ stage: 'append', done: chunk, total: chunks });
  }

  if (input.start) {
    options.onCheckpoint?.({
      taskId: createdId,
      confirmed,
      held,
      pendingFrom: total,
      pendingTo: total,
      chunk: chunks,
      chunks,
      stage: 'start',
    });
    try {
      await client.taskSet(createdId, 'start', { signal });
    } catch (error) {
      throw failure('start', chunks, total, error);
    }
    options.onProgress?.({ stage: 'start', done: chunks, total: chunks });
  }
  return { taskId: createdId, held: held ?? 0, invalid };
}

/** Where to resume after a chunk whose outcome was unknown. */
export interface Reconciliation {
  /** The task, or null when the create never landed (create it again from 0). */
  readonly taskId: string | null;
  /** Pass this as `resumeFrom`. */
  readonly resumeFrom: number;
  /** Whether the failed chunk turned out to be saved. */
  readonly landed: boolean;
  /** Numbers the task holds now. */
  readonly held: number;
}

/**
 * Finds out whether the chunk of a failed create landed, by comparing the task's number count
 * (TaskInfo `totalitems`) with the count before that chunk, and says where to resume.
 *
 * A reset after the server committed a TaskAdd leaves the client unable to know; sending the
 * chunk again would add every number twice, and skipping it could lose them. The count settles
 * it, because tasks are created stopped and nothing else appends to them meanwhile.
 */
export async function reconcileChunkedCreate(
  client: YccallClient,
  findTaskId: (name: string, signal?: AbortSignal) => Promise<string | null>,
  failure: ChunkFailure,
  options: CallOptions = {},
): Promise<Reconciliation> {
  if (failure.stage === 'start') {
    const taskId = failure.taskId ?? (await findTaskId(failure.name, options.signal));
    const held = taskId ? await client.taskNumberCount(taskId, options) : 0;
    return { taskId, resumeFrom: failure.confirmed, landed: true, held };
  }
  if (failure.stage === 'create' || failure.taskId === null) {
    const taskId = await findTaskId(failure.name, options.signal);
    if (taskId === null) return { taskId: null, resumeFrom: 0, landed: false, held: 0 };
    const held = await client.taskNumberCount(taskId, options);
    return { taskId, resumeFrom: failure.pendingTo, landed: true, held };
  }
  const held = await client.taskNumberCount(failure.taskId, options);
  const before = failure.held;
  const sent = failure.pendingTo - failure.pendingFrom;
  // A settled checkpoint (a refused chunk was answered): nothing is in flight.
  if (sent === 0)
    return { taskId: failure.taskId, resumeFrom: failure.pendingTo, landed: true, held };
  if (before !== null && held === before) {
    return { taskId: failure.taskId, resumeFrom: failure.pendingFrom, landed: false, held };
  }
  if (before !== null && held > before && held - before <= sent) {
    return { taskId: failure.taskId, resumeFrom: failure.pendingTo, landed: true, held };
  }
  throw new AppError(
    'CONFLICT',
    {
      en: `Task “${failure.name}” now holds ${fmt(held)} numbers, which matches neither the ${fmt(before ?? 0)} before the failed part nor that plus the part. Something else changed the task; check it on the server before sending more.`,
      'zh-CN': `任务“${failure.name}”现有 ${held} 个号码，与失败部分之前的 ${before ?? 0} 个或加上该部分后的数量都不符。任务可能被其他操作修改，请先在服务器上核对再继续发送。`,
    },
    { taskId: failure.taskId, held, before, sent },
  );
}

/** The largest chunk the server takes. */
export const MAX_CHUNK = MAX_NUMBERS_PER_CALL;
