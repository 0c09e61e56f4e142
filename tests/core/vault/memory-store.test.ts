import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { QuotaExceededError } from '../../../src/core/vault/ports';

describe('MemoryStore fault injection', () => {
  it('logs calls and injects each fault mode', async () => {
    const modes = ['reject', 'apply-then-reject', 'partial-then-reject', 'partial-tail-then-reject'] as const;
    const landed: string[][] = [];
    for (const mode of modes) {
      const store = new MemoryStore({ failOn: (op) => (op === 'set' ? mode : false) });
      await expect(store.set({ a: 1, b: 2, c: 3, d: 4 })).rejects.toThrow();
      landed.push(Object.keys(store.dump()));
    }
    expect(landed).toEqual([[], ['a', 'b', 'c', 'd'], ['a', 'b'], ['c', 'd']]);
  });

  it('kill rejects the call and every later one', async () => {
    const store = new MemoryStore({ failOn: (_op, index) => (index === 1 ? 'kill' : false) });
    await store.set({ a: 1 });
    await expect(store.set({ b: 1 })).rejects.toThrow(/killed/);
    await expect(store.get(['a'])).rejects.toThrow(/killed/);
    expect(store.dump()).toEqual({ a: 1 });
    expect(store.log.map((c) => c.op)).toEqual(['set', 'set', 'get']);
  });

  it('refuses values that are not plain JSON and enforces its quota', async () => {
    const store = new MemoryStore({ quotaBytes: 20 });
    await expect(store.set({ a: new Uint8Array(2) })).rejects.toThrow(/JSON|Uint8Array/);
    await expect(store.set({ a: undefined })).rejects.toThrow(/JSON/);
    await expect(store.set({ a: 'x'.repeat(30) })).rejects.toBeInstanceOf(QuotaExceededError);
    expect(store.dump()).toEqual({});
  });
});

describe('MemoryStore boolean failOn', () => {
  it('true means reject', async () => {
    const store = new MemoryStore({ failOn: (op) => op === 'remove' });
    await store.set({ a: 1 });
    await expect(store.remove(['a'])).rejects.toThrow(/injected/);
    expect(store.dump()).toEqual({ a: 1 });
  });
});
