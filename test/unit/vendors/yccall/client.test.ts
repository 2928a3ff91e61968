import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/services/errors';
import { ManualClock } from '../../../../main/services/sandbox/sim-kit';
import { parseFormBody } from '../../../../main/services/sandbox/yccall/form-parser';
import type { HttpRequest, HttpSend } from '../../../../main/services/vendors/http';
import { YccallClient } from '../../../../main/services/vendors/yccall/client';
import { encodeForm } from '../../../../main/services/vendors/yccall/form';
import { YccallVendor } from '../../../../main/services/vendors/yccall/yccall-vendor';
import { MemoryLogger } from '../../../fakes/memory-logger';

const KEY = 'accesskey-UNIT-9d8c7b';
const TOKEN_A = 'a'.repeat(32);
const TOKEN_B = 'b'.repeat(32);
const HOUR = 3_600_000;

function fieldsOf(req: HttpRequest): ReadonlyMap<string, string> {
  const form = parseFormBody(req.headers?.['content-type'], Buffer.from(req.body as Uint8Array));
  if (!form) throw new Error('not a form');
  return form;
}

const login = (token: string) => ({
  status: 200,
  text: JSON.stringify({
    ret: 200,
    data: { status: 0, result: { companycode: 7, companyname: 'C', token } },
    msg: '',
  }),
});
const okList = {
  status: 200,
  text: JSON.stringify({ ret: 200, data: { status: 0, result: { totalitems: 0, task: null } } }),
};

/** A fake server: answers by service; records every request. */
function fake(
  answer: (
    service: string,
    fields: ReadonlyMap<string, string>,
    n: number,
  ) => Promise<{ status: number; text: string }> | { status: number; text: string },
) {
  const seen: { service: string; fields: ReadonlyMap<string, string> }[] = [];
  const send: HttpSend = async (req) => {
    const fields = fieldsOf(req);
    const service = fields.get('service') ?? '';
    seen.push({ service, fields });
    return answer(service, fields, seen.filter((s) => s.service === service).length);
  };
  return { send, seen };
}

function client(send: HttpSend, clock = new ManualClock(), logger = new MemoryLogger()) {
  return new YccallClient({
    baseUrl: 'http://pbx.example:8080/',
    appid: 'app-1',
    getAccessKey: async () => KEY,
    send,
    clock,
    logger,
    retry: { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 },
  });
}

describe('YccallClient session and token', () => {
  it('signs in once with appid + accesskey, then sends the token with every call', async () => {
    const server = fake((service) => (service === 'App.Sip_Auth.Login' ? login(TOKEN_A) : okList));
    const c = client(server.send);
    await Promise.all([c.taskList(), c.taskList(), c.taskList()]);
    const logins = server.seen.filter((s) => s.service === 'App.Sip_Auth.Login');
    expect(logins).toHaveLength(1);
    expect(logins[0]?.fields.get('appid')).toBe('app-1');
    expect(logins[0]?.fields.get('accesskey')).toBe(KEY);
    const lists = server.seen.filter((s) => s.service === 'App.Sip_Yccall.TaskList');
    expect(
      lists.every((s) => s.fields.get('token') === TOKEN_A && !s.fields.has('accesskey')),
    ).toBe(true);
  });

  it('renews the token when 12 hours (less a margin) have passed on its clock', async () => {
    let tokens = 0;
    const server = fake((service) =>
      service === 'App.Sip_Auth.Login' ? login(tokens++ === 0 ? TOKEN_A : TOKEN_B) : okList,
    );
    const clock = new ManualClock();
    const c = client(server.send, clock);
    await c.taskList();
    clock.advance(11 * HOUR);
    await c.taskList();
    expect(tokens).toBe(1);
    clock.advance(1 * HOUR);
    await c.taskList();
    expect(tokens).toBe(2);
    expect(server.seen.at(-1)?.fields.get('token')).toBe(TOKEN_B);
  });

  it('on ret 600 signs in again and repeats the call once with the new token', async () => {
    let tokens = 0;
    const server = fake((service, fields) => {
      if (service === 'App.Sip_Auth.Login') return login(tokens++ === 0 ? TOKEN_A : TOKEN_B);
      return fields.get('token') === TOKEN_A
        ? { status: 200, text: '{"ret":600,"data":[],"msg":"expired"}' }
        : okList;
    });
    const c = client(server.send);
    await c.taskList();
    expect(server.seen.map((s) => s.service)).toEqual([
      'App.Sip_Auth.Login',
      'App.Sip_Yccall.TaskList',
      'App.Sip_Auth.Login',
      'App.Sip_Yccall.TaskList',
    ]);
  });

  it('never retries TaskCreat or TaskAdd after a transport failure, and marks the outcome unknown', async () => {
    const server = fake((service) => {
      if (service === 'App.Sip_Auth.Login') return login(TOKEN_A);
      throw new AppError('NETWORK', { en: 'reset', 'zh-CN': '中断' }, { target: 'x' });
    });
    const c = client(server.send);
    const error = await c.taskAdd('t1', [{ phone: '13800000000' }]).catch((e: unknown) => e);
    expect((error as AppError).details).toMatchObject({ outcome: 'unknown' });
    expect(server.seen.filter((s) => s.service === 'App.Sip_Yccall.TaskAdd')).toHaveLength(1);
    await c.taskList().catch(() => undefined);
    expect(server.seen.filter((s) => s.service === 'App.Sip_Yccall.TaskList')).toHaveLength(3);
  });

  it('a write whose sign-in failed says it was never sent', async () => {
    const server = fake(() => ({ status: 200, text: '{"ret":601,"data":[],"msg":"no"}' }));
    const error = (await client(server.send)
      .taskCreat({
        assigntype: 1,
        assignagent: '800101',
        taskscale: '1:1',
        disnumber: '',
        telphone: [{ phone: '13800000000' }],
      })
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('VENDOR_AUTH');
    expect(error.details).toMatchObject({ outcome: 'not-sent', ret: 601 });
  });

  it('masks secrets even when a transport error quotes the request (a badly behaved HttpSend)', async () => {
    const logger = new MemoryLogger();
    const server = fake((service, fields) => {
      throw new Error(`socket died while sending ${[...fields.values()].join('&')}`);
    });
    const error = (await client(server.send, new ManualClock(), logger)
      .taskList()
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('INTERNAL');
    const text =
      JSON.stringify([error.text, error.details, error.message, String(error)]) + logger.text();
    expect(text).toContain('socket died');
    expect(text).not.toContain(KEY);
  });

  it('logs each request by service, never its fields', async () => {
    const logger = new MemoryLogger();
    const server = fake((service) => (service === 'App.Sip_Auth.Login' ? login(TOKEN_A) : okList));
    await client(server.send, new ManualClock(), logger).taskList();
    expect(logger.lines.map((l) => l.fields?.['service'])).toEqual([
      'App.Sip_Auth.Login',
      'App.Sip_Yccall.TaskList',
    ]);
    expect(logger.text()).not.toContain(TOKEN_A);
    expect(logger.text()).not.toContain(KEY);
  });

  it('reads an envelope sent with a non-2xx HTTP status (PhalApi set-ups that mirror ret)', async () => {
    const server = fake((service) =>
      service === 'App.Sip_Auth.Login'
        ? login(TOKEN_A)
        : { status: 400, text: '{"ret":400,"data":[],"msg":"bad param"}' },
    );
    const error = (await client(server.send)
      .taskList()
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('VENDOR_REJECTED');
    expect(error.message).toContain('bad param');
  });
});

describe('form encoding', () => {
  it.each(['multipart', 'urlencoded'] as const)(
    '%s round-trips through the simulator’s parser, JSON and Chinese included',
    (encoding) => {
      const fields = {
        service: 'App.Sip_Yccall.TaskAdd',
        taskid: '123',
        telphone: '[{"phone":"0138","userid":"张三 & co"}]',
        n: 5,
      };
      const form = encodeForm(fields, encoding);
      const parsed = parseFormBody(form.contentType, Buffer.from(form.body));
      expect(Object.fromEntries(parsed ?? [])).toEqual({ ...fields, n: '5' });
    },
  );
});

describe('a create with preset call times', () => {
  it('sends each number’s time from the chosen list variable in the telphone entries', async () => {
    const { send, seen } = fake((service) => {
      if (service === 'App.Sip_Auth.Login') return login(TOKEN_A);
      if (service === 'App.Sip_Yccall.TaskCreat') {
        return {
          status: 200,
          text: JSON.stringify({ ret: 200, data: { status: 0, result: { taskid: '77' } } }),
        };
      }
      // The read-back after the create (§4.7): the task holds both numbers.
      if (service === 'App.Sip_Yccall.TaskInfo') {
        return {
          status: 200,
          text: JSON.stringify({
            ret: 200,
            data: {
              status: 0,
              result: { totalitems: 2, currentpage: 1, itemsperpage: 1, result: [] },
            },
          }),
        };
      }
      return okList;
    });
    const vendor = new YccallVendor({
      accountId: 'acct',
      serverUrl: 'http://pbx.example:8080/',
      appid: 'app-1',
      getAccessKey: async () => KEY,
      send,
      clock: new ManualClock(),
      logger: new MemoryLogger(),
      serverUtcOffsetMinutes: 480,
    });
    await vendor.createTask({
      kind: 'predictive',
      name: 'Timed',
      callees: [
        { phone: '8613800000001', variables: ['2026-12-01 09:30'] },
        { phone: '8613800000002', variables: [''] },
      ],
      settings: { assignType: 'queue', assignAgent: 'q1', callTimeVariable: 1 },
    });
    const create = seen.find((entry) => entry.service === 'App.Sip_Yccall.TaskCreat');
    const telphone = JSON.parse(create?.fields.get('telphone') ?? '[]') as {
      phone: string;
      time?: number;
    }[];
    expect(telphone[0]?.time).toBe(Date.UTC(2026, 11, 1, 1, 30) / 1000);
    expect(telphone[1]?.time).toBeUndefined();
  });
});
