import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, DraftEdit } from '../../../shared/domain/draft';
import { call, IpcCallError, errorMessage } from '../../ipc/client';

const DELAY_MS = 400;

export type SaveStatus =
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'conflict' };

/**
 * Keeps a draft being edited and saves it within a second of every change (DESIGN.md: drafts
 * autosave; main writes atomically). Each save carries the revision it edits; a CONFLICT (the
 * draft changed in another window) reloads the newest version instead of overwriting it.
 */
export function useAutosave(initial: Draft): {
  draft: Draft;
  status: SaveStatus;
  edit: (change: Partial<Omit<DraftEdit, 'id' | 'revision'>>) => void;
  flush: () => Promise<Draft>;
} {
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: initial.updatedAt });
  const latest = useRef(initial);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<Draft> | null>(null);

  const save = useCallback(async (): Promise<Draft> => {
    if (saving.current) await saving.current;
    const current = latest.current;
    const request = {
      id: current.id,
      name: current.name,
      listId: current.listId,
      settings: current.settings,
      schedule: current.schedule,
      compliance: current.compliance,
      notes: current.notes,
      revision: current.revision,
    };
    setStatus({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const saved = await call('drafts.save', request);
        // Keep edits typed while the save was in flight; take the new revision.
        latest.current = {
          ...latest.current,
          revision: saved.revision,
          updatedAt: saved.updatedAt,
        };
        setDraft(latest.current);
        setStatus({ kind: 'saved', at: saved.updatedAt });
        return saved;
      } catch (error) {
        if (error instanceof IpcCallError && error.code === 'CONFLICT') {
          const fresh = await call('drafts.get', { id: current.id });
          latest.current = fresh;
          setDraft(fresh);
          setStatus({ kind: 'conflict' });
          return fresh;
        }
        setStatus({
          kind: 'failed',
          message: errorMessage(error),
        });
        throw error;
      }
    })();
    saving.current = attempt;
    try {
      return await attempt;
    } finally {
      if (saving.current === attempt) saving.current = null;
    }
  }, []);

  const edit = useCallback(
    (change: Partial<Omit<DraftEdit, 'id' | 'revision'>>) => {
      latest.current = { ...latest.current, ...change };
      setDraft(latest.current);
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(() => {
        pending.current = null;
        void save().catch(() => undefined);
      }, DELAY_MS);
    },
    [save],
  );

  const flush = useCallback(async () => {
    if (pending.current) {
      clearTimeout(pending.current);
      pending.current = null;
      return save();
    }
    if (saving.current) return saving.current;
    return latest.current;
  }, [save]);

  // Save what is pending when the editor closes.
  useEffect(
    () => () => {
      if (pending.current) {
        clearTimeout(pending.current);
        void save().catch(() => undefined);
      }
    },
    [save],
  );

  return { draft, status, edit, flush };
}
