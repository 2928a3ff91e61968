import { json, type SimRequest, type SimResponse, type SimulatorServer } from '../server';
import { SeededRandom, type SimClock } from '../sim-kit';
import { plainDateTimeMs, type YccallStrictRequest } from '../strict/rule';
import { StrictChecker, describeViolations } from '../strict/strict-checker';
import { YCCALL_NUMBER_RULES, YCCALL_RULES } from '../strict/yccall-rules';
import { parseFormBody, type FormValues } from './form-parser';
import { SimTask, TASK_STATE_CODE, type SimExtras, type SimOutcome } from './sim-tasks';

// The Yccall half of the vendor simulator (yccall.md): one URL, the operation chosen by the
// `service` form field, the `{ret, data, msg}` envelope, a 12-hour token, the 10,000-number
// limits, TaskAdd only on not-started/running/paused tasks, and tasks that progress with the
// sim clock. Fault route keys are the `service` values (e.g. 'App.Sip_Yccall.TaskAdd').
//
// Where the docs are silent the simulator picks one reading and says so here:
// - TaskCreat answers `result: { taskid }` (§8; what public client code reads).
// - TaskSet: start from not-started/paused, pause from running, end from anything not ended;
//   repeating the current state succeeds; resuming an ended task or pausing one that is not
//   running is refused with 1002 (§4.4 leaves transitions open).
// - taskCall only re-dials ended tasks, in the same task id (no new id is returned, §4.5).
// - TaskList `taskname` matches exactly; GetBill answers `{ totalitems, currentpage,
//   itemsperpage, result }` and treats syncflag 1 like 3 (nothing is marked as fetched).
// - Service names match with the documented casing only (§7.6).
//
// Strict mode (`strict: true`) adds the documented request rules of ../strict/yccall-rules.ts,
// an independent reading of the doc: a request that breaks one is refused with ret 400 before
// anything runs, and telphone entries that break a per-number rule are not stored but returned
// in `invaliddata` (TaskCreat then also answers `success` and `invaliddata` next to `taskid`).

/** How long a token lives (§2.1). */
const TOKEN_MS = 12 * 60 * 60 * 1000;
const MAX_NUMBERS = 10_000;

/** One appid/accesskey pair the simulator accepts. */
export interface YccallSimAccount {
  readonly appid: string;
  readonly accesskey: string;
}

/** Options of `mountYccall`. */
export interface YccallSimOptions {
  readonly clock: SimClock;
  readonly seed: number;
  readonly accounts: readonly YccallSimAccount[];
  /** The URL path the API answers on (default '/': the docs post to the bare base address). */
  readonly path?: string;
  /** Average time a channel spends per call (default 60 s); with `concurrent` it sets the pace. */
  readonly callMs?: number;
  /** Enforce the documented request rules (default false: lenient, as the app's tests expect). */
  readonly strict?: boolean | StrictChecker<YccallStrictRequest>;
}

/** A task as tests see it. */
export interface YccallSimTaskView {
  readonly id: string;
  readonly name: string;
  readonly appid: string;
  /** TaskList code: 1025 not started, 1026 running, 1027 paused, 1028 ended. */
  readonly status: number;
  readonly numberCount: number;
  /** TaskCreat `scheduledtime` and `pausedtime` as instants (ms), or null when not given. */
  readonly scheduledAt: number | null;
  readonly deadline: number | null;
}

/** The simulator's state, for tests and the demo. */
export interface YccallSim {
  /** The path to post to (append to the server URL). */
  readonly path: string;
  /** Every task, oldest first, with its state brought up to the sim clock. */
  tasks(): readonly YccallSimTaskView[];
  /** The numbers a task holds, in the order received, duplicates included. */
  numbersOf(taskId: string): readonly string[];
  /** How many numbers a task holds. */
  numberCount(taskId: string): number;
  /** How many different numbers a task holds (equal to numberCount when none was added twice). */
  distinctNumberCount(taskId: string): number;
  /** The token most recently issued to an appid (tests check that it never leaks). */
  tokenOf(appid: string): string | null;
  /** How many successful sign-ins an appid made. */
  loginCount(appid: string): number;
  /** Adds demo tasks in every state to every account. */
  seedSampleTasks(): void;
  /** The strict-mode checker (its `violations()` log), or null in lenient mode. */
  readonly strict: StrictChecker<YccallStrictRequest> | null;
  /** The telphone entries TaskCreat/TaskAdd refused for a task (returned in `invaliddata`). */
  refusedOf(taskId: string): readonly unknown[];
  /** From now on, refuses these numbers into `invaliddata` (a PBX's own block list). */
  refusePhones(phones: Iterable<string>): void;
  /** Fault: the next create/append stores `count` fewer numbers while answering it took all. */
  dropSilently(count: number): void;
}

interface Company {
  readonly code: string;
  readonly name: string;
  readonly account: YccallSimAccount;
  readonly extensions: readonly {
    readonly extnumber: string;
    readonly password: string;
    readonly enabled: boolean;
    readonly registered: boolean;
  }[];
  readonly queues: readonly string[];
  readonly groups: readonly { readonly id: number; readonly name: string }[];
  logins: number;
  lastToken: string | null;
}

type Envelope = Readonly<Record<string, unknown>>;

const pad = (n: number) => String(n).padStart(2, '0');

/** Sim instants as the server's `yyyy-mm-dd hh:mm:ss` (the simulator's server runs on UTC). */
function serverTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** The server's `yyyy-mm-dd hh:mm:ss` (the simulator's server runs on UTC) as ms, or null. */
function parseServerTime(text: string): number | null {
  return plainDateTimeMs(text.trim());
}

const PHONE = /^\+?\d{5,20}$/;

/** Mounts the Yccall API on a simulator server. */
export function mountYccall(server: SimulatorServer, options: YccallSimOptions): YccallSim {
  const clock = options.clock;
  const random = new SeededRandom(options.seed);
  const path = options.path ?? '/';
  const callMs = options.callMs ?? 60_000;
  const strict =
    options.strict === true
      ? new StrictChecker<YccallStrictRequest>(YCCALL_RULES, YCCALL_NUMBER_RULES)
      : options.strict || null;
  const companies = options.accounts.map<Company>((account, i) => {
    const base = 8001 + i;
    return {
      code: String(9000 + i + 1),
      name: i === 0 ? 'Demo Call Center' : `Demo Call Center ${i + 1}`,
      account,
      extensions: [1, 2, 3, 4, 5, 6].map((n) => ({
        extnumber: `${base}${pad(n)}`,
        password: `sip-${random.int(100000, 999999)}`,
        enabled: n !== 6,
        registered: n <= 4,
      })),
      queues: ['queue-1', 'autocall_sales'],
      groups: [
        { id: 3, name: 'sales' },
        { id: 4, name: 'support' },
      ],
      logins: 0,
      lastToken: null,
    };
  });
  const tokens = new Map<string, { readonly company: Company; readonly issuedAt: number }>();
  const tasks = new Map<string, { readonly task: SimTask; readonly company: Company }>();
  const refused = new Map<string, unknown[]>();
  const blocked = new Set<string>();
  let dropNext = 0;
  const noteRefused = (taskId: string, entries: readonly unknown[]) => {
    if (entries.length > 0) refused.set(taskId, [...(refused.get(taskId) ?? []), ...entries]);
  };
  let serial = 0;
  const parsed = new WeakMap<SimRequest, FormValues | null>();

  const formOf = (request: SimRequest): FormValues | null => {
    if (!parsed.has(request)) {
      parsed.set(request, parseFormBody(request.headers['content-type'], request.body));
    }
    return parsed.get(request) ?? null;
  };

  const now = () => clock.now();
  const seconds = () => Math.floor(now() / 1000);

  const ok = (desc: string, result?: unknown): SimResponse =>
    json({
      ret: 200,
      data: {
        status: 0,
        desc,
        ...(result === undefined ? {} : { result }),
        reqtime: seconds(),
        rsptime: seconds(),
      },
      msg: '',
    } satisfies Envelope);

  const refuse = (code: string, codemsg: string, desc = 'fail'): SimResponse =>
    json({
      ret: 200,
      data: { status: 1, desc, errors: { code, codemsg }, reqtime: seconds(), rsptime: seconds() },
      msg: '',
    } satisfies Envelope);

  const ret = (code: number, msg: string): SimResponse => json({ ret: code, data: [], msg });

  const newToken = (): string => {
    let token = '';
    for (let i = 0; i < 4; i += 1) token += random.int(0, 0xffffffff).toString(16).padStart(8, '0');
    return token;
  };

  const newTaskId = (): string => {
    for (;;) {
      const d = new Date(now());
      const id = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${String(random.int(0, 999_999)).padStart(6, '0')}`;
      if (!tasks.has(id)) return id;
    }
  };

  /** Reads `telphone` (a JSON array of callee objects) into valid entries and rejected ones. */
  const readTelphone = (
    text: string | undefined,
    service: string,
  ):
    | {
        readonly ok: true;
        readonly valid: { phone: string; extras: SimExtras | undefined }[];
        readonly invalid: unknown[];
      }
    | { readonly ok: false; readonly response: SimResponse } => {
    if (text === undefined || text === '')
      return { ok: false, response: ret(400, 'Illegal request: telphone is required') };
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch {
      return { ok: false, response: ret(400, 'Illegal request: telphone is not valid JSON') };
    }
    if (!Array.isArray(list))
      return { ok: false, response: ret(400, 'Illegal request: telphone must be a JSON array') };
    if (list.length === 0) return { ok: false, response: refuse('1002', 'telphone is empty') };
    if (list.length > MAX_NUMBERS) {
      return {
        ok: false,
        response: refuse(
          '1002',
          `telphone exceeds the limit of ${MAX_NUMBERS} numbers per request`,
        ),
      };
    }
    const valid: { phone: string; extras: SimExtras | undefined }[] = [];
    const invalid: unknown[] = [];
    for (const item of list as unknown[]) {
      // Strict mode: an entry that breaks a documented per-number rule is refused on its own.
      if (strict && strict.checkEntry(service, item).length > 0) {
        invalid.push(item);
        continue;
      }
      const entry =
        typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : null;
      const phone =
        entry && (typeof entry['phone'] === 'string' || typeof entry['phone'] === 'number')
          ? String(entry['phone'])
          : '';
      if (!entry || !PHONE.test(phone) || blocked.has(phone)) {
        invalid.push(item);
        continue;
      }
      const text = (key: string) =>
        typeof entry[key] === 'string' && entry[key] !== '' ? (entry[key] as string) : undefined;
      const userid = text('userid');
      const memberid = text('memberid');
      const customuuid = text('customuuid');
      const chengshudu = text('chengshudu') ?? text('ext');
      const extras =
        userid || memberid || customuuid || chengshudu
          ? {
              ...(userid ? { userid } : {}),
              ...(memberid ? { memberid } : {}),
              ...(customuuid ? { customuuid } : {}),
              ...(chengshudu ? { chengshudu } : {}),
            }
          : undefined;
      valid.push({ phone, extras });
    }
    return { ok: true, valid, invalid };
  };

  /** Applies an armed `dropSilently` fault: the last entries are lost without a word. */
  const dropped = <T>(valid: readonly T[]): readonly T[] => {
    if (dropNext <= 0) return valid;
    const kept = valid.slice(0, Math.max(0, valid.length - dropNext));
    dropNext = 0;
    return kept;
  };

  const taskOf = (company: Company, id: string | undefined): SimTask | null => {
    const entry = id ? tasks.get(id) : undefined;
    if (!entry || entry.company !== company) return null;
    entry.task.refresh(now());
    return entry.task;
  };

  const createTask = (
    company: Company,
    fields: {
      name: string;
      assigntype: number;
      assignagent: string;
      taskscale: string;
      disnumber: string;
      concurrent: number;
      scheduledAt: number | null;
      deadline: number | null;
    },
  ): SimTask => {
    serial += 1;
    const id = newTaskId();
    const task = new SimTask({
      id,
      serial,
      seed: options.seed,
      company: company.code,
      name: fields.name || id,
      assigntype: fields.assigntype,
      assignagent: fields.assignagent,
      taskscale: fields.taskscale,
      disnumber: fields.disnumber,
      concurrent: fields.concurrent,
      scheduledAt: fields.scheduledAt,
      deadline: fields.deadline,
      createdAt: now(),
      callMs,
      agents: company.extensions
        .filter((ext) => ext.enabled && ext.registered)
        .map((ext) => ext.extnumber),
    });
    tasks.set(id, { task, company });
    return task;
  };

  const taskRow = (task: SimTask) => ({
    taskid: task.init.id,
    taskname: task.init.name,
    taskassign: task.init.assignagent,
    starttime: task.firstStartAt === null ? '' : serverTime(task.firstStartAt),
    taskscale: task.init.taskscale,
    nowscale: task.state === 'running' ? task.init.taskscale : '',
    disnumber: task.init.disnumber,
    status: TASK_STATE_CODE[task.state],
    createtime: serverTime(task.init.createdAt),
  });

  const numberRow = (task: SimTask, index: number) => {
    const view = task.view(index, now());
    const outcome: SimOutcome = view.outcome;
    return {
      taskid: task.init.id,
      telphone: view.phone,
      userid: view.extras?.userid ?? '',
      memberid: view.extras?.memberid ?? '',
      chengshudu: view.extras?.chengshudu ?? '',
      customuuid: view.extras?.customuuid ?? '',
      status: outcome === 'not-called' ? 1035 : 1036,
      extnumber: view.agent,
      answered: outcome === 'not-called' ? null : outcome === 'connected' ? 1 : 0,
      answertype: outcome === 'callee' || outcome === 'caller' ? outcome : null,
    };
  };

  const pageOf = (form: FormValues, max: number) => {
    const currentpage = Math.max(1, Number.parseInt(form.get('currentpage') ?? '1', 10) || 1);
    const itemsperpage = Math.min(
      max,
      Math.max(1, Number.parseInt(form.get('itemsperpage') ?? '10', 10) || 10),
    );
    return { currentpage, itemsperpage, skip: (currentpage - 1) * itemsperpage };
  };

  const services: Readonly<Record<string, (form: FormValues, company: Company) => SimResponse>> = {
    'App.Sip_Auth.Logout': (form) => {
      tokens.delete(form.get('token') ?? '');
      return ok('logout succeeded');
    },

    'App.Sip_Yccall.TaskCreat': (form, company) => {
      const assigntype = Number(form.get('assigntype'));
      const assignagent = form.get('assignagent') ?? '';
      const taskscale = form.get('taskscale') ?? '';
      if (![1, 2, 3].includes(assigntype))
        return ret(400, 'Illegal request: assigntype must be 1, 2 or 3');
      if (assignagent === '') return ret(400, 'Illegal request: assignagent is required');
      if (!/^\d+:\d+$/.test(taskscale))
        return ret(400, 'Illegal request: taskscale must look like 1:1');
      const scheduled = form.get('scheduledtime');
      const paused = form.get('pausedtime');
      const scheduledAt = scheduled ? parseServerTime(scheduled) : null;
      const deadline = paused ? parseServerTime(paused) : null;
      if ((scheduled && scheduledAt === null) || (paused && deadline === null)) {
        return ret(400, 'Illegal request: times must be yyyy-mm-dd hh:mm:ss');
      }
      if (assigntype === 1 && !company.extensions.some((ext) => ext.extnumber === assignagent)) {
        return refuse('1012', 'extension does not exist');
      }
      if (assigntype === 2 && !company.queues.includes(assignagent))
        return refuse('1002', 'queue does not exist');
      if (assigntype === 3 && !company.groups.some((group) => group.name === assignagent)) {
        return refuse('1002', 'extension group does not exist');
      }
      const numbers = readTelphone(form.get('telphone'), 'App.Sip_Yccall.TaskCreat');
      if (!numbers.ok) return numbers.response;
      const concurrent = Number.parseInt(form.get('concurrent') ?? '100', 10);
      const task = createTask(company, {
        name: form.get('taskname') ?? '',
        assigntype,
        assignagent,
        taskscale,
        disnumber: form.get('disnumber') ?? '',
        concurrent: Number.isFinite(concurrent) && concurrent > 0 ? concurrent : 100,
        scheduledAt,
        deadline,
      });
      task.append(dropped(numbers.valid));
      noteRefused(task.init.id, numbers.invalid);
      if (form.get('status') === '1') task.start(now());
      // Strict mode reports the split like TaskAdd does (§4.2), since entries may be refused.
      return ok(
        'created successfully',
        strict
          ? { taskid: task.init.id, success: numbers.valid.length, invaliddata: numbers.invalid }
          : { taskid: task.init.id },
      );
    },

    'App.Sip_Yccall.TaskAdd': (form, company) => {
      const task = taskOf(company, form.get('taskid'));
      if (!task) return refuse('1002', 'task does not exist');
      if (task.state === 'ended')
        return refuse(
          '1002',
          'task has ended; numbers can only be added to tasks that are not started, running or paused',
        );
      const numbers = readTelphone(form.get('telphone'), 'App.Sip_Yccall.TaskAdd');
      if (!numbers.ok) return numbers.response;
      task.append(dropped(numbers.valid));
      noteRefused(task.init.id, numbers.invalid);
      return ok('append succeeded', {
        success: numbers.valid.length,
        invaliddata: numbers.invalid,
      });
    },

    'App.Sip_Yccall.taskDelPhone': (form, company) => {
      const task = taskOf(company, form.get('taskid'));
      if (!task) return refuse('1002', 'task does not exist');
      const phones = (form.get('telphone') ?? '')
        .split(',')
        .map((phone) => phone.trim())
        .filter(Boolean);
      if (phones.length === 0) return ret(400, 'Illegal request: telphone is required');
      if (phones.length > MAX_NUMBERS)
        return refuse('1002', `telphone exceeds the limit of ${MAX_NUMBERS} numbers per request`);
      task.remove(new Set(phones), now());
      return ok('deleted');
    },

    'App.Sip_Yccall.TaskSet': (form, company) => {
      const task = taskOf(company, form.get('taskid'));
      if (!task) return refuse('1002', 'task does not exist');
      const command = form.get('taskstatus');
      const t = now();
      if (command === '1') {
        if (task.state === 'ended')
          return refuse('1002', 'task has ended and cannot be started again');
        task.start(t);
      } else if (command === '2') {
        if (task.state === 'not-started' || task.state === 'ended')
          return refuse('1002', 'task is not running');
        task.pause(t);
      } else if (command === '3') {
        task.stop(t);
      } else {
        return ret(400, 'Illegal request: taskstatus must be 1, 2 or 3');
      }
      return ok('set successfully');
    },

    'App.Sip_Yccall.taskCall': (form, company) => {
      const task = taskOf(company, form.get('taskid'));
      if (!task) return refuse('1002', 'task does not exist');
      const answertype = form.get('answertype') || 'all';
      if (
        answertype !== 'all' &&
        answertype !== 'caller' &&
        answertype !== 'callee' &&
        answertype !== 'connected'
      ) {
        return ret(400, 'Illegal request: answertype must be all, caller, callee or connected');
      }
      if (task.state !== 'ended') return refuse('1002', 'only ended tasks can be called again');
      const selected = task.redial(answertype, form.get('status') !== '0', now());
      if (selected === 0) return refuse('1002', 'no numbers match answertype');
      return ok('set successfully');
    },

    'App.Sip_Yccall.TaskList': (form, company) => {
      const ids = (form.get('taskid') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      const name = form.get('taskname') ?? '';
      const status = form.get('status') ?? '';
      const statusCode =
        status === ''
          ? null
          : ({ '0': 1025, '1': 1026, '2': 1027, '3': 1028 } as Record<string, number>)[status];
      if (statusCode === undefined) return ret(400, 'Illegal request: status must be 0, 1, 2 or 3');
      const from = form.get('createtime') ? parseServerTime(form.get('createtime') ?? '') : null;
      const to = form.get('endtime') ? parseServerTime(form.get('endtime') ?? '') : null;
      const tasktype = form.get('tasktype') ?? '';
      const taskobject = form.get('taskobject') ?? '';
      const t = now();
      const matching = [...tasks.values()]
        .filter((entry) => entry.company === company)
        .map((entry) => {
          entry.task.refresh(t);
          return entry.task;
        })
        .filter(
          (task) =>
            (ids.length === 0 || ids.includes(task.init.id)) &&
            (name === '' || task.init.name === name) &&
            (statusCode === null || TASK_STATE_CODE[task.state] === statusCode) &&
            (from === null || task.init.createdAt >= from) &&
            (to === null || task.init.createdAt <= to) &&
            (tasktype === '' ||
              (tasktype === 'groups' ? task.init.assigntype === 3 : task.init.assigntype !== 3)) &&
            (taskobject === '' || task.init.assignagent === taskobject),
        )
        .reverse();
      const page = pageOf(form, 1000);
      return ok('get success', {
        totalitems: matching.length,
        currentpage: page.currentpage,
        itemsperpage: page.itemsperpage,
        task: matching.slice(page.skip, page.skip + page.itemsperpage).map(taskRow),
      });
    },

    'App.Sip_Yccall.TaskInfo': (form, company) => {
      const task = taskOf(company, form.get('taskid'));
      if (!task) return refuse('1002', 'task does not exist');
      const page = pageOf(form, 1000);
      const rows: ReturnType<typeof numberRow>[] = [];
      const end = Math.min(task.phones.length, page.skip + page.itemsperpage);
      for (let index = page.skip; index < end; index += 1) rows.push(numberRow(task, index));
      return ok('get success', {
        totalitems: task.phones.length,
        currentpage: page.currentpage,
        itemsperpage: page.itemsperpage,
        result: rows,
      });
    },

    'App.Sip_Queue.GetQueueList': (form, company) => {
      const name = form.get('queuename') ?? '';
      return ok(
        'get success',
        company.queues
          .filter((queue) => name === '' || queue === name)
          .map((queue, i) => ({
            queuename: queue,
            remark: `task-group-${i + 1}`,
            strategy: 1,
            announce: '',
            announcefreq: 30,
            ringdelay: 1,
            maxwaittime: 60,
            withnoagenttime: 10,
            noagentrejoiningtime: 10,
            discardtime: 120,
            autocall: queue.startsWith('autocall') ? 'yes' : 'no',
          })),
      );
    },

    'App.Sip_Sipnum.GetSipnumberInfo': (form, company) => {
      const status = form.get('status') ?? '1';
      if (!['1', '2', '3'].includes(status))
        return ret(400, 'Illegal request: status must be 1, 2 or 3');
      const wanted = (form.get('extnumber') ?? '').split(',').filter(Boolean);
      return ok(
        'get success',
        company.extensions
          .filter((ext) => status === '3' || (status === '1') === ext.enabled)
          .filter((ext) => wanted.length === 0 || wanted.includes(ext.extnumber))
          .map((ext) => ({
            extnumber: ext.extnumber,
            password: ext.password,
            status: ext.enabled ? 1016 : 1013,
            register: ext.registered ? 'reg' : 'nreg',
          })),
      );
    },

    'App.Sip_Extgroup.GetExtgroupInfo': (form, company) => {
      const name = form.get('name') ?? '';
      const status = form.get('status') ?? '1';
      return ok(
        'get success',
        company.groups
          .filter((group) => name === '' || group.name === name)
          .filter(() => status !== '0')
          .map((group) => ({ id: group.id, name: group.name, status: 1042 })),
      );
    },

    'App.Sip_Status.GetSipRegisterStatus': (form, company) => {
      const wanted = (form.get('extnumber') ?? '').split(',').filter(Boolean);
      if (wanted.length === 0) return ret(400, 'Illegal request: extnumber is required');
      const rows = wanted.map((extnumber) => {
        const ext = company.extensions.find((candidate) => candidate.extnumber === extnumber);
        return ext?.registered
          ? { extnumber, code: 1017, clientip: '10.0.0.21', serverip: '10.0.0.2' }
          : { extnumber, code: ext ? 1014 : 1012, clientip: null, serverip: null };
      });
      return ok('get success', rows);
    },

    'App.Sip_Cdr.GetBill': (form, company) => {
      const from = parseServerTime(form.get('starttime') ?? '');
      const to = parseServerTime(form.get('endtime') ?? '');
      if (from === null || to === null)
        return ret(400, 'Illegal request: starttime and endtime are required');
      const items = Number.parseInt(form.get('itemsperpage') ?? '10', 10);
      if (!(items >= 1 && items <= 1000))
        return ret(400, 'Illegal request: itemsperpage must be 1-1000');
      const direction = form.get('direction') ?? '3';
      const callmethod = form.get('callmethod') ?? '3';
      const destnumber = form.get('destnumber') ?? '';
      const extnumbers = (form.get('extnumber') ?? '').split(',').filter(Boolean);
      const page = pageOf(form, 1000);
      const t = now();
      const records: Record<string, unknown>[] = [];
      let total = 0;
      if (direction !== '1' && (callmethod === '0' || callmethod === '5')) {
        for (const { task, company: owner } of tasks.values()) {
          if (owner !== company) continue;
          task.refresh(t);
          for (const index of task.callsEndedBetween(from, to, t)) {
            const view = task.view(index, t);
            if (destnumber !== '' && view.phone !== destnumber) continue;
            if (extnumbers.length > 0 && !extnumbers.includes(view.agent ?? '')) continue;
            total += 1;
            if (total <= page.skip || records.length >= page.itemsperpage) continue;
            const endedAt = view.endedAt ?? t;
            const answered = view.outcome === 'connected';
            records.push({
              id: task.init.serial * 100_000_000 + task.round * 10_000_000 + index,
              companycode: company.code,
              direction: 'callout',
              type: 'callout',
              callmethod: 5,
              starttime: serverTime(endedAt - (view.billsec + 8) * 1000),
              answertime: answered ? serverTime(endedAt - view.billsec * 1000) : '',
              endtime: serverTime(endedAt),
              duration: 8,
              billsec: view.billsec,
              userid: view.extras?.userid ?? '',
              memberid: view.extras?.memberid ?? '',
              chengshudu: view.extras?.chengshudu ?? '',
              ext: view.extras?.chengshudu ?? '',
              disnumber: task.init.disnumber.split(',')[0] ?? '',
              destnumber: view.phone,
              extnumber: view.agent ?? '',
              recordfilename: '',
              downloadip: '',
              hangupdirection: 10040,
              hangupcause: 10020,
              uuid: `sim-${task.init.id}-${task.round}-${index}`,
              userkey: '',
              customuuid: view.extras?.customuuid ?? '',
              taskid: task.init.id,
              round: task.round,
              // §6.1 `recordurl`: answered calls get a link (never fetched; loopback only).
              recordurl: answered
                ? `https://127.0.0.1/recordings/sim-${task.init.id}-${task.round}-${index}.wav`
                : '',
            });
          }
        }
      }
      return ok('get success', {
        totalitems: total,
        currentpage: page.currentpage,
        itemsperpage: page.itemsperpage,
        result: records,
      });
    },
  };

  const login = (form: FormValues): SimResponse => {
    const appid = form.get('appid') ?? '';
    const accesskey = form.get('accesskey') ?? '';
    if (appid === '' || accesskey === '')
      return ret(400, 'Illegal request: appid and accesskey are required');
    const company = companies.find((candidate) => candidate.account.appid === appid);
    if (!company) return ret(601, 'appid is not authorized');
    if (company.account.accesskey !== accesskey)
      return refuse('1003', 'Authorization failed', 'xxxfail');
    const token = newToken();
    tokens.set(token, { company, issuedAt: now() });
    company.logins += 1;
    company.lastToken = token;
    return ok('Authorization successful', {
      companycode: company.code,
      companyname: company.name,
      token,
      authtime: serverTime(now()),
      authmodel: '',
    });
  };

  const handle = (request: SimRequest): SimResponse | null => {
    const form = formOf(request);
    if (strict) {
      const service = form?.get('service') ?? '';
      const violations = strict.check(service || 'yccall:no-service', {
        method: request.method,
        service,
        fields: form ?? new Map<string, string>(),
        contentType: request.headers['content-type'] ?? '',
      });
      // §3.1: ret 400 "illegal request, usually invalid parameters"; nothing has run.
      if (violations.length > 0) {
        return ret(
          400,
          `illegal request, usually invalid parameters: ${describeViolations(violations)}`,
        );
      }
    }
    if (!form) return ret(400, 'Illegal request: the body must be a form');
    const service = form.get('service') ?? '';
    if (service === 'App.Sip_Auth.Login') return login(form);
    const run = services[service];
    if (!run) return ret(400, `Illegal request: service ${service} does not exist`);
    const token = form.get('token') ?? '';
    if (token === '') return ret(400, 'Illegal request: token is required');
    const session = tokens.get(token);
    if (!session || now() - session.issuedAt >= TOKEN_MS) {
      tokens.delete(token);
      return ret(600, 'token is invalid or has expired');
    }
    return run(form, session.company);
  };

  server.mount(handle, (request) => {
    // Strict mode also answers other methods on the API path, to refuse them (§1: POST).
    if ((request.method !== 'POST' && !strict) || request.path !== path) return null;
    return formOf(request)?.get('service') ?? 'yccall:no-service';
  });

  const entryOf = (taskId: string) => {
    const entry = tasks.get(taskId);
    if (!entry) throw new Error(`No simulated Yccall task ${taskId}.`);
    return entry;
  };

  return {
    path,
    tasks: () =>
      [...tasks.values()].map(({ task, company }) => {
        task.refresh(now());
        return {
          id: task.init.id,
          name: task.init.name,
          appid: company.account.appid,
          status: TASK_STATE_CODE[task.state],
          numberCount: task.phones.length,
          scheduledAt: task.init.scheduledAt,
          deadline: task.init.deadline,
        };
      }),
    numbersOf: (taskId) => entryOf(taskId).task.phones,
    numberCount: (taskId) => entryOf(taskId).task.phones.length,
    distinctNumberCount: (taskId) => new Set(entryOf(taskId).task.phones).size,
    tokenOf: (appid) =>
      companies.find((company) => company.account.appid === appid)?.lastToken ?? null,
    loginCount: (appid) =>
      companies.find((company) => company.account.appid === appid)?.logins ?? 0,
    strict,
    refusedOf: (taskId) => refused.get(taskId) ?? [],
    refusePhones: (phones) => {
      for (const phone of phones) blocked.add(phone);
    },
    dropSilently: (count) => {
      dropNext = count;
    },
    seedSampleTasks: () => {
      const t = now();
      for (const company of companies) {
        const numbers = (prefix: string, count: number) =>
          Array.from({ length: count }, (_, i) => ({
            phone: `${prefix}${String(i).padStart(4, '0')}`,
            extras: { userid: `emp-${(i % 7) + 1}`, customuuid: `cust-${prefix}-${i}` },
          }));
        const base = {
          assigntype: 2,
          assignagent: company.queues[0] ?? 'queue-1',
          taskscale: '1:2',
          disnumber: '02150001000',
          concurrent: 4,
          scheduledAt: null,
          deadline: null,
        };
        const draft = createTask(company, { ...base, name: 'Renewals (not started)' });
        draft.append(numbers('1380013', 120));
        const running = createTask(company, { ...base, name: 'Spring promotion' });
        running.append(numbers('1390013', 2_000));
        running.start(t - 30 * 60_000);
        const paused = createTask(company, {
          ...base,
          name: 'Survey wave 2',
          assigntype: 3,
          assignagent: 'sales',
        });
        paused.append(numbers('1370013', 500));
        paused.start(t - 50 * 60_000);
        paused.pause(t - 20 * 60_000);
        const done = createTask(company, { ...base, name: 'Reminder calls', concurrent: 20 });
        done.append(numbers('1360013', 300));
        done.start(t - 3 * 60 * 60_000);
      }
    },
  };
}
