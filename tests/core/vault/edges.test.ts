// Edge cases found by mutation testing (npm run mutate -- src/core/vault): each test below fails on a
// small change to the vault code that every other test let through.
import { describe, expect, it, vi } from 'vitest';
import { destroyVaultAfterExport, exportRawVault, inspectBackup } from '../../../src/core/vault/backup';
import { commit } from '../../../src/core/vault/commit';
import { HEAD_KEY, type Head, type Keyring } from '../../../src/core/vault/format';
import { readHead } from '../../../src/core/vault/head';
import { checkKeyringKdf, unwrapVaultKey } from '../../../src/core/vault/keyring';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { itemBytes, type KeyValueStore } from '../../../src/core/vault/ports';
import { ok } from '../../../src/core/result';
import { readThrottle, retryAfterMs, THROTTLE_KEY } from '../../../src/core/vault/throttle';
import { createVault } from '../../../src/core/vault/vault';
import { account, contents, crypto, makeDeps, must, TEST_FLOOR } from './helpers';

async function backupOf(ids: string[]) {
  const store = new MemoryStore();
  const vault = must(await createVault(makeDeps(store), 'pw'));
  must(await vault.put(ids.map((id) => account(id)), vault.revision));
  return { store, vault, text: must(await vault.exportBackup('backup pw')).text };
}

describe('inspectBackup edges', () => {
  it('treats a file that is not text as not JSON', async () => {
    expect(await inspectBackup(makeDeps(), 42 as unknown as string, 'pw')).toEqual({
      ok: false,
      error: { code: 'backup-invalid', field: '(file)', message: 'the file is not an OTP Guard backup (not JSON)' },
    });
  });

  it('names the bad field of a malformed backup', async () => {
    const { text } = await backupOf(['a']);
    const file = JSON.parse(text);
    file.vault.vaultId = '';
    const result = await inspectBackup(makeDeps(), JSON.stringify(file), 'backup pw');
    expect(result).toMatchObject({ ok: false, error: { code: 'backup-invalid', field: 'vault.vaultId' } });
    expect(result.ok || result.error.message).toMatch(/^the file is not a valid OTP Guard backup \(vault\.vaultId: .+\)$/);
  });

  it('refuses a backup whose key check was altered', async () => {
    const { text } = await backupOf(['a']);
    const file = JSON.parse(text);
    file.vault.keyring.keyCheck.c = 'AAAAAAAAAAAAAAAAAAAAAA==';
    expect(await inspectBackup(makeDeps(), JSON.stringify(file), 'backup pw')).toEqual({
      ok: false,
      error: { code: 'backup-invalid', field: 'vault.keyring.keyCheck', message: 'the backup key check failed: the file was altered' },
    });
  });

  it('names an entry by its id when its sealed name was altered', async () => {
    const { text } = await backupOf(['a']);
    const file = JSON.parse(text);
    file.vault.entries.a.name.c = 'AAAAAAAAAAAAAAAAAAAAAA==';
    expect(await inspectBackup(makeDeps(), JSON.stringify(file), 'backup pw')).toEqual({
      ok: false,
      error: { code: 'backup-damaged', entryId: 'a', entryName: 'a', message: 'the backup entry "a" is damaged or altered; nothing was restored' },
    });
  });

  it('opens with a non-extractable key only', async () => {
    const { text } = await backupOf(['a']);
    const importAeadKey = vi.fn(crypto.importAeadKey);
    must(await inspectBackup(makeDeps(undefined, { crypto: { ...crypto, importAeadKey } }), text, 'backup pw'));
    for (const [, extractable] of importAeadKey.mock.calls) expect(extractable).toBe(false);
  });
});

describe('start over edges', () => {
  it('refuses an export whose entry data differs', async () => {
    const { store } = await backupOf(['a']);
    const raw = JSON.parse(must(await exportRawVault(store)).text);
    raw.vault.entries.a.data.c = 'QUJD';
    expect((await destroyVaultAfterExport(store, JSON.stringify(raw))).ok).toBe(false);
  });

  it('removes only the head of an empty vault', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'pw'));
    must(await destroyVaultAfterExport(store, must(await exportRawVault(store)).text));
    expect(store.writeCalls().filter((call) => call.op === 'remove').map((call) => call.keys)).toEqual([[HEAD_KEY]]);
  });
});

async function aKeyring(): Promise<Keyring> {
  const store = new MemoryStore();
  must(await createVault(makeDeps(store), 'pw'));
  return (store.dump()[HEAD_KEY] as Head).keyring;
}

describe('commit edges', () => {
  it('refuses a new vault whose entries point at records it does not write', async () => {
    const keyring = await aKeyring();
    const plan = { head: { vaultId: 'v', keyring, entries: { a: { v: 1, u: 1, d: 'd', record: 'vault/g1/0', name: { n: 'AAAA', c: 'AAAA' } } }, tombstones: {} }, records: {} };
    expect(await commit(new MemoryStore(), { expectedRevision: null, vaultId: null, build: async () => ok(plan) })).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'entries', message: 'entries: record vault/g1/0 is neither new nor kept' },
    });
    expect(await commit(new MemoryStore(), { expectedRevision: null, vaultId: null, build: async () => ok('unchanged' as const) })).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'changes', message: 'changes: nothing to write' },
    });
  });

  it('measures a new vault against the quota by its head alone', async () => {
    const keyring = await aKeyring();
    const plan = { head: { vaultId: 'v', keyring, entries: {}, tombstones: {} }, records: {} };
    const head: Head = { format: 1, vaultId: 'v', generation: 1, revision: 1, keyring, entries: {}, tombstones: {} };
    const exact = itemBytes(HEAD_KEY, head);
    const create = (quotaBytes: number) => commit(new MemoryStore({ quotaBytes }), { expectedRevision: null, vaultId: null, build: async () => ok(plan) });
    expect((await create(exact)).ok).toBe(true);
    expect(await create(exact - 1)).toMatchObject({ ok: false, error: { code: 'quota-exceeded', neededBytes: exact } });
  });
});

describe('head and keyring edges', () => {
  it('reads a head key stored as undefined as no vault', async () => {
    const store: KeyValueStore = { get: async () => ({ [HEAD_KEY]: undefined }), set: async () => {}, remove: async () => {}, keys: async () => [HEAD_KEY] };
    expect(await readHead(store)).toEqual({ ok: true, value: null });
  });

  it('checks the salt directly: not base64, or not 16 bytes', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'pw'));
    const head = store.dump()[HEAD_KEY] as Head;
    const withSalt = (salt: string): Keyring => ({ ...head.keyring, kdf: { ...head.keyring.kdf, salt } });
    expect(checkKeyringKdf(withSalt('!!!!'), TEST_FLOOR)).toMatchObject({ code: 'kdf-below-floor', field: 'salt' });
    expect(checkKeyringKdf(withSalt('AAAA'), TEST_FLOOR)).toMatchObject({ code: 'kdf-below-floor', field: 'salt' });
    expect(checkKeyringKdf(head.keyring, TEST_FLOOR)).toBeNull();
    expect(await unwrapVaultKey(makeDeps(), head.vaultId, withSalt('!!!!'), 'pw')).toEqual({
      ok: false,
      error: { code: 'corrupt-header', message: 'keyring.kdf.salt is not base64' },
    });
  });
});

describe('create and throttle edges', () => {
  it('refuses to create over a damaged vault with the plain words', async () => {
    const store = new MemoryStore({ initial: { [HEAD_KEY]: { format: 1 } } });
    expect(await createVault(makeDeps(store), 'pw')).toEqual({
      ok: false,
      error: { code: 'vault-exists', message: 'a vault already exists; it was left untouched' },
    });
  });

  it('the wait comes from the stored counter and the clock', async () => {
    const store = new MemoryStore({ initial: { [THROTTLE_KEY]: { failures: 4, lastFailureAt: 1_000 } } });
    expect(retryAfterMs(await readThrottle(store, 1_500), 1_500)).toBe(1_500);
    expect(retryAfterMs(await readThrottle(new MemoryStore(), 1_500), 1_500)).toBe(0);
  });
});

describe('open vault edges', () => {
  it('names invalid removal ids in plain words', async () => {
    const vault = must(await createVault(makeDeps(new MemoryStore()), 'pw'));
    expect(await vault.remove(['_x'], vault.revision)).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'ids', message: 'ids: must be valid entry ids' },
    });
  });

  it('once known read-only, refuses without reading storage again', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    await store.set({ [HEAD_KEY]: { ...(store.dump()[HEAD_KEY] as Head), format: 2 } });
    await vault.put([account('a')], vault.revision);
    const calls = store.log.length;
    expect(await vault.put([account('b')], vault.revision)).toMatchObject({ ok: false, error: { code: 'read-only-newer-version' } });
    expect(store.log.length).toBe(calls);
  });

  it('a replace that only removes still removes', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    must(await vault.put([account('a'), account('b')], vault.revision));
    const backup = { vaultId: 'x', exportedAt: 0, entries: [account('a')] };
    expect(must(await vault.restore(backup, 'replace', vault.revision))).toMatchObject({ removed: ['Account b'], duplicates: ['Account a'] });
    expect((await contents(vault)).map((entry) => entry.id)).toEqual(['a']);
  });
});
