import { isPlainDateTime, type ItniotechStrictRequest, type StrictRule } from './rule';

// The ITNIO TECH / ONBUKA strict rules, read from itniotech.md alone (test/fixtures/vendor-api/).
//
// Reading conventions, applied the same way everywhere (each is the weakest reading that still
// enforces what the doc does say):
// - An optional field sent as JSON null counts as not sent (the doc itself uses null for "now"
//   in sendTime); a required field sent as null is missing.
// - "Integer" means a JSON integer number; "String" a JSON string. Where the doc types a field
//   one way and its examples show the other (task ids, filePath, feedbackValue), both pass (§9).
// - A field the doc marks required but also gives a default (loopCount, successPushTime) is
//   treated as optional: the doc gives both readings. Ranges are checked whenever a value is sent.
// - Where two copies of a page disagree (§9), every documented reading passes.
// - Where the doc is silent (calloutRate range, remark/ccode lengths, query time spans other
//   than §7.2, fields of pages that could not be read) there is no rule.

type Rule = StrictRule<ItniotechStrictRequest>;
type Body = Readonly<Record<string, unknown>>;

/** Route keys the rules name (paths without the brand prefix). */
export const ITNIOTECH_STRICT_ROUTES = {
  upload: '/cc/preview/upload',
  submitTask: '/cc/preview/submitTask',
  resendTask: '/cc/preview/resendTask',
  ccQuery: '/cc/preview/query',
  ccDetail: '/cc/preview/queryTaskDetail',
  editTask: '/cc/preview/agent/editTask',
  cancelTask: '/cc/preview/agent/cancelTask',
  seatGroupQuery: '/cc/seatGroup/query',
  addGroup: '/cc/seatGroup/addGroup',
  basicSettingResp: '/cc/seatGroup/basicSettingResp',
  seatQuery: '/cc/seat/query',
  sipTotal: '/cc/seat/querySipTotal',
  ccRecords: '/cc/record/query',
  send: '/voice/group/call/send',
  sendAgent: '/voice/group/call/send/agent',
  update: '/voice/group/call/update',
  groupQuery: '/voice/group/call/query',
  detail: '/voice/group/call/detail',
  resend: '/voice/group/call/resend',
  resendAi: '/voice/group/call/resend/ai',
  cancel: '/voice/group/call/cancel',
  recallDetail: '/voice/recallFlow/queryDetail',
  recallUpdate: '/voice/recallFlow/update',
  recallCancel: '/voice/recallFlow/cancel',
  recordGroupQuery: '/voice/recordGroupQuery',
  recordSipQuery: '/voice/recordSipQuery',
  numbers: '/number/queryPage',
  fileUpload: '/voice/fileUpload',
  balance: '/sms/getBalance',
} as const;

const R = ITNIOTECH_STRICT_ROUTES;

/** Every list endpoint (§3 and the "Paged" notes of §4–§7). */
const PAGED: readonly string[] = [
  R.ccQuery,
  R.ccDetail,
  R.seatGroupQuery,
  R.seatQuery,
  R.ccRecords,
  R.groupQuery,
  R.recordGroupQuery,
  R.recordSipQuery,
  R.numbers,
];

// --- example requests ---------------------------------------------------------------------

/** The documented worked example of the auth headers (fixtures/itniotech-sign-example.json). */
const HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json;charset=UTF-8',
  'api-key': 'bDqJFiq9',
  timestamp: '1630468800',
  sign: '05d7a50893e22a5c4bb3216ae3396c7c',
};

const APP = 'iaAJ6COV';
const PAGE = { current: 1, size: 15 } as const;

/** A valid body per POST route: every rule's examples are this with one field changed. */
const VALID: Readonly<Record<string, Body>> = {
  [R.upload]: { fileName: 'numbers.xlsx', file: 'UEsDBBQABgAIAAAAIQA=' },
  [R.submitTask]: {
    filePath: '/mnt/cc/upload/000001_numbers.xlsx',
    fileName: 'numbers.xlsx',
    type: 1,
    voiceGroupId: [1000006],
    appId: APP,
    calloutRate: 2,
  },
  [R.resendTask]: {
    taskId: 5017560,
    resendType: 1,
    type: 1,
    voiceGroupId: [1000006],
    appId: APP,
    calloutRate: 1,
  },
  [R.ccQuery]: { ...PAGE, params: {} },
  [R.ccDetail]: { ...PAGE, params: { taskId: 5017560 } },
  [R.editTask]: { taskId: '5017560', calloutRate: 3 },
  [R.cancelTask]: { taskId: 5017560 },
  [R.seatGroupQuery]: { ...PAGE, params: {} },
  [R.addGroup]: { appId: APP, groupName: 'Sales A' },
  [R.seatQuery]: { ...PAGE, params: {} },
  [R.ccRecords]: {
    ...PAGE,
    params: { startTime: '2025-01-08 00:00:00', endTime: '2025-01-09 00:00:00' },
  },
  [R.send]: {
    appId: APP,
    taskName: 'Spring promotion',
    source: 3,
    text: 'Spring sale: twenty percent off every plan.',
    lan: 'EN',
    loopCount: 1,
    maxCalls: 60,
    numberInfoList: [{ calleeNumber: '8613800138000' }, { calleeNumber: '919876543210' }],
  },
  [R.sendAgent]: {
    appId: APP,
    taskName: 'AI collections',
    numberInfoList: [{ calleeNumber: '628123456789', text1: 'Budi' }],
  },
  [R.update]: { keyId: 5000602, taskName: 'Spring promotion (edited)' },
  [R.groupQuery]: {
    ...PAGE,
    params: { strTime: '2026-01-01 00:00:00', endTime: '2026-01-31 23:59:59' },
  },
  [R.resend]: {
    keyId: 5000602,
    appId: APP,
    taskName: 'Spring promotion (again)',
    resendType: 1,
    source: 1,
    voiceFileId: 'f-1001',
  },
  [R.resendAi]: {
    keyId: 5000602,
    taskName: 'AI collections (again)',
    scriptId: 123,
    resendType: 0,
  },
  [R.cancel]: { taskIdList: [5000602, 5000603] },
  [R.recallDetail]: { keyId: 12 },
  [R.recallUpdate]: { keyId: 299, recallInterval: 30, recallNum: 2, recallType: 1 },
  [R.recallCancel]: { type: 1, id: 12 },
  [R.recordGroupQuery]: {
    current: 1,
    size: 25,
    params: { strTime: '2026-01-01T00:00:00+08:00', endTime: '2026-01-31T00:00:00+08:00' },
  },
  [R.recordSipQuery]: {
    current: 1,
    size: 25,
    params: { strTime: '2026-01-01T00:00:00Z', endTime: '2026-01-02T00:00:00Z' },
  },
  [R.numbers]: { ...PAGE, params: { appId: APP } },
  [R.fileUpload]: { fileName: 'welcome.mp3', file: 'SUQzBAAAAAAAI1RTU0U=' },
};

/** GET routes: the path and query string of a valid request. */
const GET_EXAMPLES: Readonly<Record<string, { readonly path: string; readonly query: string }>> = {
  [R.detail]: { path: '/voice/group/call/detail/5000602', query: '' },
  [R.sipTotal]: { path: '/v3/cc/seat/querySipTotal', query: 'voiceGroupId=1000006' },
  [R.basicSettingResp]: {
    path: '/v3/cc/seatGroup/basicSettingResp',
    query: 'voiceGroupId=1000006',
  },
  [R.balance]: { path: '/sms/getBalance', query: '' },
};

/**
 * A valid request of a route with one part changed: `patch` is merged into the body (or into
 * `params` when `where` is 'params'; an undefined value removes the field).
 */
function example(
  key: string,
  patch: Body = {},
  where: 'body' | 'params' = 'body',
  overrides: Partial<ItniotechStrictRequest> = {},
): ItniotechStrictRequest {
  const get = GET_EXAMPLES[key];
  if (get !== undefined) {
    return {
      method: 'GET',
      key,
      path: get.path,
      query: new URLSearchParams(get.query),
      headers: HEADERS,
      body: undefined,
      ...overrides,
    };
  }
  const base = VALID[key] ?? {};
  const body =
    where === 'params'
      ? { ...base, params: { ...((base['params'] as Body | undefined) ?? {}), ...patch } }
      : { ...base, ...patch };
  return {
    method: 'POST',
    key,
    // Call-center paths carry /v3 on both brands; voice paths are shown in the itniotech form.
    path: key.startsWith('/cc/') ? `/v3${key}` : key,
    query: new URLSearchParams(),
    headers: HEADERS,
    body,
    ...overrides,
  };
}

// --- value tests ------------------------------------------------------------------------------

type Test = (value: unknown, container: Body) => string | null;

const isInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);
const chars = (text: string) => [...text].length;
const show = (value: unknown) => JSON.stringify(value) ?? String(value);

/** The body as an object ({} when it is not one: the json-object rule reports that). */
function bodyOf(request: ItniotechStrictRequest): Body {
  const body = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : {};
}

/** The `params` object of a paged body ({} when absent or not an object). */
function paramsOf(request: ItniotechStrictRequest): Body {
  const params = bodyOf(request)['params'];
  return typeof params === 'object' && params !== null && !Array.isArray(params)
    ? (params as Body)
    : {};
}

const text =
  (field: string, min = 1, max = Number.POSITIVE_INFINITY): Test =>
  (value) => {
    if (typeof value !== 'string') return `${field} must be a string`;
    const n = chars(value);
    if (n < min || n > max) {
      return max === Number.POSITIVE_INFINITY
        ? `${field} must not be empty`
        : `${field} must be ${min}–${max} characters (got ${n})`;
    }
    return null;
  };

const integer =
  (field: string, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY): Test =>
  (value) => {
    if (!isInt(value)) return `${field} must be an integer, not ${show(value)}`;
    if (value < min || value > max) return `${field} must be between ${min} and ${max}`;
    return null;
  };

const oneOf =
  (field: string, values: readonly number[]): Test =>
  (value) =>
    isInt(value) && values.includes(value)
      ? null
      : `${field} must be one of ${values.join(', ')}, not ${show(value)}`;

const intList =
  (field: string, values?: readonly number[]): Test =>
  (value) => {
    if (!Array.isArray(value)) return `${field} must be a list`;
    const wrong = value.find((item) => !isInt(item) || (values && !values.includes(item)));
    if (wrong === undefined) return null;
    return values
      ? `${field} entries must be among ${values.join(', ')}, not ${show(wrong)}`
      : `${field} entries must be integers, not ${show(wrong)}`;
  };

/** Ids the doc types as String while every example sends a number (§9.3): both pass. */
const idLike =
  (field: string): Test =>
  (value) =>
    isInt(value) || (typeof value === 'string' && value !== '')
      ? null
      : `${field} must be a task id (number or string)`;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const base64 =
  (field: string): Test =>
  (value) =>
    typeof value === 'string' && BASE64.test(value)
      ? null
      : `${field} must be the file content as a base64 string`;

const plainTime =
  (field: string): Test =>
  (value) =>
    typeof value === 'string' && isPlainDateTime(value)
      ? null
      : `${field} must be written yyyy-MM-dd HH:mm:ss, not ${show(value)}`;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isIsoWithOffset = (value: unknown): value is string =>
  typeof value === 'string' && ISO_WITH_OFFSET.test(value) && !Number.isNaN(Date.parse(value));

const digits =
  (field: string, min: number, max: number): Test =>
  (value) =>
    typeof value === 'string' && new RegExp(`^\\d{${min},${max}}$`).test(value)
      ? null
      : `${field} must be ${min}–${max} digits, not ${show(value)}`;

// --- rule factories ---------------------------------------------------------------------------

interface FieldSpec {
  readonly id: string;
  readonly scope: readonly string[];
  readonly source: string;
  readonly quote: string;
  readonly field: string;
  /** Where the field lives: the body (default) or the paged body's `params`. */
  readonly in?: 'body' | 'params';
  /** Required always, or when the rest of the body says so (`text` explains when). */
  readonly required?:
    boolean | { readonly when: (container: Body) => boolean; readonly text: string };
  /** Applied when the field has a value. */
  readonly test?: Test;
  /** Patches on the valid example of `exampleKey` (default: the first route in scope). */
  readonly good: Body;
  readonly bad: Body;
  readonly exampleKey?: string;
}

/** A rule on one field: its presence (always or conditionally) and its value when sent. */
function fieldRule(spec: FieldSpec): Rule {
  const key = spec.exampleKey ?? spec.scope[0] ?? '';
  const where = spec.in ?? 'body';
  return {
    id: spec.id,
    scope: spec.scope,
    source: spec.source,
    quote: spec.quote,
    check: (request) => {
      const container = where === 'params' ? paramsOf(request) : bodyOf(request);
      const value = container[spec.field];
      const name = where === 'params' ? `params.${spec.field}` : spec.field;
      if (value === undefined || value === null) {
        if (spec.required === true) return `${name} is required`;
        if (typeof spec.required === 'object' && spec.required.when(container)) {
          return `${name} is required ${spec.required.text}`;
        }
        return null;
      }
      return spec.test ? spec.test(value, container) : null;
    },
    examples: {
      good: example(key, spec.good, where),
      bad: example(key, spec.bad, where),
    },
  };
}

const ruleId = (key: string, rest: string) =>
  `itniotech.${key.slice(1).replaceAll('/', '.')}.${rest}`;
const when = (field: string, value: number) => ({
  when: (container: Body) => container[field] === value,
  text: `when ${field} is ${value}`,
});

// --- transport (§1) ---------------------------------------------------------------------------

const headerRule = (
  id: string,
  header: string,
  quote: string,
  test: (value: string) => string | null,
  bad: string | undefined,
): Rule => ({
  id,
  scope: ['*'],
  source: 'itniotech.md §1',
  quote,
  check: (request) => {
    const value = request.headers[header];
    return value === undefined || value === '' ? `the ${header} header is required` : test(value);
  },
  examples: {
    good: example(R.ccQuery),
    bad: example(R.ccQuery, {}, 'body', { headers: { ...HEADERS, [header]: bad } }),
  },
});

const transportRules: Rule[] = [
  headerRule(
    'itniotech.headers.api-key',
    'api-key',
    '| `Api-Key` | the account\'s API key ("API authentication name", shown in the vendor console under Home → Developers) |',
    () => null,
    undefined,
  ),
  headerRule(
    'itniotech.headers.timestamp-seconds',
    'timestamp',
    '| `Timestamp` | current Unix time in **seconds** (10 digits), sent as a string |',
    (value) =>
      /^\d{10}$/.test(value) ? null : `Timestamp must be Unix seconds (10 digits), not ${value}`,
    '1630468800000',
  ),
  headerRule(
    'itniotech.headers.sign-md5-hex',
    'sign',
    '| `Sign` | MD5 of the concatenation `apiKey + apiSecret + timestamp`, 32 hex characters; the docs say the comparison is case-insensitive (public client code sends lowercase) |',
    (value) =>
      /^[0-9a-fA-F]{32}$/.test(value) ? null : 'Sign must be 32 hex characters (an MD5 digest)',
    'BdqJFiq97bz1lzh91630468800',
  ),
  // The doc writes `application/json;charset=UTF-8`; the media type must be JSON, and a charset,
  // when given, must be UTF-8 (whether it may be left out is not said, so it may).
  headerRule(
    'itniotech.headers.content-type-json',
    'content-type',
    'Request header `Content-Type: application/json;charset=UTF-8` on every call (also on GETs).',
    (value) => {
      const [media, ...parameters] = value.split(';').map((part) => part.trim().toLowerCase());
      if (media !== 'application/json')
        return `Content-Type must be application/json, not ${value}`;
      const charset = parameters.find((part) => part.startsWith('charset='));
      return charset === undefined || /^charset="?utf-8"?$/.test(charset)
        ? null
        : `the Content-Type charset must be UTF-8, not ${value}`;
    },
    'application/x-www-form-urlencoded',
  ),
  {
    id: 'itniotech.body.json-object',
    scope: ['*'],
    source: 'itniotech.md §1',
    quote: 'POST bodies are JSON.',
    check: (request) => {
      if (request.method.toUpperCase() !== 'POST') return null;
      const body = request.body;
      return typeof body === 'object' && body !== null && !Array.isArray(body)
        ? null
        : 'the POST body must be a JSON object';
    },
    examples: {
      good: example(R.cancel),
      bad: example(R.cancel, {}, 'body', { body: undefined }),
    },
  },
];

// --- paging (§3) ------------------------------------------------------------------------------

// The voice record batch query (§3) may omit current/size (defaults 1 and 25) but must not send
// them empty; every other list endpoint requires both.
const pagingRule = (field: 'current' | 'size', quote: string, max: number, bad: unknown): Rule => ({
  id: `itniotech.paging.${field}`,
  scope: PAGED,
  source: 'itniotech.md §3',
  quote,
  check: (request) => {
    const value = bodyOf(request)[field];
    if (value === undefined) {
      return request.key === R.recordGroupQuery ? null : `${field} is required on list endpoints`;
    }
    return isInt(value) && value >= 1 && value <= max
      ? null
      : `${field} must be an integer from 1 to ${max === Number.POSITIVE_INFINITY ? 'N' : max}, not ${show(value)}`;
  },
  examples: { good: example(R.ccQuery), bad: example(R.ccQuery, { [field]: bad }) },
});

const pagingRules: Rule[] = [
  pagingRule('current', '| `current` | page number, 1-based (1..N) |', Number.POSITIVE_INFINITY, 0),
  pagingRule('size', '| `size` | page size, **1..100** |', 100, 500),
  {
    id: 'itniotech.paging.params',
    scope: PAGED,
    source: 'itniotech.md §3',
    quote: '| `params` | filter object (required, may be empty) |',
    check: (request) => {
      const params = bodyOf(request)['params'];
      return typeof params === 'object' && params !== null && !Array.isArray(params)
        ? null
        : 'params must be an object (it may be empty)';
    },
    examples: {
      good: example(R.seatGroupQuery),
      bad: example(R.seatGroupQuery, { params: undefined }),
    },
  },
];

// --- call-center preview tasks (§4) -----------------------------------------------------------

const uploadRules: Rule[] = [
  fieldRule({
    id: ruleId(R.upload, 'fileName.length'),
    scope: [R.upload],
    source: 'itniotech.md §4.1',
    quote: '| `fileName` | String | yes | file name, 5–32 characters (example `234567.xls`) |',
    field: 'fileName',
    required: true,
    test: text('fileName', 5, 32),
    good: { fileName: '234567.xls' },
    bad: { fileName: 'x.xl' },
  }),
  fieldRule({
    id: ruleId(R.upload, 'file.base64'),
    scope: [R.upload],
    source: 'itniotech.md §4.1',
    quote: '| `file` | String | yes | whole file, base64 encoded |',
    field: 'file',
    required: true,
    test: base64('file'),
    good: { file: 'UEsDBA==' },
    bad: { file: 'data:application/vnd.ms-excel;base64,UEsDBA==' },
  }),
];

/** The submitTask settings shared (by reference, "as in submitTask") with resendTask. */
function ccSettingRules(
  key: string,
  section: string,
  quotes: {
    readonly type: string;
    readonly voiceGroupId: string;
    readonly appId: string;
    readonly calloutRate: string;
    readonly displayNum: string;
  },
): Rule[] {
  const source = `itniotech.md ${section}`;
  return [
    fieldRule({
      id: ruleId(key, 'type.values'),
      scope: [key],
      source,
      quote: quotes.type,
      field: 'type',
      required: true,
      test: oneOf('type', [0, 1]),
      good: { type: 0 },
      bad: { type: 2 },
    }),
    {
      // type=1: exactly one agent group; type=0: any number (also none).
      id: ruleId(key, 'voiceGroupId.list'),
      scope: [key],
      source,
      quote: quotes.voiceGroupId,
      check: (request) => {
        const body = bodyOf(request);
        const groups = body['voiceGroupId'];
        if (groups === undefined || groups === null) {
          return body['type'] === 1 ? 'voiceGroupId is required when type is 1' : null;
        }
        const listed = intList('voiceGroupId')(groups, body);
        if (listed !== null) return listed;
        return body['type'] === 1 && (groups as unknown[]).length !== 1
          ? 'voiceGroupId must hold exactly one agent group when type is 1'
          : null;
      },
      examples: {
        good: example(key, { type: 0, voiceGroupId: [1000006, 1000019] }),
        bad: example(key, { type: 1, voiceGroupId: [1000006, 1000019] }),
      },
    },
    fieldRule({
      id: ruleId(key, 'appId.required-type-1'),
      scope: [key],
      source,
      quote: quotes.appId,
      field: 'appId',
      required: when('type', 1),
      test: text('appId'),
      good: { type: 0, appId: undefined, voiceGroupId: [] },
      bad: { type: 1, appId: undefined },
    }),
    fieldRule({
      id: ruleId(key, 'calloutRate.required-type-1'),
      scope: [key],
      source,
      quote: quotes.calloutRate,
      field: 'calloutRate',
      required: when('type', 1),
      test: integer('calloutRate'),
      good: { calloutRate: 3 },
      bad: { calloutRate: undefined },
    }),
    fieldRule({
      id: ruleId(key, 'displayNum.format'),
      scope: [key],
      source,
      quote: quotes.displayNum,
      field: 'displayNum',
      test: (value) =>
        typeof value === 'string' && /^[A-Za-z0-9]{0,20}$/.test(value)
          ? null
          : 'displayNum must be up to 20 letters or digits',
      good: { displayNum: 'Acme24' },
      bad: { displayNum: '+91 50270 21995' },
    }),
  ];
}

const submitTaskRules: Rule[] = [
  // Typed Integer but documented as "actually a String path" (§9.2): both pass.
  fieldRule({
    id: ruleId(R.submitTask, 'filePath.required'),
    scope: [R.submitTask],
    source: 'itniotech.md §4.2, §9.2',
    quote:
      '| `filePath` | documented Integer, **actually a String path** | yes | value returned by upload |',
    field: 'filePath',
    required: true,
    test: (value) =>
      (typeof value === 'string' && value !== '') || isInt(value)
        ? null
        : 'filePath must be the path upload returned',
    good: { filePath: '/mnt/cc\\upload\\execl\\202501101609012_A0987lj.xls' },
    bad: { filePath: undefined },
  }),
  fieldRule({
    id: ruleId(R.submitTask, 'fileName.required'),
    scope: [R.submitTask],
    source: 'itniotech.md §4.2',
    quote: '| `fileName` | String | yes | file name |',
    field: 'fileName',
    required: true,
    test: text('fileName'),
    good: { fileName: 'Template_voice_numFiles_cn1.xls' },
    bad: { fileName: '' },
  }),
  ...ccSettingRules(R.submitTask, '§4.2', {
    type: '| `type` | Integer | yes | `0` automatic call, `1` group call transferred to agent |',
    voiceGroupId:
      '| `voiceGroupId` | List<Integer> | type=1: yes, exactly one element; type=0: optional, any number | agent group ids (from §6.1) |',
    appId: '| `appId` | String | required when type=1 | application id |',
    calloutRate:
      '| `calloutRate` | Integer | required when type=1 | outbound call ratio (multiplier); range **not documented** |',
    displayNum: '| `displayNum` | String | no | caller number, up to 20 letters/digits |',
  }),
  fieldRule({
    id: ruleId(R.submitTask, 'maxRingingTime.range'),
    scope: [R.submitTask],
    source: 'itniotech.md §4.2',
    quote:
      '| `maxRingingTime` | Integer | no | max ringing seconds, 20–120 (only on the newer page revision) |',
    field: 'maxRingingTime',
    test: integer('maxRingingTime', 20, 120),
    good: { maxRingingTime: 120 },
    bad: { maxRingingTime: 10 },
  }),
  fieldRule({
    id: ruleId(R.submitTask, 'ccode.string'),
    scope: [R.submitTask],
    source: 'itniotech.md §4.2',
    quote: '| `ccode` | String | no | country code |',
    field: 'ccode',
    test: (value) => (typeof value === 'string' ? null : 'ccode must be a string, e.g. "91"'),
    good: { ccode: '91' },
    bad: { ccode: 91 },
  }),
];

const resendTaskRules: Rule[] = [
  fieldRule({
    id: ruleId(R.resendTask, 'taskId.required'),
    scope: [R.resendTask],
    source: 'itniotech.md §4.3, §9.3',
    quote: '| `taskId` | String (example sends a number) | yes | existing task id |',
    field: 'taskId',
    required: true,
    test: idLike('taskId'),
    good: { taskId: '5017560' },
    bad: { taskId: undefined },
  }),
  fieldRule({
    id: ruleId(R.resendTask, 'resendType.values'),
    scope: [R.resendTask],
    source: 'itniotech.md §4.3',
    quote:
      '| `resendType` | Integer | yes | `1` recall failed numbers, `2` recall not-yet-called numbers, `3` recall all |',
    field: 'resendType',
    required: true,
    test: oneOf('resendType', [1, 2, 3]),
    good: { resendType: 3 },
    // 0 is the group-call resend's "all" (§5.3), not a cc value.
    bad: { resendType: 0 },
  }),
  ...ccSettingRules(R.resendTask, '§4.3', {
    type: '| `type` | Integer | yes | `0` automatic, `1` group call to agent |',
    voiceGroupId: '| `voiceGroupId` | List<Integer> | as in submitTask | |',
    appId: '| `appId` | String | type=1 | |',
    calloutRate: '| `calloutRate` | Integer | type=1 | |',
    displayNum: '| `displayNum`, `ccode`, `remark` | String | no | as in submitTask |',
  }),
  // Only the type is documented for this copy's maxRingingTime, not the 20–120 range.
  fieldRule({
    id: ruleId(R.resendTask, 'maxRingingTime.integer'),
    scope: [R.resendTask],
    source: 'itniotech.md §4.3',
    quote:
      '| `maxRingingTime` | Integer | no | max ringing seconds (only on one Chinese copy sold under another brand) |',
    field: 'maxRingingTime',
    test: integer('maxRingingTime'),
    good: { maxRingingTime: 60 },
    bad: { maxRingingTime: '60s' },
  }),
];

const CC_TASK_STATUSES = [1, 2, 11, 12, 13, 14, 15, 16];

const ccQueryRules: Rule[] = [
  fieldRule({
    id: ruleId(R.ccQuery, 'taskStatus.values'),
    scope: [R.ccQuery],
    source: 'itniotech.md §4.4',
    quote: '| `taskStatus` | List<Integer> | no | cc task status codes (table below) |',
    field: 'taskStatus',
    in: 'params',
    test: intList('taskStatus', CC_TASK_STATUSES),
    good: { taskStatus: [11, 15] },
    // Group-call codes (§5: 0 waiting, 5 paused) are not cc task codes (§9.5).
    bad: { taskStatus: [0, 5] },
  }),
  fieldRule({
    id: ruleId(R.ccQuery, 'taskType.values'),
    scope: [R.ccQuery],
    source: 'itniotech.md §4.4',
    quote: '| `taskType` | Integer | no | `0` automatic, `1` group call to agent |',
    field: 'taskType',
    in: 'params',
    test: oneOf('taskType', [0, 1]),
    good: { taskType: 1 },
    bad: { taskType: 3 },
  }),
  fieldRule({
    id: ruleId(R.ccQuery, 'finishFlag.values'),
    scope: [R.ccQuery],
    source: 'itniotech.md §4.4',
    quote: '| `finishFlag` | Integer | no | `1` finished, `0` not |',
    field: 'finishFlag',
    in: 'params',
    test: oneOf('finishFlag', [0, 1]),
    good: { finishFlag: 0 },
    bad: { finishFlag: true },
  }),
  fieldRule({
    id: ruleId(R.ccQuery, 'voiceGroupIds.integers'),
    scope: [R.ccQuery],
    source: 'itniotech.md §4.4',
    quote: '| `voiceGroupIds` | List<Integer> | no | agent groups |',
    field: 'voiceGroupIds',
    in: 'params',
    test: intList('voiceGroupIds'),
    good: { voiceGroupIds: [1000006] },
    bad: { voiceGroupIds: 1000006 },
  }),
  // Typed Integer here but String on the other cc pages (§9.3): a number or a digit string.
  fieldRule({
    id: ruleId(R.ccDetail, 'taskId.required'),
    scope: [R.ccDetail],
    source: 'itniotech.md §4.5, §9.3',
    quote: '| `taskId` | Integer | yes | |',
    field: 'taskId',
    in: 'params',
    required: true,
    test: (value) =>
      isInt(value) || (typeof value === 'string' && /^\d+$/.test(value))
        ? null
        : 'params.taskId must be a task id number',
    good: { taskId: '5017560' },
    bad: { taskId: undefined },
  }),
  fieldRule({
    id: ruleId(R.ccDetail, 'statusList.values'),
    scope: [R.ccDetail],
    source: 'itniotech.md §4.5',
    quote:
      '| `statusList` | List<Integer> | no | `1` call in progress, `5` not called, `7` call abnormal, `9` called |',
    field: 'statusList',
    in: 'params',
    test: intList('statusList', [1, 5, 7, 9]),
    good: { statusList: [7, 9] },
    bad: { statusList: [2] },
  }),
];

const ccEditRules: Rule[] = [
  fieldRule({
    id: ruleId(R.editTask, 'taskId.required'),
    scope: [R.editTask],
    source: 'itniotech.md §4.6, §9.3',
    quote: '| `taskId` | String | yes | |',
    field: 'taskId',
    required: true,
    test: idLike('taskId'),
    good: { taskId: 5017560 },
    bad: { taskId: '' },
  }),
  fieldRule({
    id: ruleId(R.editTask, 'calloutRate.required'),
    scope: [R.editTask],
    source: 'itniotech.md §4.6',
    quote: '| `calloutRate` | Integer | yes | new outbound ratio |',
    field: 'calloutRate',
    required: true,
    test: integer('calloutRate'),
    good: { calloutRate: 1 },
    bad: { calloutRate: undefined },
  }),
  fieldRule({
    id: ruleId(R.editTask, 'remark.max-50'),
    scope: [R.editTask],
    source: 'itniotech.md §4.6',
    quote: '| `remark` | String | no | max 50 characters |',
    field: 'remark',
    test: text('remark', 0, 50),
    good: { remark: 'x'.repeat(50) },
    bad: { remark: 'x'.repeat(51) },
  }),
  fieldRule({
    id: ruleId(R.cancelTask, 'taskId.required'),
    scope: [R.cancelTask],
    source: 'itniotech.md §4.7',
    quote: 'Body `{ "taskId": 123 }` (`taskId` typed String, example numeric).',
    field: 'taskId',
    required: true,
    test: idLike('taskId'),
    good: { taskId: '5017560' },
    bad: { taskId: undefined },
  }),
];

// --- voice group calls (§5) -------------------------------------------------------------------

/** Create and the endpoints documented as taking the same content/SMS/agent fields (§5.2, §5.3). */
const CONTENT = [R.send, R.resend, R.update];
const CONTENT_SOURCE = 'itniotech.md §5.1 (also §5.2, §5.3)';
/** The TTS language codes of itniotech.md §5.1 (the simulator's own reading). */
export const TTS_LANGUAGES: readonly string[] = [
  'VN',
  'EN',
  'JP',
  'ARB',
  'DE',
  'IN',
  'IT',
  'KR',
  'RU',
  'ES',
  'PT',
  'IDN',
  'BD',
  'TH',
];
const flag = (field: string) => oneOf(field, [0, 1]);

const TOO_MANY = 200_001;

/** Returns a list of `count` copies of `item` (a cheap oversized example). */
const copies = (item: unknown, count: number): unknown[] => new Array<unknown>(count).fill(item);

const sendRules: Rule[] = [
  fieldRule({
    id: ruleId(R.send, 'appId.required'),
    scope: [R.send],
    source: 'itniotech.md §5.1',
    quote: '| `appId` | String | yes | voice application id |',
    field: 'appId',
    required: true,
    test: text('appId'),
    good: { appId: 'rcVY82Lm' },
    bad: { appId: undefined },
  }),
  fieldRule({
    id: ruleId(R.send, 'taskName.length'),
    scope: [R.send],
    source: 'itniotech.md §5.1',
    quote: '| `taskName` | String | yes | 2–64 chars, must be unique |',
    field: 'taskName',
    required: true,
    test: text('taskName', 2, 64),
    good: { taskName: 'ab' },
    bad: { taskName: 'x'.repeat(65) },
  }),
  fieldRule({
    id: ruleId(R.send, 'displayNum.digits'),
    scope: [R.send, R.update],
    source: 'itniotech.md §5.1 (also §5.2)',
    quote: '| `displayNum` | String | no | 0–20 digits, may be empty |',
    field: 'displayNum',
    test: (value) =>
      typeof value === 'string' && /^\d{0,20}$/.test(value)
        ? null
        : 'displayNum must be 0–20 digits',
    good: { displayNum: '' },
    bad: { displayNum: '+8613242926514' },
  }),
  fieldRule({
    id: ruleId(R.send, 'source.required'),
    scope: [R.send],
    source: 'itniotech.md §5.1',
    quote:
      '| `source` | Integer | yes | audio source: `1` previously uploaded file, `2` upload a new file inline, `3` text-to-speech |',
    field: 'source',
    required: true,
    good: { source: 3 },
    bad: { source: undefined },
  }),
  fieldRule({
    id: ruleId(R.send, 'source.values'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote:
      '| `source` | Integer | yes | audio source: `1` previously uploaded file, `2` upload a new file inline, `3` text-to-speech |',
    field: 'source',
    test: oneOf('source', [1, 2, 3]),
    good: { source: 1, voiceFileId: 'f-1001' },
    bad: { source: 4 },
  }),
  fieldRule({
    id: ruleId(R.send, 'voiceFileId.required-source-1'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `voiceFileId` | String | when source=1 | id from file upload (§7.4) |',
    field: 'voiceFileId',
    required: when('source', 1),
    test: text('voiceFileId'),
    good: { source: 1, voiceFileId: 'f-1001' },
    bad: { source: 1, voiceFileId: undefined },
  }),
  fieldRule({
    id: ruleId(R.send, 'uploadName.source-2'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `uploadName` | String | when source=2 | 5–32 chars |',
    field: 'uploadName',
    required: when('source', 2),
    test: text('uploadName', 5, 32),
    good: { source: 2, uploadName: 'hello.mp3', baseFile: 'SUQzBA==' },
    bad: { source: 2, uploadName: 'a.mp', baseFile: 'SUQzBA==' },
  }),
  fieldRule({
    id: ruleId(R.send, 'baseFile.source-2'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `baseFile` | String | when source=2 | base64 file content |',
    field: 'baseFile',
    required: when('source', 2),
    test: base64('baseFile'),
    good: { source: 2, uploadName: 'hello.mp3', baseFile: 'SUQzBA==' },
    bad: { source: 2, uploadName: 'hello.mp3', baseFile: undefined },
  }),
  fieldRule({
    id: ruleId(R.send, 'text.source-3'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `text` | String | when source=3 | TTS text, max 1000 chars |',
    field: 'text',
    required: when('source', 3),
    test: text('text', 1, 1000),
    good: { text: 'x'.repeat(1000) },
    bad: { text: 'x'.repeat(1001) },
  }),
  fieldRule({
    id: ruleId(R.send, 'lan.source-3'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote:
      '| `lan` | String | when source=3 | TTS language code: VN, EN, JP, ARB, DE, IN (Hindi), IT, KR, RU, ES, PT, IDN, BD, TH |',
    field: 'lan',
    required: when('source', 3),
    test: (value) =>
      typeof value === 'string' && TTS_LANGUAGES.includes(value)
        ? null
        : `lan must be one of ${TTS_LANGUAGES.join(', ')}, not ${show(value)}`,
    good: { lan: 'IDN' },
    bad: { lan: 'en-US' },
  }),
  fieldRule({
    id: ruleId(R.send, 'speakingRate.range'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `speakingRate` | Double | no | 0.25–4 (seen on resend page) |',
    field: 'speakingRate',
    test: (value) =>
      typeof value === 'number' && value >= 0.25 && value <= 4
        ? null
        : 'speakingRate must be a number from 0.25 to 4',
    good: { speakingRate: 1.5 },
    bad: { speakingRate: 5 },
  }),
  fieldRule({
    id: ruleId(R.send, 'ssmlGender.values'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `ssmlGender` | Integer | no | 1 male, 2 female (seen on resend page) |',
    field: 'ssmlGender',
    test: oneOf('ssmlGender', [1, 2]),
    good: { ssmlGender: 2 },
    bad: { ssmlGender: 0 },
  }),
  // LocalDateTime, written as on the create page; null means "now" (§5.1, §5.4).
  fieldRule({
    id: ruleId(R.send, 'sendTime.format'),
    scope: [...CONTENT, R.resendAi],
    source: 'itniotech.md §5.1 (also §5.2, §5.3, §5.4)',
    quote:
      '| `sendTime` | LocalDateTime | no | scheduled start; `null` = immediately (format as `yyyy-MM-dd HH:mm:ss`) |',
    field: 'sendTime',
    test: plainTime('sendTime'),
    good: { sendTime: null },
    bad: { sendTime: '2026-01-06T09:00:00.000Z' },
  }),
  // Marked required but with a default of 1, so it may be left out; a value is 1–9 plays.
  fieldRule({
    id: ruleId(R.send, 'loopCount.range'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `loopCount` | Integer | yes | plays per call, default 1, max 9 |',
    field: 'loopCount',
    test: integer('loopCount', 1, 9),
    good: { loopCount: 9 },
    bad: { loopCount: 10 },
  }),
  fieldRule({
    id: ruleId(R.send, 'maxCalls.required'),
    scope: [R.send],
    source: 'itniotech.md §5.1',
    quote:
      '| `maxCalls` | Integer | yes | **max call duration in seconds** (forced hang-up after N s), max 999 — not a concurrency limit |',
    field: 'maxCalls',
    required: true,
    good: { maxCalls: 999 },
    bad: { maxCalls: undefined },
  }),
  fieldRule({
    id: ruleId(R.send, 'maxCalls.range'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote:
      '| `maxCalls` | Integer | yes | **max call duration in seconds** (forced hang-up after N s), max 999 — not a concurrency limit |',
    field: 'maxCalls',
    test: integer('maxCalls', 1, 999),
    good: { maxCalls: 999 },
    bad: { maxCalls: 1000 },
  }),
  fieldRule({
    id: ruleId(R.send, 'hangUpSms.values'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `hangUpSms` | Integer | no | send SMS after hang-up: 0/1 |',
    field: 'hangUpSms',
    test: flag('hangUpSms'),
    good: { hangUpSms: 0 },
    bad: { hangUpSms: 2 },
  }),
  fieldRule({
    id: ruleId(R.send, 'smsAppId.hangUpSms-1'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `smsAppId` | String | if hangUpSms=1 | SMS application id |',
    field: 'smsAppId',
    required: when('hangUpSms', 1),
    test: text('smsAppId'),
    good: {
      hangUpSms: 1,
      smsAppId: '9obbP7Nl',
      smsContent: 'Thanks',
      feedbackPush: 0,
      successPush: 1,
      failedPush: 0,
      ringPush: 0,
    },
    bad: {
      hangUpSms: 1,
      smsContent: 'Thanks',
      feedbackPush: 0,
      successPush: 1,
      failedPush: 0,
      ringPush: 0,
    },
  }),
  fieldRule({
    id: ruleId(R.send, 'smsContent.hangUpSms-1'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote:
      '| `smsContent` | String | if hangUpSms=1 | ≤1000 chars, may use `${text1}`…`${text10}` |',
    field: 'smsContent',
    required: when('hangUpSms', 1),
    test: text('smsContent', 1, 1000),
    good: { smsContent: 'x'.repeat(1000) },
    bad: { smsContent: 'x'.repeat(1001) },
  }),
  {
    id: ruleId(R.send, 'push-flags.hangUpSms-1'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote:
      '| `feedbackPush` / `successPush` / `failedPush` / `ringPush` | Integer 0/1 | if hangUpSms=1 | which events trigger the SMS (keypress feedback / answered / failed / rang) |',
    check: (request) => {
      const body = bodyOf(request);
      for (const field of ['feedbackPush', 'successPush', 'failedPush', 'ringPush']) {
        const value = body[field];
        if (value === undefined || value === null) {
          if (body['hangUpSms'] === 1) return `${field} is required when hangUpSms is 1`;
          continue;
        }
        const wrong = flag(field)(value, body);
        if (wrong !== null) return wrong;
      }
      return null;
    },
    examples: {
      good: example(R.send, {
        hangUpSms: 1,
        smsAppId: '9obbP7Nl',
        smsContent: 'Thanks',
        feedbackPush: 0,
        successPush: 0,
        failedPush: 1,
        ringPush: 0,
      }),
      bad: example(R.send, {
        hangUpSms: 1,
        smsAppId: '9obbP7Nl',
        smsContent: 'Thanks',
        successPush: 1,
      }),
    },
  },
  // Typed String ("key 0–9") while the example sends the number 0: both pass.
  fieldRule({
    id: ruleId(R.send, 'feedbackValue.key'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `feedbackValue` | String | if feedbackPush=1 | key 0–9 |',
    field: 'feedbackValue',
    required: when('feedbackPush', 1),
    test: (value) =>
      (typeof value === 'string' && /^\d$/.test(value)) ||
      (isInt(value) && value >= 0 && value <= 9)
        ? null
        : 'feedbackValue must be one key, 0–9',
    good: { feedbackPush: 1, feedbackValue: '1' },
    bad: { feedbackPush: 1, feedbackValue: '#' },
  }),
  // Required when successPush=1 but defaulted to 10: checked when sent.
  fieldRule({
    id: ruleId(R.send, 'successPushTime.range'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote:
      '| `successPushTime` | Integer | if successPush=1 | seconds after answer, 0–9999, default 10 |',
    field: 'successPushTime',
    test: integer('successPushTime', 0, 9999),
    good: { successPushTime: 0 },
    bad: { successPushTime: 10000 },
  }),
  fieldRule({
    id: ruleId(R.send, 'senderId.max-32'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `senderId` | String | no | ≤32 chars |',
    field: 'senderId',
    test: text('senderId', 0, 32),
    good: { senderId: 'ACME' },
    bad: { senderId: 'x'.repeat(33) },
  }),
  fieldRule({
    id: ruleId(R.send, 'toSeat.values'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `toSeat` | Integer | no | transfer to agent: 0/1 |',
    field: 'toSeat',
    test: flag('toSeat'),
    good: { toSeat: 0 },
    bad: { toSeat: true },
  }),
  fieldRule({
    id: ruleId(R.send, 'sipGroupId.toSeat-1'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `sipGroupId` | Integer | if toSeat=1 | agent group id (= `voiceGroupId` of §6.1) |',
    field: 'sipGroupId',
    required: when('toSeat', 1),
    test: integer('sipGroupId'),
    good: { toSeat: 1, sipGroupId: 1000019, outboundControl: 1, calloutRate: 2, toSeatType: 1 },
    bad: { toSeat: 1, outboundControl: 1, calloutRate: 2, toSeatType: 1 },
  }),
  fieldRule({
    id: ruleId(R.send, 'outboundControl.toSeat-1'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `outboundControl` | Integer | if toSeat=1 | `1` proportional outbound calling |',
    field: 'outboundControl',
    required: when('toSeat', 1),
    test: oneOf('outboundControl', [1]),
    good: { toSeat: 1, sipGroupId: 1000019, outboundControl: 1, calloutRate: 2, toSeatType: 1 },
    bad: { toSeat: 1, sipGroupId: 1000019, outboundControl: 2, calloutRate: 2, toSeatType: 1 },
  }),
  fieldRule({
    id: ruleId(R.send, 'calloutRate.toSeat-1'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote: '| `calloutRate` | Integer | if toSeat=1 | outbound multiplier |',
    field: 'calloutRate',
    required: when('toSeat', 1),
    test: integer('calloutRate'),
    good: { toSeat: 1, sipGroupId: 1000019, outboundControl: 1, calloutRate: 2, toSeatType: 1 },
    bad: { toSeat: 1, sipGroupId: 1000019, outboundControl: 1, toSeatType: 1 },
  }),
  fieldRule({
    id: ruleId(R.send, 'toSeatType.toSeat-1'),
    scope: CONTENT,
    source: CONTENT_SOURCE,
    quote:
      '| `toSeatType` | Integer | if toSeat=1 | `1` transfer after the broadcast ends, `2` transfer on key press |',
    field: 'toSeatType',
    required: when('toSeat', 1),
    test: oneOf('toSeatType', [1, 2]),
    good: { toSeat: 1, sipGroupId: 1000019, outboundControl: 1, calloutRate: 2, toSeatType: 2 },
    bad: { toSeat: 1, sipGroupId: 1000019, outboundControl: 1, calloutRate: 2, toSeatType: 0 },
  }),
];

const NUMBER_LISTS_QUOTE =
  'Two documented revisions of the number list exist (see Contradictions): `numberList` (List<String>, up to **200,000** numbers, each 7–15 digits = country code + number) or `numberInfoList` (List<Object>, up to **100,000** records on the itniotech page; 200,000 and 6–18 digits on the reseller page), where each object is:';

/** The first entry of a list a test refuses, as a message with its index. */
function firstBad(list: readonly unknown[], test: (item: unknown) => string | null): string | null {
  for (let i = 0; i < list.length; i += 1) {
    const message = test(list[i]);
    if (message !== null) return `entry ${i}: ${message}`;
  }
  return null;
}

const calleeOf = (item: unknown): unknown =>
  typeof item === 'object' && item !== null && !Array.isArray(item)
    ? (item as Body)['calleeNumber']
    : undefined;

const TEMPLATE_VARIABLE = /\$\{(text(?:10|[1-9]))\}/g;

const sendNumberRules: Rule[] = [
  {
    id: ruleId(R.send, 'numbers.required'),
    scope: [R.send],
    source: 'itniotech.md §5.1, §9.7',
    quote: NUMBER_LISTS_QUOTE,
    check: (request) => {
      const body = bodyOf(request);
      return Array.isArray(body['numberInfoList']) || Array.isArray(body['numberList'])
        ? null
        : 'numberInfoList (or the older numberList) is required';
    },
    examples: {
      good: example(R.send, { numberInfoList: undefined, numberList: ['8613242926514'] }),
      bad: example(R.send, { numberInfoList: undefined }),
    },
  },
  {
    // All copies agree on numberList: ≤200,000 strings of 7–15 digits.
    id: ruleId(R.send, 'numberList.format'),
    scope: [R.send],
    source: 'itniotech.md §5.1',
    quote: NUMBER_LISTS_QUOTE,
    check: (request) => {
      const list = bodyOf(request)['numberList'];
      if (list === undefined || list === null) return null;
      if (!Array.isArray(list)) return 'numberList must be a list of strings';
      if (list.length > 200_000) return `numberList holds ${list.length} numbers; at most 200,000`;
      return firstBad(list, (item) => digits('number', 7, 15)(item, {}));
    },
    examples: {
      good: example(R.send, { numberInfoList: undefined, numberList: ['8613242926514'] }),
      bad: example(R.send, { numberInfoList: undefined, numberList: ['+86 132 4292 6514'] }),
    },
  },
  {
    // The itniotech page says ≤100,000 records of 7–15 digits, the reseller page ≤200,000 of
    // 6–18 digits (§9.7): every documented reading passes, so the wider one is enforced.
    id: ruleId(R.send, 'numberInfoList.format'),
    scope: [R.send],
    source: 'itniotech.md §5.1, §9.7',
    quote: NUMBER_LISTS_QUOTE,
    check: (request) => {
      const list = bodyOf(request)['numberInfoList'];
      if (list === undefined || list === null) return null;
      if (!Array.isArray(list)) return 'numberInfoList must be a list of objects';
      if (list.length > 200_000)
        return `numberInfoList holds ${list.length} records; at most 200,000`;
      return firstBad(list, (item) => digits('calleeNumber', 6, 18)(calleeOf(item), {}));
    },
    examples: {
      good: example(R.send, { numberInfoList: [{ calleeNumber: '123456' }] }),
      get bad() {
        return example(R.send, {
          numberInfoList: copies({ calleeNumber: '8613800138000' }, TOO_MANY),
        });
      },
    },
  },
  {
    id: ruleId(R.send, 'numberInfoList.template-variables'),
    scope: [R.send],
    source: 'itniotech.md §5.1',
    quote:
      '| `text1` … `text10` | String | no | values for `${text1}`…`${text10}` in the hang-up SMS template; ≤30 chars (longer is truncated); must be non-null if the template uses the variable |',
    check: (request) => {
      const body = bodyOf(request);
      const template = body['smsContent'];
      if (body['hangUpSms'] !== 1 || typeof template !== 'string') return null;
      const used = [...new Set([...template.matchAll(TEMPLATE_VARIABLE)].map((m) => m[1] ?? ''))];
      if (used.length === 0) return null;
      const info = body['numberInfoList'];
      if (!Array.isArray(info)) {
        return `smsContent uses ${used.join(', ')} but numberList entries cannot carry them`;
      }
      return firstBad(info, (item) => {
        const record = typeof item === 'object' && item !== null ? (item as Body) : {};
        const missing = used.find((name) => typeof record[name] !== 'string');
        return missing === undefined ? null : `${missing} is used by smsContent but not given`;
      });
    },
    examples: {
      good: example(R.send, {
        hangUpSms: 1,
        smsAppId: '9obbP7Nl',
        smsContent: 'Hi ${text1}',
        feedbackPush: 0,
        successPush: 1,
        failedPush: 0,
        ringPush: 0,
        numberInfoList: [{ calleeNumber: '8613800138000', text1: 'Li' }],
      }),
      bad: example(R.send, {
        hangUpSms: 1,
        smsAppId: '9obbP7Nl',
        smsContent: 'Hi ${text1}',
        feedbackPush: 0,
        successPush: 1,
        failedPush: 0,
        ringPush: 0,
        numberInfoList: [{ calleeNumber: '8613800138000' }],
      }),
    },
  },
];

const updateResendRules: Rule[] = [
  fieldRule({
    id: ruleId(R.update, 'keyId.required'),
    scope: [R.update],
    source: 'itniotech.md §5.2',
    quote: 'Body: `keyId` (Integer, = jobId, required)',
    field: 'keyId',
    required: true,
    test: integer('keyId'),
    good: { keyId: 5000602 },
    bad: { keyId: '5000602' },
  }),
  fieldRule({
    id: ruleId(R.update, 'taskName.required'),
    scope: [R.update],
    source: 'itniotech.md §5.2',
    quote: '(`displayNum`, `taskName` (required),',
    field: 'taskName',
    required: true,
    test: text('taskName'),
    good: { taskName: 'Renamed' },
    bad: { taskName: undefined },
  }),
  fieldRule({
    id: ruleId(R.resend, 'keyId.required'),
    scope: [R.resend],
    source: 'itniotech.md §5.3',
    quote: 'Body: `keyId` (= jobId, required), `appId` (required), `taskName` (required),',
    field: 'keyId',
    required: true,
    test: integer('keyId'),
    good: { keyId: 5000603 },
    bad: { keyId: undefined },
  }),
  fieldRule({
    id: ruleId(R.resend, 'appId.required'),
    scope: [R.resend],
    source: 'itniotech.md §5.3',
    quote: 'Body: `keyId` (= jobId, required), `appId` (required), `taskName` (required),',
    field: 'appId',
    required: true,
    test: text('appId'),
    good: { appId: 'rcVY82Lm' },
    bad: { appId: '' },
  }),
  fieldRule({
    id: ruleId(R.resend, 'taskName.required'),
    scope: [R.resend],
    source: 'itniotech.md §5.3',
    quote: 'Body: `keyId` (= jobId, required), `appId` (required), `taskName` (required),',
    field: 'taskName',
    required: true,
    test: text('taskName'),
    good: { taskName: 'Again' },
    bad: { taskName: undefined },
  }),
  // Required on the itniotech page, optional on onbuka (§5.3, §9.12): a value must be 0 or 1.
  fieldRule({
    id: ruleId(R.resend, 'resendType.values'),
    scope: [R.resend],
    source: 'itniotech.md §5.3',
    quote: '`resendType` (`0` resend all, `1` resend failed)',
    field: 'resendType',
    test: oneOf('resendType', [0, 1]),
    good: { resendType: 0 },
    bad: { resendType: 2 },
  }),
  fieldRule({
    id: ruleId(R.resend, 'source.required'),
    scope: [R.resend],
    source: 'itniotech.md §5.3',
    quote: '`source` (required) + file/TTS fields',
    field: 'source',
    required: true,
    good: { source: 3, text: 'Hello again', lan: 'EN', voiceFileId: undefined },
    bad: { source: undefined },
  }),
];

const ALLOWED_WINDOW = /^([01]\d|2[0-3]):[0-5]\d$/;

const resendAiRules: Rule[] = [
  fieldRule({
    id: ruleId(R.resendAi, 'keyId.required'),
    scope: [R.resendAi],
    source: 'itniotech.md §5.4',
    quote: '| `keyId` | Integer | yes | jobId of the task to re-run |',
    field: 'keyId',
    required: true,
    test: integer('keyId'),
    good: { keyId: 123 },
    bad: { keyId: undefined },
  }),
  fieldRule({
    id: ruleId(R.resendAi, 'taskName.length'),
    scope: [R.resendAi],
    source: 'itniotech.md §5.4',
    quote: '| `taskName` | String | yes | 2–64 chars, unique |',
    field: 'taskName',
    required: true,
    test: text('taskName', 2, 64),
    good: { taskName: 'x'.repeat(64) },
    bad: { taskName: 'x' },
  }),
  fieldRule({
    id: ruleId(R.resendAi, 'scriptId.required'),
    scope: [R.resendAi],
    source: 'itniotech.md §5.4',
    quote: '| `scriptId` | Integer | yes | AI script (speech template) id |',
    field: 'scriptId',
    required: true,
    test: integer('scriptId'),
    good: { scriptId: 1 },
    bad: { scriptId: 'collections-v2' },
  }),
  fieldRule({
    id: ruleId(R.resendAi, 'resendType.values'),
    scope: [R.resendAi],
    source: 'itniotech.md §5.4',
    quote: '| `resendType` | Integer | yes | `0` all, `1` failed only |',
    field: 'resendType',
    required: true,
    test: oneOf('resendType', [0, 1]),
    good: { resendType: 1 },
    bad: { resendType: undefined },
  }),
  fieldRule({
    id: ruleId(R.resendAi, 'displayNum.digits'),
    scope: [R.resendAi, R.sendAgent],
    source: 'itniotech.md §5.4, §5.8',
    quote: '| `displayNum` | String | no | 0–20 digits |',
    field: 'displayNum',
    test: (value) =>
      typeof value === 'string' && /^\d{0,20}$/.test(value)
        ? null
        : 'displayNum must be 0–20 digits',
    good: { displayNum: '1008122211' },
    bad: { displayNum: 'x'.repeat(21) },
  }),
  {
    id: ruleId(R.resendAi, 'allowSendTime.windows'),
    // §5.1's rows for the field were unreadable, but its examples send the same shape
    // (`allowSendTime: [{strTime:"18:28", endTime:"19:28"}]`) and point to §5.4 for the meaning:
    // a zone split sends it with every group call.
    scope: [R.resendAi, R.send, R.sendAgent],
    source: 'itniotech.md §5.4 (§5.1 refers to it)',
    quote: '| `allowSendTime` | List<{strTime, endTime}> | no | up to 3 daily windows, `HH:mm` |',
    check: (request) => {
      const windows = bodyOf(request)['allowSendTime'];
      if (windows === undefined || windows === null) return null;
      if (!Array.isArray(windows)) return 'allowSendTime must be a list of {strTime, endTime}';
      if (windows.length > 3) return `allowSendTime holds ${windows.length} windows; at most 3`;
      return firstBad(windows, (item) => {
        const window = typeof item === 'object' && item !== null ? (item as Body) : {};
        return [window['strTime'], window['endTime']].every(
          (time) => typeof time === 'string' && ALLOWED_WINDOW.test(time),
        )
          ? null
          : 'strTime and endTime must be HH:mm';
      });
    },
    examples: {
      good: example(R.resendAi, {
        allowSendTime: [
          { strTime: '09:00', endTime: '12:00' },
          { strTime: '14:00', endTime: '18:00' },
          { strTime: '19:00', endTime: '21:30' },
        ],
      }),
      bad: example(R.resendAi, { allowSendTime: [{ strTime: '9am', endTime: '6pm' }] }),
    },
  },
  fieldRule({
    id: ruleId(R.resendAi, 'maxRingingTime.range'),
    scope: [R.resendAi],
    source: 'itniotech.md §5.4',
    quote: '| `maxRingingTime` | Integer | no | 20–120, default 60 |',
    field: 'maxRingingTime',
    test: integer('maxRingingTime', 20, 120),
    good: { maxRingingTime: 20 },
    // The Chinese copy's example value (§9.14).
    bad: { maxRingingTime: 1 },
  }),
  fieldRule({
    id: ruleId(R.resendAi, 'enableRecording.values'),
    scope: [R.resendAi],
    source: 'itniotech.md §5.4',
    quote: '| `enableRecording` | Integer | no | 0/1, default 0 |',
    field: 'enableRecording',
    test: flag('enableRecording'),
    good: { enableRecording: 1 },
    bad: { enableRecording: 'yes' },
  }),
];

const groupQueryRules: Rule[] = [
  fieldRule({
    id: ruleId(R.groupQuery, 'strTime.format'),
    scope: [R.groupQuery],
    source: 'itniotech.md §5.5',
    quote: '| `strTime` | LocalDateTime | yes | `yyyy-MM-dd HH:mm:ss` |',
    field: 'strTime',
    in: 'params',
    required: true,
    test: plainTime('strTime'),
    good: { strTime: '2024-01-01 00:00:00' },
    bad: { strTime: '2024-01-01' },
  }),
  fieldRule({
    id: ruleId(R.groupQuery, 'endTime.format'),
    scope: [R.groupQuery],
    source: 'itniotech.md §5.5',
    quote: '| `endTime` | LocalDateTime | yes | same format; max span **not documented** |',
    field: 'endTime',
    in: 'params',
    required: true,
    test: plainTime('endTime'),
    good: { endTime: '2024-06-03 15:13:01' },
    bad: { endTime: undefined },
  }),
  fieldRule({
    id: ruleId(R.groupQuery, 'statusList.values'),
    scope: [R.groupQuery],
    source: 'itniotech.md §5, §5.5',
    quote:
      '| `statusList` | List<Integer> | no | group-call status codes (the example sends an empty list) |',
    field: 'statusList',
    in: 'params',
    test: intList('statusList', [0, 1, 2, 3, 4, 5, 6]),
    good: { statusList: [] },
    // 11 is a cc code (§4.4), not a group-call code.
    bad: { statusList: [11] },
  }),
  fieldRule({
    id: ruleId(R.groupQuery, 'taskType.ai-only'),
    scope: [R.groupQuery],
    source: 'itniotech.md §5.5',
    quote: '| `taskType` | Integer | AI list only | `3` = AI-agent group call (see §5.8) |',
    field: 'taskType',
    in: 'params',
    test: oneOf('taskType', [3]),
    good: { taskType: 3 },
    bad: { taskType: 1 },
  }),
  {
    id: ruleId(R.detail, 'id.jobId'),
    scope: [R.detail],
    source: 'itniotech.md §5.6',
    quote: '`{id}` = jobId.',
    check: (request) => {
      const id = /\/detail\/([^/]*)$/.exec(request.path)?.[1] ?? '';
      return /^\d+$/.test(id) ? null : `the path must end in a jobId, not "${id}"`;
    },
    examples: {
      good: example(R.detail),
      bad: example(R.detail, {}, 'body', { path: '/voice/group/call/detail/' }),
    },
  },
  fieldRule({
    id: ruleId(R.cancel, 'taskIdList.integers'),
    scope: [R.cancel],
    source: 'itniotech.md §5.7',
    quote: 'Body `{ "taskIdList": [123, 456] }` (List<Integer>, ids from the query).',
    field: 'taskIdList',
    required: true,
    test: intList('taskIdList'),
    good: { taskIdList: [123] },
    bad: { taskIdList: ['5000602'] },
  }),
];

const agentRules: Rule[] = [
  fieldRule({
    id: ruleId(R.sendAgent, 'appId.required'),
    scope: [R.sendAgent],
    source: 'itniotech.md §5.8',
    quote: '| `appId` | String | yes | |',
    field: 'appId',
    required: true,
    test: text('appId'),
    good: { appId: 'rcVY82Lm' },
    bad: { appId: undefined },
  }),
  fieldRule({
    id: ruleId(R.sendAgent, 'taskName.length'),
    scope: [R.sendAgent],
    source: 'itniotech.md §5.8',
    quote: '| `taskName` | String | yes | 2–64, unique |',
    field: 'taskName',
    required: true,
    test: text('taskName', 2, 64),
    good: { taskName: 'AI' },
    bad: { taskName: undefined },
  }),
  fieldRule({
    id: ruleId(R.sendAgent, 'numberInfoList.max'),
    scope: [R.sendAgent],
    source: 'itniotech.md §5.8',
    quote: '| `numberInfoList` | List<Object> | yes | up to 200,000 entries |',
    field: 'numberInfoList',
    required: true,
    test: (value) => {
      if (!Array.isArray(value)) return 'numberInfoList must be a list of objects';
      return value.length > 200_000
        ? `numberInfoList holds ${value.length} entries; at most 200,000`
        : null;
    },
    good: { numberInfoList: [{ calleeNumber: '628123456789' }] },
    bad: { numberInfoList: undefined },
  }),
  {
    id: ruleId(R.sendAgent, 'calleeNumber.digits'),
    scope: [R.sendAgent],
    source: 'itniotech.md §5.8',
    quote: '| ↳ `calleeNumber` | String | yes | country code + number, **6–18** digits |',
    check: (request) => {
      const list = bodyOf(request)['numberInfoList'];
      return Array.isArray(list)
        ? firstBad(list, (item) => digits('calleeNumber', 6, 18)(calleeOf(item), {}))
        : null;
    },
    examples: {
      good: example(R.sendAgent, { numberInfoList: [{ calleeNumber: '123456789012345678' }] }),
      bad: example(R.sendAgent, { numberInfoList: [{ calleeNumber: '12345' }] }),
    },
  },
  {
    id: ruleId(R.sendAgent, 'callInformation.strings'),
    scope: [R.sendAgent],
    source: 'itniotech.md §5.8',
    quote:
      '| ↳ `callInformation` | Map<String,String> | no | named business fields (e.g. `name`, `borrow_total_money`); only for the debt-collection scenarios; the key table was not captured |',
    check: (request) => {
      const list = bodyOf(request)['numberInfoList'];
      if (!Array.isArray(list)) return null;
      return firstBad(list, (item) => {
        const info =
          typeof item === 'object' && item !== null ? (item as Body)['callInformation'] : undefined;
        if (info === undefined || info === null) return null;
        return typeof info === 'object' &&
          !Array.isArray(info) &&
          Object.values(info as Body).every((value) => typeof value === 'string')
          ? null
          : 'callInformation must map names to strings';
      });
    },
    examples: {
      good: example(R.sendAgent, {
        numberInfoList: [
          {
            calleeNumber: '628123456789',
            callInformation: { name: 'Budi', borrow_total_money: '1200' },
          },
        ],
      }),
      bad: example(R.sendAgent, {
        numberInfoList: [
          { calleeNumber: '628123456789', callInformation: { borrow_total_money: 1200 } },
        ],
      }),
    },
  },
  {
    id: ruleId(R.sendAgent, 'text-variables.max-30'),
    scope: [R.sendAgent],
    source: 'itniotech.md §5.8',
    quote: '| ↳ `text1`…`text10` | String | no | variables for the text template, ≤30 chars |',
    check: (request) => {
      const list = bodyOf(request)['numberInfoList'];
      if (!Array.isArray(list)) return null;
      return firstBad(list, (item) => {
        const record = typeof item === 'object' && item !== null ? (item as Body) : {};
        for (let n = 1; n <= 10; n += 1) {
          const value = record[`text${n}`];
          if (value === undefined || value === null) continue;
          if (typeof value !== 'string' || chars(value) > 30) {
            return `text${n} must be a string of at most 30 characters`;
          }
        }
        return null;
      });
    },
    examples: {
      good: example(R.sendAgent, {
        numberInfoList: [{ calleeNumber: '628123456789', text10: 'x'.repeat(30) }],
      }),
      bad: example(R.sendAgent, {
        numberInfoList: [{ calleeNumber: '628123456789', text2: 'x'.repeat(31) }],
      }),
    },
  },
];

const RECALL_UPDATE =
  '| `POST {voicePrefix}/voice/recallFlow/update` | `keyId`, `recallInterval` 1–1440, `recallNum` 1–10, `recallType`, `recallIntent` (array), `nodeList[{scriptId}]` | only while the flow is Pending |';
const RECALL_CANCEL =
  '| `POST {voicePrefix}/voice/recallFlow/cancel` | `type` (1 by flow keyId, 2 by parent task id, 3 from a node onward), `id` | only Pending flows/nodes |';

const recallRules: Rule[] = [
  fieldRule({
    id: ruleId(R.recallDetail, 'keyId.required'),
    scope: [R.recallDetail],
    source: 'itniotech.md §5.8',
    quote: '| `POST {voicePrefix}/voice/recallFlow/queryDetail` | `{ keyId }` |',
    field: 'keyId',
    required: true,
    good: { keyId: 1 },
    bad: { keyId: undefined },
  }),
  fieldRule({
    id: ruleId(R.recallUpdate, 'keyId.required'),
    scope: [R.recallUpdate],
    source: 'itniotech.md §5.8',
    quote: RECALL_UPDATE,
    field: 'keyId',
    required: true,
    good: { keyId: 300 },
    bad: { keyId: undefined },
  }),
  fieldRule({
    id: ruleId(R.recallUpdate, 'recallInterval.range'),
    scope: [R.recallUpdate],
    source: 'itniotech.md §5.8',
    quote: RECALL_UPDATE,
    field: 'recallInterval',
    test: integer('recallInterval', 1, 1440),
    good: { recallInterval: 1440 },
    bad: { recallInterval: 0 },
  }),
  fieldRule({
    id: ruleId(R.recallUpdate, 'recallNum.range'),
    scope: [R.recallUpdate],
    source: 'itniotech.md §5.8',
    quote: RECALL_UPDATE,
    field: 'recallNum',
    test: integer('recallNum', 1, 10),
    good: { recallNum: 10 },
    bad: { recallNum: 11 },
  }),
  // Values from the queryDetail row of the same table ("0 all, 1 failed only").
  fieldRule({
    id: ruleId(R.recallUpdate, 'recallType.values'),
    scope: [R.recallUpdate],
    source: 'itniotech.md §5.8',
    quote: '`recallType` (0 all, 1 failed only)',
    field: 'recallType',
    test: oneOf('recallType', [0, 1]),
    good: { recallType: 0 },
    bad: { recallType: 2 },
  }),
  fieldRule({
    id: ruleId(R.recallUpdate, 'recallIntent.array'),
    scope: [R.recallUpdate],
    source: 'itniotech.md §5.8',
    quote: RECALL_UPDATE,
    field: 'recallIntent',
    test: (value) => (Array.isArray(value) ? null : 'recallIntent must be an array'),
    good: { recallIntent: ['101'] },
    bad: { recallIntent: '101' },
  }),
  fieldRule({
    id: ruleId(R.recallUpdate, 'nodeList.scriptId'),
    scope: [R.recallUpdate],
    source: 'itniotech.md §5.8',
    quote: RECALL_UPDATE,
    field: 'nodeList',
    test: (value) => {
      if (!Array.isArray(value)) return 'nodeList must be a list of {scriptId}';
      return firstBad(value, (node) => {
        const scriptId =
          typeof node === 'object' && node !== null ? (node as Body)['scriptId'] : undefined;
        return scriptId === undefined || scriptId === null ? 'the node has no scriptId' : null;
      });
    },
    good: { nodeList: [{ scriptId: 123 }] },
    bad: { nodeList: [{ script: 123 }] },
  }),
  fieldRule({
    id: ruleId(R.recallCancel, 'type.values'),
    scope: [R.recallCancel],
    source: 'itniotech.md §5.8',
    quote: RECALL_CANCEL,
    field: 'type',
    required: true,
    test: oneOf('type', [1, 2, 3]),
    good: { type: 3 },
    bad: { type: 0 },
  }),
  fieldRule({
    id: ruleId(R.recallCancel, 'id.required'),
    scope: [R.recallCancel],
    source: 'itniotech.md §5.8',
    quote: RECALL_CANCEL,
    field: 'id',
    required: true,
    good: { id: 13 },
    bad: { id: undefined },
  }),
];

// --- pickers (§6) -----------------------------------------------------------------------------

const voiceGroupIdQuery = (key: string, quote: string): Rule => ({
  id: ruleId(key, 'voiceGroupId.query'),
  scope: [key],
  source: 'itniotech.md §6.1',
  quote,
  check: (request) =>
    /^\d+$/.test(request.query.get('voiceGroupId') ?? '')
      ? null
      : 'the voiceGroupId query parameter (an agent group id) is required',
  examples: {
    good: example(key),
    bad: example(key, {}, 'body', { query: new URLSearchParams('groupId=1000006') }),
  },
});

const pickerRules: Rule[] = [
  fieldRule({
    id: ruleId(R.addGroup, 'groupName.length'),
    scope: [R.addGroup],
    source: 'itniotech.md §6.1',
    quote: '(`appId`, `groupName` 4–32 chars, unique per app)',
    field: 'groupName',
    required: true,
    test: text('groupName', 4, 32),
    good: { groupName: 'Team' },
    bad: { groupName: 'A' },
  }),
  voiceGroupIdQuery(
    R.basicSettingResp,
    '`GET {ccPrefix}/cc/seatGroup/basicSettingResp?voiceGroupId=`',
  ),
  voiceGroupIdQuery(R.sipTotal, '`GET {ccPrefix}/cc/seat/querySipTotal?voiceGroupId=`'),
  fieldRule({
    id: ruleId(R.seatQuery, 'enable.values'),
    scope: [R.seatQuery],
    source: 'itniotech.md §6.2',
    quote: 'Paged; `params`: `enable` (0 enabled, 1 disabled)',
    field: 'enable',
    in: 'params',
    test: oneOf('enable', [0, 1]),
    good: { enable: 1 },
    bad: { enable: 2 },
  }),
  fieldRule({
    id: ruleId(R.seatQuery, 'status.values'),
    scope: [R.seatQuery],
    source: 'itniotech.md §6.2',
    quote: '`status` (1 offline, 2 idle, 3 busy, 4 after-call work, 5 break)',
    field: 'status',
    in: 'params',
    test: oneOf('status', [1, 2, 3, 4, 5]),
    good: { status: 2 },
    bad: { status: 0 },
  }),
  fieldRule({
    id: ruleId(R.fileUpload, 'fileName.length'),
    scope: [R.fileUpload],
    source: 'itniotech.md §6.5',
    quote: 'Body `{ fileName, file }`: name with suffix, 5–32 chars, must be unique;',
    field: 'fileName',
    required: true,
    test: (value, body) => {
      const length = text('fileName', 5, 32)(value, body);
      if (length !== null) return length;
      return /\.[A-Za-z0-9]+$/.test(value as string)
        ? null
        : 'fileName must end with a suffix such as .mp3';
    },
    good: { fileName: 'test.mp3' },
    bad: { fileName: 'welcome' },
  }),
  fieldRule({
    id: ruleId(R.fileUpload, 'file.base64'),
    scope: [R.fileUpload],
    source: 'itniotech.md §6.5',
    quote: '`file` base64; formats mp3 / m4a / wav.',
    field: 'file',
    required: true,
    test: base64('file'),
    good: { file: 'UklGRiQAAABXQVZF' },
    bad: { file: undefined },
  }),
];

// --- records (§7) -----------------------------------------------------------------------------

// §7.1 describes ISO-8601 while its example is `yyyy-MM-dd HH:mm:ss` (§9.9): both pass.
const ccRecordTime = (field: string, quote: string, bad: unknown): Rule =>
  fieldRule({
    id: ruleId(R.ccRecords, `${field}.format`),
    scope: [R.ccRecords],
    source: 'itniotech.md §7.1, §9.9',
    quote,
    field,
    in: 'params',
    required: true,
    test: (value) =>
      isIsoWithOffset(value) || (typeof value === 'string' && isPlainDateTime(value))
        ? null
        : `${field} must be ISO-8601 with offset or yyyy-MM-dd HH:mm:ss, not ${show(value)}`,
    good: { [field]: '2022-01-01T00:00:00+08:00' },
    bad: { [field]: bad },
  });

// §7.2: voice record queries; the "same two-month / 31-day rule" covers recordSipQuery too.
const VOICE_RECORDS = [R.recordGroupQuery, R.recordSipQuery];
const VOICE_RECORDS_QUOTE =
  'Paged; `params.strTime`, `params.endTime` required, ISO-8601 with offset. Only the **last two months** can be queried and the window may be at most **31 days**.';

const voiceRecordTime = (field: string, bad: unknown): Rule =>
  fieldRule({
    id: ruleId(R.recordGroupQuery, `${field}.iso-offset`),
    scope: VOICE_RECORDS,
    source: 'itniotech.md §7.2',
    quote: VOICE_RECORDS_QUOTE,
    field,
    in: 'params',
    required: true,
    test: (value) =>
      isIsoWithOffset(value)
        ? null
        : `${field} must be ISO-8601 with an offset (e.g. 2022-02-18T00:00:00+08:00), not ${show(value)}`,
    good: { [field]: '2026-01-05T00:00:00+08:00' },
    bad: { [field]: bad },
  });

const recordRules: Rule[] = [
  ccRecordTime(
    'startTime',
    '| `startTime` | String | yes | described as ISO-8601 (`2022-01-01T00:00:00+08:00`); the example sends `2025-01-08 00:00:00` |',
    '2025-01-08',
  ),
  ccRecordTime('endTime', '| `endTime` | String | yes | same |', undefined),
  fieldRule({
    id: ruleId(R.ccRecords, 'callType.values'),
    scope: [R.ccRecords],
    source: 'itniotech.md §7.1',
    quote: '| `callType` | List<Integer> | no | 1 group call to agent, 2 inbound, 3 outbound |',
    field: 'callType',
    in: 'params',
    test: intList('callType', [1, 2, 3]),
    good: { callType: [1, 3] },
    bad: { callType: [0] },
  }),
  fieldRule({
    id: ruleId(R.ccRecords, 'hangupReason.values'),
    scope: [R.ccRecords],
    source: 'itniotech.md §7.1',
    quote:
      '| `hangupReason` | List<Integer> | no | 0 outbound not answered, 1 outbound hung up, 2 transfer rang then hung up, 3 hung up after successful transfer, 4 call failed, 5 callee operator no service, 6 callee out of service area, 7 callee busy, 8 inbound not answered, 9 inbound hung up |',
    field: 'hangupReason',
    in: 'params',
    test: intList('hangupReason', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
    good: { hangupReason: [0, 9] },
    bad: { hangupReason: [10] },
  }),
  fieldRule({
    id: ruleId(R.ccRecords, 'hangingDirection.values'),
    scope: [R.ccRecords],
    source: 'itniotech.md §7.1',
    quote:
      '| `hangingDirection` | List<Integer> | no | 0 customer hung up, 1 agent hung up, 3 none |',
    field: 'hangingDirection',
    in: 'params',
    test: intList('hangingDirection', [0, 1, 3]),
    good: { hangingDirection: [3] },
    bad: { hangingDirection: [2] },
  }),
  voiceRecordTime('strTime', '2026-01-05 00:00:00'),
  voiceRecordTime('endTime', undefined),
  {
    // "Last two months" depends on the current date, which a pure request rule cannot know;
    // only the 31-day window is checked here.
    id: ruleId(R.recordGroupQuery, 'window.max-31-days'),
    scope: VOICE_RECORDS,
    source: 'itniotech.md §7.2',
    quote: VOICE_RECORDS_QUOTE,
    check: (request) => {
      const params = paramsOf(request);
      const from = params['strTime'];
      const to = params['endTime'];
      if (!isIsoWithOffset(from) || !isIsoWithOffset(to)) return null;
      const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
      return days > 31 ? `the window is ${days.toFixed(1)} days; at most 31` : null;
    },
    examples: {
      good: example(
        R.recordGroupQuery,
        { strTime: '2026-01-01T00:00:00+08:00', endTime: '2026-02-01T00:00:00+08:00' },
        'params',
      ),
      bad: example(
        R.recordGroupQuery,
        { strTime: '2026-01-01T00:00:00+08:00', endTime: '2026-02-01T00:00:01+08:00' },
        'params',
      ),
    },
  },
];

/** Every ITNIO / ONBUKA strict rule. */
export const ITNIOTECH_RULES: readonly StrictRule<ItniotechStrictRequest>[] = [
  ...transportRules,
  ...pagingRules,
  ...uploadRules,
  ...submitTaskRules,
  ...resendTaskRules,
  ...ccQueryRules,
  ...ccEditRules,
  ...sendRules,
  ...sendNumberRules,
  ...updateResendRules,
  ...resendAiRules,
  ...groupQueryRules,
  ...agentRules,
  ...recallRules,
  ...pickerRules,
  ...recordRules,
];
