/**
 * VaultSession edges the last mutation run left open: a lock during a reload, a reload while locked,
 * unlock and resume of an open vault, odd session key values, and create over an existing vault.
 */
import { describe, expect, it, vi } from 'vitest';
import { SESSION_KEY } from '../../src/background/session/vault-session';
import { MemoryStore } from '../../src/core/vault/memory-store';
import { buildBackground, PASSWORD, restartWorker, unlockedWith } from './fakes';

describe('VaultSession.reload', () => {
  it('a lock while the list is being read wins: no account appears in a locked session', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const open = bg.vault.openVault();
    const entries = open!.entries.bind(open);
    vi.spyOn(open as NonNullable<typeof open>, 'entries').mockImplementationOnce(async () => {
      const listing = await entries();
      await bg.vault.lock();
      return listing;
    });
    await bg.vault.reload();
    expect(bg.vault.unlocked).toBe(false);
    expect(bg.vault.accounts()).toEqual([]);
  });

  it('while locked it reads nothing and lists nothing', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    await expect(bg.vault.reload()).resolves.toBeUndefined();
    expect(bg.vault.accounts()).toEqual([]);
    expect(bg.vault.damaged()).toEqual([]);
  });

  it('a listing that throws is degraded with the storage step named, and lists no damaged entry', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const open = bg.vault.openVault();
    vi.spyOn(open as NonNullable<typeof open>, 'entries').mockRejectedValueOnce(new Error('boom'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await bg.vault.reload();
    expect(bg.vault.degraded).toBe('The accounts could not be read (storage list failed: boom). Nothing is filled or copied until they can be.');
    expect(bg.vault.damaged()).toEqual([]);
    expect(bg.vault.accounts()).toEqual([]);
  });
});

describe('VaultSession: unlock, resume and create of an open vault', () => {
  it('unlock of an open vault is a no-op (no password check, no throttle count)', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    expect((await bg.vault.unlock('not the password')).ok).toBe(true);
    expect(bg.vault.unlocked).toBe(true);
  });

  it('resume of an open vault says it is open, without reading the session', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const before = bg.session.calls.length;
    expect(await bg.vault.resume()).toBe(true);
    expect(bg.session.calls.length).toBe(before);
  });

  it('create over an existing vault is refused and the open vault stays as it was', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const result = await bg.vault.create(PASSWORD);
    expect(result.ok).toBe(false);
    expect(bg.vault.unlocked).toBe(true);
    expect(bg.vault.accounts()).toHaveLength(1);
  });
});

describe('VaultSession.resume: what is in the key slot', () => {
  it('a key that is not a string, or an emptied one, stays locked and writes nothing; once known, it is not read again', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const later = restartWorker(bg);
    later.session.data.set(SESSION_KEY, 42);
    expect(await later.vault.resume()).toBe(false);
    const emptied = restartWorker(bg);
    emptied.session.data.set(SESSION_KEY, '');
    const before = emptied.session.calls.length;
    expect(await emptied.vault.resume()).toBe(false);
    expect(emptied.session.calls.slice(before).map((call) => call.op)).toEqual(['get']);
    expect(await emptied.vault.resume()).toBe(false);
    expect(emptied.session.calls.slice(before).map((call) => call.op)).toEqual(['get']);
  });
});

describe('VaultSession: a write that fails (not a conflict)', () => {
  it('put and remove report the failure, and the list stays as stored', async () => {
    let failing = false;
    const bg = buildBackground({ store: new MemoryStore({ failOn: (op) => failing && op === 'set' }) });
    const [amazon] = await unlockedWith(bg);
    if (!amazon) throw new Error('setup');
    failing = true;
    const renamed = { ...amazon, issuer: 'Renamed' };
    const put = await bg.vault.putAccounts([renamed], bg.vault.revision);
    expect(put.ok).toBe(false);
    if (!put.ok) expect(put.error.code).not.toBe('conflict');
    const removed = await bg.vault.removeAccounts([amazon.id], bg.vault.revision);
    expect(removed.ok).toBe(false);
    failing = false;
    await bg.vault.reload();
    expect(bg.vault.accounts().map((account) => account.issuer)).toEqual(['Amazon']);
  });

  it('backup export and restore refuse while locked', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const file = await bg.vault.exportBackup();
    if (!file.ok) throw new Error('setup');
    const inspected = await bg.vault.inspectBackup(file.value.text, PASSWORD);
    if (!inspected.ok) throw new Error('setup');
    await bg.vault.lock();
    expect(await bg.vault.exportBackup()).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    expect(await bg.vault.restore(inspected.value.backup, 'merge', 1)).toMatchObject({ ok: false, error: { code: 'no-vault' } });
  });
});
