import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { StorageState } from '../../../shared/domain/storage';
import { useI18n } from '../../i18n/i18n';
import { call, useEvent } from '../../ipc/client';
import { RecoveryScreen } from './recovery-screen';

/**
 * Shows the app only while the database is sound; the recovery screen when the start-up check
 * found damage, also when a check that outlived start-up finds it later (`storage.changed`).
 */
export function StorageGate(props: { readonly children: ReactNode }) {
  const { t } = useI18n();
  // undefined: not known yet; null: main could not say (the app is shown, as before the check).
  const [state, setState] = useState<StorageState | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const status = await call('storage.status', {});
        if (current) setState(status);
      } catch {
        if (current) setState(null);
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, []);
  const onChanged = useCallback((next: StorageState) => setState(next), []);
  useEvent('storage.changed', onChanged);

  if (state === undefined) {
    return (
      <div className="boot">
        <p role="status">{t('storage.checking')}</p>
      </div>
    );
  }
  if (state !== null && state.state === 'damaged') {
    return <RecoveryScreen state={state} onStateChange={onChanged} />;
  }
  return <>{props.children}</>;
}
