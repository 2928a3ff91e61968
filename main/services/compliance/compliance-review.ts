import {
  blackoutDatesOf,
  groupByZone,
  isCallingAllowed,
  localTimeAt,
  vendorScheduleOf,
  type VendorClock,
  type VendorSchedule,
  type ZoneGroup,
} from '../../../shared/compliance';
import { isKnownZone } from '../../../shared/compliance/zoned-clock';
import type {
  ComplianceSettings,
  PreflightCompliance,
  SplitTaskView,
  ZoneGroupView,
} from '../../../shared/domain/compliance';
import type { Draft, DraftProblem } from '../../../shared/domain/draft';
import type { LocalizedText } from '../../../shared/domain/locale';
import type { PreflightWarning } from '../../../shared/domain/preflight';
import type { TaskKind } from '../../../shared/domain/task';
import { ITNIO_CC_REMARK_MAX, ITNIO_TASK_NAME_LENGTH } from '../vendors/itniotech/rules';
import { TASK_NAME_LENGTH } from '../vendors/yccall/rules';
import { vendorOfKind } from '../vendors/vendor-of-kind';
import { EXCLUSION_SAMPLE, type DraftCheck, type DraftCheckResult } from './draft-check';
import type { Exclusion } from './list-check';

const fmt = (n: number): string => n.toLocaleString('en');
const iso = (instant: number): string => new Date(instant).toISOString();

/** One zone's part of a split campaign: its task name, zone, schedule and numbers' zone keys. */
export interface SplitPart {
  readonly name: string;
  readonly zone: string;
  readonly count: number;
  /** The zone-group keys whose numbers go into this task. */
  readonly keys: readonly string[];
  readonly schedule: VendorSchedule;
}

/** What the compliance review says about a draft. */
export interface ComplianceReviewResult {
  readonly check: DraftCheckResult;
  readonly view: PreflightCompliance;
  readonly warnings: readonly PreflightWarning[];
  /** Problems that block sending (a zone still to choose, nothing left to send). */
  readonly problems: readonly DraftProblem[];
  /** The split, when the draft asks for it and every group has a zone. */
  readonly split: readonly SplitPart[] | null;
}

/** What a review is built from. */
export interface ComplianceReviewOptions {
  readonly check: DraftCheck;
  readonly settings: () => ComplianceSettings;
  /** The vendor's clock of an account (ITNIO: its UTC offset; Yccall: its server's). */
  readonly vendorClockOf: (accountId: string) => VendorClock;
}

/** When calling starts and how long it is expected to last (the pre-flight estimate). */
export interface CallingSpan {
  readonly startAt: number;
  readonly durationMs: number;
}

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

function problem(field: string, rule: string, message: LocalizedText): DraftProblem {
  return { field, rule, message: { en: message.en, 'zh-CN': message['zh-CN'] } };
}

/** The most characters a task name of the kind may have (the vendors' name rules). */
function nameMax(kind: TaskKind): number {
  if (kind === 'cc-preview') return ITNIO_CC_REMARK_MAX;
  return vendorOfKind(kind) === 'itniotech' ? ITNIO_TASK_NAME_LENGTH.max : TASK_NAME_LENGTH.max;
}

/** `America/Argentina/Buenos_Aires` → `Buenos Aires`. */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/**
 * The task name of one zone's part: `<campaign name> · <zone city>`, the campaign's name cut so
 * the whole fits the vendor's limit, and a number added when two zones share a city name.
 */
export function splitTaskName(campaign: string, zone: string, kind: TaskKind, taken: Set<string>) {
  const max = nameMax(kind);
  let suffix = ` · ${zoneCity(zone)}`;
  for (let n = 2; ; n += 1) {
    const base = campaign.trim().slice(0, Math.max(1, max - suffix.length));
    const name = `${base}${suffix}`.slice(0, max);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
    suffix = ` · ${zoneCity(zone)} ${String(n)}`;
  }
}

/** The zone a group is called in: inferred, or the manager's choice among its candidates. */
export function zoneOfGroup(group: ZoneGroup, choices: Readonly<Record<string, string>>) {
  if (group.source !== 'none' && group.zones.length === 1) return group.zones[0] ?? null;
  const chosen = choices[group.key];
  if (chosen === undefined) return null;
  if (group.zones.length > 0 ? group.zones.includes(chosen) : isKnownZone(chosen)) return chosen;
  return null;
}

/**
 * The compliance part of the pre-flight review, and the same check again when a draft is sent
 * (the lists may have changed in between): DNC and recent-call exclusions with counts and the
 * first of them, the zone groups of the numbers that go out with their local start and end, the
 * calling window per zone, and the split into one task per zone when the draft asks for it.
 */
export class ComplianceReview {
  constructor(private readonly options: ComplianceReviewOptions) {}

  /** Reviews a draft's list at `at`, calling over `span`. */
  async review(
    draft: Draft,
    listId: string,
    at: number,
    span: CallingSpan,
  ): Promise<ComplianceReviewResult> {
    const { check } = this.options;
    const settings = this.options.settings();
    const sample: Exclusion[] = [];
    const result = await check.run(draft, listId, at, (batch) => {
      for (const exclusion of batch) {
        if (sample.length >= EXCLUSION_SAMPLE) return;
        sample.push(exclusion);
      }
    });
    const names = check.dncNames();
    const c = draft.compliance;
    const numbers = (function* () {
      for (const row of check.rowsToSend(draft, listId, at)) yield row.phone;
    })();
    const groups = groupByZone(numbers, span.startAt, span.durationMs);
    const warnings: PreflightWarning[] = [];
    const problems: DraftProblem[] = [];
    const views = groups.map((group) => this.groupView(group, c, settings, span, warnings));

    const needChoice = views.filter((view) => view.needsChoice);
    if (needChoice.length > 0 && (c.splitByZone || c.callingWindow !== null)) {
      const count = needChoice.reduce((sum, view) => sum + view.count, 0);
      problems.push(
        problem('compliance.zoneChoices', 'compliance.zoneChoice', {
          en: `Choose the time zone of ${fmt(count)} numbers whose zone cannot be told from the number (${String(needChoice.length)} group(s)); calling windows cannot be checked without it.`,
          'zh-CN': `有 ${count} 个号码无法从号码判断时区（${needChoice.length} 组），请为其选择时区；否则无法检查呼叫时段。`,
        }),
      );
    }
    if (result.callable > 0 && result.toSend === 0) {
      problems.push(
        problem('list', 'compliance.nothingToSend', {
          en: 'Every number of the list is excluded by the do-not-call lists or the recent-call rule; there is nothing to send.',
          'zh-CN': '名单中的所有号码都被禁呼名单或近期呼叫规则排除，没有可发送的号码。',
        }),
      );
    }
    warnings.unshift(...this.exclusionWarnings(result));

    let split: SplitPart[] | null = null;
    if (c.splitByZone && needChoice.length === 0 && result.toSend > 0) {
      split = this.splitOf(draft, groups, settings, span.startAt, problems);
    }
    const view: PreflightCompliance = {
      dncVersion: result.dncVersion,
      historyVersion: result.historyVersion,
      recentCallDays: c.recentCallDays,
      includeRecentCalls: c.includeRecentCalls,
      callable: result.callable,
      excluded: { dnc: result.byRule.dnc, recentCall: result.byRule['recent-call'] },
      toSend: result.toSend,
      sample: sample.map((exclusion) => check.viewOf(draft, exclusion, names)),
      zones: views,
      split: split === null ? null : split.map((part) => this.splitView(draft, part)),
      text: summaryText(result),
    };
    return { check: result, view, warnings, problems, split };
  }

  private groupView(
    group: ZoneGroup,
    c: Draft['compliance'],
    settings: ComplianceSettings,
    span: CallingSpan,
    warnings: PreflightWarning[],
  ): ZoneGroupView {
    const zone = zoneOfGroup(group, c.zoneChoices);
    const country = group.country ?? null;
    const needsChoice = zone === null;
    const start = zone === null ? null : localTimeAt(zone, span.startAt);
    const end = zone === null ? null : localTimeAt(zone, span.startAt + span.durationMs);
    const outsideWindow =
      zone !== null &&
      c.callingWindow !== null &&
      !isCallingAllowed(
        {
          zone,
          window: c.callingWindow,
          blackoutDates: blackoutDatesOf(settings.blackoutDates, group.country),
        },
        span.startAt,
      );
    const where = zone ?? (group.zones.length > 0 ? group.zones.join(', ') : '?');
    if (needsChoice) {
      warnings.push(
        warning(
          'zone-needs-choice',
          {
            en: `${country ?? '?'}: ${fmt(group.count)} numbers could be in ${group.zones.length > 0 ? group.zones.join(', ') : 'any zone'}; choose their zone.`,
            'zh-CN': `${country ?? '?'}：${group.count} 个号码可能位于 ${group.zones.length > 0 ? group.zones.join('、') : '任意时区'}；请选择其时区。`,
          },
          { country, count: group.count },
        ),
      );
    }
    if (outsideWindow && start !== null && c.callingWindow !== null) {
      const windowText = `${c.callingWindow.start}–${c.callingWindow.end}`;
      warnings.push(
        warning(
          'outside-calling-window',
          c.splitByZone
            ? {
                en: `${zone}: calling would start at ${start.time} local time, outside ${windowText} (or on a blackout date); the split task waits until the window opens.`,
                'zh-CN': `${zone}：呼叫将在当地时间 ${start.time} 开始，不在 ${windowText} 内（或为禁呼日）；拆分后的任务会等到时段开始。`,
              }
            : {
                en: `${zone}: ${fmt(group.count)} numbers would be called from ${start.time} local time, outside ${windowText} (or on a blackout date). Split by zone, or change the start.`,
                'zh-CN': `${zone}：${group.count} 个号码将从当地时间 ${start.time} 开始被呼叫，不在 ${windowText} 内（或为禁呼日）。请按时区拆分或更改开始时间。`,
              },
          { severity: c.splitByZone ? 'info' : 'warning', country, count: group.count },
        ),
      );
    }
    return {
      key: group.key,
      zones: [...group.zones],
      country,
      count: group.count,
      needsChoice,
      zone,
      localStart: start?.text ?? null,
      localEnd: end?.text ?? null,
      outsideWindow,
      text:
        start === null || end === null
          ? {
              en: `${fmt(group.count)} numbers · zone to choose (${where})`,
              'zh-CN': `${group.count} 个号码 · 需选择时区（${where}）`,
            }
          : {
              en: `${where}: ${fmt(group.count)} numbers · ${start.text} → ${end.text}`,
              'zh-CN': `${where}：${group.count} 个号码 · ${start.text} → ${end.text}`,
            },
    };
  }

  private splitOf(
    draft: Draft,
    groups: readonly ZoneGroup[],
    settings: ComplianceSettings,
    from: number,
    problems: DraftProblem[],
  ): SplitPart[] | null {
    const window = draft.compliance.callingWindow;
    if (window === null) {
      problems.push(
        problem('compliance.callingWindow', 'compliance.splitNeedsWindow', {
          en: 'Splitting by zone starts each task inside its zone’s calling window: set a calling window first.',
          'zh-CN': '按时区拆分会让每个任务在其时区的呼叫时段内开始：请先设置呼叫时段。',
        }),
      );
      return null;
    }
    const byZone = new Map<string, { count: number; keys: string[]; country?: string }>();
    for (const group of groups) {
      const zone = zoneOfGroup(group, draft.compliance.zoneChoices);
      if (zone === null) return null;
      const part = byZone.get(zone) ?? {
        count: 0,
        keys: [],
        ...(group.country === undefined ? {} : { country: group.country }),
      };
      part.count += group.count;
      part.keys.push(group.key);
      byZone.set(zone, part);
    }
    const clock = this.options.vendorClockOf(draft.accountId);
    const taken = new Set<string>();
    const parts: SplitPart[] = [];
    for (const [zone, part] of [...byZone].sort((a, b) => b[1].count - a[1].count)) {
      const schedule = vendorScheduleOf({
        zone,
        ...(part.country === undefined ? {} : { country: part.country }),
        window,
        blackouts: settings.blackoutDates,
        from,
        vendor: clock,
      });
      if (schedule === null) {
        problems.push(
          problem('compliance.callingWindow', 'compliance.noAllowedStart', {
            en: `${zone}: no day in the next year is open for calling (every day is a blackout date).`,
            'zh-CN': `${zone}：未来一年内没有可呼叫的日期（每天都是禁呼日）。`,
          }),
        );
        return null;
      }
      parts.push({
        name: splitTaskName(draft.name, zone, draft.kind, taken),
        zone,
        count: part.count,
        keys: part.keys,
        schedule,
      });
    }
    return parts;
  }

  private splitView(draft: Draft, part: SplitPart): SplitTaskView {
    const s = part.schedule;
    const local = localTimeAt(part.zone, s.startAt);
    const vendorText: LocalizedText =
      vendorOfKind(draft.kind) === 'yccall'
        ? {
            en: `scheduledtime ${s.yccall.scheduledtime}, pausedtime ${s.yccall.pausedtime} (server time)`,
            'zh-CN': `scheduledtime ${s.yccall.scheduledtime}，pausedtime ${s.yccall.pausedtime}（服务器时间）`,
          }
        : {
            en: `sendTime ${s.itnio.sendTime}, allowSendTime ${windowsText(s)} (vendor time)`,
            'zh-CN': `sendTime ${s.itnio.sendTime}，allowSendTime ${windowsText(s)}（服务商时间）`,
          };
    return {
      name: part.name,
      zone: part.zone,
      count: part.count,
      startAt: iso(s.startAt),
      vendorSchedule: vendorText,
      localStart: `${local.date} ${local.time}`,
    };
  }

  private exclusionWarnings(result: DraftCheckResult): PreflightWarning[] {
    const warnings: PreflightWarning[] = [];
    const dnc = result.byRule.dnc;
    const recent = result.byRule['recent-call'];
    if (dnc > 0) {
      warnings.push(
        warning(
          'dnc-excluded',
          {
            en: `${fmt(dnc)} numbers are on a do-not-call list and will not be called.`,
            'zh-CN': `${dnc} 个号码在禁呼名单上，将不会被呼叫。`,
          },
          { severity: 'info', count: dnc },
        ),
      );
    }
    if (recent > 0 && result.included === 0) {
      warnings.push(
        warning(
          'recent-call-excluded',
          {
            en: `${fmt(recent)} numbers were called recently and will be skipped (you can include them anyway).`,
            'zh-CN': `${recent} 个号码近期已被呼叫，将被跳过（可选择仍然呼叫）。`,
          },
          { severity: 'info', count: recent },
        ),
      );
    }
    if (result.included > 0) {
      warnings.push(
        warning(
          'recent-call-included',
          {
            en: `${fmt(result.included)} numbers called recently will be called again: you chose to include them (recorded in the audit trail).`,
            'zh-CN': `${result.included} 个近期已呼叫的号码将再次被呼叫：这是您的选择（已记入审计记录）。`,
          },
          { count: result.included },
        ),
      );
    }
    return warnings;
  }
}

function windowsText(schedule: VendorSchedule): string {
  return schedule.itnio.allowSendTime.map((w) => `${w.strTime}–${w.endTime}`).join(', ');
}

function summaryText(result: DraftCheckResult): LocalizedText {
  return {
    en: `${fmt(result.callable)} callable numbers: ${fmt(result.byRule.dnc)} on a do-not-call list, ${fmt(result.byRule['recent-call'])} called recently${result.included > 0 ? ' (included anyway)' : ''}; ${fmt(result.toSend)} will be sent.`,
    'zh-CN': `可拨号码 ${result.callable} 个：${result.byRule.dnc} 个在禁呼名单上，${result.byRule['recent-call']} 个近期已呼叫${result.included > 0 ? '（仍然呼叫）' : ''}；将发送 ${result.toSend} 个。`,
  };
}
