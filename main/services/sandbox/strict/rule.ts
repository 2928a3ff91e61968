// Types of the strict simulator's rules. Each rule is one documented requirement of a vendor API,
// written from the vendor reference (test/fixtures/vendor-api/*.md) alone, not from the app's
// clients: the clients and the lenient simulator share one reading of the docs, and these rules
// are a second, independent reading that can disagree with both.

/** One documented rule the strict simulator enforces. */
export interface StrictRule<R> {
  /** Stable id, e.g. 'yccall.TaskCreat.taskscale.format'. */
  readonly id: string;
  /**
   * Route keys it applies to: Yccall `service` names (exact documented casing), ITNIO route keys
   * such as '/cc/preview/submitTask' (path without brand prefix), or ['*'] for every request.
   */
  readonly scope: readonly string[];
  /** Where the rule comes from, e.g. 'yccall.md §4.1'. */
  readonly source: string;
  /** The doc sentence(s) or table row the rule enforces, copied verbatim from the doc. */
  readonly quote: string;
  /** Whole-request check: a short English message when the request breaks the rule, else null. */
  readonly check: (request: R) => string | null;
  /** For the rule's own test: a request that passes this rule, and one that breaks it. */
  readonly examples: { readonly good: R; readonly bad: R };
}

/** A per-number rule: refuses single entries of a number list instead of the whole request (Yccall telphone entries). */
export interface StrictNumberRule {
  readonly id: string;
  readonly scope: readonly string[];
  readonly source: string;
  readonly quote: string;
  /** A short English message when the entry breaks the rule, else null. */
  readonly check: (entry: unknown) => string | null;
  readonly examples: { readonly good: unknown; readonly bad: unknown };
}

/** A Yccall request as the strict rules see it. */
export interface YccallStrictRequest {
  /** HTTP method (the doc requires POST). */
  readonly method: string;
  /** The `service` form field ('' when absent). */
  readonly service: string;
  /** Form fields by name; empty when the body is not a form. */
  readonly fields: ReadonlyMap<string, string>;
  /** The Content-Type header ('' when absent). */
  readonly contentType: string;
}

/** An ITNIO / ONBUKA request as the strict rules see it. */
export interface ItniotechStrictRequest {
  readonly method: string;
  /** Route key: the path without the brand prefix, e.g. '/cc/preview/submitTask'. */
  readonly key: string;
  /** The full path as sent (with prefix and any `{id}` segment). */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header values by lower-case name, as Node delivers them. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The parsed JSON body; undefined for GET or when the body is not JSON. */
  readonly body: unknown;
}

/** One broken rule. */
export interface StrictViolation {
  readonly ruleId: string;
  readonly message: string;
}

/**
 * A real calendar instant written `yyyy-mm-dd hh:mm:ss` (both docs' request format), as the
 * milliseconds of that wall time read as UTC; null for any other text.
 */
export function plainDateTimeMs(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Round-trip through Date.UTC so "2025-02-30" or "24:00:00" are not accepted as times.
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(ms);
  const real =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  return real ? ms : null;
}

/** True when `text` is a real calendar instant written `yyyy-mm-dd hh:mm:ss`. */
export function isPlainDateTime(text: string): boolean {
  return plainDateTimeMs(text) !== null;
}
