import {
  isPlainDateTime,
  type StrictNumberRule,
  type StrictRule,
  type YccallStrictRequest,
} from './rule';

// The Yccall (PhalApi `service` API) strict rules, read from yccall.md alone (the copy in
// test/fixtures/vendor-api/).
//
// Reading conventions, applied the same way everywhere (the doc is silent on them, so each is the
// weakest reading that still enforces what the doc does say):
// - "required" means the form field is present with a non-empty value.
// - An optional field sent empty counts as not sent (PHP forms commonly send '' for "none"); its
//   format is checked only when it has a value.
// - "int" fields are strings of decimal digits (a form carries only strings).
// - A field the doc marks required but also documents with a default (GetBill's `yes*` fields,
//   GetSipnumberInfo `status`) is treated as optional: the doc gives both readings.
// - Where the doc is silent (lengths of names, disnumber format, TaskList/TaskInfo page size
//   maximum, task state transitions) there is no rule.

type Rule = StrictRule<YccallStrictRequest>;

/** Documented service names, exact casing (yccall.md §2, §4, §5, §6). */
export const YCCALL_SERVICES = {
  Login: 'App.Sip_Auth.Login',
  Logout: 'App.Sip_Auth.Logout',
  PlayVoice: 'App.Sip_Call.PlayVoice',
  TaskCreat: 'App.Sip_Yccall.TaskCreat',
  TaskAdd: 'App.Sip_Yccall.TaskAdd',
  taskDelPhone: 'App.Sip_Yccall.taskDelPhone',
  TaskSet: 'App.Sip_Yccall.TaskSet',
  taskCall: 'App.Sip_Yccall.taskCall',
  TaskList: 'App.Sip_Yccall.TaskList',
  TaskInfo: 'App.Sip_Yccall.TaskInfo',
  GetQueueList: 'App.Sip_Queue.GetQueueList',
  AddQueue: 'App.Sip_Queue.AddQueue',
  GetQueueSipStatus: 'App.Sip_Queue.GetQueueSipStatus',
  GetSipnumberInfo: 'App.Sip_Sipnum.GetSipnumberInfo',
  GetSipRegisterStatus: 'App.Sip_Status.GetSipRegisterStatus',
  GetSipValidStatus: 'App.Sip_Status.GetSipValidStatus',
  GetSipCallStatus: 'App.Sip_Status.GetSipCallStatus',
  GetExtgroupInfo: 'App.Sip_Extgroup.GetExtgroupInfo',
  AddExtgroup: 'App.Sip_Extgroup.AddExtgroup',
  DelExtgroup: 'App.Sip_Extgroup.DelExtgroup',
  GetBill: 'App.Sip_Cdr.GetBill',
} as const;

const S = YCCALL_SERVICES;
const DOCUMENTED = new Set<string>(Object.values(S));
const MULTIPART = 'multipart/form-data; boundary=strict-example';
const MAX_NUMBERS = 10_000;

// --- example requests ---------------------------------------------------------------------

const PHONES = JSON.stringify([{ phone: '18012345678' }, { phone: '02150001000' }]);

/** A valid request per service: every rule's examples are this plus or minus one field. */
const VALID: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [S.Login]: { appid: 'demo-app', accesskey: 'demo-key' },
  [S.Logout]: { token: 'ABCDEFG' },
  [S.TaskCreat]: {
    token: 'ABCDEFG',
    assigntype: '2',
    assignagent: 'queue-1',
    telphone: PHONES,
    taskscale: '1:1',
    disnumber: '',
  },
  [S.TaskAdd]: { token: 'ABCDEFG', taskid: '20250110232019949748', telphone: PHONES },
  [S.taskDelPhone]: {
    token: 'ABCDEFG',
    taskid: '20250110232019949748',
    telphone: '18012345678,02150001000',
  },
  [S.TaskSet]: { token: 'ABCDEFG', taskid: '20250110232019949748', taskstatus: '1' },
  [S.taskCall]: { token: 'ABCDEFG', taskid: '20250110232019949748' },
  [S.TaskList]: { token: 'ABCDEFG' },
  [S.TaskInfo]: { token: 'ABCDEFG', taskid: '20250110232019949748' },
  [S.GetQueueList]: { token: 'ABCDEFG' },
  [S.AddQueue]: { token: 'ABCDEFG', queuename: 'autocall_sales', autocall: 'yes', remark: '1' },
  [S.GetQueueSipStatus]: { token: 'ABCDEFG' },
  [S.GetSipnumberInfo]: { token: 'ABCDEFG', status: '1' },
  [S.GetSipRegisterStatus]: { token: 'ABCDEFG', extnumber: '800101,800102' },
  [S.GetSipValidStatus]: { token: 'ABCDEFG', extnumber: '800101' },
  [S.GetSipCallStatus]: { token: 'ABCDEFG', extnumber: '800101' },
  [S.GetExtgroupInfo]: { token: 'ABCDEFG', name: 'sales' },
  [S.GetBill]: {
    token: 'ABCDEFG',
    starttime: '2026-01-05 00:00:00',
    endtime: '2026-01-05 23:59:59',
    syncflag: '3',
    direction: '3',
    callmethod: '5',
    currentpage: '1',
    itemsperpage: '100',
  },
};

/** A valid request of `service` with some fields changed (a null value removes the field). */
function example(
  service: string,
  changes: Readonly<Record<string, string | null>> = {},
  overrides: Partial<Omit<YccallStrictRequest, 'fields'>> = {},
): YccallStrictRequest {
  const fields = new Map<string, string>([['service', service]]);
  for (const [name, value] of Object.entries(VALID[service] ?? {})) fields.set(name, value);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) fields.delete(name);
    else fields.set(name, value);
  }
  return {
    method: 'POST',
    service: fields.get('service') ?? '',
    fields,
    contentType: MULTIPART,
    ...overrides,
  };
}

// --- field readers and rule factories -------------------------------------------------------

/** The field's value when it is present and non-empty, else undefined. */
function given(request: YccallStrictRequest, field: string): string | undefined {
  const value = request.fields.get(field);
  return value === undefined || value === '' ? undefined : value;
}

const short = (service: string) => service.slice(service.lastIndexOf('.') + 1);

interface FieldRuleSpec {
  readonly service: string;
  readonly field: string;
  readonly what: string;
  readonly source: string;
  readonly quote: string;
  /** A message when the (non-empty) value is wrong, else null. */
  readonly test: (value: string) => string | null;
  readonly good: string;
  readonly bad: string;
}

/** A format rule on an optional field: checked only when the field has a value. */
function format(spec: FieldRuleSpec): Rule {
  return {
    id: `yccall.${short(spec.service)}.${spec.field}.${spec.what}`,
    scope: [spec.service],
    source: spec.source,
    quote: spec.quote,
    check: (request) => {
      const value = given(request, spec.field);
      return value === undefined ? null : spec.test(value);
    },
    examples: {
      good: example(spec.service, { [spec.field]: spec.good }),
      bad: example(spec.service, { [spec.field]: spec.bad }),
    },
  };
}

/** A rule that a field is present and non-empty. */
function required(
  service: string,
  field: string,
  source: string,
  quote: string,
  scope: readonly string[] = [service],
): Rule {
  return {
    id: `yccall.${scope.length === 1 ? short(service) : 'status-services'}.${field}.required`,
    scope,
    source,
    quote,
    check: (request) => (given(request, field) === undefined ? `${field} is required` : null),
    examples: { good: example(service), bad: example(service, { [field]: null }) },
  };
}

function oneOf(values: readonly string[]) {
  return (field: string) =>
    (value: string): string | null =>
      values.includes(value) ? null : `${field} must be one of ${values.join(', ')}`;
}

const DIGITS = /^\d+$/;
const intTest =
  (field: string, min = 0, max = Number.POSITIVE_INFINITY) =>
  (value: string): string | null => {
    if (!DIGITS.test(value)) return `${field} must be an integer`;
    const n = Number(value);
    if (n < min || n > max) {
      return max === Number.POSITIVE_INFINITY
        ? `${field} must be at least ${min}`
        : `${field} must be between ${min} and ${max}`;
    }
    return null;
  };
const dateTimeTest =
  (field: string) =>
  (value: string): string | null =>
    isPlainDateTime(value) ? null : `${field} must be a date-time written yyyy-mm-dd hh:mm:ss`;

const TIMES_QUOTE =
  'Times: request datetimes are `yyyy-mm-dd hh:mm:ss` strings (server local time, time zone **not documented**)';

// --- telphone (TaskCreat / TaskAdd) ---------------------------------------------------------

/** Parses a `telphone` value into a list, or null when it is not a JSON array. */
function telphoneList(text: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function telphoneRules(
  service: string,
  section: string,
  rowQuote: string,
  limitQuote: string,
  limitWhat: string,
): Rule[] {
  return [
    required(service, 'telphone', `yccall.md ${section}`, rowQuote),
    {
      id: `yccall.${short(service)}.telphone.json-array`,
      scope: [service],
      source: `yccall.md ${section}`,
      quote: rowQuote,
      check: (request) => {
        const value = given(request, 'telphone');
        if (value === undefined) return null;
        return telphoneList(value) === null
          ? 'telphone must be a JSON array (a JSON string inside the form field)'
          : null;
      },
      examples: {
        good: example(service),
        // Comma-separated numbers are taskDelPhone's format, not TaskCreat/TaskAdd's.
        bad: example(service, { telphone: '18012345678,02150001000' }),
      },
    },
    {
      id: `yccall.${short(service)}.telphone.max-10000`,
      scope: [service],
      source: `yccall.md ${section}`,
      quote: limitQuote,
      check: (request) => {
        const value = given(request, 'telphone');
        const list = value === undefined ? null : telphoneList(value);
        return list !== null && list.length > MAX_NUMBERS
          ? `telphone holds ${list.length} numbers; at most ${MAX_NUMBERS} ${limitWhat}`
          : null;
      },
      examples: {
        good: example(service),
        // Built on demand: 10,001 entries are not worth holding in every simulator.
        get bad() {
          const tooMany = Array.from({ length: MAX_NUMBERS + 1 }, (_, i) => ({
            phone: `1380000${i}`,
          }));
          return example(service, { telphone: JSON.stringify(tooMany) });
        },
      },
    },
  ];
}

// --- the rules --------------------------------------------------------------------------------

const transportRules: Rule[] = [
  {
    id: 'yccall.transport.method-post',
    scope: ['*'],
    source: 'yccall.md §1',
    quote: "**Method**: HTTP `POST` to the server's API root URL",
    check: (request) =>
      request.method.toUpperCase() === 'POST' ? null : `method must be POST, not ${request.method}`,
    examples: { good: example(S.TaskList), bad: example(S.TaskList, {}, { method: 'GET' }) },
  },
  {
    // The doc names form-data (multipart); whether urlencoded also works is an open question
    // (§8), so both form encodings are accepted and anything else (JSON, text) is refused.
    id: 'yccall.transport.form-body',
    scope: ['*'],
    source: 'yccall.md §1',
    quote:
      '**Body**: form fields ("form-data format"; the PHP examples pass an array to cURL, i.e. `multipart/form-data`). `application/x-www-form-urlencoded` is not mentioned — use multipart unless testing shows urlencoded also works.',
    check: (request) => {
      const type = request.contentType.toLowerCase();
      return type.startsWith('multipart/form-data') ||
        type.startsWith('application/x-www-form-urlencoded')
        ? null
        : `the body must be form fields, not ${request.contentType || 'an untyped body'}`;
    },
    examples: {
      good: example(S.TaskList),
      bad: example(S.TaskList, {}, { contentType: 'application/json' }),
    },
  },
  {
    id: 'yccall.transport.service-present',
    scope: ['*'],
    source: 'yccall.md §1',
    quote: 'Every call carries `service=<name>`; every call except login carries `token=<token>`.',
    check: (request) => (request.service === '' ? 'the service field is required' : null),
    examples: {
      good: example(S.TaskList),
      bad: example(S.TaskList, { service: null }),
    },
  },
  {
    // PlayVoice is the documented second exception (§2.1): it takes appid/accesskey instead.
    id: 'yccall.transport.token-present',
    scope: ['*'],
    source: 'yccall.md §1',
    quote: 'Every call carries `service=<name>`; every call except login carries `token=<token>`.',
    check: (request) => {
      if (request.service === S.Login || request.service === S.PlayVoice) return null;
      if (request.service === '') return null; // service-present reports this request
      return given(request, 'token') === undefined ? 'token is required' : null;
    },
    examples: { good: example(S.TaskList), bad: example(S.TaskList, { token: null }) },
  },
  {
    // Only a documented name in other casing is refused: an unknown service is the server's
    // business error, not a documented rule.
    id: 'yccall.transport.service-casing',
    scope: ['*'],
    source: 'yccall.md §7.6',
    quote:
      'PhalApi resolves classes/methods case-insensitively in many setups, but this is not guaranteed. → Send exactly the documented casing.',
    check: (request) => {
      if (DOCUMENTED.has(request.service)) return null;
      const lower = request.service.toLowerCase();
      const documented = [...DOCUMENTED].find((name) => name.toLowerCase() === lower);
      return documented === undefined
        ? null
        : `service must be spelled ${documented}, not ${request.service}`;
    },
    examples: {
      good: example(S.taskCall),
      bad: example(S.taskCall, { service: 'App.Sip_Yccall.TaskCall' }),
    },
  },
];

const loginRules: Rule[] = [
  required(
    S.Login,
    'appid',
    'yccall.md §2.1',
    '| `appid` | string | yes | authorized appid (issued by the operator) |',
  ),
  required(
    S.Login,
    'accesskey',
    'yccall.md §2.1',
    '| `accesskey` | string | yes | authorized access key |',
  ),
];

const taskCreatRules: Rule[] = [
  required(
    S.TaskCreat,
    'assigntype',
    'yccall.md §4.1',
    '| `assigntype` | int | yes | who answers: current ShowDoc page `1` = extension, `3` = extension group; older/English page `1` extension, `2` queue, `3` group |',
  ),
  // §7.1: the current page documents 1/3, the older page 1/2/3; every documented value passes.
  format({
    service: S.TaskCreat,
    field: 'assigntype',
    what: 'values',
    source: 'yccall.md §4.1, §7.1',
    quote:
      '| `assigntype` | int | yes | who answers: current ShowDoc page `1` = extension, `3` = extension group; older/English page `1` extension, `2` queue, `3` group |',
    test: oneOf(['1', '2', '3'])('assigntype'),
    good: '3',
    bad: '4',
  }),
  required(
    S.TaskCreat,
    'assignagent',
    'yccall.md §4.1',
    '| `assignagent` | string | yes | the extension number, the queue name, or the group name (matching `assigntype`) |',
  ),
  ...telphoneRules(
    S.TaskCreat,
    '§4.1',
    '| `telphone` | string (JSON) | yes | JSON array of callee objects, ≤10,000 (see below) |',
    'Limit: **at most 10,000 numbers per task at creation**; add more with TaskAdd.',
    'per task at creation',
  ),
  required(
    S.TaskCreat,
    'taskscale',
    'yccall.md §4.1',
    '| `taskscale` | string | yes | idle-agent : call ratio, format `"1:1"` (client code builds `"1:" + n`) |',
  ),
  format({
    service: S.TaskCreat,
    field: 'taskscale',
    what: 'format',
    source: 'yccall.md §4.1',
    quote:
      '| `taskscale` | string | yes | idle-agent : call ratio, format `"1:1"` (client code builds `"1:" + n`) |',
    test: (value) =>
      /^\d+:\d+$/.test(value) ? null : 'taskscale must be a ratio written like "1:1"',
    good: '1:3',
    bad: '3',
  }),
  format({
    service: S.TaskCreat,
    field: 'concurrent',
    what: 'integer',
    source: 'yccall.md §4.1',
    quote: '| `concurrent` | string | no | task concurrency, default 100 |',
    test: intTest('concurrent'),
    good: '20',
    bad: 'twenty',
  }),
  format({
    service: S.TaskCreat,
    field: 'scheduledtime',
    what: 'datetime',
    source: 'yccall.md §4.1',
    quote:
      '| `scheduledtime` | string | no | planned start `yyyy-mm-dd hh:mm:ss`; only effective when the task is started |',
    test: dateTimeTest('scheduledtime'),
    good: '2026-01-05 09:30:00',
    bad: '2026-01-05T09:30:00Z',
  }),
  format({
    service: S.TaskCreat,
    field: 'pausedtime',
    what: 'datetime',
    source: 'yccall.md §4.1',
    quote:
      '| `pausedtime` | string | no | run deadline `yyyy-mm-dd hh:mm:ss`; only effective when started |',
    test: dateTimeTest('pausedtime'),
    good: '2026-01-05 18:00:00',
    bad: '1767636000',
  }),
  format({
    service: S.TaskCreat,
    field: 'isscale',
    what: 'values',
    source: 'yccall.md §4.1',
    quote:
      '| `isscale` | string | no | ratio mode: `auto` (computed dynamically) or `manual` (fixed) |',
    test: oneOf(['auto', 'manual'])('isscale'),
    good: 'manual',
    bad: '1',
  }),
  // The row is cut off after "0 = no"; 1 = yes is the doc's own reading, so 0 and 1 pass.
  format({
    service: S.TaskCreat,
    field: 'status',
    what: 'values',
    source: 'yccall.md §4.1',
    quote:
      '| `status` | string | no | start the task immediately? `0` = no …(the rest of the row was cut off; `1` = yes is the natural reading) |',
    test: oneOf(['0', '1'])('status'),
    good: '1',
    bad: 'yes',
  }),
];

const taskAddRules: Rule[] = [
  required(
    S.TaskAdd,
    'taskid',
    'yccall.md §4.2',
    '| `taskid` | string | yes | predictive task id |',
  ),
  ...telphoneRules(
    S.TaskAdd,
    '§4.2',
    '| `telphone` | string (JSON) | yes | same element format as TaskCreat |',
    'Only for tasks that are **not started, running, or paused**; **at most 10,000 numbers per call**.',
    'per call',
  ),
];

const taskDelPhoneRules: Rule[] = [
  required(S.taskDelPhone, 'taskid', 'yccall.md §4.3', '| `taskid` | string | yes | |'),
  required(
    S.taskDelPhone,
    'telphone',
    'yccall.md §4.3',
    '| `telphone` | string | yes | numbers, comma-separated |',
  ),
  // "Numbers" as TaskCreat stores them: digits only (§4.1 `phone`). Spaces around commas are
  // tolerated; the doc does not say either way.
  format({
    service: S.taskDelPhone,
    field: 'telphone',
    what: 'comma-separated-digits',
    source: 'yccall.md §4.3',
    quote: '| `telphone` | string | yes | numbers, comma-separated |',
    test: (value) =>
      value.split(',').every((part) => DIGITS.test(part.trim()))
        ? null
        : 'telphone must be numbers (digits) separated by commas',
    good: '18012345678, 02150001000',
    bad: '["18012345678"]',
  }),
];

const taskSetRules: Rule[] = [
  required(
    S.TaskSet,
    'taskid',
    'yccall.md §4.4',
    '| `taskid` | string | yes | id returned by TaskCreat |',
  ),
  required(
    S.TaskSet,
    'taskstatus',
    'yccall.md §4.4',
    '| `taskstatus` | int | yes | `1` start (open), `2` pause, `3` end |',
  ),
  format({
    service: S.TaskSet,
    field: 'taskstatus',
    what: 'values',
    source: 'yccall.md §4.4',
    quote: '| `taskstatus` | int | yes | `1` start (open), `2` pause, `3` end |',
    test: oneOf(['1', '2', '3'])('taskstatus'),
    good: '3',
    // 0 is TaskList's "not started" filter value (§7.2), not a TaskSet command.
    bad: '0',
  }),
];

const taskCallRules: Rule[] = [
  required(S.taskCall, 'taskid', 'yccall.md §4.5', '| `taskid` | string | yes | |'),
  format({
    service: S.taskCall,
    field: 'answertype',
    what: 'values',
    source: 'yccall.md §4.5',
    quote:
      '| `answertype` | string | no | which numbers: `all` (default), `caller` (agent did not answer), `callee` (customer did not answer), `connected` (answered) |',
    test: oneOf(['all', 'caller', 'callee', 'connected'])('answertype'),
    good: 'callee',
    bad: 'failed',
  }),
  format({
    service: S.taskCall,
    field: 'status',
    what: 'values',
    source: 'yccall.md §4.5',
    quote: '| `status` | int | no | start automatically: `0` no, `1` yes (default 1) |',
    test: oneOf(['0', '1'])('status'),
    good: '0',
    bad: '2',
  }),
  format({
    service: S.taskCall,
    field: 'scheduledtime',
    what: 'datetime',
    source: 'yccall.md §4.5',
    quote:
      '| `scheduledtime` | date string | no | planned run time `yyyy-mm-dd hh:mm:ss` (when started) |',
    test: dateTimeTest('scheduledtime'),
    good: '2026-01-06 08:00:00',
    bad: '2026-01-06',
  }),
  format({
    service: S.taskCall,
    field: 'pausedtime',
    what: 'datetime',
    source: 'yccall.md §1, §4.5',
    quote: TIMES_QUOTE,
    test: dateTimeTest('pausedtime'),
    good: '2026-01-06 20:00:00',
    bad: '2026/01/06 20:00:00',
  }),
];

const taskListRules: Rule[] = [
  format({
    service: S.TaskList,
    field: 'createtime',
    what: 'datetime',
    source: 'yccall.md §4.6',
    quote: '| `createtime` | datetime | no | created from `yyyy-mm-dd hh:mm:ss` |',
    test: dateTimeTest('createtime'),
    good: '2026-01-01 00:00:00',
    bad: '2026-01-01',
  }),
  format({
    service: S.TaskList,
    field: 'endtime',
    what: 'datetime',
    source: 'yccall.md §1, §4.6',
    quote: TIMES_QUOTE,
    test: dateTimeTest('endtime'),
    good: '2026-01-31 23:59:59',
    bad: '2026-01-31 24:00:00',
  }),
  // The filter uses 0–3; 1025–1028 are the result codes (§7.2), not filter values.
  format({
    service: S.TaskList,
    field: 'status',
    what: 'values',
    source: 'yccall.md §4.6',
    quote: '| `status` | string | no | filter **0 not started, 1 running, 2 paused, 3 ended** |',
    test: oneOf(['0', '1', '2', '3'])('status'),
    good: '1',
    bad: '1026',
  }),
  format({
    service: S.TaskList,
    field: 'tasktype',
    what: 'values',
    source: 'yccall.md §4.6',
    quote:
      '| `tasktype` | string | no | answering type: `transfer` (extension) or `groups` (group) |',
    test: oneOf(['transfer', 'groups'])('tasktype'),
    good: 'groups',
    bad: 'queue',
  }),
  format({
    service: S.TaskList,
    field: 'currentpage',
    what: 'integer',
    source: 'yccall.md §4.6',
    quote: '| `currentpage` | int | no | page (1-based) |',
    test: intTest('currentpage', 1),
    good: '2',
    bad: '0',
  }),
  format({
    service: S.TaskList,
    field: 'itemsperpage',
    what: 'integer',
    source: 'yccall.md §4.6',
    quote: '| `itemsperpage` | int | no | page size (example 10; max **not documented**) |',
    test: intTest('itemsperpage'),
    good: '50',
    bad: '10.5',
  }),
];

const taskInfoRules: Rule[] = [
  required(S.TaskInfo, 'taskid', 'yccall.md §4.7', '| `taskid` | string | yes | |'),
  format({
    service: S.TaskInfo,
    field: 'currentpage',
    what: 'integer',
    source: 'yccall.md §4.7',
    quote: '| `currentpage` | int | no | |',
    test: intTest('currentpage'),
    good: '3',
    bad: 'first',
  }),
  format({
    service: S.TaskInfo,
    field: 'itemsperpage',
    what: 'integer',
    source: 'yccall.md §4.7',
    quote: '| `itemsperpage` | int | no | |',
    test: intTest('itemsperpage'),
    good: '100',
    bad: '-1',
  }),
];

const pickerRules: Rule[] = [
  format({
    service: S.AddQueue,
    field: 'autocall',
    what: 'values',
    source: 'yccall.md §5.1',
    quote:
      'Create queue (required before a queue-assigned predictive task): `App.Sip_Queue.AddQueue` with `queuename`, `autocall` (`yes`/`no`, auto-outbound queue), `remark`, `strategy` (default 1).',
    test: oneOf(['yes', 'no'])('autocall'),
    good: 'no',
    bad: '1',
  }),
  format({
    service: S.AddQueue,
    field: 'strategy',
    what: 'values',
    source: 'yccall.md §5.1',
    quote:
      '`strategy` (ring strategy 1 longest idle, 2 shortest talk time, 3 ring all, 4 round robin, 5 sequential, 6 random, 7 fewest answers, 8 priority)',
    test: oneOf(['1', '2', '3', '4', '5', '6', '7', '8'])('strategy'),
    good: '4',
    bad: '9',
  }),
  format({
    service: S.GetQueueSipStatus,
    field: 'state',
    what: 'values',
    source: 'yccall.md §5.2',
    quote:
      'Fields: `queuename`, `extnumber` (both optional), `state` (0 any, 1 idle, 2 waiting, 3 receiving, 4 talking).',
    test: oneOf(['0', '1', '2', '3', '4'])('state'),
    good: '1',
    bad: '5',
  }),
  // "1 enabled — default" and "documented required" together: both readings pass, so the
  // field may be left out, but a value must be one of the three.
  format({
    service: S.GetSipnumberInfo,
    field: 'status',
    what: 'values',
    source: 'yccall.md §5.3',
    quote:
      'Fields: `status` int (1 enabled — default, 2 disabled, 3 all; documented required), `extnumber`',
    test: oneOf(['1', '2', '3'])('status'),
    good: '3',
    bad: '0',
  }),
  required(
    S.GetSipRegisterStatus,
    'extnumber',
    'yccall.md §5.3',
    'Related status services (all take `extnumber`, comma-separated, required):',
    [S.GetSipRegisterStatus, S.GetSipValidStatus, S.GetSipCallStatus],
  ),
  required(
    S.GetExtgroupInfo,
    'name',
    'yccall.md §5.4',
    'Fields: `name` (documented required), `status` (1 enabled, 0 disabled, 2 all).',
  ),
  format({
    service: S.GetExtgroupInfo,
    field: 'status',
    what: 'values',
    source: 'yccall.md §5.4',
    quote: 'Fields: `name` (documented required), `status` (1 enabled, 0 disabled, 2 all).',
    test: oneOf(['0', '1', '2'])('status'),
    good: '2',
    bad: '3',
  }),
];

// GetBill: `yes*` fields have documented defaults or "may be empty", so only starttime/endtime
// are required; the others are checked when given.
const getBillRules: Rule[] = [
  required(
    S.GetBill,
    'starttime',
    'yccall.md §6.1',
    '| `starttime` | string | yes | dial time from, `yyyy-mm-dd hh:mm:ss` |',
  ),
  format({
    service: S.GetBill,
    field: 'starttime',
    what: 'datetime',
    source: 'yccall.md §6.1',
    quote: '| `starttime` | string | yes | dial time from, `yyyy-mm-dd hh:mm:ss` |',
    test: dateTimeTest('starttime'),
    good: '2026-01-01 00:00:00',
    bad: '2026-01-01T00:00:00+08:00',
  }),
  required(S.GetBill, 'endtime', 'yccall.md §6.1', '| `endtime` | string | yes | dial time to |'),
  format({
    service: S.GetBill,
    field: 'endtime',
    what: 'datetime',
    source: 'yccall.md §1, §6.1',
    quote: TIMES_QUOTE,
    test: dateTimeTest('endtime'),
    good: '2026-01-31 23:59:59',
    bad: '1769903999',
  }),
  format({
    service: S.GetBill,
    field: 'syncflag',
    what: 'values',
    source: 'yccall.md §6.1',
    quote:
      '| `syncflag` | int | yes* | 1 records not fetched before (default), 2 already fetched, 3 all |',
    test: oneOf(['1', '2', '3'])('syncflag'),
    good: '1',
    bad: '0',
  }),
  format({
    service: S.GetBill,
    field: 'direction',
    what: 'values',
    source: 'yccall.md §6.1',
    quote: '| `direction` | int | yes* | 1 inbound, 2 outbound, 3 all (default) |',
    test: oneOf(['1', '2', '3'])('direction'),
    good: '2',
    bad: 'callout',
  }),
  format({
    service: S.GetBill,
    field: 'callmethod',
    what: 'values',
    source: 'yccall.md §6.1',
    quote:
      '| `callmethod` | int | yes* | 0 any, 1 extension-to-extension, 2 manual dial, 3 API call (default), 4 API two-way call, **5 predictive outbound**, 6 IVR/group call |',
    test: oneOf(['0', '1', '2', '3', '4', '5', '6'])('callmethod'),
    good: '0',
    bad: '7',
  }),
  format({
    service: S.GetBill,
    field: 'currentpage',
    what: 'integer',
    source: 'yccall.md §6.1',
    quote: '| `currentpage` | int | yes* | default 1 |',
    test: intTest('currentpage'),
    good: '2',
    bad: 'next',
  }),
  format({
    service: S.GetBill,
    field: 'itemsperpage',
    what: 'range',
    source: 'yccall.md §6.1',
    quote: '| `itemsperpage` | int | yes* | default 10, **1–1000** |',
    test: intTest('itemsperpage', 1, 1000),
    good: '1000',
    bad: '1001',
  }),
];

/** Every whole-request Yccall rule. */
export const YCCALL_RULES: readonly StrictRule<YccallStrictRequest>[] = [
  ...transportRules,
  ...loginRules,
  ...taskCreatRules,
  ...taskAddRules,
  ...taskDelPhoneRules,
  ...taskSetRules,
  ...taskCallRules,
  ...taskListRules,
  ...taskInfoRules,
  ...pickerRules,
  ...getBillRules,
];

// --- per-number rules (each element of the TaskCreat / TaskAdd `telphone` array) ---------------

const TELPHONE_SERVICES = [S.TaskCreat, S.TaskAdd] as const;

function entryObject(entry: unknown): Readonly<Record<string, unknown>> | null {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry)
    ? (entry as Record<string, unknown>)
    : null;
}

/** Every per-entry rule for `telphone` lists. */
export const YCCALL_NUMBER_RULES: readonly StrictNumberRule[] = [
  {
    id: 'yccall.telphone.entry-has-phone',
    scope: TELPHONE_SERVICES,
    source: 'yccall.md §4.1',
    quote: '`telphone` element (keys as documented; all values optional except `phone`):',
    check: (entry) => {
      const object = entryObject(entry);
      if (object === null) return 'each telphone entry must be an object with a phone key';
      return object['phone'] === undefined || object['phone'] === null
        ? 'the telphone entry has no phone'
        : null;
    },
    examples: { good: { phone: '18012345678', userid: 'emp-1' }, bad: '18012345678' },
  },
  {
    // The examples send a JSON number (§7.10) and the doc advises strings: both readings pass,
    // as long as the value is digits only. A number must be a whole, exactly representable one.
    id: 'yccall.telphone.phone-digits',
    scope: TELPHONE_SERVICES,
    source: 'yccall.md §4.1',
    quote:
      '| `phone` | the number the PBX dials, digits only, as its trunk expects them: the example is the national mobile `18012345678` (no `+`, no country code). Send a string of digits to keep leading zeros; a foreign number needs the international prefix the trunk uses (e.g. `00`) |',
    check: (entry) => {
      const phone = entryObject(entry)?.['phone'];
      if (phone === undefined || phone === null) return null; // entry-has-phone reports it
      if (typeof phone === 'number') {
        return Number.isSafeInteger(phone) && phone >= 0
          ? null
          : `phone ${String(phone)} is not a whole number of digits`;
      }
      if (typeof phone !== 'string') return 'phone must be a string of digits';
      return DIGITS.test(phone)
        ? null
        : `phone "${phone}" must be digits only (no +, spaces or dashes)`;
    },
    examples: { good: { phone: '0085223456789' }, bad: { phone: '+8618012345678' } },
  },
  {
    // "Unix seconds": a whole number (or digit string) of at most 10 digits, so a millisecond
    // value (13 digits) or a date string is refused. Omitting it is fine (defaults to now).
    id: 'yccall.telphone.time-unix-seconds',
    scope: TELPHONE_SERVICES,
    source: 'yccall.md §4.1',
    quote:
      '| `time` | Unix seconds; defaults to now; the docs say the number is not dialled once the current time is later than this value (see Open questions) |',
    check: (entry) => {
      const time = entryObject(entry)?.['time'];
      if (time === undefined || time === null) return null;
      const text = typeof time === 'number' && Number.isSafeInteger(time) ? String(time) : time;
      return typeof text === 'string' && /^\d{1,10}$/.test(text)
        ? null
        : `time ${JSON.stringify(time)} must be Unix seconds`;
    },
    examples: {
      good: { phone: '18012345678', time: 1767603600 },
      bad: { phone: '18012345678', time: 1767603600000 },
    },
  },
];
