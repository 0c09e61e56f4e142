// The generation protocol on hand-made heads (no key needed): every refusal, the quota check before
// any write, the counters a commit assigns and the sweep of superseded records.
import { describe, expect, it } from 'vitest';
import { type CommitPlan, commit, sweepUnreferenced } from '../../../src/core/vault/commit';
import { HEAD_KEY, type Head, type HeadEntry } from '../../../src/core/vault/format';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { itemBytes, type KeyValueStore, QuotaExceededError } from '../../../src/core/vault/ports';
import { ok } from '../../../src/core/result';
import { must } from './helpers';

const box = (c = 'QUJD') => ({ n: 'AAAAAAAAAAAAAAAA', c });
const keyring = {
  kdf: { algorithm: 'argon2id' as const, memoryKiB: 64, iterations: 1, parallelism: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
  wrappedKey: box(),
  keyCheck: box(),
  u: 1,
  d: 'dev-a',
};
const headEntry = (record: string): HeadEntry => ({ v: 1, u: 1, d: 'dev-a', record, name: box() });
function head(over: Partial<Head> = {}): Head {
  return { format: 1, vaultId: 'vault-1', generation: 4, revision: 9, keyring, entries: { a: headEntry('vault/g4/0') }, tombstones: {}, ...over };
}
const plan = (entries: Record<string, HeadEntry>, records: CommitPlan['records']): CommitPlan => ({
  head: { vaultId: 'vault-1', keyring, entries, tombstones: {} },
  records,
});
const stored = (h: Head, extra: Record<string, unknown> = {}) => ({ [HEAD_KEY]: h, 'vault/g4/0': box(), ...extra });
const update = (expectedRevision: number, build: CommitPlan | 'unchanged') => ({
  expectedRevision,
  vaultId: 'vault-1',
  build: async () => ok(build),
});
const addB = plan({ a: headEntry('vault/g4/0'), b: headEntry('vault/g5/0') }, { 'vault/g5/0': box('REVG') });

describe('commit: refusals', () => {
  it('refuses to create over an existing vault', async () => {
    const store = new MemoryStore({ initial: stored(head()) });
    expect(await commit(store, { expectedRevision: null, vaultId: null, build: async () => ok(addB) })).toEqual({
      ok: false,
      error: { code: 'vault-exists', message: 'a vault already exists; it was left untouched' },
    });
  });

  it('refuses to update a vault that is gone or was replaced', async () => {
    expect(await commit(new MemoryStore(), update(9, addB))).toEqual({
      ok: false,
      error: { code: 'no-vault', message: 'the vault no longer exists' },
    });
    const other = new MemoryStore({ initial: stored(head({ vaultId: 'vault-2' })) });
    expect(await commit(other, update(9, addB))).toEqual({
      ok: false,
      error: { code: 'vault-replaced', message: 'the stored vault is not the one that was unlocked; lock and unlock again' },
    });
  });

  it('refuses to write a newer format and a stale revision', async () => {
    const newer = new MemoryStore({ initial: stored(head({ format: 2 })) });
    expect(await commit(newer, update(9, addB))).toMatchObject({ ok: false, error: { code: 'read-only-newer-version', format: 2 } });
    const store = new MemoryStore({ initial: stored(head()) });
    expect(await commit(store, update(8, addB))).toMatchObject({
      ok: false,
      error: { code: 'conflict', expectedRevision: 8, actualRevision: 9 },
    });
    expect(store.writeCalls()).toEqual([]);
  });

  it('refuses an entry whose record is neither new nor kept', async () => {
    const store = new MemoryStore({ initial: stored(head()) });
    const dangling = plan({ a: headEntry('vault/g4/0'), b: headEntry('vault/g5/7') }, { 'vault/g5/0': box() });
    expect(await commit(store, update(9, dangling))).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'entries', message: 'entries: record vault/g5/7 is neither new nor kept' },
    });
  });

  it('an unchanged plan keeps the head as it is; an unchanged create is refused', async () => {
    const store = new MemoryStore({ initial: stored(head()) });
    expect(await commit(store, update(9, 'unchanged'))).toEqual({ ok: true, value: head() });
    expect(store.writeCalls()).toEqual([]);
    expect(await commit(new MemoryStore(), { expectedRevision: null, vaultId: null, build: async () => ok('unchanged' as const) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'changes' },
    });
  });
});

describe('commit: writing', () => {
  it('writes records, then the head with the next generation and revision, then sweeps', async () => {
    const store = new MemoryStore({ initial: stored(head(), { 'vault/g3/0': box(), 'unrelated/key': 1 }) });
    let seen: number | undefined;
    const written = must(
      await commit(store, {
        expectedRevision: 9,
        vaultId: 'vault-1',
        build: async (_current, generation) => {
          seen = generation;
          return ok(addB);
        },
      }),
    );
    expect(seen).toBe(5);
    expect(written).toMatchObject({ format: 1, generation: 5, revision: 10 });
    expect(store.writeCalls().map((call) => [call.op, call.keys])).toEqual([
      ['set', ['vault/g5/0']],
      ['set', [HEAD_KEY]],
      ['remove', ['vault/g3/0']],
    ]);
    expect(Object.keys(store.dump()).sort()).toEqual(['unrelated/key', HEAD_KEY, 'vault/g4/0', 'vault/g5/0'].sort());
  });

  it('starts a new vault at generation 1, revision 1', async () => {
    const store = new MemoryStore();
    const created = must(await commit(store, { expectedRevision: null, vaultId: null, build: async () => ok(plan({}, {})) }));
    expect(created).toMatchObject({ generation: 1, revision: 1 });
    expect(store.writeCalls().map((call) => call.keys)).toEqual([[HEAD_KEY]]);
  });

  it('turns a full store into quota-exceeded and any other failure into storage-failed, writing no head', async () => {
    const full = new MemoryStore({ initial: stored(head()) });
    full.set = async () => {
      throw new QuotaExceededError('full');
    };
    expect(await commit(full, update(9, addB))).toEqual({
      ok: false,
      error: { code: 'quota-exceeded', neededBytes: 0, quotaBytes: 0, message: 'storage is full: nothing was changed' },
    });
    const broken = new MemoryStore({ initial: stored(head()), failOn: (op) => op === 'set' });
    expect(await commit(broken, update(9, addB))).toMatchObject({
      ok: false,
      error: { code: 'storage-failed', message: expect.stringMatching(/^storage write failed: injected failure/) },
    });
    expect(broken.dump()[HEAD_KEY]).toEqual(head());
  });
});

describe('commit: quota', () => {
  const used = (store: MemoryStore) => [...store.rawValues()].reduce((sum, [key, json]) => sum + key.length + json.length, 0);
  const needed = (store: MemoryStore) => {
    const next: Head = { ...head(), generation: 5, revision: 10, entries: addB.head.entries };
    return used(store) + itemBytes(HEAD_KEY, next) - itemBytes(HEAD_KEY, head()) + itemBytes('vault/g5/0', box('REVG'));
  };

  it('counts both generations and refuses before writing when the change would not fit', async () => {
    const probe = new MemoryStore({ initial: stored(head()) });
    const bytes = needed(probe);
    const tight = new MemoryStore({ initial: stored(head()), quotaBytes: bytes - 1 });
    expect(await commit(tight, update(9, addB))).toEqual({
      ok: false,
      error: {
        code: 'quota-exceeded',
        neededBytes: bytes,
        quotaBytes: bytes - 1,
        message: `storage is full: this change needs ${bytes} bytes of ${bytes - 1}; nothing was changed or dropped`,
      },
    });
    expect(tight.writeCalls()).toEqual([]);
    expect((await commit(new MemoryStore({ initial: stored(head()), quotaBytes: bytes }), update(9, addB))).ok).toBe(true);
  });

  it("uses the store's own byte count when it has one, and refuses when it cannot be measured", async () => {
    const counted = new MemoryStore({ initial: stored(head()), quotaBytes: 100_000 });
    counted.bytesInUse = async () => 100_000;
    expect(await commit(counted, update(9, addB))).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
    const unmeasurable = new MemoryStore({ initial: stored(head()), quotaBytes: 100_000 });
    unmeasurable.bytesInUse = async () => {
      throw new Error('no meter');
    };
    expect(await commit(unmeasurable, update(9, addB))).toEqual({
      ok: false,
      error: { code: 'storage-failed', message: 'storage measure failed: no meter' },
    });
  });

  it('adds up every stored item itself when the store has no byte count', async () => {
    const bytes = needed(new MemoryStore({ initial: stored(head()) }));
    const plain = (quotaBytes: number): KeyValueStore => {
      const inner = new MemoryStore({ initial: stored(head()) });
      return { get: (k) => inner.get(k), set: (i) => inner.set(i), remove: (k) => inner.remove(k), keys: () => inner.keys(), quotaBytes };
    };
    expect((await commit(plain(bytes), update(9, addB))).ok).toBe(true);
    expect(await commit(plain(bytes - 1), update(9, addB))).toMatchObject({ ok: false, error: { code: 'quota-exceeded', neededBytes: bytes } });
  });
});

describe('sweepUnreferenced', () => {
  it('removes only vault records no head references, and never throws', async () => {
    const store = new MemoryStore({ initial: stored(head(), { 'vault/g1/0': box(), 'vault/head-copy': 1, 'otpg/a/0': 'x' }) });
    await sweepUnreferenced(store, head());
    expect(Object.keys(store.dump()).sort()).toEqual([HEAD_KEY, 'otpg/a/0', 'vault/g4/0', 'vault/head-copy'].sort());
    await sweepUnreferenced(store, null);
    expect(Object.keys(store.dump()).sort()).toEqual([HEAD_KEY, 'otpg/a/0', 'vault/head-copy'].sort());
    await expect(sweepUnreferenced(new MemoryStore({ failOn: () => true }), head())).resolves.toBeUndefined();
  });
});
