import { useCallback, useEffect, useState } from 'react';
import type { UpdateState } from '../../../shared/domain/update';
import { call, errorMessage, useEvent } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/**
 * "A new version is ready — restart to update", with the Restart button, once main has
 * downloaded an update and verified its signature; and, in words, an update that was refused
 * because its signature did not verify. Nothing installs until the button is clicked.
 */
export function UpdateNotice() {
  const { t, locale } = useI18n();
  const [state, setState] = useState<UpdateState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** The refusal the person has read (hidden until another one comes). */
  const [readRefusal, setReadRefusal] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const answer = await call('updates.state', {});
        if (current) setState(answer);
      } catch {
        // Main answers from memory: this fails only when main is unreachable, which every
        // screen already reports in its own words. There is then nothing to offer.
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, []);

  const onChanged = useCallback((next: UpdateState) => {
    setState(next);
    setFailure(null);
  }, []);
  useEvent('updates.changed', onChanged);

  const restart = async () => {
    setFailure(null);
    try {
      await call('updates.install', {});
    } catch (error) {
      setFailure(t('updates.installFailed', { message: errorMessage(error) }));
    }
  };

  if (state === null) return null;
  if (state.state === 'ready' || state.state === 'installing') {
    const installing = state.state === 'installing';
    return (
      <section
        className="notice update-notice"
        role="status"
        aria-labelledby="update-notice-title"
        data-testid="update-notice"
        data-state={state.state}
      >
        <h2 id="update-notice-title">{t('updates.ready.title')}</h2>
        <p>
          {installing
            ? t('updates.installing', { version: state.version })
            : t('updates.ready.body', { version: state.version })}
        </p>
        {failure && (
          <p className="form-failure" role="alert">
            {failure}
          </p>
        )}
        <button
          type="button"
          className="primary"
          disabled={installing}
          onClick={() => void restart()}
        >
          {t('updates.ready.restart')}
        </button>
      </section>
    );
  }
  if (state.state === 'error' && state.failure === 'signature' && readRefusal !== state.at) {
    return (
      <section
        className="notice update-notice"
        role="alert"
        aria-labelledby="update-notice-title"
        data-testid="update-notice"
        data-state="refused"
      >
        <h2 id="update-notice-title">{t('updates.refused.title')}</h2>
        <p>{state.message[locale]}</p>
        <button type="button" onClick={() => setReadRefusal(state.at)}>
          {t('updates.refused.dismiss')}
        </button>
      </section>
    );
  }
  return null;
}
