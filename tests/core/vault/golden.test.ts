// Golden vault (format 1): a vault, a password backup and a sync copy written by this version with
// seeded randomness and a stepping clock, committed as tests/core/vault/vectors/golden-v1.json.
// Today's code must (a) still open what was written then, and (b) write exactly the same bytes from
// the same seeds — so a change to associated data, record keys, field names, the KDF input or the
// chunking is caught even when it would round-trip with itself.
// Regenerate (only for a deliberate format change, with a new format number): OTP_GUARD_WRITE_GOLDEN=1.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectBackup } from '../../../src/core/vault/backup';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { pullReplica, pushReplica } from '../../../src/core/vault/sync';
import { createVault, unlockVault } from '../../../src/core/vault/vault';
import { contents, makeDeps, must } from './helpers';

const FILE = new URL('./vectors/golden-v1.json', import.meta.url);
/** Composed é (NFC); the test unlocks with the decomposed form (NFD): passwords are normalised. */
const PASSWORD = 'correct horse caf\u00e9';
const PASSWORD_NFD = 'correct horse cafe\u0301';
const BACKUP_PASSWORD = 'backup pw';

interface Golden {
  local: Record<string, unknown>;
  backup: string;
  sync: Record<string, unknown>;
}

async function writeGolden(): Promise<Golden> {
  const store = new MemoryStore();
  const vault = must(await createVault(makeDeps(store), PASSWORD));
  const added = must(
    await vault.put(
      [
        { id: 'acct-a', name: 'Amazon: me@example.com', data: { issuer: 'Amazon', secret: 'JBSWY3DPEHPK3PXP', digits: 6 } },
        { id: 'acct-b', name: 'GitHub', data: { issuer: 'GitHub', secret: 'GEZDGNBVGY3TQOJQ' } },
      ],
      vault.revision,
    ),
  );
  must(await vault.remove(['acct-b'], added.revision));
  const backup = must(await vault.exportBackup(BACKUP_PASSWORD));
  const sync = new MemoryStore();
  must(await pushReplica(sync, must(await vault.replica())));
  return { local: store.dump(), backup: backup.text, sync: sync.dump() };
}

const readGolden = (): Golden => JSON.parse(readFileSync(FILE, 'utf8')) as Golden;

describe('golden vault, format 1', () => {
  it('is written byte for byte the same from the same seeds', async () => {
    const fresh = await writeGolden();
    if (process.env.OTP_GUARD_WRITE_GOLDEN === '1') writeFileSync(FILE, `${JSON.stringify(fresh, null, 1)}\n`);
    const golden = readGolden();
    expect(fresh.local).toEqual(golden.local);
    expect(fresh.backup).toBe(golden.backup);
    expect(fresh.sync).toEqual(golden.sync);
  });

  it('still opens: the live account is there, the deleted one is a tombstone', async () => {
    const golden = readGolden();
    const vault = must(await unlockVault(makeDeps(new MemoryStore({ initial: golden.local })), PASSWORD_NFD));
    expect(await contents(vault)).toEqual([
      { id: 'acct-a', name: 'Amazon: me@example.com', data: { issuer: 'Amazon', secret: 'JBSWY3DPEHPK3PXP', digits: 6 } },
    ]);
    expect(Object.keys(must(await vault.replica()).tombstones)).toEqual(['acct-b']);
  });

  it('refuses a wrong password and a password that differs only in case', async () => {
    const golden = readGolden();
    for (const password of ['wrong', PASSWORD.toUpperCase()]) {
      const result = await unlockVault(makeDeps(new MemoryStore({ initial: golden.local })), password);
      expect(result.ok || result.error.code).toBe('wrong-password');
    }
  });

  it("opens the backup with the backup's own password only", async () => {
    const golden = readGolden();
    const inspected = must(await inspectBackup(makeDeps(), golden.backup, BACKUP_PASSWORD));
    expect(inspected.entries).toEqual([
      { id: 'acct-a', name: 'Amazon: me@example.com', data: { issuer: 'Amazon', secret: 'JBSWY3DPEHPK3PXP', digits: 6 } },
    ]);
    const withVaultPassword = await inspectBackup(makeDeps(), golden.backup, PASSWORD);
    expect(withVaultPassword.ok || withVaultPassword.error.code).toBe('wrong-password');
  });

  it('reads the sync copy back as the vault it was pushed from', async () => {
    const golden = readGolden();
    const vault = must(await unlockVault(makeDeps(new MemoryStore({ initial: golden.local })), PASSWORD));
    const pulled = must(await pullReplica(new MemoryStore({ initial: golden.sync })));
    expect(pulled).toEqual(must(await vault.replica()));
  });
});
