import { createHash } from 'node:crypto';

/** The JSON content type ITNIO wants on every call, GETs included (itniotech.md §1). */
export const ITNIOTECH_CONTENT_TYPE = 'application/json;charset=UTF-8';

/**
 * The ITNIO signature: lowercase hex MD5 of `apiKey + apiSecret + timestamp` (itniotech.md §1).
 *
 * Pure: the same three strings always give the same Sign. The secret is hashed, never sent.
 */
export function itniotechSign(apiKey: string, apiSecret: string, timestamp: string): string {
  return createHash('md5').update(`${apiKey}${apiSecret}${timestamp}`, 'utf8').digest('hex');
}

/** Unix time in whole seconds, as the `Timestamp` header wants it (10 digits). */
export function unixSeconds(nowMs: number): string {
  return String(Math.floor(nowMs / 1000));
}

/** The four headers of a signed request (itniotech.md §1). */
export function signedHeaders(
  apiKey: string,
  apiSecret: string,
  timestamp: string,
): Readonly<Record<string, string>> {
  return {
    'Content-Type': ITNIOTECH_CONTENT_TYPE,
    'Api-Key': apiKey,
    Timestamp: timestamp,
    Sign: itniotechSign(apiKey, apiSecret, timestamp),
  };
}
