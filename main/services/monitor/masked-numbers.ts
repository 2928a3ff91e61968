/**
 * Masked callee numbers and the submitted numbers they stand for.
 *
 * ITNIO lists a cc task's callees masked (`encryptCalled`, itniotech.md §4.5, example
 * `8613****622`). That example keeps 4 leading and 3 trailing digits and writes 4 stars, yet a
 * Chinese mobile in E.164 (86 + 11 digits) hides 6 there: the star count does not tell the
 * number of hidden digits. So a star run stands for one or more digits, and the number's length
 * is never used to pick between candidates. A masked number is resolved only when exactly one
 * submitted number fits its visible digits; none or several is reported, never guessed.
 */

/** What a reported number turned out to be. */
export type MaskResolution =
  /** Not masked: use the text as it is. */
  | { readonly kind: 'plain' }
  /** The one submitted number (E.164 with '+') whose digits fit the visible ones. */
  | { readonly kind: 'resolved'; readonly e164: string }
  /** No submitted number fits. */
  | { readonly kind: 'unmatched' }
  /** Several submitted numbers fit; which one was called cannot be told. */
  | { readonly kind: 'ambiguous'; readonly candidates: number };

/** A mask's visible digit groups, in order, between runs of stars. */
interface Mask {
  readonly groups: readonly string[];
}

/** Stars and the digits around them; anything else ('+', spaces, dashes) is layout. */
function maskOf(text: string): Mask | null {
  if (!text.includes('*')) return null;
  const compact = text.replace(/[^\d*]/g, '');
  return { groups: compact.split(/\*+/) };
}

/** True when the vendor showed this number with hidden digits. */
export function isMasked(text: string): boolean {
  return text.includes('*');
}

/** True when `digits` fits the mask: the groups in order, each star run one or more digits. */
function fits(mask: Mask, digits: string): boolean {
  const groups = mask.groups;
  const first = groups[0] ?? '';
  const last = groups[groups.length - 1] ?? '';
  if (!digits.startsWith(first) || !digits.endsWith(last)) return false;
  // Each of the (groups − 1) star runs hides at least one digit.
  let at = first.length + 1;
  const end = digits.length - last.length;
  for (const group of groups.slice(1, -1)) {
    const found = digits.indexOf(group, at);
    if (found < 0 || found + group.length > end - 1) return false;
    at = found + group.length + 1;
  }
  return at <= end;
}

/**
 * Resolves masked numbers against the numbers the app submitted for the task.
 *
 * Submitted numbers are compared as the digits of their E.164 form without '+'. Candidates are
 * indexed by leading and trailing visible digits, one index per mask shape (built when first
 * needed; a vendor masks one way, so usually once), so each lookup is a map read, not a scan.
 */
export class MaskedNumberResolver {
  /** Digits (no '+') → the submitted E.164 text. */
  private readonly numbers = new Map<string, string>();
  /** `${head}:${tail}` lengths → `${first}|${last}` → digits of the numbers that start and end so. */
  private readonly indexes = new Map<string, Map<string, string[]>>();

  constructor(submitted: Iterable<string>) {
    for (const e164 of submitted) {
      const digits = e164.replace(/\D/g, '');
      if (digits !== '' && !this.numbers.has(digits)) this.numbers.set(digits, e164);
    }
  }

  /** What `text` (a number as the vendor reported it) stands for. */
  resolve(text: string): MaskResolution {
    const mask = maskOf(text);
    if (mask === null) return { kind: 'plain' };
    const candidates = this.fitting(mask);
    if (candidates.length === 0) return { kind: 'unmatched' };
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only === undefined) return { kind: 'ambiguous', candidates: candidates.length };
    return { kind: 'resolved', e164: this.numbers.get(only) ?? `+${only}` };
  }

  /** Every submitted number (E.164) that fits a masked text; [] for a text without a mask. */
  candidates(text: string): readonly string[] {
    const mask = maskOf(text);
    if (mask === null) return [];
    return this.fitting(mask).map((digits) => this.numbers.get(digits) ?? `+${digits}`);
  }

  private fitting(mask: Mask): string[] {
    const first = mask.groups[0] ?? '';
    const last = mask.groups[mask.groups.length - 1] ?? '';
    return (this.index(first.length, last.length).get(`${first}|${last}`) ?? []).filter((digits) =>
      fits(mask, digits),
    );
  }

  private index(head: number, tail: number): Map<string, string[]> {
    const shape = `${String(head)}:${String(tail)}`;
    const known = this.indexes.get(shape);
    if (known) return known;
    const index = new Map<string, string[]>();
    for (const digits of this.numbers.keys()) {
      // At least one hidden digit between the visible ends.
      if (digits.length < head + tail + 1) continue;
      const key = `${digits.slice(0, head)}|${tail === 0 ? '' : digits.slice(-tail)}`;
      const bucket = index.get(key);
      if (bucket) bucket.push(digits);
      else index.set(key, [digits]);
    }
    this.indexes.set(shape, index);
    return index;
  }
}
