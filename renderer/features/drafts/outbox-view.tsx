import { useCallback, useEffect, useRef, useState } from 'react';
import { boardRowKey } from '../../../shared/domain/board';
import type { SubmissionView } from '../../../shared/domain/submission';
import { call, useEvent, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/**
 * The outbox: each submission's state, step and progress, and what the person can do.
 *
 * Opened from a draft ("Open in the outbox"), it scrolls to that draft's entry and focuses it.
 */
export function OutboxView(props: {
  onOpenTasks: () => void;
  onOpenTask: (key: string) => void;
  focusId?: string | null;
}) {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<ReadonlyMap<string, SubmissionView>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const result = await call('submissions.list', {});
        if (current) setItems(new Map(result.submissions.map((item) => [item.id, item])));
      } catch (error) {
        if (current) setFailure(errorMessage(error));
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, []);
  const onChanged = useCallback((view: SubmissionView) => {
    setItems((current) => new Map(current).set(view.id, view));
  }, []);
  useEvent('submissions.changed', onChanged);

  const act = async (action: 'submissions.retry' | 'submissions.cancel', id: string) => {
    setFailure(null);
    try {
      onChanged(await call(action, { id }));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const exportRefused = async (id: string) => {
    setFailure(null);
    setNotice(null);
    try {
      const result = await call('submissions.exportRefused', { id });
      if (result.path !== null) {
        setNotice(
          t('outbox.exported', {
            numbers: result.numbers.toLocaleString(locale),
            path: result.path,
          }),
        );
      }
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const focusId = props.focusId ?? null;
  const focusedRow = useRef<HTMLTableRowElement>(null);
  const hasFocused = items.has(focusId ?? '');
  useEffect(() => {
    if (!hasFocused) return;
    focusedRow.current?.scrollIntoView({ block: 'center' });
    focusedRow.current?.focus({ preventScroll: true });
  }, [hasFocused]);

  const list = [...items.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (list.length === 0) return <p className="muted">{t('outbox.empty')}</p>;
  return (
    <>
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
      <table className="data-table outbox-table" aria-label={t('drafts.tab.outbox')}>
        <thead>
          <tr>
            <th>{t('outbox.col.name')}</th>
            <th>{t('outbox.col.state')}</th>
            <th>{t('outbox.col.stage')}</th>
            <th className="num">{t('outbox.col.progress')}</th>
            <th>
              <span className="visually-hidden">{t('table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((item) => (
            <tr
              key={item.id}
              data-submission={item.name}
              data-submission-id={item.id}
              data-state={item.state}
              {...(item.id === focusId
                ? { ref: focusedRow, tabIndex: -1, 'aria-current': true, className: 'current' }
                : {})}
            >
              <td className="wrap">
                {item.name}
                {item.taskId && (
                  <div className="muted">{t('outbox.taskId', { id: item.taskId })}</div>
                )}
                {item.error && <div className="field-error">{item.error.message[locale]}</div>}
                {item.refused.count > 0 && (
                  <div className="refused" data-refused={item.refused.count}>
                    <strong>
                      {t('outbox.refused', { count: item.refused.count.toLocaleString(locale) })}
                    </strong>
                    <ul>
                      {item.refused.sample.map((refusal) => (
                        <li key={refusal.phone}>
                          {refusal.phone} → <code>{refusal.sent}</code>
                          {refusal.reason === 'not-held' &&
                            ` · ${t('outbox.refused.reason.not-held')}`}
                        </li>
                      ))}
                      {item.refused.count > item.refused.sample.length && (
                        <li className="muted">
                          {t('outbox.refused.more', {
                            count: (item.refused.count - item.refused.sample.length).toLocaleString(
                              locale,
                            ),
                          })}
                        </li>
                      )}
                    </ul>
                  </div>
                )}
              </td>
              <td>
                <span className={`chip submission-${item.state}`}>
                  {t(`outbox.state.${item.state}`)}
                </span>
                {item.nextAttemptAt && (
                  <div className="muted">
                    {t('outbox.nextAttempt', {
                      when: new Date(item.nextAttemptAt).toLocaleTimeString(locale),
                    })}
                  </div>
                )}
              </td>
              <td>
                {/* The step only while it is being taken; a stopped submission says why above. */}
                {item.state === 'attention' ? '—' : t(`outbox.stage.${item.stage}`)}
                {item.chunk && (
                  <div className="muted">
                    {t('outbox.chunk', { index: item.chunk.index, of: item.chunk.of })}
                  </div>
                )}
              </td>
              <td className="num">
                <progress max={Math.max(1, item.progress.total)} value={item.progress.done} />
                <div>
                  {item.progress.done.toLocaleString(locale)} /{' '}
                  {item.progress.total.toLocaleString(locale)}
                </div>
                {item.held !== null && (
                  <div className="muted" data-held={item.held}>
                    {t('outbox.held', {
                      held: item.held.toLocaleString(locale),
                      total: item.progress.total.toLocaleString(locale),
                    })}
                  </div>
                )}
              </td>
              <td className="outbox-actions">
                {item.actions.retry && (
                  <button type="button" onClick={() => void act('submissions.retry', item.id)}>
                    {item.refused.count > 0 && item.state === 'attention'
                      ? t('outbox.resume')
                      : t('outbox.retry')}
                  </button>
                )}
                {item.actions.exportRefused && (
                  <button type="button" onClick={() => void exportRefused(item.id)}>
                    {t('outbox.exportRefused')}
                  </button>
                )}
                {item.actions.openTask && (
                  <button
                    type="button"
                    onClick={() =>
                      item.taskId === null
                        ? props.onOpenTasks()
                        : props.onOpenTask(boardRowKey(item.accountId, item.kind, item.taskId))
                    }
                  >
                    {t('outbox.openTask')}
                  </button>
                )}
                {item.actions.cancel && (
                  <button
                    type="button"
                    className="danger-outline"
                    onClick={() => void act('submissions.cancel', item.id)}
                  >
                    {t('outbox.cancel')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
