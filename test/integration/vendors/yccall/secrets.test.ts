import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../../../main/services/sandbox/server';
import { ACCOUNT, SETTINGS, callees, must, rejection, startHarness, type Harness } from './harness';

const LOGIN = 'App.Sip_Auth.Login';
const LIST = 'App.Sip_Yccall.TaskList';
const CREAT = 'App.Sip_Yccall.TaskCreat';
const ADD = 'App.Sip_Yccall.TaskAdd';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeoutMs: 300 });
});
afterAll(async () => {
  await h.close();
});

/** Everything an error could show or log: texts, details, message, stack, cause chain. */
function everything(error: unknown): string {
  const parts: string[] = [String(error)];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof Error) {
      parts.push(current.message, current.stack ?? '');
      const record = current as unknown as Record<string, unknown>;
      parts.push(JSON.stringify({ text: record['text'], details: record['details'] }));
      current = record['cause'];
    } else {
      parts.push(JSON.stringify(current));
      current = null;
    }
  }
  return parts.join('\n');
}

describe('the access key and the token never leak', () => {
  it('not from transport failures, malformed answers or refusals on sign-in, reads, creates and appends', async () => {
    const errors: unknown[] = [];
    const faults: Fault[] = [
      { kind: 'reset' },
      { kind: 'reset-after-commit' },
      { kind: 'hang' },
      { kind: 'http', status: 502 },
      { kind: 'malformed' },
      { kind: 'respond', body: { ret: 200, data: { status: 0, result: 'not an object' } } },
    ];
    // Sign-in is the request that carries the access key.
    for (const fault of faults) {
      const client = h.makeClient();
      h.server.injectFault(LOGIN, fault);
      errors.push(await rejection(client.taskList()));
      h.server.clearFaults();
    }
    errors.push(await rejection(h.makeClient({ accessKey: 'wrong-key-1234' }).login()));
    // Every other request carries the token.
    await h.client.login();
    for (const fault of faults) {
      for (const key of [LIST, CREAT, ADD]) {
        h.server.injectFault(key, fault);
        errors.push(await rejection(h.client.taskList()).catch((error: unknown) => error));
        errors.push(
          await rejection(
            h.vendor.createTask({
              kind: 'predictive',
              name: `leak ${key} ${fault.kind}`,
              callees: callees(10_001),
              settings: SETTINGS,
            }),
          ),
        );
        h.server.clearFaults();
      }
    }
    const text = errors.map(everything).join('\n') + h.logger.text();
    const token = h.sim.tokenOf(ACCOUNT.appid);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(errors.length).toBeGreaterThan(40);
    expect(text).not.toContain(ACCOUNT.accesskey);
    expect(text).not.toContain(token);
  });

  it('not even when the server echoes them back in its messages', async () => {
    await h.client.login();
    const token = must(h.sim.tokenOf(ACCOUNT.appid));
    const errors: unknown[] = [];
    h.server.injectFault(
      LIST,
      { kind: 'respond', body: { ret: 400, data: [], msg: `bad token ${token}` } },
      { times: 1 },
    );
    errors.push(await rejection(h.client.taskList()));
    h.server.injectFault(
      CREAT,
      {
        kind: 'respond',
        body: {
          ret: 200,
          data: {
            status: 1,
            desc: `desc ${token}`,
            errors: { code: '1003', codemsg: `failed for ${token}` },
          },
          msg: '',
        },
      },
      { times: 1 },
    );
    errors.push(
      await rejection(
        h.vendor.createTask({
          kind: 'predictive',
          name: 'echo',
          callees: callees(2),
          settings: SETTINGS,
        }),
      ),
    );
    h.server.injectFault(
      LOGIN,
      {
        kind: 'respond',
        body: { ret: 601, data: [], msg: `appid with key ${ACCOUNT.accesskey} refused` },
      },
      { times: 1 },
    );
    errors.push(await rejection(h.makeClient().login()));
    h.server.injectFault(
      LOGIN,
      {
        kind: 'respond',
        body: {
          ret: 200,
          data: {
            status: 1,
            desc: 'x',
            errors: { code: '1003', codemsg: `key ${ACCOUNT.accesskey} wrong` },
          },
          msg: '',
        },
      },
      { times: 1 },
    );
    errors.push(await rejection(h.makeClient().login()));

    const text = errors.map(everything).join('\n') + h.logger.text();
    expect(text).toContain('bad token ***'); // the message is kept, only the secret is masked
    expect(text).not.toContain(token);
    expect(text).not.toContain(ACCOUNT.accesskey);
  });
});
