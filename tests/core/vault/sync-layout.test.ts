// The sync copy's layout in storage.sync: slots, generations, chunk sizes, the quota check before any
// write, and every way a half-arrived copy is recognised. Hand-made replicas, no key needed.
import { describe, expect, it } from 'vitest';
import type { VaultSnapshot } from '../../../src/core/vault/format';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { isQuotaError, itemBytes, QuotaExceededError, utf8Length } from '../../../src/core/vault/ports';
import { chunkText, planSyncWrite, pullReplica, pushReplica, SYNC_LIMITS, SYNC_META_KEY, SYNC_PREFIX, syncChunkKey } from '../../../src/core/vault/sync';
import { must } from './helpers';

const b64 = (length: number, char = 'A') => char.repeat(length);
function replica(entries = 1, dataLength = 16): VaultSnapshot {
  const box = { n: b64(16), c: b64(dataLength, 'Q') };
  return {
    format: 1,
    vaultId: 'vault-1',
    keyring: {
      kdf: { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1, salt: `${b64(22)}==` },
      wrappedKey: box,
      keyCheck: box,
      u: 1,
      d: 'dev-a',
    },
    entries: Object.fromEntries(Array.from({ length: entries }, (_, i) => [`e${i}`, { v: 1, u: 2, d: 'dev-a', name: box, data: box }])),
    tombstones: {},
  };
}

describe('sync limits and keys', () => {
  it("are Chromium's storage.sync figures and the documented key names", () => {
    expect(SYNC_LIMITS).toEqual({ quotaBytes: 102_400, perItemBytes: 8_192, maxItems: 512 });
    expect([SYNC_PREFIX, SYNC_META_KEY, syncChunkKey('b', 3)]).toEqual(['otpg/', 'otpg/meta', 'otpg/b/3']);
  });

  it('counts item bytes as the browser does: key plus JSON, in UTF-8', () => {
    expect(itemBytes('ab', 'é')).toBe(6);
    expect(itemBytes('k', { a: 1 })).toBe(8);
    expect(itemBytes('k', undefined)).toBe(1);
    expect(utf8Length('✓')).toBe(3);
  });

  it('recognises quota errors by type, name or message', () => {
    expect(isQuotaError(new QuotaExceededError('full'))).toBe(true);
    expect(new QuotaExceededError('full')).toMatchObject({ name: 'QuotaExceededError', code: 'quota-exceeded' });
    expect(isQuotaError(new Error('QUOTA_BYTES quota exceeded'))).toBe(true);
    expect(isQuotaError(Object.assign(new Error(''), { name: 'QuotaExceededError' }))).toBe(true);
    expect(isQuotaError('Quota reached')).toBe(true);
    expect(isQuotaError(new Error('disk on fire'))).toBe(false);
  });
});

describe('chunkText', () => {
  const key = (i: number) => `otpg/a/${i}`;

  it('keeps every item within the per-item limit and loses no character', () => {
    const text = `${'x'.repeat(20_000)}"\\${'y'.repeat(100)}`;
    const chunks = chunkText(text, key, '12|', 8192);
    expect(chunks.join('')).toBe(text);
    for (const [i, chunk] of chunks.entries()) expect(itemBytes(key(i), `12|${chunk}`)).toBeLessThanOrEqual(8192);
    expect(chunks.length).toBe(3);
  });

  it('fills an item exactly to the limit, and starts another for one more character', () => {
    const room = 100 - itemBytes(key(0), '1|');
    expect(chunkText('x'.repeat(room), key, '1|', 100)).toEqual(['x'.repeat(room)]);
    expect(chunkText('x'.repeat(room + 1), key, '1|', 100)).toEqual(['x'.repeat(room), 'x']);
  });

  it('counts an escaped character at its JSON size', () => {
    const room = 100 - itemBytes(key(0), '1|');
    const quotes = '"'.repeat(Math.floor(room / 2));
    expect(chunkText(`${quotes}"`, key, '1|', 100)).toEqual([quotes, '"']);
  });
});

describe('planSyncWrite', () => {
  it('writes generation 1 into slot a first, then alternates slots with the next generation', () => {
    const first = must(planSyncWrite(replica(), null));
    const text = JSON.stringify(replica());
    expect(first.meta).toEqual({ format: 1, vaultId: 'vault-1', generation: 1, slot: 'a', chunks: 1, length: text.length });
    expect(first.chunks).toEqual({ 'otpg/a/0': `1|${text}` });
    expect(must(planSyncWrite(replica(), first.meta)).meta).toMatchObject({ slot: 'b', generation: 2 });
    expect(must(planSyncWrite(replica(), { ...first.meta, slot: 'b', generation: 7 })).meta).toMatchObject({ slot: 'a', generation: 8 });
  });

  it('refuses a replica that is not plain ASCII instead of mis-measuring it', () => {
    const odd = { ...replica(), vaultId: 'vault-é' };
    expect(planSyncWrite(odd, null)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'snapshot' } });
  });
});

describe('pushReplica and pullReplica', () => {
  it('round-trips, removes the old slot after the pointer moved, and reads nothing before any push', async () => {
    const sync = new MemoryStore();
    expect(await pullReplica(sync)).toEqual({ ok: true, value: null });
    must(await pushReplica(sync, replica(1)));
    const second = must(await pushReplica(sync, replica(2)));
    expect(second).toMatchObject({ slot: 'b', generation: 2 });
    expect(Object.keys(sync.dump()).sort()).toEqual(['otpg/b/0', 'otpg/meta']);
    expect(must(await pullReplica(sync))).toEqual(replica(2));
  });

  it('clears stale chunks left in the free slot before writing it', async () => {
    const sync = new MemoryStore({ initial: { 'otpg/a/5': 'old', 'other/key': 1 } });
    must(await pushReplica(sync, replica()));
    expect(Object.keys(sync.dump()).sort()).toEqual(['other/key', 'otpg/a/0', 'otpg/meta']);
  });

  it('still succeeds when removing the old slot fails (the pointer already moved)', async () => {
    let removes = 0;
    const sync = new MemoryStore({ failOn: (op) => op === 'remove' && ++removes === 1 });
    must(await pushReplica(sync, replica()));
    must(await pushReplica(sync, replica(2)));
    expect(must(await pullReplica(sync))).toEqual(replica(2));
  });

  it('refuses before writing anything when the copy would not fit, naming the bytes', async () => {
    const sync = new MemoryStore({ quotaBytes: 600, initial: { 'other/key': 'x'.repeat(100) } });
    const result = await pushReplica(sync, replica(2));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'quota-exceeded', quotaBytes: 600 });
    const needed = (result.error as { neededBytes: number }).neededBytes;
    const plan = must(planSyncWrite(replica(2), null));
    const chunkBytes = Object.entries(plan.chunks).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    expect(needed).toBe(itemBytes('other/key', 'x'.repeat(100)) + chunkBytes + itemBytes(SYNC_META_KEY, plan.meta));
    expect(result.error.message).toBe(`the synced copy needs ${needed} bytes in 2 items, more than sync storage allows; nothing was changed`);
    expect(sync.writeCalls()).toEqual([]);
  });

  it('fits exactly at the quota', async () => {
    const plan = must(planSyncWrite(replica(), null));
    const exact = Object.entries(plan.chunks).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0) + itemBytes(SYNC_META_KEY, plan.meta);
    expect((await pushReplica(new MemoryStore({ quotaBytes: exact }), replica())).ok).toBe(true);
    expect((await pushReplica(new MemoryStore({ quotaBytes: exact - 1 }), replica())).ok).toBe(false);
  });

  it('counts the old slot against the quota but not the slot it replaces', async () => {
    const sync = new MemoryStore();
    must(await pushReplica(sync, replica()));
    const plan = must(planSyncWrite(replica(), null));
    const oneCopy = Object.entries(plan.chunks).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0) + itemBytes(SYNC_META_KEY, plan.meta);
    const tight = new MemoryStore({ quotaBytes: oneCopy * 2, initial: sync.dump() });
    expect((await pushReplica(tight, replica())).ok).toBe(true); // slot b next to slot a
    expect((await pushReplica(new MemoryStore({ quotaBytes: oneCopy + 10, initial: sync.dump() }), replica())).ok).toBe(false);
  });

  it('refuses more items than storage.sync allows', async () => {
    const initial = Object.fromEntries(Array.from({ length: 510 }, (_, i) => [`x/${i}`, 1]));
    expect((await pushReplica(new MemoryStore({ quotaBytes: 10_000_000, initial }), replica())).ok).toBe(true);
    const full = Object.fromEntries(Array.from({ length: 511 }, (_, i) => [`x/${i}`, 1]));
    expect(await pushReplica(new MemoryStore({ quotaBytes: 10_000_000, initial: full }), replica())).toMatchObject({
      ok: false,
      error: { code: 'quota-exceeded' },
    });
  });

  it('turns a store quota error into quota-exceeded and any other failure into storage-failed', async () => {
    const throwing = (error: unknown) => {
      const store = new MemoryStore();
      store.set = async () => {
        throw error;
      };
      return store;
    };
    expect(await pushReplica(throwing(new QuotaExceededError('full')), replica())).toEqual({
      ok: false,
      error: { code: 'quota-exceeded', neededBytes: 0, quotaBytes: 102_400, message: 'sync storage is full; the synced copy was not changed' },
    });
    expect(await pushReplica(throwing(new Error('offline')), replica())).toEqual({
      ok: false,
      error: { code: 'storage-failed', message: 'storage sync write failed: offline' },
    });
    const unreadable = new MemoryStore({ failOn: () => true });
    expect(await pullReplica(unreadable)).toMatchObject({ ok: false, error: { code: 'storage-failed', message: expect.stringMatching(/^storage sync read failed: /) } });
  });

  it.each([
    ['not an object', 'meta'],
    ['a negative count', { format: 1, vaultId: 'v', generation: 1, slot: 'a', chunks: -1, length: 0 }],
    ['a fractional generation', { format: 1, vaultId: 'v', generation: 1.5, slot: 'a', chunks: 1, length: 0 }],
    ['no format', { vaultId: 'v', generation: 1, slot: 'a', chunks: 1, length: 0 }],
    ['no length', { format: 1, vaultId: 'v', generation: 1, slot: 'a', chunks: 1 }],
    ['an unknown slot', { format: 1, vaultId: 'v', generation: 1, slot: 'c', chunks: 1, length: 0 }],
    ['no vault id', { format: 1, vaultId: 3, generation: 1, slot: 'a', chunks: 1, length: 0 }],
  ])('reads a pointer with %s as not there yet', async (_name, meta) => {
    expect(await pullReplica(new MemoryStore({ initial: { [SYNC_META_KEY]: meta } }))).toEqual({
      ok: false,
      error: { code: 'sync-incomplete', message: 'the synced copy has no valid pointer yet' },
    });
  });

  it('recognises chunks of another generation, a wrong length, bad JSON and a malformed replica', async () => {
    const sync = new MemoryStore();
    const meta = must(await pushReplica(sync, replica()));
    const text = JSON.stringify(replica());
    const pull = (chunk: unknown, over: Partial<typeof meta> = {}) =>
      pullReplica(new MemoryStore({ initial: { [SYNC_META_KEY]: { ...meta, ...over }, 'otpg/a/0': chunk } }));
    const arriving = { ok: false, error: { code: 'sync-incomplete', message: 'the synced copy is still arriving (or damaged); try again later' } };
    expect(await pull(`2|${text}`)).toEqual(arriving);
    expect(await pull(7)).toEqual(arriving);
    expect(await pull(`1|${text}`, { length: text.length + 1 })).toEqual({
      ok: false,
      error: { code: 'sync-incomplete', message: 'the synced copy has the wrong length' },
    });
    expect(await pull('1|{nope', { length: 5 })).toEqual({ ok: false, error: { code: 'sync-incomplete', message: 'the synced copy is not valid JSON' } });
    expect(await pull('1|{"a":1}', { length: 7 })).toMatchObject({
      ok: false,
      error: { code: 'sync-incomplete', message: expect.stringMatching(/^the synced copy is malformed \(.+\)$/) },
    });
    expect(await pull(`1|${text}`)).toEqual({ ok: true, value: replica() });
  });
});
