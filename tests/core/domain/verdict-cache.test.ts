import { describe, expect, it } from 'vitest';
import { VerdictCache } from '../../../src/core/domain/verdict-cache';

describe('VerdictCache (two generations)', () => {
  it('keeps a working set as large as its capacity, asked in turn, fully cached', () => {
    const cache = new VerdictCache<number>(100);
    for (let round = 0; round < 5; round++) {
      let hits = 0;
      for (let i = 0; i < 100; i++) {
        if (cache.get(`k${i}`) === i) hits++;
        else cache.set(`k${i}`, i);
      }
      expect(hits).toBe(round === 0 ? 0 : 100);
    }
  });
  it('keeps what is used and forgets what is not once two generations have passed', () => {
    const cache = new VerdictCache<string>(10);
    cache.set('hot', 'h');
    cache.set('cold', 'c');
    for (let i = 0; i < 30; i++) {
      expect(cache.get('hot')).toBe('h');
      cache.set(`x${i}`, 'x');
    }
    expect(cache.get('cold')).toBeUndefined();
    expect(cache.get('x29')).toBe('x');
  });
});
