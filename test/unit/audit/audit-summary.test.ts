import { describe, expect, it } from 'vitest';
import { summariseAuditEntry } from '../../../main/services/audit/audit-summary';

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

describe('the audit summary', () => {
  it('says which try failed, why, and when the next one is, in both languages', () => {
    const summary = summariseAuditEntry(
      {
        type: 'submission.failed',
        payload: {
          outcome: 'not-sent',
          try: 3,
          error: {
            code: 'NETWORK',
            message: 'The vendor could not be reached.',
            text: { en: 'The vendor could not be reached.', 'zh-CN': '无法连接服务商。' },
          },
          nextAttemptAt: Date.UTC(2026, 0, 5, 10, 42),
        },
      },
      hhmm,
    );
    expect(summary.en).toBe('Try 3 failed: The vendor could not be reached.; next try at 10:42');
    expect(summary['zh-CN']).toBe('第 3 次尝试失败：无法连接服务商。；下次尝试 10:42');
  });

  it('says a refusal needs a person, and never shows the JSON', () => {
    const summary = summariseAuditEntry({
      type: 'submission.failed',
      payload: { outcome: 'refused', error: { code: 'VENDOR_AUTH', message: 'Key refused.' } },
    });
    expect(summary.en).toBe('Stopped, needs you: Key refused.');
    expect(summary['zh-CN']).toContain('需要处理');
    expect(`${summary.en}${summary['zh-CN']}`).not.toMatch(/[{}"]/);
  });

  it('counts the numbers of a queued and a created submission', () => {
    const queued = summariseAuditEntry({
      type: 'submission.queued',
      payload: { counts: { sent: 120 } },
    });
    expect(queued.en).toBe('Queued in the outbox: 120 numbers');
    const done = summariseAuditEntry({ type: 'submission.done', payload: { numbers: 120 } });
    expect(done['zh-CN']).toBe('已创建：服务商已接收全部号码（120 个）');
  });
});
