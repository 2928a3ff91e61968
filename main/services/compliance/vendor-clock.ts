import type { VendorClock } from '../../../shared/compliance';
import type { AccountView } from '../../../shared/domain/account';
import { systemZone } from '../preflight/zoned-time';

/**
 * The clock an account's vendor reads times on: ITNIO's `serverUtcOffsetMinutes` (default
 * UTC+08:00, itniotech.md §9.9), a Yccall server's offset, or, when a Yccall account has none,
 * this computer's zone (the vendor module's own default). An unknown account reads as this
 * computer's zone; its draft is refused by validation anyway.
 */
export function vendorClockOfAccount(account: AccountView | undefined): VendorClock {
  if (account === undefined) return { kind: 'zone', zone: systemZone() };
  const minutes = account.connection.serverUtcOffsetMinutes;
  return minutes === null ? { kind: 'zone', zone: systemZone() } : { kind: 'offset', minutes };
}
