import { VENDOR_KINDS, type TaskKind, type VendorId } from '../../../shared/domain/task';

const VENDORS = Object.keys(VENDOR_KINDS) as VendorId[];

/** The vendor whose accounts run a kind of task (each kind belongs to exactly one, VENDOR_KINDS). */
export function vendorOfKind(kind: TaskKind): VendorId {
  const vendor = VENDORS.find((id) => VENDOR_KINDS[id].includes(kind));
  if (vendor === undefined) throw new RangeError(`No vendor runs ${kind} tasks.`);
  return vendor;
}
