import { describe, expect, it } from 'vitest';
import { MaskedNumberResolver, isMasked } from '../../../main/services/monitor/masked-numbers';
import { mask } from '../../../main/services/sandbox/itniotech/itniotech-sim';

describe('resolving masked numbers against the numbers submitted', () => {
  it('resolves the doc example to the one submitted number that fits, whatever the star count', () => {
    // itniotech.md §4.5: `8613****622`; a Chinese mobile hides 6 digits behind the 4 stars.
    const resolver = new MaskedNumberResolver([
      '+8613800138622',
      '+8613800138623',
      '+916123456622',
    ]);
    expect(resolver.resolve('8613****622')).toEqual({ kind: 'resolved', e164: '+8613800138622' });
    // A mask whose stars match the hidden digits resolves the same, as does one with a '+'.
    expect(resolver.resolve('8613******622')).toEqual({ kind: 'resolved', e164: '+8613800138622' });
    expect(resolver.resolve('+86 13**622')).toEqual({ kind: 'resolved', e164: '+8613800138622' });
  });

  it('reports a mask that fits several submitted numbers as ambiguous, never picking one', () => {
    const resolver = new MaskedNumberResolver(['+8613800138622', '+8613900139622']);
    expect(resolver.resolve('8613****622')).toEqual({ kind: 'ambiguous', candidates: 2 });
    // Not even when only one of them has as many hidden digits as there are stars.
    const lengths = new MaskedNumberResolver(['+86131234622', '+8613800138622']);
    expect(lengths.resolve('8613****622')).toEqual({ kind: 'ambiguous', candidates: 2 });
  });

  it('reports a mask that fits none of the submitted numbers as unmatched', () => {
    const resolver = new MaskedNumberResolver(['+8613800138622']);
    expect(resolver.resolve('8613****623')).toEqual({ kind: 'unmatched' });
    expect(resolver.resolve('8614****622')).toEqual({ kind: 'unmatched' });
    // The stars hide at least one digit: visible ends that already make the number do not fit.
    expect(new MaskedNumberResolver(['+8613622']).resolve('8613****622')).toEqual({
      kind: 'unmatched',
    });
    expect(new MaskedNumberResolver([]).resolve('8613****622')).toEqual({ kind: 'unmatched' });
  });

  it('passes numbers that are not masked through untouched', () => {
    const resolver = new MaskedNumberResolver(['+8613800138622']);
    expect(isMasked('8613800138622')).toBe(false);
    expect(resolver.resolve('8613800138622')).toEqual({ kind: 'plain' });
    expect(resolver.resolve('+62 812 3456 7890')).toEqual({ kind: 'plain' });
    expect(isMasked('8613****622')).toBe(true);
  });

  it('matches visible digits between several star runs in order', () => {
    const resolver = new MaskedNumberResolver(['+8613800138622', '+8613811138622']);
    expect(resolver.resolve('86**800***622')).toEqual({ kind: 'resolved', e164: '+8613800138622' });
    expect(resolver.resolve('86**138**22')).toEqual({ kind: 'ambiguous', candidates: 2 });
    expect(resolver.resolve('****622')).toEqual({ kind: 'ambiguous', candidates: 2 });
    expect(resolver.resolve('86**999**22')).toEqual({ kind: 'unmatched' });
  });

  it('resolves every number the simulator masks when no two share their visible digits', () => {
    const numbers = Array.from(
      { length: 1_000 },
      (_, i) => `+86138001${String(i).padStart(4, '0')}`,
    );
    const resolver = new MaskedNumberResolver(numbers);
    for (const e164 of numbers) {
      expect(resolver.resolve(mask(e164.slice(1)))).toEqual({ kind: 'resolved', e164 });
    }
  });

  it('lists every submitted number a mask fits, and none for a plain number', () => {
    const resolver = new MaskedNumberResolver([
      '+8613800138555',
      '+8613900139555',
      '+8613800138777',
    ]);
    expect([...resolver.candidates('8613****555')].sort()).toEqual([
      '+8613800138555',
      '+8613900139555',
    ]);
    expect(resolver.candidates('8613800138555')).toEqual([]);
  });
});
