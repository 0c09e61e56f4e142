// Snapshots: reading the stored vault inline, and planning a commit from a merged snapshot (which
// records are kept, which are rewritten, which damaged entries are carried). Hand-made heads.
import { describe, expect, it } from 'vitest';
import { exportRawVault } from '../../../src/core/vault/backup';
import { HEAD_KEY, type Head, type HeadEntry, hasOwn, parseHead, parseSnapshot, type SnapshotEntry, type VaultSnapshot } from '../../../src/core/vault/format';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { planFromSnapshot, readSnapshot } from '../../../src/core/vault/snapshot';
import { must } from './helpers';

const box = (c: string) => ({ n: 'AAAAAAAAAAAAAAAA', c });
const keyring = {
  kdf: { algorithm: 'argon2id' as const, memoryKiB: 64, iterations: 1, parallelism: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
  wrappedKey: box('V1JBUA=='),
  keyCheck: box('Q0hFQ0s='),
  u: 1,
  d: 'dev-a',
};
const headEntry = (record: string, over: Partial<HeadEntry> = {}): HeadEntry => ({ v: 1, u: 5, d: 'dev-a', record, name: box('TkFNRQ=='), ...over });
const head = (entries: Record<string, HeadEntry>): Head => ({ format: 1, vaultId: 'vault-1', generation: 2, revision: 4, keyring, entries, tombstones: {} });
const snapEntry = (over: Partial<SnapshotEntry> = {}): SnapshotEntry => ({ v: 1, u: 5, d: 'dev-a', name: box('TkFNRQ=='), data: box('REFUQQ=='), ...over });
const snapshot = (entries: Record<string, SnapshotEntry>, tombstones: VaultSnapshot['tombstones'] = {}): VaultSnapshot => ({
  format: 1,
  vaultId: 'vault-1',
  keyring,
  entries,
  tombstones,
});

describe('planFromSnapshot', () => {
  const current = head({ a: headEntry('vault/g2/0') });

  it('keeps the stored record of an entry whose stamp and name are unchanged', () => {
    const plan = planFromSnapshot(current, snapshot({ a: snapEntry() }), 3);
    expect(plan.records).toEqual({});
    expect(plan.head.entries.a?.record).toBe('vault/g2/0');
  });

  it.each([
    ['counter', { v: 2 }],
    ['time', { u: 6 }],
    ['device', { d: 'dev-b' }],
    ['name nonce', { name: { n: 'BBBBBBBBBBBBBBBB', c: 'TkFNRQ==' } }],
    ['name ciphertext', { name: box('T1RIRVI=') }],
  ])('rewrites an entry whose %s changed into a record of the new generation', (_what, over) => {
    const plan = planFromSnapshot(current, snapshot({ a: snapEntry(over), b: snapEntry() }), 3);
    expect(plan.head.entries.a?.record).toBe('vault/g3/0');
    expect(plan.head.entries.b?.record).toBe('vault/g3/1');
    expect(plan.records).toEqual({ 'vault/g3/0': box('REFUQQ=='), 'vault/g3/1': box('REFUQQ==') });
  });

  it('carries a damaged entry the merge did not decide, and drops one it did', () => {
    const withDamaged = head({ a: headEntry('vault/g2/0'), broken: headEntry('vault/g1/0'), gone: headEntry('vault/g1/1') });
    const plan = planFromSnapshot(withDamaged, snapshot({ a: snapEntry() }, { gone: { v: 2, u: 9, d: 'dev-b' } }), 3, ['broken', 'gone', 'never']);
    expect(plan.head.entries.broken).toEqual(headEntry('vault/g1/0'));
    expect(plan.head.entries.gone).toBeUndefined();
    expect(plan.head.entries.never).toBeUndefined();
    expect(plan.head.tombstones).toEqual({ gone: { v: 2, u: 9, d: 'dev-b' } });
    const replaced = planFromSnapshot(withDamaged, snapshot({ broken: snapEntry({ v: 5 }) }), 3, ['broken']);
    expect(replaced.head.entries.broken?.record).toBe('vault/g3/0');
  });

  it('drops an entry neither side still has when nothing carries it', () => {
    expect(planFromSnapshot(current, snapshot({}), 3).head.entries).toEqual({});
  });
});

describe('readSnapshot', () => {
  it('passes a damaged head on as its error, and reads nothing but the head for an empty vault', async () => {
    const damaged = new MemoryStore({ initial: { [HEAD_KEY]: { format: 1 } } });
    expect(await readSnapshot(damaged)).toMatchObject({ ok: false, error: { code: 'corrupt-header' } });
    expect(await exportRawVault(damaged)).toMatchObject({ ok: false, error: { code: 'corrupt-header' } });
    const empty = new MemoryStore({ initial: { [HEAD_KEY]: head({}) } });
    expect(must(await readSnapshot(empty))?.snapshot).toEqual(snapshot({}));
    expect(empty.log.map((call) => call.op)).toEqual(['get']);
  });

  it('reports a store that cannot give the records', async () => {
    let gets = 0;
    const store = new MemoryStore({ initial: { [HEAD_KEY]: head({ a: headEntry('vault/g2/0') }) }, failOn: (op) => op === 'get' && ++gets === 2 });
    expect(await readSnapshot(store)).toMatchObject({ ok: false, error: { code: 'storage-failed', message: expect.stringMatching(/^storage read failed/) } });
  });
});

describe('format schemas', () => {
  it('takes record keys of the form vault/g<generation>/<slot> only', () => {
    const withRecord = (record: string) => parseHead(head({ a: headEntry(record) })).ok;
    expect(withRecord('vault/g12/34')).toBe(true);
    for (const bad of ['xvault/g1/0', 'vault/g1/0x', 'vault/g/0', 'vault/g1/', 'vault/gx/0']) expect(withRecord(bad)).toBe(false);
  });

  it('needs every snapshot field', () => {
    expect(parseSnapshot(snapshot({})).ok).toBe(true);
    expect(parseSnapshot({}).ok).toBe(false);
    expect(parseSnapshot({ ...snapshot({}), entries: undefined }).ok).toBe(false);
  });

  it('reads own keys only', () => {
    expect(hasOwn({ a: 1 }, 'a')).toBe(true);
    expect(hasOwn({}, 'toString')).toBe(false);
  });
});
