import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiFold } from '../../../src/core/domain/skeleton';

// The one-pass fold (issue 13) must answer exactly as the chain of replacements it replaced.
const chain = (s: string): string => s.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/cl/g, 'd').replace(/[1i|]/g, 'l').replace(/0/g, 'o').replace(/5/g, 's');

describe('asciiFold', () => {
  it('equals the replacement chain on strings dense in the folded letters', () => {
    const unit = fc.constantFrom('r', 'n', 'v', 'c', 'l', '1', 'i', '|', '0', '5', 'm', 'w', 'd', 'a', 'é', '-', '𝐚');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
        expect(asciiFold(s)).toBe(chain(s));
      }),
      { seed: 13, numRuns: 20_000 },
    );
  });
  it('folds the tricks', () => {
    expect(asciiFold('arnazon')).toBe('amazon');
    expect(asciiFold('vvvclrn0i5')).toBe('wvdmols');
    expect(asciiFold('plain')).toBe('plaln');
  });
});
