import type { DncScopeView } from '../../../shared/domain/compliance';
import type { AccountView } from '../../../shared/domain/account';
import type { Translate } from '../../i18n/i18n';
import { useAccounts } from '../../app/accounts-state';
import { useI18n } from '../../i18n/i18n';

/**
 * A scope being edited: all accounts, or the accounts ticked. The chosen ids are kept while
 * "all accounts" is selected, so switching back and forth loses nothing the manager ticked.
 */
export interface ScopeDraft {
  readonly kind: DncScopeView['kind'];
  readonly accountIds: readonly string[];
}

/** The editable form of a stored scope. */
export function scopeDraftOf(scope: DncScopeView): ScopeDraft {
  return scope.kind === 'all-accounts'
    ? { kind: 'all-accounts', accountIds: [] }
    : { kind: 'accounts', accountIds: scope.accountIds };
}

/** The scope to send, or null when "chosen accounts" has none ticked (nothing to save). */
export function scopeOf(draft: ScopeDraft): DncScopeView | null {
  if (draft.kind === 'all-accounts') return { kind: 'all-accounts' };
  return draft.accountIds.length > 0
    ? { kind: 'accounts', accountIds: [...draft.accountIds] }
    : null;
}

/** "All accounts", or the chosen accounts by name (ids of removed accounts are counted). */
export function scopeText(
  scope: DncScopeView,
  accounts: readonly AccountView[],
  t: Translate,
): string {
  if (scope.kind === 'all-accounts') return t('compliance.dnc.scope.all');
  const names = scope.accountIds
    .map((id) => accounts.find((account) => account.id === id)?.name)
    .filter((name): name is string => name !== undefined);
  return names.length === scope.accountIds.length
    ? names.join(', ')
    : t('compliance.dnc.scope.some', { count: scope.accountIds.length });
}

/** The radio choice of a DNC list's scope, and the account check boxes under it. */
export function ScopeFields(props: {
  idPrefix: string;
  value: ScopeDraft;
  onChange: (next: ScopeDraft) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const { accounts } = useAccounts();
  const { value, idPrefix } = props;
  const setKind = (kind: ScopeDraft['kind']) => props.onChange({ ...value, kind });
  const toggle = (id: string, on: boolean) =>
    props.onChange({
      kind: 'accounts',
      accountIds: on
        ? [...value.accountIds.filter((other) => other !== id), id]
        : value.accountIds.filter((other) => other !== id),
    });
  return (
    <fieldset className="scope-fields" disabled={props.disabled}>
      <legend>{t('compliance.dnc.scope')}</legend>
      <label className="radio">
        <input
          type="radio"
          name={`${idPrefix}-scope`}
          checked={value.kind === 'all-accounts'}
          onChange={() => setKind('all-accounts')}
        />
        {t('compliance.dnc.scope.all')}
      </label>
      <label className="radio">
        <input
          type="radio"
          name={`${idPrefix}-scope`}
          checked={value.kind === 'accounts'}
          onChange={() => setKind('accounts')}
        />
        {t('compliance.dnc.scope.accounts')}
      </label>
      {value.kind === 'accounts' && (
        <ul className="scope-accounts">
          {accounts.map((account) => (
            <li key={account.id}>
              <label className="radio">
                <input
                  type="checkbox"
                  data-account={account.name}
                  checked={value.accountIds.includes(account.id)}
                  onChange={(event) => toggle(account.id, event.target.checked)}
                />
                {account.name}
              </label>
            </li>
          ))}
        </ul>
      )}
      {value.kind === 'accounts' && value.accountIds.length === 0 && (
        <p className="field-hint">{t('compliance.dnc.scope.none')}</p>
      )}
    </fieldset>
  );
}
