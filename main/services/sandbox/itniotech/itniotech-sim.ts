import ExcelJS from 'exceljs';
import type { SimRequest, SimResponse, SimulatorServer } from '../server';
import { SeededRandom, type SimClock } from '../sim-kit';
import { ITNIOTECH_RULES, TTS_LANGUAGES } from '../strict/itniotech-rules';
import type { ItniotechStrictRequest } from '../strict/rule';
import { StrictChecker, describeViolations } from '../strict/strict-checker';
import {
  ITNIOTECH_ROUTE_KEYS,
  REASONS,
  VendorFailure,
  checkSignature,
  envelope,
  fail,
  intField,
  objectBody,
  pageOf,
  paging,
  parseVendorTime,
  routeOf,
  vendorTime,
  type ItniotechRouteKey,
  type SimRoute,
} from './sim-protocol';
import {
  drawNumbers,
  numberStateAt,
  planDialing,
  progressAt,
  type SimCcTask,
  type SimGroupTask,
  type SimNumber,
  type SimOutcome,
  type SimProgress,
} from './sim-tasks';

/** How the ITNIO simulator behaves. */
export interface ItniotechSimOptions {
  readonly clock: SimClock;
  readonly seed: number;
  readonly accounts: readonly { readonly apiKey: string; readonly apiSecret: string }[];
  /** Allowed |clock − Timestamp| before -16 (the real window is not documented; default 300 s). */
  readonly timestampWindowSeconds?: number;
  /** Time from create to the first call (default 5 s). */
  readonly startDelayMs?: number;
  /** Time per call, sequentially (default 500 ms). */
  readonly msPerCall?: number;
  /** submitTask/resendTask answer the new id (newer page) or null (older page, onbuka) (§9.1). */
  readonly ccReturnsTaskId?: boolean;
  /** Vendor time zone of `yyyy-MM-dd HH:mm:ss` fields (default UTC+8). */
  readonly utcOffsetMinutes?: number;
  /** Upload size limit behind -38 (not documented; default 20 MB of workbook). */
  readonly maxUploadBytes?: number;
  /**
   * Enforce the documented request rules of ../strict/itniotech-rules.ts (default false:
   * lenient). A request that breaks one is answered -22 "parameter error" before anything runs.
   */
  readonly strict?: boolean | StrictChecker<ItniotechStrictRequest>;
}

/** A task counter snapshot as a test reads it. */
export interface SimTaskView {
  readonly id: string;
  readonly name: string;
  /** The vendor status code at the current sim time. */
  readonly status: number;
  readonly progress: SimProgress;
  readonly total: number;
}

/** The simulator's state for tests and the demo. */
export interface ItniotechSim {
  /** Route keys for `server.injectFault` and `server.requestCount`. */
  readonly routeKeys: readonly ItniotechRouteKey[];
  /** cc tasks of an account (default: the first), newest last. */
  ccTasks(apiKey?: string): readonly (SimTaskView & {
    /** Calls per agent (`calloutRate`) as last set by a create, resend or edit (§4.2, §4.3, §4.6). */
    readonly calloutRate: number;
  })[];
  /** Voice and AI-agent group calls of an account, newest last. */
  groupTasks(apiKey?: string): readonly (SimTaskView & {
    readonly taskType: 1 | 3;
    /** The create request's settings as received (e.g. `sendTime`, `allowSendTime`). */
    readonly settings: Readonly<Record<string, unknown>>;
  })[];
  /**
   * The numbers a task holds, as the simulator stored them (digits as uploaded or sent), in
   * dialling order, each with the outcome drawn for it (what it ends as once called); cc tasks
   * and group calls alike. Throws for an unknown task id.
   */
  numbersOf(
    taskId: string,
    apiKey?: string,
  ): readonly { readonly phone: string; readonly outcome: SimOutcome }[];
  /** Successful creates so far, per kind (uploads, cc tasks, group calls), across accounts. */
  counts(): { readonly uploads: number; readonly ccTasks: number; readonly groupTasks: number };
  /** Makes the account's IP allow-list refuse (-2) or accept this machine. */
  setIpAllowed(apiKey: string, allowed: boolean): void;
  /** Creates a few tasks of each kind at different ages, for the demo account. */
  seedSampleTasks(apiKey?: string): void;
  /** The strict-mode checker (its `violations()` log), or null in lenient mode. */
  readonly strict: StrictChecker<ItniotechStrictRequest> | null;
}

interface Upload {
  readonly fileName: string;
  readonly numbers: readonly { readonly phone: string; readonly variables: readonly string[] }[];
}

interface AccountState {
  readonly cc: Map<number, SimCcTask>;
  readonly groups: Map<number, SimGroupTask>;
  readonly uploads: Map<string, Upload>;
  ipAllowed: boolean;
}

const SEAT_GROUPS = [
  {
    voiceGroupId: 1000006,
    callinStrategy: 4,
    countSeat: 4,
    groupName: 'Sales A',
    appName: 'Outbound',
    appId: 'iaAJ6COV',
  },
  {
    voiceGroupId: 1000019,
    callinStrategy: 1,
    countSeat: 2,
    groupName: 'Support',
    appName: 'Outbound',
    appId: 'iaAJ6COV',
  },
  {
    voiceGroupId: 1000037,
    callinStrategy: 2,
    countSeat: 6,
    groupName: 'Collections',
    appName: 'Recovery',
    appId: 'rcVY82Lm',
  },
] as const;

const DISPLAY_NUMBERS = [
  {
    number: '915027021995',
    appId: 'iaAJ6COV',
    ccode: '91',
    country: 'India',
    dueDate: '2026-12-31',
    state: 3,
    inboundPrefix: '1',
    type: 'FIXED',
    autoRenew: 1,
    remark: '',
  },
  {
    number: '8613242926514',
    appId: 'iaAJ6COV',
    ccode: '86',
    country: 'China',
    dueDate: '2026-06-30',
    state: 3,
    inboundPrefix: '1',
    type: 'MOBILE',
    autoRenew: 0,
    remark: '',
  },
  {
    number: '6281234567890',
    appId: 'rcVY82Lm',
    ccode: '62',
    country: 'Indonesia',
    dueDate: '2025-01-01',
    state: 4,
    inboundPrefix: '1',
    type: 'MOBILE',
    autoRenew: 0,
    remark: 'expired',
  },
] as const;

const TTS_LANGUAGES_SET = new Set(TTS_LANGUAGES);
const MAX_UPLOAD_ROWS = 100_000;

function ccStatus(progress: SimProgress): number {
  switch (progress.phase) {
    case 'waiting':
      return 16;
    case 'calling':
      return 11;
    case 'completed':
      return 12;
    case 'cancelled':
      return 14;
  }
}

function groupStatus(progress: SimProgress): number {
  switch (progress.phase) {
    case 'waiting':
      return 0;
    case 'calling':
      return 1;
    case 'completed':
      return 2;
    case 'cancelled':
      return 4;
  }
}

/**
 * A callee as ITNIO shows it (`encryptCalled`, itniotech.md §4.5): the documented example
 * `8613****622` keeps the first 4 and last 3 digits and writes 4 stars whatever the number of
 * hidden digits (a 13-digit Chinese mobile there hides 6). Short numbers keep 2 digits.
 */
export function mask(phone: string): string {
  return phone.length <= 7
    ? `${phone.slice(0, 2)}****`
    : `${phone.slice(0, 4)}****${phone.slice(-3)}`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0' : ((part / whole) * 100).toFixed(2);
}

function stringField(
  body: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length < min || value.length > max) fail(-22, `${field}`);
  return value;
}

function optionalInt(
  body: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): number | null {
  const value = body[field];
  if (value === undefined || value === null) return null;
  const n = intField(value);
  if (n === null || n < min || n > max) fail(-22, field);
  return n;
}

/** A request as the strict rules see it: the body parsed as JSON (undefined for GET or non-JSON). */
function strictRequestOf(route: SimRoute, request: SimRequest): ItniotechStrictRequest {
  let body: unknown;
  if (route.method === 'POST') {
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      body = undefined;
    }
  }
  return {
    method: request.method,
    key: route.key,
    path: request.path,
    query: request.query,
    headers: request.headers,
    body,
  };
}

/**
 * Mounts a faithful ITNIO / ONBUKA simulator on the server: signatures, timestamp window, both
 * envelopes, paging limits, workbook uploads, unique task names, tasks that progress with the sim
 * clock, resends from failed numbers, and cancel. Both brands' path forms are served.
 */
export function mountItniotech(
  server: SimulatorServer,
  options: ItniotechSimOptions,
): ItniotechSim {
  const clock = options.clock;
  const random = new SeededRandom(options.seed);
  const window = options.timestampWindowSeconds ?? 300;
  const startDelay = options.startDelayMs ?? 5_000;
  const msPerCall = options.msPerCall ?? 500;
  const offset = options.utcOffsetMinutes ?? 480;
  const returnsCcId = options.ccReturnsTaskId ?? true;
  const maxUploadBytes = options.maxUploadBytes ?? 20 * 1024 * 1024;
  const strict =
    options.strict === true
      ? new StrictChecker<ItniotechStrictRequest>(ITNIOTECH_RULES)
      : options.strict || null;
  const secrets = new Map(options.accounts.map((a) => [a.apiKey, a.apiSecret]));
  const states = new Map<string, AccountState>();
  for (const account of options.accounts) {
    states.set(account.apiKey, {
      cc: new Map(),
      groups: new Map(),
      uploads: new Map(),
      ipAllowed: true,
    });
  }
  let nextCcId = 5_017_560;
  let nextGroupId = 5_000_602;
  let nextUpload = 1;
  const totals = { uploads: 0, ccTasks: 0, groupTasks: 0 };

  const stateOf = (apiKey?: string): AccountState => {
    const key = apiKey ?? options.accounts[0]?.apiKey;
    const state = key === undefined ? undefined : states.get(key);
    if (!state) throw new Error(`No simulated ITNIO account ${key ?? '(none)'}.`);
    return state;
  };

  const startFor = (createdAt: number, sendTime: unknown): number => {
    const scheduled = parseVendorTime(sendTime, offset);
    return Math.max(createdAt + startDelay, scheduled ?? 0);
  };

  // --- call-center preview tasks (§4) ---

  const upload = async (state: AccountState, body: Record<string, unknown>) => {
    const fileName = stringField(body, 'fileName', 5, 32);
    const file = body.file;
    if (typeof file !== 'string' || file.length === 0) fail(-22, 'file');
    const bytes = Buffer.from(file, 'base64');
    if (bytes.length > maxUploadBytes) fail(-38, REASONS[-38] ?? '');
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      fail(-39, REASONS[-39] ?? '');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) fail(-39, REASONS[-39] ?? '');
    const header = (sheet.getRow(1).values as unknown[])
      .slice(1)
      .map((v) => String(v ?? '').trim())
      .filter(Boolean);
    if (new Set(header).size !== header.length) fail(-43, REASONS[-43] ?? '');
    if (sheet.actualRowCount - 1 > MAX_UPLOAD_ROWS) fail(-40, REASONS[-40] ?? '');
    const seen = new Set<string>();
    const numbers: { phone: string; variables: string[] }[] = [];
    let total = 0;
    let same = 0;
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      const phone = row.getCell(1).text.trim();
      if (!phone) return;
      total += 1;
      if (seen.has(phone)) {
        same += 1;
        return;
      }
      seen.add(phone);
      const variables = [2, 3, 4, 5, 6].map((c) => row.getCell(c).text);
      numbers.push({ phone, variables });
    });
    const filePath = `/mnt/cc/upload/${String(nextUpload++).padStart(6, '0')}_${fileName}`;
    state.uploads.set(filePath, { fileName, numbers });
    totals.uploads += 1;
    return { filePath, numberTotalCount: total, numberSameCount: same };
  };

  const ccSettings = (body: Record<string, unknown>) => {
    const type = intField(body.type);
    if (type !== 0 && type !== 1) fail(-22, 'type');
    const groups = body.voiceGroupId ?? [];
    if (!Array.isArray(groups) || groups.some((g) => intField(g) === null))
      fail(-22, 'voiceGroupId');
    const voiceGroupId = groups.map((g) => intField(g) ?? 0);
    const appId = typeof body.appId === 'string' && body.appId ? body.appId : null;
    const calloutRate = optionalInt(body, 'calloutRate', 1, 100);
    if (type === 1 && (voiceGroupId.length !== 1 || appId === null || calloutRate === null))
      fail(-22, REASONS[-22] ?? '');
    for (const id of voiceGroupId) {
      const group = SEAT_GROUPS.find((g) => g.voiceGroupId === id);
      if (!group || (appId !== null && group.appId !== appId)) fail(-74, REASONS[-74] ?? '');
    }
    optionalInt(body, 'maxRingingTime', 20, 120);
    const displayNum = typeof body.displayNum === 'string' ? body.displayNum : null;
    if (displayNum !== null && !/^[A-Za-z0-9]{0,20}$/.test(displayNum)) fail(-22, 'displayNum');
    const remark = typeof body.remark === 'string' ? body.remark : null;
    return {
      type: type as 0 | 1,
      voiceGroupId,
      appId,
      calloutRate: calloutRate ?? 1,
      displayNum,
      ccode: typeof body.ccode === 'string' ? body.ccode : null,
      remark,
    };
  };

  const createCc = (
    state: AccountState,
    settings: ReturnType<typeof ccSettings>,
    fileName: string,
    entries: readonly { readonly phone: string; readonly variables: readonly string[] }[],
    createdAt = clock.now(),
  ): SimCcTask => {
    const taskId = nextCcId++;
    const numbers = drawNumbers(random, entries);
    const task: SimCcTask = {
      taskId,
      ...settings,
      fileName,
      dialing: planDialing(numbers, createdAt, createdAt + startDelay, msPerCall),
    };
    state.cc.set(taskId, task);
    totals.ccTasks += 1;
    return task;
  };

  const submitTask = (state: AccountState, body: Record<string, unknown>) => {
    const filePath = body.filePath;
    if (typeof filePath !== 'string' || !filePath) fail(-22, 'filePath');
    const fileName = stringField(body, 'fileName', 1, 64);
    const settings = ccSettings(body);
    const uploaded = state.uploads.get(filePath);
    if (!uploaded) fail(-24, REASONS[-24] ?? '');
    if (uploaded.numbers.length === 0) fail(-42, REASONS[-42] ?? '');
    const task = createCc(state, settings, fileName, uploaded.numbers);
    return returnsCcId ? task.taskId : null;
  };

  const ccTaskOf = (state: AccountState, value: unknown): SimCcTask => {
    const id = intField(value);
    if (id === null) fail(-22, 'taskId');
    const task = state.cc.get(id);
    if (!task) fail(-24, REASONS[-24] ?? '');
    return task;
  };

  const resendTask = (state: AccountState, body: Record<string, unknown>) => {
    const task = ccTaskOf(state, body.taskId);
    const resendType = intField(body.resendType);
    if (resendType !== 1 && resendType !== 2 && resendType !== 3) fail(-22, 'resendType');
    const settings = ccSettings(body);
    const now = clock.now();
    const progress = progressAt(task.dialing, now);
    if (progress.phase !== 'completed' && progress.phase !== 'cancelled')
      fail(-41, REASONS[-41] ?? '');
    const picked = task.dialing.numbers.filter((n, i) => {
      const ended = i < progress.called;
      if (resendType === 1) return ended && n.outcome === 'fail';
      if (resendType === 2) return !ended;
      return true;
    });
    if (picked.length === 0) fail(-42, REASONS[-42] ?? '');
    const created = createCc(state, settings, task.fileName, picked);
    return returnsCcId ? created.taskId : null;
  };

  const ccRecord = (task: SimCcTask, now: number) => {
    const progress = progressAt(task.dialing, now);
    const total = task.dialing.numbers.length;
    const group = SEAT_GROUPS.find((g) => g.voiceGroupId === task.voiceGroupId[0]);
    return {
      taskId: task.taskId,
      voiceGroupId: task.voiceGroupId,
      seatGroupName: group?.groupName ?? null,
      // Numbers the task will still call (§4.4): none once it is finished (finishFlag 1), also
      // when it was cancelled with numbers never called (issue 12: a cancelled task read as
      // 100 % called). `totalCount − remainCount` is therefore no count of numbers called.
      remainCount: progress.phase === 'cancelled' ? 0 : total - progress.called,
      totalCount: total,
      remark: task.remark,
      ccode: task.ccode,
      codeName: null,
      taskStatus: ccStatus(progress),
      taskType: task.type,
      finishFlag: progress.phase === 'completed' || progress.phase === 'cancelled' ? 1 : 0,
      completedRate: percent(progress.called, total),
      groupTaskId: null,
      transfersNum: progress.transfer,
      callFailuresNum: progress.fail,
    };
  };

  const queryCc = (state: AccountState, body: Record<string, unknown>) => {
    const { current, size, params } = paging(body);
    const now = clock.now();
    const taskId =
      params.taskId === undefined || params.taskId === '' ? null : intField(params.taskId);
    const statuses = Array.isArray(params.taskStatus) ? params.taskStatus.map(intField) : null;
    const start = typeof params.startTime === 'string' ? params.startTime.slice(0, 10) : null;
    const end = typeof params.endTime === 'string' ? params.endTime.slice(0, 10) : null;
    const rows = [...state.cc.values()]
      .filter((task) => {
        const day = vendorTime(task.dialing.createdAt, offset).slice(0, 10);
        return (start === null || day >= start) && (end === null || day <= end);
      })
      .filter((task) => taskId === null || task.taskId === taskId)
      .filter((task) => params.taskType === undefined || intField(params.taskType) === task.type)
      .map((task) => ccRecord(task, now))
      .filter(
        (row) => statuses === null || statuses.length === 0 || statuses.includes(row.taskStatus),
      )
      .filter(
        (row) => params.finishFlag === undefined || intField(params.finishFlag) === row.finishFlag,
      )
      .reverse();
    return pageOf(rows, current, size);
  };

  const queryCcDetail = (state: AccountState, body: Record<string, unknown>) => {
    const { current, size, params } = paging(body);
    if (params.taskId === undefined) fail(-22, 'taskId');
    const task = ccTaskOf(state, params.taskId);
    const now = clock.now();
    const statuses = Array.isArray(params.statusList) ? params.statusList.map(intField) : null;
    const called = typeof params.called === 'string' && params.called ? params.called : null;
    const group = SEAT_GROUPS.find((g) => g.voiceGroupId === task.voiceGroupId[0]);
    const rows = task.dialing.numbers
      .map((n, i) => {
        const state = numberStateAt(task.dialing, i, now);
        const status =
          state === 'waiting' ? 5 : state === 'in-progress' ? 1 : n.outcome === 'fail' ? 7 : 9;
        const answered = state === 'ended' && n.outcome !== 'fail';
        return {
          phone: n.phone,
          row: {
            keyId: task.taskId * 1000 + i,
            encryptCalled: mask(n.phone),
            seatName: answered && n.outcome === 'transfer' ? `agent${(i % 4) + 1}` : null,
            sipGroupName: group?.groupName ?? null,
            labelName: null,
            remark: null,
            callId: state === 'waiting' ? null : `cc-${task.taskId}-${i}`,
            errorReason: state === 'ended' && n.outcome === 'fail' ? 'callee busy' : null,
            status,
            callCount: state === 'waiting' ? 0 : 1,
            ...Object.fromEntries(n.variables.map((v, c) => [`var0${c + 1}`, v])),
          },
        };
      })
      .filter((entry) => called === null || entry.phone === called)
      .filter(
        (entry) =>
          statuses === null || statuses.length === 0 || statuses.includes(entry.row.status),
      )
      .map((entry) => entry.row);
    return pageOf(rows, current, size);
  };

  const editCc = (state: AccountState, body: Record<string, unknown>) => {
    const task = ccTaskOf(state, body.taskId);
    const rate = intField(body.calloutRate);
    if (rate === null || rate < 1) fail(-22, 'calloutRate');
    if (body.remark !== undefined && (typeof body.remark !== 'string' || body.remark.length > 50))
      fail(-22, 'remark');
    const phase = progressAt(task.dialing, clock.now()).phase;
    if (phase === 'completed' || phase === 'cancelled') fail(-41, REASONS[-41] ?? '');
    task.calloutRate = rate;
    if (typeof body.remark === 'string') task.remark = body.remark;
    return null;
  };

  const cancelCc = (state: AccountState, body: Record<string, unknown>) => {
    const task = ccTaskOf(state, body.taskId);
    const now = clock.now();
    const phase = progressAt(task.dialing, now).phase;
    if (phase === 'completed' || phase === 'cancelled') fail(-41, REASONS[-41] ?? '');
    task.dialing.cancelledAt = now;
    return null;
  };

  // --- voice and AI-agent group calls (§5) ---

  const checkAudio = (body: Record<string, unknown>) => {
    const source = intField(body.source);
    if (source === 1 && typeof body.voiceFileId !== 'string') fail(-22, 'voiceFileId');
    else if (
      source === 2 &&
      (typeof body.uploadName !== 'string' || typeof body.baseFile !== 'string')
    )
      fail(-22, 'baseFile');
    else if (source === 3) {
      if (typeof body.text !== 'string' || body.text.length === 0 || body.text.length > 1000)
        fail(-22, 'text');
      if (typeof body.lan !== 'string' || !TTS_LANGUAGES_SET.has(body.lan)) fail(-22, 'lan');
    } else if (source !== 1 && source !== 2) fail(-22, 'source');
  };

  const uniqueName = (state: AccountState, body: Record<string, unknown>): string => {
    const taskName = stringField(body, 'taskName', 2, 64);
    for (const task of state.groups.values())
      if (task.taskName === taskName) fail(-20, REASONS[-20] ?? '');
    return taskName;
  };

  const createGroup = (
    state: AccountState,
    taskType: 1 | 3,
    taskName: string,
    appId: string,
    settings: Readonly<Record<string, unknown>>,
    numbers: readonly SimNumber[],
    createdAt = clock.now(),
  ): SimGroupTask => {
    const jobId = nextGroupId++;
    const task: SimGroupTask = {
      jobId,
      taskType,
      taskName,
      appId,
      settings,
      dialing: planDialing(numbers, createdAt, startFor(createdAt, settings.sendTime), msPerCall),
    };
    state.groups.set(jobId, task);
    totals.groupTasks += 1;
    return task;
  };

  const send = (state: AccountState, body: Record<string, unknown>, ai: boolean) => {
    const appId = stringField(body, 'appId', 1, 64);
    const taskName = uniqueName(state, body);
    if (ai) {
      if (intField(body.scriptId) === null) fail(-22, 'scriptId');
    } else {
      checkAudio(body);
      optionalInt(body, 'loopCount', 1, 9);
      optionalInt(body, 'maxCalls', 1, 999);
    }
    optionalInt(body, 'maxRingingTime', 20, 120);
    if (
      body.sendTime !== undefined &&
      body.sendTime !== null &&
      parseVendorTime(body.sendTime, offset) === null
    )
      fail(-22, 'sendTime');
    // numberInfoList (current pages, ≤100,000) or the older numberList (≤200,000) (§9.7).
    let entries: { phone: string; variables: string[] }[];
    if (Array.isArray(body.numberInfoList)) {
      const limit = ai ? 200_000 : 100_000;
      if (body.numberInfoList.length > limit) fail(-23, REASONS[-23] ?? '');
      entries = body.numberInfoList.map((item: unknown) => {
        const info = (typeof item === 'object' && item !== null ? item : {}) as Record<
          string,
          unknown
        >;
        const variables = [1, 2, 3, 4, 5].map((i) =>
          typeof info[`text${i}`] === 'string' ? String(info[`text${i}`]) : '',
        );
        return { phone: typeof info.calleeNumber === 'string' ? info.calleeNumber : '', variables };
      });
    } else if (Array.isArray(body.numberList)) {
      if (body.numberList.length > 200_000) fail(-23, REASONS[-23] ?? '');
      entries = body.numberList.map((n: unknown) => ({
        phone: typeof n === 'string' ? n : '',
        variables: [],
      }));
    } else {
      fail(-22, 'numberInfoList');
    }
    if (entries.length === 0) fail(-42, REASONS[-42] ?? '');
    const digits = ai ? /^\d{6,18}$/ : /^\d{7,15}$/;
    if (entries.some((e) => !digits.test(e.phone))) fail(-21, REASONS[-21] ?? '');
    const { numberInfoList: _a, numberList: _b, ...settings } = body;
    const task = createGroup(
      state,
      ai ? 3 : 1,
      taskName,
      appId,
      settings,
      drawNumbers(random, entries),
    );
    return task.jobId;
  };

  const groupRecord = (task: SimGroupTask, now: number) => {
    const progress = progressAt(task.dialing, now);
    const total = task.dialing.numbers.length;
    const id =
      task.taskType === 3
        ? { taskId: task.jobId, scriptId: intField(task.settings.scriptId) }
        : { jobId: task.jobId };
    return {
      ...id,
      taskName: task.taskName,
      status: groupStatus(progress),
      rate: percent(progress.called, total),
      numCnt: total,
      callNum: progress.called,
      success: progress.success + progress.transfer,
      fail: progress.fail,
      createdTime: vendorTime(task.dialing.createdAt, offset),
    };
  };

  const queryGroups = (state: AccountState, body: Record<string, unknown>) => {
    const { current, size, params } = paging(body);
    const from = parseVendorTime(params.strTime, offset);
    const to = parseVendorTime(params.endTime, offset);
    if (from === null || to === null) fail(-22, 'strTime/endTime');
    const ai = intField(params.taskType) === 3;
    const statuses = Array.isArray(params.statusList) ? params.statusList.map(intField) : [];
    const search = typeof params.searchCondition === 'string' ? params.searchCondition : '';
    const appId =
      typeof params.idxAppId === 'string' || typeof params.idxAppId === 'number'
        ? String(params.idxAppId)
        : '';
    const now = clock.now();
    const rows = [...state.groups.values()]
      .filter((task) => (task.taskType === 3) === ai)
      .filter((task) => task.dialing.createdAt >= from && task.dialing.createdAt <= to + 999)
      .filter((task) => !appId || task.appId === appId)
      .filter(
        (task) =>
          !search ||
          // §5.5: task name, voice file name or TTS text.
          task.taskName.includes(search) ||
          String(task.settings.uploadName ?? '').includes(search) ||
          String(task.settings.text ?? '').includes(search),
      )
      .map((task) => groupRecord(task, now))
      .filter((row) => statuses.length === 0 || statuses.includes(row.status))
      .reverse();
    return pageOf(rows, current, size);
  };

  const groupTaskOf = (state: AccountState, value: unknown): SimGroupTask => {
    const id = intField(value);
    if (id === null) fail(-22, 'id');
    const task = state.groups.get(id);
    if (!task) fail(-24, REASONS[-24] ?? '');
    return task;
  };

  const detail = (state: AccountState, id: string | null) => {
    const task = groupTaskOf(state, id);
    const now = clock.now();
    const progress = progressAt(task.dialing, now);
    const total = task.dialing.numbers.length;
    const answered = progress.success + progress.transfer;
    const talk = task.dialing.numbers
      .slice(0, progress.called)
      .reduce((sum, n) => sum + n.seconds, 0);
    const s = task.settings;
    return {
      jobId: task.jobId,
      taskName: task.taskName,
      displayNum: s.displayNum ?? null,
      text: s.text ?? null,
      status: groupStatus(progress),
      rate: percent(progress.called, total),
      numCnt: total,
      chargeLen: talk,
      success: answered,
      fail: progress.fail,
      toseatNum: progress.transfer,
      successRate: percent(answered, progress.called),
      toseatNumRate: percent(progress.transfer, progress.called),
      sendTime: s.sendTime ?? null,
      createdTime: vendorTime(task.dialing.createdAt, offset),
      mdfTime: vendorTime(task.dialing.cancelledAt ?? task.dialing.createdAt, offset),
      finishTime: progress.finishedAt === null ? null : vendorTime(progress.finishedAt, offset),
      appId: task.appId,
      source: s.source ?? null,
      voiceFileId: s.voiceFileId ?? null,
      uploadName: s.uploadName ?? null,
      baseFile: null,
      calloutRate: s.calloutRate ?? null,
      keyFeedbackNum: 0,
      callLossNum: 0,
      callLossNumRate: '0',
      callDuration: talk,
      code: null,
      maxCalls: s.maxCalls ?? null,
      loopCount: s.loopCount ?? null,
      lan: s.lan ?? null,
      allCallToseatNum: progress.transfer,
      callTotal: progress.called,
      acd: answered === 0 ? '0' : (talk / answered).toFixed(1),
      sipGroupName:
        SEAT_GROUPS.find((g) => g.voiceGroupId === intField(s.sipGroupId))?.groupName ?? null,
      receivedSeatNum: progress.transfer > 0 ? 1 : 0,
      onineSeatNum: 0,
    };
  };

  const resendGroup = (state: AccountState, body: Record<string, unknown>, ai: boolean) => {
    const task = groupTaskOf(state, body.keyId);
    const taskName = uniqueName(state, body);
    const resendType = intField(body.resendType);
    if (resendType !== 0 && resendType !== 1) fail(-22, 'resendType');
    if (ai) {
      if (intField(body.scriptId) === null) fail(-22, 'scriptId');
    } else {
      stringField(body, 'appId', 1, 64);
      checkAudio(body);
    }
    const progress = progressAt(task.dialing, clock.now());
    if (progress.phase !== 'completed' && progress.phase !== 'cancelled')
      fail(-41, REASONS[-41] ?? '');
    const picked = task.dialing.numbers.filter(
      (n, i) => resendType === 0 || (i < progress.called && n.outcome === 'fail'),
    );
    if (picked.length === 0) fail(ai ? -34 : -42, REASONS[ai ? -34 : -42] ?? '');
    const appId = typeof body.appId === 'string' ? body.appId : task.appId;
    const { keyId: _k, ...settings } = body;
    const redrawn = drawNumbers(
      random,
      picked.map((n) => ({ phone: n.phone, variables: n.variables })),
    );
    return createGroup(state, task.taskType, taskName, appId, settings, redrawn).jobId;
  };

  const cancelGroups = (state: AccountState, body: Record<string, unknown>) => {
    const ids = body.taskIdList;
    if (!Array.isArray(ids) || ids.length === 0) fail(-22, 'taskIdList');
    const tasks = ids.map((id: unknown) => groupTaskOf(state, id));
    const now = clock.now();
    for (const task of tasks) {
      const phase = progressAt(task.dialing, now).phase;
      if (phase === 'completed' || phase === 'cancelled') fail(-54, REASONS[-54] ?? '');
    }
    for (const task of tasks) task.dialing.cancelledAt = now;
    return null;
  };

  // --- pickers and records (§6, §7) ---

  const ccRecords = (state: AccountState, body: Record<string, unknown>) => {
    const { current, size, params } = paging(body);
    const from =
      parseVendorTime(params.startTime, offset) ??
      (typeof params.startTime === 'string' ? Date.parse(params.startTime) : NaN);
    const to =
      parseVendorTime(params.endTime, offset) ??
      (typeof params.endTime === 'string' ? Date.parse(params.endTime) : NaN);
    if (!Number.isFinite(from) || !Number.isFinite(to)) fail(-22, 'startTime/endTime');
    const voiceGroupId = intField(params.voiceGroupId);
    const now = clock.now();
    const rows: Record<string, unknown>[] = [];
    for (const task of state.cc.values()) {
      if (voiceGroupId !== null && !task.voiceGroupId.includes(voiceGroupId)) continue;
      const progress = progressAt(task.dialing, now);
      for (let i = 0; i < progress.called; i++) {
        const at = task.dialing.startAt + (i + 1) * task.dialing.msPerCall;
        if (at < from || at > to + 999) continue;
        const n = task.dialing.numbers[i] as SimNumber;
        rows.push({
          callId: `cc-${task.taskId}-${i}`,
          calledOrCaller: mask(n.phone),
          callType: task.type === 1 ? 1 : 3,
          hangupReason: n.outcome === 'fail' ? 4 : n.outcome === 'transfer' ? 3 : 1,
          callTime: vendorTime(at, offset),
          callDuration: n.seconds,
          sipGroupName:
            SEAT_GROUPS.find((g) => g.voiceGroupId === task.voiceGroupId[0])?.groupName ?? null,
        });
      }
    }
    return pageOf(rows, current, size);
  };

  const voiceRecords = (state: AccountState, body: Record<string, unknown>) => {
    const { current, size, params } = paging(body);
    const from = typeof params.strTime === 'string' ? Date.parse(params.strTime) : NaN;
    const to = typeof params.endTime === 'string' ? Date.parse(params.endTime) : NaN;
    // ISO-8601 with offset; at most 31 days, within the last two months (§7.2).
    if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) fail(-22, 'strTime/endTime');
    const now = clock.now();
    if (to - from > 31 * 86_400_000 || from < now - 62 * 86_400_000) fail(-22, 'time window');
    const rows: Record<string, unknown>[] = [];
    for (const task of state.groups.values()) {
      const progress = progressAt(task.dialing, now);
      for (let i = 0; i < progress.called; i++) {
        const at = task.dialing.startAt + (i + 1) * task.dialing.msPerCall;
        if (at < from || at > to) continue;
        const n = task.dialing.numbers[i] as SimNumber;
        rows.push({
          voiceId: `${task.jobId}-${i}`,
          callee: n.phone,
          displayNum: task.settings.displayNum ?? null,
          callTime: new Date(at).toISOString(),
          callDuration: n.seconds,
          chargedDuration: n.seconds === 0 ? 0 : Math.ceil(n.seconds / 60) * 60,
          terminationCode: n.outcome === 'fail' ? 486 : 200,
          terminationReason: n.outcome === 'fail' ? 'Busy Here' : 'OK',
          feedbackValue: -1,
        });
      }
    }
    return pageOf(rows, current, size);
  };

  const seatGroups = (body: Record<string, unknown>) => {
    const { current, size, params } = paging(body);
    const name = typeof params.groupName === 'string' ? params.groupName : '';
    const rows = SEAT_GROUPS.filter((g) => !name || g.groupName.includes(name)).map(
      ({ appId: _a, ...g }) => g,
    );
    return pageOf(rows, current, size);
  };

  const displayNumbers = (body: Record<string, unknown>) => {
    const { current, size, params } = paging(body);
    const appId = typeof params.appId === 'string' ? params.appId : '';
    return pageOf(
      DISPLAY_NUMBERS.filter((n) => !appId || n.appId === appId),
      current,
      size,
    );
  };

  // --- dispatch ---

  const run = async (
    route: SimRoute,
    request: SimRequest,
    state: AccountState,
  ): Promise<unknown> => {
    const body = route.method === 'POST' ? objectBody(request) : {};
    switch (route.key) {
      case '/cc/preview/upload':
        return upload(state, body);
      case '/cc/preview/submitTask':
        return submitTask(state, body);
      case '/cc/preview/resendTask':
        return resendTask(state, body);
      case '/cc/preview/query':
        return queryCc(state, body);
      case '/cc/preview/queryTaskDetail':
        return queryCcDetail(state, body);
      case '/cc/preview/agent/editTask':
        return editCc(state, body);
      case '/cc/preview/agent/cancelTask':
        return cancelCc(state, body);
      case '/cc/seatGroup/query':
        return seatGroups(body);
      case '/cc/seat/querySipTotal': {
        const group = SEAT_GROUPS.find(
          (g) => g.voiceGroupId === intField(request.query.get('voiceGroupId')),
        );
        if (!group) fail(-24, REASONS[-24] ?? '');
        return { total: group.countSeat * 3, remaining: group.countSeat * 2 };
      }
      case '/cc/record/query':
        return ccRecords(state, body);
      case '/voice/group/call/send':
        return send(state, body, false);
      case '/voice/group/call/send/agent':
        return send(state, body, true);
      case '/voice/group/call/query':
        return queryGroups(state, body);
      case '/voice/group/call/detail':
        return detail(state, route.id);
      case '/voice/group/call/resend':
        return resendGroup(state, body, false);
      case '/voice/group/call/resend/ai':
        return resendGroup(state, body, true);
      case '/voice/group/call/cancel':
        return cancelGroups(state, body);
      case '/voice/recordGroupQuery':
        return voiceRecords(state, body);
      case '/number/queryPage':
        return displayNumbers(body);
      case '/sms/getBalance':
        return undefined;
    }
  };

  const handle = async (request: SimRequest): Promise<SimResponse | null> => {
    const route = routeOf(request.path);
    if (!route) return null;
    const now = clock.now();
    if (request.method !== route.method) {
      return { status: 405, body: 'Method Not Allowed' };
    }
    if (strict) {
      const violations = strict.check(route.key, strictRequestOf(route, request));
      // §8 -22 "parameter error", in the route's envelope style; nothing has run.
      if (violations.length > 0) {
        return envelope(route, now, -22, `parameter error: ${describeViolations(violations)}`);
      }
    }
    try {
      const apiKey = checkSignature(request, secrets, now, window);
      const state = stateOf(apiKey);
      if (!state.ipAllowed) fail(-2, REASONS[-2] ?? '');
      const data = await run(route, request, state);
      if (route.key === '/sms/getBalance') {
        // Style A without data: the payload is at top level (§6.7).
        return envelope(route, now, 0, 'success', undefined, {
          balance: '120.500000',
          gift: '50.00000',
          credit: '0',
        });
      }
      return envelope(route, now, 0, 'success', data ?? null);
    } catch (error) {
      if (error instanceof VendorFailure) return envelope(route, now, error.code, error.reason);
      throw error;
    }
  };

  server.mount(handle, (request) => routeOf(request.path)?.key ?? null);

  const view = (
    id: number,
    name: string,
    status: number,
    progress: SimProgress,
    total: number,
  ): SimTaskView => ({
    id: String(id),
    name,
    status,
    progress,
    total,
  });

  return {
    routeKeys: ITNIOTECH_ROUTE_KEYS,
    strict,
    ccTasks(apiKey) {
      const now = clock.now();
      return [...stateOf(apiKey).cc.values()].map((task) => {
        const progress = progressAt(task.dialing, now);
        return {
          ...view(
            task.taskId,
            task.remark ?? '',
            ccStatus(progress),
            progress,
            task.dialing.numbers.length,
          ),
          calloutRate: task.calloutRate,
        };
      });
    },
    groupTasks(apiKey) {
      const now = clock.now();
      return [...stateOf(apiKey).groups.values()].map((task) => {
        const progress = progressAt(task.dialing, now);
        return {
          ...view(
            task.jobId,
            task.taskName,
            groupStatus(progress),
            progress,
            task.dialing.numbers.length,
          ),
          taskType: task.taskType,
          settings: task.settings,
        };
      });
    },
    numbersOf(taskId, apiKey) {
      const state = stateOf(apiKey);
      const id = Number(taskId);
      const task = state.cc.get(id) ?? state.groups.get(id);
      if (!task) throw new Error(`No simulated ITNIO task ${taskId}.`);
      return task.dialing.numbers.map((n) => ({ phone: n.phone, outcome: n.outcome }));
    },
    counts: () => ({ ...totals }),
    setIpAllowed(apiKey, allowed) {
      stateOf(apiKey).ipAllowed = allowed;
    },
    seedSampleTasks(apiKey) {
      const state = stateOf(apiKey);
      const now = clock.now();
      const numbersFor = (count: number, prefix: string) =>
        Array.from({ length: count }, (_, i) => ({
          phone: `${prefix}${String(1_000_000 + i * 7919).slice(-7)}`,
          variables: [`Customer ${i + 1}`],
        }));
      const hour = 3_600_000;
      // A finished, a running and a waiting task of each family, by age.
      for (const [age, count, name, text] of [
        [26 * hour, 40, 'Renewal reminders (done)', 'Your insurance policy renews this month.'],
        [30_000, 200, 'Spring promotion', 'Spring sale: twenty percent off every plan.'],
        [0, 60, 'Survey follow-up', 'Please rate our service from one to five.'],
      ] as const) {
        const settings = {
          source: 3,
          text,
          lan: 'EN',
          loopCount: 1,
          maxCalls: 60,
        };
        createGroup(
          state,
          1,
          name,
          'iaAJ6COV',
          settings,
          drawNumbers(random, numbersFor(count, '86138')),
          now - age,
        );
      }
      createGroup(
        state,
        3,
        'AI collections batch',
        'rcVY82Lm',
        { scriptId: 123 },
        drawNumbers(random, numbersFor(120, '62812')),
        now - 2 * hour,
      );
      const ccBase = {
        type: 1 as const,
        voiceGroupId: [1000006],
        appId: 'iaAJ6COV',
        calloutRate: 2,
        displayNum: null,
        ccode: '91',
      };
      createCc(
        state,
        { ...ccBase, remark: 'Agent callbacks (done)' },
        'sample-a.xlsx',
        numbersFor(30, '91987'),
        now - 5 * hour,
      );
      createCc(
        state,
        { ...ccBase, remark: 'Agent campaign' },
        'sample-b.xlsx',
        numbersFor(300, '91988'),
        now - 60_000,
      );
    },
  };
}
