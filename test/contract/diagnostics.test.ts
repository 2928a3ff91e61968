import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/ipc/contract';
import { noSignal, testCore } from '../fakes/core';

const SECRET = 'Willow.Kite.3303!';
const PROXY_PASSWORD = 'Amber#Gate#77';

describe('the app.diagnostics channel', () => {
  it('answers the report as its schema says, without any secret that went in through the contract', async () => {
    const { core } = testCore();
    const created = await core.dispatch(
      'accounts.create',
      {
        vendor: 'itniotech',
        name: 'Night shift',
        connection: { brand: 'itniotech', apiKey: 'night-key-1', defaults: {} },
        secret: SECRET,
      },
      noSignal,
    );
    expect(created.ok).toBe(true);
    const proxy = await core.dispatch(
      'settings.setProxy',
      {
        mode: 'manual',
        manual: { host: 'proxy.local', port: 8080, username: 'night' },
        password: PROXY_PASSWORD,
      },
      noSignal,
    );
    expect(proxy.ok).toBe(true);

    const answer = await core.dispatch('app.diagnostics', {}, noSignal);
    if (!answer.ok) throw new Error(answer.error.message);
    const report = channels['app.diagnostics'].response.parse(answer.value);
    expect(report.text).toContain('- "Night shift"');
    expect(report.text).toContain('Manual proxy: proxy.local:8080');
    // The whole envelope, as it would cross to the renderer.
    const envelope = JSON.stringify(answer);
    for (const secret of [SECRET, PROXY_PASSWORD, 'night-key-1']) {
      expect(envelope).not.toContain(secret);
      expect(envelope).not.toContain(Buffer.from(secret).toString('base64'));
    }
    await core.close();
  });

  it('takes no parameters: a request cannot ask for more lines or another file', async () => {
    const { core } = testCore();
    for (const request of [{ lines: 10_000 }, { file: '/etc/passwd' }, null]) {
      const answer = await core.dispatch('app.diagnostics', request, noSignal);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    await core.close();
  });
});
