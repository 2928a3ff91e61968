import { useState } from 'react';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'collecting' }
  | { readonly kind: 'copied' }
  | { readonly kind: 'copy-failed' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Copy diagnostics": main builds the report (`app.diagnostics`, secrets masked there), this puts
 * it on the clipboard with the standard Clipboard API and shows it read-only, so it can also be
 * selected and copied by hand when the clipboard refuses.
 */
export function DiagnosticsPanel() {
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const copy = async () => {
    setStatus({ kind: 'collecting' });
    let report: string;
    try {
      report = (await call('app.diagnostics', {})).text;
    } catch (error) {
      setStatus({ kind: 'failed', message: errorMessage(error) });
      return;
    }
    setText(report);
    try {
      await navigator.clipboard.writeText(report);
      setStatus({ kind: 'copied' });
    } catch {
      // No clipboard (a denied permission, an unfocused window): the text below is still there.
      setStatus({ kind: 'copy-failed' });
    }
  };

  return (
    <section className="card diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('about.diagnostics.title')}</h2>
      <p>{t('about.diagnostics.body')}</p>
      <div className="card-actions">
        <button
          type="button"
          className="primary"
          data-testid="copy-diagnostics"
          disabled={status.kind === 'collecting'}
          onClick={() => void copy()}
        >
          {t('about.diagnostics.copy')}
        </button>
      </div>
      <p
        className="form-status"
        role="status"
        data-testid="diagnostics-status"
        data-state={status.kind}
      >
        {status.kind === 'collecting' && t('about.diagnostics.collecting')}
        {status.kind === 'copied' && t('about.diagnostics.copied')}
      </p>
      {status.kind === 'copy-failed' && (
        <p className="form-failure" role="alert">
          {t('about.diagnostics.copyFailed')}
        </p>
      )}
      {status.kind === 'failed' && (
        <p className="form-failure" role="alert">
          {t('about.diagnostics.failed', { message: status.message })}
        </p>
      )}
      {text !== null && (
        <textarea
          className="diagnostics-text"
          data-testid="diagnostics-text"
          aria-label={t('about.diagnostics.text')}
          readOnly
          spellCheck={false}
          rows={16}
          value={text}
          onFocus={(event) => event.currentTarget.select()}
        />
      )}
    </section>
  );
}
