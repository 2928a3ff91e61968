import { useEffect, useMemo, useState } from 'react';
import type { BoardRow } from '../../../shared/domain/board';
import type { AccountBalance } from '../../../shared/domain/board-glance';
import { call } from '../../ipc/client';
import { useI18n, type Translate } from '../../i18n/i18n';
import { glanceOf, startOfDay, type GlanceFigure, type GlanceGap } from './board-glance';

/** One figure of the strip: its label, the value or "—" with the reason, and a tooltip. */
function Figure(props: {
  readonly name: string;
  readonly label: string;
  readonly value: string | null;
  /** Why there is no value (shown as the tooltip and read by screen readers). */
  readonly why?: string;
  readonly tip?: string;
  readonly detail?: string;
}) {
  return (
    <div className="glance-item" data-figure={props.name}>
      <dt>{props.label}</dt>
      <dd title={props.value === null ? props.why : props.tip} data-value={props.value ?? ''}>
        {props.value ?? '—'}
        {props.value === null && props.why && <span className="visually-hidden">{props.why}</span>}
      </dd>
      {props.detail && <dd className="glance-detail muted">{props.detail}</dd>}
    </div>
  );
}

function gapText(t: Translate, gap: GlanceGap): string {
  return t('board.glance.none', { why: t(`board.glance.none.${gap}`) });
}

function valueOf<T>(figure: GlanceFigure<T>, format: (value: T) => string): string | null {
  return figure.value === null ? null : format(figure.value);
}

/**
 * The board's at-a-glance strip: active campaigns, numbers called today, answer and success
 * rates, transfers to agents and each account's balance. Figures come from the board's rows
 * (board-glance.ts) and the vendors' balances; one that cannot be told shows "—" and says why.
 */
export function GlanceStrip(props: {
  /** The board's rows of the accounts in view (every filter but the account is ignored). */
  readonly rows: () => Iterable<BoardRow>;
  /** Changes whenever the rows changed. */
  readonly version: number;
  /** The accounts in view, in the sidebar's order. */
  readonly accounts: readonly { readonly id: string; readonly name: string }[];
  /** Bumped by the board's Refresh: balances are asked of the vendors again. */
  readonly refreshes: number;
}) {
  const { t, locale } = useI18n();
  const [dayStart, setDayStart] = useState(() => startOfDay(Date.now()));
  const [calledAt, setCalledAt] = useState<ReadonlyMap<number, number>>(new Map());
  const [balances, setBalances] = useState<ReadonlyMap<string, AccountBalance['balance']> | null>(
    null,
  );

  useEffect(() => {
    // At midnight "today" starts again.
    // The next midnight, also on a day that a DST change makes 23 or 25 hours long.
    const next = startOfDay(dayStart + 30 * 3_600_000);
    const timer = window.setTimeout(
      () => setDayStart(startOfDay(Date.now())),
      next - Date.now() + 1_000,
    );
    return () => window.clearTimeout(timer);
  }, [dayStart]);

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const answer = await call('tasks.calledAt', { at: dayStart });
        if (current) setCalledAt(new Map(answer.rows.map((row) => [row.i, row.c])));
      } catch {
        // Without the readings before midnight, older tasks are left out and the strip says so.
      }
    })();
    return () => {
      current = false;
    };
  }, [dayStart]);

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const answer = await call('tasks.balances', { refresh: props.refreshes > 0 });
        if (current) setBalances(new Map(answer.balances.map((b) => [b.accountId, b.balance])));
      } catch {
        if (current) setBalances(new Map());
      }
    })();
    return () => {
      current = false;
    };
  }, [props.refreshes]);

  const { rows, version } = props;
  const glance = useMemo(
    () => glanceOf(rows(), { dayStart, calledAtDayStart: calledAt }),
    // `version` changes when the rows do.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rows() reads the model in place
    [rows, version, dayStart, calledAt],
  );
  const number = (value: number) => value.toLocaleString(locale);
  const percent = (value: number) => `${value.toFixed(1)}%`;
  const why = (figure: GlanceFigure<unknown>) =>
    figure.gap === null ? undefined : gapText(t, figure.gap);

  return (
    <section className="glance" aria-label={t('board.glance.label')} data-testid="glance">
      <dl title={t('board.glance.scope', { count: number(glance.scope) })}>
        <Figure
          name="active"
          label={t('board.glance.active')}
          value={number(glance.active.total)}
          detail={t('board.glance.active.detail', {
            running: number(glance.active.running),
            paused: number(glance.active.paused),
            pending: number(glance.active.pending),
          })}
        />
        <Figure
          name="called"
          label={t('board.glance.called')}
          value={valueOf(glance.calledToday, number)}
          why={why(glance.calledToday)}
          tip={t('board.glance.called.tip')}
          {...(glance.uncounted > 0
            ? {
                detail: t('board.glance.called.partial', { count: number(glance.uncounted) }),
              }
            : {})}
        />
        <Figure
          name="answer"
          label={t('board.glance.answer')}
          value={valueOf(glance.answerRate, (rate) => percent(rate.percent))}
          why={why(glance.answerRate)}
          tip={
            glance.answerRate.value === null
              ? ''
              : t('board.glance.answer.tip', {
                  answered: number(glance.answerRate.value.answered),
                  called: number(glance.answerRate.value.called),
                })
          }
        />
        <Figure
          name="success"
          label={t('board.glance.success')}
          value={valueOf(glance.successRate, (rate) => percent(rate.percent))}
          why={why(glance.successRate)}
          tip={
            glance.successRate.value === null
              ? ''
              : t('board.glance.success.tip', {
                  answered: number(glance.successRate.value.answered),
                  numbers: number(glance.successRate.value.numbers),
                })
          }
        />
        <Figure
          name="transfers"
          label={t('board.glance.transfers')}
          value={valueOf(glance.transfers, number)}
          why={why(glance.transfers)}
          tip={
            glance.transfers.value === null
              ? ''
              : t('board.glance.transfers.tip', { count: number(glance.transfers.value) })
          }
        />
        {props.accounts.map((account) => {
          const balance = balances?.get(account.id);
          const value =
            balance?.status === 'checked' && balance.amount !== null
              ? `${balance.amount.toLocaleString(locale, { maximumFractionDigits: 2 })}${balance.currency ? ` ${balance.currency}` : ''}`
              : null;
          return (
            <Figure
              key={account.id}
              name="balance"
              label={t('board.glance.balance', { account: account.name })}
              value={value}
              why={
                balance === undefined ? t('board.glance.balance.checking') : balance.text[locale]
              }
              tip={balance?.text[locale] ?? ''}
            />
          );
        })}
      </dl>
    </section>
  );
}
