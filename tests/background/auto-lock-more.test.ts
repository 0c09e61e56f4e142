/** AutoLock's timer over a clock that moves with the (fake) timers, and what it logs when a step fails. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_LOCK_ALARM, AutoLock, LOCK_AT_KEY } from '../../src/background/session/auto-lock';
import { buildBackground, FakeAlarms, FakeSession, manualClock, restartWorker, unlockedWith } from './fakes';

/** The clock the timers run on: Date.now() under vitest's fake timers. */
const timerClock = () => ({ now: () => Date.now(), advance: (ms: number) => vi.advanceTimersByTime(ms) });

describe('AutoLock timer (a worker that stays awake)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks right after the deadline, not before', async () => {
    const bg = buildBackground({ clock: timerClock() });
    await unlockedWith(bg);
    await bg.services.autoLock.touch(1);
    await vi.advanceTimersByTimeAsync(60_000 - 1);
    expect(bg.vault.unlocked).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(bg.vault.unlocked).toBe(false);
  });

  it('a restarted worker that finds a deadline ahead sets its own timer and alarm for it', async () => {
    const bg = buildBackground({ clock: timerClock() });
    await unlockedWith(bg);
    await bg.services.autoLock.touch(1);
    await vi.advanceTimersByTimeAsync(30_000);
    const later = restartWorker(bg);
    later.alarms.set.clear();
    expect(await later.services.autoLock.lockIfDue()).toBe(false);
    expect(await later.vault.resume()).toBe(true);
    expect(later.alarms.set.get(AUTO_LOCK_ALARM)).toBe(bg.clock.now() + 30_000);
    await vi.advanceTimersByTimeAsync(30_000 + 200);
    expect(later.vault.unlocked).toBe(false);
  });

  it('a restarted worker that finds no deadline sets neither', async () => {
    const bg = buildBackground({ clock: timerClock() });
    await unlockedWith(bg);
    const later = restartWorker(bg);
    expect(await later.services.autoLock.lockIfDue()).toBe(false);
    expect(later.alarms.set.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('AutoLock logs each step that fails', () => {
  it('an unreadable deadline', async () => {
    const session = new FakeSession();
    session.fail('get', 1);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const autoLock = new AutoLock(session, new FakeAlarms(), manualClock(), async () => true);
    expect(await autoLock.lockIfDue()).toBe(true);
    expect(errors).toHaveBeenCalledWith('[otp-guard] auto-lock deadline unreadable: locking', expect.any(Error));
  });

  it('a lock that throws, a deadline not removed, an alarm not cleared', async () => {
    const session = new FakeSession();
    const alarms = new FakeAlarms();
    const autoLock = new AutoLock(session, alarms, manualClock(), async () => {
      throw new Error('lock failed');
    });
    await autoLock.touch(1);
    session.fail('remove');
    alarms.failing = true;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    errors.mockClear();
    expect(await autoLock.fire()).toBe(false);
    expect(errors.mock.calls.map(([text]) => text)).toEqual([
      '[otp-guard] auto-lock: lock failed',
      '[otp-guard] auto-lock: deadline not removed',
      '[otp-guard] auto-lock: alarm not cleared',
    ]);
  });

  it('an alarm that cannot be set', async () => {
    const alarms = new FakeAlarms();
    alarms.failing = true;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const autoLock = new AutoLock(new FakeSession(), alarms, manualClock(), async () => true);
    await autoLock.touch(1);
    expect(errors).toHaveBeenCalledWith('[otp-guard] auto-lock: alarm not set', expect.any(Error));
    await autoLock.fire();
  });
});

it('keeps the storage key and alarm name earlier versions used (a worker updated mid-session still finds the deadline)', () => {
  expect(LOCK_AT_KEY).toBe('session/lock-at');
  expect(AUTO_LOCK_ALARM).toBe('otp-guard-auto-lock');
});
