import type { CallRecord } from '../../../../shared/domain/task';
import { httpsUrlOrNull } from '../https-url';
import { parseServerTime } from './mapping';
import type { Cdr } from './schemas';

/**
 * One CDR (yccall.md §6.1) as a call record. The server reports no cost, and its hang-up
 * direction/cause tables were not captured, so the reason shows the codes themselves.
 */
export function callRecordOf(cdr: Cdr, offsetMinutes: number): CallRecord {
  const cause = cdr.hangupcause;
  const direction = cdr.hangupdirection;
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
        : {
            code: String(cause),
            label:
              direction === null || direction === undefined
                ? `hang-up cause ${cause}`
                : `hang-up cause ${cause}, direction ${direction}`,
          },
    recordingUrl: httpsUrlOrNull(cdr.recordurl),
  };
}
