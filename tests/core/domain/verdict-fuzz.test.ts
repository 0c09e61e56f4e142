import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzTargets, newTally } from '../../fuzz/targets';
import { createNodeCryptoPort } from '../otp/node-crypto-port';

// A fixed-seed slice of the domain-verdict target `npm run fuzz` runs 10^5 times.
describe('domain verdict fuzz (fixed seed)', () => {
  it('never throws and always answers a known, complete verdict for 3,000 hostile strings', () => {
    const target = fuzzTargets(createNodeCryptoPort()).find((t) => t.name === 'domain-verdict');
    expect(target).toBeDefined();
    if (!target) return;
    const tally = newTally();
    fc.assert(target.property(tally) as fc.IProperty<[unknown]>, { seed: 20261201, numRuns: 3000 });
    expect(tally.runs).toBe(3000);
    // The generator must reach judged hosts as well as refusals, or it tests little.
    expect(tally.ok).toBeGreaterThan(300);
    expect(tally.errors.get('invalid') ?? 0).toBeGreaterThan(100);
  }, 60_000);
});
