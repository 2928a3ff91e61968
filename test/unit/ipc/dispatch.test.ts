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
      throw new AppError('NOT_FOUND', { en: 'No such thing.', 'zh-CN': '没有这个。' }, { id: 'x' });
    };
    const en = withHandler({ 'settings.get': failing });
    expect(await en.dispatch('settings.get', {}, noSignal)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such thing.', details: { id: 'x' } },
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
