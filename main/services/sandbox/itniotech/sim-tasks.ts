import type { SeededRandom } from '../sim-kit';

// The simulated task model: a task dials its numbers one after another from `startAt`, at a fixed
// pace, so its whole state is a pure function of the sim clock (and the outcomes drawn at create
// time from the seeded generator). Nothing runs in the background.

/** What one number ends as, drawn when the task is created. */
export type SimOutcome = 'success' | 'transfer' | 'fail';

/** One number of a simulated task. */
export interface SimNumber {
  readonly phone: string;
  readonly variables: readonly string[];
  readonly outcome: SimOutcome;
  /** Talk time in seconds (0 for failed calls). */
  readonly seconds: number;
}

/** The dialling of one task over time. */
export interface SimDialing {
  readonly numbers: readonly SimNumber[];
  readonly createdAt: number;
  readonly startAt: number;
  readonly msPerCall: number;
  cancelledAt: number | null;
  /** Prefix sums: counts of each outcome among the first i numbers. */
  readonly prefix: {
    readonly success: Int32Array;
    readonly transfer: Int32Array;
    readonly fail: Int32Array;
  };
}

/** Where a task is at one instant. */
export interface SimProgress {
  readonly phase: 'waiting' | 'calling' | 'completed' | 'cancelled';
  /** Numbers whose call has ended. */
  readonly called: number;
  readonly success: number;
  readonly transfer: number;
  readonly fail: number;
  /** When the last call ended (completed tasks), else null. */
  readonly finishedAt: number | null;
}

/** Draws outcomes for numbers: about 55 % answered, 10 % transferred to an agent, 35 % failed. */
export function drawNumbers(
  random: SeededRandom,
  entries: readonly { readonly phone: string; readonly variables: readonly string[] }[],
): SimNumber[] {
  return entries.map((entry) => {
    const roll = random.next();
    const outcome: SimOutcome = roll < 0.55 ? 'success' : roll < 0.65 ? 'transfer' : 'fail';
    return {
      phone: entry.phone,
      variables: entry.variables,
      outcome,
      seconds: outcome === 'fail' ? 0 : random.int(5, 180),
    };
  });
}

/** A dialling plan for numbers, with the prefix sums the counters read. */
export function planDialing(
  numbers: readonly SimNumber[],
  createdAt: number,
  startAt: number,
  msPerCall: number,
): SimDialing {
  const n = numbers.length;
  const success = new Int32Array(n + 1);
  const transfer = new Int32Array(n + 1);
  const fail = new Int32Array(n + 1);
  numbers.forEach((number, i) => {
    success[i + 1] = (success[i] ?? 0) + (number.outcome === 'success' ? 1 : 0);
    transfer[i + 1] = (transfer[i] ?? 0) + (number.outcome === 'transfer' ? 1 : 0);
    fail[i + 1] = (fail[i] ?? 0) + (number.outcome === 'fail' ? 1 : 0);
  });
  return {
    numbers,
    createdAt,
    startAt,
    msPerCall,
    cancelledAt: null,
    prefix: { success, transfer, fail },
  };
}

/** The state of a dialling at `now`. */
export function progressAt(dialing: SimDialing, now: number): SimProgress {
  const n = dialing.numbers.length;
  const until = dialing.cancelledAt === null ? now : Math.min(now, dialing.cancelledAt);
  const called = Math.max(
    0,
    Math.min(n, Math.floor((until - dialing.startAt) / dialing.msPerCall)),
  );
  const counters = {
    called,
    success: dialing.prefix.success[called] ?? 0,
    transfer: dialing.prefix.transfer[called] ?? 0,
    fail: dialing.prefix.fail[called] ?? 0,
  };
  const finishAt = dialing.startAt + n * dialing.msPerCall;
  if (dialing.cancelledAt !== null && dialing.cancelledAt < finishAt) {
    return { phase: 'cancelled', ...counters, finishedAt: null };
  }
  if (now < dialing.startAt) return { phase: 'waiting', ...counters, finishedAt: null };
  if (called < n) return { phase: 'calling', ...counters, finishedAt: null };
  return { phase: 'completed', ...counters, finishedAt: finishAt };
}

/** The state of one number at `now`: not yet called, being called, or ended. */
export function numberStateAt(
  dialing: SimDialing,
  index: number,
  now: number,
): 'waiting' | 'in-progress' | 'ended' {
  const progress = progressAt(dialing, now);
  if (index < progress.called) return 'ended';
  if (index === progress.called && progress.phase === 'calling') return 'in-progress';
  return 'waiting';
}

/** A call-center preview task (§4). */
export interface SimCcTask {
  readonly taskId: number;
  readonly type: 0 | 1;
  readonly voiceGroupId: readonly number[];
  readonly appId: string | null;
  calloutRate: number;
  remark: string | null;
  readonly ccode: string | null;
  readonly displayNum: string | null;
  readonly fileName: string;
  readonly dialing: SimDialing;
}

/** A voice or AI-agent group call (§5). */
export interface SimGroupTask {
  readonly jobId: number;
  /** 1 voice group call, 3 AI-agent group call. */
  readonly taskType: 1 | 3;
  readonly taskName: string;
  readonly appId: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly dialing: SimDialing;
}
