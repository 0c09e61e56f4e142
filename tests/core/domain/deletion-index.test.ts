import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeletionIndex, variantCount, variantHashes } from '../../../src/core/domain/deletion-index';

const hashOf = (s: string): number => variantHashes(s, 0).hashes[0] ?? -1;
function deletionStrings(s: string, depth: number): Set<string> {
  const out = new Set<string>([s]);
  let level = [s];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const v of level) for (let i = 0; i < v.length; i++) next.push(v.slice(0, i) + v.slice(i + 1));
    for (const v of next) out.add(v);
    level = next;
  }
  return out;
}

describe('hashed deletion variants', () => {
  it('are exactly the hashes of the strings with up to 2 units deleted', () => {
    const unit = fc.constantFrom('a', 'b', 'c', 'o', '0', 'é', '-', 'я');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 14 }), fc.integer({ min: 0, max: 2 }), (s, depth) => {
        const { hashes, count } = variantHashes(s, depth);
        expect(count).toBe(variantCount(s.length, depth));
        const got = new Set(Array.from(hashes.subarray(0, count)));
        const want = new Set([...deletionStrings(s, depth)].map(hashOf));
        expect(got).toEqual(want);
      }),
      { seed: 1302, numRuns: 2000 },
    );
  });
  it('finds every stored name sharing a variant with the query', () => {
    const index = new DeletionIndex(5);
    const names = ['amazon', 'paypal', 'microsoft', 'apple', 'wellsfargo'];
    names.forEach((name, id) => {
      index.add(name, id, name.length >= 8 ? 2 : 1);
    });
    const found = (query: string): number[] => {
      const ids = new Set<number>();
      const { hashes, count } = variantHashes(query, 2);
      for (let k = 0; k < count; k++) index.probe(hashes[k] ?? 0, (id) => ids.add(id));
      return [...ids].sort();
    };
    expect(found('arnazon')).toContain(0);
    expect(found('paypa')).toContain(1);
    expect(found('mikrosoft')).toContain(2);
    expect(found('wellsfarg0')).toContain(4);
    expect(found('zzzzzz')).toEqual([]);
  });
  it('holds ids past 16 bits when there are that many names', () => {
    const index = new DeletionIndex(70_000);
    index.add('paypal', 69_999, 1);
    const ids: number[] = [];
    index.probe(variantHashes('paypal', 0).hashes[0] ?? 0, (id) => ids.push(id));
    expect(ids).toEqual([69_999]);
  });
});
