import type { CallEndReason, TaskKind } from '../../../shared/domain/task';
import type { Translate } from '../../i18n/translate';
import { known } from './detail-fields';

// The vendors' codes in a manager's words, in the UI language. The tables are the vendor modules'
// (main/services/vendors/*/mapping.ts, call-records.ts; itniotech.md §4.4, §5, §7.1; yccall.md
// §3.3); a code no table lists reads "Unknown … (code)": the code only ever follows words.

/** The message family of a task kind's vendor status codes. */
const STATUS_FAMILY: Readonly<Record<TaskKind, string>> = {
  'cc-preview': 'taskStatus',
  'voice-group': 'status',
  'ai-agent-group': 'status',
  predictive: 'predictive',
};

/** The words of a vendor status code of a task of this kind ("calling"), or null if unknown. */
export function vendorStatusWords(t: Translate, kind: TaskKind, code: string): string | null {
  const id = `tasks.code.${STATUS_FAMILY[kind]}.${code}`;
  return known(id) ? t(id) : null;
}

/** The vendor's status as a tooltip: "Vendor status: calling (11)", words first. */
export function vendorStatusTitle(t: Translate, kind: TaskKind, code: string): string {
  return t('tasks.vendorStatus', {
    label: vendorStatusWords(t, kind, code) ?? t('tasks.vendorStatus.unknown'),
    code,
  });
}

/**
 * Why a call ended, in words: the call-center hang-up reasons (itniotech.md §7.1), the common SIP
 * answers of group calls (with the vendor's own words for the rest), and "Unknown hang-up cause
 * (10020)" for Yccall, whose cause table is not documented (yccall.md §6.1).
 */
export function callReasonText(
  t: Translate,
  kind: TaskKind | null,
  reason: CallEndReason | null,
): string {
  if (reason === null) return '—';
  const { code } = reason;
  if (kind === 'cc-preview') {
    const id = `tasks.hangup.cc.${code}`;
    return known(id) ? t(id) : t('tasks.hangup.unknown', { code });
  }
  if (kind === 'voice-group' || kind === 'ai-agent-group') {
    const id = `tasks.hangup.sip.${code}`;
    if (known(id)) return t(id);
    // The vendor's own words for a SIP answer we have none for (they are words, not a code).
    const said = reason.label.trim();
    return said !== '' && !/^(SIP\s*)?\d+$/i.test(said)
      ? t('tasks.hangup.vendorSaid', { label: said, code })
      : t('tasks.hangup.unknown', { code });
  }
  return t('tasks.hangup.unknown', { code });
}
