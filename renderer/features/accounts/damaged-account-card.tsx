import { useState } from 'react';
import type {
  AccountField,
  AccountProblem,
  DamagedAccount,
} from '../../../shared/domain/damaged-account';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { call, errorMessage } from '../../ipc/client';
import { useI18n, type Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/en';

const FIELD_LABEL: Readonly<Record<AccountField, MessageKey>> = {
  entry: 'accounts.damaged.field.entry',
  id: 'accounts.damaged.field.id',
  name: 'accounts.field.name',
  vendor: 'accounts.field.vendor',
  connection: 'accounts.damaged.field.connection',
  brand: 'accounts.field.brand',
  apiKey: 'accounts.field.apiKey',
  baseUrl: 'accounts.field.baseUrl',
  allowUnencrypted: 'accounts.damaged.field.allowUnencrypted',
  appId: 'accounts.field.appId',
  countryCode: 'accounts.field.countryCode',
  displayNumber: 'accounts.field.displayNumber',
  serverUrl: 'accounts.field.serverUrl',
  appid: 'accounts.field.appid',
  queue: 'accounts.field.queue',
  homeCountry: 'accounts.field.homeCountry',
  internationalPrefix: 'accounts.field.internationalPrefix',
  serverZone: 'accounts.field.serverZone',
  details: 'accounts.damaged.field.details',
};

/** One problem of a damaged entry, in words. */
export function problemText(t: Translate, problem: AccountProblem): string {
  return t(`accounts.damaged.problem.${problem.kind}`, {
    field: t(FIELD_LABEL[problem.field]),
    max: problem.max ?? '',
  });
}

/** A stored account this version cannot use: what is wrong, and repair or remove. */
export function DamagedAccountCard(props: { damaged: DamagedAccount; onRepair: () => void }) {
  const { t } = useI18n();
  const { damaged } = props;
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const title = damaged.name ?? t('accounts.damaged.unnamed');

  const remove = async () => {
    setRemoving(true);
    setFailure(null);
    try {
      await call('accounts.removeDamaged', { key: damaged.key });
    } catch (error) {
      setFailure(errorMessage(error));
      setRemoving(false);
      setConfirming(false);
    }
  };

  return (
    <article
      className="card account-card damaged"
      data-damaged-key={damaged.key}
      aria-label={title}
    >
      <header className="account-head">
        <h2>{title}</h2>
        <span className="badge damaged">{t('accounts.damaged.badge')}</span>
        {damaged.vendor && (
          <span className="badge">
            {t(
              damaged.vendor === 'yccall'
                ? 'accounts.vendor.yccall'
                : damaged.fields['brand'] === 'onbuka'
                  ? 'accounts.vendor.onbuka'
                  : 'accounts.vendor.itniotech',
            )}
          </span>
        )}
      </header>
      <p>{t('accounts.damaged.explain')}</p>
      <h3>{t('accounts.damaged.problems')}</h3>
      <ul className="damaged-problems" data-testid="damaged-problems">
        {damaged.problems.map((problem) => (
          <li key={`${problem.field}:${problem.kind}`}>{problemText(t, problem)}</li>
        ))}
      </ul>
      {damaged.hasId && !damaged.demo && (
        <p className="muted">{t('accounts.damaged.secretKept')}</p>
      )}
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="card-actions">
        <button type="button" className="primary" onClick={props.onRepair}>
          {t('accounts.damaged.repair')}
        </button>
        <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>
          {t('accounts.damaged.remove')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('accounts.damaged.remove.title')}
          body={<p>{t('accounts.damaged.remove.body')}</p>}
          confirmLabel={t('accounts.damaged.remove.confirm')}
          cancelLabel={t('accounts.form.cancel')}
          danger
          busy={removing}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </article>
  );
}
