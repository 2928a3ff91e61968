import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AccountBoardStatus,
  BoardDelta,
  BoardRow,
  PollingState,
} from '../../../shared/domain/board';
import { call, useEvent, errorMessage } from '../../ipc/client';
import { BoardModel } from './board-model';
import type { Compare } from './sorted-index';

/** The board as the screen reads it. */
export interface BoardState {
  readonly model: BoardModel;
  /** Bumped on every change, so views re-render. */
  readonly version: number;
  readonly accounts: ReadonlyMap<string, AccountBoardStatus>;
  readonly polling: PollingState;
  readonly lastUpdated: number | null;
  readonly loaded: boolean;
  readonly error: string | null;
}

/**
 * Loads the snapshot once, then applies `tasks.updated` deltas as they arrive. Deltas that came
 * in before the snapshot answered wait in the model and apply when newer than the snapshot. `compare` and `match` are the
 * sort and the filter; changing either re-sorts once.
 */
export function useBoard(
  compare: Compare<BoardRow>,
  match: (row: BoardRow) => boolean,
): BoardState {
  const model = useRef<BoardModel | null>(null);
  model.current ??= new BoardModel(compare, match);
  const [state, setState] = useState<Omit<BoardState, 'model'>>({
    version: 0,
    accounts: new Map(),
    polling: 'stopped',
    lastUpdated: null,
    loaded: false,
    error: null,
  });

  useEffect(() => {
    model.current?.setView(compare, match);
    setState((current) => ({ ...current, version: current.version + 1 }));
  }, [compare, match]);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const snapshot = await call('tasks.snapshot', {});
        if (!current) return;
        model.current?.load(snapshot);
        setState((s) => ({
          ...s,
          version: s.version + 1,
          accounts: new Map(snapshot.accounts.map((account) => [account.accountId, account])),
          polling: snapshot.polling,
          lastUpdated: snapshot.lastUpdated,
          loaded: true,
        }));
      } catch (error) {
        if (current)
          setState((s) => ({
            ...s,
            loaded: true,
            error: errorMessage(error),
          }));
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, []);

  const onDelta = useCallback((delta: BoardDelta) => {
    if (!model.current?.apply(delta)) return;
    setState((current) => {
      let accounts = current.accounts;
      if (delta.accounts.length > 0) {
        const next = new Map(current.accounts);
        for (const account of delta.accounts) next.set(account.accountId, account);
        accounts = next;
      }
      const lastSuccess = delta.accounts.reduce<number | null>(
        (latest, account) => Math.max(latest ?? 0, account.lastSuccessAt ?? 0) || latest,
        current.lastUpdated,
      );
      return {
        ...current,
        version: current.version + 1,
        accounts,
        polling: delta.polling ?? current.polling,
        lastUpdated: lastSuccess,
      };
    });
  }, []);
  useEvent('tasks.updated', onDelta);
  return { ...state, model: model.current };
}
