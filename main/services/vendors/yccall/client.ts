import type { z } from 'zod';
import type { Clock, Logger } from '../../../ports';
import { AppError } from '../../errors';
import {
  READ_RETRY,
  describeTarget,
  httpStatusError,
  parseJsonBody,
  retryRead,
  type HttpSend,
  type RetryPolicy,
} from '../http';
import type { CallOptions } from '../vendor';
import { interpretEnvelope, type Verdict } from './codes';
import { encodeForm, type FormEncoding, type FormFields } from './form';
import {
  BillResultSchema,
  ExtensionGroupListResultSchema,
  ExtensionListResultSchema,
  LoginResultSchema,
  NoResultSchema,
  QueueListResultSchema,
  RegisterStatusResultSchema,
  TaskAddResultSchema,
  TaskCreatResultSchema,
  TaskInfoResultSchema,
  TaskListResultSchema,
  type BillResult,
  type ExtensionGroupRow,
  type ExtensionRow,
  type LoginResult,
  type QueueRow,
  type RegisterStatusRow,
  type TaskAddResult,
  type TaskCreatResult,
  type TaskInfoResult,
  type TaskListResult,
} from './schemas';
import { YccallSession, type SessionInfo } from './session';
import { BILL_PAGE_MAX, MAX_NUMBERS_PER_CALL } from './rules';

/** The service names, spelled exactly as documented (yccall.md §7.6). */
export const YCCALL_SERVICES = {
  login: 'App.Sip_Auth.Login',
  logout: 'App.Sip_Auth.Logout',
  taskCreat: 'App.Sip_Yccall.TaskCreat',
  taskAdd: 'App.Sip_Yccall.TaskAdd',
  taskDelPhone: 'App.Sip_Yccall.taskDelPhone',
  taskSet: 'App.Sip_Yccall.TaskSet',
  taskCall: 'App.Sip_Yccall.taskCall',
  taskList: 'App.Sip_Yccall.TaskList',
  taskInfo: 'App.Sip_Yccall.TaskInfo',
  queues: 'App.Sip_Queue.GetQueueList',
  extensions: 'App.Sip_Sipnum.GetSipnumberInfo',
  extensionGroups: 'App.Sip_Extgroup.GetExtgroupInfo',
  registerStatus: 'App.Sip_Status.GetSipRegisterStatus',
  bill: 'App.Sip_Cdr.GetBill',
} as const;

/** At most this many numbers per TaskCreat and per TaskAdd (§4.1, §4.2; defined in ./rules). */
export { MAX_NUMBERS_PER_CALL };

/** How one client reaches one Yccall server account. */
export interface YccallClientOptions {
  /** The server's API root (site-specific, §1), or the simulator's URL. */
  readonly baseUrl: string;
  readonly appid: string;
  /** Read from the keychain at sign-in only; the client never stores it. */
  readonly getAccessKey: () => Promise<string>;
  readonly send: HttpSend;
  /** Drives token expiry (12 h). */
  readonly clock: Clock;
  readonly logger?: Logger;
  /** Deadline of reads and commands (default 15 s). */
  readonly timeoutMs?: number;
  /** Deadline of TaskCreat/TaskAdd, which carry up to 10,000 numbers (default 60 s). */
  readonly writeTimeoutMs?: number;
  /** Backoff of reads (default READ_RETRY); creates and appends are never retried. */
  readonly retry?: RetryPolicy;
  readonly encoding?: FormEncoding;
}

/** One callee as the `telphone` JSON carries it (§4.1); `phone` is always a string (§7.10). */
export interface TelphoneEntry {
  readonly phone: string;
  readonly time?: number;
  readonly userid?: string;
  readonly memberid?: string;
  readonly customuuid?: string;
  readonly chengshudu?: string;
  readonly ext?: string;
}

/** Who answers a task: 1 extension, 2 queue, 3 extension group (§4.1, §7.1). */
export type AssignType = 1 | 2 | 3;

/** Fields of TaskCreat (§4.1) besides `service`/`token`. */
export interface TaskCreatRequest {
  readonly assigntype: AssignType;
  readonly assignagent: string;
  readonly telphone: readonly TelphoneEntry[];
  /** `"1:n"`. */
  readonly taskscale: string;
  readonly concurrent?: number;
  readonly scheduledtime?: string;
  readonly pausedtime?: string;
  readonly isscale?: 'auto' | 'manual';
  /** Comma-separated caller ids; always sent, empty = random (§7.3). */
  readonly disnumber: string;
  readonly taskname?: string;
  /** Start at once: 1, or not: 0. */
  readonly status?: 0 | 1;
}

/** The TaskSet commands (§4.4); distinct from TaskList codes (§7.2). */
export type TaskCommand = 'start' | 'pause' | 'end';

const TASK_COMMAND_CODE: Readonly<Record<TaskCommand, 1 | 2 | 3>> = { start: 1, pause: 2, end: 3 };

/** Which numbers taskCall re-dials (§4.5). */
export type RedialScope = 'all' | 'caller' | 'callee' | 'connected';

/** Filters of TaskList (§4.6). */
export interface TaskListFilter {
  readonly createtime?: string;
  readonly endtime?: string;
  readonly taskid?: string | readonly string[];
  readonly taskname?: string;
  /** 0 not started, 1 running, 2 paused, 3 ended (the filter encoding, §7.2). */
  readonly status?: 0 | 1 | 2 | 3;
  readonly tasktype?: 'transfer' | 'groups';
  readonly taskobject?: string;
  readonly customtaskid?: string;
  readonly currentpage?: number;
  readonly itemsperpage?: number;
}

/** Filters of GetBill (§6.1); defaults follow the docs, with syncflag 3 so browsing marks nothing. */
export interface BillFilter {
  readonly starttime: string;
  readonly endtime: string;
  readonly syncflag?: 1 | 2 | 3;
  readonly direction?: 1 | 2 | 3;
  readonly callmethod?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  readonly currentpage?: number;
  readonly itemsperpage?: number;
  readonly extnumber?: string;
  readonly destnumber?: string;
  readonly userid?: string;
  readonly memberid?: string;
  readonly chengshudu?: string;
  readonly customuuid?: string;
}

interface CallSpec<S extends z.ZodType> {
  readonly service: string;
  readonly fields: FormFields;
  readonly schema: S;
  /** Reads retry with backoff; writes never do. */
  readonly read: boolean;
  readonly timeoutMs?: number;
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('***');
  return out;
}

/** Rebuilds an error so that none of its text, details or message can carry a secret. */
export function scrubError(error: unknown, secrets: readonly string[]): AppError {
  const live = secrets.filter((secret) => secret.length > 0);
  if (!(error instanceof AppError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new AppError(
      'INTERNAL',
      {
        en: 'Something went wrong inside the app while talking to the call-center server.',
        'zh-CN': '与呼叫中心服务器通信时应用内部出错。',
      },
      { cause: redact(message, live) },
    );
  }
  const text = JSON.stringify([error.text, error.details ?? null, error.message]);
  if (!live.some((secret) => text.includes(secret))) return error;
  const details = error.details
    ? (JSON.parse(redact(JSON.stringify(error.details), live)) as Record<string, unknown>)
    : undefined;
  return new AppError(
    error.code,
    { en: redact(error.text.en, live), 'zh-CN': redact(error.text['zh-CN'], live) },
    details,
  );
}

/** Adds details to an AppError (details are read-only, so this makes a new one). */
export function withDetails(error: AppError, extra: Readonly<Record<string, unknown>>): AppError {
  return new AppError(error.code, error.text, { ...error.details, ...extra });
}

function tooMany(count: number, service: string): AppError {
  return new AppError(
    'LIMIT_EXCEEDED',
    {
      en: `A task can take at most ${MAX_NUMBERS_PER_CALL.toLocaleString('en')} numbers per create or append; this request has ${count.toLocaleString('en')}. Send them in parts.`,
      'zh-CN': `每次创建或追加任务最多 ${MAX_NUMBERS_PER_CALL} 个号码，本次有 ${count} 个。请分批发送。`,
    },
    { service, count, limit: MAX_NUMBERS_PER_CALL },
  );
}

function noNumbers(service: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    { en: 'There are no numbers to send.', 'zh-CN': '没有要发送的号码。' },
    { service },
  );
}

function compactEntry(entry: TelphoneEntry): Record<string, string | number> {
  const out: Record<string, string | number> = { phone: entry.phone };
  if (entry.time !== undefined) out['time'] = entry.time;
  for (const key of ['userid', 'memberid', 'customuuid', 'chengshudu', 'ext'] as const) {
    const value = entry[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

/** The `telphone` form field: a JSON string of callee objects (§1, §4.1). */
export function telphoneField(entries: readonly TelphoneEntry[]): string {
  return JSON.stringify(entries.map(compactEntry));
}

/**
 * A client for one Yccall account (yccall.md): sign-in with appid + access key, a 12-hour token
 * in memory, form POSTs with `service` + `token`, and the `{ret, data, msg}` envelope turned into
 * results or AppErrors.
 *
 * Reads retry with backoff; TaskCreat and TaskAdd are never retried (DESIGN.md "Vendor calls"),
 * except once after `ret` 600, which says the server refused the call without doing anything.
 * Neither the access key nor a token ever appears in an error, its details, or a log line.
 */
export class YccallClient {
  readonly session: YccallSession;
  private readonly target: string;
  private readonly timeoutMs: number;
  private readonly writeTimeoutMs: number;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: YccallClientOptions) {
    this.target = describeTarget(options.baseUrl);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 60_000;
    this.retry = options.retry ?? READ_RETRY;
    this.session = new YccallSession((signal) => this.signIn(signal), options.clock);
  }

  /** Where requests go (scheme, host, path), for summaries and messages. */
  get server(): string {
    return this.target;
  }

  /** The client's clock (the simulator's in the sandbox), for time windows of queries. */
  now(): number {
    return this.options.clock.now();
  }

  /** The current sign-in (company, times), without the token. */
  get sessionInfo(): SessionInfo | null {
    return this.session.info;
  }

  /** Signs in now, replacing any token (connection test). */
  async login(options: CallOptions = {}): Promise<SessionInfo> {
    try {
      await retryRead(() => this.session.renew(options.signal), this.retry, options.signal);
    } catch (error) {
      throw this.fail(YCCALL_SERVICES.login, error);
    }
    const info = this.session.info;
    if (!info)
      throw new AppError('INTERNAL', {
        en: 'Sign-in left no session.',
        'zh-CN': '登录后没有会话。',
      });
    return info;
  }

  /** Clears the token on the server (§2.2) and here. */
  async logout(options: CallOptions = {}): Promise<void> {
    const token = this.session.currentToken;
    this.session.clear();
    if (token === null) return;
    try {
      const verdict = await this.exchange(
        YCCALL_SERVICES.logout,
        { token },
        NoResultSchema,
        this.timeoutMs,
        options.signal,
        false,
        true,
      );
      if (!verdict.ok) throw verdict.error;
    } catch (error) {
      throw this.fail(YCCALL_SERVICES.logout, error);
    }
  }

  /** Creates a predictive task with at most 10,000 numbers (§4.1). Never retried. */
  async taskCreat(request: TaskCreatRequest, options: CallOptions = {}): Promise<TaskCreatResult> {
    const service = YCCALL_SERVICES.taskCreat;
    if (request.telphone.length === 0) throw noNumbers(service);
    if (request.telphone.length > MAX_NUMBERS_PER_CALL)
      throw tooMany(request.telphone.length, service);
    const fields: Record<string, string | number> = {
      assigntype: request.assigntype,
      assignagent: request.assignagent,
      telphone: telphoneField(request.telphone),
      taskscale: request.taskscale,
      disnumber: request.disnumber,
    };
    if (request.concurrent !== undefined) fields['concurrent'] = String(request.concurrent);
    if (request.scheduledtime) fields['scheduledtime'] = request.scheduledtime;
    if (request.pausedtime) fields['pausedtime'] = request.pausedtime;
    if (request.isscale) fields['isscale'] = request.isscale;
    if (request.taskname !== undefined) fields['taskname'] = request.taskname;
    if (request.status !== undefined) fields['status'] = String(request.status);
    return this.call(
      {
        service,
        fields,
        schema: TaskCreatResultSchema,
        read: false,
        timeoutMs: this.writeTimeoutMs,
      },
      options,
    );
  }

  /** Appends at most 10,000 numbers to a not-started, running or paused task (§4.2). Never retried. */
  async taskAdd(
    taskId: string,
    entries: readonly TelphoneEntry[],
    options: CallOptions = {},
  ): Promise<TaskAddResult> {
    const service = YCCALL_SERVICES.taskAdd;
    if (entries.length === 0) throw noNumbers(service);
    if (entries.length > MAX_NUMBERS_PER_CALL) throw tooMany(entries.length, service);
    return this.call(
      {
        service,
        fields: { taskid: taskId, telphone: telphoneField(entries) },
        schema: TaskAddResultSchema,
        read: false,
        timeoutMs: this.writeTimeoutMs,
      },
      options,
    );
  }

  /** Removes numbers from a task (§4.3); the per-call limit is not documented, 10,000 is assumed. */
  async taskDelPhone(
    taskId: string,
    phones: readonly string[],
    options: CallOptions = {},
  ): Promise<void> {
    const service = YCCALL_SERVICES.taskDelPhone;
    if (phones.length === 0) throw noNumbers(service);
    if (phones.length > MAX_NUMBERS_PER_CALL) throw tooMany(phones.length, service);
    await this.call(
      {
        service,
        fields: { taskid: taskId, telphone: phones.join(',') },
        schema: NoResultSchema,
        read: false,
      },
      options,
    );
  }

  /** Starts, pauses or ends a task (§4.4). A command: not retried on transport failure. */
  async taskSet(taskId: string, command: TaskCommand, options: CallOptions = {}): Promise<void> {
    await this.call(
      {
        service: YCCALL_SERVICES.taskSet,
        fields: { taskid: taskId, taskstatus: TASK_COMMAND_CODE[command] },
        schema: NoResultSchema,
        read: false,
      },
      options,
    );
  }

  /** Re-dials a task's numbers (§4.5). Whether a new task id comes back is not documented. */
  async taskCall(
    taskId: string,
    request: {
      readonly answertype?: RedialScope;
      readonly status?: 0 | 1;
      readonly scheduledtime?: string;
      readonly pausedtime?: string;
    },
    options: CallOptions = {},
  ): Promise<string | null> {
    const fields: Record<string, string | number> = { taskid: taskId };
    if (request.answertype) fields['answertype'] = request.answertype;
    if (request.status !== undefined) fields['status'] = request.status;
    if (request.scheduledtime) fields['scheduledtime'] = request.scheduledtime;
    if (request.pausedtime) fields['pausedtime'] = request.pausedtime;
    const result = await this.call(
      {
        service: YCCALL_SERVICES.taskCall,
        fields,
        schema: TaskCreatResultSchema.nullish(),
        read: false,
      },
      options,
    );
    return result?.taskId ?? null;
  }

  /** Lists tasks (§4.6). */
  async taskList(filter: TaskListFilter = {}, options: CallOptions = {}): Promise<TaskListResult> {
    const fields: Record<string, string | number> = {};
    if (filter.createtime) fields['createtime'] = filter.createtime;
    if (filter.endtime) fields['endtime'] = filter.endtime;
    if (filter.taskid !== undefined) {
      fields['taskid'] =
        typeof filter.taskid === 'string' ? filter.taskid : filter.taskid.join(',');
    }
    if (filter.taskname !== undefined) fields['taskname'] = filter.taskname;
    if (filter.status !== undefined) fields['status'] = String(filter.status);
    if (filter.tasktype) fields['tasktype'] = filter.tasktype;
    if (filter.taskobject) fields['taskobject'] = filter.taskobject;
    if (filter.customtaskid) fields['customtaskid'] = filter.customtaskid;
    fields['currentpage'] = filter.currentpage ?? 1;
    fields['itemsperpage'] = filter.itemsperpage ?? 10;
    return this.call(
      { service: YCCALL_SERVICES.taskList, fields, schema: TaskListResultSchema, read: true },
      options,
    );
  }

  /** One page of a task's numbers (§4.7). */
  async taskInfo(
    taskId: string,
    page: { readonly currentpage?: number; readonly itemsperpage?: number } = {},
    options: CallOptions = {},
  ): Promise<TaskInfoResult> {
    return this.call(
      {
        service: YCCALL_SERVICES.taskInfo,
        fields: {
          taskid: taskId,
          currentpage: page.currentpage ?? 1,
          itemsperpage: page.itemsperpage ?? 10,
        },
        schema: TaskInfoResultSchema,
        read: true,
      },
      options,
    );
  }

  /** How many numbers a task holds, from TaskInfo's `totalitems` (one row fetched). */
  async taskNumberCount(taskId: string, options: CallOptions = {}): Promise<number> {
    const page = await this.taskInfo(taskId, { currentpage: 1, itemsperpage: 1 }, options);
    return page.totalitems;
  }

  /** Queues (task groups) (§5.1); an empty name lists all. */
  async queues(queuename = '', options: CallOptions = {}): Promise<readonly QueueRow[]> {
    return this.call(
      {
        service: YCCALL_SERVICES.queues,
        fields: { queuename },
        schema: QueueListResultSchema,
        read: true,
      },
      options,
    );
  }

  /** Extensions (§5.3): status 1 enabled, 2 disabled, 3 all. SIP passwords are dropped. */
  async extensions(
    status: 1 | 2 | 3 = 1,
    extnumber = '',
    options: CallOptions = {},
  ): Promise<readonly ExtensionRow[]> {
    const fields: Record<string, string | number> = { status };
    if (extnumber) fields['extnumber'] = extnumber;
    return this.call(
      {
        service: YCCALL_SERVICES.extensions,
        fields,
        schema: ExtensionListResultSchema,
        read: true,
      },
      options,
    );
  }

  /** Extension groups (§5.4): status 1 enabled, 0 disabled, 2 all; `name` is required, '' for all. */
  async extensionGroups(
    status: 0 | 1 | 2 = 1,
    name = '',
    options: CallOptions = {},
  ): Promise<readonly ExtensionGroupRow[]> {
    return this.call(
      {
        service: YCCALL_SERVICES.extensionGroups,
        fields: { name, status },
        schema: ExtensionGroupListResultSchema,
        read: true,
      },
      options,
    );
  }

  /** Registration state of extensions (§5.3). */
  async registerStatus(
    extnumbers: readonly string[],
    options: CallOptions = {},
  ): Promise<readonly RegisterStatusRow[]> {
    return this.call(
      {
        service: YCCALL_SERVICES.registerStatus,
        fields: { extnumber: extnumbers.join(',') },
        schema: RegisterStatusResultSchema,
        read: true,
      },
      options,
    );
  }

  /** Call records (§6.1); `itemsperpage` is 1–1000 (BILL_PAGE_MAX). */
  async getBill(filter: BillFilter, options: CallOptions = {}): Promise<BillResult> {
    const itemsperpage = filter.itemsperpage ?? 10;
    if (!Number.isInteger(itemsperpage) || itemsperpage < 1 || itemsperpage > BILL_PAGE_MAX) {
      throw new AppError(
        'LIMIT_EXCEEDED',
        {
          en: `Call records can be fetched 1 to ${BILL_PAGE_MAX.toLocaleString('en')} per page.`,
          'zh-CN': `通话记录每页可获取 1 到 ${BILL_PAGE_MAX} 条。`,
        },
        { service: YCCALL_SERVICES.bill, itemsperpage },
      );
    }
    const fields: Record<string, string | number> = {
      starttime: filter.starttime,
      endtime: filter.endtime,
      syncflag: filter.syncflag ?? 3,
      direction: filter.direction ?? 3,
      callmethod: filter.callmethod ?? 0,
      currentpage: filter.currentpage ?? 1,
      itemsperpage,
      extnumber: filter.extnumber ?? '',
      destnumber: filter.destnumber ?? '',
      userid: filter.userid ?? '',
      memberid: filter.memberid ?? '',
    };
    if (filter.chengshudu !== undefined) fields['chengshudu'] = filter.chengshudu;
    if (filter.customuuid !== undefined) fields['customuuid'] = filter.customuuid;
    return this.call(
      { service: YCCALL_SERVICES.bill, fields, schema: BillResultSchema, read: true },
      options,
    );
  }

  /** Runs one service call: reads with retryRead, writes once; errors scrubbed and logged. */
  private async call<S extends z.ZodType>(
    spec: CallSpec<S>,
    options: CallOptions,
  ): Promise<z.output<S>> {
    const run = () => this.authorized(spec, options.signal);
    try {
      return spec.read ? await retryRead(run, this.retry, options.signal) : await run();
    } catch (error) {
      throw this.fail(spec.service, error);
    }
  }

  /** One call with the token; after `ret` 600 (or 1010) it signs in again and repeats once. */
  private async authorized<S extends z.ZodType>(
    spec: CallSpec<S>,
    signal: AbortSignal | undefined,
  ): Promise<z.output<S>> {
    for (let attempt = 0; ; attempt += 1) {
      let token: string;
      try {
        token = await this.session.token(signal);
      } catch (error) {
        // The call itself was never sent: its outcome is known (nothing happened).
        throw error instanceof AppError && !spec.read
          ? withDetails(error, { outcome: 'not-sent' })
          : error;
      }
      const verdict = await this.exchange(
        spec.service,
        { ...spec.fields, token },
        spec.schema,
        spec.timeoutMs ?? this.timeoutMs,
        signal,
        false,
        spec.read,
      );
      if (verdict.ok) return verdict.result;
      if (verdict.relogin && attempt === 0) {
        this.options.logger?.info('yccall token refused; signing in again', {
          service: spec.service,
        });
        this.session.invalidate(token);
        continue;
      }
      throw spec.read ? verdict.error : withDetails(verdict.error, { outcome: 'not-applied' });
    }
  }

  private async signIn(signal: AbortSignal | undefined): Promise<LoginResult> {
    const accessKey = await this.options.getAccessKey();
    try {
      const verdict = await this.exchange(
        YCCALL_SERVICES.login,
        { appid: this.options.appid, accesskey: accessKey },
        LoginResultSchema,
        this.timeoutMs,
        signal,
        true,
      );
      if (!verdict.ok) throw verdict.error;
      return verdict.result;
    } catch (error) {
      throw scrubError(error, [accessKey, ...this.session.knownTokens()]);
    }
  }

  /**
   * One POST and its verdict. Transport failures, HTTP errors, non-JSON and unexpected shapes
   * throw; a well-formed envelope (success or refusal) comes back as a verdict. For writes, every
   * failure after the request left says `outcome: 'unknown'`: the server may have committed it.
   */
  private async exchange<S extends z.ZodType>(
    service: string,
    fields: FormFields,
    schema: S,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    login: boolean,
    read = true,
  ): Promise<Verdict<z.output<S>>> {
    const form = encodeForm({ service, ...fields }, this.options.encoding);
    const started = performance.now();
    try {
      const response = await this.options.send({
        method: 'POST',
        url: this.options.baseUrl,
        headers: { 'content-type': form.contentType, accept: 'application/json' },
        body: form.body,
        timeoutMs,
        signal,
      });
      let body: unknown;
      if (response.status < 200 || response.status > 299) {
        // Some PhalApi set-ups mirror `ret` in the HTTP status; read the envelope when there is one.
        try {
          body = JSON.parse(response.text) as unknown;
        } catch {
          throw httpStatusError(response.status, this.target);
        }
      } else {
        body = parseJsonBody(response.text, this.target);
      }
      const verdict = interpretEnvelope(body, service, schema, login);
      if (!verdict.ok && verdict.error.code === 'VENDOR_UNAVAILABLE' && !read) throw verdict.error;
      this.options.logger?.debug('yccall request', {
        service,
        ms: Math.round(performance.now() - started),
        httpStatus: response.status,
        ok: verdict.ok,
        ...(verdict.ok ? {} : { code: verdict.error.code, vendor: pickVendorCode(verdict.error) }),
      });
      return verdict;
    } catch (error) {
      if (read || !(error instanceof AppError)) throw error;
      throw withDetails(error, { outcome: 'unknown' });
    }
  }

  private fail(service: string, error: unknown): AppError {
    const scrubbed = scrubError(error, this.session.knownTokens());
    this.options.logger?.warn('yccall request failed', {
      service,
      code: scrubbed.code,
      details: scrubbed.details,
    });
    return scrubbed;
  }
}

function pickVendorCode(error: AppError): unknown {
  return error.details?.['vendorCode'] ?? error.details?.['ret'] ?? null;
}
