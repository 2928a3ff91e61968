import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/services/errors';
import type { HttpRequest, HttpResponse } from '../../../../main/services/vendors/http';
import type { ItniotechBrand } from '../../../../main/services/vendors/itniotech/brands';
import { ItniotechClient } from '../../../../main/services/vendors/itniotech/client';

const SECRET = 'TopSecret-9f3a1c';

class FakeTransport {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly answers: ((request: HttpRequest) => Promise<HttpResponse>)[]) {}
  readonly send = async (request: HttpRequest): Promise<HttpResponse> => {
    this.requests.push(request);
    const answer = this.answers[Math.min(this.requests.length - 1, this.answers.length - 1)];
    if (!answer) throw new Error('no answer');
    return answer(request);
  };
}

const ok = (data: unknown) => async (): Promise<HttpResponse> => ({
  status: 200,
  text: JSON.stringify({ status: '0', reason: 'success', data }),
});

const logLines: string[] = [];

function clientWith(
  transport: FakeTransport,
  brand: ItniotechBrand = 'itniotech',
  baseUrl?: string,
) {
  return new ItniotechClient({
    apiKey: 'key1',
    getSecret: async () => SECRET,
    brand,
    ...(baseUrl ? { baseUrl } : {}),
    send: transport.send,
    clock: { now: () => 1_700_000_000_000 },
    timeoutMs: 1_234,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    logger: {
      debug: (m, f) => logLines.push(JSON.stringify([m, f])),
      info: (m, f) => logLines.push(JSON.stringify([m, f])),
      warn: (m, f) => logLines.push(JSON.stringify([m, f])),
      error: (m, f) => logLines.push(JSON.stringify([m, f])),
    },
  });
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

function dump(error: AppError): string {
  return JSON.stringify([
    error.message,
    error.text,
    error.details ?? null,
    error.stack,
    String(error.cause ?? ''),
  ]);
}

const page = {
  current: 1,
  size: 10,
  params: { strTime: '2026-01-01 00:00:00', endTime: '2026-01-02 00:00:00' },
};

describe('ItniotechClient paths per brand (itniotech.md brand table)', () => {
  it.each([
    [
      'itniotech',
      'https://api.itniotech.com/voice/group/call/query',
      'https://api.itniotech.com/v3/cc/preview/query',
      'https://api.itniotech.com/sms/getBalance',
    ],
    [
      'onbuka',
      'https://api.onbuka.com/v3/voice/group/call/query',
      'https://api.onbuka.com/v3/cc/preview/query',
      'https://api.onbuka.com/v3/getBalance',
    ],
  ] as const)('%s', async (brand, voiceUrl, ccUrl, balanceUrl) => {
    const transport = new FakeTransport([
      ok({ records: [] }),
      ok({ records: [] }),
      async () => ({ status: 200, text: '{"status":"0","reason":"success","balance":"3"}' }),
    ]);
    const client = clientWith(transport, brand);
    await client.queryGroupCalls(page);
    await client.queryCcTasks({ current: 1, size: 10, params: {} });
    await client.getBalance();
    expect(transport.requests.map((r) => r.url)).toEqual([voiceUrl, ccUrl, balanceUrl]);
    expect(transport.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'GET']);
    expect(transport.requests[2]?.headers?.['Content-Type']).toBe('application/json;charset=UTF-8');
  });

  it('keeps the brand prefixes on an override base URL', async () => {
    const transport = new FakeTransport([ok({ records: [] })]);
    await clientWith(transport, 'onbuka', 'http://127.0.0.1:9999/').queryGroupCalls(page);
    expect(transport.requests[0]?.url).toBe('http://127.0.0.1:9999/v3/voice/group/call/query');
  });
});

describe('ItniotechClient requests', () => {
  it('passes the timeout and the caller signal to the transport', async () => {
    const transport = new FakeTransport([ok({ records: [] })]);
    const controller = new AbortController();
    await clientWith(transport).queryGroupCalls(page, { signal: controller.signal });
    expect(transport.requests[0]?.timeoutMs).toBe(1_234);
    expect(transport.requests[0]?.signal).toBe(controller.signal);
  });

  it('sends all-digit ids as JSON numbers and keeps Windows-style paths intact (§9.2, §9.3)', async () => {
    const transport = new FakeTransport([ok(null), ok(null)]);
    const client = clientWith(transport);
    await client.cancelCcTask('123');
    await client.submitTask({ filePath: '/mnt/cc\\upload\\a.xls', fileName: 'a.xlsx', type: 0 });
    expect(JSON.parse(String(transport.requests[0]?.body))).toEqual({ taskId: 123 });
    expect(JSON.parse(String(transport.requests[1]?.body)).filePath).toBe('/mnt/cc\\upload\\a.xls');
  });

  it('retries a read after a vendor 5xx and succeeds when it clears', async () => {
    const transport = new FakeTransport([
      async () => ({ status: 502, text: 'bad gateway' }),
      ok({ records: [] }),
    ]);
    const data = await clientWith(transport).queryGroupCalls(page);
    expect(data.records).toEqual([]);
    expect(transport.requests).toHaveLength(2);
    // Re-signed for the second attempt (a stale timestamp would risk -16).
    expect(transport.requests[1]?.headers?.Sign).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never retries a create, even on a retryable failure', async () => {
    const transport = new FakeTransport([async () => ({ status: 503, text: 'busy' }), ok(1)]);
    const error = await errorOf(
      clientWith(transport).sendGroupCall({
        appId: 'a',
        taskName: 'tt',
        numberInfoList: [{ calleeNumber: '8613800000000' }],
      }),
    );
    expect(error.code).toBe('VENDOR_UNAVAILABLE');
    expect(transport.requests).toHaveLength(1);
  });

  it('does not retry a vendor refusal', async () => {
    const transport = new FakeTransport([
      async () => ({ status: 200, text: '{"code":-22,"msg":"parameter error"}' }),
    ]);
    const error = await errorOf(clientWith(transport).queryGroupCalls(page));
    expect(error.code).toBe('VENDOR_REJECTED');
    expect(transport.requests).toHaveLength(1);
  });

  it('measures the clock skew for -16 when the transport reports the Date header', async () => {
    const serverNow = 1_700_000_000_000 + 10 * 60_000;
    const transport = new FakeTransport([
      async () =>
        ({
          status: 200,
          text: '{"status":"-16","reason":"timestamp expires"}',
          headers: { date: new Date(serverNow).toUTCString() },
        }) as HttpResponse,
    ]);
    const error = await errorOf(clientWith(transport).getBalance());
    expect(error.code).toBe('VENDOR_AUTH');
    expect(error.text.en).toMatch(/10 minutes behind/);
  });

  it('says which part of the account is unreadable when the keychain fails', async () => {
    const client = new ItniotechClient({
      apiKey: 'k',
      getSecret: async () => {
        throw new Error('locked');
      },
      brand: 'itniotech',
      send: new FakeTransport([ok(null)]).send,
      clock: { now: () => 0 },
    });
    expect((await errorOf(client.getBalance())).code).toBe('KEYCHAIN_UNAVAILABLE');
  });
});

describe('the API secret never leaks', () => {
  it.each([
    [
      'a transport failure whose message holds the secret',
      async () => {
        throw Object.assign(new Error(`socket hang up while sending Sign for ${SECRET}`), {
          code: 'ECONNRESET',
        });
      },
    ],
    [
      'a transport AppError that mentions the secret',
      async () => {
        throw new AppError(
          'NETWORK',
          { en: `down ${SECRET}`, 'zh-CN': `断开 ${SECRET}` },
          { raw: SECRET },
        );
      },
    ],
    [
      'a vendor message echoing the secret',
      async () => ({
        status: 200,
        text: JSON.stringify({ status: '-1', reason: `bad secret ${SECRET}` }),
      }),
    ],
    [
      'a schema failure on a body holding the secret',
      async () => ({
        status: 200,
        text: JSON.stringify({ status: '0', data: { filePath: SECRET, numberTotalCount: SECRET } }),
      }),
    ],
    [
      'a non-JSON body holding the secret',
      async () => ({ status: 200, text: `<html>${SECRET}</html>` }),
    ],
    ['an HTTP error whose body holds the secret', async () => ({ status: 500, text: SECRET })],
  ] as const)('in %s', async (_name, answer) => {
    logLines.length = 0;
    const transport = new FakeTransport([answer]);
    const error = await errorOf(
      clientWith(transport).uploadCallees({ fileName: 'calls.xlsx', file: 'AAAA' }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(dump(error)).not.toContain(SECRET);
    expect(logLines.join('\n')).not.toContain(SECRET);
    expect(JSON.stringify(transport.requests)).not.toContain(SECRET);
  });
});
