// More edges found by mutation testing: reads that fail between two steps, a head that vanishes
// inside a merge, a damaged key check after wrong passwords, weak KDF on password change.
import { describe, expect, it } from 'vitest';
import { HEAD_KEY, type Head } from '../../../src/core/vault/format';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import type { KeyValueStore } from '../../../src/core/vault/ports';
import { planSyncWrite } from '../../../src/core/vault/sync';
import { THROTTLE_KEY } from '../../../src/core/vault/throttle';
import { createVault, resumeVault, unlockVault } from '../../../src/core/vault/vault';
import { account, makeDeps, must, reopen } from './helpers';

/** A store whose gets fail from the armed moment on (the worker's storage went away). */
function armable(initial: Record<string, unknown>) {
  let armed = false;
  const store = new MemoryStore({ initial, failOn: (op) => armed && op === 'get' });
  return { store, arm: () => (armed = true) };
}

describe('reads that fail mid-way', () => {
  it('a raw backup still names an unreadable entry by id when the second head read fails', async () => {
    const source = new MemoryStore();
    const vault = must(await createVault(makeDeps(source), 'pw'));
    must(await vault.put([account('a'), account('b')], vault.revision));
    const data = source.dump();
    delete data[(data[HEAD_KEY] as Head).entries.b!.record];
    let gets = 0;
    let armed = false;
    const store = new MemoryStore({ initial: data, failOn: (op) => armed && op === 'get' && ++gets === 3 });
    const view = must(await unlockVault(makeDeps(store), 'pw'));
    armed = true;
    expect(must(await view.exportBackup()).omitted).toEqual([{ id: 'b', name: 'b' }]);
  });

  it('replica and resume report a store that cannot be read', async () => {
    const source = new MemoryStore();
    const vault = must(await createVault(makeDeps(source), 'pw'));
    const key = must(await vault.exportSessionKey());
    const { store, arm } = armable(source.dump());
    const view = must(await unlockVault(makeDeps(store), 'pw'));
    arm();
    expect(await view.replica()).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(await resumeVault(makeDeps(store), key)).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
  });

  it('a merge whose head vanished between two reads says the vault is gone', async () => {
    const source = new MemoryStore();
    const first = must(await createVault(makeDeps(source), 'pw'));
    must(await first.put([account('a')], first.revision));
    const other = must(await unlockVault(makeDeps(reopen(source), { deviceId: 'dev-b' }), 'pw'));
    must(await other.put([account('b')], other.revision));
    const remote = must(await other.replica());
    const inner = reopen(source);
    let headReads = 0;
    let armed = false;
    const store: KeyValueStore = {
      get: async (keys) => {
        const found = await inner.get(keys);
        if (armed && keys.includes(HEAD_KEY) && ++headReads === 2) return {};
        return found;
      },
      set: (items) => inner.set(items),
      remove: (keys) => inner.remove(keys),
      keys: () => inner.keys(),
    };
    const view = must(await unlockVault(makeDeps(store), 'pw'));
    armed = true;
    expect(await view.mergeRemote(remote, view.revision)).toEqual({ ok: false, error: { code: 'no-vault', message: 'the vault no longer exists' } });
  });
});

describe('unlock and password change edges', () => {
  it('a damaged key check after wrong passwords keeps the wrong-password count', async () => {
    const source = new MemoryStore();
    must(await createVault(makeDeps(source), 'pw'));
    const data = source.dump();
    const head = data[HEAD_KEY] as Head;
    head.keyring.keyCheck = { ...head.keyring.keyCheck, c: 'AAAAAAAAAAAAAAAAAAAAAA==' };
    const store = new MemoryStore({ initial: data });
    await unlockVault(makeDeps(store, { clock: { now: () => 5_000 } }), 'wrong');
    expect(await unlockVault(makeDeps(store, { clock: { now: () => 5_000 } }), 'pw')).toMatchObject({ ok: false, error: { code: 'corrupt-header' } });
    expect(store.dump()[THROTTLE_KEY]).toEqual({ failures: 1, lastFailureAt: 5_000 });
  });

  it('refuses to re-wrap with KDF parameters below the floor, and reports the new revision', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    const weak = must(await unlockVault(makeDeps(store, { kdf: { memoryKiB: 8, iterations: 1, parallelism: 1 }, minimum: { memoryKiB: 64, iterations: 1, parallelism: 1 } }), 'pw'));
    expect(await weak.changePassword('pw', 'next')).toMatchObject({ ok: false, error: { code: 'kdf-below-floor', field: 'memoryKiB' } });
    const before = vault.revision;
    expect(await vault.changePassword('pw', 'next')).toEqual({ ok: true, value: { revision: before + 1 } });
  });
});

describe('sync edges', () => {
  it('says why a non-ASCII replica is refused', () => {
    const snapshot = { format: 1, vaultId: 'v-é', keyring: {} as never, entries: {}, tombstones: {} };
    expect(planSyncWrite(snapshot, null)).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'snapshot', message: 'snapshot: replica text must be ASCII' },
    });
  });
});
