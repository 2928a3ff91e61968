import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskSummarySchema } from '../../../../shared/domain/task';
import type { ItniotechVendor } from '../../../../main/services/vendors/itniotech/itniotech-vendor';
import type { Progress } from '../../../../main/services/vendors/vendor';
import { appErrorOf, startSim, type SimHarness } from './harness';

const TTS = { appId: 'iaAJ6COV', source: 3, text: 'Hello', lan: 'EN' };
const callees = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({
    phone: `+${prefix}${String(i).padStart(7, '0')}`,
    variables: [`name ${i}`],
  }));

let h: SimHarness;
let vendor: ItniotechVendor;
beforeAll(async () => {
  h = await startSim({ startDelayMs: 5_000, msPerCall: 1_000 });
  vendor = h.vendor();
});
afterAll(async () => {
  await h.close();
});

describe('ItniotechVendor against the simulator', () => {
  it('offers three kinds with per-kind capabilities', () => {
    expect(vendor.kinds).toEqual(['cc-preview', 'voice-group', 'ai-agent-group']);
    expect(vendor.capabilities('cc-preview')).toMatchObject({
      edit: true,
      numberResults: true,
      pause: false,
    });
    expect(vendor.capabilities('voice-group')).toMatchObject({
      resend: true,
      cancel: true,
      edit: false,
      numberResults: false,
    });
    // Resend scopes as each endpoint's resendType allows (§4.3, §5.3, §5.4); the AI resend takes
    // settings from the manager and needs its script id (§5.4); a cc resend takes the calls per
    // agent, which a task that calls agents needs and its record lacks (§4.3, §4.4).
    expect(vendor.capabilities('cc-preview')).toMatchObject({
      resendScopes: ['failed', 'not-called', 'all'],
      resendOptions: ['calloutRate'],
    });
    expect(vendor.capabilities('voice-group')).toMatchObject({
      resendScopes: ['failed', 'all'],
      resendOptions: [],
    });
    expect(vendor.capabilities('ai-agent-group')).toMatchObject({
      resendScopes: ['failed', 'all'],
      resendOptions: ['scriptId', 'allowSendTime', 'maxRingingTime', 'enableRecording'],
    });
  });

  it('tests the connection with the balance', async () => {
    const check = await vendor.testConnection();
    expect(check.summary.en).toMatch(/Balance 120\.5/);
    expect(check.summary['zh-CN']).toMatch(/余额 120\.5/);
    expect(check.balance?.amount).toBe(120.5);
  });

  it('a voice group call goes waiting → calling → completed as the sim clock moves', async () => {
    const created = await vendor.createTask({
      kind: 'voice-group',
      name: 'progress run',
      callees: callees(10, '86138'),
      settings: TTS,
    });
    expect(created).toMatchObject({ name: 'progress run', accepted: 10 });
    const id = created.taskId ?? '';
    const state = async () => (await vendor.getTask('voice-group', id)).summary;
    expect((await state()).state).toBe('pending');
    h.clock.advance(5_000 + 4_000);
    const running = await state();
    expect(running.state).toBe('running');
    expect(running.counts.called).toBe(4);
    h.clock.advance(60_000);
    const done = TaskSummarySchema.parse(await state());
    expect(done.state).toBe('completed');
    expect(done.vendorStatus).toEqual({ code: '2', label: 'task completed' });
    expect((done.counts.success ?? 0) + (done.counts.failed ?? 0)).toBe(10);
    expect(done.finishedAt).not.toBeNull();
    const listed = await vendor.listTasks({
      kind: 'voice-group',
      name: 'progress run',
      page: 1,
      pageSize: 10,
    });
    expect(listed.items.map((t) => [t.id, t.state])).toEqual([[id, 'completed']]);
    const completedOnly = await vendor.listTasks({
      kind: 'voice-group',
      states: ['running'],
      page: 1,
      pageSize: 10,
    });
    expect(completedOnly.items.map((t) => t.id)).not.toContain(id);
  });

  it('the same seed gives the same outcomes', async () => {
    const other = await startSim({ startDelayMs: 5_000, msPerCall: 1_000 });
    try {
      const a = other.vendor();
      const first = await a.createTask({
        kind: 'voice-group',
        name: 'seeded',
        callees: callees(30, '86137'),
        settings: TTS,
      });
      other.clock.advance(120_000);
      const again = await startSim({ startDelayMs: 5_000, msPerCall: 1_000 });
      try {
        const second = await again.vendor().createTask({
          kind: 'voice-group',
          name: 'seeded',
          callees: callees(30, '86137'),
          settings: TTS,
        });
        again.clock.advance(120_000);
        const one = (await a.getTask('voice-group', first.taskId ?? '')).summary.counts;
        const two = (await again.vendor().getTask('voice-group', second.taskId ?? '')).summary
          .counts;
        expect(two).toEqual(one);
      } finally {
        await again.close();
      }
    } finally {
      await other.close();
    }
  });

  it('creates a cc-preview task from a workbook, reporting progress, and lists its numbers', async () => {
    const stages: Progress[] = [];
    const created = await vendor.createTask(
      {
        kind: 'cc-preview',
        name: 'cc vendor',
        callees: [...callees(6, '91900'), { phone: '+919000000000' }],
        settings: { type: 1, voiceGroupId: [1000006], appId: 'iaAJ6COV', calloutRate: 2 },
      },
      { onProgress: (p) => stages.push(p) },
    );
    expect(created.accepted).toBe(6); // the duplicate is dropped
    expect(stages.map((s) => s.stage)).toEqual(['workbook', 'upload', 'submit', 'submit']);
    const id = created.taskId ?? '';
    expect(await vendor.findTaskByName('cc-preview', 'cc vendor')).toMatchObject({
      id,
      kind: 'cc-preview',
    });
    h.clock.advance(5_000 + 2_500);
    const results = await vendor.listNumberResults('cc-preview', id, { page: 1, pageSize: 10 });
    const codes = results.items.map((r) => r.vendorStatus.code);
    // Two calls ended (answered 9 or abnormal 7), the third is ringing (1), three wait (5).
    expect(codes.slice(0, 2).every((c) => c === '9' || c === '7')).toBe(true);
    expect(codes.slice(2)).toEqual(['1', '5', '5', '5']);
    expect(results.items.filter((r) => r.outcome === 'not-called')).toHaveLength(3);
    const notCalled = await vendor.listNumberResults('cc-preview', id, {
      page: 1,
      pageSize: 10,
      outcome: 'not-called',
    });
    expect(notCalled.total).toBe(3);
    await vendor.edit('cc-preview', id, { calloutRate: 4, remark: 'cc vendor' });
    await vendor.cancel('cc-preview', id);
    expect((await vendor.getTask('cc-preview', id)).summary.state).toBe('cancelled');
    const resent = await vendor.resend('cc-preview', id, 'not-called', {
      type: 0,
      remark: 'cc vendor rest',
    });
    expect(resent?.taskId).toMatch(/^\d+$/);
    // The call that was ringing at cancel time never ended, so it counts as not called: 1 + 3.
    expect((await vendor.getTask('cc-preview', resent?.taskId ?? '')).summary.counts.total).toBe(4);
  });

  it('finds a cc task by name when submitTask answers data: null (older page revision)', async () => {
    const nullSim = await startSim({ ccReturnsTaskId: false });
    try {
      const created = await nullSim.vendor().createTask({
        kind: 'cc-preview',
        name: 'null id task',
        callees: callees(2, '91901'),
        settings: { type: 0 },
      });
      expect(created.taskId).toBe(nullSim.sim.ccTasks()[0]?.id);
    } finally {
      await nullSim.close();
    }
  });

  it('creates an AI-agent group call and resends it', async () => {
    const created = await vendor.createTask({
      kind: 'ai-agent-group',
      name: 'ai vendor',
      callees: callees(5, '6281'),
      settings: { appId: 'rcVY82Lm', scriptId: 9 },
    });
    expect((await vendor.findTaskByName('ai-agent-group', 'ai vendor'))?.id).toBe(created.taskId);
    h.clock.advance(60_000);
    const again = await vendor.resend('ai-agent-group', created.taskId ?? '', 'all', {
      taskName: 'ai vendor 2',
      scriptId: 9,
    });
    expect(again?.taskId).toMatch(/^\d+$/);
    expect(h.sim.groupTasks().find((t) => t.id === again?.taskId)?.taskType).toBe(3);
  });

  it('cancels a running voice group call', async () => {
    const created = await vendor.createTask({
      kind: 'voice-group',
      name: 'to cancel',
      callees: callees(50, '86136'),
      settings: TTS,
    });
    h.clock.advance(8_000);
    await vendor.cancel('voice-group', created.taskId ?? '');
    h.clock.advance(60_000);
    const summary = (await vendor.getTask('voice-group', created.taskId ?? '')).summary;
    expect(summary.state).toBe('cancelled');
    expect(summary.counts.called).toBe(3);
  });

  it('loads pickers per kind', async () => {
    const voice = await vendor.loadPickers('voice-group');
    expect(voice.agentGroups?.map((g) => g.label)).toEqual(['Sales A', 'Support', 'Collections']);
    expect(voice.displayNumbers?.map((n) => n.value)).toEqual(['915027021995', '8613242926514']);
    expect(voice.ttsLanguages?.length).toBe(14);
    expect((await vendor.loadPickers('ai-agent-group')).agentGroups).toBeUndefined();
  });

  it('refuses what ITNIO cannot do before sending anything', async () => {
    const key = '/voice/group/call/send';
    const before = h.server.requestCount(key);
    expect((await appErrorOf(vendor.pause('voice-group', '1'))).code).toBe('INVALID_INPUT');
    expect(
      (
        await appErrorOf(
          vendor.createTask({
            kind: 'voice-group',
            name: 'bad',
            callees: [{ phone: '123' }],
            settings: TTS,
          }),
        )
      ).code,
    ).toBe('INVALID_INPUT');
    expect(
      (
        await appErrorOf(
          vendor.createTask({
            kind: 'voice-group',
            name: 'no text',
            callees: callees(1, '86135'),
            settings: { appId: 'a', source: 3 },
          }),
        )
      ).text.en,
    ).toMatch(/text/);
    expect(
      (await appErrorOf(vendor.listTasks({ kind: 'voice-group', page: 1, pageSize: 101 }))).code,
    ).toBe('INVALID_INPUT');
    expect(h.server.requestCount(key)).toBe(before);
  });

  it('refuses more than 100,000 numbers for a cc task without uploading', async () => {
    const key = '/cc/preview/upload';
    const before = h.server.requestCount(key);
    const many = Array.from({ length: 100_001 }, (_, i) => ({
      phone: String(919_000_000_000 + i),
    }));
    const error = await appErrorOf(
      vendor.createTask({ kind: 'cc-preview', name: 'too many', callees: many, settings: {} }),
    );
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(h.server.requestCount(key)).toBe(before);
  });

  it('says the clock is off when the vendor answers -16', async () => {
    const skewed = h.client({ clock: { now: () => h.clock.now() + 15 * 60_000 } });
    const error = await appErrorOf(skewed.getBalance());
    expect(error.code).toBe('VENDOR_AUTH');
    expect(error.text.en).toMatch(/clock is off/);
    expect(error.text['zh-CN']).toMatch(/时钟/);
  });

  it('seeds sample tasks for the demo', async () => {
    const demo = await startSim();
    try {
      demo.sim.seedSampleTasks();
      const v = demo.vendor();
      const voice = await v.listTasks({ kind: 'voice-group', page: 1, pageSize: 10 });
      expect(new Set(voice.items.map((t) => t.state))).toEqual(
        new Set(['completed', 'running', 'pending']),
      );
      expect((await v.listTasks({ kind: 'cc-preview', page: 1, pageSize: 10 })).items).toHaveLength(
        2,
      );
      expect(
        (await v.listTasks({ kind: 'ai-agent-group', page: 1, pageSize: 10 })).items,
      ).toHaveLength(1);
    } finally {
      await demo.close();
    }
  });
});
