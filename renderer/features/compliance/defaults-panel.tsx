import { useEffect, useMemo, useState } from 'react';
import type { ComplianceSettings } from '../../../shared/domain/compliance';
import { COUNTRY_ZONES } from '../../../shared/compliance/zone-data';
import { countryLabel } from '../../components/countries';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { failure, notice, OutcomeLine, problem, type Outcome } from './outcome';
import { WindowInputs } from './window-inputs';

/** Settings → the defaults of new campaigns, and the blackout dates per country. */
export function DefaultsPanel() {
  const { t } = useI18n();
  const [settings, setSettings] = useState<ComplianceSettings | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const loaded = await call('compliance.settings', {});
        if (current) setSettings(loaded);
      } catch (error) {
        if (current) setLoadFailure(errorMessage(error));
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, []);

  /** Saves the whole settings object; main's answer is what is shown from then on. */
  const save = async (next: ComplianceSettings): Promise<void> => {
    setSettings(await call('compliance.setSettings', next));
  };

  if (loadFailure)
    return (
      <p className="form-failure" role="alert">
        {loadFailure}
      </p>
    );
  if (!settings) return <p className="muted">{t('compliance.loading')}</p>;
  return (
    <div className="compliance-defaults">
      <DefaultsForm settings={settings} save={save} />
      <BlackoutDates settings={settings} save={save} />
    </div>
  );
}

function DefaultsForm(props: {
  settings: ComplianceSettings;
  save: (next: ComplianceSettings) => Promise<void>;
}) {
  const { t } = useI18n();
  // What the manager types stays in the form until it is saved or replaced by main's answer.
  const [days, setDays] = useState(String(props.settings.recentCallDays));
  const [callingWindow, setCallingWindow] = useState(props.settings.callingWindow);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const submit = async () => {
    const parsed = Number(days);
    if (!/^\d+$/.test(days.trim()) || parsed > 365) {
      setOutcome(problem('compliance.defaults.badDays'));
      return;
    }
    if (callingWindow.start === '' || callingWindow.end === '') {
      setOutcome(problem('compliance.defaults.badTime'));
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      await props.save({ ...props.settings, recentCallDays: parsed, callingWindow });
      setOutcome(notice('compliance.defaults.saved'));
    } catch (error) {
      setOutcome(failure(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card"
      aria-labelledby="compliance-defaults-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id="compliance-defaults-title">{t('compliance.defaults.title')}</h2>
      <p className="muted">{t('compliance.defaults.body')}</p>
      <div className="form-row">
        <label htmlFor="compliance-recent-days">{t('compliance.defaults.recentDays')}</label>
        <span className="inline">
          <input
            id="compliance-recent-days"
            className="narrow"
            inputMode="numeric"
            value={days}
            aria-describedby="compliance-recent-days-hint"
            onChange={(event) => setDays(event.target.value)}
          />
          <span>{t('compliance.defaults.recentDays.unit')}</span>
        </span>
        <p className="field-hint" id="compliance-recent-days-hint">
          {t('compliance.defaults.recentDays.hint')}
        </p>
      </div>
      <div className="form-row">
        <span className="label" id="compliance-window-label">
          {t('compliance.defaults.window')}
        </span>
        <WindowInputs
          idPrefix="compliance-window"
          labelledBy="compliance-window-label"
          value={callingWindow}
          onChange={setCallingWindow}
        />
        <p className="field-hint">{t('compliance.defaults.window.hint')}</p>
      </div>
      <OutcomeLine outcome={outcome} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('compliance.save')}
        </button>
      </div>
    </form>
  );
}

function BlackoutDates(props: {
  settings: ComplianceSettings;
  save: (next: ComplianceSettings) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const [country, setCountry] = useState('US');
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const countries = useMemo(
    () =>
      Object.keys(COUNTRY_ZONES)
        .filter((code) => code !== 'AQ')
        .map((code) => ({ code, label: countryLabel(code, locale) }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [locale],
  );
  const { blackoutDates } = props.settings;
  const named = (code: string) => countryLabel(code, locale);

  const change = async (code: string, dates: readonly string[], said: Outcome) => {
    setBusy(true);
    setOutcome(null);
    const others = Object.fromEntries(
      Object.entries(blackoutDates).filter(([other]) => other !== code),
    );
    try {
      await props.save({
        ...props.settings,
        blackoutDates: dates.length > 0 ? { ...others, [code]: [...dates].sort() } : others,
      });
      setOutcome(said);
    } catch (error) {
      setOutcome(failure(error));
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    if (date === '') {
      setOutcome(problem('compliance.blackout.chooseDate'));
      return;
    }
    const dates = blackoutDates[country] ?? [];
    if (dates.includes(date)) {
      setOutcome(problem('compliance.blackout.duplicate', { date, country }));
      return;
    }
    await change(country, [...dates, date], notice('compliance.blackout.added', { date, country }));
  };

  const entries = Object.entries(blackoutDates).sort(([a], [b]) =>
    named(a).localeCompare(named(b), locale),
  );
  return (
    <section className="card" aria-labelledby="compliance-blackout-title">
      <h2 id="compliance-blackout-title">{t('compliance.blackout.title')}</h2>
      <p className="muted">{t('compliance.blackout.body')}</p>
      <form
        className="inline blackout-add"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label htmlFor="blackout-country">{t('compliance.blackout.country')}</label>
        <select
          id="blackout-country"
          value={country}
          onChange={(event) => setCountry(event.target.value)}
        >
          {countries.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </select>
        <label htmlFor="blackout-date">{t('compliance.blackout.date')}</label>
        <input
          id="blackout-date"
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
        <button type="submit" disabled={busy}>
          {t('compliance.blackout.add')}
        </button>
      </form>
      <OutcomeLine outcome={outcome} />
      {entries.length === 0 ? (
        <p className="muted">{t('compliance.blackout.empty')}</p>
      ) : (
        <dl className="blackout-list" data-testid="blackout-dates">
          {entries.map(([code, dates]) => (
            <div key={code} className="blackout-country" data-country={code}>
              <dt>{named(code)}</dt>
              <dd>
                <ul>
                  {dates.map((day) => (
                    <li key={day}>
                      <span>{day}</span>
                      <button
                        type="button"
                        className="link"
                        disabled={busy}
                        aria-label={t('compliance.blackout.remove', { date: day })}
                        onClick={() =>
                          void change(
                            code,
                            dates.filter((other) => other !== day),
                            notice('compliance.blackout.removed', { date: day, country: code }),
                          )
                        }
                      >
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
