import type { z } from 'zod';
import type { Clock, Logger } from '../../../ports';
import { AppError } from '../../errors';
import type { CallOptions } from '../vendor';
import {
  READ_RETRY,
  describeTarget,
  httpStatusError,
  parseJsonBody,
  retryRead,
  transportError,
  type HttpResponse,
  type HttpSend,
  type RetryPolicy,
} from '../http';
import { resolveRoutes, type ItniotechBrand, type ItniotechRoutes } from './brands';
import {
  BalanceBodySchema,
  CallRecordPageSchema,
  CcTaskNumberPageSchema,
  CcTaskPageSchema,
  DisplayNumberPageSchema,
  EmptyDataSchema,
  EnvelopeSchema,
  GroupTaskDetailSchema,
  GroupTaskPageSchema,
  OptionalTaskIdSchema,
  SeatGroupPageSchema,
  SipTotalSchema,
  UploadDataSchema,
} from './schemas';
import { signedHeaders, unixSeconds } from './signing';
import { statusCodeError, type ItniotechOperation } from './status-codes';

/** How one client instance reaches one ITNIO account. */
export interface ItniotechClientOptions {
  readonly apiKey: string;
  /** Read from the keychain at sign time only; the secret is never stored on the client. */
  readonly getSecret: () => Promise<string>;
  readonly brand: ItniotechBrand;
  /** Another base URL (a proxy, or the simulator's http://127.0.0.1:port). */
  readonly baseUrl?: string;
  readonly send: HttpSend;
  readonly clock: Clock;
  readonly logger?: Logger;
  /** Deadline of every request, connect to last byte (default 15 s; uploads get 4×). */
  readonly timeoutMs?: number;
  /** Backoff of reads (default READ_RETRY); creates are never retried. */
  readonly retry?: RetryPolicy;
  /** Clock window assumed in the -16 message when the skew cannot be measured (default 300 s). */
  readonly assumedClockWindowSeconds?: number;
}

/** The paging body every list endpoint takes (itniotech.md §3). */
export interface PageRequest<P extends object = Readonly<Record<string, unknown>>> {
  readonly current: number;
  readonly size: number;
  readonly params: P;
}

/** Body of `/cc/preview/upload` (§4.1). */
export interface UploadRequest {
  /** 5–32 characters. */
  readonly fileName: string;
  /** The whole workbook, base64. */
  readonly file: string;
}

/** Body of `/cc/preview/submitTask` (§4.2). */
export interface SubmitTaskRequest {
  readonly filePath: string;
  readonly fileName: string;
  readonly type: 0 | 1;
  readonly voiceGroupId?: readonly number[];
  readonly appId?: string;
  readonly calloutRate?: number;
  readonly displayNum?: string;
  readonly ccode?: string;
  readonly remark?: string;
  readonly maxRingingTime?: number;
}

/** Body of `/cc/preview/resendTask` (§4.3); `taskId` is sent as a number when all digits (§9.3). */
export interface ResendTaskRequest extends Omit<SubmitTaskRequest, 'filePath' | 'fileName'> {
  readonly taskId: string;
  /** 1 failed numbers, 2 not-yet-called numbers, 3 all. */
  readonly resendType: 1 | 2 | 3;
}

/** Filters of `/cc/preview/query` (§4.4). */
export interface CcTaskQueryParams {
  readonly startTime?: string;
  readonly endTime?: string;
  readonly taskId?: string;
  readonly taskStatus?: readonly number[];
  readonly taskType?: number;
  readonly finishFlag?: number;
  readonly voiceGroupIds?: readonly number[];
}

/** Filters of `/cc/preview/queryTaskDetail` (§4.5). */
export interface CcTaskDetailParams {
  readonly taskId: string;
  readonly called?: string;
  readonly statusList?: readonly number[];
  readonly sipGroupId?: number;
  readonly remark?: string;
}

/** Filters of `/voice/group/call/query` (§5.5); times are `yyyy-MM-dd HH:mm:ss`. */
export interface GroupCallQueryParams {
  readonly strTime: string;
  readonly endTime: string;
  readonly statusList?: readonly number[];
  readonly idxAppId?: string;
  readonly searchCondition?: string;
}

/** One callee of a group call (§5.1, §5.8). */
export interface NumberInfo {
  readonly calleeNumber: string;
  readonly callInformation?: Readonly<Record<string, string>>;
  readonly [text: `text${number}`]: string | undefined;
}

/** Body of `/voice/group/call/send` and `/send/agent`: the documented fields, passed through. */
export interface GroupCallSendRequest {
  readonly appId: string;
  readonly taskName: string;
  readonly numberInfoList: readonly NumberInfo[];
  readonly [field: string]: unknown;
}

/** Body of `/voice/group/call/resend` and `/resend/ai` (§5.3, §5.4). */
export interface GroupCallResendRequest {
  readonly keyId: string;
  readonly taskName: string;
  /** 0 all, 1 failed only. */
  readonly resendType: 0 | 1;
  readonly [field: string]: unknown;
}

/** Body of `/cc/preview/agent/editTask` (§4.6). */
export interface EditTaskRequest {
  readonly taskId: string;
  readonly calloutRate: number;
  readonly remark?: string;
}

type Family = 'cc' | 'voice' | 'root';

interface CallSpec<S extends z.ZodType> {
  readonly operation: ItniotechOperation;
  readonly method: 'GET' | 'POST';
  readonly family: Family;
  readonly path: string;
  readonly body?: unknown;
  readonly schema: S;
  /** Validate `data` (default) or the whole body (the balance query has no `data`). */
  readonly pick?: 'data' | 'body';
  /** Reads are retried with backoff; creates and changes never are. */
  readonly read: boolean;
  readonly timeoutMs?: number;
}

/** Ids are strings inside the app and JSON numbers on the wire when all digits (§9.3). */
export function wireId(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

function headerOf(response: HttpResponse, name: string): string | null {
  // The server's Date header lets the -16 message measure the clock skew.
  const value = response.headers?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

function redact(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join('***') : text;
}

function holdsSecret(error: AppError, secret: string): boolean {
  if (secret.length === 0) return false;
  return JSON.stringify([error.text, error.details ?? null, error.message]).includes(secret);
}

/** Rebuilds an error so no text or detail of it can carry the secret. */
function withoutSecret(error: AppError, secret: string): AppError {
  if (!holdsSecret(error, secret)) return error;
  const details = error.details
    ? (JSON.parse(redact(JSON.stringify(error.details), secret)) as Record<string, unknown>)
    : undefined;
  return new AppError(
    error.code,
    { en: redact(error.text.en, secret), 'zh-CN': redact(error.text['zh-CN'], secret) },
    details,
  );
}

function shapeError(target: string, issues: readonly z.core.$ZodIssue[]): AppError {
  // Paths and issue codes only: values could be anything the server echoed.
  const summary = issues.slice(0, 5).map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
  }));
  return new AppError(
    'VENDOR_UNAVAILABLE',
    {
      en: `${target} answered in a shape the app does not understand. The vendor may have changed its API; try again later or contact support.`,
      'zh-CN': `${target} 返回的数据格式无法识别。服务商可能修改了接口；请稍后重试或联系支持。`,
    },
    { target, issues: summary },
  );
}

function httpError(status: number, target: string): AppError {
  if (status >= 500 || status === 429) return httpStatusError(status, target);
  if (status === 401 || status === 403) {
    return new AppError(
      'VENDOR_AUTH',
      {
        en: `${target} refused access (HTTP ${status}). Check the account's API key and secret.`,
        'zh-CN': `${target} 拒绝访问（HTTP ${status}）。请检查账户的 API Key 和密钥。`,
      },
      { target, status },
    );
  }
  return new AppError(
    'VENDOR_REJECTED',
    {
      en: `${target} answered with HTTP ${status}. Check the account's server address and brand (ITNIO or ONBUKA).`,
      'zh-CN': `${target} 返回 HTTP ${status}。请检查账户的服务器地址和品牌（ITNIO 或 ONBUKA）。`,
    },
    { target, status },
  );
}

/** What the response parser needs to know besides the body. */
export interface ParseContext {
  readonly operation: ItniotechOperation;
  readonly target: string;
  /** Validate `data` (most endpoints) or the whole body (the balance query). */
  readonly pick: 'data' | 'body';
  /** Scrubbed from the vendor's words before they reach an error. */
  readonly secret?: string;
  readonly sentAtMs?: number;
  readonly serverDate?: string | null;
  readonly assumedWindowSeconds?: number;
}

/**
 * Parses an ITNIO answer: JSON, either envelope (§2), the status code (§8), then the payload schema.
 *
 * Success ⇔ `String(status ?? code) === "0"`; any other code becomes the mapped AppError.
 */
export function parseItniotechResponse<S extends z.ZodType>(
  text: string,
  schema: S,
  context: ParseContext,
): z.output<S> {
  const raw = parseJsonBody(text, context.target);
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw shapeError(context.target, envelope.error.issues);
  const code = String(envelope.data.status ?? envelope.data.code).trim();
  if (code !== '0') {
    const said = envelope.data.reason ?? envelope.data.msg ?? null;
    throw statusCodeError(code, {
      operation: context.operation,
      target: context.target,
      vendorMessage: said === null ? null : redact(said, context.secret ?? '').slice(0, 200),
      sentAtMs: context.sentAtMs ?? Date.now(),
      serverDate: context.serverDate ?? null,
      assumedWindowSeconds: context.assumedWindowSeconds ?? 300,
    });
  }
  const payload = context.pick === 'body' ? raw : envelope.data.data;
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw shapeError(context.target, parsed.error.issues);
  return parsed.data;
}

/**
 * A signed HTTP client for one ITNIO / ONBUKA account: one method per endpoint of itniotech.md.
 *
 * Every request gets a fresh timestamp and Sign, a deadline, and the caller's AbortSignal. Reads
 * retry with backoff; creates (upload, submitTask, send, resend*) and changes (edit, cancel) are
 * sent once: an unknown outcome is for the submissions journal to reconcile (DESIGN.md).
 */
export class ItniotechClient {
  private readonly routes: ItniotechRoutes;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: ItniotechClientOptions) {
    this.routes = resolveRoutes(options.brand, options.baseUrl);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retry = options.retry ?? READ_RETRY;
  }

  /** Base URL and prefixes in use. */
  get endpoints(): ItniotechRoutes {
    return this.routes;
  }

  // --- call-center preview tasks (§4) ---

  /** Uploads the callee workbook (base64). Never retried. */
  uploadCallees(body: UploadRequest, options?: CallOptions) {
    return this.call(
      {
        operation: 'upload',
        method: 'POST',
        family: 'cc',
        path: '/cc/preview/upload',
        body,
        schema: UploadDataSchema,
        read: false,
        timeoutMs: this.timeoutMs * 4,
      },
      options,
    );
  }

  /** Creates a cc task from an uploaded file; the new id, or null on page revisions without one. */
  submitTask(body: SubmitTaskRequest, options?: CallOptions): Promise<string | null> {
    return this.call(
      {
        operation: 'submit-task',
        method: 'POST',
        family: 'cc',
        path: '/cc/preview/submitTask',
        body,
        schema: OptionalTaskIdSchema,
        read: false,
      },
      options,
    );
  }

  /** Recalls numbers of a cc task into a new task (resendType 1 failed, 2 not called, 3 all). */
  resendTask(body: ResendTaskRequest, options?: CallOptions): Promise<string | null> {
    return this.call(
      {
        operation: 'resend-task',
        method: 'POST',
        family: 'cc',
        path: '/cc/preview/resendTask',
        body: { ...body, taskId: wireId(body.taskId) },
        schema: OptionalTaskIdSchema,
        read: false,
      },
      options,
    );
  }

  /** Lists cc tasks. */
  queryCcTasks(body: PageRequest<CcTaskQueryParams>, options?: CallOptions) {
    return this.call(
      {
        operation: 'query',
        method: 'POST',
        family: 'cc',
        path: '/cc/preview/query',
        body,
        schema: CcTaskPageSchema,
        read: true,
      },
      options,
    );
  }

  /** Lists the numbers of one cc task with their call status. */
  queryCcTaskDetail(body: PageRequest<CcTaskDetailParams>, options?: CallOptions) {
    return this.call(
      {
        operation: 'detail',
        method: 'POST',
        family: 'cc',
        path: '/cc/preview/queryTaskDetail',
        body: { ...body, params: { ...body.params, taskId: wireId(body.params.taskId) } },
        schema: CcTaskNumberPageSchema,
        read: true,
      },
      options,
    );
  }

  /** Changes the outbound ratio (and remark) of a group-call-to-agent cc task. */
  async editCcTask(body: EditTaskRequest, options?: CallOptions): Promise<void> {
    await this.call(
      {
        operation: 'edit',
        method: 'POST',
        family: 'cc',
        path: '/cc/preview/agent/editTask',
        body: { ...body, taskId: wireId(body.taskId) },
        schema: EmptyDataSchema,
        read: false,
      },
      options,
    );
  }

  /** Cancels a cc task. */
  async cancelCcTask(taskId: string, options?: CallOptions): Promise<void> {
    await this.call(
      {
        operation: 'cancel',
        method: 'POST',
        family: 'cc',
        path: '/cc/preview/agent/cancelTask',
        body: { taskId: wireId(taskId) },
        schema: EmptyDataSchema,
        read: false,
      },
      options,
    );
  }

  // --- voice group calls and AI-agent group calls (§5) ---

  /** Creates a voice group call; the new id when the vendor returns one. Never retried. */
  sendGroupCall(body: GroupCallSendRequest, options?: CallOptions): Promise<string | null> {
    return this.call(
      {
        operation: 'send',
        method: 'POST',
        family: 'voice',
        path: '/voice/group/call/send',
        body,
        schema: OptionalTaskIdSchema,
        read: false,
        timeoutMs: this.timeoutMs * 4,
      },
      options,
    );
  }

  /** Creates an AI-agent group call (taskType 3). Never retried. */
  sendAiAgentGroupCall(body: GroupCallSendRequest, options?: CallOptions): Promise<string | null> {
    return this.call(
      {
        operation: 'send',
        method: 'POST',
        family: 'voice',
        path: '/voice/group/call/send/agent',
        body,
        schema: OptionalTaskIdSchema,
        read: false,
        timeoutMs: this.timeoutMs * 4,
      },
      options,
    );
  }

  /** Lists voice group calls (no taskType filter). */
  queryGroupCalls(body: PageRequest<GroupCallQueryParams>, options?: CallOptions) {
    return this.call(
      {
        operation: 'query',
        method: 'POST',
        family: 'voice',
        path: '/voice/group/call/query',
        body,
        schema: GroupTaskPageSchema,
        read: true,
      },
      options,
    );
  }

  /** Lists AI-agent group calls (`params.taskType = 3`, §5.8). */
  queryAiAgentGroupCalls(body: PageRequest<GroupCallQueryParams>, options?: CallOptions) {
    return this.call(
      {
        operation: 'query',
        method: 'POST',
        family: 'voice',
        path: '/voice/group/call/query',
        body: { ...body, params: { ...body.params, taskType: 3 } },
        schema: GroupTaskPageSchema,
        read: true,
      },
      options,
    );
  }

  /** One group call with every documented field (§5.6). */
  groupCallDetail(jobId: string, options?: CallOptions) {
    return this.call(
      {
        operation: 'detail',
        method: 'GET',
        family: 'voice',
        path: `/voice/group/call/detail/${encodeURIComponent(jobId)}`,
        schema: GroupTaskDetailSchema,
        read: true,
      },
      options,
    );
  }

  /** Re-runs a voice group call as a new task (0 all, 1 failed). Never retried. */
  resendGroupCall(body: GroupCallResendRequest, options?: CallOptions): Promise<string | null> {
    return this.call(
      {
        operation: 'resend',
        method: 'POST',
        family: 'voice',
        path: '/voice/group/call/resend',
        body: { ...body, keyId: wireId(body.keyId) },
        schema: OptionalTaskIdSchema,
        read: false,
      },
      options,
    );
  }

  /** Re-runs an AI-agent group call as a new task; `data` is the new id (§5.4). Never retried. */
  resendAiGroupCall(body: GroupCallResendRequest, options?: CallOptions): Promise<string | null> {
    return this.call(
      {
        operation: 'resend-ai',
        method: 'POST',
        family: 'voice',
        path: '/voice/group/call/resend/ai',
        body: { ...body, keyId: wireId(body.keyId) },
        schema: OptionalTaskIdSchema,
        read: false,
      },
      options,
    );
  }

  /** Cancels group calls (voice or AI-agent) by id (§5.7). */
  async cancelGroupCalls(taskIds: readonly string[], options?: CallOptions): Promise<void> {
    await this.call(
      {
        operation: 'cancel',
        method: 'POST',
        family: 'voice',
        path: '/voice/group/call/cancel',
        body: { taskIdList: taskIds.map(wireId) },
        schema: EmptyDataSchema,
        read: false,
      },
      options,
    );
  }

  // --- pickers (§6) and records (§7) ---

  /** Agent groups (`voiceGroupId` / `sipGroupId`). */
  querySeatGroups(body: PageRequest<{ readonly groupName?: string }>, options?: CallOptions) {
    return this.call(
      {
        operation: 'picker',
        method: 'POST',
        family: 'cc',
        path: '/cc/seatGroup/query',
        body,
        schema: SeatGroupPageSchema,
        read: true,
      },
      options,
    );
  }

  /** Agent seat quota of a group. */
  querySipTotal(voiceGroupId: string, options?: CallOptions) {
    return this.call(
      {
        operation: 'picker',
        method: 'GET',
        family: 'cc',
        path: `/cc/seat/querySipTotal?voiceGroupId=${encodeURIComponent(voiceGroupId)}`,
        schema: SipTotalSchema,
        read: true,
      },
      options,
    );
  }

  /** Rented display (caller) numbers. */
  queryDisplayNumbers(body: PageRequest<{ readonly appId?: string }>, options?: CallOptions) {
    return this.call(
      {
        operation: 'picker',
        method: 'POST',
        family: 'voice',
        path: '/number/queryPage',
        body,
        schema: DisplayNumberPageSchema,
        read: true,
      },
      options,
    );
  }

  /** Account balance: actual, gift and credit (§6.7). */
  getBalance(options?: CallOptions) {
    return this.call(
      {
        operation: 'balance',
        method: 'GET',
        family: 'root',
        path: this.routes.balancePath,
        schema: BalanceBodySchema,
        pick: 'body',
        read: true,
      },
      options,
    );
  }

  /** Call-center call records in a time window (§7.1; no task filter is documented). */
  queryCcRecords(body: PageRequest, options?: CallOptions) {
    return this.call(
      {
        operation: 'records',
        method: 'POST',
        family: 'cc',
        path: '/cc/record/query',
        body,
        schema: CallRecordPageSchema,
        read: true,
      },
      options,
    );
  }

  /** Group-call records in a window of at most 31 days within the last two months (§7.2). */
  queryGroupCallRecords(body: PageRequest, options?: CallOptions) {
    return this.call(
      {
        operation: 'records',
        method: 'POST',
        family: 'voice',
        path: '/voice/recordGroupQuery',
        body,
        schema: CallRecordPageSchema,
        read: true,
      },
      options,
    );
  }

  // --- transport ---

  private url(family: Family, path: string): string {
    const prefix =
      family === 'cc' ? this.routes.ccPrefix : family === 'voice' ? this.routes.voicePrefix : '';
    return `${this.routes.baseUrl}${prefix}${path}`;
  }

  private async call<S extends z.ZodType>(
    spec: CallSpec<S>,
    options: CallOptions = {},
  ): Promise<z.output<S>> {
    const once = () => this.once(spec, options.signal);
    return spec.read ? retryRead(once, this.retry, options.signal) : once();
  }

  private async secret(): Promise<string> {
    try {
      return await this.options.getSecret();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('KEYCHAIN_UNAVAILABLE', {
        en: "The account's API secret could not be read from the system keychain. Unlock the keychain, or enter the secret again in the account settings.",
        'zh-CN': '无法从系统钥匙串读取账户的 API 密钥。请解锁钥匙串，或在账户设置中重新输入密钥。',
      });
    }
  }

  private async once<S extends z.ZodType>(
    spec: CallSpec<S>,
    signal: AbortSignal | undefined,
  ): Promise<z.output<S>> {
    const url = this.url(spec.family, spec.path);
    const target = describeTarget(url);
    const timeoutMs = spec.timeoutMs ?? this.timeoutMs;
    const secret = await this.secret();
    const sentAtMs = this.options.clock.now();
    const started = performance.now();
    try {
      const response = await this.send(spec, url, target, timeoutMs, secret, sentAtMs, signal);
      const value = parseItniotechResponse(response.text, spec.schema, {
        operation: spec.operation,
        target,
        pick: spec.pick ?? 'data',
        secret,
        sentAtMs,
        serverDate: headerOf(response, 'date'),
        assumedWindowSeconds: this.options.assumedClockWindowSeconds ?? 300,
      });
      this.log(spec, target, started, 'ok');
      return value;
    } catch (error) {
      const safe = withoutSecret(
        error instanceof AppError
          ? error
          : transportError(error, target, timeoutMs, signal?.aborted === true),
        secret,
      );
      this.log(spec, target, started, safe.code, safe.details?.vendorCode);
      throw safe;
    }
  }

  private async send(
    spec: CallSpec<z.ZodType>,
    url: string,
    target: string,
    timeoutMs: number,
    secret: string,
    sentAtMs: number,
    signal: AbortSignal | undefined,
  ): Promise<HttpResponse> {
    const response = await this.options.send({
      method: spec.method,
      url,
      headers: signedHeaders(this.options.apiKey, secret, unixSeconds(sentAtMs)),
      // JSON.stringify escapes backslashes in Windows-style file paths (§9.2).
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      timeoutMs,
      ...(signal ? { signal } : {}),
    });
    if (response.status < 200 || response.status > 299) throw httpError(response.status, target);
    return response;
  }

  private log(
    spec: CallSpec<z.ZodType>,
    target: string,
    started: number,
    outcome: string,
    vendorCode?: unknown,
  ): void {
    this.options.logger?.debug('itniotech request', {
      operation: spec.operation,
      method: spec.method,
      target,
      ms: Math.round((performance.now() - started) * 10) / 10,
      outcome,
      ...(vendorCode === undefined ? {} : { vendorCode }),
    });
  }
}
