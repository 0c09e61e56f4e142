// An unlocked vault's writes: input checks with their exact messages, the stamps each write gives,
// tombstones and resurrection, the one-shot session key, password change, and the refusals of a
// vault that was replaced or written by a newer version.
import { describe, expect, it } from 'vitest';
import { HEAD_KEY, type Head } from '../../../src/core/vault/format';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { createVault, unlockVault } from '../../../src/core/vault/vault';
import { account, contents, makeDeps, must, reopen, seededRandom } from './helpers';

const headOf = (store: MemoryStore) => store.dump()[HEAD_KEY] as Head;

async function fresh(over: Parameters<typeof makeDeps>[1] = {}) {
  const store = new MemoryStore();
  let now = 1_000_000;
  const clock = { now: () => now, set: (ms: number) => (now = ms) };
  const vault = must(await createVault(makeDeps(store, { clock, ...over }), 'pw'));
  return { store, vault, clock };
}

describe('put: input checks', () => {
  it.each([
    ['no changes', [], 'changes', 'changes: must list at least one entry'],
    ['a bad id', [{ id: '_x', name: 'n', data: 1 }], 'changes[0].id', 'changes[0].id: must match [A-Za-z0-9][A-Za-z0-9._:-]{0,63}'],
    ['a duplicate id', [account('a'), account('b'), account('a')], 'changes[2].id', 'changes[2].id: duplicate id a'],
    ['a long name', [{ id: 'a', name: 'n'.repeat(201), data: 1 }], 'changes[0].name', 'changes[0].name: must be a string of at most 200 characters'],
    ['a function as data', [{ id: 'a', name: 'n', data: () => 1 }], 'changes[0].data', 'changes[0].data: must be a JSON value'],
    ['a cycle as data', [{ id: 'a', name: 'n', data: (() => { const o: Record<string, unknown> = {}; o.o = o; return o; })() }], 'changes[0].data', 'changes[0].data: must be a JSON value'],
  ])('refuses %s and writes nothing', async (_name, changes, field, message) => {
    const { store, vault } = await fresh();
    const writes = store.writeCalls().length;
    expect(await vault.put(changes as never, vault.revision)).toEqual({ ok: false, error: { code: 'invalid-input', field, message } });
    expect(store.writeCalls().length).toBe(writes);
  });

  it('takes a name of exactly 200 characters', async () => {
    const { vault } = await fresh();
    expect((await vault.put([{ id: 'a', name: 'n'.repeat(200), data: null }], vault.revision)).ok).toBe(true);
  });

  it.each([[['ok', '_bad']], [['ok', 7]], ['not-a-list']])('refuses to remove ids %j', async (ids) => {
    const { vault } = await fresh();
    expect(await vault.remove(ids as never, vault.revision)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'ids' } });
  });
});

describe('stamps, tombstones and revisions', () => {
  it('stamps each write with counter, clock and device, and counts past a tombstone', async () => {
    const { store, vault, clock } = await fresh({ deviceId: 'laptop' });
    clock.set(2_000);
    const first = must(await vault.put([account('a')], vault.revision));
    expect(first.revision).toBe(vault.revision);
    expect(headOf(store).entries.a).toMatchObject({ v: 1, u: 2_000, d: 'laptop' });
    clock.set(3_000);
    must(await vault.put([account('a', 'NEWSECRET')], vault.revision));
    expect(headOf(store).entries.a).toMatchObject({ v: 2, u: 3_000 });
    clock.set(4_000);
    must(await vault.remove(['a'], vault.revision));
    expect(headOf(store).entries.a).toBeUndefined();
    expect(headOf(store).tombstones.a).toEqual({ v: 3, u: 4_000, d: 'laptop' });
    clock.set(5_000);
    must(await vault.put([account('a')], vault.revision));
    expect(headOf(store).entries.a).toMatchObject({ v: 4, u: 5_000 });
    expect(headOf(store).tombstones).toEqual({});
  });

  it("names the device 'this-device' when none is given", async () => {
    const { store, vault } = await fresh({ deviceId: undefined });
    must(await vault.put([account('a')], vault.revision));
    expect(headOf(store).entries.a?.d).toBe('this-device');
  });

  it('seals each put into its own record of the new generation', async () => {
    const { store, vault } = await fresh();
    must(await vault.put([account('a'), account('b')], vault.revision));
    const head = headOf(store);
    expect([head.entries.a?.record, head.entries.b?.record]).toEqual([`vault/g${head.generation}/0`, `vault/g${head.generation}/1`]);
  });

  it('removing an id that is not there changes nothing and keeps the revision', async () => {
    const { store, vault } = await fresh();
    must(await vault.put([account('a')], vault.revision));
    const before = store.dump();
    expect(await vault.remove(['zzz'], vault.revision)).toEqual({ ok: true, value: { revision: vault.revision } });
    expect(store.dump()).toEqual(before);
  });

  it('refuses a stale revision and names both revisions', async () => {
    const { vault } = await fresh();
    const old = vault.revision;
    must(await vault.put([account('a')], old));
    expect(await vault.put([account('b')], old)).toMatchObject({
      ok: false,
      error: { code: 'conflict', expectedRevision: old, actualRevision: old + 1 },
    });
  });
});

describe('session key', () => {
  it('exports the raw 256-bit key once, right after unlock', async () => {
    const { vault } = await fresh();
    const key = must(await vault.exportSessionKey());
    expect(key.length).toBe(32);
    expect(await vault.exportSessionKey()).toEqual({
      ok: false,
      error: { code: 'session-key-unavailable', message: 'the session key can be exported once, right after unlock' },
    });
  });
});

describe('changePassword', () => {
  it('re-wraps the key only: entries and records are untouched, the old password stops working', async () => {
    const { store, vault } = await fresh();
    must(await vault.put([account('a')], vault.revision));
    const before = headOf(store);
    must(await vault.changePassword('pw', 'new pw'));
    const after = headOf(store);
    expect(after.entries).toEqual(before.entries);
    expect(after.keyring).not.toEqual(before.keyring);
    expect(after.revision).toBe(before.revision + 1);
    expect((await unlockVault(makeDeps(reopen(store)), 'pw')).ok).toBe(false);
    expect((await contents(must(await unlockVault(makeDeps(reopen(store)), 'new pw')))).map((e) => e.id)).toEqual(['a']);
  });

  it('refuses an empty new password and a wrong current one', async () => {
    const { store, vault } = await fresh();
    expect(await vault.changePassword('pw', '')).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'next', message: 'next: must not be empty' },
    });
    const before = headOf(store);
    expect(await vault.changePassword('nope', 'new pw')).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    expect(headOf(store)).toEqual(before);
  });

  it('after three wrong current passwords asks to wait, in whole seconds', async () => {
    const { vault, clock } = await fresh();
    for (let i = 0; i < 3; i++) await vault.changePassword('nope', 'x');
    // Three failures are free; the fourth attempt must wait 1 s after the last failure.
    clock.set(clock.now() + 400);
    expect(await vault.changePassword('pw', 'x')).toEqual({
      ok: false,
      error: { code: 'too-many-attempts', retryAfterMs: 600, message: 'too many wrong passwords: try again in 1 s' },
    });
    clock.set(clock.now() + 600);
    expect((await vault.changePassword('pw', 'x')).ok).toBe(true);
  });
});

describe('a vault that changed under this view', () => {
  it('refuses every write once another vault replaced it', async () => {
    const { store, vault } = await fresh();
    const other = new MemoryStore();
    must(await createVault(makeDeps(other, { random: seededRandom(99) }), 'pw'));
    await store.set({ [HEAD_KEY]: other.dump()[HEAD_KEY] });
    const replaced = { ok: false, error: { code: 'vault-replaced', message: 'the stored vault is not the one that was unlocked' } };
    expect(await vault.entries()).toEqual(replaced);
    expect(await vault.changePassword('pw', 'x')).toEqual(replaced);
  });

  it('refuses every write, without touching storage, once a newer version wrote the vault', async () => {
    const { store, vault } = await fresh();
    const head = headOf(store);
    await store.set({ [HEAD_KEY]: { ...head, format: 2 } });
    expect(await vault.put([account('a')], vault.revision)).toMatchObject({ ok: false, error: { code: 'read-only-newer-version', format: 2 } });
    expect(vault.readOnly).toBe(true);
    const writes = store.writeCalls().length;
    expect(await vault.remove(['a'], vault.revision)).toMatchObject({ ok: false, error: { code: 'read-only-newer-version' } });
    expect(store.writeCalls().length).toBe(writes);
  });

  it('reports a vault that is gone', async () => {
    const { store, vault } = await fresh();
    await store.remove([HEAD_KEY]);
    const gone = { ok: false, error: { code: 'no-vault', message: 'the vault no longer exists' } };
    expect(await vault.entries()).toEqual(gone);
    expect(await vault.replica()).toEqual(gone);
  });
});
