import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SnapshotEntry, Stamp, VaultSnapshot } from '../../../src/core/vault/format';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { itemBytes } from '../../../src/core/vault/ports';
import {
  mergeReplicas,
  planSyncWrite,
  pullReplica,
  pushReplica,
  SYNC_LIMITS,
  SYNC_META_KEY,
} from '../../../src/core/vault/sync';
import { createVault, unlockVault } from '../../../src/core/vault/vault';
import { account, contents, makeDeps, must, reopen } from './helpers';

const box = (tag: string) => ({ n: 'AAAAAAAAAAAAAAAA', c: btoa(tag.padEnd(18, '.')) });
const entry = (tag: string, u: number, d = 'dev-a', v = 1): SnapshotEntry => ({ v, u, d, name: box(`n${tag}`), data: box(tag) });
const keyring = { kdf: { algorithm: 'argon2id' as const, memoryKiB: 64, iterations: 1, parallelism: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' }, wrappedKey: box('w'), keyCheck: box('k'), u: 1, d: 'dev-a' };
const replica = (entries: Record<string, SnapshotEntry>, tombstones: Record<string, Stamp> = {}): VaultSnapshot => ({
  format: 1,
  vaultId: 'vault-1',
  keyring,
  entries,
  tombstones,
});

describe('mergeReplicas', () => {
  it('keeps entries added on either side', () => {
    const merged = must(mergeReplicas(replica({ a: entry('a', 10) }), replica({ b: entry('b', 20, 'dev-b') })));
    expect(Object.keys(merged.merged.entries).sort()).toEqual(['a', 'b']);
    expect(merged.localChanged && merged.remoteChanged).toBe(true);
  });

  it('last writer wins per entry by (updatedAt, deviceId)', () => {
    const local = replica({ a: entry('a-local', 30), b: entry('b-local', 10) });
    const remote = replica({ a: entry('a-remote', 20, 'dev-b'), b: entry('b-remote', 10, 'dev-b') });
    const merged = must(mergeReplicas(local, remote)).merged;
    expect(merged.entries.a!.data).toEqual(box('a-local'));
    expect(merged.entries.b!.data).toEqual(box('b-remote')); // same time: 'dev-b' > 'dev-a'
  });

  it('a delete wins only over older versions: a newer edit survives a concurrent delete', () => {
    const local = replica({ a: entry('a-edited', 50), b: entry('b', 5) });
    const remote = replica({}, { a: { v: 2, u: 40, d: 'dev-b' }, b: { v: 2, u: 40, d: 'dev-b' } });
    const merged = must(mergeReplicas(local, remote)).merged;
    expect(Object.keys(merged.entries)).toEqual(['a']);
    expect(Object.keys(merged.tombstones)).toEqual(['b']);
  });

  it('refuses to merge two different vaults', () => {
    const other = { ...replica({}), vaultId: 'vault-2' };
    expect(mergeReplicas(replica({}), other)).toMatchObject({ ok: false, error: { code: 'different-vault' } });
  });

  it('is commutative, idempotent, and never loses an id (property)', () => {
    const stamp = fc.record({ v: fc.nat(5), u: fc.nat(100), d: fc.constantFrom('dev-a', 'dev-b') });
    const side = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd'),
      fc.oneof(
        stamp.map((s) => ({ kind: 'entry' as const, s })),
        stamp.map((s) => ({ kind: 'tomb' as const, s })),
      ),
    );
    const build = (items: Record<string, { kind: 'entry' | 'tomb'; s: Stamp }>) => {
      const entries: Record<string, SnapshotEntry> = {};
      const tombstones: Record<string, Stamp> = {};
      for (const [id, item] of Object.entries(items)) {
        if (item.kind === 'entry') entries[id] = entry(`${id}${item.s.u}${item.s.d}${item.s.v}`, item.s.u, item.s.d, item.s.v);
        else tombstones[id] = item.s;
      }
      return replica(entries, tombstones);
    };
    fc.assert(
      fc.property(side, side, (x, y) => {
        const a = build(x);
        const b = build(y);
        const ab = must(mergeReplicas(a, b)).merged;
        const ba = must(mergeReplicas(b, a)).merged;
        expect(ab.entries).toEqual(ba.entries);
        expect(ab.tombstones).toEqual(ba.tombstones);
        expect(must(mergeReplicas(ab, ab)).localChanged).toBe(false);
        for (const id of new Set([...Object.keys(x), ...Object.keys(y)])) {
          expect(Object.hasOwn(ab.entries, id) || Object.hasOwn(ab.tombstones, id)).toBe(true);
          // An entry is dropped only for a strictly newer tombstone.
          const live = [a.entries[id], b.entries[id]].filter((e) => e !== undefined);
          if (!Object.hasOwn(ab.entries, id) && live.length > 0) {
            const tomb = ab.tombstones[id]!;
            for (const e of live) expect(tomb.u > e.u || (tomb.u === e.u && (tomb.d > e.d || (tomb.d === e.d && tomb.v > e.v)))).toBe(true);
          }
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('sync chunks', () => {
  it('every item fits QUOTA_BYTES_PER_ITEM (key + JSON value) and the text round-trips', async () => {
    const entries: Record<string, SnapshotEntry> = {};
    for (let i = 0; i < 60; i++) entries[`entry-${i}`] = entry(`payload-${i}-${'z'.repeat(200)}`, i);
    const snapshot = replica(entries);
    const plan = must(planSyncWrite(snapshot, null));
    expect(plan.meta.chunks).toBeGreaterThan(1);
    for (const [key, value] of Object.entries(plan.chunks)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_LIMITS.perItemBytes);
    const store = new MemoryStore({ quotaBytes: SYNC_LIMITS.quotaBytes });
    must(await pushReplica(store, snapshot));
    expect(must(await pullReplica(store))).toEqual(snapshot);
    // A second push alternates slots and removes the old one.
    const next = replica({ ...entries, extra: entry('extra', 99) });
    must(await pushReplica(store, next));
    expect(must(await pullReplica(store))).toEqual(next);
    expect(Object.keys(store.dump()).filter((k) => k.startsWith('otpg/a/'))).toEqual([]);
  });

  it('a replica too large for sync storage is refused before anything is written', async () => {
    const store = new MemoryStore({ quotaBytes: SYNC_LIMITS.quotaBytes });
    const small = replica({ a: entry('a', 1) });
    must(await pushReplica(store, small));
    const before = store.dump();
    const writes = store.writeCalls().length;
    const entries: Record<string, SnapshotEntry> = {};
    for (let i = 0; i < 400; i++) entries[`e${i}`] = entry('y'.repeat(300), i);
    const result = await pushReplica(store, replica(entries));
    expect(result).toMatchObject({ ok: false, error: { code: 'quota-exceeded', quotaBytes: SYNC_LIMITS.quotaBytes } });
    expect(store.writeCalls().length).toBe(writes);
    expect(store.dump()).toEqual(before);
  });

  it('chunks from another generation (still syncing) are reported as incomplete, not parsed', async () => {
    const store = new MemoryStore();
    must(await pushReplica(store, replica({ a: entry('a', 1) })));
    const data = store.dump();
    const meta = data[SYNC_META_KEY] as { generation: number };
    meta.generation += 1;
    expect(await pullReplica(new MemoryStore({ initial: data }))).toMatchObject({ ok: false, error: { code: 'sync-incomplete' } });
    expect(must(await pullReplica(new MemoryStore()))).toBeNull();
  });
});

describe('two devices through sync', () => {
  it('edits on both devices are merged without losing an entry, and the merge round-trips', async () => {
    const storeA = new MemoryStore();
    const vaultA = must(await createVault(makeDeps(storeA, { deviceId: 'dev-a' }), 'pw'));
    must(await vaultA.put([account('shared')], vaultA.revision));
    const storeB = reopen(storeA);
    const vaultB = must(await unlockVault(makeDeps(storeB, { deviceId: 'dev-b' }), 'pw'));
    must(await vaultA.put([account('only-a')], vaultA.revision));
    must(await vaultB.put([account('only-b')], vaultB.revision));
    must(await vaultB.remove(['shared'], vaultB.revision));

    const sync = new MemoryStore({ quotaBytes: SYNC_LIMITS.quotaBytes });
    must(await pushReplica(sync, must(await vaultA.replica())));
    const merged = must(await vaultB.mergeRemote(must(await pullReplica(sync))!, vaultB.revision));
    expect(merged.remoteIsBehind).toBe(true);
    expect((await contents(vaultB)).map((e) => e.id)).toEqual(['only-a', 'only-b']);
    must(await pushReplica(sync, must(await vaultB.replica())));
    must(await vaultA.mergeRemote(must(await pullReplica(sync))!, vaultA.revision));
    expect((await contents(vaultA)).map((e) => e.id)).toEqual(['only-a', 'only-b']);
  });

  it('refuses a replica whose key does not match this vault', async () => {
    const vaultA = must(await createVault(makeDeps(), 'pw'));
    const vaultB = must(await createVault(makeDeps(new MemoryStore(), { random: (await import('./helpers')).seededRandom(99) }), 'pw'));
    const foreign = { ...must(await vaultB.replica()), vaultId: vaultA.vaultId };
    expect(await vaultA.mergeRemote(foreign, vaultA.revision)).toMatchObject({ ok: false, error: { code: 'different-vault' } });
  });
});

describe('merge keeps locally damaged entries', () => {
  it('an entry whose local record is unreadable is not dropped by a merge that does not mention it', async () => {
    const { HEAD_KEY } = await import('../../../src/core/vault/format');
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    must(await vault.put([account('a'), account('b')], vault.revision));
    const data = store.dump();
    const device = must(await unlockVault(makeDeps(reopen(store), { deviceId: 'dev-b' }), 'pw'));
    must(await device.put([account('c')], device.revision));
    const other = must(await device.replica());
    // A replica that does not mention a or b at all (no entry, no tombstone).
    delete other.entries.a;
    delete other.entries.b;
    const head = data[HEAD_KEY] as { entries: Record<string, { record: string }> };
    delete data[head.entries.b!.record];
    const damagedStore = new MemoryStore({ initial: data });
    const local = must(await unlockVault(makeDeps(damagedStore), 'pw'));
    must(await local.mergeRemote(other, local.revision));
    const listing = must(await local.entries());
    expect(listing.damaged.map((d) => d.name)).toEqual(['Account b']);
    expect(listing.ok.map((e) => e.id).sort()).toEqual(['a', 'c']);
  });
});
