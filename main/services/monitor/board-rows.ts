import {
  PATCH_FIELDS,
  boardRowKey,
  type BoardRow,
  type PatchField,
  type PatchGroup,
} from '../../../shared/domain/board';
import {
  ACTIVE_TASK_STATES,
  STOPPED_TASK_STATES,
  type TaskSummary,
} from '../../../shared/domain/task';

/** A row before it has a database id. */
export type RowFields = Omit<BoardRow, 'i'>;

function instantOf(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** A vendor's task summary as board fields. */
export function rowFieldsOf(summary: TaskSummary): RowFields {
  return {
    k: boardRowKey(summary.accountId, summary.kind, summary.id),
    a: summary.accountId,
    v: summary.vendor,
    kd: summary.kind,
    t: summary.id,
    n: summary.name,
    s: summary.state,
    sc: summary.vendorStatus.code,
    sl: summary.vendorStatus.label,
    tot: summary.counts.total,
    c: summary.counts.called,
    ok: summary.counts.success,
    f: summary.counts.failed,
    x: summary.counts.transferred,
    cr: instantOf(summary.createdAt),
    fin: instantOf(summary.finishedAt),
  };
}

// Fields a source may not report (a list page has no transfers, TaskList has no totals): null in
// a newer summary means "not reported here", so the value the detail call brought is kept.
const KEEP_WHEN_NULL: readonly PatchField[] = ['tot', 'c', 'ok', 'f', 'x', 'cr', 'fin'];

// Counters of one run of a task: a task that runs again in the same id (a Yccall re-dial,
// yccall.md §4.5) starts them over, so the last run's values are not kept for it.
const RUN_COUNTERS: readonly PatchField[] = ['c', 'ok', 'f', 'x'];

/**
 * The row after a newer summary: reported fields win, unreported (null) ones keep their value.
 *
 * A state the vendor's list cannot tell apart (`ended`: Yccall TaskList says only "ended",
 * yccall.md §4.6) does not replace what a detail found out about the same vendor status
 * (`completed` or `ended-early`, from counting the task's numbers).
 */
export function mergeFields(previous: RowFields | undefined, next: RowFields): RowFields {
  if (!previous) return next;
  const merged: Record<string, unknown> = { ...next };
  const runsAgain = ACTIVE_TASK_STATES.includes(next.s) && STOPPED_TASK_STATES.includes(previous.s);
  for (const field of KEEP_WHEN_NULL) {
    if (runsAgain && RUN_COUNTERS.includes(field)) continue;
    if (next[field] === null && previous[field] !== null) merged[field] = previous[field];
  }
  if (
    next.s === 'ended' &&
    (previous.s === 'completed' || previous.s === 'ended-early') &&
    previous.sc === next.sc
  ) {
    merged['s'] = previous.s;
  }
  // A task that runs again (resend in the same id) has no finish time yet.
  if (ACTIVE_TASK_STATES.includes(next.s)) {
    merged['fin'] = next.fin;
  }
  return merged as RowFields;
}

/** The fields that differ, in PATCH_FIELDS order. */
export function changedFields(previous: RowFields, next: RowFields): PatchField[] {
  return PATCH_FIELDS.filter((field) => previous[field] !== next[field]);
}

/** Groups row changes by their set of changed fields (the compact delta encoding). */
export function groupPatches(
  changes: readonly { readonly row: BoardRow; readonly fields: readonly PatchField[] }[],
): PatchGroup[] {
  const groups = new Map<string, { f: PatchField[]; r: (number | string | null)[][] }>();
  for (const { row, fields } of changes) {
    if (fields.length === 0) continue;
    const signature = fields.join(',');
    let group = groups.get(signature);
    if (!group) {
      group = { f: [...fields], r: [] };
      groups.set(signature, group);
    }
    group.r.push([row.i, ...fields.map((field) => row[field])]);
  }
  return [...groups.values()];
}
