import type { PreflightLimits, YccallSplit } from '../../../shared/domain/preflight';
import type { TaskKind } from '../../../shared/domain/task';
import { ITNIO_MAX_NUMBERS, isItniotechKind } from '../vendors/itniotech/rules';
import { vendorOfKind } from '../vendors/vendor-of-kind';
import { MAX_NUMBERS_PER_CALL } from '../vendors/yccall/rules';

// The per-request limits the pre-flight shows, from the vendor modules' rules files.

export { vendorOfKind } from '../vendors/vendor-of-kind';

const fmt = (n: number) => n.toLocaleString('en');

/**
 * How a Yccall list of `numbers` goes out: one TaskCreat of up to 10,000, then TaskAdd calls of
 * up to 10,000 each (yccall.md §4.1, §4.2; the same split as yccall/chunked-create.ts).
 */
export function yccallSplit(numbers: number, chunk: number = MAX_NUMBERS_PER_CALL): YccallSplit {
  if (numbers <= 0) {
    return {
      requests: 0,
      parts: [],
      text: { en: 'No numbers to send.', 'zh-CN': '没有要发送的号码。' },
    };
  }
  const requests = Math.ceil(numbers / chunk);
  const first = Math.min(numbers, chunk);
  const adds = requests - 1;
  const last = numbers - chunk * (requests - 1);
  const parts: YccallSplit['parts'][number][] = [
    { service: 'TaskCreat', calls: 1, numbersPerCall: first },
  ];
  if (adds > 0 && last === chunk) {
    parts.push({ service: 'TaskAdd', calls: adds, numbersPerCall: chunk });
  } else if (adds > 0) {
    if (adds > 1) parts.push({ service: 'TaskAdd', calls: adds - 1, numbersPerCall: chunk });
    parts.push({ service: 'TaskAdd', calls: 1, numbersPerCall: last });
  }
  const adding = parts.filter((p) => p.service === 'TaskAdd');
  const addsEn = adding
    .map((p) => `${fmt(p.calls)} of ${fmt(p.numbersPerCall)} numbers`)
    .join(' and ');
  const addsZh = adding.map((p) => `${p.calls} 次各 ${p.numbersPerCall} 个`).join('、');
  // In words: the vendor's service names (TaskCreat, TaskAdd) stay in the code and the log.
  const text =
    adds === 0
      ? {
          en: `${fmt(numbers)} numbers go out in one request that creates the task (at most ${fmt(chunk)} per request).`,
          'zh-CN': `${numbers} 个号码在创建任务的一次请求中发送（每次最多 ${chunk} 个）。`,
        }
      : {
          en: `${fmt(numbers)} numbers go out in ${fmt(requests)} requests: the first creates the task with ${fmt(first)}, then ${fmt(adds)} more add the rest (${addsEn}).`,
          'zh-CN': `${numbers} 个号码分 ${requests} 次发送：第一次创建任务并发送 ${first} 个，之后 ${adds} 次追加其余号码（${addsZh}）。`,
        };
  return { requests, parts, text };
}

/** The per-request limit of the kind's vendor, applied to a list of `numbers`. */
export function vendorLimits(kind: TaskKind, numbers: number): PreflightLimits {
  const vendor = vendorOfKind(kind);
  if (!isItniotechKind(kind)) {
    const split = yccallSplit(numbers);
    return {
      vendor,
      numbers,
      maxPerRequest: MAX_NUMBERS_PER_CALL,
      withinLimit: true,
      split,
      text: {
        // The split itself is said once, by `split.text`.
        en: `Yccall takes at most ${fmt(MAX_NUMBERS_PER_CALL)} numbers per request, when the task is created and each time numbers are added; larger lists are sent in parts.`,
        'zh-CN': `Yccall 每次请求（创建任务或追加号码）最多 ${MAX_NUMBERS_PER_CALL} 个号码；更大的名单分批发送。`,
      },
    };
  }
  const max = ITNIO_MAX_NUMBERS[kind];
  const what =
    kind === 'cc-preview'
      ? { en: 'one call-center task upload', zh: '单个呼叫中心任务上传' }
      : kind === 'ai-agent-group'
        ? { en: 'one AI-agent group-call task', zh: '单个 AI 坐席群呼任务' }
        : { en: 'one voice group-call task', zh: '单个语音群呼任务' };
  const withinLimit = numbers <= max;
  return {
    vendor,
    numbers,
    maxPerRequest: max,
    withinLimit,
    split: null,
    text: withinLimit
      ? {
          en: `ITNIO takes at most ${fmt(max)} numbers in ${what.en}; this list has ${fmt(numbers)}.`,
          'zh-CN': `ITNIO ${what.zh}最多 ${max} 个号码；此名单有 ${numbers} 个。`,
        }
      : {
          en: `ITNIO takes at most ${fmt(max)} numbers in ${what.en}; this list has ${fmt(numbers)}, ${fmt(numbers - max)} too many. Split the list into ${fmt(Math.ceil(numbers / max))} campaigns.`,
          'zh-CN': `ITNIO ${what.zh}最多 ${max} 个号码；此名单有 ${numbers} 个，超出 ${numbers - max} 个。请将名单拆分为 ${Math.ceil(numbers / max)} 个活动。`,
        },
  };
}
