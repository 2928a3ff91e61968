/** Text in both of the app's languages. */
export interface AuditText {
  readonly en: string;
  readonly 'zh-CN': string;
}

/** An audit entry as the summary reads it. */
export interface SummarisedEntry {
  readonly type: string;
  readonly payload: unknown;
}

type Fields = Readonly<Record<string, unknown>>;

function fieldsOf(value: unknown): Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Local `HH:MM` (this computer's zone, as the outbox shows its next try). */
export function localTime(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The reason of a failure entry, in both languages (older entries kept English only). */
function reasonOf(payload: Fields): AuditText {
  const error = fieldsOf(payload['error']);
  const text = fieldsOf(error['text']);
  const en = textOf(text['en']) ?? textOf(error['message']) ?? '';
  return { en, 'zh-CN': textOf(text['zh-CN']) ?? en };
}

function both(en: string, zh: string): AuditText {
  return { en, 'zh-CN': zh };
}

/**
 * A readable one-line summary of an audit entry, for the audit view (the JSON stays under
 * "details"). Unknown types and fields fall back to plain words, never to the JSON.
 */
export function summariseAuditEntry(
  entry: SummarisedEntry,
  formatTime: (ms: number) => string = localTime,
): AuditText {
  const p = fieldsOf(entry.payload);
  switch (entry.type) {
    case 'submission.queued': {
      const sent = numberOf(fieldsOf(p['counts'])['sent']);
      return sent === null
        ? both('Queued in the outbox', '已加入发件箱')
        : both(`Queued in the outbox: ${sent} numbers`, `已加入发件箱：${sent} 个号码`);
    }
    case 'submission.failed': {
      const reason = reasonOf(p);
      if (p['outcome'] === 'refused') {
        return both(
          `Stopped, needs you: ${reason.en}`.trim(),
          `已停止，需要处理：${reason['zh-CN']}`.trim(),
        );
      }
      const tries = numberOf(p['try']);
      const next = numberOf(p['nextAttemptAt']);
      const en = tries === null ? 'A try failed' : `Try ${tries} failed`;
      const zh = tries === null ? '一次尝试失败' : `第 ${tries} 次尝试失败`;
      const nextEn = next === null ? '' : `; next try at ${formatTime(next)}`;
      const nextZh = next === null ? '' : `；下次尝试 ${formatTime(next)}`;
      return both(`${en}: ${reason.en}${nextEn}`, `${zh}：${reason['zh-CN']}${nextZh}`);
    }
    case 'submission.request': {
      const status = numberOf(p['status']);
      const target = textOf(p['target']) ?? '';
      return status === null
        ? both(
            `Request to ${target}: no answer (${textOf(p['failure']) ?? '—'})`,
            `请求 ${target}：无应答（${textOf(p['failure']) ?? '—'}）`,
          )
        : both(`Request to ${target}: answered ${status}`, `请求 ${target}：应答 ${status}`);
    }
    case 'submission.reconciled':
      return both(
        'Checked at the vendor what arrived before sending again',
        '再次发送前，已向服务商核对已送达的内容',
      );
    case 'submission.chunk': {
      const chunk = numberOf(p['chunk']);
      const chunks = numberOf(p['chunks']);
      return both(
        `Part ${chunk ?? '?'} of ${chunks ?? '?'} recorded before sending`,
        `发送前已记录第 ${chunk ?? '?'} 部分，共 ${chunks ?? '?'} 部分`,
      );
    }
    case 'submission.created': {
      const taskId = textOf(p['taskId']);
      return taskId === null
        ? both('The vendor accepted the task', '服务商已接受任务')
        : both(`The vendor accepted the task (${taskId})`, `服务商已接受任务（${taskId}）`);
    }
    case 'submission.readBack': {
      const held = numberOf(p['held']);
      const expected = numberOf(p['expected']);
      return both(
        `Read back: the task holds ${held ?? '—'} of ${expected ?? '—'} numbers`,
        `回读：任务中有 ${held ?? '—'} / ${expected ?? '—'} 个号码`,
      );
    }
    case 'submission.done': {
      const numbers = numberOf(p['numbers']);
      return both(
        `Created: the vendor holds every number sent${numbers === null ? '' : ` (${numbers})`}`,
        `已创建：服务商已接收全部号码${numbers === null ? '' : `（${numbers} 个）`}`,
      );
    }
    case 'submission.cancelled':
      return both('Withdrawn before anything was sent', '已在发送前撤回');
    case 'submission.attempt':
    case 'submission.response':
      return both('Sending step recorded', '已记录发送步骤');
    case 'compliance.checked': {
      const excluded = fieldsOf(p['excluded']);
      const dnc = numberOf(excluded['dnc']) ?? 0;
      const recent = numberOf(excluded['recentCall']) ?? 0;
      const include = p['includeRecentCalls'] === true;
      return both(
        `Compliance check: ${dnc} on a do-not-call list, ${recent} called recently${include ? ' (included anyway)' : ''}; DNC version ${String(numberOf(p['dncVersion']) ?? '?')}, history version ${String(numberOf(p['historyVersion']) ?? '?')}`,
        `合规检查：禁呼名单 ${dnc} 个，近期已呼叫 ${recent} 个${include ? '（仍然呼叫）' : ''}；禁呼名单版本 ${String(numberOf(p['dncVersion']) ?? '?')}，呼叫历史版本 ${String(numberOf(p['historyVersion']) ?? '?')}`,
      );
    }
    case 'compliance.excluded': {
      const count = Array.isArray(p['numbers']) ? p['numbers'].length : 0;
      const dnc = p['rule'] === 'dnc';
      const included = p['included'] === true;
      return dnc
        ? both(
            `${count} numbers excluded: on a do-not-call list${p['stage'] === 'submit' ? ' (found just before sending)' : ''}`,
            `排除 ${count} 个号码：在禁呼名单上${p['stage'] === 'submit' ? '（发送前复查发现）' : ''}`,
          )
        : included
          ? both(
              `${count} recently called numbers included anyway (the manager's choice)`,
              `${count} 个近期已呼叫号码仍然呼叫（经理的选择）`,
            )
          : both(`${count} numbers excluded: called recently`, `排除 ${count} 个号码：近期已呼叫`);
    }
    default:
      return both('Entry recorded', '已记录');
  }
}
