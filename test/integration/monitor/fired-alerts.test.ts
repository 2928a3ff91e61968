import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimWorld, type SimWorld } from './sim-world';

// The alerts list (issue 13): every alert the monitor fires is kept in SQLite with when, which
// task and what crossed; newest first, across restarts, until the manager clears it.

const ITNIO = { apiKey: 'alertsKey1', apiSecret: 'alerts-secret-never-shown-1' } as const;
const YCCALL = { appid: 'alerts-app', accesskey: 'AK-alerts-secret-2' } as const;

let dir: string;
const worlds: SimWorld[] = [];

async function start(): Promise<SimWorld> {
  const world = await startSimWorld({
    itnio: ITNIO,
    yccall: YCCALL,
    seed: 11,
    seedYccall: false,
    dbPath: path.join(dir, 'campaign-desk.sqlite'),
  });
  worlds.push(world);
  return world;
}

async function stop(world: SimWorld): Promise<void> {
  await world.monitor.stop();
  await world.server.close();
  world.db.close();
  worlds.splice(worlds.indexOf(world), 1);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'campaign-desk-alerts-'));
});

afterEach(async () => {
  for (const world of [...worlds]) await stop(world);
  await rm(dir, { recursive: true, force: true });
});

describe('the alerts that fired', () => {
  it('lists each alert with its time, task and what crossed, newest first, across a restart, until cleared', async () => {
    const world = await start();
    const { monitor, scheduler, clock } = world;
    expect(monitor.firedAlerts().alerts).toEqual([]);
    // Every task below a 100 % success rate after 5 calls crosses it.
    monitor.setThreshold({ global: true }, { successRateBelow: 100, afterCalls: 5 });
    monitor.start();
    await scheduler.advance(0);
    // "Survey follow-up": 60 numbers, starts after 5 s, 500 ms per call: done after 35 s.
    for (let i = 0; i < 12; i += 1) await scheduler.advance(5_000);

    const fired = monitor.firedAlerts().alerts;
    const survey = monitor.snapshot().rows.find((row) => row.n === 'Survey follow-up');
    expect(survey?.s).toBe('completed');
    const completed = fired.filter(
      (alert) => alert.what === 'completed' && alert.taskName === 'Survey follow-up',
    );
    expect(completed).toEqual([
      expect.objectContaining({
        taskName: 'Survey follow-up',
        accountId: 'itnio-1',
        rowKey: survey?.k,
        called: 60,
        total: 60,
      }),
    ]);
    const rate = fired.filter((alert) => alert.what === 'rate');
    expect(rate.length).toBeGreaterThan(0);
    for (const alert of rate) {
      expect(alert.limit).toBe(100);
      expect(alert.afterCalls).toBe(5);
      expect(alert.rate).not.toBeNull();
      expect(alert.rate ?? 100).toBeLessThan(100);
      expect(alert.called ?? 0).toBeGreaterThanOrEqual(5);
    }
    // One entry per notification, newest first, each at a time the clock showed.
    expect(fired).toHaveLength(world.notifier.sent.length);
    const times = fired.map((alert) => Date.parse(alert.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times.every((at) => at <= clock.now())).toBe(true);
    expect(JSON.stringify(fired)).not.toContain(ITNIO.apiSecret);

    // A restart (a new monitor over the same data file) lists the same alerts.
    await stop(world);
    const again = await start();
    expect(again.monitor.firedAlerts().alerts).toEqual(fired);

    // Clear empties the list, for good.
    expect(again.monitor.clearFiredAlerts().alerts).toEqual([]);
    expect(again.monitor.firedAlerts().alerts).toEqual([]);
    await stop(again);
    const third = await start();
    expect(third.monitor.firedAlerts().alerts).toEqual([]);
  });
});
