import { describe, expect, it } from 'vitest';
import { mergeFields } from '../../../main/services/monitor/board-rows';
import { estimateEta } from '../../../main/services/monitor/eta';
import { notCalledOf, progressOf, type BoardRow } from '../../../shared/domain/board';
import { translator } from '../../../renderer/i18n/translate';
import { fieldText } from '../../../renderer/features/tasks/detail-fields';
import { stateLabel } from '../../../renderer/features/tasks/state-label';

// What the board says about tasks that stopped: only real counters, nothing derived for a task
// that ended without finishing, and three different words for three different endings.

const row = (fields: Partial<BoardRow> = {}): BoardRow => ({
  i: 3,
  k: 'y:predictive:T1',
  a: 'y',
  v: 'yccall',
  kd: 'predictive',
  t: 'T1',
  n: 'Spring',
  s: 'running',
  sc: '1026',
  sl: 'Running',
  tot: 100,
  c: 40,
  ok: 20,
  f: 20,
  x: null,
  cr: 1_000,
  fin: null,
  ...fields,
});

const point = (at: number, c: number | null, tot: number | null = 100) => ({
  at,
  tot,
  c,
  ok: null,
  f: null,
  x: null,
});

describe('progress of a task that stopped', () => {
  it('is never 100 % for a task that did not complete, even when its counter says all called', () => {
    for (const s of ['cancelled', 'ended-early', 'failed', 'ended'] as const) {
      expect(progressOf(row({ s, c: 100 })), s).toBeNull();
      expect(progressOf(row({ s, c: 40 })), s).toBe(40);
    }
    expect(progressOf(row({ s: 'completed', c: 100 }))).toBe(100);
    expect(progressOf(row({ s: 'cancelled', c: null }))).toBeNull();
  });

  it('counts the numbers an ended-early task never called from its own counters', () => {
    expect(notCalledOf(row({ s: 'ended-early', c: 40 }))).toBe(60);
    expect(notCalledOf(row({ s: 'ended-early', c: null }))).toBeNull();
    expect(notCalledOf(row({ s: 'cancelled', c: 40 }))).toBeNull();
  });
});

describe('rate and ETA', () => {
  const jump = [point(0, 10), point(60_000, 20), point(65_000, 100)];

  it('say nothing for a task that was cancelled or ended early, whatever its counter did', () => {
    for (const state of ['cancelled', 'ended-early', 'ended', 'failed', 'paused'] as const) {
      expect(estimateEta(jump, state, 600_000), state).toEqual({ eta: null, callsPerMinute: null });
    }
  });

  it('say nothing when the latest point has no called counter, even if older points had one', () => {
    const points = [point(0, 10), point(60_000, 40), point(120_000, null)];
    expect(estimateEta(points, 'running', 600_000)).toEqual({ eta: null, callsPerMinute: null });
  });

  it('give a rate and an estimate for a running task from its real counter', () => {
    const points = [point(0, 10), point(60_000, 40)];
    expect(estimateEta(points, 'running', 600_000)).toEqual({
      eta: 60_000 + 120_000,
      callsPerMinute: 30,
    });
    expect(estimateEta(points, 'completed', 600_000)).toEqual({ eta: null, callsPerMinute: 30 });
  });
});

describe('merging rows of a Yccall task', () => {
  it('keeps what counting found when the list again says only "ended"', () => {
    const counted = row({ s: 'ended-early', sc: '1028', sl: 'Ended', c: 40 });
    const listed = row({ s: 'ended', sc: '1028', sl: 'Ended', tot: null, c: null, ok: null });
    expect(mergeFields(counted, listed)).toMatchObject({ s: 'ended-early', tot: 100, c: 40 });
    const done = row({ s: 'completed', sc: '1028', c: 100 });
    expect(mergeFields(done, listed).s).toBe('completed');
  });

  it('drops the last run’s counters when a stopped task runs again (a re-dial, §4.5)', () => {
    const counted = row({ s: 'completed', sc: '1028', c: 100, ok: 60, f: 40, fin: 9_000 });
    const again = row({ s: 'running', sc: '1026', tot: null, c: null, ok: null, f: null });
    expect(mergeFields(counted, again)).toMatchObject({
      s: 'running',
      tot: 100,
      c: null,
      ok: null,
      f: null,
      fin: null,
    });
  });
});

describe('the words a manager reads', () => {
  const en = translator('en');
  const zh = translator('zh-CN');

  it('are different for completed, cancelled and ended early, in both languages', () => {
    const words = (t: typeof en, locale: string) => [
      stateLabel(t, locale, row({ s: 'completed', c: 100 })),
      stateLabel(t, locale, row({ s: 'cancelled' })),
      stateLabel(t, locale, row({ s: 'ended-early', tot: 1_200, c: 1_000 })),
    ];
    expect(words(en, 'en')).toEqual(['Completed', 'Cancelled', 'Ended early (200 not called)']);
    expect(words(zh, 'zh-CN')).toEqual(['已完成', '已取消', '提前结束（200 个未呼叫）']);
    expect(stateLabel(en, 'en', row({ s: 'ended-early', c: null }))).toBe('Ended early');
    expect(stateLabel(en, 'en', row({ s: 'ended' }))).toBe('Ended');
  });

  it('show a detail’s instants in the manager’s zone, not the vendor’s wall clock', () => {
    const shown = fieldText(en, 'en', 'createdTime', '2026-01-05T01:00:00.000Z');
    expect(shown).toBe(new Date('2026-01-05T01:00:00.000Z').toLocaleString('en'));
    expect(fieldText(en, 'en', 'vendorClock', 'UTC+08:00')).toBe('UTC+08:00');
  });
});
