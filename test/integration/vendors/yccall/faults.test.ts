import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/services/errors';
import type { Fault } from '../../../../main/services/sandbox/server';
import { chunkFailureOf } from '../../../../main/services/vendors/yccall/chunked-create';
import { SETTINGS, callees, rejection, startHarness, type Harness } from './harness';

const LIST = 'App.Sip_Yccall.TaskList';
const CREAT = 'App.Sip_Yccall.TaskCreat';
const ADD = 'App.Sip_Yccall.TaskAdd';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeoutMs: 300 });
  await h.client.login();
});
afterEach(() => {
  h.server.clearFaults();
});
afterAll(async () => {
  await h.close();
});

const TRANSPORT: readonly { name: string; fault: Fault; code: string; message: RegExp }[] = [
  {
    name: 'latency beyond the timeout',
    fault: { kind: 'latency', ms: 1_500 },
    code: 'TIMEOUT',
    message: /did not answer within 0\.3 s/,
  },
  {
    name: 'a hang',
    fault: { kind: 'hang' },
    code: 'TIMEOUT',
    message: /did not answer within 0\.3 s/,
  },
  {
    name: 'a connection reset',
    fault: { kind: 'reset' },
    code: 'NETWORK',
    message: /connection .* was interrupted/,
  },
  {
    name: 'a reset after commit',
    fault: { kind: 'reset-after-commit' },
    code: 'NETWORK',
    message: /connection .* was interrupted/,
  },
  {
    name: 'HTTP 503',
    fault: { kind: 'http', status: 503 },
    code: 'VENDOR_UNAVAILABLE',
    message: /HTTP 503/,
  },
  {
    name: 'malformed JSON',
    fault: { kind: 'malformed' },
    code: 'VENDOR_UNAVAILABLE',
    message: /not valid JSON/,
  },
  {
    name: 'ret 500',
    fault: { kind: 'respond', body: { ret: 500, data: [], msg: 'server error' } },
    code: 'VENDOR_UNAVAILABLE',
    message: /internal error/,
  },
  {
    name: 'an envelope of the wrong shape',
    fault: { kind: 'respond', body: { ret: 200, data: { status: 0, result: { task: 'nope' } } } },
    code: 'VENDOR_UNAVAILABLE',
    message: /unexpected format/,
  },
];

describe('faults on reads (TaskList): typed errors, retried, recovered when the fault clears', () => {
  it.each(TRANSPORT)('$name once: the read retries and succeeds', async ({ fault }) => {
    const before = h.server.requestCount(LIST);
    h.server.injectFault(LIST, fault, { times: 1 });
    const page = await h.vendor.listTasks({ page: 1, pageSize: 10 });
    expect(page.items).toBeDefined();
    expect(h.server.requestCount(LIST) - before).toBe(2);
  });

  it.each(TRANSPORT)(
    '$name that persists: a typed error after 3 attempts',
    async ({ fault, code, message }) => {
      const before = h.server.requestCount(LIST);
      h.server.injectFault(LIST, fault);
      const error = await rejection(h.vendor.listTasks({ page: 1, pageSize: 10 }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
      expect((error as AppError).message).toMatch(message);
      expect((error as AppError).text['zh-CN'].length).toBeGreaterThan(5);
      expect(h.server.requestCount(LIST) - before).toBe(3);
    },
  );
});

describe('faults on creates: typed errors, never sent twice, outcome marked unknown', () => {
  it.each(TRANSPORT)('TaskCreat with $name', async ({ fault, code }) => {
    const before = h.server.requestCount(CREAT);
    h.server.injectFault(CREAT, fault);
    const error = await rejection(
      h.client.taskCreat({
        assigntype: 2,
        assignagent: 'queue-1',
        taskscale: '1:1',
        disnumber: '',
        telphone: callees(5),
      }),
    );
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).details).toMatchObject({ outcome: 'unknown' });
    expect(h.server.requestCount(CREAT) - before).toBe(1);
  });

  it.each(TRANSPORT)(
    'TaskAdd with $name inside a chunked create',
    async ({ name, fault, code }) => {
      const taskName = `Add fault: ${name}`;
      const before = h.server.requestCount(ADD);
      h.server.injectFault(ADD, fault);
      const error = await rejection(
        h.vendor.createTask({
          kind: 'predictive',
          name: taskName,
          callees: callees(10_005),
          settings: SETTINGS,
        }),
      );
      expect((error as AppError).code).toBe(code);
      expect((error as AppError).message).toMatch(/part 2 of 2/);
      expect(chunkFailureOf(error)).toMatchObject({
        stage: 'append',
        confirmed: 10_000,
        outcome: 'unknown',
      });
      expect(h.server.requestCount(ADD) - before).toBe(1);
    },
  );
});

const env = (ret: number, msg = '') => ({ ret, data: [], msg });
const biz = (code: string, codemsg: string) => ({
  ret: 200,
  data: { status: 1, desc: 'fail', errors: { code, codemsg }, reqtime: 1, rsptime: 1 },
  msg: '',
});

const DOCUMENTED: readonly {
  name: string;
  body: unknown;
  code: string;
  readAttempts: number;
  createAttempts: number;
}[] = [
  {
    name: 'ret 400',
    body: env(400, 'Illegal request: invalid parameter'),
    code: 'VENDOR_REJECTED',
    readAttempts: 1,
    createAttempts: 1,
  },
  {
    name: 'ret 600 twice',
    body: env(600, 'token expired'),
    code: 'VENDOR_AUTH',
    readAttempts: 2,
    createAttempts: 2,
  },
  {
    name: 'ret 601',
    body: env(601, 'appid not authorized'),
    code: 'VENDOR_AUTH',
    readAttempts: 1,
    createAttempts: 1,
  },
  {
    name: 'ret 602',
    body: env(602, 'appid expired'),
    code: 'VENDOR_AUTH',
    readAttempts: 1,
    createAttempts: 1,
  },
  {
    name: 'ret 603',
    body: env(603, 'module not licensed'),
    code: 'VENDOR_AUTH',
    readAttempts: 1,
    createAttempts: 1,
  },
  {
    name: 'ret 604',
    body: env(604, 'ip not authorized'),
    code: 'VENDOR_AUTH',
    readAttempts: 1,
    createAttempts: 1,
  },
  {
    name: 'business 1001',
    body: biz('1001', 'server connection failed'),
    code: 'VENDOR_UNAVAILABLE',
    readAttempts: 3,
    createAttempts: 1,
  },
  {
    name: 'business 1002',
    body: biz('1002', 'abnormal operation'),
    code: 'VENDOR_REJECTED',
    readAttempts: 1,
    createAttempts: 1,
  },
  {
    name: 'business 1003',
    body: biz('1003', 'operation failed'),
    code: 'VENDOR_REJECTED',
    readAttempts: 1,
    createAttempts: 1,
  },
  {
    name: 'business 1010 twice',
    body: biz('1010', 'extension exception'),
    code: 'VENDOR_AUTH',
    readAttempts: 2,
    createAttempts: 2,
  },
  {
    name: 'business 1012',
    body: biz('1012', 'extension does not exist'),
    code: 'VENDOR_REJECTED',
    readAttempts: 1,
    createAttempts: 1,
  },
  {
    name: 'business 1014',
    body: biz('1014', 'extension not registered'),
    code: 'VENDOR_REJECTED',
    readAttempts: 1,
    createAttempts: 1,
  },
  {
    name: 'business 1099 (undocumented)',
    body: biz('1099', 'something new'),
    code: 'VENDOR_REJECTED',
    readAttempts: 1,
    createAttempts: 1,
  },
];

describe('documented ret and business codes (respond faults)', () => {
  it.each(DOCUMENTED)('$name on a read', async ({ body, code, readAttempts }) => {
    const before = h.server.requestCount(LIST);
    h.server.injectFault(LIST, { kind: 'respond', body });
    const error = (await rejection(h.client.taskList())) as AppError;
    expect(error.code).toBe(code);
    expect(h.server.requestCount(LIST) - before).toBe(readAttempts);
    const vendor = error.details?.['vendorCode'] ?? error.details?.['ret'];
    const sent = body as { ret: number; data: { errors?: { code: string } } | [] };
    const expected = Array.isArray(sent.data) ? String(sent.ret) : sent.data.errors?.code;
    expect(String(vendor)).toBe(expected);
  });

  it.each(DOCUMENTED)(
    '$name on a create: never repeated except after a token refusal',
    async ({ body, code, createAttempts }) => {
      const before = h.server.requestCount(CREAT);
      h.server.injectFault(CREAT, { kind: 'respond', body });
      const error = (await rejection(
        h.client.taskCreat({
          assigntype: 2,
          assignagent: 'queue-1',
          taskscale: '1:1',
          disnumber: '',
          telphone: callees(5),
        }),
      )) as AppError;
      expect(error.code).toBe(code);
      expect(h.server.requestCount(CREAT) - before).toBe(createAttempts);
    },
  );

  it('a documented refusal says what went wrong in both languages, with the vendor’s words', async () => {
    h.server.injectFault(LIST, { kind: 'respond', body: biz('1013', '分机已禁用') });
    const error = (await rejection(h.client.taskList())) as AppError;
    expect(error.text.en).toBe('The extension is disabled: “分机已禁用”.');
    expect(error.text['zh-CN']).toBe('分机已被禁用：“分机已禁用”。');
  });
});

describe('cancellation', () => {
  it('cancels a hanging read at once with CANCELLED and does not retry it', async () => {
    const before = h.server.requestCount(LIST);
    h.server.injectFault(LIST, { kind: 'hang' });
    const controller = new AbortController();
    const pending = rejection(h.client.taskList({}, { signal: controller.signal }));
    controller.abort();
    const error = (await pending) as AppError;
    expect(error.code).toBe('CANCELLED');
    expect(h.server.requestCount(LIST) - before).toBeLessThanOrEqual(1);
  });
});
