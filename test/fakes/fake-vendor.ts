import { VENDOR_KINDS } from '../../shared/domain/task';
import { NO_CAPABILITIES } from './capabilities';
import type { AccountProfile } from '../../shared/domain/account';
import type { VendorFactory } from '../../main/services/accounts/accounts-service';
import { AppError } from '../../main/services/errors';
import type { Vendor } from '../../main/services/vendors/vendor';

/** What the fake vendors saw: which account asked, with which secret. */
export interface FakeVendorLog {
  readonly calls: { readonly accountId: string; readonly secret: string }[];
}

const unsupported = () => {
  throw new AppError('INTERNAL', { en: 'Not part of this fake.', 'zh-CN': '测试替身不支持。' });
};

/**
 * A vendor factory for unit tests: testConnection succeeds when the secret starts with "good-" and
 * fails with VENDOR_AUTH otherwise (the secret itself never appears in the error).
 */
export function fakeVendorFactory(log: FakeVendorLog = { calls: [] }): VendorFactory {
  return async (profile: AccountProfile, getSecret: () => Promise<string>): Promise<Vendor> => ({
    vendor: profile.vendor,
    accountId: profile.id,
    kinds: VENDOR_KINDS[profile.vendor],
    capabilities: () => NO_CAPABILITIES,
    async testConnection() {
      const secret = await getSecret();
      log.calls.push({ accountId: profile.id, secret });
      if (!secret.startsWith('good-') && !profile.demo) {
        throw new AppError('VENDOR_AUTH', {
          en: 'The API key or secret was refused.',
          'zh-CN': 'API 密钥被拒绝。',
        });
      }
      return { summary: { en: 'Balance 12.50 USD', 'zh-CN': '余额 12.50 USD' } };
    },
    listTasks: unsupported,
    getTask: unsupported,
    listNumberResults: unsupported,
    createTask: unsupported,
    findTaskByName: unsupported,
    readBack: unsupported,
    dialledForm: (_kind: string, phone: string) => phone.replace(/\D/g, ''),
    resend: unsupported,
    pause: unsupported,
    resume: unsupported,
    cancel: unsupported,
    edit: unsupported,
    loadPickers: unsupported,
  });
}
