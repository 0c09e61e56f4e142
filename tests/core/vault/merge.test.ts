// Entry-level merge of two encrypted replicas, on hand-made snapshots (no key needed): every tie-break.
import { describe, expect, it } from 'vitest';
import type { Keyring, SnapshotEntry, Stamp, VaultSnapshot } from '../../../src/core/vault/format';
import { compareStamps, mergeReplicas } from '../../../src/core/vault/sync';

const box = (c: string) => ({ n: 'AAAAAAAAAAAAAAAA', c });
const keyring = (u: number, d = 'dev-a'): Keyring => ({
  kdf: { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
  wrappedKey: box(`wrap${u}${d}`),
  keyCheck: box(`check${u}${d}`),
  u,
  d,
});
const entry = (u: number, d = 'dev-a', v = 1, c = `data${u}${d}${v}`): SnapshotEntry => ({ v, u, d, name: box(`name${c}`), data: box(c) });
const stamp = (u: number, d = 'dev-a', v = 1): Stamp => ({ v, u, d });

function snapshot(entries: Record<string, SnapshotEntry>, tombstones: Record<string, Stamp> = {}, ring = keyring(1)): VaultSnapshot {
  return { format: 1, vaultId: 'vault-1', keyring: ring, entries, tombstones };
}

const merge = (local: VaultSnapshot, remote: VaultSnapshot) => {
  const result = mergeReplicas(local, remote);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('compareStamps', () => {
  it('orders by time, then device, then counter', () => {
    expect(compareStamps(stamp(1), stamp(2))).toBeLessThan(0);
    expect(compareStamps(stamp(2), stamp(1))).toBeGreaterThan(0);
    expect(compareStamps(stamp(5, 'dev-a', 9), stamp(5, 'dev-b', 1))).toBeLessThan(0);
    expect(compareStamps(stamp(5, 'dev-b', 1), stamp(5, 'dev-a', 9))).toBeGreaterThan(0);
    expect(compareStamps(stamp(5, 'dev-a', 3), stamp(5, 'dev-a', 1))).toBe(2);
    expect(compareStamps(stamp(5, 'dev-a', 1), stamp(5, 'dev-a', 3))).toBe(-2);
    expect(compareStamps(stamp(5), stamp(5))).toBe(0);
  });
});

describe('mergeReplicas', () => {
  it('keeps the newer version of each entry, from either side', () => {
    const merged = merge(snapshot({ x: entry(2), y: entry(1) }), snapshot({ x: entry(1), y: entry(3) })).merged;
    expect(merged.entries).toEqual({ x: entry(2), y: entry(3) });
  });

  it('takes entries only one side has, and lists ids in sorted order', () => {
    const merged = merge(snapshot({ c: entry(1), a: entry(1) }), snapshot({ b: entry(1) })).merged;
    expect(Object.keys(merged.entries)).toEqual(['a', 'b', 'c']);
  });

  it('picks the same winner on both devices when the same stamp carries different bytes', () => {
    const low = entry(4, 'dev-a', 1, 'AAAA');
    const high = entry(4, 'dev-a', 1, 'BBBB');
    expect(merge(snapshot({ x: low }), snapshot({ x: high })).merged.entries.x).toEqual(high);
    expect(merge(snapshot({ x: high }), snapshot({ x: low })).merged.entries.x).toEqual(high);
  });

  it('lets a tombstone win only over strictly older versions', () => {
    const older = merge(snapshot({ x: entry(1) }), snapshot({}, { x: stamp(2) })).merged;
    expect(older.entries).toEqual({});
    expect(older.tombstones).toEqual({ x: stamp(2) });
    const same = merge(snapshot({ x: entry(2) }), snapshot({}, { x: stamp(2) })).merged;
    expect(same.entries).toEqual({ x: entry(2) });
    expect(same.tombstones).toEqual({});
    const newer = merge(snapshot({}, { x: stamp(1) }), snapshot({ x: entry(3) })).merged;
    expect(newer.entries).toEqual({ x: entry(3) });
    expect(newer.tombstones).toEqual({});
  });

  it('keeps the newer of two tombstones', () => {
    expect(merge(snapshot({}, { x: stamp(1) }), snapshot({}, { x: stamp(4) })).merged.tombstones).toEqual({ x: stamp(4) });
    expect(merge(snapshot({}, { x: stamp(4) }), snapshot({}, { x: stamp(1) })).merged.tombstones).toEqual({ x: stamp(4) });
  });

  it('keeps the newer keyring (a password change on one device), local on a tie', () => {
    const local = snapshot({}, {}, keyring(1));
    const remote = snapshot({}, {}, keyring(2));
    expect(merge(local, remote).merged.keyring).toEqual(keyring(2));
    expect(merge(remote, local).merged.keyring).toEqual(keyring(2));
    const tieLocal = snapshot({}, {}, keyring(3, 'dev-a'));
    const tieRemote = snapshot({}, {}, keyring(3, 'dev-b'));
    expect(merge(tieLocal, tieRemote).merged.keyring).toEqual(keyring(3, 'dev-b'));
    expect(merge(tieRemote, tieLocal).merged.keyring).toEqual(keyring(3, 'dev-b'));
  });

  it('says which side changed', () => {
    const a = snapshot({ x: entry(1) });
    expect(merge(a, a)).toMatchObject({ localChanged: false, remoteChanged: false });
    expect(merge(a, snapshot({ x: entry(2) }))).toMatchObject({ localChanged: true, remoteChanged: false });
    expect(merge(snapshot({ x: entry(2) }), a)).toMatchObject({ localChanged: false, remoteChanged: true });
    expect(merge(a, snapshot({ y: entry(1) }))).toMatchObject({ localChanged: true, remoteChanged: true });
    expect(merge(a, snapshot({ x: entry(1) }, {}, keyring(5)))).toMatchObject({ localChanged: true, remoteChanged: false });
  });

  it('writes format 1 and keeps the vault id', () => {
    const merged = merge(snapshot({}), { ...snapshot({}), format: 1 }).merged;
    expect(merged).toMatchObject({ format: 1, vaultId: 'vault-1' });
  });

  it('refuses another vault and a newer format, naming why', () => {
    expect(mergeReplicas(snapshot({}), { ...snapshot({}), vaultId: 'vault-2' })).toEqual({
      ok: false,
      error: { code: 'different-vault', message: 'the synced vault is a different vault; nothing was merged' },
    });
    expect(mergeReplicas(snapshot({}), { ...snapshot({}), format: 2 })).toMatchObject({
      ok: false,
      error: { code: 'read-only-newer-version', format: 2 },
    });
  });

  it('never takes inherited keys for entries (an id named like a prototype property)', () => {
    const merged = merge(snapshot({ constructor: entry(1) }), snapshot({})).merged;
    expect(Object.keys(merged.entries)).toEqual(['constructor']);
    expect(merge(snapshot({}), snapshot({}, { toString: stamp(1) })).merged.tombstones).toEqual({ toString: stamp(1) });
  });
});
