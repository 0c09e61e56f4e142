import { describe, expect, it, vi } from 'vitest';
import { SESSION_KEY } from '../../src/background/session/vault-session';
import { MemoryStore } from '../../src/core/vault/memory-store';
import { buildBackground, PASSWORD, restartWorker, unlockedWith } from './fakes';

describe('VaultSession: lock and the next worker', () => {
  it('a worker started after lock() does not resume, though it would have before the lock', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    // While unlocked, a restarted worker resumes from the session key (the MV3 worker stops when idle).
    expect(await restartWorker(bg).vault.resume()).toBe(true);
    expect(await bg.vault.lock()).toBe(true);
    expect(bg.vault.unlocked).toBe(false);
    expect(bg.session.data.has(SESSION_KEY)).toBe(false);
    const later = restartWorker(bg);
    expect(await later.vault.resume()).toBe(false);
    expect(later.vault.unlocked).toBe(false);
  });

  it('drops the key and accounts from memory before any storage call', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    let seenWhileErasing: { unlocked: boolean; accounts: number } | null = null;
    const set = bg.session.set.bind(bg.session);
    bg.session.set = async (items) => {
      seenWhileErasing ??= { unlocked: bg.vault.unlocked, accounts: bg.vault.accounts().length };
      return set(items);
    };
    await bg.vault.lock();
    expect(seenWhileErasing).toEqual({ unlocked: false, accounts: 0 });
  });

  it('when removing the key fails, the emptied key slot still stops the next worker', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.session.fail('remove');
    expect(await bg.vault.lock()).toBe(true);
    expect(bg.session.data.get(SESSION_KEY)).toBe('');
    bg.session.heal();
    expect(await restartWorker(bg).vault.resume()).toBe(false);
  });

  it('when emptying the key slot fails, removing the key still stops the next worker', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.session.fail('set');
    expect(await bg.vault.lock()).toBe(true);
    bg.session.heal();
    expect(await restartWorker(bg).vault.resume()).toBe(false);
  });

  it('retries each step once: one failed remove and one failed set still erase the key', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.session.fail('set', 1);
    bg.session.fail('remove', 1);
    expect(await bg.vault.lock()).toBe(true);
    expect(bg.session.data.has(SESSION_KEY)).toBe(false);
  });

  it('reports (false) when the session key could not be erased at all; this worker is locked anyway', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.session.fail('set');
    bg.session.fail('remove');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await bg.vault.lock()).toBe(false);
    expect(errors).toHaveBeenCalled();
    expect(bg.vault.unlocked).toBe(false);
    expect(await bg.vault.resume()).toBe(false);
  });

  it('unlocking again keeps a fresh key, so the session survives a worker restart again', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    expect((await bg.vault.unlock(PASSWORD)).ok).toBe(true);
    expect(bg.session.data.get(SESSION_KEY)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(await restartWorker(bg).vault.resume()).toBe(true);
  });

  it('tells lock listeners first, and a throwing listener does not stop the lock', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.vault.onLock(() => {
      throw new Error('listener bug');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await bg.vault.lock()).toBe(true);
    expect(errors).toHaveBeenCalled();
    expect(bg.vault.unlocked).toBe(false);
  });
});

describe('VaultSession: resume', () => {
  it('stays locked when session storage cannot be read', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const later = restartWorker(bg);
    bg.session.fail('get');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await later.vault.resume()).toBe(false);
    expect(later.vault.unlocked).toBe(false);
  });

  it('stays locked, and forgets the key, when the key does not open the vault', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.session.data.set(SESSION_KEY, btoa(String.fromCharCode(...new Uint8Array(32).fill(9))));
    const later = restartWorker(bg);
    expect(await later.vault.resume()).toBe(false);
    expect(bg.session.data.has(SESSION_KEY)).toBe(false);
    expect(bg.session.data.get(SESSION_KEY) ?? '').toBe('');
  });

  it('stays locked on an emptied key slot', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.session.data.set(SESSION_KEY, '');
    expect(await restartWorker(bg).vault.resume()).toBe(false);
  });
});

describe('VaultSession: a reload that fails', () => {
  it('marks the session degraded (no accounts for the guard) until a reload succeeds, and says so in the status', async () => {
    let failing = false;
    const store = new MemoryStore({ failOn: (op) => failing && op === 'get' });
    const bg = buildBackground({ store });
    await unlockedWith(bg, [['Amazon', ['amazon.com']]]);
    expect(bg.guard.accounts()).toHaveLength(1);
    failing = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await bg.vault.reload();
    expect(bg.vault.degraded).toMatch(/could not be read/);
    expect(bg.vault.accounts()).toEqual([]);
    expect(bg.guard.accounts()).toEqual([]);
    failing = false;
    expect(await bg.vault.status()).toMatchObject({ state: 'unlocked', degradedReason: expect.stringMatching(/Nothing is filled or copied/) });
    await bg.vault.reload();
    expect(bg.vault.degraded).toBeNull();
    expect(bg.vault.accounts()).toHaveLength(1);
    expect(await bg.vault.status()).not.toHaveProperty('degradedReason');
  });

  it('a listing that throws (not only one that fails) degrades too', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const open = bg.vault.openVault();
    if (!open) throw new Error('not open');
    vi.spyOn(open, 'entries').mockRejectedValueOnce(new Error('boom'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await bg.vault.reload();
    expect(bg.vault.degraded).toMatch(/boom/);
  });
});

describe('VaultSession: a lock while an unlock or resume is under way', () => {
  it('a resume in flight when the vault locks does not open it', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const later = restartWorker(bg);
    const resuming = later.vault.resume();
    await later.vault.lock();
    expect(await resuming).toBe(false);
    expect(later.vault.unlocked).toBe(false);
  });

  it('an unlock in flight when the vault locks does not open it, and leaves no key for a later worker', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    const unlocking = bg.vault.unlock(PASSWORD);
    await bg.vault.lock();
    expect(await unlocking).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    expect(bg.vault.unlocked).toBe(false);
    expect(await restartWorker(bg).vault.resume()).toBe(false);
  });
});
