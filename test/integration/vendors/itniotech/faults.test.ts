import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../../shared/ipc/errors';
import type { Fault } from '../../../../main/services/sandbox/server';
import type { ItniotechClient } from '../../../../main/services/vendors/itniotech/client';
import { ACCOUNT, appErrorOf, everythingIn, startSim, type SimHarness } from './harness';

const TIMEOUT_MS = 300;
// loopCount and maxCalls are required on create (itniotech.md §5.1).
const TTS = { appId: 'iaAJ6COV', source: 3, text: 'Hello', lan: 'EN', loopCount: 1, maxCalls: 60 };

let h: SimHarness;
let client: ItniotechClient;
let jobId = '';
let seq = 0;

beforeAll(async () => {
  h = await startSim();
  client = h.client({ timeoutMs: TIMEOUT_MS });
  jobId =
    (await client.sendGroupCall({
      ...TTS,
      taskName: 'fault base',
      numberInfoList: [{ calleeNumber: '8613800000000' }],
    })) ?? '';
});
afterEach(() => {
  h.server.clearFaults();
});
afterAll(async () => {
  await h.close();
});

const FAULTS: readonly (readonly [string, Fault, ErrorCode, RegExp])[] = [
  // Creates that carry numbers get 4× the deadline, so the latency beats both.
  [
    'latency beyond the timeout',
    { kind: 'latency', ms: TIMEOUT_MS * 6 },
    'TIMEOUT',
    /did not answer within \d/,
  ],
  ['hang', { kind: 'hang' }, 'TIMEOUT', /did not answer/],
  ['reset', { kind: 'reset' }, 'NETWORK', /interrupted/],
  [
    'reset after commit',
    { kind: 'reset-after-commit' },
    'NETWORK',
    /Nothing is known about the result/,
  ],
  ['HTTP 503', { kind: 'http', status: 503 }, 'VENDOR_UNAVAILABLE', /HTTP 503/],
  ['malformed JSON', { kind: 'malformed' }, 'VENDOR_UNAVAILABLE', /not valid JSON/],
  [
    'documented -18 (server error)',
    { kind: 'respond', body: { code: -18, msg: 'port program error' } },
    'VENDOR_UNAVAILABLE',
    /internal error/,
  ],
];

const READS: readonly (readonly [string, string, () => Promise<unknown>])[] = [
  [
    'group-call query',
    '/voice/group/call/query',
    () =>
      client.queryGroupCalls({
        current: 1,
        size: 10,
        params: { strTime: '2026-01-01 00:00:00', endTime: '2026-12-31 00:00:00' },
      }),
  ],
  ['group-call detail', '/voice/group/call/detail', () => client.groupCallDetail(jobId)],
  ['balance', '/sms/getBalance', () => client.getBalance()],
];

describe.each(READS)('a read (%s) under faults', (_name, key, read) => {
  it.each(FAULTS)(
    '%s: retries with backoff and succeeds once the fault clears',
    async (_f, fault) => {
      const before = h.server.requestCount(key);
      h.server.injectFault(key, fault, { times: 2 });
      await expect(read()).resolves.toBeTruthy();
      expect(h.server.requestCount(key) - before).toBe(3);
    },
  );

  it.each(FAULTS)(
    '%s: ends in a typed error after the last attempt',
    async (_f, fault, code, message) => {
      const before = h.server.requestCount(key);
      h.server.injectFault(key, fault);
      const error = await appErrorOf(read());
      expect(error.code).toBe(code);
      expect(error.text.en).toMatch(message);
      expect(error.text['zh-CN'].length).toBeGreaterThan(5);
      expect(h.server.requestCount(key) - before).toBe(3);
      expect(everythingIn(error)).not.toContain(ACCOUNT.apiSecret);
    },
  );

  it('does not retry a documented business refusal (-10)', async () => {
    const before = h.server.requestCount(key);
    h.server.injectFault(key, {
      kind: 'respond',
      body: { status: '-10', reason: 'insufficient balance' },
    });
    const error = await appErrorOf(read());
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(h.server.requestCount(key) - before).toBe(1);
  });
});

const CREATES: readonly (readonly [string, string, () => Promise<unknown>])[] = [
  [
    'group-call send',
    '/voice/group/call/send',
    () =>
      client.sendGroupCall({
        ...TTS,
        taskName: `fault send ${++seq}`,
        numberInfoList: [{ calleeNumber: '8613800000001' }],
      }),
  ],
  [
    'AI-agent send',
    '/voice/group/call/send/agent',
    () =>
      client.sendAiAgentGroupCall({
        appId: 'rcVY82Lm',
        scriptId: 1,
        taskName: `fault ai ${++seq}`,
        numberInfoList: [{ calleeNumber: '6281234567' }],
      }),
  ],
  [
    'cc upload',
    '/cc/preview/upload',
    () =>
      client.uploadCallees({ fileName: 'faults.xlsx', file: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' }),
  ],
  [
    'cc resend',
    '/cc/preview/resendTask',
    () => client.resendTask({ taskId: '1', resendType: 1, type: 0 }),
  ],
];

describe.each(CREATES)('a create (%s) under faults', (_name, key, create) => {
  it.each([
    ...FAULTS,
    [
      'documented -10 (balance)',
      { kind: 'respond', body: { status: '-10', reason: 'insufficient balance' } },
      'LIMIT_EXCEEDED',
      /balance/,
    ] as const,
  ])('%s: fails with a typed error and is sent exactly once', async (_f, fault, code, message) => {
    const before = h.server.requestCount(key);
    h.server.injectFault(key, fault, { times: 1 });
    const error = await appErrorOf(create());
    expect(error.code).toBe(code);
    expect(error.text.en).toMatch(message);
    expect(h.server.requestCount(key) - before).toBe(1);
    expect(everythingIn(error)).not.toContain(ACCOUNT.apiSecret);
  });
});

describe('reset after commit on a create', () => {
  it('leaves the task created at the vendor, unsent twice, and findable by its name', async () => {
    const vendor = h.vendor({ timeoutMs: TIMEOUT_MS });
    const key = '/voice/group/call/send';
    const before = h.server.requestCount(key);
    const groupsBefore = h.sim.counts().groupTasks;
    h.server.injectFault(key, { kind: 'reset-after-commit' }, { times: 1 });
    const request = {
      kind: 'voice-group' as const,
      name: 'committed but unknown',
      callees: [{ phone: '+8613800000009' }],
      settings: TTS,
    };
    const error = await appErrorOf(vendor.createTask(request));
    expect(error.code).toBe('NETWORK');
    expect(h.server.requestCount(key) - before).toBe(1);
    expect(h.sim.counts().groupTasks).toBe(groupsBefore + 1);
    const found = await vendor.findTaskByName('voice-group', 'committed but unknown');
    expect(found?.name).toBe('committed but unknown');
  });
});

describe('cancellation', () => {
  it('a cancelled read stops at once with CANCELLED and is not retried', async () => {
    const key = '/voice/group/call/detail';
    const before = h.server.requestCount(key);
    h.server.injectFault(key, { kind: 'hang' });
    const slow = h.client({ timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = appErrorOf(slow.groupCallDetail(jobId, { signal: controller.signal }));
    await expect.poll(() => h.server.requestCount(key) - before).toBe(1);
    controller.abort();
    const error = await pending;
    expect(error.code).toBe('CANCELLED');
    expect(h.server.requestCount(key) - before).toBe(1);
  });
});
