import { describe, expect, it } from 'vitest';
import {
  AccountProfileSchema,
  isLocalNetworkHost,
  NewAccountSchema,
  serverUrlProblem,
  type AccountProfile,
} from '../../../shared/domain/account';
import { AppError } from '../../../main/services/errors';
import { DemoSandbox } from '../../../main/services/sandbox/demo-sandbox';
import { migrateSettings } from '../../../main/services/settings/migrations';
import type { HttpRequest } from '../../../main/services/vendors/http';
import { createVendorFactory } from '../../../main/services/vendors/factory';
import { EnvProxyResolver, parsePacResult } from '../../../main/services/vendors/proxy-resolver';
import { InMemoryKeyValueStore } from '../../fakes/memory-kv-store';
import { MemoryLogger } from '../../fakes/memory-logger';

const yccall = (serverUrl: string, allowUnencrypted?: boolean) => ({
  vendor: 'yccall',
  name: 'Office PBX',
  connection: {
    serverUrl,
    appid: 'app01',
    ...(allowUnencrypted === undefined ? {} : { allowUnencrypted }),
  },
  secret: 'yc-accesskey',
});

const itnio = (baseUrl: string, allowUnencrypted?: boolean) => ({
  vendor: 'itniotech',
  name: 'BPO',
  connection: {
    brand: 'itniotech',
    apiKey: 'key1',
    baseUrl,
    defaults: {},
    ...(allowUnencrypted === undefined ? {} : { allowUnencrypted }),
  },
  secret: 'good-secret',
});

describe('which hosts count as this computer or a private network', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['[::1]', true],
    ['10.0.0.5', true],
    ['10.255.255.255', true],
    ['172.16.0.1', true],
    ['172.31.255.254', true],
    ['192.168.1.20', true],
    ['[fd12:3456::1]', true],
    ['[fc00::5]', true],
    ['172.15.0.1', false],
    ['172.32.0.1', false],
    ['192.169.0.1', false],
    ['11.0.0.1', false],
    ['8.8.8.8', false],
    ['[2001:db8::1]', false],
    ['[fe80::1]', false],
    ['pbx.example.com', false],
    ['pbx.local', false],
    ['localhost.example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLocalNetworkHost(host)).toBe(expected);
  });

  it('reads addresses as URL parsing spells them (hex, short or padded forms)', () => {
    expect(serverUrlProblem('http://0x7f.1:8080', { allowUnencrypted: true })).toBeNull();
    expect(serverUrlProblem('http://[0:0:0:0:0:0:0:1]/', { allowUnencrypted: true })).toBeNull();
    expect(serverUrlProblem('http://0x08080808/', { allowUnencrypted: true })).toBe(
      'http-public-host',
    );
  });
});

describe('https by default; http:// only with consent, to private addresses', () => {
  it('accepts https to any host, with or without the flag', () => {
    for (const flag of [undefined, false, true]) {
      expect(NewAccountSchema.safeParse(yccall('https://pbx.example.com', flag)).success).toBe(
        true,
      );
      expect(NewAccountSchema.safeParse(itnio('https://api.example.com', flag)).success).toBe(true);
    }
  });

  it('refuses a Yccall http account to a public host, even with the flag', () => {
    for (const flag of [undefined, false, true]) {
      const result = NewAccountSchema.safeParse(yccall('http://203.0.113.7:8080', flag));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['connection', 'serverUrl']);
    }
    const named = NewAccountSchema.safeParse(yccall('http://pbx.example.com', true));
    expect(named.error?.issues[0]?.message).toContain('private network address');
  });

  it('accepts a Yccall http account to a private address only with the flag', () => {
    expect(NewAccountSchema.safeParse(yccall('http://10.0.0.5:8080')).success).toBe(false);
    const refused = NewAccountSchema.safeParse(yccall('http://10.0.0.5:8080', false));
    expect(refused.error?.issues[0]?.message).toContain('not encrypted');
    expect(NewAccountSchema.safeParse(yccall('http://10.0.0.5:8080', true)).success).toBe(true);
    expect(NewAccountSchema.safeParse(yccall('http://127.0.0.1:9000', true)).success).toBe(true);
  });

  it('applies the same rule to an ITNIO server address override', () => {
    expect(NewAccountSchema.safeParse(itnio('http://127.0.0.1:9000')).success).toBe(false);
    expect(NewAccountSchema.safeParse(itnio('http://127.0.0.1:9000', true)).success).toBe(true);
    expect(NewAccountSchema.safeParse(itnio('http://api.example.com', true)).success).toBe(false);
  });
});

describe('settings written before the flag existed', () => {
  it('keep their http:// accounts working by turning the flag on, and leave https ones alone', () => {
    const store = new InMemoryKeyValueStore();
    const at = '2026-01-01T00:00:00.000Z';
    const base = { demo: false, createdAt: at, updatedAt: at, lastCheck: null };
    store.set('schemaVersion', 1);
    store.set('accounts', [
      {
        ...base,
        id: 'a',
        name: 'LAN PBX',
        vendor: 'yccall',
        connection: { serverUrl: 'http://192.168.1.20:8080', appid: 'x' },
      },
      {
        ...base,
        id: 'b',
        name: 'Cloud',
        vendor: 'yccall',
        connection: { serverUrl: 'https://pbx.example.com', appid: 'y' },
      },
      {
        ...base,
        id: 'c',
        name: 'Public http',
        vendor: 'yccall',
        connection: { serverUrl: 'http://203.0.113.7', appid: 'z' },
      },
    ]);
    migrateSettings(store, new MemoryLogger());
    const stored = store.get('accounts') as unknown[];
    const parsed = stored.map((entry) => AccountProfileSchema.safeParse(entry));
    expect(parsed[0]?.data?.connection).toMatchObject({ allowUnencrypted: true });
    expect(parsed[1]?.data?.connection).not.toHaveProperty('allowUnencrypted');
    // Consent does not make a public host acceptable: that entry stays refused.
    expect(parsed[2]?.success).toBe(false);
  });
});

describe('the vendor factory', () => {
  const at = '2026-01-01T00:00:00.000Z';
  const profileWith = (connection: Record<string, unknown>): AccountProfile =>
    // A hand-edited settings file: past the schema, straight to the factory.
    ({
      id: 'hand-edited',
      name: 'Edited',
      vendor: 'yccall',
      demo: false,
      createdAt: at,
      updatedAt: at,
      lastCheck: null,
      connection: {
        appid: 'x',
        defaults: {},
        dialing: { homeCountry: 'CN', internationalPrefix: '00' },
        serverUtcOffsetMinutes: null,
        ...connection,
      },
    }) as AccountProfile;

  async function build(profile: AccountProfile) {
    const sent: HttpRequest[] = [];
    const logger = new MemoryLogger();
    const factory = createVendorFactory({
      send: async (request) => {
        sent.push(request);
        return { status: 200, text: '{"ret":200,"data":{"token":"t"},"msg":""}' };
      },
      clock: { now: () => Date.now() },
      logger,
      demo: new DemoSandbox(logger),
    });
    try {
      return { vendor: await factory(profile, async () => 'key'), error: null, sent };
    } catch (error) {
      return { vendor: null, error: error as AppError, sent };
    }
  }

  it('refuses to build a module that would send credentials over http to a public host', async () => {
    const result = await build(
      profileWith({ serverUrl: 'http://203.0.113.7', allowUnencrypted: true }),
    );
    expect(result.error).toBeInstanceOf(AppError);
    expect(result.error?.code).toBe('INVALID_INPUT');
    expect(result.error?.text.en).toContain('unencrypted');
    expect(result.error?.text['zh-CN']).toContain('http://');
    expect(result.sent).toEqual([]);
  });

  it('refuses http without the account’s consent, and builds it with consent', async () => {
    const refused = await build(profileWith({ serverUrl: 'http://10.0.0.5' }));
    expect(refused.error?.code).toBe('INVALID_INPUT');
    const allowed = await build(
      profileWith({ serverUrl: 'http://10.0.0.5', allowUnencrypted: true }),
    );
    expect(allowed.error).toBeNull();
  });
});

describe('the system proxy', () => {
  it('reads PAC answers: the first usable entry wins; SOCKS is skipped; DIRECT is direct', () => {
    expect(parsePacResult('DIRECT')).toEqual({ proxy: null, skipped: [] });
    expect(parsePacResult('PROXY proxy.corp:8080; DIRECT').proxy).toEqual({
      protocol: 'http',
      host: 'proxy.corp',
      port: 8080,
    });
    expect(parsePacResult('HTTPS secure.corp:443').proxy).toEqual({
      protocol: 'https',
      host: 'secure.corp',
      port: 443,
    });
    expect(parsePacResult('SOCKS5 s.corp:1080; PROXY p.corp:3128')).toEqual({
      proxy: { protocol: 'http', host: 'p.corp', port: 3128 },
      skipped: ['SOCKS5'],
    });
    expect(parsePacResult('SOCKS s.corp:1080')).toEqual({ proxy: null, skipped: ['SOCKS'] });
    expect(parsePacResult('').proxy).toBeNull();
  });

  it('follows HTTPS_PROXY, HTTP_PROXY and NO_PROXY as command-line tools do', async () => {
    const env = new EnvProxyResolver({
      HTTPS_PROXY: 'http://user:p%40ss@proxy.corp:3128',
      http_proxy: 'plain.corp:8080',
      NO_PROXY: 'internal.corp, .lan,10.0.0.5:8443',
    });
    expect(await env.resolve('https://api.example.com/x')).toEqual({
      protocol: 'http',
      host: 'proxy.corp',
      port: 3128,
      auth: { username: 'user', password: 'p@ss' },
    });
    expect(await env.resolve('http://api.example.com/x')).toEqual({
      protocol: 'http',
      host: 'plain.corp',
      port: 8080,
    });
    expect(await env.resolve('https://internal.corp/')).toBeNull();
    expect(await env.resolve('https://api.internal.corp/')).toBeNull();
    expect(await env.resolve('https://pbx.lan/')).toBeNull();
    expect(await env.resolve('https://10.0.0.5:8443/')).toBeNull();
    expect(await env.resolve('https://10.0.0.5/')).not.toBeNull();
    expect(await new EnvProxyResolver({ NO_PROXY: '*' }).resolve('https://a.b/')).toBeNull();
    expect(await new EnvProxyResolver({}).resolve('https://a.b/')).toBeNull();
  });
});
