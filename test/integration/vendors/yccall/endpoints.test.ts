import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../../main/services/errors';
import { ManualClock } from '../../../../main/services/sandbox/sim-kit';
import { YccallVendor } from '../../../../main/services/vendors/yccall/yccall-vendor';
import {
  ACCOUNT,
  OTHER,
  SETTINGS,
  callees,
  rejection,
  startHarness,
  type Harness,
  must,
} from './harness';

const HOUR = 60 * 60 * 1000;

let h: Harness;
beforeAll(async () => {
  // One call per second per channel at concurrency 100 → 10 ms per number.
  h = await startHarness({ callMs: 1_000 });
});
afterAll(async () => {
  await h.close();
});

async function newTask(name: string, count = 20, settings: Record<string, unknown> = SETTINGS) {
  const created = await h.vendor.createTask({
    kind: 'predictive',
    name,
    callees: callees(count, 10_000 * name.length),
    settings,
  });
  return must(created.taskId);
}

describe('Yccall endpoints against the simulator over loopback HTTP', () => {
  it('tests the connection by signing in and describes the server and company', async () => {
    const check = await h.vendor.testConnection();
    expect(check.summary['zh-CN']).toMatch(/公司 Demo Call Center \(9001\)，令牌有效期 12 小时$/);
    expect(check.summary.en).toMatch(
      /^Server http:\/\/127\.0\.0\.1:\d+\/, company Demo Call Center \(9001\), token valid 12 h$/,
    );
    expect(h.client.sessionInfo?.companyCode).toBe('9001');
  });

  it('maps a wrong access key to VENDOR_AUTH, and an unknown appid to VENDOR_AUTH with ret 601', async () => {
    const wrongKey = h.makeClient({ accessKey: 'not-the-key' });
    const error = (await rejection(wrongKey.login())) as AppError;
    expect(error.code).toBe('VENDOR_AUTH');
    expect(error.message).toMatch(/refused to sign in.*Authorization failed/);
    expect(error.details).toMatchObject({ vendorCode: '1003' });
    const wrongApp = h.makeClient({ appid: 'nobody' });
    const error2 = (await rejection(wrongApp.taskList())) as AppError;
    expect(error2.code).toBe('VENDOR_AUTH');
    expect(error2.details).toMatchObject({ ret: 601 });
  });

  it('creates a task (TaskCreat) and lists it (TaskList) as a not-started predictive task', async () => {
    const id = await newTask('Listed task', 25);
    const page = await h.vendor.listTasks({ page: 1, pageSize: 50, name: 'Listed task' });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id,
      vendor: 'yccall',
      kind: 'predictive',
      name: 'Listed task',
      state: 'pending',
      vendorStatus: { code: '1025', label: 'Not started' },
      accountId: 'acc-yccall',
    });
    expect(page.items[0]?.createdAt).toBe(new Date(h.clock.now()).toISOString());
    const detail = await h.vendor.getTask('predictive', id);
    expect(detail.summary.counts.total).toBe(25);
    expect(detail.groups.find((g) => g.group === 'settings')?.fields).toContainEqual({
      key: 'taskassign',
      value: 'queue-1',
    });
  });

  it('filters TaskList by state, and keeps another company’s tasks out', async () => {
    const id = await newTask('Filter me');
    await h.vendor.resume('predictive', id);
    const running = await h.vendor.listTasks({ page: 1, pageSize: 100, states: ['running'] });
    expect(running.items.map((t) => t.id)).toContain(id);
    expect(running.items.every((t) => t.state === 'running')).toBe(true);
    const pending = await h.vendor.listTasks({
      page: 1,
      pageSize: 100,
      states: ['pending', 'paused'],
    });
    expect(pending.items.map((t) => t.id)).not.toContain(id);
    const other = new YccallVendor({
      accountId: 'other',
      client: h.makeClient({ appid: OTHER.appid, accessKey: OTHER.accesskey }),
      serverUtcOffsetMinutes: 0,
    });
    expect((await other.listTasks({ page: 1, pageSize: 100 })).items).toHaveLength(0);
    expect(((await rejection(other.getTask('predictive', id))) as AppError).code).toBe('NOT_FOUND');
  });

  it('runs the TaskSet state machine: start, pause, resume, end; an ended task cannot start again', async () => {
    const id = await newTask('State machine', 1_000);
    const state = async () => (await h.vendor.getTask('predictive', id)).summary.state;
    await h.vendor.resume('predictive', id);
    expect(await state()).toBe('running');
    await h.vendor.pause('predictive', id);
    expect(await state()).toBe('paused');
    await h.vendor.resume('predictive', id);
    expect(await state()).toBe('running');
    await h.vendor.cancel('predictive', id);
    // TaskSet 3 on a task with numbers left is an early end, never 'completed'.
    expect(await state()).toBe('ended-early');
    const error = (await rejection(h.vendor.resume('predictive', id))) as AppError;
    expect(error.code).toBe('VENDOR_REJECTED');
    expect(error.details).toMatchObject({ vendorCode: '1002', outcome: 'not-applied' });
    const pauseNew = (await rejection(
      h.vendor.pause('predictive', await newTask('Never started')),
    )) as AppError;
    expect(pauseNew.code).toBe('VENDOR_REJECTED');
  });

  it('progresses over sim time: numbers get called in order and the task ends by itself', async () => {
    const id = await newTask('Progressing', 100);
    await h.vendor.resume('predictive', id);
    h.clock.advance(500); // 10 ms per number → 50 called
    const first = await h.vendor.listNumberResults('predictive', id, { page: 1, pageSize: 100 });
    expect(first.total).toBe(100);
    const called = first.items.filter((n) => n.outcome !== 'not-called').length;
    expect(called).toBe(50);
    expect(first.items.slice(0, 50).every((n) => n.outcome !== 'not-called')).toBe(true);
    const outcomes = new Set(first.items.slice(0, 50).map((n) => n.outcome));
    expect([...outcomes].every((o) => ['answered', 'no-answer', 'failed'].includes(o))).toBe(true);
    expect(first.items.find((n) => n.outcome === 'answered')?.agent).toMatch(/^8001\d\d$/);
    h.clock.advance(10_000);
    const detail = await h.vendor.getTask('predictive', id);
    expect(detail.summary.state).toBe('completed');
    const answered = await h.vendor.listNumberResults('predictive', id, {
      page: 1,
      pageSize: 100,
      outcome: 'answered',
    });
    expect(answered.total).toBeNull();
    expect(answered.items.length).toBeGreaterThan(0);
    expect(answered.items.every((n) => n.outcome === 'answered')).toBe(true);
  });

  it('is deterministic: the same seed gives the same outcomes', async () => {
    const outcomes = async () => {
      const other = await startHarness({ callMs: 1_000, seed: 99 });
      try {
        const created = await other.vendor.createTask({
          kind: 'predictive',
          name: 'Same seed',
          callees: callees(30),
          settings: { ...SETTINGS, start: true },
        });
        other.clock.advance(HOUR);
        const page = await other.vendor.listNumberResults('predictive', must(created.taskId), {
          page: 1,
          pageSize: 30,
        });
        return page.items.map((n) => n.outcome).join(',');
      } finally {
        await other.close();
      }
    };
    expect(await outcomes()).toBe(await outcomes());
  });

  it('refuses TaskAdd on an ended task with a person-readable VENDOR_REJECTED', async () => {
    const id = await newTask('Ended then add');
    await h.vendor.cancel('predictive', id);
    const error = (await rejection(h.client.taskAdd(id, [{ phone: '13900000001' }]))) as AppError;
    expect(error.code).toBe('VENDOR_REJECTED');
    expect(error.message).toMatch(/task has ended/);
    expect(error.details).toMatchObject({ vendorCode: '1002', outcome: 'not-applied' });
  });

  it('reports invalid numbers of a TaskAdd and counts only the valid ones', async () => {
    const id = await newTask('Invalid numbers');
    const result = await h.client.taskAdd(id, [
      { phone: '13900000001' },
      { phone: 'abc' },
      { phone: '12' },
    ]);
    expect(result.success).toBe(1);
    expect(result.invalid).toHaveLength(2);
    expect(h.sim.numberCount(id)).toBe(21);
  });

  it('refuses more than 10,000 numbers per call: the client before sending, the server if sent anyway', async () => {
    const id = await newTask('Too many');
    const before = h.server.requestCount('App.Sip_Yccall.TaskAdd');
    const error = (await rejection(h.client.taskAdd(id, callees(10_001)))) as AppError;
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(h.server.requestCount('App.Sip_Yccall.TaskAdd')).toBe(before);
    // The simulator enforces the same limit for clients that do not check.
    const token = must(h.sim.tokenOf(ACCOUNT.appid));
    const body = new URLSearchParams({
      service: 'App.Sip_Yccall.TaskAdd',
      token,
      taskid: id,
      telphone: JSON.stringify(callees(10_001)),
    }).toString();
    const response = await request(`${h.server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    // Strict mode: the documented limit (§4.2) refuses the request as invalid (ret 400, §3.1).
    const answer = (await response.body.json()) as { ret: number; msg: string };
    expect(answer.ret).toBe(400);
    expect(answer.msg).toContain('yccall.TaskAdd.telphone.max-10000');
    expect(h.sim.numberCount(id)).toBe(20);
  });

  it('maps a server-side limit refusal to LIMIT_EXCEEDED', async () => {
    h.server.injectFault(
      'App.Sip_Yccall.TaskAdd',
      {
        kind: 'respond',
        body: {
          ret: 200,
          data: {
            status: 1,
            desc: 'fail',
            errors: { code: '1002', codemsg: 'telphone exceeds the limit of 10000' },
          },
          msg: '',
        },
      },
      { times: 1 },
    );
    const error = (await rejection(h.client.taskAdd('x', [{ phone: '13900000001' }]))) as AppError;
    expect(error.code).toBe('LIMIT_EXCEEDED');
  });

  it('removes numbers (taskDelPhone)', async () => {
    const id = await newTask('Delete some', 10);
    const phones = h.sim.numbersOf(id).slice(0, 3);
    await h.client.taskDelPhone(id, phones);
    expect(h.sim.numberCount(id)).toBe(7);
    expect(h.sim.numbersOf(id)).not.toContain(phones[0]);
  });

  it('re-dials the unanswered numbers of an ended task (taskCall) and re-dials them', async () => {
    const id = await newTask('Redial', 200);
    await h.vendor.resume('predictive', id);
    h.clock.advance(HOUR);
    const before = await h.vendor.listNumberResults('predictive', id, { page: 1, pageSize: 200 });
    const unanswered = before.items.filter((n) => n.outcome === 'no-answer').length;
    expect(unanswered).toBeGreaterThan(0);
    expect(await h.vendor.resend('predictive', id, 'failed', { start: false })).toBeNull();
    const after = await h.vendor.listNumberResults('predictive', id, { page: 1, pageSize: 200 });
    expect(after.items.filter((n) => n.outcome === 'not-called').length).toBe(unanswered);
    expect((await h.vendor.getTask('predictive', id)).summary.state).toBe('pending');
    expect(
      ((await rejection(h.vendor.resend('predictive', id, 'not-called', {}))) as AppError).code,
    ).toBe('VENDOR_REJECTED');
  });

  it('loads queues and extensions for the task form (no SIP passwords); groups are typed by name', async () => {
    const pickers = await h.vendor.loadPickers('predictive');
    expect(pickers['queues']?.map((q) => q.value)).toEqual(['queue-1', 'autocall_sales']);
    expect(pickers['extensions']?.map((e) => e.value)).toEqual([
      '800101',
      '800102',
      '800103',
      '800104',
      '800105',
    ]);
    // GetExtgroupInfo needs a name (§5.4): the groups cannot be listed, only looked up.
    expect(pickers['extensionGroups']).toEqual([]);
    expect((await h.client.extensionGroups(1, 'sales')).map((g) => g.name)).toEqual(['sales']);
    expect(JSON.stringify(pickers)).not.toMatch(/sip-\d{6}/);
    const all = await h.client.extensions(3);
    expect(all).toHaveLength(6);
    expect(JSON.stringify(all)).not.toMatch(/password/);
  });

  it('reads extension registration state', async () => {
    const rows = await h.client.registerStatus(['800101', '800106', '999999']);
    expect(rows.map((r) => r.code)).toEqual([1017, 1014, 1012]);
  });

  it('pulls CDRs (GetBill) for predictive calls, paged, with custom keys linking back to callees', async () => {
    const created = await h.vendor.createTask({
      kind: 'predictive',
      name: 'With CDRs',
      callees: [
        { phone: '13711112222', variables: ['emp-1', 'mem-1', 'cust-1'] },
        { phone: '13711113333', variables: ['emp-2', 'mem-2', 'cust-2'] },
        { phone: '13711114444' },
      ],
      settings: { ...SETTINGS, start: true },
    });
    const from = new Date(h.clock.now()).toISOString().replace('T', ' ').slice(0, 19);
    h.clock.advance(HOUR);
    const to = new Date(h.clock.now()).toISOString().replace('T', ' ').slice(0, 19);
    const bill = await h.client.getBill({
      starttime: from,
      endtime: to,
      callmethod: 5,
      destnumber: '13711112222',
    });
    expect(bill.total).toBe(1);
    expect(bill.records[0]).toMatchObject({
      taskid: created.taskId,
      destnumber: '13711112222',
      userid: 'emp-1',
      customuuid: 'cust-1',
    });
    const paged = await h.client.getBill({
      starttime: from,
      endtime: to,
      callmethod: 0,
      itemsperpage: 2,
    });
    expect(paged.total).toBeGreaterThanOrEqual(3);
    expect(paged.records).toHaveLength(2);
    expect(
      (
        (await rejection(
          h.client.getBill({ starttime: from, endtime: to, itemsperpage: 1001 }),
        )) as AppError
      ).code,
    ).toBe('LIMIT_EXCEEDED');
  });

  it('logs out (the token is refused afterwards, and the client signs in again by itself)', async () => {
    const client = h.makeClient();
    await client.login();
    const logins = h.sim.loginCount(ACCOUNT.appid);
    await client.logout();
    await client.taskList();
    expect(h.sim.loginCount(ACCOUNT.appid)).toBe(logins + 1);
  });

  it('re-logs in once on ret 600 when the server expired the token (12 h of sim time) and retries the call', async () => {
    // The client's own clock stands still, so it does not renew early: the server must say 600.
    const client = h.makeClient({ clock: new ManualClock() });
    await client.taskList();
    const logins = h.sim.loginCount(ACCOUNT.appid);
    const lists = h.server.requestCount('App.Sip_Yccall.TaskList');
    h.clock.advance(12 * HOUR);
    await client.taskList();
    expect(h.sim.loginCount(ACCOUNT.appid)).toBe(logins + 1);
    expect(h.server.requestCount('App.Sip_Yccall.TaskList') - lists).toBe(2);
  });

  it('renews the token before the 12 hours are up when its clock says so, without a refused call', async () => {
    const client = h.makeClient();
    await client.taskList();
    const logins = h.sim.loginCount(ACCOUNT.appid);
    const lists = h.server.requestCount('App.Sip_Yccall.TaskList');
    h.clock.advance(11 * HOUR);
    await client.taskList();
    expect(h.sim.loginCount(ACCOUNT.appid)).toBe(logins);
    h.clock.advance(HOUR);
    await client.taskList();
    expect(h.sim.loginCount(ACCOUNT.appid)).toBe(logins + 1);
    expect(h.server.requestCount('App.Sip_Yccall.TaskList') - lists).toBe(2);
  });

  it('retries a create once after ret 600 (the server refused it unprocessed) and creates exactly one task', async () => {
    await h.client.taskList(); // a fresh token, so the only sign-in counted is the one after 600
    h.server.injectFault(
      'App.Sip_Yccall.TaskCreat',
      { kind: 'respond', body: { ret: 600, data: [], msg: 'token expired' } },
      { times: 1 },
    );
    const before = h.server.requestCount('App.Sip_Yccall.TaskCreat');
    const logins = h.sim.loginCount(ACCOUNT.appid);
    await newTask('After 600');
    expect(h.server.requestCount('App.Sip_Yccall.TaskCreat') - before).toBe(2);
    expect(h.sim.loginCount(ACCOUNT.appid)).toBe(logins + 1);
    expect(h.sim.tasks().filter((t) => t.name === 'After 600')).toHaveLength(1);
  });

  it('gives up with VENDOR_AUTH when the token is refused again right after signing in', async () => {
    h.server.injectFault(
      'App.Sip_Yccall.TaskList',
      { kind: 'respond', body: { ret: 600, data: [], msg: 'token expired' } },
      { times: 2 },
    );
    const before = h.server.requestCount('App.Sip_Yccall.TaskList');
    const error = (await rejection(h.client.taskList())) as AppError;
    expect(error.code).toBe('VENDOR_AUTH');
    expect(h.server.requestCount('App.Sip_Yccall.TaskList') - before).toBe(2);
  });

  it('accepts the urlencoded form too', async () => {
    const { YccallClient } = await import('../../../../main/services/vendors/yccall/client');
    const { createUndiciSend } = await import('../../../../main/services/vendors/http');
    const client = new YccallClient({
      baseUrl: `${h.server.url}/`,
      appid: ACCOUNT.appid,
      getAccessKey: async () => ACCOUNT.accesskey,
      send: createUndiciSend(),
      clock: h.clock,
      encoding: 'urlencoded',
    });
    expect((await client.queues()).length).toBe(2);
  });
});
