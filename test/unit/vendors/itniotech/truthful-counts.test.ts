import { describe, expect, it } from 'vitest';
import {
  ccTaskSummary,
  detailRecordOf,
  groupDetailSummary,
  groupTaskSummary,
} from '../../../../main/services/vendors/itniotech/mapping';
import {
  CcTaskRecordSchema,
  GroupTaskDetailSchema,
  GroupTaskRecordSchema,
} from '../../../../main/services/vendors/itniotech/schemas';
import { utcOffsetLabel } from '../../../../shared/domain/task';

// Counters come from the vendor's own fields (itniotech.md §4.4, §5.5, §5.6), never from
// total − remaining; states from each family's own table (§9.5).

describe('ITNIO counters and states', () => {
  it('a cancelled cc task whose remainder is 0 reads as cancelled with nothing called claimed', () => {
    const record = CcTaskRecordSchema.parse({
      taskId: 5017561,
      taskStatus: 14,
      totalCount: 300,
      remainCount: 0,
      transfersNum: 4,
      callFailuresNum: 9,
      remark: 'Agent campaign',
    });
    const summary = ccTaskSummary(record, 'a');
    expect(summary.state).toBe('cancelled');
    expect(summary.counts).toEqual({
      total: 300,
      called: null,
      success: null,
      failed: 9,
      transferred: 4,
    });
    expect(summary.createdAt).toBeNull();
  });

  it('cc 12 is completed and 14 cancelled; group calls 2 completed and 4 cancelled', () => {
    const cc = (taskStatus: number) =>
      ccTaskSummary(CcTaskRecordSchema.parse({ taskId: 1, taskStatus }), 'a').state;
    expect([cc(12), cc(14)]).toEqual(['completed', 'cancelled']);
    const group = (status: number) =>
      groupTaskSummary(
        GroupTaskRecordSchema.parse({ jobId: 1, taskName: 't', status }),
        'voice-group',
        'a',
        480,
      ).state;
    expect([group(2), group(4)]).toEqual(['completed', 'cancelled']);
  });

  it('a group-call list row takes the vendor’s callNum, success and fail', () => {
    const record = GroupTaskRecordSchema.parse({
      jobId: 7,
      taskName: 'Promo',
      status: 4,
      numCnt: 200,
      callNum: 31,
      success: 20,
      fail: 11,
      createdTime: '2026-01-05 09:00:00',
    });
    const summary = groupTaskSummary(record, 'voice-group', 'a', 480);
    expect(summary.counts).toEqual({
      total: 200,
      called: 31,
      success: 20,
      failed: 11,
      transferred: null,
    });
    expect(summary.createdAt).toBe('2026-01-05T01:00:00.000Z');
  });

  it('a group-call detail without callTotal says nothing about called (no success + fail)', () => {
    const detail = GroupTaskDetailSchema.parse({
      jobId: '7',
      taskName: 'Promo',
      status: 4,
      numCnt: 200,
      success: 20,
      fail: 11,
    });
    expect(groupDetailSummary(detail, 'voice-group', 'a', 480).counts.called).toBeNull();
    const counted = GroupTaskDetailSchema.parse({ ...detail, callTotal: 31 });
    expect(groupDetailSummary(counted, 'voice-group', 'a', 480).counts.called).toBe(31);
  });

  it('shows a detail’s vendor-clock times as instants and names the vendor’s zone', () => {
    const shown = detailRecordOf(
      {
        createdTime: '2026-01-05 09:00:00',
        finishTime: null,
        mdfTime: 'later',
        sendTime: '',
        numCnt: 3,
      },
      480,
    );
    expect(shown).toEqual({
      createdTime: '2026-01-05T01:00:00.000Z',
      finishTime: null,
      mdfTime: 'later',
      sendTime: '',
      numCnt: 3,
      vendorClock: 'UTC+08:00',
    });
  });

  it('names zones east and west of UTC', () => {
    expect(utcOffsetLabel(480)).toBe('UTC+08:00');
    expect(utcOffsetLabel(0)).toBe('UTC+00:00');
    expect(utcOffsetLabel(-210)).toBe('UTC−03:30');
    expect(utcOffsetLabel(345)).toBe('UTC+05:45');
  });
});
