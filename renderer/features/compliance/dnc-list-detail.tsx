import { useCallback, useEffect, useState } from 'react';
import type { DncListView } from '../../../shared/domain/compliance';
import type { ListSummary } from '../../../shared/domain/list';
import { COUNTRIES, countryLabel } from '../../components/countries';
import type { Section } from '../../app/routes';
import { call } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';
import { DncEntries } from './dnc-entries';
import { failure, notice, OutcomeLine, problem, type Outcome } from './outcome';
import { ScopeFields, scopeDraftOf, scopeOf, scopeText, type ScopeDraft } from './scope-fields';
import { useAccounts } from '../../app/accounts-state';

/** One do-not-call list: its name and scope, adding numbers, and its numbers a page at a time. */
export function DncListDetail(props: {
  list: DncListView;
  onBack: () => void;
  onChanged: () => void;
  onDelete: () => void;
  go: (section: Section) => void;
}) {
  const { t, locale } = useI18n();
  const { list } = props;
  const [outcome, setOutcome] = useState<Outcome>(null);
  // The entries page reloads from the first page after every change to the list.
  const [entriesVersion, setEntriesVersion] = useState(0);

  const changed = (said: Outcome) => {
    setOutcome(said);
    setEntriesVersion((n) => n + 1);
    props.onChanged();
  };
  const failed = useCallback((error: unknown) => setOutcome(failure(error)), []);

  return (
    <div className="dnc-detail" data-testid="dnc-detail">
      <div className="page-actions">
        <button type="button" onClick={props.onBack}>
          {t('compliance.dnc.back')}
        </button>
        <span className="muted">
          {t('compliance.dnc.summary', {
            count: list.entryCount.toLocaleString(locale),
            version: list.version,
          })}
        </span>
      </div>
      <OutcomeLine outcome={outcome} />
      <div className="dnc-detail-grid">
        <div>
          <section className="card" aria-labelledby="dnc-settings-title">
            <h2 id="dnc-settings-title">{list.name}</h2>
            <NameForm list={list} onSaved={changed} onFailed={failed} />
            <ScopeForm list={list} onSaved={changed} onFailed={failed} />
            <div className="form-actions">
              <button type="button" className="danger-outline" onClick={props.onDelete}>
                {t('compliance.dnc.delete')}
              </button>
            </div>
          </section>
          <DncEntries
            key={`${list.id}-${entriesVersion}`}
            list={list}
            onRemoved={(number) => changed(notice('compliance.entries.removed', { number }))}
            onFailed={failed}
          />
        </div>
        <section className="card" aria-labelledby="dnc-add-title">
          <h2 id="dnc-add-title">{t('compliance.add.title')}</h2>
          <AddNumberForm list={list} onAdded={changed} onFailed={failed} />
          <h2 className="subsection">{t('compliance.imported.title')}</h2>
          <ImportedListForm list={list} onAdded={changed} onFailed={failed} go={props.go} />
        </section>
      </div>
    </div>
  );
}

function NameForm(props: {
  list: DncListView;
  onSaved: (said: Outcome) => void;
  onFailed: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(props.list.name);
  const [busy, setBusy] = useState(false);
  const rename = async () => {
    setBusy(true);
    try {
      const saved = await call('compliance.updateDncList', {
        id: props.list.id,
        name: name.trim(),
      });
      props.onSaved(notice('compliance.dnc.renamed', { name: saved.name }));
    } catch (error) {
      props.onFailed(error);
    } finally {
      setBusy(false);
    }
  };
  const unchanged = name.trim() === props.list.name || name.trim() === '';
  return (
    <form
      className="form-row"
      onSubmit={(event) => {
        event.preventDefault();
        void rename();
      }}
    >
      <label htmlFor="dnc-name">{t('compliance.dnc.field.name')}</label>
      <span className="inline">
        <input
          id="dnc-name"
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={busy || unchanged}>
          {t('compliance.dnc.rename')}
        </button>
      </span>
    </form>
  );
}

function ScopeForm(props: {
  list: DncListView;
  onSaved: (said: Outcome) => void;
  onFailed: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const { accounts } = useAccounts();
  const [scope, setScope] = useState<ScopeDraft>(() => scopeDraftOf(props.list.scope));
  const [busy, setBusy] = useState(false);
  const chosen = scopeOf(scope);
  const save = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      const saved = await call('compliance.updateDncList', { id: props.list.id, scope: chosen });
      props.onSaved(
        notice('compliance.dnc.scope.saved', { scope: scopeText(saved.scope, accounts, t) }),
      );
    } catch (error) {
      props.onFailed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <ScopeFields idPrefix="dnc-edit" value={scope} onChange={setScope} disabled={busy} />
      <div className="form-actions">
        <button type="submit" disabled={busy || chosen === null}>
          {t('compliance.dnc.scope.save')}
        </button>
      </div>
    </form>
  );
}

/** Expiry and source, shared by the two ways of adding numbers. */
function EntryExtras(props: {
  idPrefix: string;
  expiresOn: string;
  source: string;
  onExpiresOn: (value: string) => void;
  onSource: (value: string) => void;
}) {
  const { t } = useI18n();
  const sources = [t('compliance.add.source.customer'), t('compliance.add.source.registry')];
  return (
    <>
      <div className="form-row">
        <label htmlFor={`${props.idPrefix}-expires`}>{t('compliance.add.expires')}</label>
        <input
          id={`${props.idPrefix}-expires`}
          type="date"
          value={props.expiresOn}
          onChange={(event) => props.onExpiresOn(event.target.value)}
        />
        <p className="field-hint">{t('compliance.add.expires.hint')}</p>
      </div>
      <div className="form-row">
        <label htmlFor={`${props.idPrefix}-source`}>{t('compliance.add.source')}</label>
        <input
          id={`${props.idPrefix}-source`}
          value={props.source}
          maxLength={200}
          list={`${props.idPrefix}-sources`}
          onChange={(event) => props.onSource(event.target.value)}
        />
        <datalist id={`${props.idPrefix}-sources`}>
          {sources.map((source) => (
            <option key={source} value={source} />
          ))}
        </datalist>
        <p className="field-hint">{t('compliance.add.source.hint')}</p>
      </div>
    </>
  );
}

function AddNumberForm(props: {
  list: DncListView;
  onAdded: (said: Outcome) => void;
  onFailed: (error: unknown) => void;
}) {
  const { t, locale } = useI18n();
  const [number, setNumber] = useState('');
  const [country, setCountry] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setBusy(true);
    try {
      await call('compliance.addDncNumbers', {
        listId: props.list.id,
        entries: [
          {
            number: number.trim(),
            expiresOn: expiresOn === '' ? null : expiresOn,
            source: source.trim() === '' ? null : source.trim(),
          },
        ],
        defaultCountry: country === '' ? null : country,
      });
      // What was typed stays until it is saved; then the form is ready for the next number.
      props.onAdded(notice('compliance.add.done', { number: number.trim() }));
      setNumber('');
    } catch (error) {
      props.onFailed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <div className="form-row">
        <label htmlFor="dnc-add-number">{t('compliance.add.number')}</label>
        <input
          id="dnc-add-number"
          value={number}
          maxLength={40}
          inputMode="tel"
          autoComplete="off"
          onChange={(event) => setNumber(event.target.value)}
        />
        <p className="field-hint">{t('compliance.add.number.hint')}</p>
      </div>
      <div className="form-row">
        <label htmlFor="dnc-add-country">{t('compliance.add.country')}</label>
        <select
          id="dnc-add-country"
          value={country}
          onChange={(event) => setCountry(event.target.value)}
        >
          <option value="">{t('compliance.add.country.none')}</option>
          {COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {countryLabel(code, locale)}
            </option>
          ))}
        </select>
        <p />
      </div>
      <EntryExtras
        idPrefix="dnc-add"
        expiresOn={expiresOn}
        source={source}
        onExpiresOn={setExpiresOn}
        onSource={setSource}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || number.trim() === ''}>
          {t('compliance.add.submit')}
        </button>
      </div>
    </form>
  );
}

function ImportedListForm(props: {
  list: DncListView;
  onAdded: (said: Outcome) => void;
  onFailed: (error: unknown) => void;
  go: (section: Section) => void;
}) {
  const { t, locale } = useI18n();
  const [imported, setImported] = useState<readonly ListSummary[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const { onFailed } = props;

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const result = await call('lists.list', {});
        if (current) setImported(result.lists);
      } catch (error) {
        if (current) onFailed(error);
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [onFailed]);

  const add = async () => {
    const list = imported?.find((candidate) => candidate.id === chosen);
    if (!list) {
      props.onAdded(problem('compliance.imported.choose'));
      return;
    }
    setBusy(true);
    try {
      const result = await call('compliance.addImportedList', {
        listId: props.list.id,
        importedListId: list.id,
        expiresOn: expiresOn === '' ? null : expiresOn,
        source: source.trim() === '' ? null : source.trim(),
      });
      props.onAdded(notice('compliance.imported.done', { count: result.added, name: list.name }));
    } catch (error) {
      props.onFailed(error);
    } finally {
      setBusy(false);
    }
  };

  if (imported !== null && imported.length === 0)
    return (
      <p className="muted">
        {t('compliance.imported.none')}{' '}
        <button type="button" className="link" onClick={() => props.go('lists')}>
          {t('nav.lists')}
        </button>
      </p>
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <p className="muted">{t('compliance.imported.body')}</p>
      <div className="form-row">
        <label htmlFor="dnc-imported-list">{t('compliance.imported.list')}</label>
        <select
          id="dnc-imported-list"
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="">{t('drafts.choose')}</option>
          {(imported ?? []).map((list) => (
            <option key={list.id} value={list.id}>
              {t('compliance.imported.option', {
                name: list.name,
                count: (list.counts.valid + list.counts.fixed).toLocaleString(locale),
              })}
            </option>
          ))}
        </select>
        <p />
      </div>
      <EntryExtras
        idPrefix="dnc-imported"
        expiresOn={expiresOn}
        source={source}
        onExpiresOn={setExpiresOn}
        onSource={setSource}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || chosen === ''}>
          {t('compliance.imported.submit')}
        </button>
      </div>
    </form>
  );
}
