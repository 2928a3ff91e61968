import { ACTIVE_TASK_STATES, type TaskKind, type TaskState } from '../../../shared/domain/task';
import type { Vendor } from '../vendors/vendor';

/** The vendors' page limit (both document 1–100 rows per page). */
export const MAX_PAGE_SIZE = 100;

/** Clamps a page size into the vendors' 1–100 range. */
export function clampPageSize(size: number): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(size)));
}

/**
 * The state filters that list a kind's active tasks with server-side filtering, so a cycle pages
 * through active tasks only, never through the whole history.
 *
 * - ITNIO: `taskStatus` (cc, itniotech.md §4.4) and `statusList` (group calls, §5.5) take several
 *   codes, so one query covers pending, running and paused.
 * - Yccall: TaskList `status` takes one value (yccall.md §4.6); YccallVendor filters several
 *   states on the client side (paging everything), so each active state is its own query.
 * - Anything else: one query per state, the shape every vendor can filter on the server.
 */
export function activeQueries(vendor: Vendor, _kind: TaskKind): readonly (readonly TaskState[])[] {
  if (vendor.vendor === 'itniotech') return [ACTIVE_TASK_STATES];
  return ACTIVE_TASK_STATES.map((state) => [state]);
}

/**
 * What one vendor call costs in HTTP requests. YccallVendor.getTask makes two (TaskList for the
 * row, TaskInfo for the number count); every other call the monitor makes is one.
 */
export function requestCost(vendor: Vendor, call: 'list' | 'detail'): number {
  return vendor.vendor === 'yccall' && call === 'detail' ? 2 : 1;
}

/**
 * Whether a task's detail (getTask) adds something its list row lacks, and so is worth budget:
 * Yccall TaskList rows carry no number count (§4.6), and ITNIO group-call list rows carry no
 * transfers to agents or finish time (only the detail has them, §5.6). ITNIO cc rows are the
 * same in list and detail.
 */
export function detailAdds(
  vendor: Vendor,
  kind: TaskKind,
  row: { readonly s: TaskState; readonly tot: number | null },
): boolean {
  const active = ACTIVE_TASK_STATES.includes(row.s);
  if (vendor.vendor === 'yccall') return row.tot === null;
  if (kind === 'voice-group' || kind === 'ai-agent-group') return active;
  return false;
}

/** Thrown inside a cycle when the next call would go over the account's per-cycle budget. */
export class BudgetExhausted extends Error {
  constructor() {
    super('The request budget of this cycle is spent.');
    this.name = 'BudgetExhausted';
  }
}

/**
 * The per-account, per-cycle request budget. Every vendor call of a cycle goes through `take`
 * before it is made; a call that would go over the limit is not made (BudgetExhausted), and the
 * work left over continues in the next cycle from where it stopped.
 */
export class RequestBudget {
  private used = 0;

  constructor(readonly limit: number) {}

  /** Requests spent so far. */
  get spent(): number {
    return this.used;
  }

  /** Whether `cost` more requests fit. */
  fits(cost: number): boolean {
    return this.used + cost <= this.limit;
  }

  /** Spends `cost` requests or throws BudgetExhausted. */
  take(cost: number): void {
    if (!this.fits(cost)) throw new BudgetExhausted();
    this.used += cost;
  }
}
