import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../../shared/ipc/errors';
import {
  DOCUMENTED_STATUS_CODES,
  statusCodeError,
  type StatusContext,
} from '../../../../main/services/vendors/itniotech/status-codes';

const context: StatusContext = {
  operation: 'query',
  target: 'https://api.itniotech.com/voice/group/call/query',
  vendorMessage: 'vendor words',
  sentAtMs: Date.UTC(2026, 0, 5, 9, 0, 0),
  serverDate: null,
  assumedWindowSeconds: 300,
};

// itniotech.md §8, with the error code each must become.
const EXPECTED: Readonly<Record<string, ErrorCode>> = {
  '-1': 'VENDOR_AUTH',
  '-2': 'VENDOR_AUTH',
  '-10': 'LIMIT_EXCEEDED',
  '-13': 'VENDOR_AUTH',
  '-16': 'VENDOR_AUTH',
  '-18': 'VENDOR_UNAVAILABLE',
  '-20': 'VENDOR_REJECTED',
  '-21': 'VENDOR_REJECTED',
  '-22': 'VENDOR_REJECTED',
  '-23': 'LIMIT_EXCEEDED',
  '-24': 'VENDOR_REJECTED',
  '-26': 'VENDOR_REJECTED',
  '-34': 'VENDOR_REJECTED',
  '-36': 'LIMIT_EXCEEDED',
  '-38': 'LIMIT_EXCEEDED',
  '-39': 'VENDOR_REJECTED',
  '-40': 'LIMIT_EXCEEDED',
  '-41': 'VENDOR_REJECTED',
  '-42': 'VENDOR_REJECTED',
  '-43': 'VENDOR_REJECTED',
  '-54': 'VENDOR_REJECTED',
  '-63': 'VENDOR_REJECTED',
  '-64': 'VENDOR_REJECTED',
  '-65': 'VENDOR_REJECTED',
  '-66': 'VENDOR_REJECTED',
  '-67': 'VENDOR_REJECTED',
  '-74': 'VENDOR_REJECTED',
  '-75': 'VENDOR_REJECTED',
  '-77': 'VENDOR_REJECTED',
};

describe('ITNIO status codes (itniotech.md §8)', () => {
  it('covers every documented failure code', () => {
    expect([...DOCUMENTED_STATUS_CODES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    'maps %s to %s with a message in both languages',
    (code, appCode) => {
      const error = statusCodeError(code, context);
      expect(error.code).toBe(appCode);
      expect(error.details).toMatchObject({
        vendorCode: code,
        vendorMessage: 'vendor words',
        operation: 'query',
      });
      expect(error.text.en.length).toBeGreaterThan(20);
      expect(error.text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      // Written for a person, not a raw code dump.
      expect(error.text.en).not.toMatch(/^-?\d+$/);
    },
  );

  it('-2 says the IP allow-list refused this machine', () => {
    const error = statusCodeError('-2', context);
    expect(error.text.en).toMatch(/IP allow-list/);
    expect(error.text['zh-CN']).toMatch(/白名单/);
  });

  it('-16 measures the clock skew from the server Date header', () => {
    const serverDate = new Date(context.sentAtMs + 7 * 60_000).toUTCString();
    const error = statusCodeError('-16', { ...context, serverDate });
    expect(error.code).toBe('VENDOR_AUTH');
    expect(error.text.en).toMatch(/clock/);
    expect(error.text.en).toMatch(/7 minutes behind/);
    expect(error.text['zh-CN']).toMatch(/慢了 7 分钟/);
    expect(error.details).toMatchObject({ clockSkewSeconds: 420 });
  });

  it('-16 says "ahead" when this computer runs fast', () => {
    const serverDate = new Date(context.sentAtMs - 90_000).toUTCString();
    expect(statusCodeError('-16', { ...context, serverDate }).text.en).toMatch(/90 seconds ahead/);
  });

  it('-16 without a server time says "more than N seconds"', () => {
    const error = statusCodeError('-16', context);
    expect(error.text.en).toMatch(/more than 300 seconds/);
    expect(error.details?.clockSkewSeconds).toBeUndefined();
  });

  it('-34 depends on the endpoint (§9.11)', () => {
    expect(statusCodeError('-34', { ...context, operation: 'resend-ai' }).text.en).toMatch(
      /no numbers left/,
    );
    expect(statusCodeError('-34', { ...context, operation: 'edit' }).text.en).toMatch(/duplicate/);
  });

  it('an unknown code is a refusal that shows the vendor words and code', () => {
    const error = statusCodeError('-99', context);
    expect(error.code).toBe('VENDOR_REJECTED');
    expect(error.text.en).toContain('-99');
    expect(error.text.en).toContain('vendor words');
  });
});
