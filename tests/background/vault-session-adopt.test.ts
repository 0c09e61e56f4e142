/**
 * VaultSession.adopt (the last step of create and unlock): a lock that comes before or while the session
 * key is kept wins, the key never outlives it, and a key that cannot be kept leaves only this worker open.
 */
import { describe, expect, it, vi } from 'vitest';
import { SESSION_KEY } from '../../src/background/session/vault-session';
import { buildBackground, PASSWORD, restartWorker, unlockedWith } from './fakes';

/** Every value ever written to the session key slot. */
function keyWrites(bg: ReturnType<typeof buildBackground>): unknown[] {
  const spy = vi.mocked(bg.session.set);
  return spy.mock.calls.flatMap(([items]) => (SESSION_KEY in items ? [items[SESSION_KEY]] : []));
}

describe('VaultSession: a lock during an unlock', () => {
  it('a lock before the unlock finished: no session key is ever written', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    vi.spyOn(bg.session, 'set');
    const unlocking = bg.vault.unlock(PASSWORD);
    await bg.vault.lock();
    const result = await unlocking;
    expect(result).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    if (!result.ok) expect(result.error.message).toContain('locked while it was being unlocked');
    expect(keyWrites(bg).filter((value) => value !== '')).toEqual([]);
    expect(bg.vault.unlocked).toBe(false);
  });

  it('a lock while the key was being kept: the key that landed after it is erased, no later worker resumes', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    const realSet = bg.session.set.bind(bg.session);
    vi.spyOn(bg.session, 'set').mockImplementationOnce(async (items) => {
      await bg.vault.lock();
      await realSet(items); // the write lands after the lock
    });
    const result = await bg.vault.unlock(PASSWORD);
    expect(result).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    expect(bg.vault.unlocked).toBe(false);
    expect(bg.session.data.get(SESSION_KEY) ?? '').toBe('');
    expect(await restartWorker(bg).vault.resume()).toBe(false);
  });

  it('a lock during create: the new vault stays locked and opens with its password', async () => {
    const bg = buildBackground();
    const creating = bg.vault.create(PASSWORD);
    await bg.vault.lock();
    expect(await creating).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    expect(bg.vault.unlocked).toBe(false);
    expect((await bg.vault.status()).state).toBe('locked');
    expect((await bg.vault.unlock(PASSWORD)).ok).toBe(true);
  });
});

describe('VaultSession: the session key cannot be kept', () => {
  it('this worker is unlocked, says why in the log, and a later worker asks for the password', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bg.session.fail('set', 1);
    expect((await bg.vault.unlock(PASSWORD)).ok).toBe(true);
    expect(bg.vault.unlocked).toBe(true);
    expect(bg.vault.accounts()).toHaveLength(1);
    expect(logged).toHaveBeenCalledWith('[otp-guard] session key not kept', expect.any(Error));
    expect(await restartWorker(bg).vault.resume()).toBe(false);
    logged.mockRestore();
  });

  it('a key that was kept is the one a later worker resumes from', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const stored = bg.session.data.get(SESSION_KEY);
    expect(typeof stored).toBe('string');
    expect((stored as string).length).toBeGreaterThan(0);
    const later = restartWorker(bg);
    expect(await later.vault.resume()).toBe(true);
    expect(later.vault.accounts()).toHaveLength(1);
  });
});

describe('VaultSession: what a failure logs', () => {
  it('resume, lock and reload name the step that failed', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const later = restartWorker(bg);
    later.session.fail('get', 1);
    expect(await later.vault.resume()).toBe(false);
    expect(logged).toHaveBeenCalledWith('[otp-guard] session storage unreadable: staying locked', expect.any(Error));
    bg.session.fail('set', 2);
    bg.session.fail('remove', 2);
    expect(await bg.vault.lock()).toBe(false);
    expect(logged).toHaveBeenCalledWith('[otp-guard] lock: could not empty the session key', expect.any(Error));
    expect(logged).toHaveBeenCalledWith('[otp-guard] lock: could not remove the session key', expect.any(Error));
    bg.session.heal();
    expect((await bg.vault.unlock(PASSWORD)).ok).toBe(true);
    const open = bg.vault.openVault();
    vi.spyOn(open as NonNullable<typeof open>, 'entries').mockResolvedValueOnce({ ok: false, error: { code: 'storage-failed', message: 'disk gone' } });
    await bg.vault.reload();
    expect(logged).toHaveBeenCalledWith('[otp-guard] the account list could not be read:', 'disk gone');
    expect(bg.vault.degraded).toBe('The accounts could not be read (disk gone). Nothing is filled or copied until they can be.');
    bg.vault.onChange(() => {
      throw new Error('listener boom');
    });
    await bg.vault.reload();
    expect(logged).toHaveBeenCalledWith('[otp-guard] listener failed', expect.any(Error));
    logged.mockRestore();
  });
});
