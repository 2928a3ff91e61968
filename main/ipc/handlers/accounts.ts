import type { Handlers } from '../dispatch';
import type { AccountsService } from '../../services/accounts/accounts-service';

type AccountChannels =
  | 'accounts.list'
  | 'accounts.create'
  | 'accounts.update'
  | 'accounts.remove'
  | 'accounts.testConnection'
  | 'accounts.setActive'
  | 'accounts.addDemo'
  | 'accounts.repair'
  | 'accounts.removeDamaged';

/** Handlers of the `accounts.*` channels. Secrets go in (create/update) and never come out. */
export function accountsHandlers(accounts: AccountsService): Pick<Handlers, AccountChannels> {
  return {
    'accounts.list': () => accounts.state(),
    'accounts.create': (request) => accounts.create(request),
    'accounts.update': ({ id, changes }) => accounts.update(id, changes),
    'accounts.remove': async ({ id }) => {
      await accounts.remove(id);
      return {};
    },
    'accounts.testConnection': ({ id }, { signal }) => accounts.testConnection(id, signal),
    'accounts.setActive': ({ id }) => {
      accounts.setActive(id);
      return {};
    },
    'accounts.addDemo': () => ({ accounts: accounts.addDemo() }),
    'accounts.repair': ({ key, account }) => accounts.repair(key, account),
    'accounts.removeDamaged': async ({ key }) => {
      await accounts.removeDamaged(key);
      return {};
    },
  };
}
