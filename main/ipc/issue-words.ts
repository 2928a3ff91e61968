import type { z } from 'zod';
import type { Locale, LocalizedText } from '../../shared/domain/locale';

// A refused request is answered in the app's own words, in the user's language: which field, and
// what is wrong with it ("Calling rate must be between 1 and 100."). zod's own wording ("Too big:
// expected number to be <=100") never reaches a person; neither does a channel name.

/** The words for a request field, by its key in the contract's schemas. */
const FIELD_WORDS: Readonly<Record<string, LocalizedText>> = {
  account: { en: 'the account', 'zh-CN': '账户' },
  accountId: { en: 'the account', 'zh-CN': '账户' },
  action: { en: 'the action', 'zh-CN': '操作' },
  afterCalls: { en: 'the number of calls before an alert', 'zh-CN': '提醒前的拨打次数' },
  allowSendTime: { en: 'the calling windows', 'zh-CN': '拨打时段' },
  allowUnencrypted: { en: 'the unencrypted-connection choice', 'zh-CN': '未加密连接选项' },
  answerRate: { en: 'the answer rate', 'zh-CN': '接通率' },
  apiKey: { en: 'the API key', 'zh-CN': 'API Key' },
  appId: { en: 'the application', 'zh-CN': '应用' },
  appid: { en: 'the appid', 'zh-CN': 'appid' },
  averageCallSeconds: { en: 'the average call length', 'zh-CN': '平均通话时长' },
  backupId: { en: 'the backup', 'zh-CN': '备份' },
  baseUrl: { en: 'the server address', 'zh-CN': '服务器地址' },
  beforeSeq: { en: 'the position in the audit trail', 'zh-CN': '审计记录位置' },
  billingIncrementSeconds: { en: 'the billing increment', 'zh-CN': '计费单位' },
  brand: { en: 'the brand', 'zh-CN': '品牌' },
  callingWindow: { en: 'the calling window', 'zh-CN': '拨打时段' },
  calloutRate: { en: 'calling rate', 'zh-CN': '呼叫速率' },
  changes: { en: 'the changes', 'zh-CN': '更改内容' },
  column: { en: 'the column', 'zh-CN': '列' },
  columns: { en: 'the columns', 'zh-CN': '列' },
  compliance: { en: 'the compliance choices', 'zh-CN': '合规选项' },
  concurrency: { en: 'the simultaneous calls', 'zh-CN': '并发呼叫数' },
  connection: { en: 'the connection settings', 'zh-CN': '连接设置' },
  countryCode: { en: 'the country code', 'zh-CN': '国家代码' },
  currency: { en: 'the currency', 'zh-CN': '币种' },
  defaultCountry: { en: 'the default country', 'zh-CN': '默认国家' },
  defaults: { en: 'the account defaults', 'zh-CN': '账户默认值' },
  deleted: { en: 'the deleted-items choice', 'zh-CN': '已删除项选项' },
  dialing: { en: 'the dialling settings', 'zh-CN': '拨号设置' },
  direction: { en: 'the sort direction', 'zh-CN': '排序方向' },
  displayNumber: { en: 'the display number', 'zh-CN': '外显号码' },
  draftId: { en: 'the draft', 'zh-CN': '草稿' },
  enableRecording: { en: 'the recording choice', 'zh-CN': '录音选项' },
  encoding: { en: 'the text encoding', 'zh-CN': '文本编码' },
  end: { en: 'the end', 'zh-CN': '结束时间' },
  endTime: { en: 'the end of the calling window', 'zh-CN': '拨打时段的结束时间' },
  fileId: { en: 'the file', 'zh-CN': '文件' },
  filter: { en: 'the filter', 'zh-CN': '筛选条件' },
  format: { en: 'the file format', 'zh-CN': '文件格式' },
  global: { en: 'the setting for all accounts', 'zh-CN': '所有账户的设置' },
  headerRow: { en: 'the header row', 'zh-CN': '表头行' },
  headers: { en: 'the column headers', 'zh-CN': '表头' },
  homeCountry: { en: 'the home country', 'zh-CN': '本国' },
  host: { en: 'the proxy host', 'zh-CN': '代理主机' },
  id: { en: 'the item', 'zh-CN': '项目' },
  ids: { en: 'the items', 'zh-CN': '项目' },
  includeRecentCalls: { en: 'the recent-calls choice', 'zh-CN': '近期呼叫选项' },
  internationalPrefix: { en: 'the international prefix', 'zh-CN': '国际冠码' },
  jobId: { en: 'the import', 'zh-CN': '导入任务' },
  key: { en: 'the task', 'zh-CN': '任务' },
  keys: { en: 'the tasks', 'zh-CN': '任务' },
  kind: { en: 'the kind of task', 'zh-CN': '任务类型' },
  language: { en: 'the language', 'zh-CN': '语言' },
  limit: { en: 'the number of items', 'zh-CN': '条目数' },
  listId: { en: 'the list', 'zh-CN': '名单' },
  manual: { en: 'the proxy settings', 'zh-CN': '代理设置' },
  mapping: { en: 'the column mapping', 'zh-CN': '列映射' },
  maxRingingTime: { en: 'the ringing time', 'zh-CN': '振铃时长' },
  mode: { en: 'the mode', 'zh-CN': '模式' },
  name: { en: 'the name', 'zh-CN': '名称' },
  noAnswerSeconds: { en: 'the ringing time of unanswered calls', 'zh-CN': '未接通呼叫的振铃时长' },
  notes: { en: 'the notes', 'zh-CN': '备注' },
  offset: { en: 'the position', 'zh-CN': '位置' },
  options: { en: 'the options', 'zh-CN': '选项' },
  outcome: { en: 'the outcome', 'zh-CN': '结果' },
  outcomes: { en: 'the outcomes', 'zh-CN': '结果' },
  page: { en: 'the page', 'zh-CN': '页码' },
  pageSize: { en: 'the page size', 'zh-CN': '每页条数' },
  password: { en: 'the password', 'zh-CN': '密码' },
  patch: { en: 'the changes', 'zh-CN': '更改内容' },
  phone: { en: 'the phone number', 'zh-CN': '电话号码' },
  port: { en: 'the port', 'zh-CN': '端口' },
  preferences: { en: 'the preferences', 'zh-CN': '偏好设置' },
  query: { en: 'the search', 'zh-CN': '搜索内容' },
  queue: { en: 'the queue', 'zh-CN': '队列' },
  ratePerMinute: { en: 'the price per minute', 'zh-CN': '每分钟费率' },
  recentCallDays: { en: 'the days of recent calls', 'zh-CN': '近期呼叫天数' },
  revision: { en: 'the revision', 'zh-CN': '版本' },
  rule: { en: 'the rule', 'zh-CN': '规则' },
  schedule: { en: 'the schedule', 'zh-CN': '计划' },
  scope: { en: 'which numbers', 'zh-CN': '号码范围' },
  scriptId: { en: 'the AI script id', 'zh-CN': 'AI 话术 ID' },
  search: { en: 'the search', 'zh-CN': '搜索内容' },
  secret: { en: 'the secret', 'zh-CN': '密钥' },
  sendAt: { en: 'the send time', 'zh-CN': '发送时间' },
  serverUrl: { en: 'the server address', 'zh-CN': '服务器地址' },
  serverUtcOffsetMinutes: { en: 'the server time zone', 'zh-CN': '服务器时区' },
  settings: { en: 'the settings', 'zh-CN': '设置' },
  sheet: { en: 'the sheet', 'zh-CN': '工作表' },
  sort: { en: 'the sort order', 'zh-CN': '排序' },
  splitByZone: { en: 'the split by time zone', 'zh-CN': '按时区拆分' },
  start: { en: 'the start', 'zh-CN': '开始时间' },
  strTime: { en: 'the start of the calling window', 'zh-CN': '拨打时段的开始时间' },
  successRateBelow: { en: 'the success-rate threshold', 'zh-CN': '成功率阈值' },
  suggestedPath: { en: 'the file name', 'zh-CN': '文件名' },
  text: { en: 'the text', 'zh-CN': '文本' },
  theme: { en: 'the theme', 'zh-CN': '主题' },
  threshold: { en: 'the threshold', 'zh-CN': '阈值' },
  timeZone: { en: 'the time zone', 'zh-CN': '时区' },
  url: { en: 'the link', 'zh-CN': '链接' },
  username: { en: 'the user name', 'zh-CN': '用户名' },
  variables: { en: 'the variables', 'zh-CN': '变量' },
  vendor: { en: 'the vendor', 'zh-CN': '服务商' },
  visible: { en: 'the visible columns', 'zh-CN': '显示的列' },
  windows: { en: 'the calling windows', 'zh-CN': '拨打时段' },
  zoneChoices: { en: 'the time-zone choices', 'zh-CN': '时区选择' },
};

/** Fields whose English words are plural ("The calling windows are missing."). */
const PLURAL = new Set(
  Object.entries(FIELD_WORDS)
    .filter(([, words]) =>
      / (choices|windows|settings|changes|columns|defaults|items|tasks|outcomes|options|preferences|headers|variables|calls)$/.test(
        words.en,
      ),
    )
    .map(([key]) => key),
);

/** English verbs agreeing with a plural field. */
function agreed(words: string, plural: boolean): string {
  if (!plural) return words;
  return words
    .replace(/^is /, 'are ')
    .replace(/^has /, 'have ')
    .replace(/^needs /, 'need ');
}

/** What the request (or a part of it) was expected to be, by zod's type name. */
const EXPECTED_WORDS: Readonly<Record<string, LocalizedText>> = {
  object: { en: 'a group of fields', 'zh-CN': '一组字段' },
  string: { en: 'text', 'zh-CN': '文本' },
  number: { en: 'a number', 'zh-CN': '数字' },
  int: { en: 'a whole number', 'zh-CN': '整数' },
  boolean: { en: 'yes or no', 'zh-CN': '是或否' },
  array: { en: 'a list', 'zh-CN': '列表' },
  null: { en: 'empty', 'zh-CN': '空' },
};

/** The largest bound that is a real rule rather than "any safe integer". */
const MEANINGFUL_BOUND = 1e15;

type Schema = z.core.$ZodType;
interface Def {
  readonly type: string;
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly element?: Schema;
  readonly valueType?: Schema;
  readonly items?: readonly Schema[];
  readonly options?: readonly Schema[];
  readonly discriminator?: string;
  readonly left?: Schema;
  readonly right?: Schema;
  readonly getter?: () => Schema;
}

const defOf = (schema: Schema): Def => schema._zod.def as unknown as Def;

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'catch',
  'nonoptional',
  'success',
]);

function unwrap(schema: Schema): Schema {
  let current = schema;
  // Bounded: a schema is never wrapped more deeply than this.
  for (let step = 0; step < 32; step += 1) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else return current;
  }
  return current;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether an object option of a discriminated union takes this input's discriminator. */
function optionTakes(option: Schema, discriminator: string, input: unknown): boolean {
  const shape = defOf(unwrap(option)).shape;
  const field = shape?.[discriminator];
  if (!field || !isRecord(input)) return false;
  const values = (unwrap(field)._zod as { values?: ReadonlySet<unknown> }).values;
  return values?.has(input[discriminator]) ?? false;
}

/** The option of a union that the input is meant for (by discriminator, else by field). */
function unionOption(def: Def, input: unknown, key: PropertyKey | undefined): Schema | null {
  const options = def.options ?? [];
  if (def.discriminator !== undefined) {
    const discriminator = def.discriminator;
    return options.find((option) => optionTakes(option, discriminator, input)) ?? null;
  }
  if (key === undefined) return null;
  return options.find((option) => defOf(unwrap(option)).shape?.[String(key)] !== undefined) ?? null;
}

/** The schema that checks the value at `path` of `input`, or null when it cannot be told. */
function schemaAt(root: Schema, path: readonly PropertyKey[], input: unknown): Schema | null {
  let schema: Schema | null = root;
  let value = input;
  for (let index = 0; index <= path.length && schema !== null; index += 1) {
    const key = path[index];
    schema = unwrap(schema);
    const def = defOf(schema);
    if (def.type === 'union') {
      schema = unionOption(def, value, key);
      index -= 1;
      continue;
    }
    if (index === path.length || key === undefined) return schema;
    if (def.type === 'object') schema = def.shape?.[String(key)] ?? null;
    else if (def.type === 'array') schema = def.element ?? null;
    else if (def.type === 'record') schema = def.valueType ?? null;
    else if (def.type === 'tuple') schema = def.items?.[Number(key)] ?? null;
    else if (def.type === 'intersection') {
      const left = def.left ? schemaAt(def.left, path.slice(index), value) : null;
      return left ?? (def.right ? schemaAt(def.right, path.slice(index), value) : null);
    } else return null;
    value = isRecord(value) || Array.isArray(value) ? (value as never)[key as never] : undefined;
  }
  return schema;
}

/** The inclusive range a number schema allows, where it sets one. */
function numberRange(schema: Schema | null): { min: number | null; max: number | null } {
  if (schema === null) return { min: null, max: null };
  const bounds = schema as { minValue?: unknown; maxValue?: unknown };
  const meaningful = (value: unknown): number | null =>
    typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < MEANINGFUL_BOUND
      ? value
      : null;
  return { min: meaningful(bounds.minValue), max: meaningful(bounds.maxValue) };
}

/** The words for the field at `path`: its own name, and which item of a list it is in. */
function fieldWords(path: readonly PropertyKey[], locale: Locale): string {
  const named = [...path].reverse().find((part) => typeof part === 'string');
  const items = path.filter((part): part is number => typeof part === 'number');
  const base =
    named === undefined
      ? locale === 'zh-CN'
        ? '请求'
        : 'the request'
      : (FIELD_WORDS[named]?.[locale] ??
        (locale === 'zh-CN' ? `字段“${named.slice(0, 40)}”` : `the field “${named.slice(0, 40)}”`));
  if (items.length === 0) return base;
  const item = (items.at(-1) ?? 0) + 1;
  return locale === 'zh-CN' ? `${base}（第 ${item} 项）` : `${base} (item ${item})`;
}

const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

type Words = { readonly en: string; readonly zh: string };

function sizeWords(
  issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall,
  range: { min: number | null; max: number | null },
): Words {
  const big = issue.code === 'too_big';
  const bound = Number(big ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'number':
    case 'int':
    case 'bigint': {
      if (range.min !== null && range.max !== null) {
        return {
          en: `must be between ${range.min} and ${range.max}`,
          zh: `必须在 ${range.min} 到 ${range.max} 之间`,
        };
      }
      if (big) {
        return inclusive
          ? { en: `must be at most ${bound}`, zh: `不能大于 ${bound}` }
          : { en: `must be less than ${bound}`, zh: `必须小于 ${bound}` };
      }
      return inclusive
        ? { en: `must be at least ${bound}`, zh: `不能小于 ${bound}` }
        : { en: `must be more than ${bound}`, zh: `必须大于 ${bound}` };
    }
    case 'string':
      if (big) return { en: `may have at most ${bound} characters`, zh: `最多 ${bound} 个字符` };
      return bound <= 1
        ? { en: 'may not be empty', zh: '不能为空' }
        : { en: `needs at least ${bound} characters`, zh: `至少需要 ${bound} 个字符` };
    case 'array':
    case 'set':
      if (big) return { en: `may have at most ${bound} items`, zh: `最多 ${bound} 项` };
      return bound <= 1
        ? { en: 'needs at least one item', zh: '至少需要一项' }
        : { en: `needs at least ${bound} items`, zh: `至少需要 ${bound} 项` };
    default:
      return big ? { en: 'is too large', zh: '过大' } : { en: 'is too small', zh: '过小' };
  }
}

/** zod's default words, which a custom check left in place of its own message. */
const LIBRARY_TEXT = /^(Invalid input|Too (big|small)|Invalid |Expected |Unrecognized key)/;

function issueWords(issue: z.core.$ZodIssue, root: Schema, input: unknown): Words {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_WORDS[issue.expected] ?? {
        en: 'of another kind',
        'zh-CN': '其他类型',
      };
      if (issue.input === undefined) return { en: 'is missing', zh: '缺失' };
      return { en: `must be ${expected.en}`, zh: `必须是${expected['zh-CN']}` };
    }
    case 'too_big':
    case 'too_small':
      return sizeWords(issue, numberRange(schemaAt(root, issue.path, input)));
    case 'invalid_format':
      return issue.format === 'url'
        ? { en: 'must be a web address', zh: '必须是网址' }
        : { en: 'is not in the right form', zh: '格式不正确' };
    case 'not_multiple_of':
      return {
        en: `must be a multiple of ${String(issue.divisor)}`,
        zh: `必须是 ${String(issue.divisor)} 的倍数`,
      };
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 5).map((key) => `“${key.slice(0, 40)}”`);
      return {
        en: `has fields the app does not accept: ${keys.join(', ')}`,
        zh: `包含应用不接受的字段：${keys.join('、')}`,
      };
    }
    case 'invalid_value':
      return { en: 'is not one of the choices the app offers', zh: '不是应用提供的选项之一' };
    case 'invalid_union':
      return { en: 'is not one of the kinds the app accepts', zh: '不是应用接受的类型之一' };
    case 'invalid_key':
    case 'invalid_element':
      return { en: 'has an entry that is not valid', zh: '包含无效的条目' };
    case 'custom':
      // A refinement's message is the app's own English; in Chinese, and where a check left
      // zod's default in place, the field is named without it.
      return {
        en: LIBRARY_TEXT.test(issue.message) ? 'is not valid' : lowerFirst(issue.message),
        zh: '无效',
      };
    default:
      return { en: 'is not valid', zh: '无效' };
  }
}

function lowerFirst(message: string): string {
  const text = message.trim().replace(/\.$/, '');
  return `is not valid: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** One issue as a sentence in the user's language. */
function sentence(issue: z.core.$ZodIssue, root: Schema, input: unknown, locale: Locale): string {
  const field = fieldWords(issue.path, locale);
  const words = issueWords(issue, root, input);
  if (locale === 'zh-CN') return `${field}${words.zh}。`;
  const named = [...issue.path].reverse().find((part) => typeof part === 'string');
  const plural =
    typeof named === 'string' &&
    PLURAL.has(named) &&
    !issue.path.some((part) => typeof part === 'number');
  return `${capitalized(field)} ${agreed(words.en, plural)}.`;
}

/** How many problems one answer names; the rest are counted. */
const MAX_ISSUES_SHOWN = 3;

/**
 * What is wrong with a refused request, in the user's language: each problem names its field
 * and the rule it breaks, then says that nothing changed.
 */
export function invalidRequestText(
  schema: Schema,
  input: unknown,
  error: z.ZodError,
  locale: Locale,
): string {
  const shown = error.issues
    .slice(0, MAX_ISSUES_SHOWN)
    .map((issue) => sentence(issue, schema, input, locale));
  // The same sentence twice (two checks of one field) is said once.
  const unique = [...new Set(shown)];
  const more = error.issues.length - MAX_ISSUES_SHOWN;
  if (locale === 'zh-CN') {
    return `${unique.join('')}${more > 0 ? `另有 ${more} 处问题。` : ''}未做任何更改。`;
  }
  return `${unique.join(' ')}${more > 0 ? ` And ${more} more problems.` : ''} Nothing was changed.`;
}
