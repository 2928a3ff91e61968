import ExcelJS from 'exceljs';
import type { ExclusionPage } from '../../../shared/domain/compliance';
import type { Draft } from '../../../shared/domain/draft';
import type { Locale } from '../../../shared/domain/locale';
import type { Clock } from '../../ports';
import type { ListSource } from '../drafts/list-source';
import { AppError } from '../errors';
import { systemZone } from '../preflight/zoned-time';
import { startInstantOf } from '../vendors/draft-checks';
import type { AuditEntry } from '../audit/audit-trail';
import type { ComplianceReview } from './compliance-review';
import type { DraftCheck } from './draft-check';

/** The audit entry type of a submission's compliance proof (`submissions/outbox.ts`). */
export const COMPLIANCE_AUDIT_TYPES = ['compliance.checked', 'compliance.excluded'] as const;

/** What the report service is built from. */
export interface ComplianceReportOptions {
  readonly drafts: { get(id: string): Draft };
  readonly lists: ListSource;
  readonly check: DraftCheck;
  readonly review: ComplianceReview;
  readonly clock: Clock;
  readonly accountName: (accountId: string) => string;
  /** The audit entries of the submissions a draft became (the versions they were sent with). */
  readonly auditOf: (draftId: string) => readonly AuditEntry[];
}

const WORDS = {
  en: {
    summary: 'Compliance report',
    exclusions: 'Exclusions',
    zones: 'Zones',
    split: 'Split tasks',
    sent: 'Submissions',
    item: 'Item',
    value: 'Value',
    campaign: 'Campaign',
    account: 'Account',
    list: 'List',
    generatedAt: 'Generated at (UTC)',
    dncVersion: 'DNC version used',
    historyVersion: 'Call history version used',
    recentCallDays: 'Skip numbers called in the last N days',
    includeAnyway: 'Include recently called numbers anyway',
    callingWindow: 'Calling window (recipient time)',
    callable: 'Callable numbers',
    excludedDnc: 'Excluded: do-not-call list',
    excludedRecent: 'Excluded: called recently',
    toSend: 'Numbers sent',
    yes: 'yes',
    no: 'no',
    none: 'none',
    row: 'Row',
    phone: 'Number',
    rule: 'Rule',
    dncList: 'DNC list',
    lastCall: 'Last call (UTC)',
    included: 'Included anyway',
    ruleDnc: 'do-not-call list',
    ruleRecent: 'called recently',
    zone: 'Time zone',
    country: 'Country',
    numbers: 'Numbers',
    localStart: 'Local time at start',
    localEnd: 'Local time at expected end',
    outside: 'Outside the calling window',
    task: 'Task',
    startLocal: 'Starts (local time)',
    vendorSchedule: 'Vendor schedule',
    submission: 'Submission',
    at: 'Time (UTC)',
    event: 'Event',
    details: 'Details',
  },
  'zh-CN': {
    summary: '合规报告',
    exclusions: '排除的号码',
    zones: '时区',
    split: '拆分任务',
    sent: '提交记录',
    item: '项目',
    value: '值',
    campaign: '活动',
    account: '账户',
    list: '名单',
    generatedAt: '生成时间（UTC）',
    dncVersion: '使用的禁呼名单版本',
    historyVersion: '使用的呼叫历史版本',
    recentCallDays: '跳过最近 N 天内呼叫过的号码',
    includeAnyway: '仍然呼叫近期已呼叫的号码',
    callingWindow: '呼叫时段（接听方当地时间）',
    callable: '可拨号码',
    excludedDnc: '排除：禁呼名单',
    excludedRecent: '排除：近期已呼叫',
    toSend: '发送的号码',
    yes: '是',
    no: '否',
    none: '无',
    row: '行',
    phone: '号码',
    rule: '规则',
    dncList: '禁呼名单',
    lastCall: '上次呼叫（UTC）',
    included: '仍然呼叫',
    ruleDnc: '禁呼名单',
    ruleRecent: '近期已呼叫',
    zone: '时区',
    country: '国家',
    numbers: '号码数',
    localStart: '开始时的当地时间',
    localEnd: '预计结束时的当地时间',
    outside: '不在呼叫时段内',
    task: '任务',
    startLocal: '开始（当地时间）',
    vendorSchedule: '服务商排程',
    submission: '提交',
    at: '时间（UTC）',
    event: '事件',
    details: '详情',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** The report's words in a language (the read-back test uses them too). */
export function reportWords(locale: Locale): (typeof WORDS)[Locale] {
  return WORDS[locale];
}

/**
 * A draft's exclusions page by page, and its "compliance report" workbook: the campaign, the DNC
 * and history versions, every exclusion with its rule, DNC list and last call, the include-anyway
 * choice, the zones with their local times, the split tasks, and the submissions' audited proof.
 */
export class ComplianceReports {
  constructor(private readonly options: ComplianceReportOptions) {}

  /** A page of a draft's exclusions (empty for a draft without a list). */
  async exclusions(draftId: string, after: number | null, limit: number): Promise<ExclusionPage> {
    const draft = this.options.drafts.get(draftId);
    if (draft.listId === null) return { items: [], next: null };
    const page = await this.options.check.page(
      draft,
      this.listOf(draft),
      this.options.clock.now(),
      after,
      limit,
    );
    return { items: page.items, next: page.next };
  }

  /** The name the report's file is suggested under. */
  campaignName(draftId: string): string {
    return this.options.drafts.get(draftId).name;
  }

  /** Writes the report as .xlsx with headers in `locale`; returns the number of exclusion rows. */
  async writeReport(draftId: string, file: string, locale: Locale): Promise<number> {
    const draft = this.options.drafts.get(draftId);
    const listId = this.listOf(draft);
    const summary = await this.options.lists.summary(listId);
    const now = this.options.clock.now();
    const start = startInstantOf(draft, systemZone());
    const startAt = Math.max(now, start === null ? now : Date.parse(start));
    const { view } = await this.options.review.review(draft, listId, now, {
      startAt,
      durationMs: 0,
    });
    const w = WORDS[locale];
    const workbook = new ExcelJS.Workbook();

    const sheet = workbook.addWorksheet(w.summary);
    sheet.columns = [
      { header: w.item, key: 'item', width: 44 },
      { header: w.value, key: 'value', width: 60 },
    ];
    const c = draft.compliance;
    const rows: [string, string | number][] = [
      [w.campaign, draft.name],
      [w.account, this.options.accountName(draft.accountId)],
      [w.list, summary?.name ?? listId],
      [w.generatedAt, new Date(now).toISOString()],
      [w.dncVersion, view.dncVersion],
      [w.historyVersion, view.historyVersion],
      [w.recentCallDays, c.recentCallDays],
      [w.includeAnyway, c.includeRecentCalls ? w.yes : w.no],
      [
        w.callingWindow,
        c.callingWindow === null ? w.none : `${c.callingWindow.start}–${c.callingWindow.end}`,
      ],
      [w.callable, view.callable],
      [w.excludedDnc, view.excluded.dnc],
      [w.excludedRecent, view.excluded.recentCall],
      [w.toSend, view.toSend],
    ];
    for (const [item, value] of rows) sheet.addRow({ item, value });

    const exclusions = workbook.addWorksheet(w.exclusions);
    exclusions.columns = [
      { header: w.row, key: 'seq', width: 8 },
      { header: w.phone, key: 'phone', width: 20 },
      { header: w.rule, key: 'rule', width: 20 },
      { header: w.dncList, key: 'dncList', width: 28 },
      { header: w.lastCall, key: 'lastCall', width: 26 },
      { header: w.included, key: 'included', width: 14 },
    ];
    const names = this.options.check.dncNames();
    let written = 0;
    await this.options.check.run(draft, listId, now, (batch) => {
      for (const exclusion of batch) {
        const row = this.options.check.viewOf(draft, exclusion, names);
        exclusions.addRow({
          seq: row.seq + 1,
          phone: row.phone,
          rule: row.rule === 'dnc' ? w.ruleDnc : w.ruleRecent,
          dncList: row.dncList ?? '',
          lastCall: row.lastCalledAt ?? '',
          included: row.included ? w.yes : w.no,
        });
        written += 1;
      }
    });

    const zones = workbook.addWorksheet(w.zones);
    zones.columns = [
      { header: w.zone, key: 'zone', width: 28 },
      { header: w.country, key: 'country', width: 10 },
      { header: w.numbers, key: 'count', width: 10 },
      { header: w.localStart, key: 'start', width: 28 },
      { header: w.localEnd, key: 'end', width: 28 },
      { header: w.outside, key: 'outside', width: 14 },
    ];
    for (const zone of view.zones) {
      zones.addRow({
        zone: zone.zone ?? zone.zones.join(' | '),
        country: zone.country ?? '',
        count: zone.count,
        start: zone.localStart ?? '',
        end: zone.localEnd ?? '',
        outside: zone.outsideWindow ? w.yes : w.no,
      });
    }

    if (view.split !== null) {
      const split = workbook.addWorksheet(w.split);
      split.columns = [
        { header: w.task, key: 'name', width: 36 },
        { header: w.zone, key: 'zone', width: 28 },
        { header: w.numbers, key: 'count', width: 10 },
        { header: w.startLocal, key: 'start', width: 20 },
        { header: w.vendorSchedule, key: 'vendor', width: 70 },
      ];
      for (const task of view.split) {
        split.addRow({
          name: task.name,
          zone: task.zone,
          count: task.count,
          start: task.localStart,
          vendor: task.vendorSchedule[locale],
        });
      }
    }

    const proof = this.options.auditOf(draftId);
    if (proof.length > 0) {
      const sent = workbook.addWorksheet(w.sent);
      sent.columns = [
        { header: w.submission, key: 'submission', width: 38 },
        { header: w.at, key: 'at', width: 26 },
        { header: w.event, key: 'event', width: 22 },
        { header: w.details, key: 'details', width: 100 },
      ];
      for (const entry of proof) {
        const details = JSON.stringify(entry.payload);
        sent.addRow({
          submission: entry.submissionId ?? '',
          at: new Date(entry.at).toISOString(),
          event: entry.type,
          // Excel keeps at most 32,767 characters in a cell.
          details: details.length > 32_000 ? `${details.slice(0, 32_000)}…` : details,
        });
      }
    }
    await workbook.xlsx.writeFile(file);
    return written;
  }

  private listOf(draft: Draft): string {
    if (draft.listId !== null) return draft.listId;
    throw new AppError('INVALID_INPUT', {
      en: 'This draft has no list yet, so there is nothing to report. Pick a list first.',
      'zh-CN': '此草稿尚未选择名单，无可报告的内容。请先选择名单。',
    });
  }
}
