// Calling compliance, the zone part: which zone a number is in, when it may be called, and how a
// campaign split by zone starts at the vendor. Pure TypeScript for main and the renderer.

export { zonesOf, zonesOfCountry, type RecipientZones, type ZoneSource } from './recipient-zone';
export {
  blackoutDatesOf,
  isCallingAllowed,
  localTimeAt,
  nextAllowedStart,
  problemOf,
  windowAt,
  type BlackoutCalendar,
  type CallingRules,
  type DailyWindow,
  type LocalTime,
  type WindowAnswer,
} from './calling-window';
export {
  groupByZone,
  vendorScheduleOf,
  vendorTimeText,
  type GroupScheduleRequest,
  type ItnioSendWindow,
  type VendorClock,
  type VendorSchedule,
  type ZoneGroup,
} from './zone-groups';
