import { useEffect, useState } from 'react';
import type {
  DraftCompliance,
  ExclusionView,
  ZoneGroupView,
} from '../../../shared/domain/compliance';
import type { Draft } from '../../../shared/domain/draft';
import type { PreflightReport } from '../../../shared/domain/preflight';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

const PAGE_SIZE = 100;

/**
 * The compliance part of the review (issue 17): what the do-not-call lists and the history rule
 * leave out (and which numbers), the recipients by time zone with their local times, the zone
 * choices the app will not guess, the split into one task per zone, and the report to export.
 *
 * Every choice made here is a change to the draft (`onChange`), saved with it and reviewed again.
 */
export function ComplianceReview(props: {
  report: PreflightReport;
  draft: Draft;
  onChange: (next: DraftCompliance) => void;
}) {
  const { t, locale } = useI18n();
  // Kept as numbers and a path (not a sentence) so the notice follows a change of language.
  const [exported, setExported] = useState<{ rows: number; path: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { compliance } = props.report;
  const value = props.draft.compliance;
  const draftId = props.draft.id;
  if (!compliance) return null;
  const count = (n: number) => n.toLocaleString(locale);
  const excludedTotal = compliance.excluded.dnc + compliance.excluded.recentCall;

  const exportReport = async () => {
    setExported(null);
    setFailure(null);
    try {
      const result = await call('compliance.exportReport', { draftId });
      if (result.path) setExported({ rows: result.rows, path: result.path });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <section
      className="compliance-review"
      aria-labelledby="compliance-review-title"
      data-testid="compliance-review"
    >
      <h2 id="compliance-review-title">{t('compliance.review.title')}</h2>
      <p>{compliance.text[locale]}</p>
      <dl className="compliance-counts" data-testid="compliance-counts">
        <div data-count="dnc">
          <dt>{t('compliance.review.excluded.dnc')}</dt>
          <dd>{count(compliance.excluded.dnc)}</dd>
        </div>
        <div data-count="recent-call">
          <dt>
            {compliance.recentCallDays > 0
              ? t('compliance.review.excluded.recent', { days: compliance.recentCallDays })
              : t('compliance.review.excluded.recentOff')}
          </dt>
          <dd>{count(compliance.excluded.recentCall)}</dd>
        </div>
        <div data-count="to-send">
          <dt>{t('compliance.review.toSend')}</dt>
          <dd>{count(compliance.toSend)}</dd>
        </div>
      </dl>
      {compliance.excluded.recentCall > 0 && (
        <div className="include-recent">
          <label className="radio">
            <input
              id="include-recent-calls"
              type="checkbox"
              checked={value.includeRecentCalls}
              onChange={(event) =>
                props.onChange({ ...value, includeRecentCalls: event.target.checked })
              }
            />
            {t('compliance.review.includeRecent')}
          </label>
          {value.includeRecentCalls && (
            <p className="field-hint" data-testid="include-recorded">
              {t('compliance.review.includeRecent.recorded')}
            </p>
          )}
        </div>
      )}
      {excludedTotal > 0 ? (
        <Exclusions draftId={draftId} reviewedAt={props.report.generatedAt} />
      ) : (
        <p className="muted">{t('compliance.review.none')}</p>
      )}
      <p className="muted">
        {t('compliance.review.versions', {
          dnc: compliance.dncVersion,
          history: compliance.historyVersion,
        })}
      </p>
      {compliance.zones.length > 0 && (
        <ZoneGroups zones={compliance.zones} value={value} onChange={props.onChange} />
      )}
      <label className="radio split-toggle">
        <input
          id="review-split-by-zone"
          type="checkbox"
          checked={value.splitByZone}
          onChange={(event) => props.onChange({ ...value, splitByZone: event.target.checked })}
        />
        {t('compliance.review.split')}
      </label>
      {compliance.split && compliance.split.length > 0 && (
        <div
          className="table-scroll"
          role="region"
          aria-label={t('compliance.review.split.title')}
          tabIndex={0}
        >
          <table className="data-table" data-testid="split-tasks">
            <caption>{t('compliance.review.split.title')}</caption>
            <thead>
              <tr>
                <th>{t('compliance.review.col.task')}</th>
                <th>{t('compliance.review.col.zone')}</th>
                <th className="num">{t('compliance.review.col.count')}</th>
                <th>{t('compliance.review.col.localStart')}</th>
                <th>{t('compliance.review.col.vendor')}</th>
              </tr>
            </thead>
            <tbody>
              {compliance.split.map((task) => (
                <tr key={task.name} data-split-zone={task.zone}>
                  <td className="wrap">{task.name}</td>
                  <td>{zoneName(task.zone)}</td>
                  <td className="num">{count(task.count)}</td>
                  <td className="when">{task.localStart}</td>
                  <td className="wrap">{task.vendorSchedule[locale]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => void exportReport()}>
          {t('compliance.review.export')}
        </button>
      </div>
      {exported && (
        <p className="notice" role="status" data-testid="compliance-exported">
          {t('compliance.review.exported', { rows: count(exported.rows), path: exported.path })}
        </p>
      )}
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

/** `America/Los_Angeles` → `America/Los Angeles`. */
function zoneName(zone: string): string {
  return zone.replace(/_/g, ' ');
}

/** The zone groups: count, local start and expected end, the window check, zone choices. */
function ZoneGroups(props: {
  zones: readonly ZoneGroupView[];
  value: DraftCompliance;
  onChange: (next: DraftCompliance) => void;
}) {
  const { t, locale } = useI18n();
  const { value } = props;
  const choose = (key: string, zone: string) => {
    const others = Object.fromEntries(
      Object.entries(value.zoneChoices).filter(([other]) => other !== key),
    );
    props.onChange({ ...value, zoneChoices: zone === '' ? others : { ...others, [key]: zone } });
  };
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={t('compliance.review.zones')}
      tabIndex={0}
    >
      <table className="data-table zone-groups" data-testid="zone-groups">
        <caption>{t('compliance.review.zones')}</caption>
        <thead>
          <tr>
            <th>
              {t('compliance.review.col.zone')} · {t('compliance.review.col.country')}
            </th>
            <th className="num">{t('compliance.review.col.count')}</th>
            <th>{t('compliance.review.col.localStart')}</th>
            <th>{t('compliance.review.col.localEnd')}</th>
            <th>{t('compliance.review.col.check')}</th>
          </tr>
        </thead>
        <tbody>
          {props.zones.map((group) => {
            const choosable =
              group.zones.length > 1 && (group.needsChoice || group.key in value.zoneChoices);
            const country = group.country
              ? countryName(group.country, locale)
              : t('compliance.review.zone.unknown');
            return (
              <tr
                key={group.key}
                data-zone-key={group.key}
                data-zone={group.zone ?? ''}
                className={
                  group.needsChoice
                    ? 'zone-needs-choice'
                    : group.outsideWindow
                      ? 'outside-window'
                      : undefined
                }
              >
                <td className="wrap">
                  {choosable ? (
                    <>
                      <select
                        value={value.zoneChoices[group.key] ?? ''}
                        aria-label={t('compliance.review.zone.choose.label', {
                          count: group.count.toLocaleString(locale),
                          country,
                        })}
                        onChange={(event) => choose(group.key, event.target.value)}
                      >
                        <option value="">{t('compliance.review.zone.choose')}</option>
                        {group.zones.map((zone) => (
                          <option key={zone} value={zone}>
                            {zoneName(zone)}
                          </option>
                        ))}
                      </select>
                      {group.needsChoice && (
                        <p className="field-error">{t('compliance.review.zone.needsChoice')}</p>
                      )}
                    </>
                  ) : (
                    zoneName(group.zone ?? t('compliance.review.zone.unknown'))
                  )}
                  {/* The country under the zone keeps the table narrow enough for the panel. */}
                  <span className="zone-country">{country}</span>
                </td>
                <td className="num">{group.count.toLocaleString(locale)}</td>
                <td className="when">{group.localStart ?? '—'}</td>
                <td className="when">{group.localEnd ?? '—'}</td>
                <td className="wrap">
                  {group.needsChoice
                    ? '—'
                    : group.outsideWindow
                      ? t('compliance.review.zone.outside')
                      : t('compliance.review.zone.inside')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

/** "Show which numbers": the excluded numbers, a page at a time. */
function Exclusions(props: { draftId: string; reviewedAt: string }) {
  const { t, locale } = useI18n();
  const [shown, setShown] = useState(false);
  const [items, setItems] = useState<readonly ExclusionView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { draftId, reviewedAt } = props;

  // Each new review (e.g. after "include anyway") reads the numbers again from the first page.
  useEffect(() => {
    if (!shown) return;
    let current = true;
    const first = async () => {
      try {
        const page = await call('compliance.exclusions', {
          draftId,
          after: null,
          limit: PAGE_SIZE,
        });
        if (!current) return;
        setItems(page.items);
        setNext(page.next);
        setFailure(null);
      } catch (error) {
        if (current) setFailure(errorMessage(error));
      }
    };
    void first();
    return () => {
      current = false;
    };
  }, [shown, draftId, reviewedAt]);

  const more = async (after: number) => {
    setBusy(true);
    setFailure(null);
    try {
      const page = await call('compliance.exclusions', { draftId, after, limit: PAGE_SIZE });
      setItems((seen) => [...seen, ...page.items]);
      setNext(page.next);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="exclusions">
      <button type="button" className="link" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? t('compliance.review.hide') : t('compliance.review.show')}
      </button>
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      {shown && items.length > 0 && (
        <div
          className="table-scroll exclusions-scroll"
          role="region"
          aria-label={t('compliance.review.exclusions.label')}
          tabIndex={0}
        >
          <table className="data-table" data-testid="exclusions">
            <thead>
              <tr>
                <th>{t('compliance.review.col.number')}</th>
                <th>{t('compliance.review.col.rule')}</th>
                <th>{t('compliance.review.col.dncList')}</th>
                <th>{t('compliance.review.col.lastCalled')}</th>
                <th>{t('compliance.review.col.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr
                  key={`${item.rule}-${item.seq}`}
                  data-phone={item.phone}
                  data-rule={item.rule}
                  data-included={item.included}
                >
                  <td>{item.phone}</td>
                  <td>{t(`compliance.review.rule.${item.rule}`)}</td>
                  <td>{item.dncList ?? ''}</td>
                  <td>
                    {item.lastCalledAt ? new Date(item.lastCalledAt).toLocaleString(locale) : ''}
                  </td>
                  <td>
                    {item.included
                      ? t('compliance.review.outcome.included')
                      : t('compliance.review.outcome.excluded')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown && next !== null && (
        <button type="button" disabled={busy} onClick={() => void more(next)}>
          {t('compliance.review.more')}
        </button>
      )}
    </div>
  );
}
