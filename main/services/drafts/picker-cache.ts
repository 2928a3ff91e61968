import type { DatabaseSync } from 'node:sqlite';
import type { TaskKind } from '../../../shared/domain/task';
import type { Clock } from '../../ports';
import type { Pickers, Vendor } from '../vendors/vendor';

/** Picker choices as last loaded from the vendor, and when. */
export interface CachedPickers {
  readonly pickers: Pickers;
  /** ISO instant of the last successful refresh. */
  readonly refreshedAt: string;
}

/**
 * Per-account picker choices (agent groups, display numbers, AI scripts, queues, extensions)
 * kept in the database, so drafts can be edited with no network. `refresh` asks the vendor and
 * replaces the entry only when it answered.
 */
export class PickerCache {
  constructor(
    private readonly db: DatabaseSync,
    private readonly clock: Clock,
    private readonly vendorFor: (accountId: string) => Promise<Vendor>,
  ) {}

  /** The cached choices, or null if never loaded. Never touches the network. */
  get(accountId: string, kind: TaskKind): CachedPickers | null {
    const row = this.db
      .prepare(
        'SELECT pickers_json, refreshed_at FROM picker_cache WHERE account_id = ? AND kind = ?',
      )
      .get(accountId, kind);
    if (!row) return null;
    return {
      pickers: JSON.parse(String(row['pickers_json'])) as Pickers,
      refreshedAt: new Date(Number(row['refreshed_at'])).toISOString(),
    };
  }

  /** Loads the choices from the vendor and stores them; the old entry stays if that fails. */
  async refresh(accountId: string, kind: TaskKind, signal?: AbortSignal): Promise<CachedPickers> {
    const vendor = await this.vendorFor(accountId);
    const pickers = await vendor.loadPickers(kind, signal ? { signal } : {});
    const now = this.clock.now();
    this.db
      .prepare(
        `INSERT INTO picker_cache (account_id, kind, pickers_json, refreshed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, kind) DO UPDATE SET pickers_json = excluded.pickers_json, refreshed_at = excluded.refreshed_at`,
      )
      .run(accountId, kind, JSON.stringify(pickers), now);
    return { pickers, refreshedAt: new Date(now).toISOString() };
  }
}
