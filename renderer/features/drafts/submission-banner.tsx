import { useCallback, useEffect, useState } from 'react';
import type { SubmissionView } from '../../../shared/domain/submission';
import { call, errorMessage, useEvent } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/** The newest of a draft's submissions (a copy sent again is a new one). */
const newer = (a: SubmissionView | null, b: SubmissionView) =>
  a === null || a.id === b.id || b.createdAt >= a.createdAt ? b : a;

/**
 * The banner after a draft is sent: it follows the submission's real state through
 * `submissions.changed`, so it never says "Queued" after a success or a refused key. Sent → the
 * task was created (with a link to it); a refused key → what to do; waiting → the next try's time.
 */
export function SubmissionBanner(props: {
  readonly draftId: string;
  /** Opens the task on the board: its row key (`account:kind:taskId`). */
  readonly onOpenTask: (key: string) => void;
  readonly onOpenOutbox: () => void;
  readonly onOpenAccounts: () => void;
}) {
  const { t, locale } = useI18n();
  const { draftId } = props;
  const [view, setView] = useState<SubmissionView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const { submissions } = await call('submissions.list', {});
        const mine = submissions.filter((item) => item.draftId === draftId);
        if (current) setView((known) => mine.reduce(newer, known));
      } catch (error) {
        if (current) setFailure(errorMessage(error));
      }
    })();
    return () => {
      current = false;
    };
  }, [draftId]);
  useEvent(
    'submissions.changed',
    useCallback(
      (changed: SubmissionView) => {
        if (changed.draftId === draftId) setView((known) => newer(known, changed));
      },
      [draftId],
    ),
  );

  if (failure) {
    return (
      <p className="form-failure" role="alert">
        {failure}
      </p>
    );
  }
  if (!view) return null;
  const name = view.name;
  const link = (label: string, onClick: () => void) => (
    <button type="button" className="link" onClick={onClick}>
      {label}
    </button>
  );
  let text: string;
  const outbox = link(t('drafts.action.openOutbox'), props.onOpenOutbox);
  let action: React.ReactNode = outbox;
  let tone = 'notice';
  switch (view.state) {
    case 'queued':
      text = t('outbox.banner.queued', { name });
      break;
    case 'sending':
      text = t('outbox.banner.sending', { name });
      break;
    case 'waiting':
      text = view.nextAttemptAt
        ? t('outbox.banner.waiting', {
            name,
            time: new Date(view.nextAttemptAt).toLocaleTimeString(locale, {
              hour: '2-digit',
              minute: '2-digit',
              hour12: false,
            }),
          })
        : t('outbox.banner.waitingSoon', { name });
      break;
    case 'done':
      text = t('outbox.banner.done', {
        name,
        numbers: (view.held ?? view.progress.done).toLocaleString(locale),
      });
      if (view.taskId !== null) {
        const key = `${view.accountId}:${view.kind}:${view.taskId}`;
        action = (
          <>
            {link(t('outbox.openTask'), () => props.onOpenTask(key))} {outbox}
          </>
        );
      }
      break;
    case 'attention':
      tone = 'form-failure';
      if (view.error?.code === 'VENDOR_AUTH') {
        text = t('outbox.banner.auth', { name });
        action = (
          <>
            {link(t('outbox.banner.openAccounts'), props.onOpenAccounts)} {outbox}
          </>
        );
      } else {
        text = t('outbox.banner.attention', { name, reason: view.error?.message[locale] ?? '' });
      }
      break;
    case 'cancelled':
      text = t('outbox.banner.cancelled', { name });
      break;
  }
  return (
    <p
      className={tone}
      role="status"
      data-testid="submission-banner"
      data-state={view.state}
      data-error={view.error?.code ?? ''}
    >
      {text} {action}
    </p>
  );
}
