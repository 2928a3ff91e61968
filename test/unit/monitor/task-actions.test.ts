import { describe, expect, it } from 'vitest';
import type { BoardRow } from '../../../shared/domain/board';
import {
  TaskActions,
  resendOptionsOfSettings,
  resendSettings,
  runTaskAction,
} from '../../../main/services/monitor/task-actions';
import { MemoryLogger } from '../../fakes/memory-logger';
import type { TaskCapabilities, TaskDetail, Vendor } from '../../../main/services/vendors/vendor';
import { AppError } from '../../../main/services/errors';
import { TaskActionSchema } from '../../../shared/domain/board-ui';

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
      resendScopes: [],
      resendOptions: [],
    };
    const vendor = {
      capabilities: () => none,
      pause: async () => {
        calls.push('pause');
      },
      cancel: async () => {
        calls.push('cancel');
      },
      // The follow-up query: the vendor's own word on the task after the action.
      readBack: async (_kind: string, id: string) => {
        calls.push(`readBack ${id}`);
        return { held: 40, state: 'cancelled' };
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
      after: { taskId: '7', state: 'cancelled', held: 40 },
    });
    expect(calls).toEqual(['cancel', 'readBack 7']);
  });
});

const AI_CAPS: TaskCapabilities = {
  resend: true,
  pause: false,
  resume: false,
  cancel: true,
  edit: false,
  appendNumbers: false,
  numberResults: false,
  searchContent: true,
  resendScopes: ['failed', 'all'],
  resendOptions: ['scriptId', 'allowSendTime', 'maxRingingTime', 'enableRecording'],
};
const VOICE_CAPS: TaskCapabilities = { ...AI_CAPS, resendOptions: [] };
const CC_CAPS: TaskCapabilities = {
  ...AI_CAPS,
  resendScopes: ['failed', 'not-called', 'all'],
  resendOptions: ['calloutRate'],
};

/** A vendor that records what reaches it and answers a resend with task 900. */
function recordingVendor(capabilities: TaskCapabilities, fields: Record<string, string | number>) {
  const calls: { method: string; scope?: string; settings?: Record<string, unknown> }[] = [];
  const vendor = {
    capabilities: () => capabilities,
    getTask: async () => {
      calls.push({ method: 'getTask' });
      return detail(fields);
    },
    resend: async (
      _kind: string,
      _id: string,
      scope: string,
      settings: Readonly<Record<string, unknown>>,
    ) => {
      calls.push({ method: 'resend', scope, settings: { ...settings } });
      return { taskId: '900', name: String(settings['taskName']), accepted: 0 };
    },
    readBack: async () => ({ held: 12, state: 'pending' }),
  } as unknown as Vendor;
  return { vendor, calls };
}

const aiRow = { kd: 'ai-agent-group', t: '7' } as BoardRow;
const voiceRow = { kd: 'voice-group', t: '8' } as BoardRow;
const ccRow = { kd: 'cc-preview', t: '9' } as BoardRow;

const refusal = (code: string, pattern: RegExp) => (error: unknown) =>
  error instanceof AppError &&
  error.code === code &&
  pattern.test(error.text.en) &&
  error.text['zh-CN'].length > 0 &&
  error.text['zh-CN'] !== error.text.en;

describe('resend scopes and options', () => {
  it('puts the manager’s options over the task’s settings, in the vendor’s terms', () => {
    const original = detail({ scriptId: '77', maxRingingTime: 60, enableRecording: 1 });
    expect(resendSettings('ai-agent-group', original, 'Again')).toEqual({
      scriptId: '77',
      maxRingingTime: 60,
      enableRecording: 1,
      taskName: 'Again',
    });
    expect(
      resendSettings('ai-agent-group', original, 'Again', {
        scriptId: '456',
        allowSendTime: [
          { strTime: '09:00', endTime: '12:00' },
          { strTime: '14:00', endTime: '18:30' },
        ],
        maxRingingTime: 45,
        enableRecording: false,
      }),
    ).toEqual({
      scriptId: 456,
      allowSendTime: [
        { strTime: '09:00', endTime: '12:00' },
        { strTime: '14:00', endTime: '18:30' },
      ],
      maxRingingTime: 45,
      enableRecording: 0,
      taskName: 'Again',
    });
    expect(resendSettings('ai-agent-group', detail({}), 'R', { enableRecording: true })).toEqual({
      enableRecording: 1,
      taskName: 'R',
    });
  });

  it('resends a cc task with its type under the resend’s name, and the calls per agent given', () => {
    // The cc record (itniotech.md §4.4) names the type `taskType`; resendTask (§4.3) takes `type`.
    const record = detail({
      taskId: '5017560',
      taskType: 1,
      taskStatus: 12,
      voiceGroupId: '[1000006]',
      ccode: '91',
      remark: 'Agent callbacks',
    });
    expect(resendSettings('cc-preview', record, 'Again')).toEqual({
      type: 1,
      voiceGroupId: [1000006],
      ccode: '91',
      remark: 'Again',
    });
    expect(resendSettings('cc-preview', record, 'Again', { calloutRate: 3 })).toEqual({
      type: 1,
      voiceGroupId: [1000006],
      ccode: '91',
      calloutRate: 3,
      remark: 'Again',
    });
    expect(resendSettings('cc-preview', detail({ taskType: 0 }), 'R')).toEqual({
      type: 0,
      remark: 'R',
    });
    // Only cc records name their type so: other kinds copy no `taskType`.
    expect(resendSettings('ai-agent-group', detail({ taskType: 3, scriptId: 5 }), 'R')).toEqual({
      scriptId: 5,
      taskName: 'R',
    });
  });

  it('passes the calls per agent to a cc resend, and refuses it where the vendor does not take it', async () => {
    const { vendor, calls } = recordingVendor(CC_CAPS, {
      taskType: 1,
      voiceGroupId: '[1000006]',
    });
    await runTaskAction(
      vendor,
      ccRow,
      { action: 'resend', key: 'k', scope: 'failed', name: 'Again', options: { calloutRate: 7 } },
      {},
    );
    expect(calls.at(-1)).toEqual({
      method: 'resend',
      scope: 'failed',
      settings: { type: 1, voiceGroupId: [1000006], calloutRate: 7, remark: 'Again' },
    });
    // Not required by the option itself: whether a cc task needs it is the vendor's to say.
    const plain = recordingVendor(CC_CAPS, { taskType: 0 });
    await runTaskAction(
      plain.vendor,
      ccRow,
      { action: 'resend', key: 'k', scope: 'all', name: 'Again' },
      {},
    );
    expect(plain.calls.at(-1)?.settings).toEqual({ type: 0, remark: 'Again' });
    const ai = recordingVendor(AI_CAPS, { scriptId: 1 });
    await expect(
      runTaskAction(
        ai.vendor,
        aiRow,
        { action: 'resend', key: 'k', scope: 'all', name: 'Again', options: { calloutRate: 2 } },
        {},
      ),
    ).rejects.toSatisfy(
      refusal('VENDOR_REJECTED', /cannot be given a number of calls per agent on a resend/),
    );
    expect(ai.calls).toEqual([]);
  });

  it('refuses a scope the vendor does not offer, naming the ones it does, before any request', async () => {
    const { vendor, calls } = recordingVendor(VOICE_CAPS, { appId: 'app', source: 3 });
    await expect(
      runTaskAction(
        vendor,
        voiceRow,
        { action: 'resend', key: 'k', scope: 'not-called', name: 'Again' },
        {},
      ),
    ).rejects.toSatisfy(
      refusal(
        'VENDOR_REJECTED',
        /cannot resend the numbers not called yet.*can resend the failed numbers or all numbers/,
      ),
    );
    expect(calls).toEqual([]);
  });

  it('refuses an option the vendor does not take for the kind, before any request', async () => {
    const { vendor, calls } = recordingVendor(VOICE_CAPS, { appId: 'app', source: 3 });
    await expect(
      runTaskAction(
        vendor,
        voiceRow,
        {
          action: 'resend',
          key: 'k',
          scope: 'failed',
          name: 'Again',
          options: { maxRingingTime: 30 },
        },
        {},
      ),
    ).rejects.toSatisfy(refusal('VENDOR_REJECTED', /cannot be given a ringing time on a resend/));
    expect(calls).toEqual([]);
  });

  it('asks for the AI script id when neither the task nor the manager gave one, and sends nothing', async () => {
    const { vendor, calls } = recordingVendor(AI_CAPS, { displayNum: '' });
    await expect(
      runTaskAction(
        vendor,
        aiRow,
        {
          action: 'resend',
          key: 'k',
          scope: 'all',
          name: 'Again',
          options: { maxRingingTime: 30 },
        },
        {},
      ),
    ).rejects.toSatisfy(refusal('INVALID_INPUT', /^Enter the AI script id/));
    expect(calls.map((call) => call.method)).toEqual(['getTask']);
  });

  it('resends an AI task with the script id and options the manager gave', async () => {
    const { vendor, calls } = recordingVendor(AI_CAPS, { maxCalls: 90 });
    await expect(
      runTaskAction(
        vendor,
        aiRow,
        {
          action: 'resend',
          key: 'k',
          scope: 'failed',
          name: 'Again',
          options: {
            scriptId: '456',
            allowSendTime: [{ strTime: '08:00', endTime: '11:00' }],
            maxRingingTime: 120,
            enableRecording: true,
          },
        },
        {},
      ),
    ).resolves.toEqual({
      action: 'resend',
      newTaskId: '900',
      after: { taskId: '900', state: 'pending', held: 12 },
    });
    expect(calls.at(-1)).toEqual({
      method: 'resend',
      scope: 'failed',
      settings: {
        maxCalls: 90,
        scriptId: 456,
        allowSendTime: [{ strTime: '08:00', endTime: '11:00' }],
        maxRingingTime: 120,
        enableRecording: 1,
        taskName: 'Again',
      },
    });
  });

  it('resends an AI task whose detail carries its script id without asking for one', async () => {
    const { vendor, calls } = recordingVendor(AI_CAPS, { scriptId: 123 });
    await runTaskAction(
      vendor,
      aiRow,
      { action: 'resend', key: 'k', scope: 'all', name: 'Again' },
      {},
    );
    expect(calls.at(-1)?.settings).toEqual({ scriptId: 123, taskName: 'Again' });
  });
});

describe('resend options a request may carry', () => {
  const resend = (options: unknown) =>
    TaskActionSchema.safeParse({
      action: 'resend',
      key: 'k',
      scope: 'all',
      name: 'Again',
      options,
    });
  const messages = (options: unknown) => {
    const parsed = resend(options);
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  };

  it('accepts up to 3 separate windows, a ring time of 20–120 s and a digit script id', () => {
    expect(
      resend({
        scriptId: '123',
        allowSendTime: [
          { strTime: '08:00', endTime: '10:00' },
          { strTime: '10:00', endTime: '12:00' },
          { strTime: '13:30', endTime: '23:59' },
        ],
        maxRingingTime: 20,
        enableRecording: false,
      }).success,
    ).toBe(true);
    expect(resend({ maxRingingTime: 120 }).success).toBe(true);
    expect(resend({ calloutRate: 1 }).success).toBe(true);
    expect(resend({ calloutRate: 100 }).success).toBe(true);
  });

  it('refuses what the vendor would refuse, in sentences a manager can read', () => {
    const window = (strTime: string, endTime: string) => ({ strTime, endTime });
    expect(
      messages({ allowSendTime: [1, 2, 3, 4].map((h) => window(`0${h}:00`, `0${h}:30`)) }),
    ).toEqual(['Set at most 3 calling windows.']);
    expect(messages({ allowSendTime: [window('12:00', '09:00')] })).toEqual([
      'A calling window must end after it starts, on the same day.',
    ]);
    expect(messages({ allowSendTime: [window('09:00', '09:00')] })).toEqual([
      'A calling window must end after it starts, on the same day.',
    ]);
    expect(
      messages({ allowSendTime: [window('09:00', '17:00'), window('12:00', '13:00')] }),
    ).toEqual(['Calling windows may not overlap; change or remove one of them.']);
    expect(
      messages({
        allowSendTime: [
          window('12:00', '13:00'),
          window('09:00', '17:00'),
          window('16:00', '18:00'),
        ],
      }),
    ).toHaveLength(2);
    expect(messages({ allowSendTime: [window('9:00', '24:00')] })).toEqual([
      'Write a time of day as HH:mm, for example 09:30.',
      'Write a time of day as HH:mm, for example 09:30.',
    ]);
    expect(messages({ maxRingingTime: 19 })).toEqual(['Let numbers ring for at least 20 seconds.']);
    expect(messages({ maxRingingTime: 121 })).toEqual([
      'Let numbers ring for at most 120 seconds.',
    ]);
    expect(messages({ maxRingingTime: 30.5 })).toEqual([
      'The ringing time is a whole number of seconds.',
    ]);
    expect(messages({ scriptId: 'abc12' })).toEqual([
      'The AI script id is a number of 1 to 10 digits.',
    ]);
    for (const calloutRate of [0, 101, 2.5]) {
      expect(messages({ calloutRate })).toEqual([
        'Calls per agent is a whole number from 1 to 100.',
      ]);
    }
    expect(resend({ speed: 2 }).success).toBe(false);
  });
});

describe('resends repeat the settings the app submitted the task with', () => {
  const SUBMITTED = { type: 1, voiceGroupId: [1000006], appId: 'iaAJ6COV', calloutRate: 3 };

  it('fills what the vendor’s record lacks from the submission; the record and the manager win', () => {
    // A cc record (itniotech.md §4.4) has neither the application nor the calls per agent.
    const record = detail({ taskType: 1, voiceGroupId: '[1000006]', ccode: '91' });
    expect(resendSettings('cc-preview', record, 'Again', undefined, SUBMITTED)).toEqual({
      type: 1,
      voiceGroupId: [1000006],
      appId: 'iaAJ6COV',
      calloutRate: 3,
      ccode: '91',
      remark: 'Again',
    });
    expect(
      resendSettings('cc-preview', record, 'Again', { calloutRate: 8 }, SUBMITTED)['calloutRate'],
    ).toBe(8);
    expect(
      resendSettings('cc-preview', detail({ taskType: 0 }), 'R', undefined, SUBMITTED)['type'],
    ).toBe(0);
    // Only settings the resend takes: a start time or the numbers' file never go back.
    expect(
      resendSettings('ai-agent-group', detail({}), 'R', undefined, {
        scriptId: 456,
        enableRecording: 1,
        sendTime: '2026-01-05 10:00:00',
        appId: 'rcVY82Lm',
      }),
    ).toEqual({ scriptId: 456, enableRecording: 1, taskName: 'R' });
  });

  it('resends through TaskActions with the journal’s settings, so nothing is asked again', async () => {
    const { vendor, calls } = recordingVendor(CC_CAPS, { taskType: 1, voiceGroupId: '[1000006]' });
    const row = { k: 'k9', a: 'itnio-1', kd: 'cc-preview', t: '9' } as BoardRow;
    const refreshed: string[] = [];
    const actions = new TaskActions({
      board: {
        row: () => row,
        refreshNow: async (accountId) => {
          refreshed.push(accountId);
        },
        act: async () => {
          throw new Error('resends do not go through the board');
        },
      },
      vendorOf: async () => vendor,
      submitted: { settingsOf: ({ taskId }) => (taskId === '9' ? SUBMITTED : null) },
      logger: new MemoryLogger(),
    });
    const result = await actions.act({ action: 'resend', key: 'k9', scope: 'failed', name: 'R' });
    expect(result).toEqual({
      action: 'resend',
      newTaskId: '900',
      after: { taskId: '900', state: 'pending', held: 12 },
    });
    expect(calls.at(-1)?.settings).toEqual({ ...SUBMITTED, remark: 'R' });
    expect(refreshed).toEqual(['itnio-1']);
    expect(actions.resendDefaults(['k9'])).toEqual({
      accountId: 'itnio-1',
      kind: 'cc-preview',
      submitted: 1,
      options: { calloutRate: 3 },
    });
  });

  it('refuses a vendor-side resend when a number the task was sent with is now on a do-not-call list', async () => {
    const { vendor, calls } = recordingVendor(CC_CAPS, { taskType: 1, voiceGroupId: '[1000006]' });
    const row = { k: 'k9', a: 'itnio-1', kd: 'cc-preview', t: '9' } as BoardRow;
    const onList = new Set(['+8613800000002']);
    const actions = (numbers: readonly string[]) =>
      new TaskActions({
        board: {
          row: () => row,
          refreshNow: async () => {},
          act: async () => {
            throw new Error('resends do not go through the board');
          },
        },
        vendorOf: async () => vendor,
        submitted: {
          settingsOf: () => SUBMITTED,
          numbersOf: async () => ({ status: 'found', numbers }),
        },
        logger: new MemoryLogger(),
        dncOf: (accountId) => (e164) => accountId === 'itnio-1' && onList.has(e164),
      });
    const resends = () => calls.filter((call) => call.method === 'resend').length;
    const refusal = await actions(['+8613800000001', '+8613800000002'])
      .act({ action: 'resend', key: 'k9', scope: 'failed', name: 'R' })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('CONFLICT');
    expect((refusal as AppError).text.en).toContain(
      '1 of the numbers this task was sent with is now',
    );
    expect((refusal as AppError).text['zh-CN']).toContain('选中以重发');
    // Nothing reached the vendor.
    expect(calls).toEqual([]);
    // Without a do-not-call number among them, the resend goes out.
    await actions(['+8613800000001']).act({
      action: 'resend',
      key: 'k9',
      scope: 'failed',
      name: 'R',
    });
    expect(resends()).toBe(1);
  });

  it('gives resend dialogs the options a submission holds, in the manager’s terms', () => {
    expect(
      resendOptionsOfSettings({
        scriptId: 456,
        enableRecording: 1,
        maxRingingTime: 45,
        calloutRate: 2,
        allowSendTime: [{ strTime: '09:00', endTime: '12:00' }],
        appId: 'x',
      }),
    ).toEqual({ scriptId: '456', enableRecording: true, maxRingingTime: 45, calloutRate: 2 });
    // Values the option does not take are left for the manager to give.
    expect(resendOptionsOfSettings({ maxRingingTime: 5, calloutRate: 'many' })).toEqual({});
  });
});
