import { describe, expect, it } from 'vitest';
import {
  EMPTY_TALLY,
  endedStateOf,
  matchesStates,
  serverTimeForDisplay,
  tallyRows,
  taskSummaryOf,
  type TaskNumbers,
} from '../../../../main/services/vendors/yccall/mapping';
import { TaskSummarySchema } from '../../../../shared/domain/task';

// A Yccall task that ended (TaskList 1028, yccall.md §4.6) is completed only when TaskInfo (§4.7)
// shows every number called (1036); a number not called (1035) means it ended early, whoever
// ended it (TaskSet 3, the deadline).

const called = (answered: 0 | 1) => ({ telphone: '1', status: 1036, answered });
const notCalled = { telphone: '2', status: 1035, answered: null };
const row = (status: number) => ({
  taskid: 'T1',
  taskname: 'Spring',
  status,
  createtime: '2026-01-05 09:00:00',
});

function numbers(rows: readonly Parameters<typeof tallyRows>[0][number][]): TaskNumbers {
  const tally = tallyRows(rows);
  return { total: rows.length, tally, someNotCalled: tally.notCalled > 0 };
}

describe('counting an ended task’s numbers', () => {
  it('counts called, connected, not connected and not called rows across pages', () => {
    const first = tallyRows([called(1), called(0), notCalled]);
    const both = tallyRows([called(1), { telphone: '3', status: 1099 }], first);
    expect(both).toEqual({
      rows: 5,
      called: 3,
      answered: 2,
      unanswered: 1,
      notCalled: 1,
      other: 1,
    });
    expect(tallyRows([])).toEqual(EMPTY_TALLY);
  });

  it('is completed when every number was called, with the counts the rows give', () => {
    const summary = TaskSummarySchema.parse(
      taskSummaryOf(row(1028), 'y', 0, numbers([called(1), called(0), called(1)])),
    );
    expect(summary.state).toBe('completed');
    expect(summary.vendorStatus).toEqual({ code: '1028', label: 'Ended' });
    expect(summary.counts).toEqual({
      total: 3,
      called: 3,
      success: 2,
      failed: 1,
      transferred: null,
    });
  });

  it('is ended early when a number was never called (TaskSet 3 or the deadline)', () => {
    const summary = taskSummaryOf(row(1028), 'y', 0, numbers([called(1), notCalled, notCalled]));
    expect(summary.state).toBe('ended-early');
    expect(summary.counts).toMatchObject({ total: 3, called: 1, success: 1, failed: 0 });
  });

  it('is ended early with no counts when only a probe of the rows found a number not called', () => {
    const summary = taskSummaryOf(row(1028), 'y', 0, {
      total: 50_000,
      tally: null,
      someNotCalled: true,
    });
    expect(summary.state).toBe('ended-early');
    expect(summary.counts).toMatchObject({ total: 50_000, called: null, success: null });
  });

  it('stays "ended" while the numbers are not counted, or when a row has an unknown status', () => {
    expect(taskSummaryOf(row(1028), 'y', 0).state).toBe('ended');
    expect(taskSummaryOf(row(1028), 'y', 0, 40).state).toBe('ended');
    expect(endedStateOf({ total: 50_000, tally: null, someNotCalled: false })).toBe('ended');
    expect(endedStateOf(numbers([called(1), { telphone: '3', status: 1099 }]))).toBe('ended');
    // The rows do not add up to the total: not a proof of completion.
    expect(
      endedStateOf({ total: 4, tally: tallyRows([called(1), called(1)]), someNotCalled: false }),
    ).toBe('ended');
  });

  it('never reads counters for a task that still runs (a single count would go stale)', () => {
    const running = taskSummaryOf(row(1026), 'y', 0, numbers([called(1), notCalled]));
    expect(running.state).toBe('running');
    expect(running.counts).toEqual({
      total: 2,
      called: null,
      success: null,
      failed: null,
      transferred: null,
    });
    expect(taskSummaryOf(row(1025), 'y', 0, 7).counts.total).toBe(7);
  });

  it('lets an uncounted ended task answer a filter for completed or ended early', () => {
    expect(matchesStates('ended', ['completed'])).toBe(true);
    expect(matchesStates('ended', ['ended-early'])).toBe(true);
    expect(matchesStates('ended', ['running'])).toBe(false);
    expect(matchesStates('completed', ['ended-early'])).toBe(false);
  });
});

describe('server times in the detail (§1, §8)', () => {
  it('are instants read at the server offset; placeholders are none; other text is kept', () => {
    expect(serverTimeForDisplay('2026-01-05 09:00:00', 480)).toBe('2026-01-05T01:00:00.000Z');
    expect(serverTimeForDisplay('0000-00-00 00:00:00', 480)).toBeNull();
    expect(serverTimeForDisplay('', 480)).toBeNull();
    expect(serverTimeForDisplay('soon', 480)).toBe('soon');
  });
});
