import type { Handlers } from '../dispatch';
import type { AccountsService } from '../../services/accounts/accounts-service';

type AccountChannels =
  | 'accounts.list'
  | 'accounts.create'
  | 'accounts.update'
  | 'accounts.remove'
  | 'accounts.testConnection'
  | 'accounts.setActive'
  | 'accounts.addDemo';

/** Handlers of the `accounts.*` channels. Secrets go in (create/update) and never come out. */
export function accountsHandlers(accounts: AccountsService): Pick<Handlers, AccountChannels> {
  return {
    'accounts.list': () => ({
      accounts: accounts.list(),
      activeAccountId: accounts.activeAccountId(),
    }),
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
  };
}
