import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallRecordSchema } from '../../../../shared/domain/task';
import type { ItniotechVendor } from '../../../../main/services/vendors/itniotech/itniotech-vendor';
import { startSim, type SimHarness } from './harness';

const TTS = { appId: 'iaAJ6COV', source: 3, text: 'Hello', lan: 'EN' };
const callees = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ phone: `+${prefix}${String(i).padStart(7, '0')}` }));
const digits = (phone: string) => phone.replace(/\D/g, '');

let h: SimHarness;
let vendor: ItniotechVendor;
beforeAll(async () => {
  h = await startSim({ startDelayMs: 5_000, msPerCall: 1_000 });
  vendor = h.vendor();
});
afterAll(async () => {
  await h.close();
});

describe('ItniotechVendor call records against the simulator over loopback', () => {
  it('lists a voice group call’s records (recordGroupQuery) with SIP reason and duration, paged', async () => {
    const numbers = callees(12, '86139');
    const created = await vendor.createTask({
      kind: 'voice-group',
      name: 'records run',
      callees: numbers,
      settings: TTS,
    });
    const id = created.taskId ?? '';
    h.clock.advance(5_000 + 60_000);
    const first = await vendor.listCallRecords('voice-group', id, { page: 1, pageSize: 5 });
    expect(first.total).toBe(12);
    expect(first.items).toHaveLength(5);
    const third = await vendor.listCallRecords('voice-group', id, { page: 3, pageSize: 5 });
    expect(third.items).toHaveLength(2);
    const all = (
      await vendor.listCallRecords('voice-group', id, { page: 1, pageSize: 100 })
    ).items.map((record) => CallRecordSchema.parse(record));
    expect(new Set(all.map((r) => digits(r.phone)))).toEqual(
      new Set(numbers.map((n) => digits(n.phone))),
    );
    for (const record of all) {
      expect(record.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(record.durationSeconds).toBeGreaterThanOrEqual(0);
      expect(['200', '486']).toContain(record.reason?.code);
      expect(record.reason?.label).toBe(record.reason?.code === '200' ? 'OK' : 'Busy Here');
      // No recording link is documented for group-call records.
      expect(record.recordingUrl).toBeNull();
    }
  });

  it('lists a call-center task’s records (cc/record/query) with the documented hang-up reasons', async () => {
    const created = await vendor.createTask({
      kind: 'cc-preview',
      name: 'cc records',
      callees: callees(6, '91901'),
      settings: { type: 1, voiceGroupId: [1000006], appId: 'iaAJ6COV', calloutRate: 2 },
    });
    const id = created.taskId ?? '';
    h.clock.advance(5_000 + 60_000);
    const page = await vendor.listCallRecords('cc-preview', id, { page: 1, pageSize: 100 });
    expect(page.items.length).toBeGreaterThanOrEqual(6);
    const labels: Record<string, string> = {
      '1': 'outbound hung up',
      '3': 'hung up after a successful transfer',
      '4': 'call failed',
    };
    for (const record of page.items) {
      const code = record.reason?.code ?? '';
      expect(record.reason?.label).toBe(labels[code]);
      expect(record.startedAt).not.toBeNull();
      expect(record.recordingUrl).toBeNull();
    }
  });

  it('refuses pages outside 1–100 rows before asking the vendor', async () => {
    await expect(
      vendor.listCallRecords('voice-group', '1', { page: 1, pageSize: 101 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
