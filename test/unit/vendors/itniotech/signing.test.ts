import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ItniotechClient } from '../../../../main/services/vendors/itniotech/client';
import {
  itniotechSign,
  signedHeaders,
  unixSeconds,
} from '../../../../main/services/vendors/itniotech/signing';
import type { HttpRequest } from '../../../../main/services/vendors/http';
import { readFixture } from './fixtures';

const SignExampleSchema = z.object({
  apiKey: z.string(),
  apiSecret: z.string(),
  timestamp: z.string(),
  concatenated: z.string(),
  sign: z.string(),
  headers: z.record(z.string(), z.string()),
});

describe('ITNIO signing (itniotech.md §1)', () => {
  it('reproduces the documented worked example', async () => {
    const example = SignExampleSchema.parse(await readFixture('itniotech-sign-example.json'));
    expect(example.apiKey + example.apiSecret + example.timestamp).toBe(example.concatenated);
    expect(itniotechSign(example.apiKey, example.apiSecret, example.timestamp)).toBe(example.sign);
  });

  it('builds exactly the documented headers', async () => {
    const example = SignExampleSchema.parse(await readFixture('itniotech-sign-example.json'));
    expect(signedHeaders(example.apiKey, example.apiSecret, example.timestamp)).toEqual(
      example.headers,
    );
  });

  it('changes the Sign when any input changes, and is lowercase hex', () => {
    const base = itniotechSign('k', 's', '1630468800');
    expect(base).toMatch(/^[0-9a-f]{32}$/);
    expect(itniotechSign('k', 's', '1630468801')).not.toBe(base);
    expect(itniotechSign('k', 't', '1630468800')).not.toBe(base);
    expect(itniotechSign('K', 's', '1630468800')).not.toBe(base);
  });

  it('sends seconds, not milliseconds', () => {
    expect(unixSeconds(1_630_468_800_999)).toBe('1630468800');
  });

  it('signs every request with a fresh timestamp from the injected clock and reads the secret each time', async () => {
    let now = 1_630_468_800_000;
    let secretReads = 0;
    const sent: HttpRequest[] = [];
    const client = new ItniotechClient({
      apiKey: 'bDqJFiq9',
      getSecret: async () => {
        secretReads += 1;
        return '7bz1lzh9';
      },
      brand: 'itniotech',
      clock: { now: () => now },
      send: async (request) => {
        sent.push(request);
        return { status: 200, text: '{"status":"0","reason":"success","balance":"1.00"}' };
      },
    });
    await client.getBalance();
    now += 61_000;
    await client.getBalance();
    expect(sent.map((r) => r.headers?.Timestamp)).toEqual(['1630468800', '1630468861']);
    expect(sent[0]?.headers?.Sign).toBe('05d7a50893e22a5c4bb3216ae3396c7c');
    expect(sent[1]?.headers?.Sign).toBe(itniotechSign('bDqJFiq9', '7bz1lzh9', '1630468861'));
    expect(secretReads).toBe(2);
    expect(JSON.stringify(sent)).not.toContain('7bz1lzh9');
  });
});
