import { describe, expect, it } from 'vitest';
import type { BoardRow } from '../../../shared/domain/board';
import { glanceOf, inToday, startOfDay } from '../../../renderer/features/tasks/board-glance';

// The board's at-a-glance strip: figures taken from the rows as the monitor last read them, and
// "—" with a reason where no task gives one (never an estimate).

const DAY = Date.UTC(2026, 11, 7, 0, 0, 0);
const HOUR = 3_600_000;

function row(i: number, patch: Partial<BoardRow> = {}): BoardRow {
  return {
    i,
    k: `acc:voice-group:${i}`,
    a: 'acc-a',
    v: 'itniotech',
    kd: 'voice-group',
    t: String(i),
    n: `Task ${i}`,
    s: 'running',
    sc: '1',
    sl: 'running',
    tot: 100,
    c: 50,
    ok: 20,
    f: 0,
    x: 3,
    cr: DAY + HOUR,
    fin: null,
    ...patch,
  };
}

const none = new Map<number, number>();

describe('the at-a-glance strip', () => {
  it('counts active campaigns by state: running, paused and not started, never finished ones', () => {
    const glance = glanceOf(
      [
        row(1),
        row(2, { s: 'paused' }),
        row(3, { s: 'pending' }),
        row(4, { s: 'running' }),
        row(5, { s: 'completed', fin: DAY - HOUR, cr: DAY - 5 * HOUR }),
        row(6, { s: 'cancelled', fin: DAY + HOUR }),
      ],
      { dayStart: DAY, calledAtDayStart: none },
    );
    expect(glance.active).toEqual({ total: 4, running: 2, paused: 1, pending: 1 });
    // The task finished yesterday is not today's work; the one cancelled today is.
    expect(glance.scope).toBe(5);
  });

  it('adds up the numbers called today: all of a task created today, the growth since midnight of an older one', () => {
    const glance = glanceOf(
      [
        row(1, { c: 40 }),
        row(2, { c: 300, cr: DAY - 24 * HOUR }),
        row(3, { c: 70, cr: DAY - 24 * HOUR }),
      ],
      { dayStart: DAY, calledAtDayStart: new Map([[2, 250]]) },
    );
    // 40 + (300 − 250); task 3 has no reading at midnight, so it is not guessed but reported.
    expect(glance.calledToday).toEqual({ value: 90, gap: null });
    expect(glance.uncounted).toBe(1);
  });

  it('computes the answer rate over called numbers and the success rate over all numbers', () => {
    const glance = glanceOf(
      [row(1, { tot: 100, c: 80, ok: 40 }), row(2, { tot: 300, c: 120, ok: 60 })],
      { dayStart: DAY, calledAtDayStart: none },
    );
    expect(glance.answerRate).toEqual({
      value: { percent: 50, answered: 100, called: 200 },
      gap: null,
    });
    expect(glance.successRate).toEqual({
      value: { percent: 25, answered: 100, numbers: 400 },
      gap: null,
    });
    expect(glance.transfers).toEqual({ value: 6, gap: null });
  });

  it('shows no figure, with the reason, when no task gives one', () => {
    // Call-center tasks report no "called", answered or transfer counters.
    const silent = glanceOf([row(1, { c: null, ok: null, x: null, tot: null })], {
      dayStart: DAY,
      calledAtDayStart: none,
    });
    expect(silent.calledToday).toEqual({ value: null, gap: 'noCalled' });
    expect(silent.answerRate).toEqual({ value: null, gap: 'noAnswered' });
    expect(silent.successRate).toEqual({ value: null, gap: 'noNumbers' });
    expect(silent.transfers).toEqual({ value: null, gap: 'noTransfers' });
    // Only an older task without a midnight reading: the count exists, today's share does not.
    const older = glanceOf([row(1, { cr: DAY - 24 * HOUR })], {
      dayStart: DAY,
      calledAtDayStart: none,
    });
    expect(older.calledToday).toEqual({ value: null, gap: 'noCalledToday' });
    // Nothing of today at all.
    const empty = glanceOf([row(1, { s: 'completed', cr: DAY - 48 * HOUR, fin: DAY - HOUR })], {
      dayStart: DAY,
      calledAtDayStart: none,
    });
    expect(empty.scope).toBe(0);
    for (const figure of [empty.calledToday, empty.answerRate, empty.successRate, empty.transfers])
      expect(figure).toEqual({ value: null, gap: 'noTasks' });
  });

  it('never shows a rate above 100 % when a vendor counts more answered than called', () => {
    const glance = glanceOf([row(1, { tot: 10, c: 10, ok: 12 })], {
      dayStart: DAY,
      calledAtDayStart: none,
    });
    expect(glance.answerRate.value?.percent).toBe(100);
    expect(glance.successRate.value?.percent).toBe(100);
  });

  it('takes a task as today’s work when it is active, or was created or finished today', () => {
    expect(inToday(row(1, { s: 'paused', cr: DAY - 72 * HOUR }), DAY)).toBe(true);
    expect(inToday(row(1, { s: 'completed', cr: DAY + HOUR, fin: DAY + 2 * HOUR }), DAY)).toBe(
      true,
    );
    expect(inToday(row(1, { s: 'completed', cr: DAY - 72 * HOUR, fin: DAY + HOUR }), DAY)).toBe(
      true,
    );
    expect(inToday(row(1, { s: 'completed', cr: DAY - 72 * HOUR, fin: DAY - HOUR }), DAY)).toBe(
      false,
    );
  });

  it('starts the day at local midnight', () => {
    const now = new Date(2026, 11, 7, 15, 30).getTime();
    expect(startOfDay(now)).toBe(new Date(2026, 11, 7).getTime());
    expect(startOfDay(startOfDay(now))).toBe(startOfDay(now));
  });
});
