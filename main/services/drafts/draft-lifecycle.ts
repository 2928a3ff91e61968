import type { DraftState, DraftSubmissionLink } from '../../../shared/domain/draft';
import type { SubmissionState } from '../../../shared/domain/submission';

/** A submission of a draft as the outbox journal holds it (only what the lifecycle needs). */
export interface DraftSubmissionRecord {
  readonly draftId: string;
  readonly submissionId: string;
  readonly name: string;
  readonly state: SubmissionState;
  readonly taskId: string | null;
}

/** The submissions of drafts, by draft id (the outbox journal; see SubmissionJournal.ofDrafts). */
export type DraftSubmissionsSource = (
  draftIds: readonly string[],
) => readonly DraftSubmissionRecord[];

/**
 * A draft's state from its submissions (issue 13, "the draft lifecycle").
 *
 * Cancelled submissions were withdrawn before anything was sent, so they do not count. Any
 * submission that needs a person makes the draft "needs you"; any still on its way makes it
 * "queued"; it is "sent" only when every live submission is done (a campaign split by zone has
 * one per zone).
 */
export function draftStateOf(
  submissions: readonly { readonly state: SubmissionState }[],
): DraftState {
  const live = submissions.filter((submission) => submission.state !== 'cancelled');
  if (live.length === 0) return 'editable';
  if (live.some((submission) => submission.state === 'attention')) return 'needs-you';
  if (live.every((submission) => submission.state === 'done')) return 'sent';
  return 'queued';
}

/** The links a draft's summary carries: its live submissions, in the order given. */
export function draftLinksOf(
  submissions: readonly DraftSubmissionRecord[],
): readonly DraftSubmissionLink[] {
  return submissions
    .filter((submission) => submission.state !== 'cancelled')
    .map((submission) => ({
      submissionId: submission.submissionId,
      name: submission.name,
      state: submission.state,
      taskId: submission.taskId,
    }));
}
