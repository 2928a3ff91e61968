import type { Draft, DraftProblem } from '../../../../shared/domain/draft';
import type { YccallConnection } from '../../../../shared/domain/account';
import type { TaskKind } from '../../../../shared/domain/task';
import {
  addProblem,
  intRange,
  isText,
  listLimit,
  nameUnique,
  sendAtFormat,
  kindNotOffered,
  NO_SCHEDULE,
  type Problems,
  type ScheduleFields,
  type ValidationContext,
} from '../draft-checks';
import {
  ASSIGN_TYPES,
  CALL_TIME_VARIABLE,
  DISPLAY_NUMBER,
  DISPLAY_NUMBER_DIGITS,
  MAX_DISPLAY_NUMBERS,
  SCHEDULE,
  TASK_NAME_LENGTH,
  TASK_SCALE_PART,
} from './rules';

// What the Yccall module says about a draft: the create rules of a predictive task (yccall.md
// §4.1 TaskCreat; lists over 10,000 numbers go out as TaskAdd chunks, §4.2) as problems a person
// can fix, and which of a draft's schedule it sends.

function predictive(draft: Draft, context: ValidationContext): Problems {
  const problems: Problems = [];
  const s = draft.settings;
  const { min, max } = TASK_NAME_LENGTH;
  if (draft.name.trim().length < min || draft.name.length > max)
    addProblem(
      problems,
      'name',
      'name.length',
      `Give the task a name of ${min}–${max} characters; it must be unique.`,
      `请填写 ${min}–${max} 个字符的任务名称；名称必须唯一。`,
    );
  nameUnique(problems, context);
  const assign = s['assignType'];
  if (!ASSIGN_TYPES.some((known) => known === assign)) {
    // In words only: the server's codes for them (ASSIGN_TYPE_CODES) are no choice of a person.
    addProblem(
      problems,
      'assignType',
      'assignType.enum',
      'Choose who answers: an extension, a queue or an extension group.',
      '请选择接听方：分机、队列或分机组。',
    );
  }
  if (!isText(s['assignAgent']))
    addProblem(
      problems,
      'assignAgent',
      'assignAgent.required',
      'Pick the extension, queue or group that answers.',
      '请选择接听的分机、队列或分机组。',
    );
  intRange(
    problems,
    s,
    'idleAgents',
    {
      en: 'idle agents per round of calls (the task scale)',
      zh: '每轮呼叫对应的空闲坐席数（任务比例）',
    },
    TASK_SCALE_PART,
    false,
  );
  intRange(
    problems,
    s,
    'callTimeVariable',
    { en: 'variable holding each number’s call time', zh: '存放每个号码拨打时间的变量' },
    CALL_TIME_VARIABLE,
    false,
  );
  intRange(
    problems,
    s,
    'callsPerAgent',
    {
      en: 'calls started for those idle agents (the task scale)',
      zh: '为这些空闲坐席发起的呼叫数（任务比例）',
    },
    TASK_SCALE_PART,
    false,
  );
  const numbers = s['displayNumbers'] ?? [];
  if (
    !Array.isArray(numbers) ||
    numbers.some((n) => !(typeof n === 'string' && DISPLAY_NUMBER.test(n.trim())))
  ) {
    const digits = DISPLAY_NUMBER_DIGITS;
    addProblem(
      problems,
      'displayNumbers',
      'displayNumbers.format',
      `Display numbers are digits (${digits.min}–${digits.max} each); leave the list empty for random numbers.`,
      `外显号码为数字（每个 ${digits.min}–${digits.max} 位）；留空则随机外显。`,
    );
  } else if (numbers.length > MAX_DISPLAY_NUMBERS) {
    addProblem(
      problems,
      'displayNumbers',
      'displayNumbers.max',
      `At most ${MAX_DISPLAY_NUMBERS} display numbers.`,
      `外显号码最多 ${MAX_DISPLAY_NUMBERS} 个。`,
    );
  }
  // No upper limit: lists over 10,000 go out as TaskCreat + TaskAdd chunks (see the pre-flight).
  listLimit(problems, draft, context, null, { en: 'A predictive task', zh: '预测外呼任务' });
  sendAtFormat(problems, draft);
  return problems;
}

/** Every documented Yccall rule the draft breaks (empty when it can be submitted). */
export function validateDraft(draft: Draft, context: ValidationContext): readonly DraftProblem[] {
  if (draft.kind !== 'predictive') throw kindNotOffered('Yccall', draft);
  return predictive(draft, context);
}

/**
 * What of a draft's schedule the kind sends to the Yccall server (SCHEDULE): the start as an ISO
 * instant in `scheduledTime`, which the module writes in the server's zone (mapping.ts
 * `taskCreatBaseOf`).
 */
export function scheduleOf(kind: TaskKind): ScheduleFields {
  return kind === 'predictive' ? SCHEDULE : NO_SCHEDULE;
}

/**
 * The settings a new predictive draft starts with, from the account's defaults (Accounts → Edit):
 * answered calls go to the account's default queue (yccall.md §4.1 `assigntype` 2, `assignagent`).
 */
export function defaultSettings(
  defaults: YccallConnection['defaults'],
  kind: TaskKind,
): Readonly<Record<string, unknown>> {
  if (kind !== 'predictive' || !defaults.queue) return {};
  return { assignType: 'queue', assignAgent: defaults.queue };
}
