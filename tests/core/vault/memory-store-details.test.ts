// The in-memory store the vault's tests and fault injection stand on: exact halves, error texts,
// quota arithmetic, what get returns for missing and prototype-named keys.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { itemBytes, QuotaExceededError } from '../../../src/core/vault/ports';

describe('MemoryStore details', () => {
  it('splits an odd batch with the larger half first (or last for the tail mode)', async () => {
    const head = new MemoryStore({ failOn: (op) => (op === 'set' ? 'partial-then-reject' : false) });
    await expect(head.set({ a: 1, b: 2, c: 3 })).rejects.toThrow('injected failure after write at call 0');
    expect(Object.keys(head.dump())).toEqual(['a', 'b']);
    const tail = new MemoryStore({ failOn: (op) => (op === 'set' ? 'partial-tail-then-reject' : false) });
    await expect(tail.set({ a: 1, b: 2, c: 3 })).rejects.toThrow();
    expect(Object.keys(tail.dump())).toEqual(['b', 'c']);
  });

  it('applies part of a removal before failing, and says so', async () => {
    const store = new MemoryStore({ initial: { a: 1, b: 2, c: 3, d: 4 }, failOn: (op) => (op === 'remove' ? 'partial-then-reject' : false) });
    await expect(store.remove(['a', 'b', 'c', 'd'])).rejects.toThrow('injected failure after remove at call 0');
    expect(store.dump()).toEqual({ c: 3, d: 4 });
    const applied = new MemoryStore({ initial: { a: 1 }, failOn: (op) => (op === 'remove' ? 'apply-then-reject' : false) });
    await expect(applied.remove(['a'])).rejects.toThrow();
    expect(applied.dump()).toEqual({});
  });

  it('names the call in each error and counts every call', async () => {
    const store = new MemoryStore({ failOn: (_op, index) => (index === 2 ? 'reject' : index === 3 ? 'kill' : false) });
    await store.keys();
    await store.get(['x']);
    await expect(store.bytesInUse()).rejects.toThrow('injected failure at call 2 (bytesInUse)');
    await expect(store.set({ a: 1 })).rejects.toThrow('store killed at call 3 (set)');
    await expect(store.keys()).rejects.toThrow('store killed (call 4 keys)');
    expect(store.log).toEqual([
      { index: 0, op: 'keys', keys: [] },
      { index: 1, op: 'get', keys: ['x'] },
      { index: 2, op: 'bytesInUse', keys: [] },
      { index: 3, op: 'set', keys: ['a'] },
      { index: 4, op: 'keys', keys: [] },
    ]);
    const killed = new MemoryStore();
    killed.kill();
    await expect(killed.get([])).rejects.toThrow(/killed/);
  });

  it('returns only stored keys, as own properties, even for prototype names', async () => {
    const store = new MemoryStore({ initial: { __proto__x: 1, constructor: 2 } });
    const found = await store.get(['constructor', 'missing', 'toString']);
    expect(Object.keys(found)).toEqual(['constructor']);
    expect(Object.hasOwn(found, 'toString')).toBe(false);
    expect(found.constructor).toBe(2);
  });

  it('keeps copies: changing a value after set or after get changes nothing stored', async () => {
    const store = new MemoryStore();
    const value = { a: [1] };
    await store.set({ k: value });
    value.a.push(2);
    const read = await store.get(['k']);
    (read.k as { a: number[] }).a.push(3);
    expect(store.dump()).toEqual({ k: { a: [1] } });
    expect(store.rawValues()).toEqual(new Map([['k', '{"a":[1]}']]));
  });

  it('refuses values JSON cannot keep (undefined) and a Uint8Array, writing nothing', async () => {
    const store = new MemoryStore();
    await expect(store.set({ ok: 1, bad: undefined })).rejects.toThrow('value for bad is not plain JSON');
    await expect(store.set({ ok: 1, bytes: new Uint8Array([1]) })).rejects.toThrow('value for bytes is a Uint8Array');
    expect(store.dump()).toEqual({});
  });

  it('counts bytes as the browser does and allows a write exactly at the quota', async () => {
    const exact = itemBytes('k', 'x'.repeat(10));
    const store = new MemoryStore({ quotaBytes: exact });
    await store.set({ k: 'x'.repeat(10) });
    expect(await store.bytesInUse()).toBe(exact);
    await store.set({ k: 'y'.repeat(10) }); // replacing a value counts once
    await expect(store.set({ k: 'x'.repeat(11) })).rejects.toThrow(new QuotaExceededError('QUOTA_BYTES quota exceeded'));
    expect(store.quotaBytes).toBe(exact);
    expect(new MemoryStore().quotaBytes).toBeUndefined();
  });

  it('lists set and remove calls as writes', async () => {
    const store = new MemoryStore();
    await store.set({ a: 1 });
    await store.get(['a']);
    await store.remove(['a']);
    await store.keys();
    expect(store.writeCalls().map((call) => call.op)).toEqual(['set', 'remove']);
  });
});
