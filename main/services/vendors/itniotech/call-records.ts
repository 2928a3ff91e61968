import type { CallRecord } from '../../../../shared/domain/task';
import type { CallRecord as WireCallRecord } from './schemas';
import { vendorTimeToIso } from './mapping';

/** `hangupReason` of `/cc/record/query` (itniotech.md §7.1). */
export const CC_HANGUP_REASON: Readonly<Record<number, string>> = {
  0: 'outbound not answered',
  1: 'outbound hung up',
  2: 'transfer rang, then hung up',
  3: 'hung up after a successful transfer',
  4: 'call failed',
  5: 'callee operator has no service',
  6: 'callee out of service area',
  7: 'callee busy',
  8: 'inbound not answered',
  9: 'inbound hung up',
};

/** An ISO 8601 time with the vendor's offset (record queries want one, §7.2 and §9.9). */
export function isoWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.trunc(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

const nonNegative = (value: number | null | undefined): number | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : Math.max(0, value);

/** A call-center record (§7.1); its fields were not captured, so only what is read is mapped. */
export function ccCallRecord(row: WireCallRecord, offsetMinutes: number): CallRecord {
  const code = row.hangupReason;
  return {
    phone: row.calledOrCaller ?? '',
    startedAt: vendorTimeToIso(row.callTime, offsetMinutes),
    durationSeconds: nonNegative(row.callDuration),
    cost: row.cost ?? null,
    currency: row.currency ?? null,
    reason:
      code === null || code === undefined
        ? null
        : {
            code: String(code),
            label: CC_HANGUP_REASON[code] ?? `Unknown hang-up reason (${code})`,
          },
    // No recording link is documented for call-center records.
    recordingUrl: null,
  };
}

/** A voice group-call record (§7.2): SIP termination code and reason, cost and currency. */
export function groupCallRecord(row: WireCallRecord, offsetMinutes: number): CallRecord {
  const code = row.terminationCode;
  return {
    phone: row.callee ?? '',
    startedAt: vendorTimeToIso(row.callTime, offsetMinutes),
    durationSeconds: nonNegative(row.callDuration),
    cost: row.cost ?? null,
    currency: row.currency ?? null,
    reason:
      code === null || code === undefined
        ? null
        : {
            code: String(code),
            label: row.terminationReason ?? `Unknown hang-up reason (SIP ${code})`,
          },
    // `voiceFileId` is the played prompt, not a recording; no recording link is documented.
    recordingUrl: null,
  };
}
