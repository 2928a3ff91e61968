import type {
  CallRecord,
  NumberOutcome,
  NumberResult,
  TaskKind,
  TaskSummary,
} from '../../../../shared/domain/task';
import type { Clock } from '../../../ports';
import { AppError } from '../../errors';
import type {
  CallOptions,
  ConnectionCheck,
  CreateTaskRequest,
  CreatedTask,
  Page,
  ReadBack,
  Pickers,
  Progress,
  ResendScope,
  TaskCapabilities,
  TaskDetail,
  TaskQuery,
  Vendor,
} from '../vendor';
import { buildCalleeWorkbook, wireNumber } from './callee-workbook';
import type { GroupCallQueryParams, ItniotechClient, NumberInfo } from './client';
import {
  CC_TASK_STATUS,
  GROUP_TASK_STATUS,
  ccNumberResult,
  ccNumberStatusesFor,
  ccTaskSummary,
  detailRecordOf,
  formatVendorDate,
  formatVendorTime,
  groupDetailSummary,
  groupTaskSummary,
  statusCodesFor,
} from './mapping';
import type { CcTaskRecord, DisplayNumber, GroupTaskDetail, SeatGroup } from './schemas';
import { ccCallRecord, groupCallRecord, isoWithOffset } from './call-records';
import {
  AiAgentSettingsSchema,
  AiResendSettingsSchema,
  CcEditSettingsSchema,
  CcPreviewSettingsSchema,
  CcResendSettingsSchema,
  VoiceGroupSettingsSchema,
  VoiceResendSettingsSchema,
  parseSettings,
  withVendorSendTime,
} from './settings';
import {
  ITNIO_CALLEE_DIGITS,
  ITNIO_CALLEE_TEXT_MAX,
  ITNIO_DEFAULT_UTC_OFFSET_MINUTES,
  ITNIO_MAX_NUMBERS,
  ITNIO_PAGE_SIZE,
  ITNIO_TASK_NAME_LENGTH_OF,
  ITNIO_TTS_LANGUAGES,
  type GroupKind,
  type ItniotechKind,
} from './rules';

const KINDS: readonly ItniotechKind[] = ['cc-preview', 'voice-group', 'ai-agent-group'];

const CAPABILITIES: Readonly<Record<ItniotechKind, TaskCapabilities>> = {
  'cc-preview': {
    resend: true,
    pause: false, // no pause/resume endpoint is documented (§4.8)
    resume: false,
    cancel: true,
    edit: true,
    appendNumbers: false,
    numberResults: true,
    searchContent: false,
    resendScopes: ['failed', 'not-called', 'all'], // resendType 1, 2, 3 (§4.3)
    // §4.3: a task that calls agents (type 1) needs calloutRate, which its record (§4.4) lacks.
    resendOptions: ['calloutRate'],
  },
  'voice-group': {
    resend: true,
    pause: false,
    resume: false,
    cancel: true,
    edit: false,
    appendNumbers: false,
    numberResults: false, // no per-task number list is documented (§7.2 has no task filter)
    searchContent: true, // §5.5 searchCondition
    resendScopes: ['failed', 'all'], // resendType 1, 0 (§5.3)
    resendOptions: [],
  },
  'ai-agent-group': {
    resend: true,
    pause: false,
    resume: false,
    cancel: true,
    edit: false,
    appendNumbers: false,
    numberResults: false,
    searchContent: true, // §5.5 searchCondition
    resendScopes: ['failed', 'all'], // resendType 1, 0 (§5.4)
    // §5.4: scriptId is required, and the task detail (§5.6) does not carry it.
    resendOptions: ['scriptId', 'allowSendTime', 'maxRingingTime', 'enableRecording'],
  },
};

/** How an ItniotechVendor is built. */
export interface ItniotechVendorOptions {
  readonly accountId: string;
  readonly client: ItniotechClient;
  readonly clock: Clock;
  /** The vendor's time zone for `yyyy-MM-dd HH:mm:ss` fields (not documented; default UTC+8). */
  readonly vendorUtcOffsetMinutes?: number;
  /** How far back lookups by name search (default 90 days). */
  readonly lookbackDays?: number;
  /**
   * The account's default application id (Accounts → defaults): what a resend of a task that
   * calls agents uses when neither the task nor its agent group names the application.
   */
  readonly defaultAppId?: string;
}

function invalid(en: string, zh: string, details?: Record<string, unknown>): AppError {
  return new AppError('INVALID_INPUT', { en, 'zh-CN': zh }, details);
}

function asKind(kind: TaskKind): ItniotechKind {
  if (kind === 'predictive') {
    throw invalid(
      'ITNIO accounts have no predictive tasks; pick a call-center, voice group or AI-agent task.',
      'ITNIO 账户没有预测式任务；请选择呼叫中心、语音群呼或 AI 坐席任务。',
      { kind },
    );
  }
  return kind;
}

function unsupported(action: string, kind: TaskKind): AppError {
  return invalid(
    `ITNIO does not offer "${action}" for ${kind} tasks.`,
    `ITNIO 的 ${kind} 任务不支持“${action}”。`,
    { action, kind },
  );
}

function checkName(name: string, kind: ItniotechKind): void {
  const { min, max } = ITNIO_TASK_NAME_LENGTH_OF[kind];
  if (name.trim().length < min || name.length > max) {
    throw invalid(
      `A task name must be ${min}–${max} characters.`,
      `任务名称须为 ${min}–${max} 个字符。`,
      { length: name.length },
    );
  }
}

function checkPaging(page: number, pageSize: number): void {
  if (
    !Number.isInteger(page) ||
    page < 1 ||
    !Number.isInteger(pageSize) ||
    pageSize < ITNIO_PAGE_SIZE.min ||
    pageSize > ITNIO_PAGE_SIZE.max
  ) {
    const { min, max } = ITNIO_PAGE_SIZE;
    throw invalid(
      `Pages start at 1 and hold ${min}–${max} rows (the vendor limit).`,
      `页码从 1 开始，每页 ${min}–${max} 行（服务商限制）。`,
      { page, pageSize },
    );
  }
}

function fieldValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return JSON.stringify(value);
}

const DETAIL_GROUPS: readonly (readonly [string, readonly string[]])[] = [
  [
    'progress',
    [
      'status',
      'taskStatus',
      'finishFlag',
      'rate',
      'completedRate',
      'numCnt',
      'totalCount',
      'remainCount',
      'callTotal',
    ],
  ],
  [
    'outcomes',
    [
      'success',
      'fail',
      'successRate',
      'callFailuresNum',
      'keyFeedbackNum',
      'callLossNum',
      'callLossNumRate',
    ],
  ],
  [
    'transfers',
    [
      'toseatNum',
      'toseatNumRate',
      'transfersNum',
      'allCallToseatNum',
      'sipGroupName',
      'seatGroupName',
      'voiceGroupId',
      'receivedSeatNum',
      'onineSeatNum',
      'calloutRate',
    ],
  ],
  [
    'timing',
    [
      'sendTime',
      'createdTime',
      'mdfTime',
      'finishTime',
      'vendorClock',
      'chargeLen',
      'callDuration',
      'acd',
    ],
  ],
];
// The inline audio (base64) is never shown.
const HIDDEN_DETAIL_FIELDS = new Set(['baseFile']);

function groupFields(record: Readonly<Record<string, unknown>>): TaskDetail['groups'] {
  const used = new Set<string>(HIDDEN_DETAIL_FIELDS);
  const groups = DETAIL_GROUPS.map(([group, keys]) => {
    const fields = keys
      .filter((key) => key in record)
      .map((key) => {
        used.add(key);
        return { key, value: fieldValue(record[key]) };
      });
    return { group, fields };
  });
  const settings = Object.keys(record)
    .filter((key) => !used.has(key))
    .map((key) => ({ key, value: fieldValue(record[key]) }));
  return [...groups, { group: 'settings', fields: settings }].filter((g) => g.fields.length > 0);
}

/**
 * One ITNIO / ONBUKA account behind the app's `Vendor` interface: call-center preview tasks,
 * voice group calls and AI-agent group calls.
 *
 * Creates are sent once; an unknown outcome is reconciled by the caller with `findTaskByName`
 * (for cc tasks the name is the task's `remark`, since cc tasks have no name field).
 */
export class ItniotechVendor implements Vendor {
  readonly vendor = 'itniotech' as const;
  readonly accountId: string;
  readonly kinds: readonly TaskKind[] = KINDS;
  private readonly client: ItniotechClient;
  private readonly clock: Clock;
  private readonly offset: number;
  private readonly lookbackMs: number;
  private readonly defaultAppId: string | undefined;

  constructor(options: ItniotechVendorOptions) {
    this.accountId = options.accountId;
    this.client = options.client;
    this.clock = options.clock;
    this.offset = options.vendorUtcOffsetMinutes ?? ITNIO_DEFAULT_UTC_OFFSET_MINUTES;
    this.lookbackMs = (options.lookbackDays ?? 90) * 86_400_000;
    this.defaultAppId = options.defaultAppId?.trim() || undefined;
  }

  capabilities(kind: TaskKind): TaskCapabilities {
    return CAPABILITIES[asKind(kind)];
  }

  async testConnection(options?: CallOptions): Promise<ConnectionCheck> {
    const body = await this.client.getBalance(options);
    const extra = (labels: { gift: string; credit: string }) =>
      [
        body.gift ? `${labels.gift} ${body.gift}` : null,
        body.credit ? `${labels.credit} ${body.credit}` : null,
      ].filter((part) => part !== null);
    const en = extra({ gift: 'gift', credit: 'credit' });
    const zh = extra({ gift: '赠送', credit: '授信' });
    return {
      summary: {
        en: `Balance ${body.balance}${en.length ? ` (${en.join(', ')})` : ''}`,
        'zh-CN': `余额 ${body.balance}${zh.length ? `（${zh.join('，')}）` : ''}`,
      },
      // The currency is not documented.
      balance: { amount: body.balance, currency: null },
    };
  }

  async listTasks(query: TaskQuery, options?: CallOptions): Promise<Page<TaskSummary>> {
    if (query.kind === undefined) {
      throw invalid(
        'Choose which kind of ITNIO task to list (call-center, voice group or AI-agent).',
        '请选择要列出的 ITNIO 任务类型（呼叫中心、语音群呼或 AI 坐席）。',
      );
    }
    const kind = asKind(query.kind);
    checkPaging(query.page, query.pageSize);
    const now = this.clock.now();
    const from = query.createdFrom
      ? Date.parse(`${query.createdFrom}T00:00:00Z`) - this.offset * 60_000
      : now - this.lookbackMs;
    const to = query.createdTo
      ? Date.parse(`${query.createdTo}T23:59:59Z`) - this.offset * 60_000
      : now + 86_400_000;
    // States ITNIO has no code for (an early end without a cancel, §4.4, §5): none of its tasks.
    // An empty code list would filter nothing at the vendor (§5.5 sends [] for "all").
    const table = kind === 'cc-preview' ? CC_TASK_STATUS : GROUP_TASK_STATUS;
    if (query.states?.length && statusCodesFor(table, query.states).length === 0) {
      return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    }
    if (kind === 'cc-preview') {
      const data = await this.client.queryCcTasks(
        {
          current: query.page,
          size: query.pageSize,
          params: {
            startTime: formatVendorDate(from, this.offset),
            endTime: formatVendorDate(to, this.offset),
            ...(query.states?.length
              ? { taskStatus: statusCodesFor(CC_TASK_STATUS, query.states) }
              : {}),
          },
        },
        options,
      );
      const name = query.name?.trim();
      // cc tasks have no name filter: the name (remark) is matched here, so the total is unknown.
      const items = data.records
        .map((record) => ccTaskSummary(record, this.accountId))
        .filter((task) => !name || task.name.includes(name));
      return {
        items,
        page: query.page,
        pageSize: query.pageSize,
        total: name ? null : (data.total ?? null),
      };
    }
    const params: GroupCallQueryParams = {
      strTime: formatVendorTime(from, this.offset),
      endTime: formatVendorTime(to, this.offset),
      statusList: query.states?.length ? statusCodesFor(GROUP_TASK_STATUS, query.states) : [],
      ...(query.name?.trim() ? { searchCondition: query.name.trim() } : {}),
    };
    const request = { current: query.page, size: query.pageSize, params };
    const data =
      kind === 'voice-group'
        ? await this.client.queryGroupCalls(request, options)
        : await this.client.queryAiAgentGroupCalls(request, options);
    return {
      items: data.records.map((record) =>
        groupTaskSummary(record, kind, this.accountId, this.offset),
      ),
      page: query.page,
      pageSize: query.pageSize,
      total: data.total ?? null,
    };
  }

  async getTask(kind: TaskKind, taskId: string, options?: CallOptions): Promise<TaskDetail> {
    const k = asKind(kind);
    if (k === 'cc-preview') {
      const record = await this.findCcTask(taskId, options);
      return {
        summary: ccTaskSummary(record, this.accountId),
        groups: groupFields(detailRecordOf(record, this.offset)),
      };
    }
    const detail: GroupTaskDetail = await this.client.groupCallDetail(taskId, options);
    return {
      summary: groupDetailSummary(detail, k, this.accountId, this.offset),
      groups: groupFields(detailRecordOf(detail, this.offset)),
    };
  }

  async listNumberResults(
    kind: TaskKind,
    taskId: string,
    query: {
      readonly page: number;
      readonly pageSize: number;
      readonly outcome?: NumberOutcome;
      readonly phone?: string;
    },
    options?: CallOptions,
  ): Promise<Page<NumberResult>> {
    if (asKind(kind) !== 'cc-preview') throw unsupported('number results', kind);
    checkPaging(query.page, query.pageSize);
    const statusList = query.outcome ? ccNumberStatusesFor(query.outcome) : undefined;
    if (statusList && statusList.length === 0) {
      // The vendor cannot tell this outcome apart (§4.5 has four statuses only).
      return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    }
    const data = await this.client.queryCcTaskDetail(
      {
        current: query.page,
        size: query.pageSize,
        params: {
          taskId,
          ...(statusList ? { statusList } : {}),
          ...(query.phone ? { called: wireNumber(query.phone) } : {}),
        },
      },
      options,
    );
    return {
      items: data.records.map(ccNumberResult),
      page: query.page,
      pageSize: query.pageSize,
      total: data.total ?? null,
    };
  }

  /** Country code and number as digits, how every ITNIO endpoint takes it (§5.1, §5.8, §4.1). */
  dialledForm(_kind: TaskKind, phone: string): string {
    return wireNumber(phone);
  }

  /** The task's state and number count, from the same query the board uses (§4.4, §5.5, §5.6). */
  async readBack(kind: TaskKind, taskId: string, options: CallOptions = {}): Promise<ReadBack> {
    const detail = await this.getTask(kind, taskId, options);
    const { total } = detail.summary.counts;
    // A task still being submitted (group call 0/6, cc 16/1, §4.4, §5) may not have counted its
    // numbers yet: an empty count then means "not yet", not "none".
    const counting = detail.summary.state === 'pending' && (total === null || total === 0);
    return { held: counting ? null : total, state: detail.summary.state };
  }

  /**
   * A page of call records in the task's time window (creation to finish, or now).
   *
   * Neither record query has a task filter (itniotech.md §7.1, §7.2), so other tasks' calls in the
   * same window appear too; cc records are narrowed to group calls to agents (`callType` 1).
   * Group-call records reach back two months at most, over at most 31 days (§7.2).
   */
  async listCallRecords(
    kind: TaskKind,
    taskId: string,
    query: { readonly page: number; readonly pageSize: number },
    options?: CallOptions,
  ): Promise<Page<CallRecord>> {
    const k = asKind(kind);
    checkPaging(query.page, query.pageSize);
    const { summary } = await this.getTask(k, taskId, options);
    const now = this.clock.now();
    const created = summary.createdAt ? Date.parse(summary.createdAt) : NaN;
    const finished = summary.finishedAt ? Date.parse(summary.finishedAt) : NaN;
    const to = Number.isFinite(finished) ? Math.min(finished + 60_000, now) : now;
    if (k === 'cc-preview') {
      const from = Number.isFinite(created) ? created : to - 31 * 86_400_000;
      const data = await this.client.queryCcRecords(
        {
          current: query.page,
          size: query.pageSize,
          params: {
            startTime: formatVendorTime(from, this.offset),
            endTime: formatVendorTime(to, this.offset),
            callType: [1],
          },
        },
        options,
      );
      return {
        items: data.records.map((row) => ccCallRecord(row, this.offset)),
        page: query.page,
        pageSize: query.pageSize,
        total: data.total ?? null,
      };
    }
    const oldest = Math.max(now - 60 * 86_400_000, to - 31 * 86_400_000);
    const from = Number.isFinite(created) ? Math.max(created, oldest) : oldest;
    if (from > to) return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    const data = await this.client.queryGroupCallRecords(
      {
        current: query.page,
        size: query.pageSize,
        params: {
          strTime: isoWithOffset(from, this.offset),
          endTime: isoWithOffset(to, this.offset),
        },
      },
      options,
    );
    return {
      items: data.records.map((row) => groupCallRecord(row, this.offset)),
      page: query.page,
      pageSize: query.pageSize,
      total: data.total ?? null,
    };
  }

  async createTask(
    request: CreateTaskRequest,
    options: CallOptions & { onProgress?: (progress: Progress) => void } = {},
  ): Promise<CreatedTask> {
    const kind = asKind(request.kind);
    if (request.callees.length === 0) {
      throw invalid('A task needs at least one number.', '任务至少需要一个号码。');
    }
    if (kind === 'cc-preview') return this.createCcTask(request, options);
    return this.createGroupCall(kind, request, options);
  }

  async findTaskByName(
    kind: TaskKind,
    name: string,
    options?: CallOptions,
  ): Promise<TaskSummary | null> {
    const k = asKind(kind);
    const now = this.clock.now();
    const from = now - this.lookbackMs;
    const to = now + 86_400_000;
    const maxPages = 20;
    for (let page = 1; page <= maxPages; page++) {
      if (k === 'cc-preview') {
        const data = await this.client.queryCcTasks(
          {
            current: page,
            size: ITNIO_PAGE_SIZE.max,
            params: {
              startTime: formatVendorDate(from, this.offset),
              endTime: formatVendorDate(to, this.offset),
            },
          },
          options,
        );
        const hit = data.records.find((record) => record.remark === name);
        if (hit) return ccTaskSummary(hit, this.accountId);
        if (
          data.records.length < ITNIO_PAGE_SIZE.max ||
          (data.pages !== null && data.pages !== undefined && page >= data.pages)
        )
          return null;
        continue;
      }
      const request = {
        current: page,
        size: ITNIO_PAGE_SIZE.max,
        params: {
          strTime: formatVendorTime(from, this.offset),
          endTime: formatVendorTime(to, this.offset),
          statusList: [],
          searchCondition: name,
        },
      };
      const data =
        k === 'voice-group'
          ? await this.client.queryGroupCalls(request, options)
          : await this.client.queryAiAgentGroupCalls(request, options);
      const hit = data.records.find((record) => record.taskName === name);
      if (hit) return groupTaskSummary(hit, k, this.accountId, this.offset);
      if (
        data.records.length < ITNIO_PAGE_SIZE.max ||
        (data.pages !== null && data.pages !== undefined && page >= data.pages)
      )
        return null;
    }
    return null;
  }

  async resend(
    kind: TaskKind,
    taskId: string,
    scope: ResendScope,
    settings: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<CreatedTask | null> {
    const k = asKind(kind);
    if (!CAPABILITIES[k].resendScopes.includes(scope)) {
      // Only cc tasks know which numbers were not called yet (§4.3 vs §5.3, §5.4).
      throw invalid(
        'ITNIO can resend all numbers or the failed numbers of a group call, not the uncalled ones.',
        'ITNIO 群呼只能重呼全部号码或失败号码，不能只重呼未拨打的号码。',
      );
    }
    if (k === 'cc-preview') {
      const completed = await this.completeCcResend(settings, options);
      const parsed = parseSettings(CcResendSettingsSchema, completed, 'resend');
      const resendType = scope === 'failed' ? 1 : scope === 'not-called' ? 2 : 3;
      const newId = await this.client.resendTask({ ...parsed, taskId, resendType }, options);
      const name = parsed.remark ?? '';
      const found = newId === null && name ? await this.findTaskByName(k, name, options) : null;
      return { taskId: newId ?? found?.id ?? null, name, accepted: found?.counts.total ?? 0 };
    }
    const resendType = scope === 'failed' ? 1 : 0;
    if (k === 'voice-group') {
      const parsed = parseSettings(VoiceResendSettingsSchema, settings, 'resend');
      const newId = await this.client.resendGroupCall(
        { ...withVendorSendTime(parsed, this.offset), keyId: taskId, resendType },
        options,
      );
      return { taskId: newId, name: parsed.taskName, accepted: 0 };
    }
    const parsed = parseSettings(AiResendSettingsSchema, settings, 'resend');
    const newId = await this.client.resendAiGroupCall(
      { ...withVendorSendTime(parsed, this.offset), keyId: taskId, resendType },
      options,
    );
    return { taskId: newId, name: parsed.taskName, accepted: 0 };
  }

  async pause(kind: TaskKind, _taskId: string, _options?: CallOptions): Promise<void> {
    throw unsupported('pause', kind);
  }

  async resume(kind: TaskKind, _taskId: string, _options?: CallOptions): Promise<void> {
    throw unsupported('resume', kind);
  }

  async cancel(kind: TaskKind, taskId: string, options?: CallOptions): Promise<void> {
    if (asKind(kind) === 'cc-preview') await this.client.cancelCcTask(taskId, options);
    else await this.client.cancelGroupCalls([taskId], options);
  }

  async edit(
    kind: TaskKind,
    taskId: string,
    settings: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<void> {
    if (asKind(kind) !== 'cc-preview') throw unsupported('edit', kind);
    const parsed = parseSettings(CcEditSettingsSchema, settings, 'edit');
    await this.client.editCcTask({ taskId, ...parsed }, options);
  }

  async loadPickers(kind: TaskKind, options?: CallOptions): Promise<Pickers> {
    const k = asKind(kind);
    const [groups, numbers] = await Promise.all([
      k === 'ai-agent-group'
        ? Promise.resolve([])
        : this.allPages((page) =>
            this.client.querySeatGroups(
              { current: page, size: ITNIO_PAGE_SIZE.max, params: {} },
              options,
            ),
          ),
      this.allPages((page) =>
        this.client.queryDisplayNumbers(
          { current: page, size: ITNIO_PAGE_SIZE.max, params: {} },
          options,
        ),
      ),
    ]);
    const pickers: Record<string, Pickers[string]> = {
      displayNumbers: numbers
        .filter((n) => n.state === undefined || n.state === null || n.state === 3)
        .map((n) => ({
          value: n.number,
          label: n.number,
          ...(n.country ? { detail: n.country } : {}),
        })),
    };
    pickers.applications = applicationChoices(numbers, groups);
    if (k !== 'ai-agent-group') {
      pickers.agentGroups = groups.map((g) => ({
        value: g.voiceGroupId,
        label: g.groupName,
        detail: [
          g.countSeat === null || g.countSeat === undefined ? null : `${g.countSeat} agents`,
          g.appName ?? null,
        ]
          .filter((part) => part !== null)
          .join(' · '),
      }));
    }
    if (k === 'voice-group') {
      pickers.ttsLanguages = Object.entries(ITNIO_TTS_LANGUAGES).map(([value, label]) => ({
        value,
        label,
      }));
    }
    return pickers;
  }

  // --- helpers ---

  /**
   * A cc resend's settings with what a task that calls agents (type 1) needs (§4.3): the calls
   * per agent, which the manager must give (the task record of §4.4 does not carry it), and the
   * application, looked up from the task's agent group. Refuses, before any resend, when either
   * is missing.
   */
  private async completeCcResend(
    settings: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<Readonly<Record<string, unknown>>> {
    if (settings['type'] === undefined) {
      throw invalid(
        'ITNIO did not say whether this task calls agents or dials automatically, so it cannot be resent with the same settings. Nothing was sent.',
        'ITNIO 未说明此任务是转接坐席还是自动外呼，因此无法按原设置重呼。未发送任何请求。',
        { field: 'type' },
      );
    }
    if (settings['type'] !== 1) return settings;
    if (settings['calloutRate'] === undefined) {
      throw invalid(
        'Enter the calls per agent for the new task: this task calls agents, the vendor needs it to resend, and the task’s details do not include it. Nothing was sent.',
        '请输入新任务的每坐席呼叫数：此任务转接坐席，服务商重呼时需要它，而任务详情中没有。未发送任何请求。',
        { field: 'calloutRate' },
      );
    }
    if (settings['appId'] !== undefined) return settings;
    const groups = settings['voiceGroupId'];
    const groupId = Array.isArray(groups) ? (groups[0] as unknown) : undefined;
    const appId =
      (groupId === undefined ? undefined : await this.appIdOfAgentGroup(groupId, options)) ??
      this.defaultAppId;
    if (appId === undefined) {
      throw invalid(
        'This task calls agents, and the vendor needs the application of its agent group to resend it, but ITNIO did not say which application the group belongs to. Set the application id in this account’s defaults (Accounts → Edit) and resend. Nothing was sent.',
        '此任务转接坐席，服务商重呼时需要其坐席组所属的应用（appId），但 ITNIO 未提供该坐席组所属的应用。请在此账户的默认设置中填写应用 ID（账户 → 编辑）后再重呼。未发送任何请求。',
        { field: 'appId', voiceGroupId: groupId ?? null },
      );
    }
    return { ...settings, appId };
  }

  /**
   * The application (`appId`) of an agent group, from the seat-group list (§6.1), or undefined
   * when the group is not listed or its record names no application (§6.1 does not document
   * `appId` on the records; it is read where the vendor sends it).
   */
  private async appIdOfAgentGroup(
    voiceGroupId: unknown,
    options?: CallOptions,
  ): Promise<string | undefined> {
    const groups = await this.allPages((page) =>
      this.client.querySeatGroups(
        { current: page, size: ITNIO_PAGE_SIZE.max, params: {} },
        options,
      ),
    );
    const group = groups.find((g) => String(g.voiceGroupId) === String(voiceGroupId));
    const appId: unknown = group?.['appId'];
    return typeof appId === 'string' && appId.trim() !== '' ? appId : undefined;
  }

  private async allPages<T>(
    load: (
      page: number,
    ) => Promise<{ readonly records: readonly T[]; readonly pages?: number | null }>,
  ): Promise<T[]> {
    const all: T[] = [];
    // Pickers are small; 10 pages of 100 is a safety bound, not an expected size.
    for (let page = 1; page <= 10; page++) {
      const data = await load(page);
      all.push(...data.records);
      if (
        data.records.length < ITNIO_PAGE_SIZE.max ||
        (data.pages !== null && data.pages !== undefined && page >= data.pages)
      )
        break;
    }
    return all;
  }

  private async findCcTask(taskId: string, options?: CallOptions): Promise<CcTaskRecord> {
    const data = await this.client.queryCcTasks(
      { current: 1, size: 1, params: { taskId } },
      options,
    );
    const record = data.records.find((r) => r.taskId === taskId);
    if (!record) {
      throw new AppError(
        'NOT_FOUND',
        {
          en: `ITNIO has no call-center task ${taskId}.`,
          'zh-CN': `ITNIO 上没有呼叫中心任务 ${taskId}。`,
        },
        { taskId },
      );
    }
    return record;
  }

  private async createCcTask(
    request: CreateTaskRequest,
    options: CallOptions & { onProgress?: (progress: Progress) => void },
  ): Promise<CreatedTask> {
    checkName(request.name, 'cc-preview');
    const settings = parseSettings(CcPreviewSettingsSchema, request.settings, 'call-center task');
    const total = request.callees.length;
    const maxRows = ITNIO_MAX_NUMBERS['cc-preview'];
    if (total > maxRows) {
      throw new AppError(
        'LIMIT_EXCEEDED',
        {
          en: `A call-center task takes at most ${maxRows.toLocaleString('en')} numbers; this one has ${total.toLocaleString('en')}. Split the list into several tasks.`,
          'zh-CN': `呼叫中心任务最多 ${maxRows} 个号码，本任务有 ${total} 个。请拆分为多个任务。`,
        },
        { total, max: maxRows },
      );
    }
    const progress = options.onProgress ?? (() => undefined);
    progress({ stage: 'workbook', done: 0, total });
    const workbook = await buildCalleeWorkbook(request.callees);
    if (options.signal?.aborted) {
      throw new AppError('CANCELLED', {
        en: 'The request was cancelled.',
        'zh-CN': '请求已取消。',
      });
    }
    progress({ stage: 'upload', done: 0, total });
    // 5–32 characters (§4.1); derived from the clock so two uploads rarely share a name.
    const fileName = `callees-${this.clock.now().toString(36)}.xlsx`;
    const uploaded = await this.client.uploadCallees(
      { fileName, file: workbook.toString('base64') },
      options,
    );
    progress({ stage: 'submit', done: 0, total });
    const newId = await this.client.submitTask(
      {
        filePath: uploaded.filePath,
        fileName,
        type: settings.type,
        ...(settings.voiceGroupId.length ? { voiceGroupId: settings.voiceGroupId } : {}),
        ...(settings.appId !== undefined ? { appId: settings.appId } : {}),
        ...(settings.calloutRate !== undefined ? { calloutRate: settings.calloutRate } : {}),
        ...(settings.displayNum !== undefined ? { displayNum: settings.displayNum } : {}),
        ...(settings.ccode !== undefined ? { ccode: settings.ccode } : {}),
        ...(settings.maxRingingTime !== undefined
          ? { maxRingingTime: settings.maxRingingTime }
          : {}),
        remark: request.name,
      },
      options,
    );
    const accepted = Math.max(0, uploaded.numberTotalCount - uploaded.numberSameCount);
    progress({ stage: 'submit', done: total, total });
    // Older page revisions answer data: null (§9.1): look the task up by its name (remark).
    const taskId = newId ?? (await this.lookUpQuietly('cc-preview', request.name, options));
    return { taskId, name: request.name, accepted };
  }

  private async createGroupCall(
    kind: GroupKind,
    request: CreateTaskRequest,
    options: CallOptions & { onProgress?: (progress: Progress) => void },
  ): Promise<CreatedTask> {
    checkName(request.name, kind);
    const total = request.callees.length;
    const maxNumbers = ITNIO_MAX_NUMBERS[kind];
    if (total > maxNumbers) {
      throw new AppError(
        'LIMIT_EXCEEDED',
        {
          en: `A group call takes at most ${maxNumbers.toLocaleString('en')} numbers; this one has ${total.toLocaleString('en')}. Split the list into several tasks.`,
          'zh-CN': `群呼任务最多 ${maxNumbers} 个号码，本任务有 ${total} 个。请拆分为多个任务。`,
        },
        { total, max: maxNumbers },
      );
    }
    // 7–15 digits for voice, 6–18 for AI-agent calls (§9.7).
    const { min, max } = ITNIO_CALLEE_DIGITS[kind];
    const numberInfoList: NumberInfo[] = [];
    const bad: string[] = [];
    // One JSON body carries every number (§5.1), so the list is read whole once, here.
    for (const callee of request.callees.slice(0, total)) {
      const digits = wireNumber(callee.phone);
      if (digits.length < min || digits.length > max) bad.push(callee.phone);
      const texts: Record<`text${number}`, string> = {};
      (callee.variables ?? []).slice(0, 5).forEach((value, index) => {
        // ≤30 characters; the vendor truncates longer values itself (§5.1).
        texts[`text${index + 1}`] = value.slice(0, ITNIO_CALLEE_TEXT_MAX);
      });
      numberInfoList.push({ calleeNumber: digits, ...texts });
    }
    if (bad.length > 0) {
      throw invalid(
        `${bad.length} number(s) are not ${min}–${max} digits with the country code (first: ${bad[0]}).`,
        `${bad.length} 个号码不是含国家代码的 ${min}–${max} 位数字（第一个：${bad[0]}）。`,
        { invalid: bad.length },
      );
    }
    const settings =
      kind === 'voice-group'
        ? parseSettings(VoiceGroupSettingsSchema, request.settings, 'voice group call')
        : parseSettings(AiAgentSettingsSchema, request.settings, 'AI-agent group call');
    const progress = options.onProgress ?? (() => undefined);
    progress({ stage: 'send', done: 0, total });
    // A draft's start comes as an instant: written in the account's zone here (§9.9).
    const body = {
      ...withVendorSendTime(settings, this.offset),
      taskName: request.name,
      numberInfoList,
    };
    const newId =
      kind === 'voice-group'
        ? await this.client.sendGroupCall(body, options)
        : await this.client.sendAiAgentGroupCall(body, options);
    progress({ stage: 'send', done: total, total });
    // The create response shape is not documented (§10): look the task up when no id came back.
    const taskId = newId ?? (await this.lookUpQuietly(kind, request.name, options));
    return { taskId, name: request.name, accepted: total };
  }

  /** A lookup after a successful create: if it fails, the id stays unknown (the caller can retry). */
  private async lookUpQuietly(
    kind: ItniotechKind,
    name: string,
    options?: CallOptions,
  ): Promise<string | null> {
    try {
      return (await this.findTaskByName(kind, name, options))?.id ?? null;
    } catch (error) {
      if (error instanceof AppError && error.code === 'CANCELLED') throw error;
      return null;
    }
  }
}

/**
 * The applications (`appId`) an account can choose from. ITNIO documents no list of them
 * (itniotech.md §6.3), but every rented display number carries its `appId` (§6.4), and agent
 * groups name their application (`appName` §6.1; `appId` where the vendor sends it): together
 * they are the applications in use, named where a group names them.
 */
function applicationChoices(
  numbers: readonly DisplayNumber[],
  groups: readonly SeatGroup[],
): Pickers[string] {
  const names = new Map<string, string | undefined>();
  for (const group of groups) {
    const appId: unknown = group['appId'];
    if (typeof appId === 'string' && appId.trim() !== '') {
      names.set(appId, names.get(appId) ?? group.appName ?? undefined);
    }
  }
  for (const number of numbers) {
    if (number.appId && !names.has(number.appId)) names.set(number.appId, undefined);
  }
  return [...names.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, name]) => ({ value, label: value, ...(name ? { detail: name } : {}) }));
}
