// Create, unlock, resume and status with their exact refusals; the wipe of key material; the
// throttle counter an unlock bumps and resets (normal paths only: the failure paths are issue 10's
// fail-closed work).
import { describe, expect, it, vi } from 'vitest';
import { HEAD_KEY, type Head } from '../../../src/core/vault/format';
import { buildKeyring } from '../../../src/core/vault/keyring';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { THROTTLE_KEY } from '../../../src/core/vault/throttle';
import { createVault, resumeVault, unlockVault, vaultStatus } from '../../../src/core/vault/vault';
import { crypto, makeDeps, must, reopen } from './helpers';

const headOf = (store: MemoryStore) => store.dump()[HEAD_KEY] as Head;

async function created() {
  const store = new MemoryStore();
  const vault = must(await createVault(makeDeps(store), 'pw'));
  return { store, vault };
}

describe('vaultStatus', () => {
  it('reports none, locked with counts, read-only with a message, and unreadable', async () => {
    expect(await vaultStatus({ store: new MemoryStore() })).toEqual({ state: 'none' });
    const { store, vault } = await created();
    const head = headOf(store);
    expect(await vaultStatus({ store })).toEqual({
      state: 'locked',
      vaultId: vault.vaultId,
      revision: head.revision,
      format: 1,
      entryCount: 0,
      readOnly: false,
    });
    await store.set({ [HEAD_KEY]: { ...head, format: 3 } });
    expect(await vaultStatus({ store })).toMatchObject({
      state: 'locked',
      readOnly: true,
      message: expect.stringContaining('format 3'),
    });
    await store.set({ [HEAD_KEY]: { format: 1 } });
    expect(await vaultStatus({ store })).toMatchObject({ state: 'unreadable', error: { code: 'corrupt-header' } });
  });
});

describe('createVault', () => {
  it('refuses an empty password, naming the field', async () => {
    expect(await createVault(makeDeps(), '')).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'password', message: 'password: must not be empty' },
    });
  });

  it('refuses a bad device id and writes nothing', async () => {
    const store = new MemoryStore();
    expect(await createVault(makeDeps(store, { deviceId: '-bad' }), 'pw')).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'deviceId', message: 'deviceId: must match [A-Za-z0-9][A-Za-z0-9._:-]{0,63}' },
    });
    expect(store.log).toEqual([]);
  });

  it('refuses over a damaged vault too (it might still be recoverable)', async () => {
    const store = new MemoryStore({ initial: { [HEAD_KEY]: { format: 1, damaged: true } } });
    expect(await createVault(makeDeps(store), 'pw')).toMatchObject({ ok: false, error: { code: 'vault-exists' } });
    expect(store.writeCalls()).toEqual([]);
  });

  it('wipes the raw vault key and the derived key after use', async () => {
    const seen: Uint8Array[] = [];
    const importAeadKey = vi.fn(async (raw: Uint8Array, extractable: boolean) => {
      seen.push(raw);
      return crypto.importAeadKey(raw, extractable);
    });
    const spy = { ...crypto, importAeadKey };
    must(await createVault(makeDeps(new MemoryStore(), { crypto: spy }), 'pw'));
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const raw of seen) expect(raw.every((byte) => byte === 0)).toBe(true);
  });

  it('stamps the keyring with the clock and the device', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store, { deviceId: 'laptop', clock: { now: () => 42_000 } }), 'pw'));
    expect(headOf(store).keyring).toMatchObject({ u: 42_000, d: 'laptop', kdf: { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } });
  });
});

describe('unlockVault', () => {
  it('refuses an empty password and a missing vault, naming them', async () => {
    expect(await unlockVault(makeDeps(), '')).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'password', message: 'password: must not be empty' },
    });
    expect(await unlockVault(makeDeps(), 'pw')).toEqual({ ok: false, error: { code: 'no-vault', message: 'there is no vault yet' } });
  });

  it('counts wrong passwords, makes the fourth attempt wait, and clears the count on success', async () => {
    const { store } = await created();
    let now = 10_000;
    const deps = () => makeDeps(store, { clock: { now: () => now } });
    for (let i = 0; i < 3; i++) {
      expect(await unlockVault(deps(), 'wrong')).toEqual({
        ok: false,
        error: { code: 'wrong-password', message: 'wrong password (or the stored key was damaged)' },
      });
    }
    expect(store.dump()[THROTTLE_KEY]).toEqual({ failures: 3, lastFailureAt: 10_000 });
    now = 10_001;
    expect(await unlockVault(deps(), 'pw')).toEqual({
      ok: false,
      error: { code: 'too-many-attempts', retryAfterMs: 999, message: 'too many wrong passwords: try again in 1 s' },
    });
    now = 11_000;
    must(await unlockVault(deps(), 'pw'));
    expect(store.dump()[THROTTLE_KEY]).toBeUndefined();
  });

  it('a first-try success charges the attempt before the password is tried, then clears it — nothing else is written', async () => {
    const { store } = await created();
    const fresh = reopen(store);
    must(await unlockVault(makeDeps(fresh), 'pw'));
    expect(fresh.writeCalls().map((call) => [call.op, call.keys])).toEqual([
      ['set', [THROTTLE_KEY]],
      ['remove', [THROTTLE_KEY]],
    ]);
  });

  it('keeps the counter in its own store when one is given', async () => {
    const { store } = await created();
    const throttleStore = new MemoryStore();
    await unlockVault(makeDeps(store, { throttleStore }), 'wrong');
    expect(throttleStore.dump()[THROTTLE_KEY]).toMatchObject({ failures: 1 });
    expect(store.dump()[THROTTLE_KEY]).toBeUndefined();
  });

  it('calls a vault whose key check fails corrupt, not a wrong password', async () => {
    const { store } = await created();
    const data = store.dump();
    const head = data[HEAD_KEY] as Head;
    head.keyring.keyCheck = { ...head.keyring.keyCheck, c: 'AAAAAAAAAAAAAAAAAAAAAA==' };
    expect(await unlockVault(makeDeps(new MemoryStore({ initial: data })), 'pw')).toEqual({
      ok: false,
      error: { code: 'corrupt-header', message: 'the vault key does not match the vault key check' },
    });
  });

  it('refuses a keyring whose salt is not 16 bytes', async () => {
    const { store } = await created();
    const data = store.dump();
    (data[HEAD_KEY] as Head).keyring.kdf.salt = 'AAAAAAAAAAAAAAAAAAAA';
    expect(await unlockVault(makeDeps(new MemoryStore({ initial: data })), 'pw')).toEqual({
      ok: false,
      error: { code: 'kdf-below-floor', field: 'salt', message: 'key derivation salt must be 16 bytes' },
    });
  });

  it('gives a vault whose session key can be exported once', async () => {
    const { store } = await created();
    const vault = must(await unlockVault(makeDeps(reopen(store)), 'pw'));
    expect(must(await vault.exportSessionKey()).length).toBe(32);
  });
});

describe('key handling', () => {
  const extractableFlags = (spy: ReturnType<typeof vi.fn>) => spy.mock.calls.map((call) => call[1]);

  it('keeps one extractable twin after create and unlock (for the session), none after resume', async () => {
    const importAeadKey = vi.fn(crypto.importAeadKey);
    const store = new MemoryStore();
    const deps = () => makeDeps(store, { crypto: { ...crypto, importAeadKey } });
    const vault = must(await createVault(deps(), 'pw'));
    expect(extractableFlags(importAeadKey).filter(Boolean)).toHaveLength(1);
    importAeadKey.mockClear();
    must(await unlockVault(deps(), 'pw'));
    expect(extractableFlags(importAeadKey).sort()).toEqual([false, false, true]);
    importAeadKey.mockClear();
    must(await resumeVault(deps(), must(await vault.exportSessionKey())));
    expect(extractableFlags(importAeadKey)).toEqual([false]);
  });

  it('a wrapped key of the wrong size is a damaged header, and does not count as a wrong password', async () => {
    const { store, vault } = await created();
    const data = store.dump();
    const head = data[HEAD_KEY] as Head;
    const deps = makeDeps(new MemoryStore());
    const key = await crypto.importAeadKey(new Uint8Array(32), false);
    head.keyring = await buildKeyring(deps, vault.vaultId, 'pw', new Uint8Array(31), key, { memoryKiB: 64, iterations: 1, parallelism: 1 });
    const damaged = new MemoryStore({ initial: data });
    expect(await unlockVault(makeDeps(damaged), 'pw')).toEqual({
      ok: false,
      error: { code: 'corrupt-header', message: 'keyring.wrappedKey is not a 256-bit key' },
    });
    expect(damaged.dump()[THROTTLE_KEY]).toBeUndefined();
  });
});

describe('resumeVault', () => {
  it('reopens from the session key, without a second export', async () => {
    const { store, vault } = await created();
    const key = must(await vault.exportSessionKey());
    const resumed = must(await resumeVault(makeDeps(reopen(store)), key));
    expect(resumed.vaultId).toBe(vault.vaultId);
    expect(await resumed.exportSessionKey()).toMatchObject({ ok: false, error: { code: 'session-key-unavailable' } });
    expect(Array.from(key).some((byte) => byte !== 0)).toBe(true); // the caller's copy is left alone
  });

  it('refuses a key of the wrong size, a missing vault and a key of another vault', async () => {
    const { store, vault } = await created();
    const key = must(await vault.exportSessionKey());
    expect(await resumeVault(makeDeps(store), key.slice(0, 31))).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'sessionKeyRaw', message: 'sessionKeyRaw: must be 32 bytes' },
    });
    expect(await resumeVault(makeDeps(store), [...key] as unknown as Uint8Array)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await resumeVault(makeDeps(new MemoryStore()), key)).toEqual({
      ok: false,
      error: { code: 'no-vault', message: 'there is no vault any more' },
    });
    expect(await resumeVault(makeDeps(store), new Uint8Array(32).fill(7))).toEqual({
      ok: false,
      error: { code: 'session-key-mismatch', message: 'the session key does not belong to this vault; unlock again' },
    });
  });
});
