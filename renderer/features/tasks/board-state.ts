import { useCallback, useEffect, useRef, useState } from 'react';
import {
  applyBoardDelta,
  type AccountBoardStatus,
  type BoardDelta,
  type BoardRow,
  type PollingState,
} from '../../../shared/domain/board';
import { call, IpcCallError, useEvent } from '../../ipc/client';

/** The board as the renderer holds it: rows by id, account statuses, polling state. */
export interface BoardState {
  readonly rows: readonly BoardRow[];
  readonly accounts: ReadonlyMap<string, AccountBoardStatus>;
  readonly polling: PollingState;
  readonly lastUpdated: number | null;
  readonly loaded: boolean;
  readonly error: string | null;
}

/** Newest first; rows without a creation time last. */
function byCreatedDesc(a: BoardRow, b: BoardRow): number {
  return (b.cr ?? -1) - (a.cr ?? -1) || b.i - a.i;
}

/**
 * Loads the snapshot once, then applies `tasks.updated` deltas as they arrive. Deltas that came
 * in before the snapshot answered (seq not newer) are skipped.
 */
export function useBoard(): BoardState {
  const rows = useRef(new Map<number, BoardRow>());
  const seq = useRef(-1);
  const [state, setState] = useState<BoardState>({
    rows: [],
    accounts: new Map(),
    polling: 'stopped',
    lastUpdated: null,
    loaded: false,
    error: null,
  });

  const publish = useCallback((patch: Partial<BoardState>) => {
    setState((current) => ({
      ...current,
      ...patch,
      rows: [...rows.current.values()].sort(byCreatedDesc),
    }));
  }, []);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const snapshot = await call('tasks.snapshot', {});
        if (!current) return;
        rows.current = new Map(snapshot.rows.map((row) => [row.i, row]));
        seq.current = snapshot.seq;
        publish({
          accounts: new Map(snapshot.accounts.map((account) => [account.accountId, account])),
          polling: snapshot.polling,
          lastUpdated: snapshot.lastUpdated,
          loaded: true,
        });
      } catch (error) {
        if (current)
          setState((s) => ({
            ...s,
            loaded: true,
            error: error instanceof IpcCallError ? error.message : String(error),
          }));
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [publish]);

  const onDelta = useCallback((delta: BoardDelta) => {
    if (seq.current < 0 || delta.seq <= seq.current) return;
    seq.current = delta.seq;
    applyBoardDelta(rows.current, delta);
    setState((current) => {
      const accounts = new Map(current.accounts);
      for (const account of delta.accounts) accounts.set(account.accountId, account);
      const lastSuccess = delta.accounts.reduce<number | null>(
        (latest, account) => Math.max(latest ?? 0, account.lastSuccessAt ?? 0) || latest,
        current.lastUpdated,
      );
      return {
        ...current,
        rows: [...rows.current.values()].sort(byCreatedDesc),
        accounts,
        polling: delta.polling ?? current.polling,
        lastUpdated: lastSuccess,
      };
    });
  }, []);
  useEvent('tasks.updated', onDelta);
  return state;
}
