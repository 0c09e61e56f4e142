// An unlocked vault merging a synced replica and restoring a backup: exact refusals, revisions, and
// which side is behind; plus the vault's plain-words error texts.
import { describe, expect, it } from 'vitest';
import { vaultError } from '../../../src/core/vault/errors';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { createVault, unlockVault } from '../../../src/core/vault/vault';
import { account, contents, makeDeps, must, reopen, seededRandom } from './helpers';

async function twoDevices() {
  const store = new MemoryStore();
  const first = must(await createVault(makeDeps(store), 'pw'));
  must(await first.put([account('a')], first.revision));
  const other = must(await unlockVault(makeDeps(reopen(store), { deviceId: 'dev-b' }), 'pw'));
  return { store, first, other };
}

describe('mergeRemote', () => {
  it('takes a newer remote entry in one write; the remote is then not behind', async () => {
    const { first, other } = await twoDevices();
    must(await other.put([account('b')], other.revision));
    const before = first.revision;
    expect(await first.mergeRemote(must(await other.replica()), before)).toEqual({ ok: true, value: { revision: before + 1, remoteIsBehind: false } });
    expect((await contents(first)).map((entry) => entry.id)).toEqual(['a', 'b']);
  });

  it('writes nothing when the remote has nothing new, and says when the remote is behind', async () => {
    const { store, first, other } = await twoDevices();
    const stale = must(await other.replica());
    must(await first.put([account('c')], first.revision));
    const writes = store.writeCalls().length;
    expect(await first.mergeRemote(stale, first.revision)).toEqual({ ok: true, value: { revision: first.revision, remoteIsBehind: true } });
    expect(store.writeCalls().length).toBe(writes);
    expect(await first.mergeRemote(must(await first.replica()), first.revision)).toEqual({
      ok: true,
      value: { revision: first.revision, remoteIsBehind: false },
    });
  });

  it('refuses another vault, and the same id under another key', async () => {
    const { first } = await twoDevices();
    const stranger = must(await createVault(makeDeps(new MemoryStore(), { random: seededRandom(42) }), 'pw'));
    const foreign = must(await stranger.replica());
    expect(await first.mergeRemote(foreign, first.revision)).toEqual({
      ok: false,
      error: { code: 'different-vault', message: 'the synced vault is a different vault; it was not merged' },
    });
    expect(await first.mergeRemote({ ...foreign, vaultId: first.vaultId }, first.revision)).toEqual({
      ok: false,
      error: { code: 'different-vault', message: 'the synced vault uses another vault key; it was not merged' },
    });
  });

  it('refuses a stale revision', async () => {
    const { first, other } = await twoDevices();
    must(await other.put([account('b')], other.revision));
    expect(await first.mergeRemote(must(await other.replica()), first.revision - 1)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('restore', () => {
  it('with nothing to add, keeps the revision and writes nothing', async () => {
    const { store, first } = await twoDevices();
    const backup = { vaultId: first.vaultId, exportedAt: 0, entries: [{ ...account('a') }] };
    const writes = store.writeCalls().length;
    expect(await first.restore(backup, 'merge', first.revision)).toEqual({
      ok: true,
      value: { revision: first.revision, added: [], duplicates: ['Account a'], renamed: [], repaired: [], removed: [] },
    });
    expect(store.writeCalls().length).toBe(writes);
  });

  it('adds and removes in one write (replace)', async () => {
    const { store, first } = await twoDevices();
    const backup = { vaultId: first.vaultId, exportedAt: 0, entries: [account('z')] };
    const before = first.revision;
    const heads = () => store.writeCalls().filter((call) => call.keys.includes('vault/head')).length;
    const headWrites = heads();
    expect(must(await first.restore(backup, 'replace', before))).toMatchObject({ revision: before + 1, added: ['Account z'], removed: ['Account a'] });
    expect(heads()).toBe(headWrites + 1);
    expect((await contents(first)).map((entry) => entry.id)).toEqual(['z']);
  });

  it('refuses a stale revision, naming both', async () => {
    const { first } = await twoDevices();
    const backup = { vaultId: first.vaultId, exportedAt: 0, entries: [account('z')] };
    expect(await first.restore(backup, 'merge', first.revision + 5)).toEqual({
      ok: false,
      error: vaultError.conflict(first.revision + 5, first.revision),
    });
  });
});

describe('vault error texts', () => {
  it('say what failed in plain words', () => {
    expect(vaultError.storage('read', new Error('disk gone'))).toEqual({ code: 'storage-failed', message: 'storage read failed: disk gone' });
    expect(vaultError.storage('write', 'quota')).toEqual({ code: 'storage-failed', message: 'storage write failed: quota' });
    expect(vaultError.invalid('name', 'too long')).toEqual({ code: 'invalid-input', field: 'name', message: 'name: too long' });
    expect(vaultError.conflict(3, 5)).toEqual({
      code: 'conflict',
      expectedRevision: 3,
      actualRevision: 5,
      message: 'the vault changed elsewhere (revision 5, this view has 3); reload and retry',
    });
    expect(vaultError.readOnly(2)).toEqual({
      code: 'read-only-newer-version',
      format: 2,
      message: 'this vault was written by a newer version of OTP Guard (format 2); it is read-only here — update the extension to change it',
    });
  });
});
