import type { Scheduler } from '../../main/services/monitor/scheduler';
import type { ManualClock } from '../../main/services/sandbox/sim-kit';

interface Entry {
  readonly at: number;
  readonly order: number;
  readonly task: () => void | Promise<void>;
  cancelled: boolean;
}

/**
 * A scheduler driven by hand over a ManualClock: `advance(ms)` moves the clock to each due task in
 * turn, runs it and awaits it (a whole poll, HTTP included), so tests never sleep.
 */
export class ManualScheduler implements Scheduler {
  private entries: Entry[] = [];
  private order = 0;

  constructor(private readonly clock: ManualClock) {}

  schedule(delayMs: number, task: () => void | Promise<void>): () => void {
    const entry: Entry = {
      at: this.clock.now() + Math.max(0, delayMs),
      order: this.order++,
      task,
      cancelled: false,
    };
    this.entries.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  /** Tasks waiting to run. */
  get pending(): number {
    return this.entries.filter((entry) => !entry.cancelled).length;
  }

  /** When the next task is due, or null. */
  nextDueAt(): number | null {
    const next = this.next(Number.POSITIVE_INFINITY);
    return next ? next.at : null;
  }

  /** Moves time forward by `ms`, running (and awaiting) every task that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    for (;;) {
      const next = this.next(target);
      if (!next) break;
      this.entries = this.entries.filter((entry) => entry !== next);
      if (next.at > this.clock.now()) this.clock.set(next.at);
      await next.task();
    }
    if (target > this.clock.now()) this.clock.set(target);
  }

  private next(until: number): Entry | null {
    this.entries = this.entries.filter((entry) => !entry.cancelled);
    let best: Entry | null = null;
    for (const entry of this.entries) {
      if (entry.at > until) continue;
      if (!best || entry.at < best.at || (entry.at === best.at && entry.order < best.order)) {
        best = entry;
      }
    }
    return best;
  }
}
