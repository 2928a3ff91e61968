import type { AccountBalance } from '../../../shared/domain/board-glance';
import type { PreflightBalance } from '../../../shared/domain/preflight';
import type { VendorId } from '../../../shared/domain/task';
import type { Clock, Logger } from '../../ports';
import { checkBalance } from '../preflight/balance';
import type { Vendor } from '../vendors/vendor';

/** What the board's balances are built from (ports). */
export interface AccountBalancesDeps {
  /** The accounts now configured: their ids and vendors. */
  readonly accounts: () => readonly { readonly id: string; readonly vendor: VendorId }[];
  readonly vendorFor: (accountId: string) => Promise<Vendor>;
  readonly isOnline: () => boolean;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long an answer is reused before the vendor is asked again (default 60 s). */
  readonly maxAgeMs?: number;
}

/**
 * Every account's balance for the board's at-a-glance strip: the same check as the review's
 * (checkBalance), asked at most once a minute per account unless the manager refreshes, so an
 * open board never adds a vendor request per poll.
 */
export class AccountBalances {
  private readonly recent = new Map<
    string,
    { readonly at: number; readonly balance: PreflightBalance }
  >();
  private readonly maxAgeMs: number;

  constructor(private readonly deps: AccountBalancesDeps) {
    this.maxAgeMs = deps.maxAgeMs ?? 60_000;
  }

  /** Each account's balance, in the accounts' order; `refresh` asks every vendor again. */
  async all(refresh: boolean, signal?: AbortSignal): Promise<AccountBalance[]> {
    const online = this.deps.isOnline();
    const accounts = this.deps.accounts();
    for (const id of this.recent.keys()) {
      if (!accounts.some((account) => account.id === id)) this.recent.delete(id);
    }
    return Promise.all(
      accounts.map(async (account): Promise<AccountBalance> => {
        const now = this.deps.clock.now();
        const kept = this.recent.get(account.id);
        if (!refresh && online && kept && now - kept.at < this.maxAgeMs) {
          return { accountId: account.id, balance: kept.balance };
        }
        const balance = await checkBalance(this.deps, account.id, account.vendor, {
          online,
          signal,
        });
        if (balance.status === 'checked') this.recent.set(account.id, { at: now, balance });
        else this.recent.delete(account.id);
        return { accountId: account.id, balance };
      }),
    );
  }
}
