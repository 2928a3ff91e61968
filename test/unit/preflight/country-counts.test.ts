import { describe, expect, it } from 'vitest';
import { getCountries, getExampleNumber, parsePhoneNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import type { ListRow } from '../../../main/services/drafts/list-source';
import { classify, countCountries } from '../../../main/services/preflight/country-counts';

async function* rowsOf(numbers: readonly string[]): AsyncIterable<readonly ListRow[]> {
  let rowNumber = 1;
  // Two batches, so counts carry across batches.
  const rows = numbers.map((e164) => ({ rowNumber: ++rowNumber, e164, name: null, variables: [] }));
  yield rows.slice(0, 3);
  yield rows.slice(3);
}

describe('counting numbers per calling country', () => {
  it('agrees with parsePhoneNumber(e164).country for an example number of every region', () => {
    const memo = new Map<string, string | null>();
    const mismatches: string[] = [];
    for (const region of getCountries()) {
      const example = getExampleNumber(region, examples);
      if (!example) continue;
      const e164 = example.number;
      const expected = parsePhoneNumber(e164).country ?? null;
      // Twice: the second answer may come from the prefix memo.
      for (let i = 0; i < 2; i += 1) {
        const got = classify(e164, memo).country;
        if (got !== expected) mismatches.push(`${region} ${e164}: ${got} ≠ ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('tells apart regions that share a calling code', () => {
    const memo = new Map<string, string | null>();
    expect(classify('+12125550123', memo).country).toBe('US');
    expect(classify('+14165550123', memo).country).toBe('CA');
    expect(classify('+17875550123', memo).country).toBe('PR');
    expect(classify('+79123456789', memo).country).toBe('RU');
    expect(classify('+77012345678', memo).country).toBe('KZ');
    expect(classify('+447400123456', memo).country).toBe('GB');
  });

  it('counts per country, biggest first, and keeps numbers without a region', async () => {
    const counts = await countCountries(
      rowsOf([
        '+8613800138000',
        '+8613800138001',
        '+8613800138002',
        '+12125550123',
        '+14165550123',
        '+12125550124',
        '+882161234567',
      ]),
    );
    expect(counts).toEqual([
      { country: 'CN', callingCode: '86', count: 3 },
      { country: 'US', callingCode: '1', count: 2 },
      { country: 'CA', callingCode: '1', count: 1 },
      { country: null, callingCode: '882', count: 1 },
    ]);
  });

  it('stops with CANCELLED when the signal aborts', async () => {
    const controller = new AbortController();
    async function* endless(): AsyncIterable<readonly ListRow[]> {
      for (let i = 0; ; i += 1) {
        if (i === 20) controller.abort();
        yield Array.from({ length: 1_000 }, (_, at) => ({
          rowNumber: i * 1_000 + at + 2,
          e164: '+8613800138000',
          name: null,
          variables: [],
        }));
      }
    }
    await expect(countCountries(endless(), controller.signal)).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});
