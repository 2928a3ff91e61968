import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { AppError } from '../errors';
import { inTransaction } from '../storage/transaction';
import { e164Of, numberKey, PHONE_KEY_SQL } from './number-key';
import type {
  BatchResult,
  DncEntry,
  DncEntryInput,
  DncList,
  DncMatch,
  DncRepository,
  DncScope,
  NewDncList,
  Page,
  PageRequest,
} from './ports';
import { bumpVersion, readVersion } from './sqlite-versions';

/** The longest list name and entry source kept. */
export const MAX_DNC_TEXT = 200;

/** Lists applying to account `?`: every-account lists and those that chose it. */
export const APPLICABLE_LISTS_SQL = `SELECT key FROM dnc_lists WHERE all_accounts = 1
  UNION SELECT list_key FROM dnc_list_accounts WHERE account_id = ?`;

/** The refusal when a DNC list is not there (deleted meanwhile). */
export function listNotFound(id: string): AppError {
  return new AppError(
    'NOT_FOUND',
    {
      en: 'This do-not-call list no longer exists. It may have been deleted; reopen the list of do-not-call lists.',
      'zh-CN': '此禁呼名单已不存在，可能已被删除；请重新打开禁呼名单列表。',
    },
    { failure: 'dnc-list-not-found', listId: id },
  );
}

function importedListNotFound(id: string): AppError {
  return new AppError(
    'NOT_FOUND',
    {
      en: 'The imported list is no longer there. Import it again, then mark it as a do-not-call list.',
      'zh-CN': '导入的名单已不存在。请重新导入，然后将其标记为禁呼名单。',
    },
    { failure: 'list-not-found', listId: id },
  );
}

function checkedText(value: string, field: 'name' | 'source'): string {
  const text = value.trim();
  if (text === '' || text.length > MAX_DNC_TEXT) {
    throw new AppError(
      'INVALID_INPUT',
      field === 'name'
        ? {
            en: `Give the do-not-call list a name of 1 to ${String(MAX_DNC_TEXT)} characters.`,
            'zh-CN': `请为禁呼名单填写 1 到 ${String(MAX_DNC_TEXT)} 个字符的名称。`,
          }
        : {
            en: `The source of a do-not-call entry can be at most ${String(MAX_DNC_TEXT)} characters; leave it empty if unknown.`,
            'zh-CN': `禁呼条目的来源最多 ${String(MAX_DNC_TEXT)} 个字符；未知时请留空。`,
          },
      { failure: `dnc-${field}`, field },
    );
  }
  return text;
}

const num = (value: unknown): number => Number(value ?? 0);
const nullableNum = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const nullableText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** `DncRepository` on the app's SQLite database (`storage/migrations/compliance.ts`). */
export class SqliteDncRepository implements DncRepository {
  private readonly insertEntry: StatementSync;
  private readonly updateEntry: StatementSync;
  private readonly deleteEntry: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.insertEntry = db.prepare(
      `INSERT OR IGNORE INTO dnc_entries (number, list_key, expires_at, source_key, added_at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.updateEntry = db.prepare(
      `UPDATE dnc_entries SET expires_at = ?, source_key = ?, added_at = ?
       WHERE number = ? AND list_key = ?`,
    );
    this.deleteEntry = db.prepare('DELETE FROM dnc_entries WHERE number = ? AND list_key = ?');
  }

  /** {@inheritDoc DncRepository.createList} */
  async createList(list: NewDncList): Promise<DncList> {
    const name = checkedText(list.name, 'name');
    inTransaction(this.db, () => {
      const row = this.db
        .prepare(
          `INSERT INTO dnc_lists (id, name, all_accounts, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?) RETURNING key`,
        )
        .get(list.id, name, list.scope.kind === 'all-accounts' ? 1 : 0, list.at, list.at);
      this.writeAccounts(num(row?.['key']), list.scope);
      bumpVersion(this.db, 'dnc');
    });
    return this.required(list.id);
  }

  /** {@inheritDoc DncRepository.renameList} */
  async renameList(id: string, name: string, at: number): Promise<DncList> {
    const checked = checkedText(name, 'name');
    inTransaction(this.db, () => {
      this.touch(this.keyOf(id), at);
      this.db.prepare('UPDATE dnc_lists SET name = ? WHERE id = ?').run(checked, id);
    });
    return this.required(id);
  }

  /** {@inheritDoc DncRepository.setScope} */
  async setScope(id: string, scope: DncScope, at: number): Promise<DncList> {
    inTransaction(this.db, () => {
      const key = this.keyOf(id);
      this.touch(key, at);
      this.db
        .prepare('UPDATE dnc_lists SET all_accounts = ? WHERE key = ?')
        .run(scope.kind === 'all-accounts' ? 1 : 0, key);
      this.db.prepare('DELETE FROM dnc_list_accounts WHERE list_key = ?').run(key);
      this.writeAccounts(key, scope);
    });
    return this.required(id);
  }

  /** {@inheritDoc DncRepository.deleteList} */
  async deleteList(id: string): Promise<void> {
    inTransaction(this.db, () => {
      const key = this.keyOf(id);
      this.db.prepare('DELETE FROM dnc_lists WHERE key = ?').run(key);
      bumpVersion(this.db, 'dnc');
    });
  }

  /** {@inheritDoc DncRepository.getList} */
  async getList(id: string): Promise<DncList | null> {
    return this.read(id);
  }

  /** {@inheritDoc DncRepository.lists} */
  async lists(): Promise<readonly DncList[]> {
    const ids = this.db.prepare('SELECT id FROM dnc_lists ORDER BY name, id').all();
    return ids.flatMap((row) => {
      const list = this.read(String(row['id']));
      return list ? [list] : [];
    });
  }

  /** {@inheritDoc DncRepository.addEntries} */
  async addEntries(
    listId: string,
    entries: readonly DncEntryInput[],
    at: number,
  ): Promise<BatchResult> {
    const keyed = entries.map((entry) => ({
      key: numberKey(entry.number),
      expiresAt: entry.expiresAt ?? null,
      source:
        entry.source === undefined || entry.source === null || entry.source.trim() === ''
          ? null
          : checkedText(entry.source, 'source'),
    }));
    return inTransaction(this.db, () => {
      const listKey = this.keyOf(listId);
      const sources = new Map<string, number>();
      let added = 0;
      for (const entry of keyed) {
        const sourceKey = entry.source === null ? null : this.sourceKey(entry.source, sources);
        const inserted = this.insertEntry.run(entry.key, listKey, entry.expiresAt, sourceKey, at);
        if (Number(inserted.changes) === 1) added += 1;
        else this.updateEntry.run(entry.expiresAt, sourceKey, at, entry.key, listKey);
      }
      this.db
        .prepare('UPDATE dnc_lists SET entry_count = entry_count + ? WHERE key = ?')
        .run(added, listKey);
      return { count: keyed.length, version: this.touch(listKey, at) };
    });
  }

  /** {@inheritDoc DncRepository.addImportedList} */
  async addImportedList(
    listId: string,
    importedListId: string,
    options: { readonly expiresAt?: number | null; readonly source?: string | null },
    at: number,
  ): Promise<BatchResult> {
    const source =
      options.source === undefined || options.source === null || options.source.trim() === ''
        ? null
        : checkedText(options.source, 'source');
    return inTransaction(this.db, () => {
      const listKey = this.keyOf(listId);
      const imported = this.db
        .prepare('SELECT 1 AS found FROM lists WHERE id = ?')
        .get(importedListId);
      if (!imported) throw importedListNotFound(importedListId);
      const sourceKey = source === null ? null : this.sourceKey(source, new Map());
      // One INSERT ... SELECT in key order of the list: no row passes through JavaScript. The
      // WHERE makes the upsert parse (sqlite.org/lang_upsert.html, "parsing ambiguity").
      const written = this.db
        .prepare(
          `INSERT INTO dnc_entries (number, list_key, expires_at, source_key, added_at)
           SELECT ${PHONE_KEY_SQL('phone')}, ?, ?, ?, ? FROM list_rows
           WHERE list_id = ? AND status IN ('valid', 'fixed') AND phone IS NOT NULL
           ON CONFLICT (number, list_key) DO UPDATE SET expires_at = excluded.expires_at,
             source_key = excluded.source_key, added_at = excluded.added_at`,
        )
        .run(listKey, options.expiresAt ?? null, sourceKey, at, importedListId);
      this.db
        .prepare(
          `UPDATE dnc_lists SET entry_count = (SELECT COUNT(*) FROM dnc_entries WHERE list_key = ?)
           WHERE key = ?`,
        )
        .run(listKey, listKey);
      return { count: Number(written.changes), version: this.touch(listKey, at) };
    });
  }

  /** {@inheritDoc DncRepository.removeEntries} */
  async removeEntries(
    listId: string,
    numbers: readonly string[],
    at: number,
  ): Promise<BatchResult> {
    const keys = numbers.map(numberKey);
    return inTransaction(this.db, () => {
      const listKey = this.keyOf(listId);
      let removed = 0;
      for (const key of keys) removed += Number(this.deleteEntry.run(key, listKey).changes);
      this.db
        .prepare('UPDATE dnc_lists SET entry_count = entry_count - ? WHERE key = ?')
        .run(removed, listKey);
      return { count: removed, version: this.touch(listKey, at) };
    });
  }

  /** {@inheritDoc DncRepository.entries} */
  async entries(listId: string, page: PageRequest): Promise<Page<DncEntry>> {
    const listKey = this.keyOf(listId);
    const after = page.after === undefined || page.after === null ? -1 : numberKey(page.after);
    const rows = this.db
      .prepare(
        `SELECT e.number, e.expires_at, s.text AS source, e.added_at FROM dnc_entries e
         LEFT JOIN dnc_sources s ON s.key = e.source_key
         WHERE e.list_key = ? AND e.number > ? ORDER BY e.number LIMIT ?`,
      )
      .all(listKey, after, page.limit + 1);
    const items = rows.slice(0, page.limit).map((row): DncEntry => ({
      listId,
      number: e164Of(num(row['number'])),
      expiresAt: nullableNum(row['expires_at']),
      source: nullableText(row['source']),
      addedAt: num(row['added_at']),
    }));
    return { items, next: rows.length > page.limit ? (items.at(-1)?.number ?? null) : null };
  }

  /** {@inheritDoc DncRepository.lookup} */
  async lookup(
    numbers: readonly string[],
    accountId: string,
    at: number,
  ): Promise<readonly DncMatch[]> {
    const keys = numbers.map(numberKey);
    const statement = this.db.prepare(
      `SELECT l.id, e.expires_at, s.text AS source FROM dnc_entries e
       JOIN dnc_lists l ON l.key = e.list_key
       LEFT JOIN dnc_sources s ON s.key = e.source_key
       WHERE e.number = ? AND e.list_key IN (${APPLICABLE_LISTS_SQL})
         AND (e.expires_at IS NULL OR e.expires_at > ?)
       ORDER BY e.list_key LIMIT 1`,
    );
    const matches: DncMatch[] = [];
    keys.forEach((key, index) => {
      const row = statement.get(key, accountId, at);
      if (row) {
        matches.push({
          number: numbers[index] ?? e164Of(key),
          listId: String(row['id']),
          source: nullableText(row['source']),
          expiresAt: nullableNum(row['expires_at']),
        });
      }
    });
    return matches;
  }

  /** {@inheritDoc DncRepository.version} */
  async version(): Promise<number> {
    return readVersion(this.db, 'dnc');
  }

  private keyOf(id: string): number {
    const row = this.db.prepare('SELECT key FROM dnc_lists WHERE id = ?').get(id);
    if (!row) throw listNotFound(id);
    return num(row['key']);
  }

  /** Moves the list's and the store's versions on; returns the store's. */
  private touch(listKey: number, at: number): number {
    this.db
      .prepare('UPDATE dnc_lists SET version = version + 1, updated_at = ? WHERE key = ?')
      .run(at, listKey);
    return bumpVersion(this.db, 'dnc');
  }

  private writeAccounts(listKey: number, scope: DncScope): void {
    if (scope.kind === 'all-accounts') return;
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO dnc_list_accounts (list_key, account_id) VALUES (?, ?)',
    );
    for (const accountId of scope.accountIds) insert.run(listKey, accountId);
  }

  private sourceKey(source: string, cache: Map<string, number>): number {
    const cached = cache.get(source);
    if (cached !== undefined) return cached;
    this.db.prepare('INSERT OR IGNORE INTO dnc_sources (text) VALUES (?)').run(source);
    const key = num(
      this.db.prepare('SELECT key FROM dnc_sources WHERE text = ?').get(source)?.['key'],
    );
    cache.set(source, key);
    return key;
  }

  private required(id: string): DncList {
    const list = this.read(id);
    if (!list) throw listNotFound(id);
    return list;
  }

  private read(id: string): DncList | null {
    const row = this.db.prepare('SELECT * FROM dnc_lists WHERE id = ?').get(id);
    if (!row) return null;
    const accounts = this.db
      .prepare('SELECT account_id FROM dnc_list_accounts WHERE list_key = ? ORDER BY account_id')
      .all(row['key'] ?? null)
      .map((account) => String(account['account_id']));
    return {
      id,
      name: String(row['name']),
      scope:
        num(row['all_accounts']) === 1
          ? { kind: 'all-accounts' }
          : { kind: 'accounts', accountIds: accounts },
      entryCount: num(row['entry_count']),
      version: num(row['version']),
      createdAt: num(row['created_at']),
      updatedAt: num(row['updated_at']),
    };
  }
}
