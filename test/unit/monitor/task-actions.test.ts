import { describe, expect, it } from 'vitest';
import type { BoardRow } from '../../../shared/domain/board';
import { resendSettings, runTaskAction } from '../../../main/services/monitor/task-actions';
import type { TaskCapabilities, TaskDetail, Vendor } from '../../../main/services/vendors/vendor';
import { AppError } from '../../../main/services/errors';

const detail = (fields: Record<string, string | number | null>): TaskDetail => ({
  summary: {
    id: '1',
    accountId: 'a',
    vendor: 'itniotech',
    kind: 'voice-group',
    name: 'x',
    state: 'completed',
    vendorStatus: { code: '3', label: 'done' },
    counts: { total: 1, called: 1, success: 0, failed: 1, transferred: 0 },
    createdAt: null,
    finishedAt: null,
  },
  groups: [
    { group: 'progress', fields: [{ key: 'numCnt', value: 40 }] },
    {
      group: 'settings',
      fields: Object.entries(fields).map(([key, value]) => ({ key, value })),
    },
  ],
});

describe('task actions', () => {
  it('repeats only the resendable settings of the original task, with the new name', () => {
    const settings = resendSettings(
      'voice-group',
      detail({ appId: 'app', source: 3, text: 'Hi', lan: 'EN', jobId: '9', voiceFileId: null }),
      'Again',
    );
    expect(settings).toEqual({ appId: 'app', source: 3, text: 'Hi', lan: 'EN', taskName: 'Again' });
    expect(
      resendSettings('cc-preview', detail({ voiceGroupId: '[1000006]', calloutRate: 2 }), 'R'),
    ).toEqual({ voiceGroupId: [1000006], calloutRate: 2, remark: 'R' });
  });

  it('refuses an action the vendor does not offer, without calling it', async () => {
    const calls: string[] = [];
    const none: TaskCapabilities = {
      resend: false,
      pause: false,
      resume: false,
      cancel: true,
      edit: false,
      appendNumbers: false,
      numberResults: false,
      searchContent: false,
    };
    const vendor = {
      capabilities: () => none,
      pause: async () => {
        calls.push('pause');
      },
      cancel: async () => {
        calls.push('cancel');
      },
    } as unknown as Vendor;
    const row = { kd: 'voice-group', t: '7' } as BoardRow;
    await expect(runTaskAction(vendor, row, { action: 'pause', key: 'k' }, {})).rejects.toSatisfy(
      (error) =>
        error instanceof AppError &&
        error.code === 'VENDOR_REJECTED' &&
        /cannot be paused/.test(error.text.en),
    );
    expect(calls).toEqual([]);
    await expect(runTaskAction(vendor, row, { action: 'cancel', key: 'k' }, {})).resolves.toEqual({
      action: 'cancel',
      newTaskId: null,
    });
    expect(calls).toEqual(['cancel']);
  });
});
