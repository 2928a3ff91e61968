import { useEffect, useState } from 'react';
import type { DncEntryView, DncListView } from '../../../shared/domain/compliance';
import { call } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

const PAGE_SIZE = 50;

/** A DNC list's numbers, a page at a time (keyset paging: the cursors seen so far go back). */
export function DncEntries(props: {
  list: DncListView;
  onRemoved: (number: string) => void;
  onFailed: (error: unknown) => void;
}) {
  const { t, locale } = useI18n();
  // cursors[i] is where page i starts; page 0 starts at the beginning.
  const [cursors, setCursors] = useState<readonly (string | null)[]>([null]);
  const [page, setPage] = useState<{ items: readonly DncEntryView[]; next: string | null } | null>(
    null,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const { onFailed } = props;
  const listId = props.list.id;
  const at = cursors.length - 1;
  const after = cursors[at] ?? null;

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const result = await call('compliance.dncEntries', { listId, after, limit: PAGE_SIZE });
        if (current) setPage(result);
      } catch (error) {
        if (current) onFailed(error);
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [listId, after, onFailed]);

  const remove = async (number: string) => {
    setBusy(number);
    try {
      await call('compliance.removeDncNumbers', { listId, numbers: [number] });
      props.onRemoved(number);
    } catch (error) {
      props.onFailed(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card dnc-entries" aria-labelledby="dnc-entries-title">
      <h2 id="dnc-entries-title">{t('compliance.entries.title')}</h2>
      {page !== null && page.items.length === 0 && at === 0 && (
        <p className="muted">{t('compliance.entries.empty')}</p>
      )}
      {page !== null && page.items.length > 0 && (
        <table className="data-table" aria-labelledby="dnc-entries-title">
          <thead>
            <tr>
              <th>{t('compliance.entries.col.number')}</th>
              <th>{t('compliance.entries.col.expires')}</th>
              <th>{t('compliance.entries.col.source')}</th>
              <th>{t('compliance.entries.col.added')}</th>
              <th>
                <span className="visually-hidden">{t('compliance.dnc.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((entry) => (
              <tr key={entry.number} data-dnc-number={entry.number}>
                <td className="mono-cell">{entry.number}</td>
                <td>{entry.expiresOn ?? t('compliance.entries.never')}</td>
                <td className="wrap">{entry.source ?? ''}</td>
                <td className="wrap">
                  {new Date(entry.addedAt).toLocaleString(locale, {
                    dateStyle: 'short',
                    timeStyle: 'short',
                  })}
                </td>
                <td>
                  <button
                    type="button"
                    className="danger-outline"
                    aria-label={`${t('compliance.entries.remove')} ${entry.number}`}
                    disabled={busy !== null}
                    onClick={() => void remove(entry.number)}
                  >
                    {t('compliance.entries.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(at > 0 || page?.next) && (
        <div className="page-actions pager">
          <button
            type="button"
            disabled={at === 0}
            onClick={() => setCursors((seen) => seen.slice(0, -1))}
          >
            {t('compliance.entries.previous')}
          </button>
          <span className="muted">{t('compliance.entries.page', { page: at + 1 })}</span>
          <button
            type="button"
            disabled={!page?.next}
            onClick={() => {
              const next = page?.next;
              if (next) setCursors((seen) => [...seen, next]);
            }}
          >
            {t('compliance.entries.next')}
          </button>
        </div>
      )}
    </section>
  );
}
