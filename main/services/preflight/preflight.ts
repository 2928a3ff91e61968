import type { Draft } from '../../../shared/domain/draft';
import type { LocalizedText } from '../../../shared/domain/locale';
import type {
  EstimateSettingsView,
  PreflightBalance,
  PreflightEstimate,
  PreflightReport,
  PreflightWarning,
  RecipientCountry,
  RecipientTime,
} from '../../../shared/domain/preflight';
import type { TaskKind } from '../../../shared/domain/task';
import type { Clock, KeyValueStore, Logger } from '../../ports';
import { scheduleOf, validateDraft } from '../drafts/draft-validation';
import type { ListRow, ListSource, ListSummary } from '../drafts/list-source';
import { AppError } from '../errors';
import type { ComplianceReview } from '../compliance/compliance-review';
import type { Vendor } from '../vendors/vendor';
import { planCalling, windowMinutes, type CallingPlan, type Interval } from './calling-plan';
import { countCountries, type CountryCount } from './country-counts';
import { zonesOfCountry } from './country-zones';
import { assumptionText, callLoad, durationText, moneyText } from './estimate';
import { EstimateSettingsStore } from './estimate-settings-store';
import { exclusionText } from './exclusion-text';
import { outsideCallingHours, recipientWindow, sortZones, zonedTime } from './local-times';
import { vendorLimits, vendorOfKind } from './vendor-limits';
import {
  atMinutes,
  clockText,
  dateText,
  instantOf,
  isValidZone,
  offsetMinutes,
  offsetText,
  parseWallTime,
  systemZone,
} from './zoned-time';

/** What a Preflight is built from (ports). */
export interface PreflightOptions {
  readonly lists: ListSource;
  readonly clock: Clock;
  /** Where per-account estimate settings live. */
  readonly store: KeyValueStore;
  /** The vendor client of an account, for its balance (only asked when online). */
  readonly vendorFor: (accountId: string) => Promise<Vendor>;
  readonly logger: Logger;
  /** The zone of a draft without one (default: this computer's). */
  readonly localZone?: () => string;
  /** True when a submission of the account and kind already uses the name (the outbox). */
  readonly isNameTaken?: (accountId: string, kind: TaskKind, name: string) => boolean;
  /** The compliance check (issue 17); without it the report's `compliance` is null. */
  readonly compliance?: ComplianceReview;
}

/** Options of one review. */
export interface ReviewOptions {
  /** False: the balance is not asked for (nothing leaves the machine). */
  readonly online: boolean;
  readonly signal?: AbortSignal;
}

/** Lists whose per-country counts are kept (a few hundred bytes each). */
const COUNT_CACHE_SIZE = 32;

const fmt = (n: number) => n.toLocaleString('en');
const iso = (instant: number) => new Date(instant).toISOString();

function warning(
  code: PreflightWarning['code'],
  text: LocalizedText,
  extra: { severity?: 'warning' | 'info'; country?: string | null; count?: number | null } = {},
): PreflightWarning {
  return {
    code,
    severity: extra.severity ?? 'warning',
    country: extra.country ?? null,
    count: extra.count ?? null,
    text: { en: text.en, 'zh-CN': text['zh-CN'] },
  };
}

const countryLabel = (c: CountryCount): string =>
  c.country ?? (c.callingCode === null ? '?' : `+${c.callingCode}`);

/**
 * The pre-flight review: everything a manager checks before a draft is sent.
 *
 * Reads the list once (per-country counts are cached by list id: an imported list never changes),
 * converts the schedule into every recipient zone with Intl (DST included), estimates duration and
 * cost from per-account assumptions, and asks the vendor for the balance only when online.
 * Nothing is sent to a vendor except that balance query.
 */
export class Preflight {
  private readonly settings: EstimateSettingsStore;
  private readonly counts = new Map<string, ListFacts>();
  private readonly localZone: () => string;

  constructor(private readonly options: PreflightOptions) {
    this.settings = new EstimateSettingsStore(options.store);
    this.localZone = options.localZone ?? systemZone;
  }

  /** The account's estimate assumptions, and which of them it set (the rest are defaults). */
  estimateSettings(accountId: string): EstimateSettingsView {
    return this.settings.get(accountId);
  }

  /**
   * Sets the account's estimate assumptions (any subset; missing fields use the defaults).
   * Throws INVALID_INPUT when a value is out of range.
   */
  setEstimateSettings(accountId: string, settings: unknown): EstimateSettingsView {
    return this.settings.set(accountId, settings);
  }

  /**
   * The list's first numbers as the account's vendor module will send them (a Yccall server's
   * dial format, ITNIO's digits): what the PBX dials, shown before anything is sent.
   */
  private async dialled(
    draft: Draft,
    first: readonly string[],
  ): Promise<{ readonly phone: string; readonly sent: string }[]> {
    let vendor: Vendor;
    try {
      vendor = await this.options.vendorFor(draft.accountId);
    } catch {
      return []; // The account is gone; its problem is reported by the draft's validation.
    }
    return first.map((phone) => ({ phone, sent: vendor.dialledForm(draft.kind, phone) }));
  }

  /** Reviews a draft. Throws CANCELLED when `signal` aborts. */
  async review(draft: Draft, options: ReviewOptions): Promise<PreflightReport> {
    const began = performance.now();
    const { signal } = options;
    const now = this.options.clock.now();
    const warnings: PreflightWarning[] = [];
    const vendor = vendorOfKind(draft.kind);

    const summary = draft.listId === null ? null : await this.options.lists.summary(draft.listId);
    throwIfAborted(signal);
    if (draft.listId !== null && summary === null) {
      warnings.push(
        warning('list-missing', {
          en: 'The list of this draft no longer exists. Pick another list.',
          'zh-CN': '此草稿的名单已不存在。请选择其他名单。',
        }),
      );
    }
    const numbers = summary?.valid ?? 0;
    const problems = validateDraft(draft, {
      listCount: summary === null ? null : summary.valid,
      nameTaken: this.options.isNameTaken?.(draft.accountId, draft.kind, draft.name) ?? false,
    });
    const limits = vendorLimits(draft.kind, numbers);
    if (!limits.withinLimit) warnings.push(warning('over-vendor-limit', limits.text));

    const cached = summary !== null && this.counts.has(summary.listId);
    const facts = summary === null ? null : await this.factsOf(summary.listId, signal);
    const countries = facts?.counts ?? [];

    // The schedule: the manager's zone, the start, the windows the vendor will apply.
    let zone = draft.schedule.timeZone ?? this.localZone();
    if (!isValidZone(zone)) {
      const fallback = this.localZone();
      warnings.push(
        warning('invalid-time-zone', {
          en: `“${zone}” is not a time zone this computer knows; times are shown in ${fallback}.`,
          'zh-CN': `本机不认识时区“${zone}”；时间按 ${fallback} 显示。`,
        }),
      );
      zone = fallback;
    }
    // What of the schedule the vendor receives, as the vendor module says (sendTime,
    // scheduledTime, allowSendTime).
    const sends = scheduleOf(draft.kind);
    const startApplies = sends.start !== null;
    const windowsApply = sends.windows !== null;
    const sendAt =
      startApplies && draft.schedule.sendAt !== null ? parseWallTime(draft.schedule.sendAt) : null;
    const requestedStart = sendAt === null ? now : instantOf(zone, sendAt);
    if (sendAt !== null && requestedStart < now) {
      warnings.push(
        warning('start-in-past', {
          en: `The start time ${draft.schedule.sendAt ?? ''} has passed; calls would start as soon as the task is sent.`,
          'zh-CN': `开始时间 ${draft.schedule.sendAt ?? ''} 已过；任务发送后将立即开始呼叫。`,
        }),
      );
    }
    const startAt = Math.max(requestedStart, now);
    const ignored = [
      !windowsApply && draft.schedule.windows.length > 0
        ? { en: 'daily windows', zh: '每日时段' }
        : null,
      !startApplies && draft.schedule.sendAt !== null ? { en: 'start time', zh: '开始时间' } : null,
    ].filter((x) => x !== null);
    if (ignored.length > 0) {
      warnings.push(
        warning(
          'schedule-not-sent',
          {
            en: `This kind of task does not send the ${ignored.map((x) => x.en).join(' or the ')} to the vendor; calls start when the task is sent and run until done.`,
            'zh-CN': `此类任务不会把${ignored.map((x) => x.zh).join('或')}发送给服务商；任务发送后即开始呼叫，直到完成。`,
          },
          { severity: 'info' },
        ),
      );
    }
    const windows = windowsApply ? draft.schedule.windows : [];

    // The estimate, laid out over the windows.
    const view = this.settings.get(draft.accountId);
    const load = callLoad(numbers, view.values);
    const plan = planCalling({ startAt, zone, windows, callingSeconds: load.callingSeconds });
    if (!plan.usableWindows) {
      warnings.push(
        warning('no-usable-window', {
          en: 'No daily window has its start before its end, so no call would ever be placed.',
          'zh-CN': '没有开始时间早于结束时间的每日时段，因此不会拨出任何呼叫。',
        }),
      );
    }
    const estimate = this.estimateOf(load, plan, view, zone, windows.length > 0);

    const recipients = countries.map((c) => recipientOf(c, now));
    warnings.push(...hoursWarnings(countries, plan.intervals));

    const windowViews = windowMinutes(windows).map(([s, e]) => {
      const span: Interval = {
        start: instantOf(zone, atMinutes(plan.firstDay, s)),
        end: instantOf(zone, atMinutes(plan.firstDay, e)),
      };
      const offset = offsetText(offsetMinutes(zone, span.start));
      const start = clockText(atMinutes(plan.firstDay, s));
      const end = e === 1_440 ? '24:00' : clockText(atMinutes(plan.firstDay, e));
      return {
        start,
        end,
        date: dateText(plan.firstDay),
        manager: {
          en: `${start}–${end} ${zone} (${offset})`,
          'zh-CN': `${start}–${end} ${zone}（${offset}）`,
        },
        recipients: countries.map((c) => {
          const zones = zonesOfCountry(c.country);
          return zones.length === 0
            ? unknownZoneTime(c)
            : recipientWindow(c.country, c.count, zones, span, plan.firstDay);
        }),
      };
    });

    const balance = await this.balanceOf(draft.accountId, vendor, options);
    if (balance.status === 'offline') {
      warnings.push(warning('balance-not-checked', balance.text, { severity: 'info' }));
    }
    if (balance.amount !== null && estimate.cost.amount > balance.amount) {
      const currency = balance.currency ?? estimate.cost.currency;
      warnings.push(
        warning('cost-over-balance', {
          en: `The estimated cost (${moneyText(estimate.cost.amount, estimate.cost.currency)}) is more than the balance (${moneyText(balance.amount, currency)}); calls may stop when the balance runs out.`,
          'zh-CN': `估算费用（${moneyText(estimate.cost.amount, estimate.cost.currency)}）超过余额（${moneyText(balance.amount, currency)}）；余额用完时呼叫可能停止。`,
        }),
      );
    }

    // Do-not-call and recent-call exclusions, zone groups and the split (issue 17).
    const compliance =
      summary === null || this.options.compliance === undefined
        ? null
        : await this.options.compliance.review(draft, summary.listId, now, {
            startAt,
            durationMs: (estimate.elapsedSeconds ?? estimate.callingSeconds) * 1_000,
          });
    throwIfAborted(signal);
    if (compliance !== null) warnings.push(...compliance.warnings);

    const managerStart = zonedTime(zone, startAt);
    const report: PreflightReport = {
      draftId: draft.id,
      accountId: draft.accountId,
      kind: draft.kind,
      vendor,
      generatedAt: iso(now),
      list: summary === null ? null : listOf(summary),
      problems: [...problems, ...(compliance?.problems ?? [])],
      limits,
      dialled: facts === null ? [] : await this.dialled(draft, facts.first),
      recipients,
      schedule: {
        managerZone: zone,
        asSoonAsSent: sendAt === null,
        startAt: iso(startAt),
        start: {
          manager: managerStart,
          recipients: countries.map((c) => {
            const times = sortZones(zonesOfCountry(c.country), startAt).map((z) =>
              zonedTime(z, startAt),
            );
            return { country: c.country, count: c.count, times, text: timesText(times) };
          }),
          text:
            sendAt === null
              ? {
                  en: `As soon as sent (now: ${managerStart.local} ${zone}, ${managerStart.utcOffset})`,
                  'zh-CN': `发送后立即开始（现在：${managerStart.local} ${zone}，${managerStart.utcOffset}）`,
                }
              : {
                  en: `${managerStart.local} ${zone} (${managerStart.utcOffset})`,
                  'zh-CN': `${managerStart.local} ${zone}（${managerStart.utcOffset}）`,
                },
        },
        windowsApply,
        windows: windowViews,
      },
      estimate,
      balance,
      compliance: compliance?.view ?? null,
      warnings,
    };
    this.options.logger.info('preflight.review', {
      draftId: draft.id,
      listId: draft.listId,
      numbers,
      countries: countries.length,
      countsCached: cached,
      warnings: warnings.map((w) => w.code),
      ms: Math.round(performance.now() - began),
    });
    return report;
  }

  /** Per-country counts of a list: one pass over its rows, then cached by list id. */
  /** A list's country counts and first numbers, read in one pass and kept (LRU). */
  private async factsOf(listId: string, signal?: AbortSignal): Promise<ListFacts> {
    const known = this.counts.get(listId);
    if (known) {
      // Refresh its place in the LRU order.
      this.counts.delete(listId);
      this.counts.set(listId, known);
      return known;
    }
    const first: string[] = [];
    const rows = this.options.lists.rows(listId);
    async function* tapped(): AsyncIterable<readonly ListRow[]> {
      for await (const batch of rows) {
        for (const row of batch.slice(0, DIALLED_SAMPLES - first.length)) first.push(row.e164);
        yield batch;
      }
    }
    const facts: ListFacts = { counts: await countCountries(tapped(), signal), first };
    this.counts.set(listId, facts);
    while (this.counts.size > COUNT_CACHE_SIZE) {
      const oldest = this.counts.keys().next().value;
      if (oldest === undefined) break;
      this.counts.delete(oldest);
    }
    return facts;
  }

  private estimateOf(
    load: ReturnType<typeof callLoad>,
    plan: CallingPlan,
    view: EstimateSettingsView,
    zone: string,
    withWindows: boolean,
  ): PreflightEstimate {
    const { values } = view;
    const assumptions = (Object.keys(values) as (keyof typeof values)[]).map((key) => ({
      key,
      value: values[key],
      isDefault: !view.setByAccount.includes(key),
      text: assumptionText(key, values),
    }));
    const notes: LocalizedText[] = [
      {
        en: 'Each number is called once (no redial of unanswered numbers).',
        'zh-CN': '每个号码呼叫一次（未接通的号码不重拨）。',
      },
      {
        en: 'Only answered calls are billed.',
        'zh-CN': '只有接通的呼叫计费。',
      },
      withWindows
        ? {
            en: 'Calls are placed only inside the daily windows; what does not fit continues in the next window, the next day.',
            'zh-CN': '只在每日时段内拨打；当天未完成的顺延到下一个时段或次日。',
          }
        : {
            en: 'No daily windows: calling runs without a break until done.',
            'zh-CN': '未设置每日时段：持续呼叫直到完成。',
          },
    ];
    const finish = plan.finishAt === null ? null : zonedTime(zone, plan.finishAt);
    const calling = durationText(load.callingSeconds);
    const cost = { amount: load.cost, currency: values.currency };
    const costText = moneyText(cost.amount, cost.currency);
    const first = plan.intervals[0];
    const elapsedSeconds =
      plan.finishAt === null || first === undefined ? null : (plan.finishAt - first.start) / 1_000;
    const text: LocalizedText =
      load.calls === 0
        ? { en: 'Nothing to call.', 'zh-CN': '没有要拨打的号码。' }
        : finish === null
          ? {
              en: `About ${calling.en} of calling for ${fmt(load.calls)} numbers; it does not finish within a year of windows. About ${costText}.`,
              'zh-CN': `${load.calls} 个号码约需呼叫 ${calling['zh-CN']}；按当前时段一年内无法完成。费用约 ${costText}。`,
            }
          : {
              en: `About ${calling.en} of calling for ${fmt(load.calls)} numbers at ${values.concurrency} at once; the last calls around ${finish.local} ${zone}${plan.callingDays !== null && plan.callingDays > 1 ? ` (${plan.callingDays} days)` : ''}. About ${costText}.`,
              'zh-CN': `${load.calls} 个号码、同时 ${values.concurrency} 路，约需呼叫 ${calling['zh-CN']}；最后的呼叫约在 ${finish.local}（${zone}）${plan.callingDays !== null && plan.callingDays > 1 ? `，共 ${plan.callingDays} 天` : ''}。费用约 ${costText}。`,
            };
    return {
      assumptions,
      notes,
      calls: load.calls,
      answered: load.answered,
      callingSeconds: load.callingSeconds,
      elapsedSeconds,
      finishAt: plan.finishAt === null ? null : iso(plan.finishAt),
      finish,
      callingDays: plan.callingDays,
      cost,
      text,
    };
  }

  private async balanceOf(
    accountId: string,
    vendorId: 'itniotech' | 'yccall',
    options: ReviewOptions,
  ): Promise<PreflightBalance> {
    if (!options.online) {
      return {
        status: 'offline',
        amount: null,
        currency: null,
        text: { en: 'Balance not checked (offline).', 'zh-CN': '未查询余额（离线）。' },
      };
    }
    if (vendorId === 'yccall') {
      return notAvailable({
        en: 'Yccall servers do not report a balance.',
        'zh-CN': 'Yccall 服务器不提供余额。',
      });
    }
    try {
      const vendor = await this.options.vendorFor(accountId);
      const check = await vendor.testConnection(
        options.signal === undefined ? {} : { signal: options.signal },
      );
      if (check.balance === undefined) return notAvailable(check.summary);
      return {
        status: 'checked',
        amount: check.balance.amount,
        currency: check.balance.currency,
        text: check.summary,
      };
    } catch (error) {
      if (options.signal?.aborted) throw cancelledError(error);
      const reason: LocalizedText =
        error instanceof AppError ? error.text : { en: 'Unexpected error.', 'zh-CN': '意外错误。' };
      this.options.logger.warn('preflight.balance failed', {
        accountId,
        code: error instanceof AppError ? error.code : 'INTERNAL',
      });
      return {
        status: 'failed',
        amount: null,
        currency: null,
        text: {
          en: `Balance not checked: ${reason.en}`,
          'zh-CN': `未能查询余额：${reason['zh-CN']}`,
        },
      };
    }
  }
}

/** Numbers the review shows as they will be dialled. */
const DIALLED_SAMPLES = 5;

/** What one pass over a list gives the review: country counts and the first few numbers. */
interface ListFacts {
  readonly counts: readonly CountryCount[];
  readonly first: readonly string[];
}

function notAvailable(text: LocalizedText): PreflightBalance {
  return {
    status: 'not-available',
    amount: null,
    currency: null,
    text: {
      en: `Balance not available. ${text.en}`,
      'zh-CN': `无法获得余额。${text['zh-CN']}`,
    },
  };
}

function cancelledError(cause?: unknown): AppError {
  return new AppError(
    'CANCELLED',
    { en: 'The pre-flight review was cancelled.', 'zh-CN': '发送前检查已取消。' },
    undefined,
    { cause },
  );
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelledError();
}

function listOf(summary: ListSummary): PreflightReport['list'] {
  const excludedCount = summary.excluded.reduce((sum, e) => sum + e.count, 0);
  return {
    listId: summary.listId,
    name: summary.name,
    total: summary.total,
    valid: summary.valid,
    excluded: summary.excluded.map((e) => ({
      status: e.status,
      reason: e.reason,
      count: e.count,
      text: exclusionText(e.status, e.reason),
    })),
    text: {
      en: `${fmt(summary.total)} rows: ${fmt(summary.valid)} will be called, ${fmt(excludedCount)} left out.`,
      'zh-CN': `共 ${summary.total} 行：将拨打 ${summary.valid} 个，排除 ${excludedCount} 个。`,
    },
  };
}

function recipientOf(c: CountryCount, now: number): RecipientCountry {
  const zones = sortZones(zonesOfCountry(c.country), now);
  const label = countryLabel(c);
  const first = zones[0];
  const last = zones.at(-1);
  let where: LocalizedText;
  if (first === undefined || last === undefined) {
    where = { en: 'unknown zone', 'zh-CN': '时区未知' };
  } else if (zones.length === 1) {
    const offset = offsetText(offsetMinutes(first, now));
    where = { en: `${first} (${offset})`, 'zh-CN': `${first}（${offset}）` };
  } else {
    const range = `${offsetText(offsetMinutes(first, now))} … ${offsetText(offsetMinutes(last, now))}`;
    where = {
      en: `${zones.length} zones, ${range}`,
      'zh-CN': `${zones.length} 个时区，${range}`,
    };
  }
  return {
    country: c.country,
    callingCode: c.callingCode,
    count: c.count,
    zones,
    zoneKnown: zones.length > 0,
    text: {
      en: `${label}: ${fmt(c.count)} numbers · ${where.en}`,
      'zh-CN': `${label}：${c.count} 个号码 · ${where['zh-CN']}`,
    },
  };
}

function unknownZoneTime(c: CountryCount): RecipientTime {
  return {
    country: c.country,
    count: c.count,
    zones: [],
    text: { en: 'unknown zone', 'zh-CN': '时区未知' },
  };
}

function timesText(times: readonly { local: string; utcOffset: string }[]): LocalizedText {
  const first = times[0];
  const last = times.at(-1);
  if (first === undefined || last === undefined) return { en: 'unknown zone', 'zh-CN': '时区未知' };
  if (times.length === 1) {
    return {
      en: `${first.local} (${first.utcOffset})`,
      'zh-CN': `${first.local}（${first.utcOffset}）`,
    };
  }
  return {
    en: `${first.local} (${first.utcOffset}) … ${last.local} (${last.utcOffset})`,
    'zh-CN': `${first.local}（${first.utcOffset}）… ${last.local}（${last.utcOffset}）`,
  };
}

/** One warning per country whose recipients would be called outside 09:00–20:00 their time. */
export function hoursWarnings(
  countries: readonly CountryCount[],
  intervals: readonly Interval[],
): PreflightWarning[] {
  const warnings: PreflightWarning[] = [];
  for (const c of countries) {
    const zones = zonesOfCountry(c.country);
    const label = countryLabel(c);
    if (zones.length === 0) {
      warnings.push(
        warning(
          'unknown-zone',
          {
            en: `${label}: ${fmt(c.count)} numbers are in an unknown time zone; their local calling hours were not checked.`,
            'zh-CN': `${label}：${c.count} 个号码的时区未知，未检查其当地呼叫时间。`,
          },
          { severity: 'info', country: c.country, count: c.count },
        ),
      );
      continue;
    }
    if (intervals.length === 0) continue;
    const outside = zones
      .map((zone) => outsideCallingHours(zone, intervals))
      .filter((o) => o !== null);
    if (outside.length === 0) continue;
    const where = outside.map((o) => `${o.zone} ${o.local}`).join(', ');
    const some = outside.length < zones.length;
    warnings.push(
      warning(
        'outside-calling-hours',
        {
          en: `${label}: ${some ? 'up to ' : ''}${fmt(c.count)} numbers would be called outside 09:00–20:00 their time (${where}).`,
          'zh-CN': `${label}：${some ? '最多 ' : ''}${c.count} 个号码将在当地 09:00–20:00 以外被呼叫（${where}）。`,
        },
        { country: c.country, count: c.count },
      ),
    );
  }
  return warnings;
}
