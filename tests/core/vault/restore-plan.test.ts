// What a restore writes (pure planRestore), canonical JSON, the backup file's checks with their
// messages, and "start over" that only proceeds after a full export of the vault now stored.
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_KIND, canonicalJson, destroyVaultAfterExport, exportRawVault, inspectBackup, planRestore } from '../../../src/core/vault/backup';
import type { EntryListing } from '../../../src/core/vault/entries';
import { HEAD_KEY } from '../../../src/core/vault/format';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { createVault } from '../../../src/core/vault/vault';
import { account, makeDeps, must, seededRandom } from './helpers';

const entry = (id: string, data: unknown = { s: id }) => ({ id, name: `Name ${id}`, data });
const listing = (ok: ReturnType<typeof entry>[], damaged: string[] = []): EntryListing => ({
  revision: 3,
  ok,
  damaged: damaged.map((id) => ({ id, name: `Name ${id}`, reason: 'authentication-failed' as const, message: 'x' })),
});
const backup = (entries: ReturnType<typeof entry>[]) => ({ vaultId: 'b', exportedAt: 0, entries });

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }, 'x'] })).toBe('{"a":[{"c":null,"d":2},"x"],"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('é')).toBe('"é"');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });
});

describe('planRestore', () => {
  it('merge: adds new ids, skips same data whatever the key order, renames a clash, repairs a damaged entry', () => {
    const current = listing([entry('same', { x: 1, y: 2 }), entry('clash', { s: 'mine' })], ['broken']);
    const incoming = backup([entry('same', { y: 2, x: 1 }), entry('clash', { s: 'theirs' }), entry('broken'), entry('new')]);
    const plan = planRestore(current, incoming, 'merge', seededRandom(1));
    expect(plan.removeIds).toEqual([]);
    expect(plan.report).toMatchObject({ added: ['Name new'], duplicates: ['Name same'], repaired: ['Name broken'], removed: [] });
    expect(plan.report.renamed).toHaveLength(1);
    const renamed = plan.report.renamed[0]!;
    expect(renamed).toMatchObject({ from: 'clash', name: 'Name clash' });
    expect(renamed.to).toMatch(/^clash-r[A-Za-z0-9]{8}$/);
    expect(plan.puts.map((put) => put.id)).toEqual([renamed.to, 'broken', 'new']);
    expect(plan.puts[0]).toEqual({ ...entry('clash', { s: 'theirs' }), id: renamed.to });
  });

  it('merge: a caller-defined duplicate (same secret, other name) is skipped', () => {
    const current = listing([entry('a', { secret: 'S' })]);
    const plan = planRestore(current, backup([entry('b', { secret: 'S' })]), 'merge', seededRandom(1), (x, y) =>
      canonicalJson(x) === canonicalJson(y),
    );
    expect(plan.puts).toEqual([]);
    expect(plan.report.duplicates).toEqual(['Name b']);
  });

  it('merge: renamed ids stay within the id pattern for long ids, and never collide', () => {
    const long = 'x'.repeat(64);
    const current = listing([entry(long)]);
    const plan = planRestore(current, backup([entry(long, { other: 1 }), entry(long, { other: 2 })]), 'merge', seededRandom(2));
    const ids = plan.puts.map((put) => put.id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(new RegExp(`^${'x'.repeat(50)}-r[A-Za-z0-9]{8}$`));
  });

  it('replace: writes the backup, removes what it lacks (named), repairs damaged ones', () => {
    const current = listing([entry('keep'), entry('drop'), entry('edit', { s: 'old' })], ['broken', 'lost']);
    const plan = planRestore(current, backup([entry('keep'), entry('edit', { s: 'new' }), entry('broken'), entry('fresh')]), 'replace', seededRandom(1));
    expect(plan.removeIds.sort()).toEqual(['drop', 'lost']);
    expect(plan.report.removed.sort()).toEqual(['Name drop', 'Name lost']);
    expect(plan.puts.map((put) => put.id)).toEqual(['edit', 'broken', 'fresh']);
    expect(plan.report).toMatchObject({ duplicates: ['Name keep'], repaired: ['Name broken'], added: ['Name edit', 'Name fresh'], renamed: [] });
  });
});

describe('backup file checks', () => {
  it.each([
    ['not JSON', 'nope', { code: 'backup-invalid', field: '(file)', message: 'the file is not an OTP Guard backup (not JSON)' }],
    ['another kind of file', '{"kind":"x"}', { code: 'backup-invalid', field: 'kind' }],
  ])('refuses %s', async (_name, text, error) => {
    expect(await inspectBackup(makeDeps(), text, 'pw')).toMatchObject({ ok: false, error });
  });

  it('refuses a backup from a newer version, naming it', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'pw'));
    const raw = JSON.parse(must(await exportRawVault(store)).text);
    for (const newer of [{ ...raw, backupFormat: 2 }, { ...raw, vault: { ...raw.vault, format: 2 } }]) {
      expect(await inspectBackup(makeDeps(), JSON.stringify(newer), 'pw')).toEqual({
        ok: false,
        error: {
          code: 'unsupported-format',
          format: newer.vault.format,
          message: 'this backup was made by a newer version of OTP Guard; update the extension to restore it',
        },
      });
    }
  });

  it('writes the documented envelope', async () => {
    const store = new MemoryStore();
    must(await createVault(makeDeps(store), 'pw'));
    const text = must(await exportRawVault(store, 1234)).text;
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ kind: BACKUP_KIND, backupFormat: BACKUP_FORMAT, exportedAt: 1234 });
    expect([BACKUP_KIND, BACKUP_FORMAT]).toEqual(['otp-guard-backup', 1]);
    expect(await exportRawVault(new MemoryStore())).toEqual({ ok: false, error: { code: 'no-vault', message: 'there is no vault to export' } });
  });
});

describe('destroyVaultAfterExport', () => {
  async function withVault() {
    const store = new MemoryStore({ initial: { 'unrelated/key': 1 } });
    const vault = must(await createVault(makeDeps(store), 'pw'));
    must(await vault.put([account('a'), account('b')], vault.revision));
    return store;
  }

  it('removes the head first, then the records, and leaves other keys', async () => {
    const store = await withVault();
    const text = must(await exportRawVault(store)).text;
    expect(await destroyVaultAfterExport(store, text)).toEqual({ ok: true, value: undefined });
    const removes = store.writeCalls().filter((call) => call.op === 'remove');
    expect(removes[0]?.keys).toEqual([HEAD_KEY]);
    expect(removes[1]?.keys.every((key) => key.startsWith('vault/g'))).toBe(true);
    expect(Object.keys(store.dump())).toEqual(['unrelated/key']);
  });

  it('keeps the vault when the export is not a backup or misses an entry', async () => {
    const store = await withVault();
    const before = store.dump();
    expect(await destroyVaultAfterExport(store, 'nope')).toEqual({
      ok: false,
      error: { code: 'backup-invalid', field: '(file)', message: 'that export is not a valid backup; the vault was kept' },
    });
    expect(await destroyVaultAfterExport(store, '{"kind":"otp-guard-backup"}')).toMatchObject({ ok: false, error: { code: 'backup-invalid', field: '(file)' } });
    const partial = JSON.parse(must(await exportRawVault(store)).text);
    const [first] = Object.keys(partial.vault.entries);
    delete partial.vault.entries[first!];
    expect(await destroyVaultAfterExport(store, JSON.stringify(partial))).toEqual({
      ok: false,
      error: { code: 'backup-invalid', field: 'vault', message: 'that export does not contain the current vault; the vault was kept' },
    });
    const altered = JSON.parse(must(await exportRawVault(store)).text);
    const [id] = Object.keys(altered.vault.entries);
    altered.vault.entries[id!].name.c = 'QUJD';
    expect((await destroyVaultAfterExport(store, JSON.stringify(altered))).ok).toBe(false);
    const otherVault = JSON.parse(must(await exportRawVault(store)).text);
    otherVault.vault.vaultId = 'someone-else';
    expect((await destroyVaultAfterExport(store, JSON.stringify(otherVault))).ok).toBe(false);
    expect(store.dump()).toEqual(before);
  });

  it('succeeds with nothing to remove, and reports a failed removal', async () => {
    const store = await withVault();
    const text = must(await exportRawVault(store)).text;
    expect(await destroyVaultAfterExport(new MemoryStore(), text)).toEqual({ ok: true, value: undefined });
    const failing = new MemoryStore({ initial: store.dump(), failOn: (op) => op === 'remove' });
    expect(await destroyVaultAfterExport(failing, text)).toMatchObject({
      ok: false,
      error: { code: 'storage-failed', message: expect.stringMatching(/^storage remove failed: /) },
    });
  });
});
