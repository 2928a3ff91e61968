import { describe, expect, it } from 'vitest';
import {
  businessError,
  interpretEnvelope,
  retError,
} from '../../../../main/services/vendors/yccall/codes';
import {
  NoResultSchema,
  TaskAddResultSchema,
} from '../../../../main/services/vendors/yccall/schemas';

const S = 'App.Sip_Yccall.TaskList';

describe('ret codes (yccall.md §3.1)', () => {
  it.each([
    [400, 'VENDOR_REJECTED', /refused the request as invalid/],
    [500, 'VENDOR_UNAVAILABLE', /internal error/],
    [600, 'VENDOR_AUTH', /rejected the session/],
    [601, 'VENDOR_AUTH', /appid is not authorized/],
    [602, 'VENDOR_AUTH', /has expired/],
    [603, 'VENDOR_AUTH', /not licensed/],
    [604, 'VENDOR_AUTH', /IP address is not authorized/],
    [404, 'VENDOR_REJECTED', /undocumented code 404/],
    [503, 'VENDOR_UNAVAILABLE', /undocumented code 503/],
  ])('ret %i → %s with a message in both languages', (ret, code, message) => {
    const error = retError(ret, 'vendor text', S);
    expect(error.code).toBe(code);
    expect(error.text.en).toMatch(message);
    expect(error.text.en).toContain('“vendor text”');
    expect(error.text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(error.details).toEqual({ service: S, ret, vendorMessage: 'vendor text' });
  });
});

describe('business codes (§3.2)', () => {
  it.each([
    ['1001', 'VENDOR_UNAVAILABLE'],
    ['1002', 'VENDOR_REJECTED'],
    ['1003', 'VENDOR_REJECTED'],
    ['1010', 'VENDOR_AUTH'],
    ['1011', 'VENDOR_REJECTED'],
    ['1012', 'VENDOR_REJECTED'],
    ['1013', 'VENDOR_REJECTED'],
    ['1014', 'VENDOR_REJECTED'],
    ['1015', 'VENDOR_REJECTED'],
    ['1016', 'VENDOR_REJECTED'],
    ['1017', 'VENDOR_REJECTED'],
    ['1234', 'VENDOR_REJECTED'],
  ])('%s → %s, vendor code in details', (vendorCode, code) => {
    const error = businessError(vendorCode, '', 'desc text', S, false);
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ vendorCode, service: S });
    expect(error.text.en).toContain('desc text'); // codemsg empty → desc is shown
    expect(error.text['zh-CN'].length).toBeGreaterThan(3);
  });

  it('a refusal that names the 10,000 limit is LIMIT_EXCEEDED', () => {
    expect(businessError('1002', 'telphone 超过 10000', '', S, false).code).toBe('LIMIT_EXCEEDED');
    expect(businessError('1002', 'phone format wrong', '', S, false).code).toBe('VENDOR_REJECTED');
  });

  it('every refusal of the sign-in is VENDOR_AUTH', () => {
    expect(businessError('1002', 'x', '', 'App.Sip_Auth.Login', true).code).toBe('VENDOR_AUTH');
  });
});

describe('interpretEnvelope', () => {
  const ok = (data: unknown) => ({ ret: 200, data, msg: '' });

  it('succeeds only when ret is 200 and status is 0; accepts status and ret as strings', () => {
    expect(
      interpretEnvelope(
        ok({ status: 0, result: { success: '3', invaliddata: [] } }),
        S,
        TaskAddResultSchema,
      ),
    ).toMatchObject({
      ok: true,
      result: { success: 3, invalid: [] },
    });
    expect(interpretEnvelope({ ret: '200', data: { status: '0' } }, S, NoResultSchema).ok).toBe(
      true,
    );
    expect(
      interpretEnvelope(ok({ status: 1, errors: { code: 1002, codemsg: 'x' } }), S, NoResultSchema)
        .ok,
    ).toBe(false);
  });

  it('asks for a new sign-in on ret 600 and business 1010, not on other refusals', () => {
    const relogin = (body: unknown, login = false) => {
      const verdict = interpretEnvelope(body, S, NoResultSchema, login);
      return verdict.ok ? null : verdict.relogin;
    };
    expect(relogin({ ret: 600, data: [], msg: '' })).toBe(true);
    expect(relogin({ ret: 600, data: [], msg: '' }, true)).toBe(false);
    expect(relogin(ok({ status: 1, errors: { code: '1010' } }))).toBe(true);
    expect(relogin(ok({ status: 1, errors: { code: '1003' } }))).toBe(false);
  });

  it('reports an unexpected shape without quoting the answer', () => {
    const verdict = interpretEnvelope(
      { ret: 200, data: { status: 0, result: { success: 'SECRET-VALUE' } } },
      S,
      TaskAddResultSchema,
    );
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.error.code).toBe('VENDOR_UNAVAILABLE');
    expect(JSON.stringify([verdict.error.text, verdict.error.details])).not.toContain(
      'SECRET-VALUE',
    );
    expect(interpretEnvelope({ hello: 1 }, S, NoResultSchema).ok).toBe(false);
    expect(interpretEnvelope({ ret: 200, data: [] }, S, NoResultSchema).ok).toBe(false);
  });
});
