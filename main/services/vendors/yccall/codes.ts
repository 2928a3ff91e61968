import type { z } from 'zod';
import type { LocalizedText } from '../../../../shared/domain/locale';
import type { ErrorCode } from '../../../../shared/ipc/errors';
import { AppError } from '../../errors';
import { EnvelopeSchema, type EnvelopeData } from './schemas';

// The two code levels of the Yccall envelope (yccall.md §3): `ret` is the transport verdict
// (§3.1), `data.errors.code` the business one (§3.2). Both become AppErrors with a message for a
// person; the vendor's code and text go into details for the log.

/** Documented `ret` values (§3.1). */
export const RET = {
  OK: 200,
  BAD_REQUEST: 400,
  SERVER_ERROR: 500,
  TOKEN_INVALID: 600,
  APPID_NOT_AUTHORIZED: 601,
  APPID_EXPIRED: 602,
  MODULE_NOT_LICENSED: 603,
  IP_NOT_AUTHORIZED: 604,
} as const;

/** Business code that asks for a new token after extension changes (§2.1, §3.2). */
export const EXTENSION_RELOGIN_CODE = '1010';

interface CodeEntry {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
}

const RET_ERRORS: Readonly<Record<number, CodeEntry>> = {
  [RET.BAD_REQUEST]: {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The call-center server refused the request as invalid',
      'zh-CN': '呼叫中心服务器认为请求无效并拒绝了它',
    },
  },
  [RET.SERVER_ERROR]: {
    code: 'VENDOR_UNAVAILABLE',
    text: {
      en: 'The call-center server had an internal error; try again shortly',
      'zh-CN': '呼叫中心服务器内部出错，请稍后重试',
    },
  },
  [RET.TOKEN_INVALID]: {
    code: 'VENDOR_AUTH',
    text: {
      en: 'The call-center server rejected the session even after signing in again. Check the appid and access key in the account settings',
      'zh-CN': '重新登录后呼叫中心服务器仍拒绝会话。请检查账户设置中的 appid 和 access key',
    },
  },
  [RET.APPID_NOT_AUTHORIZED]: {
    code: 'VENDOR_AUTH',
    text: {
      en: 'This appid is not authorized on the call-center server. Ask the server operator to authorize it, or correct it in the account settings',
      'zh-CN': '该 appid 未在呼叫中心服务器上授权。请联系服务器管理员授权，或在账户设置中更正',
    },
  },
  [RET.APPID_EXPIRED]: {
    code: 'VENDOR_AUTH',
    text: {
      en: "This appid's authorization on the call-center server has expired. Ask the server operator to renew it",
      'zh-CN': '该 appid 在呼叫中心服务器上的授权已过期。请联系服务器管理员续期',
    },
  },
  [RET.MODULE_NOT_LICENSED]: {
    code: 'VENDOR_AUTH',
    text: {
      en: 'The call-center server is not licensed for this module (for example predictive outbound). Ask the server operator',
      'zh-CN': '呼叫中心服务器未授权此模块（例如预测外呼）。请联系服务器管理员',
    },
  },
  [RET.IP_NOT_AUTHORIZED]: {
    code: 'VENDOR_AUTH',
    text: {
      en: "This computer's IP address is not authorized on the call-center server. Ask the server operator to allow it",
      'zh-CN': '本机 IP 地址未在呼叫中心服务器上授权。请联系服务器管理员放行',
    },
  },
};

const BUSINESS_ERRORS: Readonly<Record<string, CodeEntry>> = {
  '1001': {
    code: 'VENDOR_UNAVAILABLE',
    text: {
      en: 'The call-center server could not reach one of its own services (usually a network problem on its side); try again shortly',
      'zh-CN': '呼叫中心服务器无法连接其内部服务（通常是其网络问题），请稍后重试',
    },
  },
  '1002': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The call-center server refused the operation because a value is not valid',
      'zh-CN': '呼叫中心服务器因数据校验失败拒绝了此操作',
    },
  },
  '1003': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The call-center server could not carry out the operation',
      'zh-CN': '呼叫中心服务器未能执行此操作',
    },
  },
  '1010': {
    code: 'VENDOR_AUTH',
    text: {
      en: 'The call-center server reports an extension problem that signing in again did not fix (extensions may have just changed); try again in a minute',
      'zh-CN': '呼叫中心服务器报告分机异常，重新登录后仍未解决（分机可能刚有变更），请稍后重试',
    },
  },
  '1011': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The extension does not belong to this company on the call-center server',
      'zh-CN': '该分机不属于本公司',
    },
  },
  '1012': {
    code: 'VENDOR_REJECTED',
    text: { en: 'The extension does not exist on the call-center server', 'zh-CN': '分机不存在' },
  },
  '1013': {
    code: 'VENDOR_REJECTED',
    text: { en: 'The extension is disabled', 'zh-CN': '分机已被禁用' },
  },
  '1014': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The extension is not registered (no phone or softphone is signed in to it)',
      'zh-CN': '分机未注册（没有话机或软电话登录）',
    },
  },
  '1015': {
    code: 'VENDOR_REJECTED',
    text: { en: 'The extension is not in a call', 'zh-CN': '分机不在通话中' },
  },
  '1016': {
    code: 'VENDOR_REJECTED',
    text: { en: 'The extension is already enabled', 'zh-CN': '分机已启用' },
  },
  '1017': {
    code: 'VENDOR_REJECTED',
    text: { en: 'The extension is already registered', 'zh-CN': '分机已注册' },
  },
};

// No business code for limits is documented (the table is cut off at 1018, §3.2): a refusal that
// names the 10,000 limit is reported as LIMIT_EXCEEDED so the person sees what to change.
const LIMIT_WORDS = /10[,.]?000|limit|exceed|too many|超过|上限|超出|最多/i;

function sentence(text: string): string {
  return /[.。!?！？]$/.test(text) ? text : `${text}.`;
}

function withVendorText(base: LocalizedText, vendorText: string): LocalizedText {
  if (vendorText.length === 0) return { en: sentence(base.en), 'zh-CN': `${base['zh-CN']}。` };
  return {
    en: `${base.en}: “${vendorText}”.`,
    'zh-CN': `${base['zh-CN']}：“${vendorText}”。`,
  };
}

/** Makes the AppError for a `ret` other than 200 (§3.1). */
export function retError(ret: number, msg: string, service: string): AppError {
  const entry = RET_ERRORS[ret] ?? {
    code: ret >= 500 ? 'VENDOR_UNAVAILABLE' : 'VENDOR_REJECTED',
    text: {
      en: `The call-center server answered with the undocumented code ${ret}`,
      'zh-CN': `呼叫中心服务器返回了未记录的代码 ${ret}`,
    },
  };
  return new AppError(entry.code, withVendorText(entry.text, msg), {
    service,
    ret,
    vendorMessage: msg,
  });
}

/** Makes the AppError for a business failure (`data.status` = 1, §3.2). */
export function businessError(
  code: string,
  codemsg: string,
  desc: string,
  service: string,
  login: boolean,
): AppError {
  const vendorText = codemsg || desc;
  const details = { service, vendorCode: code, vendorMessage: codemsg, desc };
  if (login) {
    return new AppError(
      'VENDOR_AUTH',
      withVendorText(
        {
          en: 'The call-center server refused to sign in with this appid and access key. Check both in the account settings',
          'zh-CN': '呼叫中心服务器拒绝使用该 appid 和 access key 登录。请在账户设置中检查两者',
        },
        vendorText,
      ),
      details,
    );
  }
  if ((code === '1002' || code === '1003') && LIMIT_WORDS.test(vendorText)) {
    return new AppError(
      'LIMIT_EXCEEDED',
      withVendorText(
        {
          en: 'The call-center server refused the request because it goes over a limit (at most 10,000 numbers per create or append)',
          'zh-CN': '请求超出呼叫中心服务器的限制（每次创建或追加最多 10,000 个号码）',
        },
        vendorText,
      ),
      details,
    );
  }
  const entry = BUSINESS_ERRORS[code] ?? {
    code: 'VENDOR_REJECTED' as const,
    text: {
      en: `The call-center server refused the operation (code ${code})`,
      'zh-CN': `呼叫中心服务器拒绝了此操作（代码 ${code}）`,
    },
  };
  return new AppError(entry.code, withVendorText(entry.text, vendorText), details);
}

/** An answer that is JSON but not the documented envelope or result. */
export function shapeError(
  service: string,
  issues: readonly { readonly path: readonly PropertyKey[]; readonly code: string }[],
): AppError {
  return new AppError(
    'VENDOR_UNAVAILABLE',
    {
      en: 'The call-center server sent an answer in an unexpected format. The server version may differ from the documented API, or the address may point to another service.',
      'zh-CN':
        '呼叫中心服务器返回的数据格式不符合预期。服务器版本可能与文档不同，或地址指向了其他服务。',
    },
    {
      service,
      // Paths and codes only: issue messages could quote values from the answer.
      issues: issues
        .slice(0, 5)
        .map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code })),
    },
  );
}

/** The verdict on one envelope. */
export type Verdict<T> =
  | { readonly ok: true; readonly result: T; readonly data: EnvelopeData }
  | {
      readonly ok: false;
      readonly error: AppError;
      /** The token is invalid (`ret` 600) or stale after extension changes (1010): sign in again. */
      readonly relogin: boolean;
    };

/**
 * Reads an envelope (§3): success ⇔ `ret === 200 && data.status === 0`, then `data.result`
 * through `schema`. `login` makes business refusals authentication errors.
 */
export function interpretEnvelope<S extends z.ZodType>(
  body: unknown,
  service: string,
  schema: S,
  login = false,
): Verdict<z.output<S>> {
  const envelope = EnvelopeSchema.safeParse(body);
  if (!envelope.success)
    return { ok: false, error: shapeError(service, envelope.error.issues), relogin: false };
  const { ret, data, msg } = envelope.data;
  if (ret !== RET.OK) {
    return {
      ok: false,
      error: retError(ret, msg ?? '', service),
      relogin: ret === RET.TOKEN_INVALID && !login,
    };
  }
  if (data === undefined || data === null || Array.isArray(data)) {
    return {
      ok: false,
      error: shapeError(service, [{ code: 'custom', path: ['data'] }]),
      relogin: false,
    };
  }
  if (data.status !== 0) {
    const code = data.errors?.code ?? String(data.status);
    return {
      ok: false,
      error: businessError(code, data.errors?.codemsg ?? '', data.desc ?? '', service, login),
      relogin: code === EXTENSION_RELOGIN_CODE && !login,
    };
  }
  const result = schema.safeParse(data.result);
  if (!result.success)
    return { ok: false, error: shapeError(service, result.error.issues), relogin: false };
  return { ok: true, result: result.data, data };
}
