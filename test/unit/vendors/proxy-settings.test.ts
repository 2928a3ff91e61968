import { describe, expect, it } from 'vitest';
import { ProxySettingsChangeSchema } from '../../../shared/domain/proxy';
import {
  PROXY_PASSWORD_ENTRY,
  ProxySettingsService,
} from '../../../main/services/settings/proxy-settings';
import {
  proxyFormFrom,
  toProxyChange,
  validateProxyForm,
} from '../../../renderer/features/settings/proxy-form-model';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';
import { InMemorySecretStore } from '../../fakes/memory-secret-store';

const manual = { host: 'proxy.corp', port: 3128, username: 'agent7' };

function setup() {
  const store = new InMemoryKeyValueStore();
  const secrets = new InMemorySecretStore();
  const logger = new MemoryLogger();
  return { store, secrets, logger, proxy: new ProxySettingsService({ store, secrets, logger }) };
}

describe('the proxy settings', () => {
  it('start on the system proxy', () => {
    expect(setup().proxy.get()).toEqual({ mode: 'system', manual: null, passwordStored: false });
  });

  it('keep the password in the keychain only, and say in the settings that one is stored', async () => {
    const { proxy, store, secrets, logger } = setup();
    await proxy.update({ mode: 'manual', manual, password: 'pw-123' });
    expect(secrets.entries.get(PROXY_PASSWORD_ENTRY)).toBe('pw-123');
    expect(store.get('proxy')).toEqual({ mode: 'manual', manual, passwordStored: true });
    expect(JSON.stringify([...store.data])).not.toContain('pw-123');
    expect(logger.text()).not.toContain('pw-123');
    expect(await proxy.password()).toBe('pw-123');
    // Changing the mode keeps the manual proxy and its password for later.
    await proxy.update({ mode: 'system', manual });
    expect(await proxy.password()).toBe('pw-123');
    await proxy.update({ mode: 'manual', manual, password: null });
    expect(secrets.entries.has(PROXY_PASSWORD_ENTRY)).toBe(false);
    expect(proxy.get().passwordStored).toBe(false);
  });

  it('change nothing when the keychain is locked', async () => {
    const { proxy, secrets, store } = setup();
    secrets.fail = true;
    await expect(proxy.update({ mode: 'manual', manual, password: 'pw' })).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
    });
    expect(store.get('proxy')).toBeUndefined();
  });

  it('refuse a password without a user name, and manual mode without a proxy', () => {
    expect(
      ProxySettingsChangeSchema.safeParse({
        mode: 'manual',
        manual: { host: 'proxy.corp', port: 3128 },
        password: 'pw',
      }).success,
    ).toBe(false);
    expect(ProxySettingsChangeSchema.safeParse({ mode: 'manual', manual: null }).success).toBe(
      false,
    );
  });
});

describe('the proxy form', () => {
  const stored = { mode: 'manual' as const, manual, passwordStored: true };

  it('keeps the stored password unless a new one is typed or removal is asked', () => {
    const values = proxyFormFrom(stored);
    expect(values.password).toBe('');
    expect(toProxyChange(values)).toEqual({ mode: 'manual', manual });
    expect(toProxyChange({ ...values, password: 'new' })).toEqual({
      mode: 'manual',
      manual,
      password: 'new',
    });
    expect(toProxyChange({ ...values, removePassword: true })).toEqual({
      mode: 'manual',
      manual,
      password: null,
    });
  });

  it('checks the manual fields only when a manual proxy is chosen', () => {
    const broken = { ...proxyFormFrom(stored), host: 'http://proxy.corp', port: '0' };
    expect(validateProxyForm(broken)).toEqual({
      host: 'settings.proxy.error.host',
      port: 'settings.proxy.error.port',
    });
    expect(validateProxyForm({ ...broken, mode: 'none' })).toEqual({});
    // An incomplete manual proxy is not kept when another mode is saved.
    expect(toProxyChange({ ...broken, mode: 'none' })).toEqual({ mode: 'none', manual: null });
    expect(validateProxyForm({ ...proxyFormFrom(stored), username: '', password: 'pw' })).toEqual({
      password: 'settings.proxy.error.passwordNeedsUser',
    });
  });
});
