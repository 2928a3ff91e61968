import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AccountProfileSchema, type AccountProfile } from '../../../shared/domain/account';
import type {
  AccountField,
  AccountProblem,
  DamagedAccount,
} from '../../../shared/domain/damaged-account';

/** One entry of the stored account list: usable, or damaged and kept as it is. */
export type StoredAccount =
  | { readonly kind: 'valid'; readonly profile: AccountProfile }
  | { readonly kind: 'damaged'; readonly raw: unknown; readonly view: DamagedAccount };

/**
 * Reads the stored account list entry by entry. An entry this version cannot use is never
 * dropped: it comes back as `damaged`, with its raw value, so a write can keep it verbatim.
 * A stored value that is not a list at all is kept the same way, as one damaged entry.
 */
export function readStoredAccounts(stored: unknown): StoredAccount[] {
  if (stored === undefined) return [];
  const entries = Array.isArray(stored) ? (stored as unknown[]) : [stored];
  const seen = new Set<string>();
  return entries.map((raw): StoredAccount => {
    const parsed = AccountProfileSchema.safeParse(raw);
    if (parsed.success && !seen.has(parsed.data.id)) {
      seen.add(parsed.data.id);
      return { kind: 'valid', profile: parsed.data };
    }
    const problems = parsed.success
      ? [{ field: 'id', kind: 'duplicate' } as const]
      : problemsOf(raw, parsed.error);
    return { kind: 'damaged', raw, view: damagedView(raw, problems) };
  });
}

/** The key of a damaged entry: a fingerprint of it as stored, stable while it is kept verbatim. */
export function damagedAccountKey(raw: unknown): string {
  const text = JSON.stringify(raw) ?? 'undefined';
  return `damaged-${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
}

/** The stored id of an entry, when it has one (its keychain secret is filed under it). */
export function storedIdOf(raw: unknown): string | null {
  const id = isRecord(raw) ? raw['id'] : undefined;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/** Whether a stored entry says it is a demo account (no keychain entry). */
export function storedDemo(raw: unknown): boolean {
  return isRecord(raw) && raw['demo'] === true;
}

/** The stored creation time of an entry, when it has one. */
export function storedCreatedAt(raw: unknown): string | null {
  const at = isRecord(raw) ? raw['createdAt'] : undefined;
  return typeof at === 'string' ? at : null;
}

function damagedView(raw: unknown, problems: readonly AccountProblem[]): DamagedAccount {
  const record = isRecord(raw) ? raw : {};
  const name = record['name'];
  const vendor = record['vendor'];
  return {
    key: damagedAccountKey(raw),
    name: typeof name === 'string' && name.trim() !== '' ? shorten(name, 200) : null,
    vendor: vendor === 'itniotech' || vendor === 'yccall' ? vendor : null,
    demo: storedDemo(raw),
    hasId: storedIdOf(raw) !== null,
    problems: problems.slice(0, 50),
    fields: storedFields(record),
  };
}

/** The name and connection fields, flattened (`defaults.queue` → `queue`), as the form names them. */
function storedFields(record: Readonly<Record<string, unknown>>): DamagedAccount['fields'] {
  const fields: Record<string, string | number | boolean | null> = {};
  const take = (source: unknown) => {
    if (!isRecord(source)) return;
    for (const [key, value] of Object.entries(source)) {
      if (!/^[A-Za-z]{1,40}$/.test(key)) continue;
      if (typeof value === 'string') fields[key] = shorten(value, 2_000);
      else if (typeof value === 'number' && Number.isFinite(value)) fields[key] = value;
      else if (typeof value === 'boolean' || value === null) fields[key] = value;
    }
  };
  const connection = record['connection'];
  take(connection);
  if (isRecord(connection)) {
    take(connection['defaults']);
    take(connection['dialing']);
  }
  if (typeof record['name'] === 'string') fields['name'] = shorten(record['name'], 2_000);
  return fields;
}

const CONNECTION_FIELDS: Readonly<Record<string, AccountField>> = {
  brand: 'brand',
  apiKey: 'apiKey',
  baseUrl: 'baseUrl',
  allowUnencrypted: 'allowUnencrypted',
  appId: 'appId',
  countryCode: 'countryCode',
  displayNumber: 'displayNumber',
  serverUrl: 'serverUrl',
  appid: 'appid',
  queue: 'queue',
  homeCountry: 'homeCountry',
  internationalPrefix: 'internationalPrefix',
  serverUtcOffsetMinutes: 'serverZone',
};

/** Turns the schema's findings into the app's own closed set of problems (no library text). */
function problemsOf(raw: unknown, error: z.ZodError): AccountProblem[] {
  if (!isRecord(raw)) return [{ field: 'entry', kind: 'not-an-account' }];
  const problems: AccountProblem[] = [];
  const add = (problem: AccountProblem) => {
    if (!problems.some((p) => p.field === problem.field && p.kind === problem.kind)) {
      problems.push(problem);
    }
  };
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      add({ field: field === 'entry' ? 'details' : field, kind: 'unexpected' });
    } else if (issue.code === 'invalid_union' && field === 'vendor') {
      add({ field, kind: raw['vendor'] === undefined ? 'missing' : 'unknown-vendor' });
    } else if (issue.code === 'too_big' && issue.origin === 'string') {
      add({ field, kind: 'too-long', max: Number(issue.maximum) });
    } else if (valueAt(raw, issue.path) === undefined) {
      add({ field, kind: 'missing' });
    } else if (
      issue.code === 'too_small' &&
      issue.origin === 'string' &&
      String(valueAt(raw, issue.path)).trim() === ''
    ) {
      add({ field, kind: 'missing' });
    } else {
      add({ field, kind: 'invalid' });
    }
  }
  return problems.length > 0 ? problems : [{ field: 'entry', kind: 'invalid' }];
}

function fieldOf(path: readonly PropertyKey[]): AccountField {
  const [first] = path;
  if (first === undefined) return 'entry';
  if (first === 'id' || first === 'name' || first === 'vendor') return first;
  if (first !== 'connection') return 'details';
  const leaf = [...path]
    .reverse()
    .find((part) => typeof part === 'string' && part in CONNECTION_FIELDS);
  return typeof leaf === 'string' ? (CONNECTION_FIELDS[leaf] ?? 'connection') : 'connection';
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const part of path) {
    if (!isRecord(value) || typeof part === 'symbol') return undefined;
    value = value[String(part)];
  }
  return value;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
