import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS, callees, must, startHarness, type Harness } from './harness';

const HOUR = 60 * 60 * 1000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ callMs: 1_000 });
});
afterAll(async () => {
  await h.close();
});

describe('Yccall call records of a task (GetBill) against the simulator over loopback', () => {
  it('lists only the task’s own calls, paged, with duration, hang-up reason and https recordings', async () => {
    const mine = must(
      (
        await h.vendor.createTask({
          kind: 'predictive',
          name: 'Records mine',
          callees: callees(30, 500_000),
          settings: { ...SETTINGS, start: true },
        })
      ).taskId,
    );
    await h.vendor.createTask({
      kind: 'predictive',
      name: 'Records other',
      callees: callees(20, 600_000),
      settings: { ...SETTINGS, start: true },
    });
    h.clock.advance(HOUR);

    const first = await h.vendor.listCallRecords('predictive', mine, { page: 1, pageSize: 20 });
    expect(first.total).toBe(30);
    expect(first.items).toHaveLength(20);
    const second = await h.vendor.listCallRecords('predictive', mine, { page: 2, pageSize: 20 });
    expect(second.items).toHaveLength(10);
    const all = [...first.items, ...second.items];
    const phones = new Set(callees(30, 500_000).map((c) => c.phone));
    expect(all.every((record) => phones.has(record.phone))).toBe(true);
    expect(new Set(all.map((record) => record.phone)).size).toBe(30);
    for (const record of all) {
      expect(record.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(record.durationSeconds).toBeGreaterThanOrEqual(0);
      expect(record.reason).toMatchObject({ code: '10020' });
      // GetBill reports no cost.
      expect(record.cost).toBeNull();
    }
    const withRecording = all.filter((record) => record.recordingUrl !== null);
    expect(withRecording.length).toBeGreaterThan(0);
    expect(withRecording.every((record) => record.recordingUrl?.startsWith('https://'))).toBe(true);
    // Only answered calls (talk time) have a recording.
    expect(withRecording.every((record) => (record.durationSeconds ?? 0) > 0)).toBe(true);
  });

  it('answers an empty page for a task that has not dialled yet', async () => {
    const id = must(
      (
        await h.vendor.createTask({
          kind: 'predictive',
          name: 'Records none',
          callees: callees(5, 700_000),
          settings: SETTINGS,
        })
      ).taskId,
    );
    const page = await h.vendor.listCallRecords('predictive', id, { page: 1, pageSize: 10 });
    expect(page).toEqual({ items: [], page: 1, pageSize: 10, total: 0 });
  });
});
