// Exporting backups from an unlocked vault: with and without a separate password, with damaged
// records (listed by name, left out), and the refusals; the backup key never leaves as bytes.
import { describe, expect, it, vi } from 'vitest';
import { inspectBackup } from '../../../src/core/vault/backup';
import { HEAD_KEY, type Head } from '../../../src/core/vault/format';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { createVault, unlockVault } from '../../../src/core/vault/vault';
import { account, crypto, makeDeps, must, TEST_KDF } from './helpers';

async function vaultWithDamagedB() {
  const store = new MemoryStore();
  const vault = must(await createVault(makeDeps(store), 'pw'));
  must(await vault.put([account('a'), account('b')], vault.revision));
  const data = store.dump();
  delete data[(data[HEAD_KEY] as Head).entries.b!.record];
  const damaged = new MemoryStore({ initial: data });
  return { damaged, vault: must(await unlockVault(makeDeps(damaged), 'pw')) };
}

describe('exportBackup', () => {
  it('without a password: the vault as stored, naming the unreadable entries it leaves out', async () => {
    const { vault } = await vaultWithDamagedB();
    const exported = must(await vault.exportBackup());
    expect(exported.omitted).toEqual([{ id: 'b', name: 'Account b' }]);
    expect(Object.keys(JSON.parse(exported.text).vault.entries)).toEqual(['a']);
  });

  it('with a password: re-sealed under a new key with the configured KDF, damaged entries listed', async () => {
    const { vault } = await vaultWithDamagedB();
    const exported = must(await vault.exportBackup('backup pw'));
    expect(exported.omitted).toEqual([{ id: 'b', name: 'Account b' }]);
    const file = JSON.parse(exported.text);
    expect(file.vault.keyring.kdf).toMatchObject(TEST_KDF);
    const inspected = must(await inspectBackup(makeDeps(), exported.text, 'backup pw'));
    expect(inspected.entries.map((entry) => entry.id)).toEqual(['a']);
  });

  it('never makes the backup key extractable', async () => {
    const store = new MemoryStore();
    const importAeadKey = vi.fn(crypto.importAeadKey);
    const vault = must(await createVault(makeDeps(store, { crypto: { ...crypto, importAeadKey } }), 'pw'));
    importAeadKey.mockClear();
    must(await vault.exportBackup('backup pw'));
    expect(importAeadKey.mock.calls.length).toBeGreaterThan(0);
    for (const [, extractable] of importAeadKey.mock.calls) expect(extractable).toBe(false);
  });

  it('refuses an empty password and a vault that is gone', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    expect(await vault.exportBackup('')).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'password', message: 'password: must not be empty' },
    });
    await store.remove([HEAD_KEY]);
    const gone = { ok: false, error: { code: 'no-vault', message: 'there is no vault to export' } };
    expect(await vault.exportBackup('backup pw')).toEqual(gone);
    expect(await vault.exportBackup()).toEqual(gone);
  });

  it('reports a store that cannot be read (the head, then the records)', async () => {
    const store = new MemoryStore();
    const vault = must(await createVault(makeDeps(store), 'pw'));
    must(await vault.put([account('a')], vault.revision));
    for (const failAt of [0, 1]) {
      let armed = false;
      let gets = 0;
      const flaky = new MemoryStore({ initial: store.dump(), failOn: (op) => armed && op === 'get' && gets++ === failAt });
      const view = must(await unlockVault(makeDeps(flaky), 'pw'));
      armed = true;
      expect(await view.exportBackup('backup pw')).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    }
  });
});
