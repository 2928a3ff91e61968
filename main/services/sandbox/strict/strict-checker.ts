import type { StrictNumberRule, StrictRule, StrictViolation } from './rule';

/** A violation as the checker logged it: which route key it was seen on, and the entry for number rules. */
export interface LoggedViolation extends StrictViolation {
  readonly key: string;
  /** The refused list entry, for number rules. */
  readonly entry?: unknown;
}

/** True when a rule's scope covers a route key. */
function covers(scope: readonly string[], key: string): boolean {
  return scope.includes('*') || scope.includes(key);
}

/**
 * Runs a vendor's strict rules against requests and keeps a log of every violation seen, so a
 * test can assert afterwards that a client never broke a documented rule (or which one it broke).
 */
export class StrictChecker<R> {
  private readonly log: LoggedViolation[] = [];

  constructor(
    readonly rules: readonly StrictRule<R>[],
    readonly numberRules: readonly StrictNumberRule[] = [],
  ) {}

  /** The request rules that apply to a route key (its own and the '*' ones). */
  rulesFor(key: string): readonly StrictRule<R>[] {
    return this.rules.filter((rule) => covers(rule.scope, key));
  }

  /** The per-entry number rules that apply to a route key. */
  numberRulesFor(key: string): readonly StrictNumberRule[] {
    return this.numberRules.filter((rule) => covers(rule.scope, key));
  }

  /** Checks a whole request; returns (and logs) every rule it breaks. */
  check(key: string, request: R): readonly StrictViolation[] {
    const found: StrictViolation[] = [];
    for (const rule of this.rulesFor(key)) {
      const message = rule.check(request);
      if (message !== null) found.push({ ruleId: rule.id, message });
    }
    for (const violation of found) this.log.push({ ...violation, key });
    return found;
  }

  /** Checks one entry of a number list; returns (and logs) every number rule it breaks. */
  checkEntry(key: string, entry: unknown): readonly StrictViolation[] {
    const found: StrictViolation[] = [];
    for (const rule of this.numberRulesFor(key)) {
      const message = rule.check(entry);
      if (message !== null) found.push({ ruleId: rule.id, message });
    }
    for (const violation of found) this.log.push({ ...violation, key, entry });
    return found;
  }

  /** Every violation seen since the start or the last `clear()`, oldest first. */
  violations(): readonly LoggedViolation[] {
    return [...this.log];
  }

  /** Forgets the logged violations. */
  clear(): void {
    this.log.length = 0;
  }
}

/** Formats violations as one line ("rule-id: message; …") for an error message. */
export function describeViolations(violations: readonly StrictViolation[]): string {
  return violations.map((v) => `${v.ruleId}: ${v.message}`).join('; ');
}
