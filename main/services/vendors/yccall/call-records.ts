import type { CallRecord } from '../../../../shared/domain/task';
import { httpsUrlOrNull } from '../https-url';
import { parseServerTime } from './mapping';
import type { Cdr } from './schemas';

/**
 * One CDR (yccall.md §6.1) as a call record. The server reports no cost, and its hang-up
 * direction/cause tables were not captured, so the reason is an unknown cause with its code (the
 * screen words it in the UI language; the direction goes to no one).
 */
export function callRecordOf(cdr: Cdr, offsetMinutes: number): CallRecord {
  const cause = cdr.hangupcause;
  return {
    phone: cdr.destnumber ?? '',
    startedAt: parseServerTime(cdr.starttime, offsetMinutes),
    durationSeconds:
      cdr.billsec === null || cdr.billsec === undefined ? null : Math.max(0, cdr.billsec),
    cost: null,
    currency: null,
    reason:
      cause === null || cause === undefined
        ? null
        : { code: String(cause), label: `Unknown hang-up cause (${cause})` },
    recordingUrl: httpsUrlOrNull(cdr.recordurl),
  };
}
