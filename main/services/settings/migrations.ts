import type { KeyValueStore, Logger } from '../../ports';
import { AppError } from '../errors';

const VERSION_KEY = 'schemaVersion';

/** One step of the settings file format. Steps run in order, each exactly once. */
export interface SettingsMigration {
  readonly version: number;
  readonly describe: string;
  up(store: KeyValueStore): void;
}

/**
 * The settings file's history. Version 1 is the first release format: `preferences`,
 * `accounts` (profiles without secrets) and `activeAccountId`. Add new steps at the end.
 */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  {
    version: 1,
    describe: 'first format: preferences, accounts, activeAccountId',
    up: () => undefined,
  },
  {
    version: 2,
    describe: 'accounts: explicit consent to http:// (allowUnencrypted)',
    up: markHttpAccountsUnencrypted,
  },
];

/**
 * Before version 2 an http:// address was itself the choice of an unencrypted connection; it
 * becomes the explicit `allowUnencrypted` flag, so the accounts people set up keep working. An
 * http:// address to a public host stays refused by the account schema (issue 15).
 */
function markHttpAccountsUnencrypted(store: KeyValueStore): void {
  const accounts = store.get('accounts');
  if (!Array.isArray(accounts)) return;
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const next = accounts.map((entry: unknown) => {
    if (!isRecord(entry) || !isRecord(entry['connection'])) return entry;
    const connection = entry['connection'];
    if ('allowUnencrypted' in connection) return entry;
    const address = connection['serverUrl'] ?? connection['baseUrl'];
    const http = typeof address === 'string' && /^\s*http:/i.test(address);
    return http ? { ...entry, connection: { ...connection, allowUnencrypted: true } } : entry;
  });
  if (next.some((entry, index) => entry !== accounts[index])) store.set('accounts', next);
}

/** The version this build writes. */
export const SETTINGS_VERSION = SETTINGS_MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Brings the settings store up to this build's version. A file written by a newer Campaign Desk
 * is refused rather than rewritten, so going back to an older version never loses settings.
 */
export function migrateSettings(
  store: KeyValueStore,
  logger: Logger,
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
): number {
  const raw = store.get(VERSION_KEY);
  const current = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : 0;
  const target = migrations.at(-1)?.version ?? 0;
  if (current > target) {
    throw new AppError(
      'CONFLICT',
      {
        en: `These settings were saved by a newer version of Campaign Desk (format ${current}; this version reads up to ${target}). Update Campaign Desk to open them.`,
        'zh-CN': `这些设置由更新版本的 Campaign Desk 保存（格式 ${current}；此版本最多支持 ${target}）。请更新 Campaign Desk 后再打开。`,
      },
      { current, target, path: store.path },
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    migration.up(store);
    store.set(VERSION_KEY, migration.version);
    logger.info('Settings migrated', { to: migration.version, step: migration.describe });
  }
  return target;
}
