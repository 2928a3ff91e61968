import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../main/ipc/dispatch';
import { AppError } from '../../../main/services/errors';
import { noSignal, testCore } from '../../fakes/core';
import { MemoryLogger } from '../../fakes/memory-logger';

function withHandler(overrides: Partial<Handlers>, locale: 'en' | 'zh-CN' = 'en') {
  const { core } = testCore();
  const logger = new MemoryLogger();
  const handlers = { ...core.handlers, ...overrides } as Handlers;
  return { dispatch: createDispatcher(handlers, () => locale, logger), logger };
}

describe('the dispatcher', () => {
  it('turns an AppError into the envelope, in the user language', async () => {
    const failing = () => {
      throw new AppError(
        'NOT_FOUND',
        { en: 'No such thing.', 'zh-CN': '没有这个。' },
        { failure: 'listNotFound' },
      );
    };
    const en = withHandler({ 'settings.get': failing });
    expect(await en.dispatch('settings.get', {}, noSignal)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such thing.', details: { failure: 'listNotFound' } },
    });
    const zh = withHandler({ 'settings.get': failing }, 'zh-CN');
    expect(await zh.dispatch('settings.get', {}, noSignal)).toMatchObject({
      error: { message: '没有这个。' },
    });
  });

  it('hides unexpected errors behind INTERNAL, and logs them', async () => {
    const { dispatch, logger } = withHandler({
      'settings.get': () => {
        throw new Error('ENOENT /home/user/.secret-path');
      },
    });
    const result = await dispatch('settings.get', {}, noSignal);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).not.toContain('secret-path');
    expect(logger.text()).toContain('ENOENT');
  });

  it('refuses to send an answer outside the response schema (no stray fields reach the renderer)', async () => {
    const { dispatch } = withHandler({
      'settings.get': () => ({ theme: 'dark', language: 'en', apiSecret: 's3cr3t' }) as never,
    });
    const result = await dispatch('settings.get', {}, noSignal);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
  });

  it('never runs the handler when the request is invalid', async () => {
    let ran = false;
    const { dispatch } = withHandler({
      'settings.update': () => {
        ran = true;
        return { theme: 'dark', language: 'en' };
      },
    });
    await dispatch('settings.update', { patch: { theme: 'x' } }, noSignal);
    expect(ran).toBe(false);
  });
});

/** A list nested `depth` levels deep: `[[[…]]]`. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

const draftEdit = {
  id: 'draft-1',
  name: 'Spring promo',
  listId: null,
  schedule: { timeZone: null, sendAt: null, windows: [] },
  notes: '',
  revision: 1,
};

describe('the dispatcher under hostile requests', () => {
  it('answers a 5,000-deep list inside drafts.save with the envelope, in words', async () => {
    const { core } = testCore();
    for (const request of [
      { ...draftEdit, settings: { text: nested(5_000) } },
      { ...draftEdit, settings: { text: nested(100_000) } },
      nested(5_000),
    ]) {
      const result = await core.dispatch('drafts.save', request, noSignal);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!result.ok) {
        expect(result.error.message).not.toContain('drafts.save');
        expect(result.error.message).toContain('nested more than 32 levels');
      }
    }
  });

  it('answers deep nesting on an unknown channel and on every other channel with the envelope', async () => {
    const { core } = testCore('zh-CN');
    const unknown = await core.dispatch('no.such', nested(5_000), noSignal);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const zh = await core.dispatch('settings.update', { patch: nested(5_000) }, noSignal);
    expect(zh).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!zh.ok) expect(zh.error.message).toContain('嵌套层级超过 32 层');
  });

  it('refuses a request with too many values before any schema walks it', async () => {
    const { core } = testCore();
    const result = await core.dispatch(
      'tasks.search',
      { text: 'x', keys: Array.from({ length: 300_000 }, () => 1) },
      noSignal,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toContain('more than 250,000 values');
  });

  it('keeps the envelope when the locale, the handler or the logger itself throws', async () => {
    const { core } = testCore();
    const throwingLogger = new MemoryLogger();
    throwingLogger.error = () => {
      throw new Error('log down');
    };
    const cases = [
      createDispatcher(
        core.handlers,
        () => {
          throw new Error('no settings');
        },
        new MemoryLogger(),
      ),
      createDispatcher(
        {
          ...core.handlers,
          'settings.get': () => {
            throw 'a string, not an Error';
          },
        } as Handlers,
        () => 'en',
        throwingLogger,
      ),
    ];
    for (const dispatch of cases) {
      expect(await dispatch('settings.get', {}, noSignal)).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
    }
  });
});

describe('what an error may tell the renderer and the log', () => {
  it('sends only allow-listed details, as short plain values', async () => {
    const { dispatch } = withHandler({
      'settings.get': () => {
        throw new AppError(
          'VENDOR_REJECTED',
          { en: 'The vendor refused the task.', 'zh-CN': '服务商拒绝了该任务。' },
          {
            vendorCode: '-22',
            outcome: 'not-applied',
            vendorMessage: 'sign mismatch for key itnio-secret-abc',
            target: 'https://api.example.com/v3/cc/preview/submitTask',
            accountId: 'a-1',
            clockSkewSeconds: { minutes: 10 },
          },
        );
      },
    });
    const result = await dispatch('settings.get', {}, noSignal);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VENDOR_REJECTED',
        message: 'The vendor refused the task.',
        details: { vendorCode: '-22', outcome: 'not-applied' },
      },
    });
  });

  it('sends no details at all with INTERNAL, and drops long text and nested lists', async () => {
    const internal = withHandler({
      'settings.get': () => {
        throw new AppError('INTERNAL', { en: 'Broken.', 'zh-CN': '坏了。' }, { sql: 'SELECT 1' });
      },
    });
    const internalResult = await internal.dispatch('settings.get', {}, noSignal);
    expect(internalResult).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Broken.' },
    });
    const invalid = withHandler({
      'settings.get': () => {
        throw new AppError(
          'INVALID_INPUT',
          { en: 'Check the fields.', 'zh-CN': '请检查字段。' },
          { fields: ['concurrency', 'answerRate'], failure: 'x'.repeat(500), field: [{ a: 1 }] },
        );
      },
    });
    expect(await invalid.dispatch('settings.get', {}, noSignal)).toMatchObject({
      error: { details: { fields: ['concurrency', 'answerRate'] } },
    });
    const result = await invalid.dispatch('settings.get', {}, noSignal);
    if (!result.ok) expect(Object.keys(result.error.details ?? {})).toEqual(['fields']);
  });

  it('logs a plain error by its name and a scrubbed message, never the secret in it', async () => {
    const secrets = [
      'pa55word',
      'ak-secret-1234',
      '0123456789abcdef0123456789abcdef',
      'tok-998877',
    ];
    const { dispatch, logger } = withHandler({
      'settings.get': () => {
        throw new TypeError(
          `fetch failed: https://admin:${secrets[0]}@10.0.0.5/api?accesskey=${secrets[1]}&sign=${secrets[2]} token: ${secrets[3]}`,
        );
      },
    });
    const result = await dispatch('settings.get', {}, noSignal);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const text = logger.text();
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('TypeError');
    expect(text).toContain('fetch failed: https://[secret]@10.0.0.5/api?accesskey=[secret]');
    expect(JSON.stringify(result)).not.toContain('10.0.0.5');
  });
});
