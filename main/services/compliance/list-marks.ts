import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ListDncMark } from '../../../shared/domain/compliance';
import type { Clock } from '../../ports';
import { inTransaction } from '../storage/transaction';
import { PHONE_KEY_SQL } from './number-key';
import { readVersion } from './sqlite-versions';

/**
 * "Marked at import": per imported list, how many of its callable numbers are on a DNC list (any
 * scope, not expired). Counted at the end of an import and again, lazily, when the DNC version
 * has moved since; the count is stored with the version it was made at.
 *
 * The count is one indexed pass in SQLite: each callable row probes `dnc_entries`' primary key
 * (number first), never a scan of the DNC entries in JavaScript.
 */
export class ListMarks {
  private readonly count: StatementSync;
  private readonly store: StatementSync;

  constructor(
    private readonly db: DatabaseSync,
    private readonly clock: Clock,
  ) {
    this.count = db.prepare(
      `SELECT COUNT(*) AS n FROM list_rows r
       WHERE r.list_id = :list AND r.status IN ('valid', 'fixed') AND EXISTS (
         SELECT 1 FROM dnc_entries e WHERE e.number = ${PHONE_KEY_SQL('r.phone')}
           AND (e.expires_at IS NULL OR e.expires_at > :at))`,
    );
    this.store = db.prepare(
      `INSERT INTO list_dnc_marks (list_id, count, dnc_version) VALUES (?, ?, ?)
       ON CONFLICT (list_id) DO UPDATE SET count = excluded.count, dnc_version = excluded.dnc_version`,
    );
  }

  /** Counts one list now (after its import) and stores the count. */
  mark(listId: string): ListDncMark {
    return inTransaction(this.db, () => {
      const dncVersion = readVersion(this.db, 'dnc');
      const count = Number(this.count.get({ list: listId, at: this.clock.now() })?.['n'] ?? 0);
      this.store.run(listId, count, dncVersion);
      return { listId, count, dncVersion };
    });
  }

  /** Every manager list's mark; lists counted at an older DNC version are counted again. */
  marks(): ListDncMark[] {
    const dncVersion = readVersion(this.db, 'dnc');
    const rows = this.db
      .prepare(
        `SELECT l.id, m.count, m.dnc_version FROM lists l
         LEFT JOIN list_dnc_marks m ON m.list_id = l.id
         WHERE l.status = 'ready' AND l.derived_from IS NULL ORDER BY l.created_at DESC, l.id`,
      )
      .all();
    return rows.map((row) => {
      const listId = String(row['id']);
      if (row['count'] === null || Number(row['dnc_version']) !== dncVersion) {
        return this.mark(listId);
      }
      return { listId, count: Number(row['count']), dncVersion };
    });
  }
}
