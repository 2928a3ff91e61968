import type { TaskHistory } from '../../../shared/domain/board';
import { useI18n } from '../../i18n/i18n';

const WIDTH = 560;
const HEIGHT = 200;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

type Series = 'c' | 'ok' | 'f';
const SERIES: readonly {
  key: Series;
  label: 'tasks.col.called' | 'tasks.col.success' | 'tasks.col.failed';
}[] = [
  { key: 'c', label: 'tasks.col.called' },
  { key: 'ok', label: 'tasks.col.success' },
  { key: 'f', label: 'tasks.col.failed' },
];

/** A task's counters over time as an SVG line chart (no chart library), with the ETA below. */
export function CounterChart(props: { history: TaskHistory }) {
  const { t, locale } = useI18n();
  const { points, eta, callsPerMinute } = props.history;
  const usable = points.filter((p) => p.c !== null);
  const footer = (
    <p className="muted chart-eta" data-testid="chart-eta">
      {eta === null
        ? t('tasks.chart.noEta')
        : t('tasks.chart.eta', { when: new Date(eta).toLocaleString(locale) })}
      {callsPerMinute !== null && (
        <>
          {' · '}
          {t('tasks.chart.rate', {
            rate: callsPerMinute.toLocaleString(locale, { maximumFractionDigits: 1 }),
          })}
        </>
      )}
    </p>
  );
  if (usable.length < 2) {
    const noCounter = points.length > 0 && usable.length === 0;
    return (
      <figure className="counter-chart">
        <figcaption>{t('tasks.chart.title')}</figcaption>
        <p className="muted" data-testid="chart-empty">
          {noCounter ? t('tasks.chart.noCalled') : t('tasks.chart.empty')}
        </p>
        {/* Without a "called" counter the line above already says why there is no estimate. */}
        {!noCounter && footer}
      </figure>
    );
  }
  const x0 = usable[0]?.at ?? 0;
  const x1 = Math.max(x0 + 1, usable.at(-1)?.at ?? x0 + 1);
  const top = Math.max(
    1,
    ...usable.map((p) => Math.max(p.tot ?? 0, p.c ?? 0, p.ok ?? 0, p.f ?? 0)),
  );
  const sx = (at: number) => PAD.left + ((at - x0) / (x1 - x0)) * (WIDTH - PAD.left - PAD.right);
  const sy = (v: number) => HEIGHT - PAD.bottom - (v / top) * (HEIGHT - PAD.top - PAD.bottom);
  const path = (key: Series) =>
    usable
      .filter((p) => p[key] !== null)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.at).toFixed(1)},${sy(p[key] ?? 0).toFixed(1)}`)
      .join(' ');
  const time = (at: number) =>
    new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <figure className="counter-chart">
      <figcaption>{t('tasks.chart.title')}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('tasks.chart.label')}
        data-testid="counter-chart"
      >
        <line className="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(0)} y2={sy(0)} />
        <line className="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={sy(0)} />
        <line className="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(top)} y2={sy(top)} />
        <text x={PAD.left - 6} y={sy(top) + 4} textAnchor="end">
          {top.toLocaleString(locale)}
        </text>
        <text x={PAD.left - 6} y={sy(0) + 4} textAnchor="end">
          0
        </text>
        <text x={PAD.left} y={HEIGHT - 8}>
          {time(x0)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end">
          {time(x1)}
        </text>
        {SERIES.map((series) => (
          <path key={series.key} className={`series series-${series.key}`} d={path(series.key)} />
        ))}
      </svg>
      <ul className="chart-legend">
        {SERIES.map((series) => (
          <li key={series.key} className={`legend-${series.key}`}>
            {t(series.label)}
          </li>
        ))}
      </ul>
      {footer}
    </figure>
  );
}
