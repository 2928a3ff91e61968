import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { AccountView } from '../../shared/domain/account';
import type { DamagedAccount } from '../../shared/domain/damaged-account';
import type { EventPayloadOf } from '../../shared/ipc/contract';
import { call, useEvent, errorMessage } from '../ipc/client';

type AccountsState = EventPayloadOf<'accounts.changed'>;

interface AccountsValue {
  /** null until the first answer from main. */
  readonly state: AccountsState | null;
  readonly error: string | null;
  readonly accounts: readonly AccountView[];
  /** Stored entries this version cannot use (shown with repair and remove). */
  readonly damaged: readonly DamagedAccount[];
  readonly activeAccountId: string | null;
  setActive(id: string | null): Promise<void>;
}

const AccountsContext = createContext<AccountsValue | null>(null);

/** Keeps the account list and the selected account, as main reports them (event-driven). */
export function AccountsProvider(props: { children: ReactNode }) {
  const [state, setState] = useState<AccountsState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const loaded = await call('accounts.list', {});
        if (current) setState(loaded);
      } catch (failure) {
        if (current) setError(errorMessage(failure));
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, []);

  const onChanged = useCallback((next: AccountsState) => setState(next), []);
  useEvent('accounts.changed', onChanged);

  const setActive = useCallback(async (id: string | null) => {
    await call('accounts.setActive', { id });
  }, []);

  const value = useMemo<AccountsValue>(
    () => ({
      state,
      error,
      accounts: state?.accounts ?? [],
      damaged: state?.damaged ?? [],
      activeAccountId: state?.activeAccountId ?? null,
      setActive,
    }),
    [state, error, setActive],
  );
  return <AccountsContext.Provider value={value}>{props.children}</AccountsContext.Provider>;
}

/** The accounts and the selection; only valid below <AccountsProvider>. */
export function useAccounts(): AccountsValue {
  const value = useContext(AccountsContext);
  if (!value) throw new Error('useAccounts must be used inside <AccountsProvider>.');
  return value;
}
