import { describe, expect, it } from 'vitest';
import { alertsFor } from '../../../main/services/monitor/alerts';
import {
  changedFields,
  groupPatches,
  mergeFields,
} from '../../../main/services/monitor/board-rows';
import { estimateEta } from '../../../main/services/monitor/eta';
import {
  BoardDeltaSchema,
  PatchGroupSchema,
  applyBoardDelta,
  progressOf,
  successRateOf,
  type BoardRow,
} from '../../../shared/domain/board';

const row = (fields: Partial<BoardRow> = {}): BoardRow => ({
  i: 7,
  k: 'acct:voice-group:42',
  a: 'acct',
  v: 'itniotech',
  kd: 'voice-group',
  t: '42',
  n: 'Spring promotion',
  s: 'running',
  sc: '1',
  sl: 'calling',
  tot: 200,
  c: 50,
  ok: 30,
  f: 20,
  x: 4,
  cr: 1_000,
  fin: null,
  ...fields,
});

describe('board delta format', () => {
  it('groups rows by the fields that changed and applies back to the same rows', () => {
    const before = row();
    const after = row({ c: 60, ok: 36, f: 24 });
    const other = row({ i: 8, k: 'acct:voice-group:43', t: '43', s: 'completed', sc: '2' });
    const fields = changedFields(before, after);
    expect(fields).toEqual(['c', 'ok', 'f']);
    const changed = groupPatches([
      { row: after, fields },
      { row: other, fields: ['s', 'sc'] },
    ]);
    expect(changed).toEqual([
      { f: ['c', 'ok', 'f'], r: [[7, 60, 36, 24]] },
      { f: ['s', 'sc'], r: [[8, 'completed', '2']] },
    ]);
    const rows = new Map([
      [7, before],
      [8, row({ i: 8, k: 'acct:voice-group:43', t: '43' })],
    ]);
    const delta = BoardDeltaSchema.parse({
      seq: 2,
      at: 5,
      added: [],
      changed,
      removed: [],
      accounts: [],
    });
    applyBoardDelta(rows, delta);
    expect(rows.get(7)).toEqual(after);
    expect(rows.get(8)?.s).toBe('completed');
  });

  it('refuses patch groups with the wrong value count, bad values or bad ids', () => {
    expect(PatchGroupSchema.safeParse({ f: ['c'], r: [[7, 1, 2]] }).success).toBe(false);
    expect(PatchGroupSchema.safeParse({ f: ['c'], r: [[7, '12']] }).success).toBe(false);
    expect(PatchGroupSchema.safeParse({ f: ['s'], r: [[7, 'exploded']] }).success).toBe(false);
    expect(PatchGroupSchema.safeParse({ f: ['c'], r: [[0, 1]] }).success).toBe(false);
    expect(PatchGroupSchema.safeParse({ f: ['c', 'c'], r: [[1, 1, 1]] }).success).toBe(false);
    expect(PatchGroupSchema.safeParse({ f: ['c', 'fin'], r: [[1, 1, null]] }).success).toBe(true);
  });

  it('derives progress and success rate instead of sending them', () => {
    expect(progressOf(row())).toBe(25);
    expect(successRateOf(row())).toBe(60);
    expect(successRateOf(row({ c: 0, ok: 0 }))).toBeNull();
    expect(progressOf(row({ tot: null }))).toBeNull();
  });

  it('keeps values a newer summary does not report (null), but clears the finish time of a rerun', () => {
    const kept = mergeFields(row({ x: 9, s: 'running' }), row({ x: null, s: 'running' }));
    expect(kept.x).toBe(9);
    const previous = row({ x: 9, fin: 5_000, s: 'completed' });
    const merged = mergeFields(previous, row({ x: null, fin: null, s: 'running' }));
    // A rerun in the same id is a new run: the last run's counters are not its counters.
    expect(merged.x).toBeNull();
    expect(merged.fin).toBeNull();
  });
});

describe('ETA', () => {
  const point = (at: number, c: number) => ({ at, tot: 1_000, c, ok: null, f: null, x: null });

  it('uses the recent window only', () => {
    // Slow at first (1 per s), then 10 per s in the last minute.
    const points = [point(0, 0), point(600_000, 600), point(630_000, 900), point(660_000, 900 + 0)];
    const { eta, callsPerMinute } = estimateEta(points.slice(0, 3), 'running', 60_000);
    expect(callsPerMinute).toBeCloseTo(600, 5);
    expect(eta).toBe(630_000 + 10_000);
  });

  it('gives no ETA for a paused task or one without progress', () => {
    expect(estimateEta([point(0, 0), point(5_000, 10)], 'paused', 60_000).eta).toBeNull();
    expect(estimateEta([point(0, 10), point(5_000, 10)], 'running', 60_000).eta).toBeNull();
    expect(estimateEta([], 'running', 60_000)).toEqual({ eta: null, callsPerMinute: null });
  });
});

describe('alerts', () => {
  it('does not announce history found by the first sync', () => {
    expect(alertsFor(undefined, row({ s: 'completed' }), null, false, 'en')).toEqual([]);
    expect(alertsFor(undefined, row({ s: 'completed' }), null, true, 'en')).toHaveLength(1);
  });

  it('words alerts in the UI language', () => {
    const [alert] = alertsFor(
      row(),
      row({ s: 'failed', sc: '3', sl: 'submission failed' }),
      null,
      true,
      'zh-CN',
    );
    expect(alert?.title).toBe('任务失败');
    expect(alert?.condition).toBe('failed');
  });

  it('fires the threshold only after enough calls', () => {
    const threshold = { successRateBelow: 70, afterCalls: 100 };
    expect(alertsFor(row(), row({ c: 99, ok: 10 }), threshold, true, 'en')).toEqual([]);
    const [alert] = alertsFor(row(), row({ c: 100, ok: 10 }), threshold, true, 'en');
    expect(alert?.condition).toBe('rate<70@100');
    expect(alert?.body).toContain('10% success after 100 calls');
  });
});
