import { describe, expect, it } from 'vitest';
import { destroyVaultAfterExport, exportRawVault, inspectBackup } from '../../../src/core/vault/backup';
import { PRODUCTION_FLOOR } from '../../../src/core/vault/kdf';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { createVault, unlockVault, vaultStatus } from '../../../src/core/vault/vault';
import { account, contents, makeDeps, must, seededRandom } from './helpers';

async function vaultWith(ids: string[], password = 'pw', seed = 7) {
  const store = new MemoryStore();
  const vault = must(await createVault(makeDeps(store, { random: seededRandom(seed) }), password));
  if (ids.length > 0) must(await vault.put(ids.map((id) => account(id)), vault.revision));
  return { store, vault };
}

describe('backup export and restore check', () => {
  it('a backup with the vault password restores every entry', async () => {
    const { vault } = await vaultWith(['a', 'b']);
    const file = must(await vault.exportBackup());
    expect(file.omitted).toEqual([]);
    const inspected = must(await inspectBackup(makeDeps(), file.text, 'pw'));
    expect(inspected.entries.map((e) => e.name).sort()).toEqual(['Account a', 'Account b']);
    expect(inspected.vaultId).toBe(vault.vaultId);
  });

  it('a backup with a separate password uses a separate key and vault id', async () => {
    const { vault } = await vaultWith(['a']);
    const file = must(await vault.exportBackup('separate'));
    expect(await inspectBackup(makeDeps(), file.text, 'pw')).toMatchObject({ ok: false, error: { code: 'wrong-password' } });
    const inspected = must(await inspectBackup(makeDeps(), file.text, 'separate'));
    expect(inspected.vaultId).not.toBe(vault.vaultId);
    expect(inspected.entries).toEqual([account('a')]);
  });

  it('any damaged entry fails the whole restore check, naming the entry', async () => {
    const { vault } = await vaultWith(['a', 'b']);
    const file = JSON.parse(must(await vault.exportBackup()).text);
    const data = file.vault.entries.b.data;
    data.c = `${data.c.slice(0, -4)}AAA=`;
    const result = await inspectBackup(makeDeps(), JSON.stringify(file), 'pw');
    expect(result).toMatchObject({ ok: false, error: { code: 'backup-damaged', entryId: 'b', entryName: 'Account b' } });
  });

  it('rejects files that are not backups, with the field named', async () => {
    expect(await inspectBackup(makeDeps(), 'not json', 'pw')).toMatchObject({ error: { code: 'backup-invalid' } });
    expect(await inspectBackup(makeDeps(), '{"kind":"otp-guard-backup","backupFormat":1,"exportedAt":0}', 'pw')).toMatchObject({
      error: { code: 'backup-invalid', field: 'vault' },
    });
  });

  it('enforces the KDF floor on backups too', async () => {
    const { vault } = await vaultWith(['a']);
    const file = must(await vault.exportBackup());
    expect(await inspectBackup(makeDeps(undefined, { minimum: PRODUCTION_FLOOR }), file.text, 'pw')).toMatchObject({
      error: { code: 'kdf-below-floor' },
    });
  });

  it('merge (default) adds new entries, skips duplicates, and never overwrites a different entry with the same id', async () => {
    const { vault: source } = await vaultWith(['a', 'b', 'c'], 'src', 11);
    must(await source.put([{ ...account('c'), data: { changed: true } }], source.revision));
    const inspected = must(await inspectBackup(makeDeps(), must(await source.exportBackup()).text, 'src'));
    const { vault: target } = await vaultWith(['a', 'c']);
    const report = must(await target.restore(inspected, 'merge', target.revision));
    expect(report.added).toEqual(['Account b']);
    expect(report.duplicates).toEqual(['Account a']);
    expect(report.renamed).toEqual([expect.objectContaining({ from: 'c', name: 'Account c' })]);
    const after = await contents(target);
    expect(after).toHaveLength(4);
    expect(after.find((e) => e.id === 'c')!.data).toEqual(account('c').data);
    expect(after.find((e) => e.id === report.renamed[0]!.to)!.data).toEqual({ changed: true });
  });

  it('merge detects domain duplicates through isDuplicate', async () => {
    const { vault: source } = await vaultWith([], 'src', 11);
    must(await source.put([{ id: 'other-id', name: 'Same secret', data: account('a').data }], source.revision));
    const inspected = must(await inspectBackup(makeDeps(), must(await source.exportBackup()).text, 'src'));
    const { vault: target } = await vaultWith(['a']);
    const sameSecret = (x: unknown, y: unknown) => (x as { secret: string }).secret === (y as { secret: string }).secret;
    const report = must(await target.restore(inspected, 'merge', target.revision, sameSecret));
    expect(report.duplicates).toEqual(['Same secret']);
    expect((await contents(target)).map((e) => e.id)).toEqual(['a']);
  });

  it('replace makes the vault equal to the backup in one write, and a stale revision is a conflict', async () => {
    const { vault: source } = await vaultWith(['x', 'y'], 'src', 11);
    const inspected = must(await inspectBackup(makeDeps(), must(await source.exportBackup()).text, 'src'));
    const { vault: target } = await vaultWith(['a', 'x']);
    expect(await target.restore(inspected, 'replace', target.revision - 1)).toMatchObject({ error: { code: 'conflict' } });
    const before = target.revision;
    const report = must(await target.restore(inspected, 'replace', before));
    expect(report.revision).toBe(before + 1);
    expect(report.removed).toEqual(['Account a']);
    expect((await contents(target)).map((e) => e.id)).toEqual(['x', 'y']);
  });
});

describe('forgotten password', () => {
  it('exports the encrypted vault without the password, then destroys only after a matching export', async () => {
    const { store } = await vaultWith(['a', 'b']);
    const { store: otherStore } = await vaultWith(['z'], 'pw', 3);
    const unrelated = must(await exportRawVault(otherStore)).text;
    expect(await destroyVaultAfterExport(store, unrelated)).toMatchObject({ ok: false, error: { code: 'backup-invalid' } });
    expect((await vaultStatus({ store })).state).toBe('locked');

    const exported = must(await exportRawVault(store));
    must(await destroyVaultAfterExport(store, exported.text));
    expect(await vaultStatus({ store })).toEqual({ state: 'none' });
    expect(Object.keys(store.dump()).filter((k) => k.startsWith('vault/'))).toEqual([]);
    // The old vault is still recoverable from the file, with the old password.
    const inspected = must(await inspectBackup(makeDeps(), exported.text, 'pw'));
    expect(inspected.entries.map((e) => e.id)).toEqual(['a', 'b']);
    // And a new vault can be created.
    must(await createVault(makeDeps(store), 'new'));
    expect(await unlockVault(makeDeps(store), 'pw')).toMatchObject({ error: { code: 'wrong-password' } });
  });
});
