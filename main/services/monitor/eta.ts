import type { CounterPoint } from '../../../shared/domain/board';
import type { TaskState } from '../../../shared/domain/task';

/** An estimated finish and the recent calling rate behind it. */
export interface Eta {
  readonly eta: number | null;
  readonly callsPerMinute: number | null;
}

const NONE: Eta = { eta: null, callsPerMinute: null };

/**
 * Estimates when a task finishes from its recent calling rate: numbers called per ms over the
 * last `windowMs` of points, applied to the numbers left.
 *
 * Only the vendor's own "called" counter is used, and only while it is reported: when the latest
 * point has none (a kind whose vendor has no such counter, e.g. ITNIO cc tasks, itniotech.md
 * §4.4) nothing is said, even if older points had one. A rate is given for a running task and for
 * a completed one (how fast it went at the end); a task that is waiting, paused or stopped without
 * finishing (cancelled, ended early, failed) gets neither a rate nor an estimate, so a counter
 * that jumps when a task is cancelled never reads as calls per minute. The estimate is for
 * running tasks with a total and progress in the window.
 */
export function estimateEta(
  points: readonly CounterPoint[],
  state: TaskState,
  windowMs: number,
): Eta {
  if (state !== 'running' && state !== 'completed') return NONE;
  const last = points.at(-1);
  if (!last || last.c === null) return NONE;
  const lastCalled = last.c;
  const recent = points.filter((p) => p.c !== null && p.at >= last.at - windowMs);
  const first = recent[0] ?? last;
  const elapsed = last.at - first.at;
  const rate = elapsed > 0 && first.c !== null ? Math.max(0, lastCalled - first.c) / elapsed : null;
  const callsPerMinute = rate === null ? null : rate * 60_000;
  if (state !== 'running' || last.tot === null || rate === null || rate <= 0) {
    return { eta: null, callsPerMinute };
  }
  const left = Math.max(0, last.tot - lastCalled);
  return { eta: Math.round(last.at + left / rate), callsPerMinute };
}
