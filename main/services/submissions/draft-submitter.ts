import type { SubmissionView } from '../../../shared/domain/submission';
import { createSettingsOf } from '../drafts/draft-validation';
import type { DraftsService } from '../drafts/drafts-service';
import { AppError } from '../errors';
import type { Outbox } from './outbox';

/**
 * "Send" on a draft: checks it against its vendor's rules, turns it into a create request and
 * queues it in the outbox, which sends it in the background (the outbox screen follows it).
 */
export class DraftSubmitter {
  constructor(
    private readonly drafts: DraftsService,
    private readonly outbox: Outbox,
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
}
