import { z } from 'zod';
import type {
  CallRecord,
  NumberOutcome,
  NumberResult,
  TaskKind,
  TaskSummary,
} from '../../../../shared/domain/task';
import { AppError } from '../../errors';
import type {
  CallOptions,
  Callee,
  CheckpointReconciliation,
  ConnectionCheck,
  CreateCheckpoint,
  CreateOptions,
  CreateTaskRequest,
  CreatedTask,
  Page,
  Pickers,
  Progress,
  ReadBack,
  ResendScope,
  TaskCapabilities,
  TaskDetail,
  TaskQuery,
  Vendor,
} from '../vendor';
import {
  MAX_CHUNK,
  chunkedCreate,
  reconcileChunkedCreate,
  type ChunkFailure,
  type Reconciliation,
} from './chunked-create';
import type { Clock, Logger } from '../../../ports';
import type { HttpSend, RetryPolicy } from '../http';
import { MAX_NUMBERS_PER_CALL, YccallClient, type RedialScope, type TelphoneEntry } from './client';
import { DEFAULT_DIAL_FORMAT, dialStringOf, type DialFormat } from './dialing';
import {
  YccallTaskSettingsSchema,
  formatServerTime,
  localOffsetMinutes,
  numberResultOf,
  parseServerTime,
  taskCreatBaseOf,
  telphoneEntryMaker,
  taskStatusFilterOf,
  taskSummaryOf,
  matchesStates,
  serverTimeForDisplay,
  tallyRows,
  TASK_STATUS,
  type TaskNumbers,
} from './mapping';
import { utcOffsetLabel } from '../../../../shared/domain/task';
import { TOKEN_LIFETIME_MS } from './session';
import { BILL_PAGE_MAX } from './rules';
import { callRecordOf } from './call-records';

/** GetBill pages read for one task's records (1,000 CDRs each): a bound, not an expected size. */
const MAX_BILL_PAGES = 20;

/** TaskInfo rows asked for per page when an ended task's numbers are counted. */
const COUNT_PAGE_SIZE = 1_000;
/** Most TaskInfo pages read to count one ended task's numbers (20,000 numbers at 1,000). */
const MAX_COUNTED_PAGES = 20;

/** How a YccallVendor reaches its server: a ready client, or what it takes to build one. */
export type YccallConnection =
  | { readonly client: YccallClient }
  | {
      /** The server's API root (§1), or the simulator's URL. */
      readonly serverUrl: string;
      readonly appid: string;
      readonly getAccessKey: () => Promise<string>;
      readonly send: HttpSend;
      readonly clock: Clock;
      readonly logger?: Logger;
      readonly timeoutMs?: number;
      readonly writeTimeoutMs?: number;
      readonly retry?: RetryPolicy;
    };

/** How a YccallVendor is put together. */
export type YccallVendorOptions = YccallConnection & {
  readonly accountId: string;
  /** The server's UTC offset in minutes for its `yyyy-mm-dd hh:mm:ss` times (not documented, §8); default: this computer's. */
  readonly serverUtcOffsetMinutes?: number;
  /** Numbers per TaskCreat/TaskAdd, at most 10,000 (the default). */
  readonly chunkSize?: number;
  /** How the server's trunk dials (§4.1); default: national for China, `00` for abroad. */
  readonly dialing?: DialFormat;
};

const PREDICTIVE: TaskCapabilities = {
  resend: true,
  pause: true,
  resume: true,
  cancel: true,
  edit: false,
  appendNumbers: true,
  numberResults: true,
  searchContent: false, // TaskList filters by name only
  // taskCall answertype (§4.5): 'all', or the unanswered numbers; it cannot pick the uncalled ones.
  resendScopes: ['failed', 'all'],
  resendOptions: [],
};

const NOTHING: TaskCapabilities = {
  resend: false,
  pause: false,
  resume: false,
  cancel: false,
  edit: false,
  appendNumbers: false,
  numberResults: false,
  searchContent: false,
  resendScopes: [],
  resendOptions: [],
};

const ResendSettingsSchema = z.looseObject({
  /** For scope 'failed': which failures taskCall re-dials (§4.5); one per run. */
  answerType: z.enum(['caller', 'callee']).optional(),
  start: z.boolean().optional(),
});

function wrongKind(kind: TaskKind): AppError {
  return new AppError(
    'INVALID_INPUT',
    {
      en: `A Yccall server account has predictive tasks only, not “${kind}”.`,
      'zh-CN': `Yccall 服务器账户只有预测外呼任务，没有“${kind}”。`,
    },
    { kind },
  );
}

function notFound(taskId: string): AppError {
  return new AppError(
    'NOT_FOUND',
    {
      en: `Task ${taskId} is not on the call-center server (it may belong to another company account).`,
      'zh-CN': `呼叫中心服务器上没有任务 ${taskId}（它可能属于其他公司账户）。`,
    },
    { taskId },
  );
}

/** The task settings in a manager's words, for a refusal that names them. */
const SETTING_WORDS: Readonly<Record<string, { readonly en: string; readonly zh: string }>> = {
  assignType: { en: 'who answers', zh: '接听方' },
  assignAgent: { en: 'the extension, queue or group that answers', zh: '接听的分机、队列或分机组' },
  idleAgents: { en: 'idle agents of the task scale', zh: '任务比例中的空闲坐席数' },
  callsPerAgent: { en: 'calls of the task scale', zh: '任务比例中的呼叫数' },
  isScale: { en: 'how the scale is set', zh: '比例设置方式' },
  concurrent: { en: 'simultaneous calls', zh: '并发呼叫数' },
  scheduledTime: { en: 'the start time', zh: '开始时间' },
  pausedTime: { en: 'the pause time', zh: '暂停时间' },
  displayNumbers: { en: 'display numbers', zh: '外显号码' },
  callTimeVariable: {
    en: 'the variable holding each number’s call time',
    zh: '存放拨打时间的变量',
  },
};

function invalidSettings(error: z.ZodError): AppError {
  const fields = [...new Set(error.issues.map((issue) => String(issue.path[0] ?? '')))];
  const words = fields.map(
    (field) => SETTING_WORDS[field] ?? { en: 'the task settings', zh: '任务设置' },
  );
  return new AppError(
    'INVALID_INPUT',
    {
      en: `Some task settings are missing or not valid: ${words.map((w) => w.en).join(', ')}.`,
      'zh-CN': `部分任务设置缺失或无效：${words.map((w) => w.zh).join('、')}。`,
    },
    { fields },
  );
}

/**
 * The Yccall predictive outbound API as a `Vendor` (yccall.md §4–§6).
 *
 * Creates of more than 10,000 numbers are chunked (TaskCreat + TaskAdd) with progress and can be
 * resumed; task names are the idempotency key, so a create refuses a name that already exists.
 */
export class YccallVendor implements Vendor {
  readonly vendor = 'yccall' as const;
  readonly accountId: string;
  readonly kinds: readonly TaskKind[] = ['predictive'];
  private readonly client: YccallClient;
  private readonly offsetMinutes: number | undefined;
  private readonly chunkSize: number;
  private readonly dialing: DialFormat;

  constructor(options: YccallVendorOptions) {
    this.accountId = options.accountId;
    this.client =
      'client' in options
        ? options.client
        : new YccallClient({
            baseUrl: options.serverUrl,
            appid: options.appid,
            getAccessKey: options.getAccessKey,
            send: options.send,
            clock: options.clock,
            ...(options.logger ? { logger: options.logger } : {}),
            ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
            ...(options.writeTimeoutMs !== undefined
              ? { writeTimeoutMs: options.writeTimeoutMs }
              : {}),
            ...(options.retry ? { retry: options.retry } : {}),
          });
    this.offsetMinutes = options.serverUtcOffsetMinutes;
    this.chunkSize = Math.min(MAX_CHUNK, Math.max(1, options.chunkSize ?? MAX_NUMBERS_PER_CALL));
    this.dialing = options.dialing ?? DEFAULT_DIAL_FORMAT;
    // Loads the numbering plan now, not between a create's journal entry and its first request.
    dialStringOf('+8613800000000', this.dialing);
  }

  /** The digits the server dials for a number (§4.1), as the review shows them. */
  dialledForm(_kind: TaskKind, phone: string): string {
    return dialStringOf(phone, this.dialing);
  }

  /** Telphone entries in the form the server dials, with preset call times when asked. */
  private entryMaker(callTimeVariable?: number): (callee: Callee) => TelphoneEntry {
    const entryOf = telphoneEntryMaker({
      ...(callTimeVariable !== undefined ? { callTimeVariable } : {}),
      offsetMinutes: this.offset(),
    });
    return (callee) => ({ ...entryOf(callee), phone: dialStringOf(callee.phone, this.dialing) });
  }

  private offset(): number {
    return this.offsetMinutes ?? localOffsetMinutes(Date.now());
  }

  /** @inheritdoc */
  capabilities(kind: TaskKind): TaskCapabilities {
    return kind === 'predictive' ? PREDICTIVE : NOTHING;
  }

  /** Signs in and describes the server and company. */
  async testConnection(options: CallOptions = {}): Promise<ConnectionCheck> {
    const info = await this.client.login(options);
    const company = info.companyName
      ? `${info.companyName} (${info.companyCode})`
      : info.companyCode;
    const hours = TOKEN_LIFETIME_MS / 3_600_000;
    return {
      summary: {
        en: `Server ${this.client.server}, company ${company}, token valid ${hours} h`,
        'zh-CN': `服务器 ${this.client.server}，公司 ${company}，令牌有效期 ${hours} 小时`,
      },
    };
  }

  /** Lists tasks (TaskList, §4.6). Several states are filtered here, so `total` is then null. */
  async listTasks(query: TaskQuery, options: CallOptions = {}): Promise<Page<TaskSummary>> {
    const empty: Page<TaskSummary> = {
      items: [],
      page: query.page,
      pageSize: query.pageSize,
      total: 0,
    };
    if (query.kind !== undefined && query.kind !== 'predictive') return empty;
    const states = query.states ?? [];
    // TaskList filters by one status (§4.6); the ways a task stops all list as "ended" (3).
    const codes = new Set(states.map(taskStatusFilterOf));
    const [only] = codes;
    const single = codes.size === 1 && only !== undefined ? only : null;
    const offset = this.offset();
    const page = await this.client.taskList(
      {
        ...(query.name ? { taskname: query.name } : {}),
        ...(single !== null ? { status: single } : {}),
        ...(query.createdFrom
          ? { createtime: this.boundary(query.createdFrom, 'start', offset) }
          : {}),
        ...(query.createdTo ? { endtime: this.boundary(query.createdTo, 'end', offset) } : {}),
        currentpage: query.page,
        itemsperpage: query.pageSize,
      },
      options,
    );
    const all = page.task.map((row) => taskSummaryOf(row, this.accountId, offset));
    const filterHere = states.length > 0 && single === null;
    const items = filterHere ? all.filter((task) => matchesStates(task.state, states)) : all;
    return {
      items,
      page: query.page,
      pageSize: query.pageSize,
      total: filterHere ? null : page.totalitems,
    };
  }

  private boundary(date: string, end: 'start' | 'end', offset: number): string {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date))
      return `${date} ${end === 'start' ? '00:00:00' : '23:59:59'}`;
    return formatServerTime(Date.parse(date), offset);
  }

  /** A task with its number count (TaskList + TaskInfo). */
  async getTask(kind: TaskKind, taskId: string, options: CallOptions = {}): Promise<TaskDetail> {
    if (kind !== 'predictive') throw wrongKind(kind);
    const page = await this.client.taskList({ taskid: taskId, itemsperpage: 10 }, options);
    const row = page.task.find((task) => task.taskid === taskId);
    if (!row) throw notFound(taskId);
    // An ended task's numbers tell whether it completed or ended early (§4.7); a task that still
    // runs only needs its number count.
    const numbers =
      row.status === TASK_STATUS.ENDED
        ? await this.countNumbers(taskId, options)
        : {
            total: await this.client.taskNumberCount(taskId, options),
            tally: null,
            someNotCalled: false,
          };
    const offset = this.offset();
    const summary = taskSummaryOf(row, this.accountId, offset, numbers);
    const { tally } = numbers;
    return {
      summary,
      groups: [
        {
          group: 'progress',
          fields: [
            { key: 'numbers', value: numbers.total },
            ...(tally
              ? [
                  { key: 'calledNumbers', value: tally.called },
                  { key: 'answeredNumbers', value: tally.answered },
                  { key: 'notCalledNumbers', value: tally.notCalled },
                ]
              : []),
          ],
        },
        {
          group: 'settings',
          fields: [
            { key: 'taskassign', value: row.taskassign ?? null },
            { key: 'taskscale', value: row.taskscale ?? null },
            { key: 'nowscale', value: row.nowscale ?? null },
            { key: 'disnumber', value: row.disnumber ?? null },
          ],
        },
        {
          group: 'timing',
          // The server's `yyyy-mm-dd hh:mm:ss` as instants, shown in the manager's zone, with the
          // server's zone named (§8: not documented; the account's setting or this computer's).
          fields: [
            { key: 'createtime', value: serverTimeForDisplay(row.createtime, offset) },
            { key: 'starttime', value: serverTimeForDisplay(row.starttime, offset) },
            { key: 'vendorClock', value: utcOffsetLabel(offset) },
          ],
        },
      ],
    };
  }

  /**
   * Counts an ended task's numbers from TaskInfo (§4.7: 1035 not called, 1036 called), pages of
   * up to 1,000 rows. The count is read only for tasks of up to MAX_COUNTED_PAGES pages (a
   * bounded cost, once per task for the board); for a larger one only its last page is read: a
   * number not called there proves the task ended early, and otherwise it stays "ended".
   */
  private async countNumbers(taskId: string, options: CallOptions): Promise<TaskNumbers> {
    const first = await this.client.taskInfo(
      taskId,
      { currentpage: 1, itemsperpage: COUNT_PAGE_SIZE },
      options,
    );
    const total = first.totalitems;
    let tally = tallyRows(first.result);
    if (tally.rows >= total) return { total, tally, someNotCalled: tally.notCalled > 0 };
    if (first.result.length === 0) return { total, tally: null, someNotCalled: false };
    // The page size the server used (its maximum is not documented, §8).
    const size = Math.min(COUNT_PAGE_SIZE, first.itemsperpage ?? COUNT_PAGE_SIZE, tally.rows);
    const pages = Math.ceil(total / size);
    if (pages > MAX_COUNTED_PAGES) {
      const last = await this.client.taskInfo(
        taskId,
        { currentpage: pages, itemsperpage: size },
        options,
      );
      const probe = tallyRows(last.result);
      return { total, tally: null, someNotCalled: tally.notCalled + probe.notCalled > 0 };
    }
    for (let currentpage = 2; currentpage <= pages; currentpage += 1) {
      const page = await this.client.taskInfo(taskId, { currentpage, itemsperpage: size }, options);
      tally = tallyRows(page.result, tally);
    }
    // Rows that moved while paging (the count does not add up) are not a count.
    return tally.rows === total
      ? { total, tally, someNotCalled: tally.notCalled > 0 }
      : { total, tally: null, someNotCalled: tally.notCalled > 0 };
  }

  /**
   * A page of a task's numbers (TaskInfo, §4.7). TaskInfo has no outcome or phone filter, so
   * those filter the page here and `total` is then null.
   */
  async listNumberResults(
    kind: TaskKind,
    taskId: string,
    query: {
      readonly page: number;
      readonly pageSize: number;
      readonly outcome?: NumberOutcome;
      readonly phone?: string;
    },
    options: CallOptions = {},
  ): Promise<Page<NumberResult>> {
    if (kind !== 'predictive') throw wrongKind(kind);
    const page = await this.client.taskInfo(
      taskId,
      { currentpage: query.page, itemsperpage: query.pageSize },
      options,
    );
    const all = page.result.map(numberResultOf);
    const filtered = query.outcome !== undefined || query.phone !== undefined;
    const items = all.filter(
      (row) =>
        (query.outcome === undefined || row.outcome === query.outcome) &&
        (query.phone === undefined || row.phone.includes(query.phone)),
    );
    return {
      items,
      page: query.page,
      pageSize: query.pageSize,
      total: filtered ? null : page.totalitems,
    };
  }

  /**
   * A page of a task's call records: GetBill (§6.1) over the task's lifetime with predictive
   * outbound calls only (`callmethod` 5), matched on `taskid` here since GetBill has no task
   * filter. `syncflag` 3 so browsing marks nothing as fetched.
   */
  async listCallRecords(
    kind: TaskKind,
    taskId: string,
    query: { readonly page: number; readonly pageSize: number },
    options: CallOptions = {},
  ): Promise<Page<CallRecord>> {
    if (kind !== 'predictive') throw wrongKind(kind);
    const listed = await this.client.taskList({ taskid: taskId, itemsperpage: 10 }, options);
    const row = listed.task.find((task) => task.taskid === taskId);
    if (!row) throw notFound(taskId);
    const offset = this.offset();
    const now = this.client.now();
    // From the earlier of creation and first start (a server clock may disagree with itself).
    const known = [row.createtime, row.starttime]
      .map((text) => parseServerTime(text, offset))
      .filter((iso) => iso !== null)
      .map((iso) => Date.parse(iso));
    const from = known.length > 0 ? Math.min(...known) : now - 31 * 86_400_000;
    const all: CallRecord[] = [];
    for (let page = 1; page <= MAX_BILL_PAGES; page++) {
      const bill = await this.client.getBill(
        {
          starttime: formatServerTime(from, offset),
          endtime: formatServerTime(now + 60_000, offset),
          syncflag: 3,
          direction: 2,
          callmethod: 5,
          currentpage: page,
          itemsperpage: BILL_PAGE_MAX,
        },
        options,
      );
      for (const cdr of bill.records) {
        if (cdr.taskid === taskId) all.push(callRecordOf(cdr, offset));
      }
      if (bill.records.length < BILL_PAGE_MAX) break;
    }
    const start = (query.page - 1) * query.pageSize;
    return {
      items: all.slice(start, start + query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      total: all.length,
    };
  }

  /**
   * Creates a task in chunks of at most 10,000 (TaskCreat, then TaskAdd), reporting chunk k of n.
   * A failed chunk throws with `details.chunkFailure` (see `chunkFailureOf`), and a chunk the
   * server held short with `details.partialRefusal` (see `partialRefusalOf`); resume with
   * `resumeFrom: confirmed`, or call `reconcileCreate` first when its outcome is `unknown`.
   */
  async createTask(request: CreateTaskRequest, options: CreateOptions = {}): Promise<CreatedTask> {
    if (request.kind !== 'predictive') throw wrongKind(request.kind);
    const parsed = YccallTaskSettingsSchema.safeParse(request.settings);
    if (!parsed.success) throw invalidSettings(parsed.error);
    const resumeFrom = request.resumeFrom ?? 0;
    if (
      request.callees.length === 0 ||
      !Number.isInteger(resumeFrom) ||
      resumeFrom < 0 ||
      resumeFrom > request.callees.length
    ) {
      throw new AppError(
        'INVALID_INPUT',
        {
          en: 'A task needs at least one number, and can only be resumed from a position inside its list.',
          'zh-CN': '任务至少需要一个号码，且只能从号码列表内的位置继续。',
        },
        { callees: request.callees.length, resumeFrom },
      );
    }
    if (resumeFrom === 0) {
      const existing = await this.findTaskByName('predictive', request.name, options);
      if (existing) {
        throw new AppError(
          'CONFLICT',
          {
            en: `A task named “${request.name}” already exists on the call-center server (id ${existing.id}). Task names must be unique; resume that task or choose another name.`,
            'zh-CN': `呼叫中心服务器上已有名为“${request.name}”的任务（ID ${existing.id}）。任务名称必须唯一；请继续该任务或换一个名称。`,
          },
          { taskId: existing.id, name: request.name },
        );
      }
    }
    const result = await chunkedCreate(
      this.client,
      {
        name: request.name,
        callees: request.callees,
        base: taskCreatBaseOf(request.name, parsed.data, this.offset()),
        entryOf: this.entryMaker(parsed.data.callTimeVariable),
        resumeFrom,
        start: parsed.data.start,
        chunkSize: this.chunkSize,
        findTaskId: (name, signal) => this.findTaskId(name, signal),
      },
      options,
    );
    return { taskId: result.taskId, name: request.name, accepted: result.held };
  }

  /**
   * After a chunk failed with `outcome: 'unknown'` (e.g. the connection dropped after the server
   * saved it), counts the task's numbers to tell whether it landed, and says where to resume.
   */
  async reconcileCreate(failure: ChunkFailure, options: CallOptions = {}): Promise<Reconciliation> {
    return reconcileChunkedCreate(
      this.client,
      (name, signal) => this.findTaskId(name, signal),
      failure,
      options,
    );
  }

  /**
   * Vendor-neutral form of `reconcileCreate` for a journal that recorded the last checkpoint of
   * a create (the process may have died with that chunk in flight): counts what the task holds.
   */
  async reconcileCheckpoint(
    name: string,
    checkpoint: CreateCheckpoint,
    options: CallOptions = {},
  ): Promise<CheckpointReconciliation> {
    const reconciliation = await this.reconcileCreate(
      {
        stage: checkpoint.stage,
        taskId: checkpoint.taskId,
        name,
        confirmed: checkpoint.confirmed,
        held: checkpoint.held,
        chunk: checkpoint.chunk,
        chunks: checkpoint.chunks,
        pendingFrom: checkpoint.pendingFrom,
        pendingTo: checkpoint.pendingTo,
        outcome: 'unknown',
      },
      options,
    );
    return {
      taskId: reconciliation.taskId,
      resumeFrom: reconciliation.resumeFrom,
      held: reconciliation.held,
    };
  }

  /**
   * Appends numbers to a not-started, running or paused task (TaskAdd, §4.2), in chunks, with
   * the same failure details and resume rule as `createTask`.
   */
  async appendNumbers(
    taskId: string,
    callees: readonly Callee[],
    options: CallOptions & { onProgress?: (progress: Progress) => void; resumeFrom?: number } = {},
  ): Promise<{ readonly held: number }> {
    const page = await this.client.taskList({ taskid: taskId, itemsperpage: 10 }, options);
    const row = page.task.find((task) => task.taskid === taskId);
    if (!row) throw notFound(taskId);
    const name = row.taskname ?? taskId;
    const result = await chunkedCreate(
      this.client,
      {
        name,
        callees,
        existingTaskId: taskId,
        entryOf: this.entryMaker(),
        resumeFrom: options.resumeFrom ?? 0,
        start: false,
        chunkSize: this.chunkSize,
        findTaskId: async () => taskId,
      },
      options,
    );
    return { held: result.held };
  }

  /** The task's state (TaskList) and the numbers it holds (TaskInfo `totalitems`, §4.7). */
  async readBack(kind: TaskKind, taskId: string, options: CallOptions = {}): Promise<ReadBack> {
    if (kind !== 'predictive') throw wrongKind(kind);
    const page = await this.client.taskList({ taskid: taskId, itemsperpage: 10 }, options);
    const row = page.task.find((task) => task.taskid === taskId);
    if (!row) throw notFound(taskId);
    const held = await this.client.taskNumberCount(taskId, options);
    return { held, state: taskSummaryOf(row, this.accountId, this.offset(), held).state };
  }

  /** The task id for a unique name, or null. */
  private async findTaskId(name: string, signal?: AbortSignal): Promise<string | null> {
    return (await this.findTaskByName('predictive', name, { signal }))?.id ?? null;
  }

  /** Looks a task up by its exact name (TaskList `taskname`; matched exactly here). */
  async findTaskByName(
    kind: TaskKind,
    name: string,
    options: CallOptions = {},
  ): Promise<TaskSummary | null> {
    if (kind !== 'predictive') return null;
    const pageSize = 100;
    for (let currentpage = 1; currentpage <= 50; currentpage += 1) {
      const page = await this.client.taskList(
        { taskname: name, currentpage, itemsperpage: pageSize },
        options,
      );
      const row = page.task.find((task) => (task.taskname ?? '') === name);
      if (row) return taskSummaryOf(row, this.accountId, this.offset());
      if (page.task.length < pageSize || currentpage * pageSize >= page.totalitems) return null;
    }
    return null;
  }

  /**
   * Re-dials a task (taskCall, §4.5): 'all' re-dials every number; 'failed' the ones whose callee
   * (default) or agent did not answer (`settings.answerType`). Returns the new task when the
   * server names one; null when it re-dials within the same task.
   */
  async resend(
    kind: TaskKind,
    taskId: string,
    scope: ResendScope,
    settings: Readonly<Record<string, unknown>>,
    options: CallOptions = {},
  ): Promise<CreatedTask | null> {
    if (kind !== 'predictive') throw wrongKind(kind);
    const parsed = ResendSettingsSchema.safeParse(settings);
    if (!parsed.success) throw invalidSettings(parsed.error);
    if (!PREDICTIVE.resendScopes.includes(scope)) {
      throw new AppError(
        'VENDOR_REJECTED',
        {
          en: 'The call-center server can re-dial all numbers or the unanswered ones, not only the numbers never called; those are still dialled by the running task.',
          'zh-CN':
            '呼叫中心服务器可以重拨全部号码或未接通的号码，不能只重拨未拨打的号码；这些号码仍会由任务继续拨打。',
        },
        { scope },
      );
    }
    const answertype: RedialScope = scope === 'all' ? 'all' : (parsed.data.answerType ?? 'callee');
    const newId = await this.client.taskCall(
      taskId,
      { answertype, status: parsed.data.start === false ? 0 : 1 },
      options,
    );
    return newId === null ? null : { taskId: newId, name: newId, accepted: 0 };
  }

  /** Pauses a running task (TaskSet 2). */
  async pause(kind: TaskKind, taskId: string, options: CallOptions = {}): Promise<void> {
    if (kind !== 'predictive') throw wrongKind(kind);
    await this.client.taskSet(taskId, 'pause', options);
  }

  /** Starts or resumes a task (TaskSet 1). */
  async resume(kind: TaskKind, taskId: string, options: CallOptions = {}): Promise<void> {
    if (kind !== 'predictive') throw wrongKind(kind);
    await this.client.taskSet(taskId, 'start', options);
  }

  /** Ends a task for good (TaskSet 3; there is no delete, §4.8). */
  async cancel(kind: TaskKind, taskId: string, options: CallOptions = {}): Promise<void> {
    if (kind !== 'predictive') throw wrongKind(kind);
    await this.client.taskSet(taskId, 'end', options);
  }

  /** Signs out (§2.2): the account was removed or changed, or the app is quitting. */
  async close(): Promise<void> {
    await this.client.logout();
  }

  /** Not offered: the API has no call to change a task's settings. */
  async edit(kind: TaskKind, taskId: string): Promise<void> {
    throw new AppError(
      'VENDOR_REJECTED',
      {
        en: 'A Yccall task cannot be edited after it is created; end it and create a new one.',
        'zh-CN': 'Yccall 任务创建后无法修改；请结束后重新创建。',
      },
      { kind, taskId },
    );
  }

  /**
   * Queues and extensions for the task form (§5.1, §5.3). Extension groups are typed by name:
   * GetExtgroupInfo's `name` is documented as required (§5.4), so there is no documented way to
   * list them all (an empty name is refused by a server that checks its parameters).
   */
  async loadPickers(kind: TaskKind, options: CallOptions = {}): Promise<Pickers> {
    if (kind !== 'predictive') throw wrongKind(kind);
    const [queues, extensions] = await Promise.all([
      this.client.queues('', options),
      this.client.extensions(1, '', options),
    ]);
    return {
      assignTypes: [
        { value: 'extension', label: 'Extension' },
        { value: 'queue', label: 'Queue' },
        { value: 'group', label: 'Extension group' },
      ],
      queues: queues.map((queue) => ({
        value: queue.queuename,
        label: queue.queuename,
        ...(queue.remark ? { detail: queue.remark } : {}),
      })),
      extensions: extensions.map((extension) => ({
        value: extension.extnumber,
        label: extension.extnumber,
        detail: extension.register === 'reg' ? 'registered' : 'not registered',
      })),
      extensionGroups: [],
    };
  }
}
