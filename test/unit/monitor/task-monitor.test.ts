import { describe, expect, it } from 'vitest';
import { AppError } from '../../../main/services/errors';
import {
  BoardDeltaSchema,
  BoardSnapshotSchema,
  applyBoardDelta,
  boardRowKey,
  type BoardRow,
} from '../../../shared/domain/board';
import { BoardVendor } from '../../fakes/board-vendor';
import { makeRig } from './helpers';

const unavailable = new AppError(
  'VENDOR_UNAVAILABLE',
  { en: 'The vendor did not answer.', 'zh-CN': '服务商没有响应。' },
  { status: 503 },
);

describe('TaskMonitor (in-memory vendor)', () => {
  it('lists history on the first sync, then pushes only the fields that changed', async () => {
    const vendor = new BoardVendor('acct-a');
    vendor.add({ state: 'completed', code: '2', called: 100, success: 60, failed: 40 });
    const running = vendor.add({ called: 10, success: 6, failed: 4 });
    const rig = makeRig([vendor]);
    rig.monitor.start();
    await rig.scheduler.advance(0);

    const snapshot = rig.monitor.snapshot();
    expect(snapshot.rows.map((row) => row.k).sort()).toEqual(
      [boardRowKey('acct-a', 'voice-group', '1'), boardRowKey('acct-a', 'voice-group', '2')].sort(),
    );
    expect(BoardSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    const rows = new Map(snapshot.rows.map((row) => [row.i, row] as const));
    const seqBefore = snapshot.seq;

    running.called = 20;
    running.success = 13;
    const before = rig.deltas.length;
    await rig.scheduler.advance(5_000);
    const deltas = rig.deltas.slice(before).filter((d) => d.seq > seqBefore);
    const changed = deltas.flatMap((delta) => delta.changed);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.f).toEqual(['c', 'ok']);
    const id = rows.get([...rows.values()].find((r) => r.t === '2')?.i ?? 0)?.i;
    expect(changed[0]?.r).toEqual([[id, 20, 13]]);
    for (const delta of deltas) applyBoardDelta(rows, BoardDeltaSchema.parse(delta));
    expect([...rows.values()].find((row) => row.t === '2')).toMatchObject({ c: 20, ok: 13, f: 4 });
    // The detail added transfers (list rows carry none) and they were kept.
    expect([...rows.values()].find((row) => row.t === '2')?.x).toBe(0);
    await rig.monitor.stop();
  });

  it('opens from the stored snapshot before any poll, and works with no network', async () => {
    const vendor = new BoardVendor('acct-a');
    vendor.add({ called: 30, success: 20, failed: 10 });
    const first = makeRig([vendor]);
    first.monitor.start();
    await first.scheduler.advance(0);
    const lastUpdated = first.monitor.snapshot().lastUpdated;
    await first.monitor.stop();

    vendor.failWith = unavailable;
    const second = makeRig([vendor], {}, { db: first.db, clock: first.clock });
    const snapshot = second.monitor.snapshot();
    expect(snapshot.rows).toHaveLength(1);
    expect(snapshot.rows[0]).toMatchObject({ c: 30, ok: 20, f: 10, n: 'Task 1' });
    expect(snapshot.lastUpdated).toBe(lastUpdated);
    expect(lastUpdated).not.toBeNull();
  });

  it('keeps one cycle to the active tasks: 10,000 tasks, 50 active, a handful of requests', async () => {
    const vendor = new BoardVendor('acct-a');
    for (let i = 0; i < 10_000; i += 1) {
      vendor.add(
        i % 200 === 0
          ? { called: 5, success: 3, failed: 2 }
          : { state: 'completed', code: '2', called: 100, success: 50, failed: 50 },
      );
    }
    const rig = makeRig([vendor], { initialPages: 3, detailsPerCycle: 10 });
    rig.monitor.start();
    await rig.scheduler.advance(0);
    // 3 pages of history (300 newest, 1 of them active) and the other 49 active tasks.
    expect(rig.monitor.snapshot().rows.length).toBe(300 + 49);
    const mark = vendor.calls.length;
    await rig.scheduler.advance(5_000);
    const cycle = vendor.calls.slice(mark);
    // 1 page of active tasks + 1 new-task check + at most 10 details; never a page of history.
    expect(cycle.filter((c) => c.method === 'listTasks')).toHaveLength(2);
    expect(cycle.length).toBeLessThanOrEqual(12);
    expect(cycle.every((c) => (c.query?.page ?? 1) === 1)).toBe(true);
    await rig.monitor.stop();
  });

  it('never spends more than the per-account budget, and finishes the work in later cycles', async () => {
    const vendor = new BoardVendor('acct-a');
    for (let i = 0; i < 450; i += 1) vendor.add({ called: 1, success: 1 });
    const rig = makeRig([vendor], { requestBudget: 3, detailsPerCycle: 0 });
    rig.monitor.start();
    const counts: number[] = [];
    for (let cycle = 0; cycle < 4; cycle += 1) {
      const mark = vendor.calls.length;
      await rig.scheduler.advance(cycle === 0 ? 0 : 5_000);
      counts.push(vendor.calls.length - mark);
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(3);
    expect(rig.monitor.snapshot().rows).toHaveLength(450);
    const status = rig.monitor.snapshot().accounts[0];
    expect(status?.budget).toBe(3);
    expect(vendor.calls.every((c) => (c.query?.pageSize ?? 1) <= 100)).toBe(true);
    await rig.monitor.stop();
  });

  it('shows a failing account’s error on its status without stopping the other account', async () => {
    const good = new BoardVendor('acct-good');
    const bad = new BoardVendor('acct-bad');
    const moving = good.add({ called: 1 });
    bad.add({ called: 1 });
    const rig = makeRig([good, bad], { backoffMs: 10_000, maxBackoffMs: 40_000 });
    rig.monitor.start();
    await rig.scheduler.advance(0);
    bad.failWith = unavailable;
    const badMark = bad.calls.length;
    for (let i = 0; i < 12; i += 1) {
      moving.called += 1;
      await rig.scheduler.advance(5_000);
    }
    const snapshot = rig.monitor.snapshot();
    const badStatus = snapshot.accounts.find((a) => a.accountId === 'acct-bad');
    expect(badStatus).toMatchObject({ state: 'error', error: { code: 'VENDOR_UNAVAILABLE' } });
    expect(badStatus?.error?.message['zh-CN']).toBe('服务商没有响应。');
    expect(snapshot.accounts.find((a) => a.accountId === 'acct-good')?.state).toBe('ok');
    expect(snapshot.rows.find((r) => r.a === 'acct-good')?.c).toBe(13);
    // The bad account's rows stay on the board; backoff: attempts at +5, +15, +35 s (10, 20 s).
    expect(snapshot.rows.find((r) => r.a === 'acct-bad')?.c).toBe(1);
    expect(bad.calls.length - badMark).toBe(3);

    bad.failWith = null;
    await rig.scheduler.advance(40_000);
    expect(rig.monitor.snapshot().accounts.find((a) => a.accountId === 'acct-bad')?.state).toBe(
      'ok',
    );
    await rig.monitor.stop();
  });

  it('stops polling while hidden or offline and refreshes as soon as both are back', async () => {
    const vendor = new BoardVendor('acct-a');
    const task = vendor.add({ called: 1 });
    const rig = makeRig([vendor]);
    rig.monitor.start();
    await rig.scheduler.advance(0);

    rig.activity.setVisible(false);
    expect(rig.deltas.at(-1)?.polling).toBe('hidden');
    let mark = vendor.calls.length;
    await rig.scheduler.advance(10 * 60_000);
    expect(vendor.calls.length).toBe(mark);

    task.called = 50;
    rig.activity.setVisible(true);
    await rig.scheduler.advance(0);
    expect(vendor.calls.length).toBeGreaterThan(mark);
    expect(rig.monitor.snapshot().rows[0]?.c).toBe(50);

    rig.activity.setOnline(false);
    mark = vendor.calls.length;
    await rig.scheduler.advance(10 * 60_000);
    expect(vendor.calls.length).toBe(mark);
    expect(rig.monitor.snapshot().polling).toBe('offline');
    rig.activity.setOnline(true);
    await rig.scheduler.advance(0);
    expect(vendor.calls.length).toBeGreaterThan(mark);
    await rig.monitor.stop();
  });

  it('removes an account’s rows when the account is removed', async () => {
    const a = new BoardVendor('acct-a');
    const b = new BoardVendor('acct-b');
    a.add();
    b.add();
    const rig = makeRig([a, b]);
    rig.monitor.start();
    await rig.scheduler.advance(0);
    const bRow = rig.monitor.snapshot().rows.find((row) => row.a === 'acct-b') as BoardRow;
    rig.vendors.delete('acct-b');
    rig.accountsChanged();
    expect(rig.deltas.at(-1)?.removed).toEqual([bRow.i]);
    expect(rig.monitor.snapshot().rows.map((row) => row.a)).toEqual(['acct-a']);
    await rig.monitor.stop();
  });

  it('records counters at every poll and estimates the finish from the recent rate', async () => {
    const vendor = new BoardVendor('acct-a');
    const task = vendor.add({ total: 1_000, called: 0 });
    const rig = makeRig([vendor]);
    rig.monitor.start();
    await rig.scheduler.advance(0);
    for (let i = 0; i < 12; i += 1) {
      task.called += 10; // 10 per 5 s = 120 per minute
      await rig.scheduler.advance(5_000);
    }
    const key = boardRowKey('acct-a', 'voice-group', task.id);
    const history = rig.monitor.history(key);
    expect(history.points.length).toBe(13);
    expect(history.points.at(-1)?.c).toBe(120);
    expect(history.callsPerMinute).toBeCloseTo(120, 5);
    // 880 left at 2 per second: 440 s after the last point.
    expect(history.eta).toBe((history.points.at(-1)?.at ?? 0) + 440_000);
    expect(() => rig.monitor.history('acct-a:voice-group:nope')).toThrow(AppError);
    await rig.monitor.stop();
  });

  it('notifies once per task and condition: completed, failed, success rate below a threshold', async () => {
    const vendor = new BoardVendor('acct-a');
    const done = vendor.add({ total: 100, called: 90, success: 80, failed: 10 });
    const broken = vendor.add({ total: 100, called: 0 });
    const weak = vendor.add({ total: 100, called: 5, success: 1, failed: 4 });
    const rig = makeRig([vendor]);
    rig.monitor.setThreshold({ global: true }, { successRateBelow: 40, afterCalls: 20 });
    rig.monitor.start();
    await rig.scheduler.advance(0);
    expect(rig.notifier.sent).toHaveLength(0);

    Object.assign(done, { state: 'completed', code: '2', called: 100, success: 88, failed: 12 });
    Object.assign(broken, { state: 'failed', code: '3' });
    Object.assign(weak, { called: 25, success: 5, failed: 20 });
    await rig.scheduler.advance(5_000);
    await rig.scheduler.advance(5_000);
    Object.assign(weak, { called: 30, success: 6, failed: 24 });
    await rig.scheduler.advance(5_000);

    const titles = rig.notifier.sent.map((n) => `${n.target?.taskId} ${n.title}`).sort();
    expect(titles).toEqual(
      [
        `${done.id} Task completed`,
        `${broken.id} Task failed`,
        `${weak.id} Success rate below 40%`,
      ].sort(),
    );
    expect(rig.notifier.sent.find((n) => n.title === 'Task completed')?.body).toContain(
      '100/100 called',
    );

    // A restart does not fire them again.
    await rig.monitor.stop();
    const again = makeRig([vendor], {}, { db: rig.db, clock: rig.clock });
    again.monitor.start();
    await again.scheduler.advance(5_000);
    expect(again.notifier.sent).toHaveLength(0);
    expect(again.monitor.thresholds().global).toEqual({ successRateBelow: 40, afterCalls: 20 });
    await again.monitor.stop();
  });

  it('lets an account threshold override the global one, and refuses invalid thresholds', () => {
    const rig = makeRig([new BoardVendor('acct-a')]);
    rig.monitor.setThreshold({ global: true }, { successRateBelow: 30, afterCalls: 50 });
    rig.monitor.setThreshold({ accountId: 'acct-a' }, { successRateBelow: 60, afterCalls: 10 });
    expect(rig.monitor.thresholds()).toEqual({
      global: { successRateBelow: 30, afterCalls: 50 },
      accounts: { 'acct-a': { successRateBelow: 60, afterCalls: 10 } },
    });
    expect(() =>
      rig.monitor.setThreshold({ global: true }, { successRateBelow: 120, afterCalls: 0 }),
    ).toThrow(AppError);
    rig.monitor.setThreshold({ accountId: 'acct-a' }, null);
    expect(rig.monitor.thresholds().accounts).toEqual({});
  });
});
