import {
  AccountIdSchema,
  AccountProfileSchema,
  type AccountChanges,
  type AccountProfile,
  type AccountView,
  type ConnectionCheckResult,
  type NewAccount,
} from '../../../shared/domain/account';
import type { AccountRepair, DamagedAccount } from '../../../shared/domain/damaged-account';
import type { Locale, LocalizedText } from '../../../shared/domain/locale';
import type { ErrorCode } from '../../../shared/ipc/errors';
import type { Clock, KeyValueStore, Logger, SecretStore } from '../../ports';
import { AppError } from '../errors';
import type { Vendor } from '../vendors/vendor';
import {
  readStoredAccounts,
  storedCreatedAt,
  storedDemo,
  storedIdOf,
  type StoredAccount,
} from './stored-accounts';

const ACCOUNTS_KEY = 'accounts';
const ACTIVE_KEY = 'activeAccountId';

/**
 * Builds the vendor client of an account; the secret is read only when a request needs it.
 * Async because a demo account first needs the built-in simulator running.
 */
export type VendorFactory = (
  profile: AccountProfile,
  getSecret: () => Promise<string>,
) => Promise<Vendor>;

/** The outcome of "Test connection": ok with details, or the vendor's error in words. */
export interface ConnectionTest {
  readonly account: AccountView;
  readonly check: ConnectionCheckResult & { readonly code: ErrorCode | null };
}

/** The accounts, the damaged entries and the selection, as the renderer sees them. */
export interface AccountsState {
  readonly accounts: AccountView[];
  readonly damaged: DamagedAccount[];
  readonly activeAccountId: string | null;
}

/** Demo accounts: fixed credentials known only to the built-in simulator; nothing in the keychain. */
export const DEMO_CREDENTIALS = {
  itniotech: { apiKey: 'demo-key', apiSecret: 'demo-secret-not-a-real-one' },
  yccall: { appid: 'demo-appid', accesskey: 'demo-accesskey-not-a-real-one' },
} as const;

function keychainUnavailable(cause: unknown): AppError {
  return new AppError(
    'KEYCHAIN_UNAVAILABLE',
    {
      en: 'The system keychain is not available (it is locked, or no keychain service is running), so nothing was saved. Campaign Desk keeps API secrets only in the keychain. Unlock it — on Linux, start GNOME Keyring or KWallet — and try again.',
      'zh-CN':
        '系统钥匙串不可用（已锁定或没有运行钥匙串服务），因此未保存任何内容。Campaign Desk 只把 API 密钥保存在钥匙串中。请解锁钥匙串（Linux 上请启动 GNOME Keyring 或 KWallet）后重试。',
    },
    { cause: cause instanceof Error ? cause.name : typeof cause },
  );
}

function damagedGone(key: string): AppError {
  return new AppError(
    'NOT_FOUND',
    {
      en: 'That damaged account entry is no longer there. It may have been repaired or removed in another window.',
      'zh-CN': '该损坏的账户条目已不存在，可能已在其他窗口中修复或删除。',
    },
    { key },
  );
}

function notFound(id: string): AppError {
  return new AppError(
    'NOT_FOUND',
    {
      en: 'That account no longer exists. It may have been removed in another window.',
      'zh-CN': '该账户已不存在，可能已在其他窗口中删除。',
    },
    { id },
  );
}

/**
 * Account profiles in the settings store, their secrets in the keychain (one entry per account,
 * keyed by account id). The order of writes is chosen so a failure leaves nothing half-saved:
 * the secret first, then the profile; on removal, the secret first, then the profile.
 *
 * A stored entry this version cannot use (written by another version, or by hand) is never
 * dropped: every write keeps it verbatim, it is listed as damaged, and its keychain entry stays
 * until the person repairs it (`repair`, which keeps the secret) or removes it (`removeDamaged`).
 */
export class AccountsService {
  private readonly listeners = new Set<() => void>();
  /** Damaged entries already written to the log (once each, not on every read). */
  private readonly reported = new Set<string>();
  /**
   * One long-lived vendor module per account (DESIGN.md "Vendor modules"): built on first use,
   * reused by every service, dropped (and signed out) when the account changes or is removed.
   * Keyed by what the module is built from (the connection), so a rename keeps the session; a
   * new secret drops the module explicitly (`update`).
   */
  private readonly vendors = new Map<
    string,
    { readonly version: string; readonly vendor: Promise<Vendor> }
  >();

  constructor(
    private readonly deps: {
      readonly store: KeyValueStore;
      readonly secrets: SecretStore;
      readonly clock: Clock;
      readonly newId: () => string;
      readonly vendorFor: VendorFactory;
      readonly locale: () => Locale;
      readonly logger: Logger;
    },
  ) {}

  /** Every account, in the order they were added. */
  list(): AccountView[] {
    return this.profiles().map(toView);
  }

  /** Stored entries this version cannot use, with what is wrong with each. */
  damaged(): DamagedAccount[] {
    return this.stored().flatMap((entry) => (entry.kind === 'damaged' ? [entry.view] : []));
  }

  /** Everything the accounts screen shows: accounts, damaged entries and the selection. */
  state(): AccountsState {
    return {
      accounts: this.list(),
      damaged: this.damaged(),
      activeAccountId: this.activeAccountId(),
    };
  }

  /** The account the shell has selected, or null for "All accounts". */
  activeAccountId(): string | null {
    const id = this.deps.store.get(ACTIVE_KEY);
    return typeof id === 'string' && this.profiles().some((profile) => profile.id === id)
      ? id
      : null;
  }

  /** Remembers the selected account (null: all accounts). */
  setActive(id: string | null): void {
    if (id !== null) this.require(id);
    if (id === null) this.deps.store.delete(ACTIVE_KEY);
    else this.deps.store.set(ACTIVE_KEY, id);
    this.changed();
  }

  /** Adds an account: the secret goes to the keychain, the rest to the settings store. */
  async create(input: NewAccount): Promise<AccountView> {
    const profiles = this.profiles();
    this.refuseTwin(profiles, input);
    const now = new Date(this.deps.clock.now()).toISOString();
    const id = this.deps.newId();
    const profile = AccountProfileSchema.parse({
      id,
      name: input.name,
      vendor: input.vendor,
      connection: input.connection,
      demo: false,
      createdAt: now,
      updatedAt: now,
      lastCheck: null,
    });
    await this.writeSecret(id, input.secret);
    try {
      this.save([...profiles, profile]);
    } catch (error) {
      await this.deps.secrets.delete(id).catch(() => false);
      throw error;
    }
    this.deps.logger.info('Account added', { id, vendor: profile.vendor });
    return toView(profile);
  }

  /** Renames or reconfigures an account; replaces its secret only when one is given. */
  async update(id: string, changes: AccountChanges): Promise<AccountView> {
    const profiles = this.profiles();
    const current = this.require(id, profiles);
    if (current.vendor !== changes.vendor) {
      throw new AppError('INVALID_INPUT', {
        en: 'An account cannot change vendor. Add a new account for the other vendor.',
        'zh-CN': '账户不能更换服务商，请为另一个服务商新建账户。',
      });
    }
    if (current.demo && (changes.connection || changes.secret)) {
      throw new AppError('CONFLICT', {
        en: 'The demo account’s connection is built in and cannot be changed. You can rename it or remove it.',
        'zh-CN': '演示账户的连接是内置的，无法修改。您可以重命名或删除它。',
      });
    }
    const edited = AccountProfileSchema.parse({
      ...current,
      name: changes.name ?? current.name,
      connection: changes.connection ?? current.connection,
      updatedAt: new Date(this.deps.clock.now()).toISOString(),
    });
    // Only a new key, secret or server makes the last check meaningless; a new name, default
    // or time zone keeps it.
    const credentials = changes.secret !== undefined || reachOf(edited) !== reachOf(current);
    const tried =
      credentials && !current.demo ? await this.tryCredentials(edited, changes.secret) : null;
    const next: AccountProfile = {
      ...edited,
      lastCheck: credentials ? (tried?.check ?? null) : current.lastCheck,
    };
    if (changes.secret !== undefined) await this.writeSecret(id, changes.secret);
    try {
      this.save(profiles.map((profile) => (profile.id === id ? next : profile)));
    } catch (error) {
      await tried?.close();
      throw error;
    }
    if (changes.connection || changes.secret !== undefined) await this.dropVendor(id);
    // The module that passed the test is the account's module from now on (one sign-in).
    if (tried) tried.adopt();
    return toView(next);
  }

  /**
   * Tests new credentials before anything is saved: a key, secret or server the vendor refuses
   * is not saved (the refusal is the answer, everything typed stays in the form). Any other
   * outcome (the vendor cannot be reached, say) is saved with that check, as it happened.
   */
  private async tryCredentials(
    candidate: AccountProfile,
    newSecret: string | undefined,
  ): Promise<{ check: ConnectionCheckResult; close: () => Promise<void>; adopt: () => void }> {
    const id = candidate.id;
    const current = this.require(id);
    const secret = newSecret ?? (await this.readSecret(current));
    let saved = false;
    const pending = this.deps.vendorFor(candidate, () =>
      saved ? this.readSecret(this.require(id)) : Promise.resolve(secret),
    );
    const close = () => this.closeVendor(id, pending);
    let check: ConnectionCheckResult;
    try {
      const vendor = await pending;
      const result = await vendor.testConnection({});
      check = {
        at: this.nowIso(),
        ok: true,
        ...inEveryLanguage(result.summary, this.deps.locale()),
      };
    } catch (error) {
      if (!(error instanceof AppError)) {
        await close();
        throw error;
      }
      if (error.code === 'VENDOR_AUTH' || error.code === 'CANCELLED') {
        await close();
        throw new AppError(
          error.code,
          {
            en: `Not saved: ${error.text.en} Nothing was changed; correct the account and save again.`,
            'zh-CN': `未保存：${error.text['zh-CN']} 未做任何更改；请更正账户后再次保存。`,
          },
          { ...error.details, refusedOnEdit: true },
        );
      }
      check = { at: this.nowIso(), ok: false, ...inEveryLanguage(error.text, this.deps.locale()) };
    }
    return {
      check,
      close,
      adopt: () => {
        saved = true;
        this.vendors.set(id, { version: JSON.stringify(candidate.connection), vendor: pending });
      },
    };
  }

  /** Removes an account and its keychain entry. */
  async remove(id: string): Promise<void> {
    const profiles = this.profiles();
    const profile = this.require(id, profiles);
    if (!profile.demo) {
      try {
        await this.deps.secrets.delete(id);
      } catch (error) {
        throw keychainUnavailable(error);
      }
    }
    if (this.deps.store.get(ACTIVE_KEY) === id) this.deps.store.delete(ACTIVE_KEY);
    this.save(profiles.filter((candidate) => candidate.id !== id));
    await this.dropVendor(id);
    this.deps.logger.info('Account removed', { id });
  }

  /**
   * Replaces a damaged entry with a valid account built from the repair form, in its place.
   *
   * The account keeps its stored id, and with it its keychain secret, unless a new secret is
   * given. An id that cannot be used (unusable characters, or taken by another account) gets a
   * new one; the secret then moves with it.
   */
  async repair(key: string, input: AccountRepair): Promise<AccountView> {
    const entry = this.findDamaged(key);
    const profiles = this.profiles();
    const storedId = storedIdOf(entry.raw);
    const demo = storedDemo(entry.raw);
    const ownsSecret = this.ownsKeychainEntry(entry.raw, profiles);
    const keepsId =
      storedId !== null &&
      AccountIdSchema.safeParse(storedId).success &&
      !profiles.some((profile) => profile.id === storedId);
    const id = keepsId ? storedId : this.deps.newId();
    if (!demo) this.refuseTwin(profiles, input);

    if (!demo) {
      if (input.secret !== undefined) {
        await this.writeSecret(id, input.secret);
      } else {
        const kept = ownsSecret && storedId !== null ? await this.keychainGet(storedId) : null;
        if (kept === null) {
          throw new AppError('INVALID_INPUT', {
            en: 'The keychain holds no secret for this account. Enter the secret to repair it.',
            'zh-CN': '钥匙串中没有该账户的密钥。请输入密钥以修复该账户。',
          });
        }
        if (id !== storedId) await this.writeSecret(id, kept);
      }
    }

    const now = this.nowIso();
    const profile = AccountProfileSchema.parse({
      id,
      name: input.name,
      vendor: input.vendor,
      connection: input.connection,
      demo,
      createdAt: storedCreatedAt(entry.raw) ?? now,
      updatedAt: now,
      lastCheck: null,
    });
    this.writeEntries((entries) => {
      const at = entries.findIndex((candidate) => isDamaged(candidate, key));
      if (at < 0) throw damagedGone(key);
      return entries.map((candidate, index) => (index === at ? profile : rawOf(candidate)));
    });
    // The secret moved to the new id: the old keychain entry would otherwise be orphaned.
    if (ownsSecret && storedId !== null && storedId !== id) {
      await this.deps.secrets.delete(storedId).catch(() => false);
    }
    await this.dropVendor(id);
    this.deps.logger.info('Damaged account repaired', { id, vendor: profile.vendor });
    return toView(profile);
  }

  /** Removes a damaged entry, and then (only then) its keychain entry. */
  async removeDamaged(key: string): Promise<void> {
    const entry = this.findDamaged(key);
    const storedId = storedIdOf(entry.raw);
    if (this.ownsKeychainEntry(entry.raw, this.profiles()) && storedId !== null) {
      try {
        await this.deps.secrets.delete(storedId);
      } catch (error) {
        throw keychainUnavailable(error);
      }
      if (this.deps.store.get(ACTIVE_KEY) === storedId) this.deps.store.delete(ACTIVE_KEY);
    }
    this.writeEntries((entries) => {
      const at = entries.findIndex((candidate) => isDamaged(candidate, key));
      if (at < 0) throw damagedGone(key);
      return entries.flatMap((candidate, index) => (index === at ? [] : [rawOf(candidate)]));
    });
    this.deps.logger.info('Damaged account entry removed', { key });
  }

  /** Adds the demo accounts (ITNIO and Yccall, backed by the built-in simulator) if missing. */
  addDemo(): AccountView[] {
    const profiles = this.profiles();
    const now = new Date(this.deps.clock.now()).toISOString();
    const added: AccountProfile[] = [];
    if (!profiles.some((profile) => profile.demo && profile.vendor === 'itniotech')) {
      added.push(
        AccountProfileSchema.parse({
          id: `demo-itniotech-${this.deps.newId()}`.slice(0, 64),
          name: 'Demo · ITNIO TECH',
          vendor: 'itniotech',
          demo: true,
          connection: {
            brand: 'itniotech',
            apiKey: DEMO_CREDENTIALS.itniotech.apiKey,
            defaults: { countryCode: '86', appId: 'iaAJ6COV' },
          },
          createdAt: now,
          updatedAt: now,
          lastCheck: null,
        }),
      );
    }
    if (!profiles.some((profile) => profile.demo && profile.vendor === 'yccall')) {
      added.push(
        AccountProfileSchema.parse({
          id: `demo-yccall-${this.deps.newId()}`.slice(0, 64),
          name: 'Demo · Yccall server',
          vendor: 'yccall',
          demo: true,
          connection: {
            // The built-in simulator listens on this computer only, over http.
            serverUrl: 'http://127.0.0.1',
            allowUnencrypted: true,
            appid: DEMO_CREDENTIALS.yccall.appid,
            defaults: {},
          },
          createdAt: now,
          updatedAt: now,
          lastCheck: null,
        }),
      );
    }
    if (added.length > 0) this.save([...profiles, ...added]);
    return this.list().filter((account) => account.demo);
  }

  /** Tests the credentials and reachability, and remembers the outcome on the account. */
  async testConnection(id: string, signal?: AbortSignal): Promise<ConnectionTest> {
    const profile = this.require(id);
    const vendor = await this.vendor(id);
    let check: ConnectionTest['check'];
    try {
      const result = await vendor.testConnection(signal ? { signal } : {});
      check = {
        at: this.nowIso(),
        ok: true,
        ...inEveryLanguage(result.summary, this.deps.locale()),
        code: null,
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'CANCELLED') throw error;
      check = {
        at: this.nowIso(),
        ok: false,
        ...inEveryLanguage(error.text, this.deps.locale()),
        code: error.code,
      };
    }
    // The account may have been removed while the test ran.
    const profiles = this.profiles();
    const latest = profiles.find((candidate) => candidate.id === id) ?? profile;
    const next = {
      ...latest,
      lastCheck: { at: check.at, ok: check.ok, message: check.message, messages: check.messages },
    };
    if (profiles.some((candidate) => candidate.id === id)) {
      this.save(profiles.map((candidate) => (candidate.id === id ? next : candidate)));
    }
    return { account: toView(next), check };
  }

  /**
   * The account's vendor module, for the services that talk to vendors: the same instance (and
   * so the same Yccall sign-in) until the account changes or is removed.
   */
  vendor(id: string): Promise<Vendor> {
    const profile = this.require(id);
    const version = JSON.stringify(profile.connection);
    const cached = this.vendors.get(id);
    if (cached && cached.version === version) return cached.vendor;
    if (cached) void this.closeVendor(id, cached.vendor);
    const vendor = this.deps.vendorFor(profile, () => this.readSecret(this.require(id)));
    this.vendors.set(id, { version, vendor });
    // A factory that failed (e.g. the demo simulator did not start) is not kept.
    vendor.catch(() => {
      if (this.vendors.get(id)?.vendor === vendor) this.vendors.delete(id);
    });
    return vendor;
  }

  /** Signs every vendor module out and drops it (the app is quitting). */
  async close(): Promise<void> {
    const ids = [...this.vendors.keys()];
    await Promise.all(ids.map((id) => this.dropVendor(id)));
  }

  private async dropVendor(id: string): Promise<void> {
    const cached = this.vendors.get(id);
    if (!cached) return;
    this.vendors.delete(id);
    await this.closeVendor(id, cached.vendor);
  }

  private async closeVendor(id: string, pending: Promise<Vendor>): Promise<void> {
    try {
      const vendor = await pending;
      await vendor.close?.();
    } catch (error) {
      // Signing out is a courtesy to the server; an account being removed must not fail on it.
      this.deps.logger.warn('Could not sign out of a vendor', {
        id,
        error: error instanceof AppError ? error.code : 'unknown',
      });
    }
  }

  /** Calls `listener` after every change to the accounts or the selection. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async readSecret(profile: AccountProfile): Promise<string> {
    if (profile.demo) {
      return profile.vendor === 'itniotech'
        ? DEMO_CREDENTIALS.itniotech.apiSecret
        : DEMO_CREDENTIALS.yccall.accesskey;
    }
    let secret: string | null;
    try {
      secret = await this.deps.secrets.get(profile.id);
    } catch (error) {
      throw keychainUnavailable(error);
    }
    if (secret === null) {
      throw new AppError(
        'VENDOR_AUTH',
        {
          en: `The secret of "${profile.name}" is missing from the keychain. Edit the account and enter the secret again.`,
          'zh-CN': `钥匙串中缺少“${profile.name}”的密钥。请编辑该账户并重新输入密钥。`,
        },
        { id: profile.id },
      );
    }
    return secret;
  }

  private async keychainGet(id: string): Promise<string | null> {
    try {
      return await this.deps.secrets.get(id);
    } catch (error) {
      throw keychainUnavailable(error);
    }
  }

  /**
   * Whether a damaged entry's id names a keychain entry of its own: not a demo, and no valid
   * account shares the id (that account's secret must never be moved or deleted with it).
   */
  private ownsKeychainEntry(raw: unknown, profiles: readonly AccountProfile[]): boolean {
    const id = storedIdOf(raw);
    return id !== null && !storedDemo(raw) && !profiles.some((profile) => profile.id === id);
  }

  private findDamaged(key: string): Extract<StoredAccount, { kind: 'damaged' }> {
    const entry = this.stored().find((candidate) => isDamaged(candidate, key));
    if (!entry || entry.kind !== 'damaged') throw damagedGone(key);
    return entry;
  }

  private refuseTwin(profiles: readonly AccountProfile[], input: NewAccount | AccountRepair): void {
    const twin = profiles.find((profile) => !profile.demo && sameCredentials(profile, input));
    if (twin) {
      throw new AppError(
        'CONFLICT',
        {
          en: `The account "${twin.name}" already uses these credentials. Edit that account instead.`,
          'zh-CN': `账户“${twin.name}”已使用这些凭据，请改为编辑该账户。`,
        },
        { id: twin.id },
      );
    }
  }

  private async writeSecret(id: string, secret: string): Promise<void> {
    try {
      await this.deps.secrets.set(id, secret);
    } catch (error) {
      throw keychainUnavailable(error);
    }
  }

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  private require(
    id: string,
    profiles: readonly AccountProfile[] = this.profiles(),
  ): AccountProfile {
    const profile = profiles.find((candidate) => candidate.id === id);
    if (!profile) throw notFound(id);
    return profile;
  }

  private stored(): StoredAccount[] {
    const entries = readStoredAccounts(this.deps.store.get(ACCOUNTS_KEY));
    for (const entry of entries) {
      if (entry.kind !== 'damaged' || this.reported.has(entry.view.key)) continue;
      this.reported.add(entry.view.key);
      this.deps.logger.warn('A stored account is not valid; it is kept and shown as damaged.', {
        key: entry.view.key,
        problems: entry.view.problems.map((problem) => `${problem.field}:${problem.kind}`),
      });
    }
    return entries;
  }

  private profiles(): AccountProfile[] {
    return this.stored().flatMap((entry) => (entry.kind === 'valid' ? [entry.profile] : []));
  }

  /**
   * Stores the usable accounts as `profiles` says: changed ones in their place, removed ones
   * gone, new ones at the end. Damaged entries stay where they are, verbatim.
   */
  private save(profiles: readonly AccountProfile[]): void {
    const byId = new Map(profiles.map((profile) => [profile.id, profile]));
    this.writeEntries((entries) => {
      const written = new Set<string>();
      const next: unknown[] = [];
      for (const entry of entries) {
        if (entry.kind === 'damaged') {
          next.push(entry.raw);
          continue;
        }
        const updated = byId.get(entry.profile.id);
        if (updated && !written.has(updated.id)) {
          next.push(updated);
          written.add(updated.id);
        }
      }
      for (const profile of profiles) if (!written.has(profile.id)) next.push(profile);
      return next;
    });
  }

  /** Rewrites the stored list from what is stored now (read again, so nothing is lost). */
  private writeEntries(change: (entries: readonly StoredAccount[]) => unknown[]): void {
    this.deps.store.set(ACCOUNTS_KEY, change(this.stored()));
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function isDamaged(entry: StoredAccount, key: string): boolean {
  return entry.kind === 'damaged' && entry.view.key === key;
}

function rawOf(entry: StoredAccount): unknown {
  return entry.kind === 'damaged' ? entry.raw : entry.profile;
}

function toView(profile: AccountProfile): AccountView {
  // Non-demo accounts cannot exist without their secret having been written first.
  return { ...profile, secretStored: !profile.demo };
}

function sameCredentials(profile: AccountProfile, input: NewAccount | AccountRepair): boolean {
  if (profile.vendor === 'itniotech' && input.vendor === 'itniotech') {
    return (
      profile.connection.apiKey === input.connection.apiKey &&
      profile.connection.brand === input.connection.brand
    );
  }
  if (profile.vendor === 'yccall' && input.vendor === 'yccall') {
    return (
      profile.connection.appid === input.connection.appid &&
      profile.connection.serverUrl === input.connection.serverUrl
    );
  }
  return false;
}

/**
 * What a connection check depends on: the key and the server (address, brand, whether plain
 * http is allowed). Defaults, dialling and the server's time zone do not change whether the
 * vendor takes the credentials.
 */
function reachOf(profile: AccountProfile): string {
  const c = profile.connection;
  return profile.vendor === 'itniotech' && 'apiKey' in c
    ? JSON.stringify([c.brand, c.baseUrl ?? null, c.allowUnencrypted ?? false, c.apiKey])
    : 'appid' in c
      ? JSON.stringify([c.serverUrl, c.allowUnencrypted ?? false, c.appid])
      : JSON.stringify(c);
}

/** A check's words in the user's language now, and in every language for a later switch. */
function inEveryLanguage(
  text: LocalizedText,
  locale: Locale,
): { readonly message: string; readonly messages: { en: string; 'zh-CN': string } } {
  return { message: text[locale], messages: { en: text.en, 'zh-CN': text['zh-CN'] } };
}
