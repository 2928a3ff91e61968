import { useState } from 'react';
import type { Locale } from '../../../shared/domain/locale';
import type { Backup, StorageState } from '../../../shared/domain/storage';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useI18n, type Translate } from '../../i18n/i18n';
import { call, errorMessage } from '../../ipc/client';

type Damaged = Extract<StorageState, { state: 'damaged' }>;

type Phase =
  | { readonly kind: 'choosing' }
  | { readonly kind: 'working' }
  | { readonly kind: 'restarting' }
  | { readonly kind: 'reopen' }
  | { readonly kind: 'failed'; readonly message: string };

/** A backup's day in the person's language (the day is a UTC date, so shown in UTC). */
function dayText(takenOn: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${takenOn}T00:00:00Z`),
  );
}

function sizeText(bytes: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(bytes / 1024 / 1024);
}

/** What the check found, in words. */
function foundText(state: Damaged, t: Translate): string {
  const { problem } = state;
  if (problem.kind === 'unreadable') return t('storage.found.unreadable');
  if (problem.areas.length === 0) return t('storage.found.damagedSomewhere');
  return t('storage.found.damaged', {
    problems: problem.problems,
    areas: problem.areas.map((area) => t(`storage.area.${area}`)).join(t('storage.areaSeparator')),
  });
}

/**
 * Waits until main answers from a new start (the relaunch after a recovery was chosen): its
 * state is sound, or damaged as found at another time. The Electron window closes before; the
 * browser host answers once its new core is up.
 */
async function nextStart(previous: Damaged): Promise<StorageState> {
  for (;;) {
    try {
      const state = await call('storage.status', {});
      if (state.state === 'ok' || state.foundAt !== previous.foundAt) return state;
    } catch {
      // Main is restarting: ask again.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The recovery screen: shown instead of the app when the database is damaged. Says what the
 * start-up check found, offers the newest backup (or another one), or an empty start; the
 * damaged file is kept either way.
 */
export function RecoveryScreen(props: {
  readonly state: Damaged;
  readonly onStateChange: (state: StorageState) => void;
}) {
  const { t, locale } = useI18n();
  const { state } = props;
  const [chosen, setChosen] = useState<Backup['id'] | null>(state.backups[0]?.id ?? null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const chosenBackup = state.backups.find((backup) => backup.id === chosen) ?? null;
  const busy = phase.kind === 'working' || phase.kind === 'restarting' || phase.kind === 'reopen';

  const recover = async (request: () => Promise<{ restarting: boolean }>) => {
    setConfirmEmpty(false);
    setPhase({ kind: 'working' });
    try {
      const { restarting } = await request();
      if (!restarting) {
        setPhase({ kind: 'reopen' });
        return;
      }
      setPhase({ kind: 'restarting' });
      props.onStateChange(await nextStart(state));
    } catch (error) {
      setPhase({ kind: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <div className="db-recovery">
      <section className="db-recovery-card" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('storage.title')}</h1>
        <p role="alert">{foundText(state, t)}</p>
        {state.restoreFailed && <p className="notice">{t('storage.restoreFailed')}</p>}
        <p>{t('storage.kept', { name: state.keptAs })}</p>

        <h2>{t('storage.backups.title')}</h2>
        {state.backups.length === 0 ? (
          <p>{t('storage.backups.none')}</p>
        ) : (
          <>
            <p className="muted">{t('storage.backups.about')}</p>
            <fieldset className="db-recovery-backups" disabled={busy}>
              <legend>{t('storage.backups.label')}</legend>
              {state.backups.map((backup, index) => (
                <label key={backup.id}>
                  <input
                    type="radio"
                    name="backup"
                    value={backup.id}
                    checked={chosen === backup.id}
                    onChange={() => setChosen(backup.id)}
                  />
                  {t('storage.backups.item', {
                    date: dayText(backup.takenOn, locale),
                    size: sizeText(backup.sizeBytes, locale),
                  })}
                  {index === 0 && <span className="badge">{t('storage.backups.newest')}</span>}
                </label>
              ))}
            </fieldset>
          </>
        )}

        <div className="db-recovery-actions">
          {chosenBackup && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                void recover(() => call('storage.restore', { backupId: chosenBackup.id }))
              }
            >
              {t('storage.restore', { date: dayText(chosenBackup.takenOn, locale) })}
            </button>
          )}
          <button
            type="button"
            className={state.backups.length === 0 ? 'primary' : undefined}
            disabled={busy}
            onClick={() => setConfirmEmpty(true)}
          >
            {t('storage.startEmpty')}
          </button>
        </div>
        <p role="status" className="form-status">
          {phase.kind === 'working' && t('storage.working')}
          {phase.kind === 'restarting' && t('storage.restarting')}
          {phase.kind === 'reopen' && t('storage.reopen')}
        </p>
        {phase.kind === 'failed' && (
          <p role="alert" className="form-failure">
            {t('storage.failed', { message: phase.message })}
          </p>
        )}
      </section>
      {confirmEmpty && (
        <ConfirmDialog
          title={t('storage.startEmpty.title')}
          body={<p>{t('storage.startEmpty.body', { name: state.keptAs })}</p>}
          confirmLabel={t('storage.startEmpty.confirm')}
          cancelLabel={t('storage.cancel')}
          danger
          onConfirm={() => void recover(() => call('storage.startEmpty', {}))}
          onCancel={() => setConfirmEmpty(false)}
        />
      )}
    </div>
  );
}
