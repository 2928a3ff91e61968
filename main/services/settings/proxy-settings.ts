import {
  DEFAULT_PROXY_SETTINGS,
  ProxySettingsSchema,
  type ProxySettings,
  type ProxySettingsChange,
} from '../../../shared/domain/proxy';
import type { KeyValueStore, Logger, SecretStore } from '../../ports';
import { AppError } from '../errors';

const PROXY_KEY = 'proxy';

/**
 * The keychain entry of the manual proxy's password. Account entries are keyed by account ids
 * (letters, digits and dashes), so the colon keeps the two apart.
 */
export const PROXY_PASSWORD_ENTRY = 'proxy:manual';

function keychainUnavailable(cause: unknown, reading: boolean): AppError {
  const en = reading
    ? 'the proxy password could not be read and vendor calls through the proxy cannot start'
    : 'the proxy settings were not saved';
  const zh = reading ? '无法读取代理密码，经代理的服务商请求无法进行' : '代理设置未保存';
  return new AppError(
    'KEYCHAIN_UNAVAILABLE',
    {
      en: `The system keychain is not available (it is locked, or no keychain service is running), so ${en}. Campaign Desk keeps the proxy password only in the keychain. Unlock it — on Linux, start GNOME Keyring or KWallet — and try again.`,
      'zh-CN': `系统钥匙串不可用（已锁定或没有运行钥匙串服务），因此${zh}。Campaign Desk 只把代理密码保存在钥匙串中。请解锁钥匙串（Linux 上请启动 GNOME Keyring 或 KWallet）后重试。`,
    },
    { cause: cause instanceof Error ? cause.name : typeof cause },
  );
}

/**
 * The proxy for vendor calls: the choice and the manual proxy's host, port and user name in the
 * settings store; its password in the keychain through the SecretStore port, never in a file.
 */
export class ProxySettingsService {
  private readonly listeners = new Set<(settings: ProxySettings) => void>();

  constructor(
    private readonly deps: {
      readonly store: KeyValueStore;
      readonly secrets: SecretStore;
      readonly logger: Logger;
    },
  ) {}

  /** The stored settings, or the defaults (the system proxy) when nothing valid is stored. */
  get(): ProxySettings {
    const raw = this.deps.store.get(PROXY_KEY);
    if (raw === undefined) return DEFAULT_PROXY_SETTINGS;
    const stored = ProxySettingsSchema.safeParse(raw);
    if (stored.success) return stored.data;
    this.deps.logger.warn('Stored proxy settings are not valid; using the system proxy.', {
      issues: stored.error.issues.length,
    });
    return DEFAULT_PROXY_SETTINGS;
  }

  /**
   * Applies a change. The keychain is written first, so a locked keychain leaves the settings
   * as they were.
   */
  async update(change: ProxySettingsChange): Promise<ProxySettings> {
    const current = this.get();
    let passwordStored = current.passwordStored;
    try {
      if (typeof change.password === 'string') {
        await this.deps.secrets.set(PROXY_PASSWORD_ENTRY, change.password);
        passwordStored = true;
      } else if (change.password === null || change.manual?.username === undefined) {
        // No user name means no proxy authentication: a stored password would be orphaned.
        if (passwordStored) await this.deps.secrets.delete(PROXY_PASSWORD_ENTRY);
        passwordStored = false;
      }
    } catch (error) {
      throw keychainUnavailable(error, false);
    }
    const next = ProxySettingsSchema.parse({
      mode: change.mode,
      manual: change.manual,
      passwordStored,
    });
    this.deps.store.set(PROXY_KEY, next);
    this.deps.logger.info('Proxy settings changed', {
      mode: next.mode,
      authenticated: next.passwordStored,
    });
    for (const listener of this.listeners) listener(next);
    return next;
  }

  /** The manual proxy's password from the keychain, or null when none is stored. */
  async password(): Promise<string | null> {
    if (!this.get().passwordStored) return null;
    try {
      return await this.deps.secrets.get(PROXY_PASSWORD_ENTRY);
    } catch (error) {
      throw keychainUnavailable(error, true);
    }
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: (settings: ProxySettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
