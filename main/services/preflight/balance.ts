import type { LocalizedText } from '../../../shared/domain/locale';
import type { PreflightBalance } from '../../../shared/domain/preflight';
import type { VendorId } from '../../../shared/domain/task';
import type { Logger } from '../../ports';
import { AppError } from '../errors';
import type { Vendor } from '../vendors/vendor';

/** What a balance check needs: the account's vendor module and a log. */
export interface BalanceDeps {
  readonly vendorFor: (accountId: string) => Promise<Vendor>;
  readonly logger: Logger;
}

/**
 * An account's balance as far as it can be checked now: asked of the vendor only when online,
 * never of a Yccall server (it reports none). A vendor's refusal is a `failed` balance with the
 * reason, not an error; only a cancelled check (the signal aborted) throws, with the cause.
 */
export async function checkBalance(
  deps: BalanceDeps,
  accountId: string,
  vendorId: VendorId,
  options: { readonly online: boolean; readonly signal?: AbortSignal | undefined },
): Promise<PreflightBalance> {
  if (!options.online) {
    return {
      status: 'offline',
      amount: null,
      currency: null,
      text: { en: 'Balance not checked (offline).', 'zh-CN': '未查询余额（离线）。' },
    };
  }
  if (vendorId === 'yccall') {
    return notAvailable({
      en: 'Yccall servers do not report a balance.',
      'zh-CN': 'Yccall 服务器不提供余额。',
    });
  }
  try {
    const vendor = await deps.vendorFor(accountId);
    const check = await vendor.testConnection(
      options.signal === undefined ? {} : { signal: options.signal },
    );
    if (check.balance === undefined) return notAvailable(check.summary);
    return {
      status: 'checked',
      amount: check.balance.amount,
      currency: check.balance.currency,
      text: check.summary,
    };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason: LocalizedText =
      error instanceof AppError ? error.text : { en: 'Unexpected error.', 'zh-CN': '意外错误。' };
    deps.logger.warn('balance check failed', {
      accountId,
      code: error instanceof AppError ? error.code : 'INTERNAL',
    });
    return {
      status: 'failed',
      amount: null,
      currency: null,
      text: {
        en: `Balance not checked: ${reason.en}`,
        'zh-CN': `未能查询余额：${reason['zh-CN']}`,
      },
    };
  }
}

function notAvailable(text: LocalizedText): PreflightBalance {
  return {
    status: 'not-available',
    amount: null,
    currency: null,
    text: {
      en: `Balance not available. ${text.en}`,
      'zh-CN': `无法获得余额。${text['zh-CN']}`,
    },
  };
}
