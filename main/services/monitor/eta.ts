import type { CounterPoint } from '../../../shared/domain/board';
import type { TaskState } from '../../../shared/domain/task';

/** An estimated finish and the recent calling rate behind it. */
export interface Eta {
  readonly eta: number | null;
  readonly callsPerMinute: number | null;
}

/**
 * Estimates when a task finishes from its recent calling rate: numbers called per ms over the
 * last `windowMs` of points, applied to the numbers left. No estimate for tasks that are not
 * running (paused or finished), without totals, or without progress in the window.
 */
export function estimateEta(
  points: readonly CounterPoint[],
  state: TaskState,
  windowMs: number,
): Eta {
  const known = points.filter((p) => p.c !== null);
  const last = known.at(-1);
  if (!last || last.c === null) return { eta: null, callsPerMinute: null };
  const first = known.find((p) => p.at >= last.at - windowMs) ?? last;
  const elapsed = last.at - first.at;
  const rate = elapsed > 0 && first.c !== null ? Math.max(0, last.c - first.c) / elapsed : null;
  const callsPerMinute = rate === null ? null : rate * 60_000;
  if (state !== 'running' || last.tot === null || rate === null || rate <= 0) {
    return { eta: null, callsPerMinute };
  }
  const left = Math.max(0, last.tot - last.c);
  return { eta: Math.round(last.at + left / rate), callsPerMinute };
}
