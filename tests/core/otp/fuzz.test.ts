import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzTargets, newTally } from '../../fuzz/targets';
import { createNodeCryptoPort } from './node-crypto-port';

// Short fixed-seed runs of the same targets `npm run fuzz` runs 10^5 times each.
describe('fuzz (fixed seed)', () => {
  for (const target of fuzzTargets(createNodeCryptoPort())) {
    it(`${target.name}: no throw, every error has a code and a message, every account produces a code`, async () => {
      const tally = newTally();
      await fc.assert(target.property(tally), { seed: 20240601, numRuns: 300 });
      expect(tally.runs).toBe(300);
      // The generators must reach both outcomes, or the target is not testing much.
      expect(tally.errors.size).toBeGreaterThan(0);
    });
  }
});
