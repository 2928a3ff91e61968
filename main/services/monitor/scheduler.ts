/**
 * Runs work later. A port so tests drive time by hand (test/fakes/manual-scheduler.ts) instead of
 * sleeping; the app uses `timerScheduler`.
 *
 * `task` may return a promise: a manual scheduler awaits it, so a test's "advance 5 s" includes
 * the whole poll it triggered. The returned function cancels the task if it has not run.
 */
export interface Scheduler {
  schedule(delayMs: number, task: () => void | Promise<void>): () => void;
}

/** Real timers; unref'd so a pending poll never keeps the process alive. */
export const timerScheduler: Scheduler = {
  schedule(delayMs, task) {
    const timer = setTimeout(
      () => {
        void task();
      },
      Math.max(0, delayMs),
    );
    timer.unref();
    return () => clearTimeout(timer);
  },
};
