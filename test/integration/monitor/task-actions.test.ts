import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/services/errors';
import { parseFormBody } from '../../../main/services/sandbox/yccall/form-parser';
import type { BoardRow } from '../../../shared/domain/board';
import type { TaskAction } from '../../../shared/domain/board-ui';
import type { TaskKind } from '../../../shared/domain/task';
import { startSimWorld, type SimWorld } from './sim-world';

// The board's Resend against the vendor simulator over loopback: what leaves for each kind of
// task (itniotech.md §4.3, §5.3, §5.4; yccall.md §4.5), and what is refused before anything does.

const ITNIO = { apiKey: 'actionsKey1', apiSecret: 'actions-secret-never-shown-1' } as const;
const YCCALL = { appid: 'actions-app', accesskey: 'AK-actions-secret-2' } as const;

/** The simulator's route key of each kind's resend. */
const RESEND_ROUTE: Readonly<Record<TaskKind, string>> = {
  'voice-group': '/voice/group/call/resend',
  'ai-agent-group': '/voice/group/call/resend/ai',
  'cc-preview': '/cc/preview/resendTask',
  predictive: 'App.Sip_Yccall.taskCall',
};
const RESEND_ROUTES = Object.values(RESEND_ROUTE);

let world: SimWorld;

async function startWorld(options: { defaultAppId?: string } = {}): Promise<SimWorld> {
  const started = await startSimWorld({
    itnio: ITNIO,
    yccall: YCCALL,
    seed: 11,
    seedYccall: true,
    monitor: { backoffMs: 10_000, maxBackoffMs: 60_000 },
    ...options,
  });
  started.monitor.start();
  await started.scheduler.advance(0);
  return started;
}

beforeEach(async () => {
  world = await startWorld();
});

afterEach(async () => {
  await world.monitor.stop();
  await world.server.close();
});

/** A seeded sample task on the board, which must have finished. */
function finished(kind: TaskKind, name: string): BoardRow {
  const row = world.monitor.snapshot().rows.find((r) => r.kd === kind && r.n === name);
  if (!row) throw new Error(`no ${kind} task “${name}” on the board`);
  expect(row.s).toBe('completed');
  return row;
}

/** The JSON body of the one resend the simulator received on a route. */
function resendBody(route: string): Record<string, unknown> {
  expect(world.server.requestCount(route)).toBe(1);
  const request = world.server.lastRequest(route);
  if (!request) throw new Error(`no request on ${route}`);
  return JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
}

/** How many resends of any kind reached the simulator. */
const resends = () =>
  RESEND_ROUTES.reduce((sum, route) => sum + world.server.requestCount(route), 0);

/** The value a task's detail shows for a field. */
async function detailValue(row: BoardRow, key: string) {
  const detail = await world.monitor.detail(row.k);
  return detail.groups.flatMap((group) => group.fields).find((field) => field.key === key)?.value;
}

const onBoard = (kind: TaskKind, name: string) =>
  world.monitor.snapshot().rows.find((row) => row.kd === kind && row.n === name);

const SEAT_GROUPS = '/cc/seatGroup/query';

/**
 * Makes the seat-group list name each group's application, as the simulator's groups are set up
 * (itniotech.md §6.1 lists no `appId` on the records, and the simulator leaves it out; the vendor
 * reads it where it is sent).
 */
function seatGroupsNameTheirApplication() {
  world.server.injectFault(SEAT_GROUPS, {
    kind: 'respond',
    body: {
      status: '0',
      reason: 'success',
      data: {
        total: 2,
        size: 100,
        current: 1,
        pages: 1,
        records: [
          { voiceGroupId: 1000006, countSeat: 4, groupName: 'Sales A', appId: 'iaAJ6COV' },
          { voiceGroupId: 1000037, countSeat: 6, groupName: 'Collections', appId: 'rcVY82Lm' },
        ],
      },
    },
  });
}

/** The refusal an action ends in (or null when it went through). */
async function refusalOf(action: TaskAction): Promise<AppError | null> {
  try {
    await world.monitor.act(action);
    return null;
  } catch (failure) {
    if (failure instanceof AppError) return failure;
    throw failure;
  }
}

describe('Resend from the task board against the simulator', () => {
  it('resends the failed numbers of a voice group call as a new task on the board', async () => {
    const row = finished('voice-group', 'Renewal reminders (done)');
    const text = await detailValue(row, 'text');
    const result = await world.monitor.act({
      action: 'resend',
      key: row.k,
      scope: 'failed',
      name: 'Renewals, failed again',
    });

    const body = resendBody(RESEND_ROUTE['voice-group']);
    expect(body).toMatchObject({
      keyId: Number(row.t),
      resendType: 1,
      taskName: 'Renewals, failed again',
      appId: 'iaAJ6COV',
      source: 3,
      text,
      lan: 'EN',
    });
    expect(resends()).toBe(1);
    expect(result.newTaskId).not.toBeNull();
    expect(onBoard('voice-group', 'Renewals, failed again')?.t).toBe(result.newTaskId);
  });

  it('resends an AI-agent group call with the script, windows, ring time and recording given', async () => {
    const row = finished('ai-agent-group', 'AI collections batch');
    const windows = [
      { strTime: '09:00', endTime: '12:00' },
      { strTime: '14:00', endTime: '18:30' },
    ];
    const result = await world.monitor.act({
      action: 'resend',
      key: row.k,
      scope: 'all',
      name: 'Collections, second pass',
      options: {
        scriptId: '456',
        allowSendTime: windows,
        maxRingingTime: 45,
        enableRecording: true,
      },
    });

    const body = resendBody(RESEND_ROUTE['ai-agent-group']);
    expect(body).toMatchObject({
      keyId: Number(row.t),
      resendType: 0,
      taskName: 'Collections, second pass',
      scriptId: 456,
      allowSendTime: windows,
      maxRingingTime: 45,
      enableRecording: 1,
    });
    expect(resends()).toBe(1);
    const added = onBoard('ai-agent-group', 'Collections, second pass');
    expect(added?.t).toBe(result.newTaskId);
    // "all": every number of the original task again.
    expect(added?.tot).toBe(row.tot);
  });

  it('resends a call-center task that calls agents with its type, its group’s application and the calls per agent given', async () => {
    const row = finished('cc-preview', 'Agent callbacks (done)');
    // The record names the type as the task was created (§4.4), but carries no appId/calloutRate.
    expect(await detailValue(row, 'taskType')).toBe(1);
    expect(await detailValue(row, 'appId')).toBeUndefined();
    seatGroupsNameTheirApplication();
    const result = await world.monitor.act({
      action: 'resend',
      key: row.k,
      scope: 'failed',
      name: 'Callbacks, failed again',
      options: { calloutRate: 3 },
    });

    const body = resendBody(RESEND_ROUTE['cc-preview']);
    expect(body).toMatchObject({
      taskId: Number(row.t),
      resendType: 1,
      type: 1,
      appId: 'iaAJ6COV',
      calloutRate: 3,
      remark: 'Callbacks, failed again',
      voiceGroupId: [1000006],
      ccode: '91',
    });
    expect(body).not.toHaveProperty('taskType');
    expect(resends()).toBe(1);
    const added = onBoard('cc-preview', 'Callbacks, failed again');
    expect(added?.t).toBe(result.newTaskId);
    expect(added?.tot).toBeLessThan(row.tot ?? 0);
  });

  it('asks for the calls per agent of a call-center task that calls agents, and sends nothing', async () => {
    const row = finished('cc-preview', 'Agent callbacks (done)');
    seatGroupsNameTheirApplication();
    const error = await refusalOf({
      action: 'resend',
      key: row.k,
      scope: 'failed',
      name: 'Not sent',
    });

    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.text.en).toMatch(/^Enter the calls per agent for the new task/);
    expect(error?.text.en).toMatch(/Nothing was sent/);
    expect(error?.text['zh-CN']).toMatch(/^请输入新任务的每坐席呼叫数.*未发送任何请求/);
    expect(world.server.requestCount(RESEND_ROUTE['cc-preview'])).toBe(0);
    expect(resends()).toBe(0);
    expect(onBoard('cc-preview', 'Not sent')).toBeUndefined();
  });

  it('refuses a call-center resend when the agent group’s application is not listed, and sends nothing', async () => {
    const row = finished('cc-preview', 'Agent callbacks (done)');
    // As documented (§6.1) and simulated: seat-group records name no application.
    const error = await refusalOf({
      action: 'resend',
      key: row.k,
      scope: 'failed',
      name: 'Not sent',
      options: { calloutRate: 3 },
    });

    expect(world.server.requestCount(SEAT_GROUPS)).toBe(1);
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.text.en).toMatch(/needs the application of its agent group.*Nothing was sent/);
    expect(error?.text['zh-CN']).toMatch(/未发送任何请求/);
    expect(resends()).toBe(0);
    expect(onBoard('cc-preview', 'Not sent')).toBeUndefined();
  });

  it('falls back to the account’s default application when the agent group names none', async () => {
    await world.monitor.stop();
    await world.server.close();
    world = await startWorld({ defaultAppId: 'iaAJ6COV' });
    const row = finished('cc-preview', 'Agent callbacks (done)');
    await world.monitor.act({
      action: 'resend',
      key: row.k,
      scope: 'all',
      name: 'Callbacks, all again',
      options: { calloutRate: 2 },
    });
    expect(resendBody(RESEND_ROUTE['cc-preview'])).toMatchObject({
      type: 1,
      appId: 'iaAJ6COV',
      calloutRate: 2,
      resendType: 3,
    });
    expect(resends()).toBe(1);
  });

  it('re-dials the unanswered numbers of an ended predictive task within the same task', async () => {
    const row = finished('predictive', 'Reminder calls');
    const result = await world.monitor.act({
      action: 'resend',
      key: row.k,
      scope: 'failed',
      name: 'Reminder calls again',
    });

    expect(world.server.requestCount(RESEND_ROUTE.predictive)).toBe(1);
    const request = world.server.lastRequest(RESEND_ROUTE.predictive);
    const form = request ? parseFormBody(request.headers['content-type'], request.body) : null;
    expect(form?.get('service')).toBe('App.Sip_Yccall.taskCall');
    expect(form?.get('taskid')).toBe(row.t);
    // §4.5: the customer did not answer; the run starts at once.
    expect(form?.get('answertype')).toBe('callee');
    expect(form?.get('status')).toBe('1');
    expect(resends()).toBe(1);
    // The server re-dials in the same task (no new id): the board shows it calling again.
    expect(result.newTaskId).toBeNull();
    const after = world.monitor.snapshot().rows.find((r) => r.k === row.k);
    expect(after?.s).toBe('running');
  });

  it.each([
    ['no application', { calloutRate: 2 }],
    ['no calls per agent', { appId: 'iaAJ6COV' }],
  ] as const)(
    'the simulator refuses a resendTask that calls agents with %s (-22), as §4.3 requires',
    async (_, given) => {
      const row = finished('cc-preview', 'Agent callbacks (done)');
      let error: unknown = null;
      try {
        await world.client.resendTask({
          taskId: row.t,
          resendType: 3,
          type: 1,
          voiceGroupId: [1000006],
          ...given,
        });
      } catch (failure) {
        error = failure;
      }
      expect(error).toBeInstanceOf(AppError);
      if (error instanceof AppError) expect(error.details?.vendorCode).toBe('-22');
      expect(world.server.requestCount(RESEND_ROUTE['cc-preview'])).toBe(1);
      // The two sample cc tasks, and no new one.
      expect(world.itniotech.ccTasks()).toHaveLength(2);
    },
  );

  it.each([
    [
      'voice-group',
      'Renewal reminders (done)',
      { scope: 'not-called' },
      'VENDOR_REJECTED',
      /cannot resend the numbers not called yet at its vendor; it can resend the failed numbers or all numbers/,
    ],
    [
      'predictive',
      'Reminder calls',
      { scope: 'not-called' },
      'VENDOR_REJECTED',
      /cannot resend the numbers not called yet/,
    ],
    [
      'voice-group',
      'Renewal reminders (done)',
      { scope: 'failed', options: { maxRingingTime: 30 } },
      'VENDOR_REJECTED',
      /cannot be given a ringing time on a resend/,
    ],
    [
      'ai-agent-group',
      'AI collections batch',
      { scope: 'all', options: { maxRingingTime: 30, enableRecording: true } },
      'INVALID_INPUT',
      /^Enter the AI script id/,
    ],
  ] as const)(
    '%s: refuses %j in plain words, and no resend reaches the vendor',
    async (kind, name, asked, code, message) => {
      const row = finished(kind, name);
      const action = { action: 'resend', key: row.k, name: 'Not sent', ...asked } as TaskAction;
      let error: unknown = null;
      try {
        await world.monitor.act(action);
      } catch (failure) {
        error = failure;
      }
      expect(error).toBeInstanceOf(AppError);
      if (!(error instanceof AppError)) return;
      expect(error.code).toBe(code);
      expect(error.text.en).toMatch(message);
      expect(error.text.en).toMatch(/Nothing was sent|nothing was sent/);
      expect(error.text['zh-CN']).toMatch(/未发送任何请求/);
      expect(resends()).toBe(0);
      expect(onBoard(kind, 'Not sent')).toBeUndefined();
    },
  );
});
