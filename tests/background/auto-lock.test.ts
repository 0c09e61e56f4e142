import { describe, expect, it, vi } from 'vitest';
import { AUTO_LOCK_ALARM, AutoLock, LOCK_AT_KEY } from '../../src/background/session/auto-lock';
import { buildBackground, FakeAlarms, FakeSession, manualClock, restartWorker, unlockedWith } from './fakes';

describe('AutoLock', () => {
  it('locks the vault once the deadline has passed, and not before', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.services.autoLock.touch(5);
    expect(bg.session.data.get(LOCK_AT_KEY)).toBe(bg.clock.now() + 5 * 60_000);
    expect(bg.alarms.set.get(AUTO_LOCK_ALARM)).toBe(bg.clock.now() + 5 * 60_000);
    bg.clock.advance(5 * 60_000 - 1);
    expect(await bg.services.autoLock.lockIfDue()).toBe(false);
    expect(bg.vault.unlocked).toBe(true);
    bg.clock.advance(1);
    expect(await bg.services.autoLock.lockIfDue()).toBe(true);
    expect(bg.vault.unlocked).toBe(false);
    expect(bg.session.data.has(LOCK_AT_KEY)).toBe(false);
    expect(bg.alarms.set.has(AUTO_LOCK_ALARM)).toBe(false);
  });

  it('a restarted worker finds the passed deadline and locks before it could resume', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.services.autoLock.touch(1);
    bg.clock.advance(60_000);
    const later = restartWorker(bg);
    expect(await later.services.autoLock.lockIfDue()).toBe(true);
    expect(await later.vault.resume()).toBe(false);
  });

  it('fire() locks first: a deadline that cannot be removed and an alarm that cannot be cleared leave it locked', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.services.autoLock.touch(5);
    const order: string[] = [];
    const session = bg.session;
    const remove = session.remove.bind(session);
    session.remove = async (key) => {
      order.push(`remove ${key} (unlocked: ${bg.vault.unlocked})`);
      if (key === LOCK_AT_KEY) throw new Error('session.remove failed');
      return remove(key);
    };
    bg.alarms.failing = true;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await bg.services.autoLock.fire();
    expect(bg.vault.unlocked).toBe(false);
    expect(order[0]).toBe('remove session/vault-key (unlocked: false)');
    expect(errors).toHaveBeenCalledTimes(2);
    expect(await restartWorker(bg).vault.resume()).toBe(false);
  });

  it('fire() cleans up even when the lock itself throws, and reports the lock as not held', async () => {
    const session = new FakeSession();
    const alarms = new FakeAlarms();
    const lock = vi.fn(async (): Promise<boolean> => {
      throw new Error('lock failed');
    });
    const autoLock = new AutoLock(session, alarms, manualClock(), lock);
    await autoLock.touch(1);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await autoLock.fire()).toBe(false);
    expect(lock).toHaveBeenCalledOnce();
    expect(session.data.has(LOCK_AT_KEY)).toBe(false);
    expect(alarms.set.size).toBe(0);
  });

  it('a deadline that cannot be read counts as passed: it locks', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.services.autoLock.touch(5);
    const later = restartWorker(bg);
    await later.vault.resume();
    bg.session.fail('get', 1);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await later.services.autoLock.lockIfDue()).toBe(true);
    expect(later.vault.unlocked).toBe(false);
  });

  it('an alarm that cannot be set does not stop the deadline from being stored', async () => {
    const bg = buildBackground();
    bg.alarms.failing = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await bg.services.autoLock.touch(2);
    expect(bg.session.data.get(LOCK_AT_KEY)).toBe(bg.clock.now() + 120_000);
  });

  it('the timer locks a worker that stays awake', async () => {
    vi.useFakeTimers();
    try {
      const bg = buildBackground();
      await unlockedWith(bg);
      await bg.services.autoLock.touch(1);
      bg.clock.advance(60_000);
      await vi.advanceTimersByTimeAsync(60_100);
      expect(bg.vault.unlocked).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
