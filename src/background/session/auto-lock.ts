/**
 * Auto-lock after the idle time in the settings. "Idle" means no use of OTP Guard (popup, fill).
 * The deadline lives in storage.session so it holds across worker restarts; an alarm wakes a
 * sleeping worker, a timer is precise while it is awake, and every use checks the deadline first.
 */
import type { Clock } from '../../core/ports';
import type { SessionArea } from './vault-session';

export const LOCK_AT_KEY = 'session/lock-at';
export const AUTO_LOCK_ALARM = 'otp-guard-auto-lock';

export interface AlarmsPort {
  create(name: string, info: { when: number }): void;
  clear(name: string): Promise<unknown>;
}

export class AutoLock {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The deadline as this worker knows it: undefined until read from session storage once (after a
   * worker restart), null when there is none. Checked on every message, so it is not read every time.
   */
  private lockAt: number | null | undefined;

  constructor(
    private readonly session: SessionArea,
    private readonly alarms: AlarmsPort,
    private readonly clock: Clock,
    /** Locks; resolves false when the lock could not be made to hold for a later worker. */
    private readonly lock: () => Promise<boolean>,
  ) {}

  /** A use of OTP Guard: push the deadline out by `minutes`. */
  async touch(minutes: number): Promise<void> {
    const lockAt = this.clock.now() + minutes * 60_000;
    this.lockAt = lockAt;
    await this.session.set({ [LOCK_AT_KEY]: lockAt });
    this.schedule(lockAt);
  }

  /** Locks when the deadline has passed, or cannot be read (fail closed); returns true when it did. */
  async lockIfDue(): Promise<boolean> {
    if (this.lockAt === undefined) {
      let stored: unknown;
      try {
        stored = (await this.session.get(LOCK_AT_KEY))[LOCK_AT_KEY];
      } catch (error) {
        console.error('[otp-guard] auto-lock deadline unreadable: locking', error);
        await this.fire();
        return true;
      }
      this.lockAt = typeof stored === 'number' ? stored : null;
      // A restarted worker has no timer yet: set one for the deadline it found.
      if (this.lockAt !== null && this.clock.now() < this.lockAt) this.schedule(this.lockAt);
    }
    if (this.lockAt !== null && this.clock.now() >= this.lockAt) {
      await this.fire();
      return true;
    }
    return false;
  }

  /** Locks first; then the deadline and alarm go. A cleanup step that fails is logged, never undoes the lock. */
  async fire(): Promise<boolean> {
    clearTimeout(this.timer);
    this.lockAt = null;
    let held = false;
    try {
      held = await this.lock();
    } catch (error) {
      console.error('[otp-guard] auto-lock: lock failed', error);
    }
    await this.session.remove(LOCK_AT_KEY).catch((error: unknown) => console.error('[otp-guard] auto-lock: deadline not removed', error));
    try {
      await this.alarms.clear(AUTO_LOCK_ALARM);
    } catch (error) {
      console.error('[otp-guard] auto-lock: alarm not cleared', error);
    }
    return held;
  }

  private schedule(lockAt: number): void {
    clearTimeout(this.timer);
    try {
      this.alarms.create(AUTO_LOCK_ALARM, { when: lockAt });
    } catch (error) {
      // The timer below still locks while this worker lives; a later worker checks the stored deadline.
      console.error('[otp-guard] auto-lock: alarm not set', error);
    }
    this.timer = setTimeout(() => void this.lockIfDue(), Math.max(0, lockAt - this.clock.now()) + 50);
  }
}
