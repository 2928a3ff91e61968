import { createHash } from 'node:crypto';
import { json, type SimRequest, type SimResponse } from '../server';
import { plainDateTimeMs } from '../strict/rule';

// Wire-level pieces of the ITNIO simulator: route keys, envelopes, signature check, paging.
// Written independently of the client so a shared mistake cannot hide (the sim re-derives Sign).

/**
 * Fault/route keys: the request path without the brand prefix (`/v3` on onbuka voice paths and on
 * every cc path). `detail/{id}` is one key; the balance query is `/sms/getBalance` for both brands
 * (onbuka serves it at `/v3/getBalance`).
 */
export const ITNIOTECH_ROUTE_KEYS = [
  '/cc/preview/upload',
  '/cc/preview/submitTask',
  '/cc/preview/resendTask',
  '/cc/preview/query',
  '/cc/preview/queryTaskDetail',
  '/cc/preview/agent/editTask',
  '/cc/preview/agent/cancelTask',
  '/cc/seatGroup/query',
  '/cc/seat/querySipTotal',
  '/cc/record/query',
  '/voice/group/call/send',
  '/voice/group/call/send/agent',
  '/voice/group/call/query',
  '/voice/group/call/detail',
  '/voice/group/call/resend',
  '/voice/group/call/resend/ai',
  '/voice/group/call/cancel',
  '/voice/recordGroupQuery',
  '/number/queryPage',
  '/sms/getBalance',
] as const;
/** One simulator route key. */
export type ItniotechRouteKey = (typeof ITNIOTECH_ROUTE_KEYS)[number];

const KEYS = new Set<string>(ITNIOTECH_ROUTE_KEYS);
const GET_KEYS = new Set<string>([
  '/voice/group/call/detail',
  '/cc/seat/querySipTotal',
  '/sms/getBalance',
]);
/** Endpoints answering with `{code, msg, data}` (§2 style B); the rest use `{status, reason, data}`. */
const STYLE_B = new Set<string>([
  '/voice/group/call/query',
  '/voice/group/call/detail',
  '/voice/group/call/cancel',
]);

/** A request resolved to a route. */
export interface SimRoute {
  readonly key: ItniotechRouteKey;
  /** `{id}` of `detail/{id}`. */
  readonly id: string | null;
  readonly method: 'GET' | 'POST';
  readonly style: 'A' | 'B';
}

/** Resolves a path of either brand to its route, or null when it is not an ITNIO path. */
export function routeOf(path: string): SimRoute | null {
  const v3 = path.startsWith('/v3/');
  let rest = v3 ? path.slice(3) : path;
  if (v3 && rest === '/getBalance') rest = '/sms/getBalance';
  else if (v3 && rest === '/sms/getBalance') return null; // onbuka has no /v3/sms/getBalance
  let id: string | null = null;
  const detail = /^\/voice\/group\/call\/detail\/([^/]+)$/.exec(rest);
  if (detail) {
    id = decodeURIComponent(detail[1] ?? '');
    rest = '/voice/group/call/detail';
  }
  if (!KEYS.has(rest)) return null;
  // Call-center paths exist only under /v3 for both brands (itniotech.md, brand table).
  if (rest.startsWith('/cc/') && !v3) return null;
  const key = rest as ItniotechRouteKey;
  return {
    key,
    id,
    method: GET_KEYS.has(key) ? 'GET' : 'POST',
    style: STYLE_B.has(key) ? 'B' : 'A',
  };
}

/** Thrown inside a route to answer a documented failure code. */
export class VendorFailure extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Shorthand for `throw new VendorFailure(code, reason)`. */
export function fail(code: number, reason: string): never {
  throw new VendorFailure(code, reason);
}

/** Reasons as the vendor words them (§8). */
export const REASONS: Readonly<Record<number, string>> = {
  [-1]: 'authentication error',
  [-2]: 'IP not allowed',
  [-16]: 'timestamp expires',
  [-18]: 'port program error',
  [-20]: 'data already exists',
  [-21]: 'data validation error',
  [-22]: 'parameter error',
  [-23]: 'data limit reached',
  [-24]: 'data does not exist',
  [-34]: 'previous task has no numbers to call',
  [-38]: 'file too large',
  [-39]: 'wrong file format',
  [-40]: 'more than 100,000 rows imported',
  [-41]: 'task status does not allow the change',
  [-42]: 'number count is 0',
  [-43]: 'callee information header repeated',
  [-54]: 'submitted task is invalid',
  [-74]: 'agent group does not belong to this application',
};

/** An answer in the route's envelope, with the sim clock in the Date header. */
export function envelope(
  route: SimRoute | null,
  nowMs: number,
  code: number,
  reason: string,
  data?: unknown,
  topLevel?: Readonly<Record<string, unknown>>,
): SimResponse {
  const body =
    route?.style === 'B'
      ? { code, msg: reason, ...(data === undefined ? {} : { data }) }
      : { status: String(code), reason, ...(data === undefined ? {} : { data }), ...topLevel };
  const response = json(body);
  return { ...response, headers: { ...response.headers, date: new Date(nowMs).toUTCString() } };
}

/** The account a signed request belongs to, or the failure code to answer. */
export function checkSignature(
  request: SimRequest,
  accounts: ReadonlyMap<string, string>,
  nowMs: number,
  windowSeconds: number,
): string {
  const apiKey = request.headers['api-key'];
  const timestamp = request.headers['timestamp'];
  const sign = request.headers['sign'];
  if (!apiKey || !timestamp || !sign) fail(-1, REASONS[-1] ?? '');
  const secret = accounts.get(apiKey);
  if (secret === undefined) fail(-1, REASONS[-1] ?? '');
  if (!/^\d{10}$/.test(timestamp)) fail(-16, REASONS[-16] ?? '');
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > windowSeconds) {
    fail(-16, REASONS[-16] ?? '');
  }
  const expected = createHash('md5')
    .update(apiKey + secret + timestamp, 'utf8')
    .digest('hex');
  // The docs say the comparison is case-insensitive (§1).
  if (sign.toLowerCase() !== expected) fail(-1, REASONS[-1] ?? '');
  return apiKey;
}

/** A JSON object body, or -22. */
export function objectBody(request: SimRequest): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body.toString('utf8'));
  } catch {
    fail(-22, REASONS[-22] ?? '');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    fail(-22, REASONS[-22] ?? '');
  return parsed as Record<string, unknown>;
}

/** The paging fields of a list body (§3), or -22. */
export function paging(body: Record<string, unknown>): {
  readonly current: number;
  readonly size: number;
  readonly params: Record<string, unknown>;
} {
  const { current, size, params } = body;
  if (typeof current !== 'number' || !Number.isInteger(current) || current < 1)
    fail(-22, 'current');
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 100)
    fail(-22, 'size');
  if (typeof params !== 'object' || params === null || Array.isArray(params)) fail(-22, 'params');
  return { current, size, params: params as Record<string, unknown> };
}

/** One page of rows, in the documented paged shape. */
export function pageOf<T>(rows: readonly T[], current: number, size: number) {
  return {
    total: rows.length,
    size,
    current,
    pages: Math.ceil(rows.length / size),
    searchCount: true,
    records: rows.slice((current - 1) * size, current * size),
  };
}

/** `yyyy-MM-dd HH:mm:ss` in the vendor's zone. */
export function vendorTime(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses `yyyy-MM-dd HH:mm:ss` (vendor zone) to ms, or null. */
export function parseVendorTime(text: unknown, offsetMinutes: number): number | null {
  if (typeof text !== 'string') return null;
  const wall = plainDateTimeMs(text);
  return wall === null ? null : wall - offsetMinutes * 60_000;
}

/** Reads an integer field that the docs show as a number or a numeric string. */
export function intField(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return null;
}
