import type { SubmissionView } from '../../../shared/domain/submission';
import { createSettingsOf } from '../drafts/draft-validation';
import type { DraftsService } from '../drafts/drafts-service';
import { AppError } from '../errors';
import type { Outbox } from './outbox';
import type { AuditTrail } from '../audit/audit-trail';
import type { SubmitCompliance } from '../compliance/submit-compliance';
import { systemZone } from '../preflight/zoned-time';
import { startInstantOf } from '../vendors/draft-checks';

/** The compliance check at send time and where its proof is written (issue 17). */
export interface SubmitterCompliance {
  readonly check: SubmitCompliance;
  readonly audit: Pick<AuditTrail, 'append'>;
  readonly now: () => number;
}

/**
 * "Send" on a draft: checks it against its vendor's rules, turns it into a create request and
 * queues it in the outbox, which sends it in the background (the outbox screen follows it).
 *
 * With compliance, the draft's list is checked again (DNC lists, recent calls, zones; the lists
 * may have changed since the review): what goes out is a hidden list of the numbers that pass,
 * or one per zone when the draft is split, each with its own schedule; the audit trail gets the
 * versions used, the include-anyway choice, and which rule excluded which number.
 */
export class DraftSubmitter {
  constructor(
    private readonly drafts: DraftsService,
    private readonly outbox: Outbox,
    private readonly compliance?: SubmitterCompliance,
  ) {}

  /** Queues a draft that passes its vendor's rules; refuses one that does not, saying why. */
  async submit(draftId: string): Promise<SubmissionView> {
    const problems = await this.drafts.validate(draftId);
    if (problems.length > 0) {
      const first = problems[0]?.message;
      throw new AppError(
        'INVALID_INPUT',
        {
          en: `The draft has ${problems.length} problem(s) to fix before it can be sent${first ? `, for example: ${first.en}` : '.'}`,
          'zh-CN': `草稿还有 ${problems.length} 个问题需要修正才能发送${first ? `，例如：${first['zh-CN']}` : '。'}`,
        },
        { problems: problems.map((problem) => problem.rule) },
      );
    }
    const draft = this.drafts.get(draftId);
    if (draft.listId === null) {
      throw new AppError('INVALID_INPUT', {
        en: 'Pick the list of numbers to call first.',
        'zh-CN': '请先选择要拨打的号码列表。',
      });
    }
    if (this.compliance === undefined) {
      const view = await this.outbox.enqueue({
        accountId: draft.accountId,
        kind: draft.kind,
        name: draft.name.trim(),
        listId: draft.listId,
        settings: createSettingsOf(draft),
        draftId: draft.id,
      });
      void this.outbox.drain();
      return view;
    }
    const { check, audit, now } = this.compliance;
    const start = startInstantOf(draft, systemZone());
    const plan = await check.plan(draft, draft.listId, start === null ? now() : Date.parse(start));
    const settings = createSettingsOf(draft);
    const views: SubmissionView[] = [];
    for (const [index, part] of plan.submissions.entries()) {
      const view = await this.outbox.enqueue({
        accountId: draft.accountId,
        kind: draft.kind,
        name: part.name,
        listId: part.listId,
        settings: { ...settings, ...part.schedule },
        draftId: draft.id,
      });
      views.push(view);
      // The proof, per submission: versions, choices, and the numbers by rule (with the first
      // part of a split; the others name it).
      audit.append('compliance.checked', view.id, {
        ...plan.checked,
        zone: part.zone,
        numbers: part.count,
        ...(index > 0 && views[0] ? { exclusionsRecordedWith: views[0].id } : {}),
      });
      if (index === 0) {
        for (const proof of plan.exclusions) audit.append('compliance.excluded', view.id, proof);
      }
    }
    void this.outbox.drain();
    const first = views[0];
    if (first === undefined)
      throw new AppError('INTERNAL', { en: 'Nothing was queued.', 'zh-CN': '未加入任何任务。' });
    return first;
  }
}
