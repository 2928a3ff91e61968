import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountItniotech } from '../../../main/services/sandbox/itniotech/itniotech-sim';
import { SimulatorServer } from '../../../main/services/sandbox/server';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import { mountYccall } from '../../../main/services/sandbox/yccall/yccall-sim';

// Strict mode over real HTTP. Requests are built by hand from the vendor docs (not with the app's
// clients), so this checks the simulator's refusals, not a client's reading of the docs.

const clock = new ManualClock();
const server = new SimulatorServer();
const yccall = mountYccall(server, {
  clock,
  seed: 11,
  accounts: [{ appid: 'strict-app', accesskey: 'strict-key' }],
  strict: true,
});
const API_KEY = 'bDqJFiq9';
const API_SECRET = '7bz1lzh9';
const itniotech = mountItniotech(server, {
  clock,
  seed: 11,
  accounts: [{ apiKey: API_KEY, apiSecret: API_SECRET }],
  strict: true,
});
let base = '';

beforeAll(async () => {
  base = await server.start();
});
afterAll(async () => {
  await server.close();
});

interface YccallAnswer {
  readonly ret: number;
  readonly data: { readonly result?: Record<string, unknown> } | readonly unknown[];
  readonly msg: string;
}

/** Posts form fields as multipart/form-data (the documented body, yccall.md §1). */
async function yccallPost(fields: Readonly<Record<string, string>>): Promise<YccallAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(`${base}/`, { method: 'POST', body: form });
  return (await response.json()) as YccallAnswer;
}

const resultOf = (answer: YccallAnswer): Record<string, unknown> =>
  (answer.data as { readonly result: Record<string, unknown> }).result;

/** Signed ITNIO headers (itniotech.md §1) at the simulator's clock. */
function signed(): Record<string, string> {
  const timestamp = String(Math.floor(clock.now() / 1000));
  return {
    'Content-Type': 'application/json;charset=UTF-8',
    'Api-Key': API_KEY,
    Timestamp: timestamp,
    Sign: createHash('md5').update(`${API_KEY}${API_SECRET}${timestamp}`).digest('hex'),
  };
}

async function itniotechPost(
  path: string,
  body: unknown,
  headers: Record<string, string> = signed(),
): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('Yccall strict mode', () => {
  let token = '';

  beforeAll(async () => {
    const login = await yccallPost({
      service: 'App.Sip_Auth.Login',
      appid: 'strict-app',
      accesskey: 'strict-key',
    });
    expect(login.ret).toBe(200);
    token = String(resultOf(login)['token']);
  });

  it('refuses a request that breaks a documented rule with ret 400 and changes nothing', async () => {
    const before = yccall.tasks().length;
    const answer = await yccallPost({
      service: 'App.Sip_Yccall.TaskCreat',
      token,
      assigntype: '2',
      assignagent: 'queue-1',
      telphone: JSON.stringify([{ phone: '18012345678' }]),
      taskscale: '1/2',
    });
    expect(answer.ret).toBe(400);
    expect(answer.data).toEqual([]);
    expect(answer.msg).toContain('illegal request, usually invalid parameters');
    expect(answer.msg).toContain('yccall.TaskCreat.taskscale.format');
    expect(yccall.tasks()).toHaveLength(before);
    expect(yccall.strict?.violations().map((v) => v.ruleId)).toContain(
      'yccall.TaskCreat.taskscale.format',
    );
  });

  it('refuses undocumented casing, JSON bodies and GET', async () => {
    const casing = await yccallPost({ service: 'App.Sip_Yccall.TaskCall', token, taskid: '1' });
    expect(casing.ret).toBe(400);
    expect(casing.msg).toContain('yccall.transport.service-casing');

    const json = await fetch(`${base}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'App.Sip_Yccall.TaskList', token }),
    });
    expect(((await json.json()) as YccallAnswer).msg).toContain('yccall.transport.form-body');

    const get = await fetch(`${base}/?service=App.Sip_Yccall.TaskList`);
    const answer = (await get.json()) as YccallAnswer;
    expect(answer.ret).toBe(400);
    expect(answer.msg).toContain('yccall.transport.method-post');
  });

  it('holds the good numbers of a TaskCreat and returns the bad ones in invaliddata', async () => {
    const bad = [{ phone: '+8613800138000' }, { phone: '138 0013 8001' }, { userid: 'no-phone' }];
    const answer = await yccallPost({
      service: 'App.Sip_Yccall.TaskCreat',
      token,
      assigntype: '2',
      assignagent: 'queue-1',
      telphone: JSON.stringify([
        { phone: '18012345678', userid: 'emp-1' },
        bad[0],
        { phone: 18012345679 },
        bad[1],
        bad[2],
      ]),
      taskscale: '1:2',
      disnumber: '',
    });
    expect(answer.ret).toBe(200);
    const result = resultOf(answer);
    const taskid = String(result['taskid']);
    expect(result['success']).toBe(2);
    expect(result['invaliddata']).toEqual(bad);
    expect(yccall.numbersOf(taskid)).toEqual(['18012345678', '18012345679']);
    expect(yccall.refusedOf(taskid)).toEqual(bad);

    const added = await yccallPost({
      service: 'App.Sip_Yccall.TaskAdd',
      token,
      taskid,
      telphone: JSON.stringify([{ phone: '02150001000' }, { phone: '021-5000-1001' }]),
    });
    expect(added.ret).toBe(200);
    expect(resultOf(added)).toEqual({ success: 1, invaliddata: [{ phone: '021-5000-1001' }] });
    expect(yccall.numbersOf(taskid)).toEqual(['18012345678', '18012345679', '02150001000']);
  });
});

describe('ITNIO strict mode', () => {
  it('answers a style-A route -22 naming the rule, and creates nothing', async () => {
    const before = itniotech.counts();
    const answer = await itniotechPost('/v3/cc/preview/submitTask', {
      filePath: '/mnt/cc/upload/000001_numbers.xlsx',
      fileName: 'numbers.xlsx',
      type: 1,
      voiceGroupId: [1000006],
      calloutRate: 2,
    });
    expect(answer['status']).toBe('-22');
    expect(String(answer['reason'])).toContain('parameter error');
    expect(String(answer['reason'])).toContain(
      'itniotech.cc.preview.submitTask.appId.required-type-1',
    );
    expect(itniotech.counts()).toEqual(before);
    expect(itniotech.ccTasks()).toEqual([]);
  });

  it('answers a style-B route with code -22', async () => {
    const answer = await itniotechPost('/voice/group/call/query', {
      current: 1,
      size: 10,
      params: { strTime: '2026-01-01', endTime: '2026-01-05 00:00:00' },
    });
    expect(answer['code']).toBe(-22);
    expect(String(answer['msg'])).toContain('itniotech.voice.group.call.query.strTime.format');
  });

  it('refuses a millisecond Timestamp header before the signature check', async () => {
    const headers = { ...signed(), Timestamp: String(clock.now()) };
    const answer = await itniotechPost(
      '/v3/cc/seatGroup/query',
      { ...{ current: 1, size: 10 }, params: {} },
      headers,
    );
    expect(answer['status']).toBe('-22');
    expect(String(answer['reason'])).toContain('itniotech.headers.timestamp-seconds');
  });

  it('runs valid requests as before and refuses a bad number list without creating a task', async () => {
    const listed = await itniotechPost('/v3/cc/seatGroup/query', {
      current: 1,
      size: 10,
      params: {},
    });
    expect(listed['status']).toBe('0');

    const send = {
      appId: 'iaAJ6COV',
      taskName: 'Strict mode check',
      source: 3,
      text: 'Hello from the strict simulator.',
      lan: 'EN',
      loopCount: 1,
      maxCalls: 60,
      numberInfoList: [{ calleeNumber: '8613800138000' }],
    };
    const created = await itniotechPost('/voice/group/call/send', send);
    expect(created['status']).toBe('0');
    expect(itniotech.groupTasks()).toHaveLength(1);

    const refused = await itniotechPost('/voice/group/call/send', {
      ...send,
      taskName: 'Strict mode check 2',
      numberInfoList: [{ calleeNumber: '+86 138 0013 8000' }],
    });
    expect(refused['status']).toBe('-22');
    expect(String(refused['reason'])).toContain(
      'itniotech.voice.group.call.send.numberInfoList.format',
    );
    expect(itniotech.groupTasks()).toHaveLength(1);
    expect(itniotech.strict?.violations().map((v) => v.ruleId)).toContain(
      'itniotech.voice.group.call.send.numberInfoList.format',
    );
  });
});
