import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalleeWorkbook } from '../../../../main/services/vendors/itniotech/callee-workbook';
import type { ItniotechClient } from '../../../../main/services/vendors/itniotech/client';
import { appErrorOf, startSim, type SimHarness } from './harness';

const TTS = { appId: 'iaAJ6COV', source: 3, text: 'Hello', lan: 'EN', loopCount: 1, maxCalls: 60 };
const numbers = (n: number, prefix = '86138') =>
  Array.from({ length: n }, (_, i) => ({ calleeNumber: `${prefix}${String(i).padStart(8, '0')}` }));

let h: SimHarness;
beforeAll(async () => {
  h = await startSim();
});
afterAll(async () => {
  await h.close();
});

function window() {
  const fmt = (ms: number) =>
    new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  return { strTime: fmt(h.clock.now() - 86_400_000), endTime: fmt(h.clock.now() + 86_400_000) };
}

async function uploadWorkbook(client: ItniotechClient, phones: readonly string[]) {
  const workbook = await buildCalleeWorkbook(phones.map((phone) => ({ phone, variables: ['v1'] })));
  return client.uploadCallees({ fileName: 'callees.xlsx', file: workbook.toString('base64') });
}

describe.each(['itniotech', 'onbuka'] as const)(
  'ITNIO endpoints against the simulator (%s paths)',
  (brand) => {
    let client: ItniotechClient;
    beforeAll(() => {
      client = h.client({ brand });
    });

    it('cc: upload counts numbers and duplicates, submitTask returns the id, query and detail show it', async () => {
      const uploaded = await uploadWorkbook(client, [
        '919000000001',
        '919000000002',
        '919000000001',
      ]);
      expect(uploaded).toMatchObject({ numberTotalCount: 3, numberSameCount: 1 });
      expect(uploaded.filePath).toMatch(/^\/mnt\/cc\//);
      const taskId = await client.submitTask({
        filePath: uploaded.filePath,
        fileName: 'callees.xlsx',
        type: 1,
        voiceGroupId: [1000006],
        appId: 'iaAJ6COV',
        calloutRate: 2,
        remark: `cc ${brand}`,
      });
      expect(taskId).toMatch(/^\d+$/);
      const list = await client.queryCcTasks({
        current: 1,
        size: 10,
        params: { taskId: taskId ?? '' },
      });
      expect(list.records).toHaveLength(1);
      expect(list.records[0]).toMatchObject({
        taskId,
        totalCount: 2,
        remark: `cc ${brand}`,
        taskStatus: 16,
      });
      const detail = await client.queryCcTaskDetail({
        current: 1,
        size: 10,
        params: { taskId: taskId ?? '' },
      });
      expect(detail.records.map((r) => r.status)).toEqual([5, 5]);
      expect(detail.records[0]?.var01).toBe('v1');
    });

    it('cc: editTask changes the task; cancelTask stops it; a second cancel is refused with -41', async () => {
      const uploaded = await uploadWorkbook(client, ['919000000011']);
      const taskId =
        (await client.submitTask({ filePath: uploaded.filePath, fileName: 'c.xlsx', type: 0 })) ??
        '';
      await client.editCcTask({ taskId, calloutRate: 3, remark: 'edited' });
      const after = await client.queryCcTasks({ current: 1, size: 1, params: { taskId } });
      expect(after.records[0]?.remark).toBe('edited');
      await client.cancelCcTask(taskId);
      const cancelled = await client.queryCcTasks({ current: 1, size: 1, params: { taskId } });
      expect(cancelled.records[0]?.taskStatus).toBe(14);
      const error = await appErrorOf(client.cancelCcTask(taskId));
      expect(error.details?.vendorCode).toBe('-41');
    });

    it('cc: resendTask recalls failed numbers into a new task once the first has finished', async () => {
      const phones = Array.from({ length: 20 }, (_, i) => `91900000${String(100 + i)}`);
      const uploaded = await uploadWorkbook(client, phones);
      const taskId =
        (await client.submitTask({ filePath: uploaded.filePath, fileName: 'r.xlsx', type: 0 })) ??
        '';
      const early = await appErrorOf(client.resendTask({ taskId, resendType: 1, type: 0 }));
      expect(early.details?.vendorCode).toBe('-41');
      h.clock.advance(60_000);
      const failed = await client.queryCcTaskDetail({
        current: 1,
        size: 100,
        params: { taskId, statusList: [7] },
      });
      const newId = await client.resendTask({ taskId, resendType: 1, type: 0, remark: 'again' });
      expect(newId).not.toBe(taskId);
      const resent = await client.queryCcTasks({
        current: 1,
        size: 1,
        params: { taskId: newId ?? '' },
      });
      expect(resent.records[0]?.totalCount).toBe(failed.total);
    });

    it('voice: send, query, detail, cancel', async () => {
      const name = `voice ${brand}`;
      const jobId =
        (await client.sendGroupCall({ ...TTS, taskName: name, numberInfoList: numbers(5) })) ?? '';
      const list = await client.queryGroupCalls({
        current: 1,
        size: 10,
        params: { ...window(), searchCondition: name },
      });
      expect(list.records.map((r) => r.taskName)).toEqual([name]);
      expect(list.records[0]).toMatchObject({ jobId, status: 0, numCnt: 5 });
      const detail = await client.groupCallDetail(jobId);
      expect(detail).toMatchObject({ jobId, taskName: name, status: 0 });
      await client.cancelGroupCalls([jobId]);
      expect((await client.groupCallDetail(jobId)).status).toBe(4);
    });

    it('voice: a task name is unique (-20)', async () => {
      await client.sendGroupCall({ ...TTS, taskName: `dup ${brand}`, numberInfoList: numbers(1) });
      const error = await appErrorOf(
        client.sendGroupCall({ ...TTS, taskName: `dup ${brand}`, numberInfoList: numbers(1) }),
      );
      expect(error.code).toBe('VENDOR_REJECTED');
      expect(error.details?.vendorCode).toBe('-20');
    });

    it('voice: resend re-runs the failed numbers as a new task', async () => {
      const jobId =
        (await client.sendGroupCall({
          ...TTS,
          taskName: `resend src ${brand}`,
          numberInfoList: numbers(20, '86139'),
        })) ?? '';
      h.clock.advance(60_000);
      const done = await client.groupCallDetail(jobId);
      expect(done.status).toBe(2);
      const newId = await client.resendGroupCall({
        ...TTS,
        keyId: jobId,
        taskName: `resend new ${brand}`,
        resendType: 1,
      });
      expect((await client.groupCallDetail(newId ?? '')).numCnt).toBe(done.fail);
    });

    it('AI agent: send/agent, query with taskType 3, resend/ai', async () => {
      const name = `ai ${brand}`;
      const id =
        (await client.sendAiAgentGroupCall({
          appId: 'rcVY82Lm',
          scriptId: 5,
          taskName: name,
          numberInfoList: numbers(4, '6281'),
        })) ?? '';
      const ai = await client.queryAiAgentGroupCalls({
        current: 1,
        size: 10,
        params: { ...window(), searchCondition: name },
      });
      expect(ai.records.map((r) => r.taskId)).toEqual([id]);
      const voice = await client.queryGroupCalls({
        current: 1,
        size: 10,
        params: { ...window(), searchCondition: name },
      });
      expect(voice.records).toEqual([]);
      h.clock.advance(60_000);
      const newId = await client.resendAiGroupCall({
        keyId: id,
        taskName: `${name} again`,
        scriptId: 5,
        resendType: 0,
      });
      expect(newId).toMatch(/^\d+$/);
    });

    it('pickers: agent groups, seat quota, display numbers, balance', async () => {
      const groups = await client.querySeatGroups({ current: 1, size: 10, params: {} });
      expect(groups.records.map((g) => g.voiceGroupId)).toContain('1000006');
      expect(await client.querySipTotal('1000006')).toEqual({ total: 12, remaining: 8 });
      const numbersPage = await client.queryDisplayNumbers({
        current: 1,
        size: 10,
        params: { appId: 'iaAJ6COV' },
      });
      expect(numbersPage.records.length).toBe(2);
      expect((await client.getBalance()).balance).toBe(120.5);
    });

    it('records: call-center and group-call records of finished calls', async () => {
      h.clock.advance(60_000);
      const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
      const now = h.clock.now();
      const cc = await client.queryCcRecords({
        current: 1,
        size: 100,
        params: { startTime: '2020-01-01 00:00:00', endTime: '2030-01-01 00:00:00' },
      });
      expect(cc.total).toBeGreaterThan(0);
      const voice = await client.queryGroupCallRecords({
        current: 1,
        size: 100,
        params: { strTime: iso(now - 86_400_000), endTime: iso(now) },
      });
      expect(voice.total).toBeGreaterThan(0);
      const tooLong = await appErrorOf(
        client.queryGroupCallRecords({
          current: 1,
          size: 10,
          params: { strTime: iso(now - 40 * 86_400_000), endTime: iso(now) },
        }),
      );
      expect(tooLong.details?.vendorCode).toBe('-22');
    });
  },
);

describe('simulator protocol rules', () => {
  it('refuses page sizes outside 1–100 with -22', async () => {
    const client = h.client();
    for (const size of [0, 101]) {
      const error = await appErrorOf(client.querySeatGroups({ current: 1, size, params: {} }));
      expect(error.details?.vendorCode).toBe('-22');
    }
  });

  it('refuses a wrong secret with -1 and a skewed clock with -16', async () => {
    const wrong = await appErrorOf(h.client({ secret: 'not-the-secret' }).getBalance());
    expect(wrong.code).toBe('VENDOR_AUTH');
    expect(wrong.details?.vendorCode).toBe('-1');
    const late = { now: () => h.clock.now() - 10 * 60_000 };
    const skewed = await appErrorOf(h.client({ clock: late }).getBalance());
    expect(skewed.code).toBe('VENDOR_AUTH');
    expect(skewed.details?.vendorCode).toBe('-16');
    expect(skewed.text.en).toMatch(/clock/);
    // Measured over real HTTP from the server's Date header, not assumed.
    expect(skewed.text.en).toContain('10 minutes behind');
  });

  it('answers -2 when the IP allow-list refuses this machine', async () => {
    h.sim.setIpAllowed('bDqJFiq9', false);
    try {
      const error = await appErrorOf(h.client().getBalance());
      expect(error.details?.vendorCode).toBe('-2');
      expect(error.text.en).toMatch(/IP allow-list/);
    } finally {
      h.sim.setIpAllowed('bDqJFiq9', true);
    }
  });

  it('refuses a file that is not a workbook (-39) and repeated headers (-43)', async () => {
    const client = h.client();
    const notWorkbook = await appErrorOf(
      client.uploadCallees({
        fileName: 'list.xlsx',
        file: Buffer.from('a,b\n1,2').toString('base64'),
      }),
    );
    expect(notWorkbook.details?.vendorCode).toBe('-39');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['number', 'var01', 'var01']);
    sheet.addRow(['919000000001', 'a', 'b']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const repeated = await appErrorOf(client.uploadCallees({ fileName: 'list.xlsx', file }));
    expect(repeated.details?.vendorCode).toBe('-43');
  });

  it('refuses more than 100,000 rows with -40', async () => {
    const phones = Array.from({ length: 100_001 }, (_, i) => String(919_000_000_000 + i));
    const error = await appErrorOf(uploadWorkbook(h.client({ timeoutMs: 30_000 }), phones));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.details?.vendorCode).toBe('-40');
  });

  it('serves cc paths only under /v3', async () => {
    const response = await fetch(`${h.server.url}/cc/preview/query`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(404);
  });
});
