import type { ErrorCode } from '../../../../shared/ipc/errors';
import type { LocalizedText } from '../../../../shared/domain/locale';
import { AppError } from '../../errors';

/** What the app was doing when the vendor answered with a failure code (some codes depend on it). */
export type ItniotechOperation =
  | 'upload'
  | 'submit-task'
  | 'resend-task'
  | 'query'
  | 'detail'
  | 'edit'
  | 'cancel'
  | 'send'
  | 'resend'
  | 'resend-ai'
  | 'picker'
  | 'balance'
  | 'records';

interface CodeInfo {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
}

/** Everything §8 of itniotech.md documents, except -16 and -34, which are built per call. */
const STATUS_TABLE: Readonly<Record<string, CodeInfo>> = {
  '-1': {
    code: 'VENDOR_AUTH',
    text: {
      en: 'The vendor refused the API key or signature. Check the API key and API secret of this account (Home → Developers in the vendor console).',
      'zh-CN':
        '服务商拒绝了 API Key 或签名。请检查此账户的 API Key 和密钥（服务商控制台：首页 → 开发者）。',
    },
  },
  '-2': {
    code: 'VENDOR_AUTH',
    text: {
      en: "The account's IP allow-list refused this computer's address. Add this network's public IP address to the allow-list in the vendor console, or use an allowed network.",
      'zh-CN':
        '账户的 IP 白名单拒绝了本机的地址。请在服务商控制台的白名单中加入当前网络的公网 IP，或改用允许的网络。',
    },
  },
  '-10': {
    code: 'LIMIT_EXCEEDED',
    text: {
      en: 'The account balance is too low. Top up the account, then try again.',
      'zh-CN': '账户余额不足。请充值后重试。',
    },
  },
  '-13': {
    code: 'VENDOR_AUTH',
    text: {
      en: 'The vendor has locked this account. Contact the vendor to unlock it.',
      'zh-CN': '服务商已锁定此账户。请联系服务商解锁。',
    },
  },
  '-18': {
    code: 'VENDOR_UNAVAILABLE',
    text: {
      en: "The vendor's service had an internal error. Try again in a few minutes.",
      'zh-CN': '服务商的服务内部出错。请几分钟后重试。',
    },
  },
  '-20': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The vendor already has this (for example, a task with the same name). Choose another name.',
      'zh-CN': '服务商处已存在相同数据（例如同名任务）。请换一个名称。',
    },
  },
  '-21': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The vendor found invalid data in the request (for example, a phone number of the wrong length). Check the task settings and numbers.',
      'zh-CN': '服务商发现请求中的数据无效（例如号码长度不对）。请检查任务设置和号码。',
    },
  },
  '-22': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The vendor refused a parameter of the request. Check the task settings.',
      'zh-CN': '服务商拒绝了请求中的某个参数。请检查任务设置。',
    },
  },
  '-23': {
    code: 'LIMIT_EXCEEDED',
    text: {
      en: 'The vendor limit for this data was reached (too many numbers or items). Use fewer, or split the task.',
      'zh-CN': '已达到服务商的数据上限（号码或条目过多）。请减少数量或拆分任务。',
    },
  },
  '-24': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The vendor has no such data (the task may have been deleted, or the id is wrong).',
      'zh-CN': '服务商处没有该数据（任务可能已删除，或编号有误）。',
    },
  },
  '-26': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The vendor could not find a call rate for this request. Ask the vendor to set rates for the destination country.',
      'zh-CN': '服务商无法获取此请求的费率。请联系服务商为目标国家配置费率。',
    },
  },
  '-36': {
    code: 'LIMIT_EXCEEDED',
    text: {
      en: 'This exceeds the number the account may create. Lower the value, or ask the vendor to raise the limit.',
      'zh-CN': '超出了账户可创建的数量。请减小数值，或联系服务商提高上限。',
    },
  },
  '-38': {
    code: 'LIMIT_EXCEEDED',
    text: {
      en: 'The number file is too large for the vendor. Split the list into smaller tasks.',
      'zh-CN': '号码文件超过服务商的大小限制。请把名单拆成更小的任务。',
    },
  },
  '-39': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The vendor could not read the number file (wrong file format).',
      'zh-CN': '服务商无法读取号码文件（文件格式错误）。',
    },
  },
  '-40': {
    code: 'LIMIT_EXCEEDED',
    text: {
      en: 'The number file has more than 100,000 rows, the vendor maximum per upload. Split the list into several tasks.',
      'zh-CN': '号码文件超过 100,000 行（服务商单次上传上限）。请把名单拆成多个任务。',
    },
  },
  '-41': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The task is in a state that does not allow this change (for example, it is still running or already finished).',
      'zh-CN': '任务当前状态不允许此操作（例如仍在进行或已经结束）。',
    },
  },
  '-42': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'There are no numbers to call in this selection (for example, no failed numbers to resend).',
      'zh-CN': '所选范围内没有可拨打的号码（例如没有失败号码可重呼）。',
    },
  },
  '-43': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The number file has a repeated column header. Give every column a different name.',
      'zh-CN': '号码文件的表头有重复列名。请让每一列的名称都不同。',
    },
  },
  '-54': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The vendor says the task is no longer valid for this action (it may have ended already).',
      'zh-CN': '服务商表示该任务已不能执行此操作（可能已经结束）。',
    },
  },
  '-63': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The agent group still has agents. Move or remove them first.',
      'zh-CN': '坐席组中仍有坐席。请先移出或删除坐席。',
    },
  },
  '-64': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The password may contain only letters and digits.',
      'zh-CN': '密码只能包含字母和数字。',
    },
  },
  '-65': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The agent group does not belong to this application. Pick an agent group of the same application.',
      'zh-CN': '坐席组不属于此应用。请选择同一应用下的坐席组。',
    },
  },
  '-66': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The vendor does not know this country code. Check the country code.',
      'zh-CN': '服务商不支持该国家代码。请检查国家代码。',
    },
  },
  '-67': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The agent is on a call. Try again when the call has ended.',
      'zh-CN': '坐席正在通话中。请在通话结束后重试。',
    },
  },
  '-74': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The agent group does not belong to this application. Pick an agent group of the same application.',
      'zh-CN': '坐席组不属于此应用。请选择同一应用下的坐席组。',
    },
  },
  '-75': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The vendor asks you to contact its sales team before doing this.',
      'zh-CN': '服务商要求先联系其销售人员才能执行此操作。',
    },
  },
  '-77': {
    code: 'VENDOR_REJECTED',
    text: {
      en: 'The application has no minimum call rate configured. Ask the vendor to configure it.',
      'zh-CN': '该应用未配置最低费率。请联系服务商配置。',
    },
  },
};

/** Every vendor status code this client maps (itniotech.md §8), success excluded. */
export const DOCUMENTED_STATUS_CODES: readonly string[] = [
  ...Object.keys(STATUS_TABLE),
  '-16',
  '-34',
].sort((a, b) => Number(b) - Number(a));

/** What the client knows when it turns a vendor failure code into an error. */
export interface StatusContext {
  readonly operation: ItniotechOperation;
  /** Host and path, never the query string or headers. */
  readonly target: string;
  /** The vendor's own words (`reason`/`msg`), already cleaned of anything secret. */
  readonly vendorMessage: string | null;
  /** This computer's clock (ms) when the request was signed. */
  readonly sentAtMs: number;
  /** The server's `Date` header, if the transport reported it. */
  readonly serverDate: string | null;
  /** The window the app assumes when the skew cannot be measured (the vendor does not publish it). */
  readonly assumedWindowSeconds: number;
}

function describeSkew(seconds: number): { en: string; zh: string } {
  const abs = Math.abs(seconds);
  const amount =
    abs >= 120
      ? { en: `${Math.round(abs / 60)} minutes`, zh: `${Math.round(abs / 60)} 分钟` }
      : { en: `${abs} seconds`, zh: `${abs} 秒` };
  return seconds > 0
    ? { en: `${amount.en} behind`, zh: `慢了 ${amount.zh}` }
    : { en: `${amount.en} ahead`, zh: `快了 ${amount.zh}` };
}

function timestampError(context: StatusContext, details: Record<string, unknown>): AppError {
  const serverMs = context.serverDate === null ? Number.NaN : Date.parse(context.serverDate);
  const fix = {
    en: 'Turn on automatic date and time (Windows: Settings → Time & language; macOS: System Settings → General → Date & Time), then try again.',
    'zh-CN':
      '请开启自动设置日期和时间（Windows：设置 → 时间和语言；macOS：系统设置 → 通用 → 日期与时间），然后重试。',
  };
  if (Number.isFinite(serverMs)) {
    // Date has whole-second resolution; a difference under 2 s is noise.
    const skewSeconds = Math.round((serverMs - context.sentAtMs) / 1000);
    const skew = describeSkew(skewSeconds);
    return new AppError(
      'VENDOR_AUTH',
      {
        en: `The vendor refused the request because this computer's clock is off: it is ${skew.en} the vendor's time. ${fix.en}`,
        'zh-CN': `服务商拒绝了请求，因为本机时钟不准：比服务商时间${skew.zh}。${fix['zh-CN']}`,
      },
      { ...details, clockSkewSeconds: skewSeconds },
    );
  }
  const n = context.assumedWindowSeconds;
  return new AppError(
    'VENDOR_AUTH',
    {
      en: `The vendor refused the request because this computer's clock is off by more than the allowed window (probably more than ${n} seconds; the vendor does not publish the exact limit). ${fix.en}`,
      'zh-CN': `服务商拒绝了请求，因为本机时钟偏差超出允许范围（可能超过 ${n} 秒；服务商未公布确切限制）。${fix['zh-CN']}`,
    },
    details,
  );
}

function contextDependent34(operation: ItniotechOperation): LocalizedText {
  // -34 means different things per endpoint (itniotech.md §9.11).
  if (operation === 'resend-ai' || operation === 'resend' || operation === 'resend-task') {
    return {
      en: 'The earlier task has no numbers left to call, so there is nothing to resend.',
      'zh-CN': '原任务已没有可拨打的号码，无法重呼。',
    };
  }
  return {
    en: 'The vendor refused the request as a duplicate (for example, an agent job number already in use).',
    'zh-CN': '服务商以重复为由拒绝了请求（例如坐席工号已被使用）。',
  };
}

/**
 * Turns a vendor failure code into an AppError with a message for a person in every UI language.
 *
 * The vendor code and message are kept in `details` for the log; nothing secret is ever there.
 */
export function statusCodeError(vendorCode: string, context: StatusContext): AppError {
  const details: Record<string, unknown> = {
    vendorCode,
    vendorMessage: context.vendorMessage,
    operation: context.operation,
    target: context.target,
  };
  if (vendorCode === '-16') return timestampError(context, details);
  if (vendorCode === '-34') {
    return new AppError('VENDOR_REJECTED', contextDependent34(context.operation), details);
  }
  const known = STATUS_TABLE[vendorCode];
  if (known) return new AppError(known.code, known.text, details);
  const said = context.vendorMessage ?? '';
  return new AppError(
    'VENDOR_REJECTED',
    {
      en: `The vendor refused the request with code ${vendorCode}${said ? ` ("${said}")` : ''}, which the app does not know.`,
      'zh-CN': `服务商以代码 ${vendorCode}${said ? `（“${said}”）` : ''} 拒绝了请求，应用无法识别该代码。`,
    },
    details,
  );
}
