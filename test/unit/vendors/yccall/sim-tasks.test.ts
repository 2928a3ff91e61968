import { describe, expect, it } from 'vitest';
import { SimTask } from '../../../../main/services/sandbox/yccall/sim-tasks';

function task(seed = 1, options: { deadline?: number | null; scheduledAt?: number | null } = {}) {
  const t = new SimTask({
    id: 'T1',
    serial: 1,
    seed,
    company: '9001',
    name: 'n',
    assigntype: 2,
    assignagent: 'queue-1',
    taskscale: '1:1',
    disnumber: '',
    concurrent: 10,
    scheduledAt: options.scheduledAt ?? null,
    deadline: options.deadline ?? null,
    createdAt: 0,
    callMs: 1_000, // 100 ms per number
    agents: ['800101'],
  });
  t.append(
    Array.from({ length: 100 }, (_, i) => ({
      phone: `1380000${String(i).padStart(4, '0')}`,
      extras: undefined,
    })),
  );
  return t;
}

describe('the simulated task over sim time', () => {
  it('dials in order at its pace, freezes while paused, and ends itself when done', () => {
    const t = task();
    t.start(0);
    expect(t.calledAt(1_050)).toBe(10);
    t.pause(1_050);
    expect(t.calledAt(50_000)).toBe(10);
    t.start(60_000);
    expect(t.calledAt(61_000)).toBe(20);
    t.refresh(70_000);
    expect(t.state).toBe('ended');
    expect(t.endtype).toBe('over');
    expect(t.endedAt).toBe(60_000 + 90 * 100);
  });

  it('stops at its deadline (pausedtime) with endtype timeout', () => {
    const t = task(1, { deadline: 2_000 });
    t.start(0);
    t.refresh(5_000);
    expect([t.state, t.endtype, t.calledAt(5_000)]).toEqual(['ended', 'timeout', 20]);
  });

  it('draws the same outcomes for the same seed and different ones for another seed', () => {
    const outcomes = (seed: number) => {
      const t = task(seed);
      t.start(0);
      return Array.from({ length: 100 }, (_, i) => t.outcomeOf(i, 20_000)).join();
    };
    expect(outcomes(5)).toBe(outcomes(5));
    expect(outcomes(5)).not.toBe(outcomes(6));
  });

  it('re-dials only the selected numbers in a new round and keeps the others’ results', () => {
    const t = task();
    t.start(0);
    t.refresh(20_000);
    const before = Array.from({ length: 100 }, (_, i) => t.outcomeOf(i, 20_000));
    const callee = before.filter((o) => o === 'callee').length;
    expect(t.redial('callee', false, 20_000)).toBe(callee);
    const after = Array.from({ length: 100 }, (_, i) => t.outcomeOf(i, 20_000));
    expect(after.filter((o) => o === 'not-called').length).toBe(callee);
    expect(after.filter((o) => o === 'connected').length).toBe(
      before.filter((o) => o === 'connected').length,
    );
  });

  it('holds a million numbers as plain strings, duplicates kept as sent', () => {
    const t = task();
    const chunk = Array.from({ length: 10_000 }, (_, i) => ({
      phone: `1${String(i).padStart(10, '0')}`,
      extras: undefined,
    }));
    for (let k = 0; k < 100; k += 1) t.append(chunk);
    expect(t.phones.length).toBe(1_000_100);
    t.start(0);
    expect(t.view(999_999, 10_000).outcome).toBe('not-called');
  });
});
