import { describe, expect, it } from 'vitest';
import { E164Index } from '../../../main/services/lists/e164-index';

describe('E164Index (the import duplicate check)', () => {
  it('gives the first row of every repeated number, as a Map would, through many growths', () => {
    const index = new E164Index();
    const reference = new Map<string, number>();
    // Numbers of 7 to 15 digits, many sharing prefixes, with repeats.
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (let row = 2; row < 200_000; row += 1) {
      const length = 7 + (next() % 9);
      let digits = String(1 + (next() % 9));
      while (digits.length < length) digits += String(next() % 10);
      const e164 = row % 7 === 0 ? `+86138${String(row % 1_000).padStart(8, '0')}` : `+${digits}`;
      const expected = reference.get(e164) ?? null;
      if (expected === null) reference.set(e164, row);
      expect(index.firstRow(e164, row)).toBe(expected);
    }
    expect(index.size).toBe(reference.size);
  });

  it('tells the longest numbers apart, also beyond what a double holds exactly', () => {
    const index = new E164Index();
    expect(index.firstRow('+999999999999999', 2)).toBeNull();
    expect(index.firstRow('+999999999999998', 3)).toBeNull();
    expect(index.firstRow('+999999999999999', 4)).toBe(2);
    // 17 digits: 49 and a 15-digit German number; the two differ only past a double's precision.
    expect(index.firstRow('+49123456789012345', 5)).toBeNull();
    expect(index.firstRow('+49123456789012346', 6)).toBeNull();
    expect(index.firstRow('+49123456789012345', 7)).toBe(5);
    expect(index.size).toBe(4);
  });
});
