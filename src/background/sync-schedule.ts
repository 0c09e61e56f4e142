/**
 * Sync (off by default) runs a moment after the last change, one run at a time, only while unlocked
 * and enabled. The timers are passed in so the schedule can be tested without waiting.
 */
import type { Result } from '../core/result';
import type { VaultError } from '../core/vault/errors';

export const SYNC_DELAY_MS = 2_000;

export interface SyncDeps {
  isUnlocked(): boolean;
  enabled(): Promise<boolean>;
  sync(): Promise<Result<void, VaultError>>;
  timers?: { set(run: () => void, ms: number): unknown; clear(handle: unknown): void };
}

const realTimers = {
  set: (run: () => void, ms: number): unknown => setTimeout(run, ms),
  clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Returns `schedule()`: call it on every change; the runs it starts never overlap. */
export function syncSchedule(deps: SyncDeps): { schedule(): void; runNow(): Promise<void> } {
  const timers = deps.timers ?? realTimers;
  let handle: unknown;
  let running = false;
  const runNow = async () => {
    if (running || !deps.isUnlocked()) return;
    running = true;
    try {
      if (!(await deps.enabled())) return;
      const synced = await deps.sync();
      if (!synced.ok) console.warn('[otp-guard] sync failed:', synced.error.message);
    } catch (error) {
      console.warn('[otp-guard] sync failed:', error);
    } finally {
      running = false;
    }
  };
  return {
    schedule() {
      timers.clear(handle);
      handle = timers.set(() => void runNow(), SYNC_DELAY_MS);
    },
    runNow,
  };
}
