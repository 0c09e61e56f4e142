import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delayAfter, MAX_DELAY_MS, NO_FAILURES, recordFailure, retryAfterMs } from '../../../src/core/vault/throttle';

describe('unlock throttle policy', () => {
  it('0, 0, 0, then 1 s, 2 s, 4 s … capped at 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9, 10, 50].map(delayAfter)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 60000, 60000, 60000]);
  });

  it('waits the delay from the last failure, then allows', () => {
    let state = NO_FAILURES;
    for (let i = 0; i < 4; i++) state = recordFailure(state, 10_000);
    expect(retryAfterMs(state, 10_000)).toBe(2000);
    expect(retryAfterMs(state, 11_500)).toBe(500);
    expect(retryAfterMs(state, 12_000)).toBe(0);
  });

  it('never asks for more than the cap, even with a clock that jumped backwards (property)', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(2 ** 40), fc.nat(2 ** 40), (failures, last, now) => {
        const wait = retryAfterMs({ failures, lastFailureAt: last }, now);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(MAX_DELAY_MS);
        if (failures < 3) expect(wait).toBe(0);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
