import { describe, expect, it } from 'vitest';
import {
  RequestRecorder,
  type RecordedExchange,
} from '../../../main/services/audit/request-recorder';
import type { HttpSend } from '../../../main/services/vendors/http';
import { encodeForm } from '../../../main/services/vendors/yccall/form';

const TOKEN = 'f'.repeat(32);
const ACCESS = 'accesskey-RECORDER-77';

const echo: HttpSend = async () => ({
  status: 200,
  text: JSON.stringify({ ret: 200, data: { status: 0, result: { token: TOKEN, taskid: '9' } } }),
});

describe('recording vendor requests for the audit trail', () => {
  it('keeps the fields of a request and its answer, with secrets redacted and big values hashed', async () => {
    const recorder = new RequestRecorder();
    const send = recorder.wrap(echo);
    const seen: RecordedExchange[] = [];
    const numbers = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ phone: `86138${i}` })));
    const form = encodeForm({
      service: 'App.Sip_Yccall.TaskCreat',
      token: TOKEN,
      accesskey: ACCESS,
      telphone: numbers,
    });
    await recorder.run(
      (exchange) => seen.push(exchange),
      () =>
        send({
          method: 'POST',
          url: 'http://pbx.example:8080/?debug=1',
          headers: { 'Content-Type': form.contentType },
          body: form.body,
          timeoutMs: 1000,
        }),
    );
    expect(seen).toHaveLength(1);
    const [exchange] = seen;
    expect(exchange).toMatchObject({
      method: 'POST',
      target: 'http://pbx.example:8080/',
      status: 200,
      failure: null,
    });
    expect(exchange?.request).toMatchObject({
      service: 'App.Sip_Yccall.TaskCreat',
      token: '[redacted]',
      accesskey: '[redacted]',
    });
    expect(String((exchange?.request as Record<string, unknown>)['telphone'])).toMatch(
      /^\[\d+ characters, sha256 [0-9a-f]{64}\]$/,
    );
    expect(exchange?.response).toMatchObject({
      data: { result: { token: '[redacted]', taskid: '9' } },
    });
    const all = JSON.stringify(seen);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(ACCESS);
  });

  it('records nothing outside a run, so polling never lands in a submission’s trail', async () => {
    const recorder = new RequestRecorder();
    const seen: RecordedExchange[] = [];
    const send = recorder.wrap(echo);
    await send({ method: 'GET', url: 'https://api.example.com/x', timeoutMs: 1000 });
    await recorder.run(
      (exchange) => seen.push(exchange),
      async () => {
        await send({
          method: 'POST',
          url: 'https://api.example.com/voice/group/call/send',
          body: JSON.stringify({ taskName: 'A', apiSecret: 'nope' }),
          timeoutMs: 1000,
        });
      },
    );
    expect(seen.map((exchange) => exchange.target)).toEqual([
      'https://api.example.com/voice/group/call/send',
    ]);
    expect(seen[0]?.request).toEqual({ taskName: 'A', apiSecret: '[redacted]' });
  });
});
