// The simulated Yccall predictive task. Its whole state is a function of the sim clock, the
// seed and the commands it received: a running task dials its numbers in order at a fixed pace,
// and each number's outcome is a hash of (seed, task, round, index), so nothing runs in the
// background and nothing per number is stored beyond the number itself. A 1,000,000-number task
// is one array of strings plus, only after a re-dial (taskCall), one byte and one int per number.

/** The task states as TaskList reports them (yccall.md §3.3). */
export type SimTaskState = 'not-started' | 'running' | 'paused' | 'ended';

/** TaskList `status` codes. */
export const TASK_STATE_CODE: Readonly<Record<SimTaskState, number>> = {
  'not-started': 1025,
  running: 1026,
  paused: 1027,
  ended: 1028,
};

/** The custom keys a number may carry (§4.1). */
export interface SimExtras {
  readonly userid?: string;
  readonly memberid?: string;
  readonly customuuid?: string;
  readonly chengshudu?: string;
}

/** What a called number ended as. */
export type SimOutcome = 'not-called' | 'connected' | 'callee' | 'caller';

const OUTCOME_CODE: Readonly<Record<SimOutcome, number>> = {
  'not-called': 0,
  connected: 1,
  callee: 2,
  caller: 3,
};
const OUTCOME_OF_CODE: readonly SimOutcome[] = ['not-called', 'connected', 'callee', 'caller'];

/** A 32-bit integer hash (murmur3 finalizer over a pair). */
export function mix(a: number, b: number): number {
  let h = Math.imul((a ^ Math.imul(b, 0x9e3779b1)) >>> 0, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** How one task was created. */
export interface SimTaskInit {
  readonly id: string;
  /** Distinct per task, mixed into every outcome. */
  readonly serial: number;
  readonly seed: number;
  readonly company: string;
  readonly name: string;
  readonly assigntype: number;
  readonly assignagent: string;
  readonly taskscale: string;
  readonly disnumber: string;
  readonly concurrent: number;
  readonly scheduledAt: number | null;
  readonly deadline: number | null;
  readonly createdAt: number;
  /** Average time one channel spends per call; with `concurrent` it sets the pace. */
  readonly callMs: number;
  /** Extensions that answer connected calls. */
  readonly agents: readonly string[];
}

/** One number as TaskInfo shows it. */
export interface SimNumberView {
  readonly index: number;
  readonly phone: string;
  readonly extras: SimExtras | undefined;
  readonly outcome: SimOutcome;
  readonly agent: string | null;
  /** When its call ended (sim ms), for calls of the current round. */
  readonly endedAt: number | null;
  readonly billsec: number;
}

/** A predictive task in the simulator. */
export class SimTask {
  readonly init: SimTaskInit;
  readonly msPerCall: number;
  state: SimTaskState = 'not-started';
  endtype: 'over' | 'timeout' | 'manual' | null = null;
  endedAt: number | null = null;
  firstStartAt: number | null = null;
  /** Every number the task holds, in the order received (duplicates are kept, as sent). */
  readonly phones: string[] = [];
  private readonly extras = new Map<number, SimExtras>();
  /** Re-dial round: 0 for the first run, +1 per taskCall. */
  round = 0;
  /** Indices dialled this round, in order; null = every index in order. */
  private order: number[] | null = null;
  private positionOf: number[] | null = null;
  /** Outcome codes of numbers outside the current round (taken at taskCall). */
  private snapshot: Uint8Array | null = null;
  private calledBase = 0;
  private runningSince: number | null = null;
  /** Where each run of this round began: position and instant. */
  private segments: { readonly fromPosition: number; readonly at: number }[] = [];

  constructor(init: SimTaskInit) {
    this.init = init;
    this.msPerCall = Math.max(10, Math.round(init.callMs / Math.max(1, init.concurrent)));
  }

  /** Numbers dialled in this round. */
  private get roundSize(): number {
    return this.order ? this.order.length : this.phones.length;
  }

  /** Appends numbers (TaskCreat, TaskAdd). */
  append(
    entries: readonly { readonly phone: string; readonly extras: SimExtras | undefined }[],
  ): void {
    for (const entry of entries) {
      const index = this.phones.length;
      this.phones.push(entry.phone);
      if (entry.extras) this.extras.set(index, entry.extras);
      if (this.order && this.positionOf) {
        this.positionOf[index] = this.order.length;
        this.order.push(index);
      }
    }
  }

  /** Removes every copy of the given numbers (taskDelPhone); returns how many went. */
  remove(phones: ReadonlySet<string>, now: number): number {
    this.refresh(now);
    if (this.round > 0 || this.calledAt(now) > 0) {
      // Keep indices stable once dialling began: only not-yet-reached numbers are removed.
      return this.removeAfter(phones, now);
    }
    const keptPhones: string[] = [];
    const keptExtras = new Map<number, SimExtras>();
    this.phones.forEach((phone, index) => {
      if (phones.has(phone)) return;
      const extras = this.extras.get(index);
      if (extras) keptExtras.set(keptPhones.length, extras);
      keptPhones.push(phone);
    });
    const removed = this.phones.length - keptPhones.length;
    this.phones.length = 0;
    for (const phone of keptPhones) this.phones.push(phone);
    this.extras.clear();
    for (const [index, extras] of keptExtras) this.extras.set(index, extras);
    return removed;
  }

  private removeAfter(phones: ReadonlySet<string>, now: number): number {
    // Sim simplification: after dialling began, removing replaces the number with an empty slot
    // that is skipped (it still counts as dialled). Real servers' behaviour is not documented.
    let removed = 0;
    const called = this.calledAt(now);
    for (let position = called; position < this.roundSize; position += 1) {
      const index = this.order ? (this.order[position] ?? -1) : position;
      const phone = this.phones[index];
      if (phone !== undefined && phones.has(phone)) {
        this.phones[index] = '';
        removed += 1;
      }
    }
    return removed;
  }

  /** How many positions of this round have been dialled by `now`. */
  calledAt(now: number): number {
    if (this.runningSince === null) return Math.min(this.calledBase, this.roundSize);
    const elapsed = Math.max(0, now - this.runningSince);
    return Math.min(this.roundSize, this.calledBase + Math.floor(elapsed / this.msPerCall));
  }

  /** Brings the state up to `now`: a running task ends when its list is done or its deadline passes. */
  refresh(now: number): void {
    if (this.state !== 'running' || this.runningSince === null) return;
    const remaining = this.roundSize - this.calledBase;
    const doneAt = this.runningSince + Math.max(0, remaining) * this.msPerCall;
    const deadline = this.init.deadline;
    if (deadline !== null && deadline <= doneAt && now >= deadline) {
      this.stopAt(Math.max(deadline, this.runningSince));
      this.end('timeout', Math.max(deadline, this.runningSince));
    } else if (now >= doneAt) {
      this.stopAt(doneAt);
      this.end('over', doneAt);
    }
  }

  private stopAt(at: number): void {
    this.calledBase = this.calledAt(at);
    this.runningSince = null;
  }

  private end(endtype: 'over' | 'timeout' | 'manual', at: number): void {
    this.state = 'ended';
    this.endtype = endtype;
    this.endedAt = at;
  }

  /** TaskSet 1: start or resume. */
  start(now: number): void {
    this.refresh(now);
    if (this.state === 'running') return;
    const at = Math.max(now, this.init.scheduledAt ?? now);
    this.firstStartAt ??= at;
    this.state = 'running';
    this.runningSince = at;
    this.segments.push({ fromPosition: this.calledBase, at });
    this.refresh(now);
  }

  /** TaskSet 2: pause. */
  pause(now: number): void {
    this.refresh(now);
    if (this.state !== 'running') return;
    this.stopAt(Math.max(now, this.runningSince ?? now));
    this.state = 'paused';
  }

  /** TaskSet 3: end for good. */
  stop(now: number): void {
    this.refresh(now);
    if (this.state === 'ended') return;
    if (this.state === 'running') this.stopAt(Math.max(now, this.runningSince ?? now));
    this.end('manual', now);
  }

  /** taskCall: a new round over the numbers that match `answertype`; returns how many. */
  redial(
    answertype: 'all' | 'caller' | 'callee' | 'connected',
    startNow: boolean,
    now: number,
  ): number {
    this.refresh(now);
    const total = this.phones.length;
    const snapshot = new Uint8Array(total);
    const selected: number[] = [];
    for (let index = 0; index < total; index += 1) {
      const outcome = this.outcomeOf(index, now);
      snapshot[index] = OUTCOME_CODE[outcome];
      if (this.phones[index] === '') continue;
      if (answertype === 'all' || outcome === answertype) selected.push(index);
    }
    if (selected.length === 0) return 0;
    const positionOf = new Array<number>(total).fill(-1);
    selected.forEach((index, position) => {
      positionOf[index] = position;
    });
    this.snapshot = snapshot;
    this.order = selected;
    this.positionOf = positionOf;
    this.round += 1;
    this.calledBase = 0;
    this.runningSince = null;
    this.segments = [];
    this.state = 'not-started';
    this.endtype = null;
    this.endedAt = null;
    if (startNow) this.start(now);
    return selected.length;
  }

  private unit(index: number, salt: number): number {
    const { seed, serial } = this.init;
    return mix(mix(mix(seed, serial), this.round * 7919 + salt), index) / 4_294_967_296;
  }

  private drawn(index: number): SimOutcome {
    const roll = this.unit(index, 0);
    return roll < 0.55 ? 'connected' : roll < 0.8 ? 'callee' : 'caller';
  }

  /** The outcome of a number at `now`. */
  outcomeOf(index: number, now: number): SimOutcome {
    const position = this.positionOf ? (this.positionOf[index] ?? -1) : index;
    if (position < 0) return OUTCOME_OF_CODE[this.snapshot?.[index] ?? 0] ?? 'not-called';
    return position < this.calledAt(now) ? this.drawn(index) : 'not-called';
  }

  /** When the call at a position of this round ended. */
  private endedAtPosition(position: number): number | null {
    let segment: { readonly fromPosition: number; readonly at: number } | undefined;
    for (const candidate of this.segments) {
      if (candidate.fromPosition <= position) segment = candidate;
    }
    return segment ? segment.at + (position - segment.fromPosition + 1) * this.msPerCall : null;
  }

  /** One number as TaskInfo shows it. */
  view(index: number, now: number): SimNumberView {
    const outcome = this.outcomeOf(index, now);
    const agents = this.init.agents;
    const agent =
      outcome === 'connected' && agents.length > 0
        ? (agents[Math.floor(this.unit(index, 1) * agents.length)] ?? null)
        : null;
    const position = this.positionOf ? (this.positionOf[index] ?? -1) : index;
    return {
      index,
      phone: this.phones[index] ?? '',
      extras: this.extras.get(index),
      outcome,
      agent,
      endedAt: outcome !== 'not-called' && position >= 0 ? this.endedAtPosition(position) : null,
      billsec: outcome === 'connected' ? 10 + Math.floor(this.unit(index, 2) * 290) : 0,
    };
  }

  /** Indices of the current round whose calls ended within [from, to], in order. */
  callsEndedBetween(from: number, to: number, now: number): number[] {
    const called = this.calledAt(now);
    const out: number[] = [];
    for (let position = 0; position < called; position += 1) {
      const at = this.endedAtPosition(position);
      if (at === null || at < from || at > to) continue;
      const index = this.order ? (this.order[position] ?? -1) : position;
      if (index >= 0 && this.phones[index] !== '') out.push(index);
    }
    return out;
  }
}
