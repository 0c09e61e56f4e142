import * as v from 'valibot';
import type { Clock } from '../ports';
import type { KeyValueStore } from './ports';

/** Non-secret counters; kept outside the `vault/` keys so they never touch the vault itself. */
export const THROTTLE_KEY = 'unlock-throttle';

export interface ThrottleState {
  readonly failures: number;
  readonly lastFailureAt: number;
}

export const NO_FAILURES: ThrottleState = { failures: 0, lastFailureAt: 0 };
const FREE_ATTEMPTS = 3;
const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 60_000;

/** Delay required after `failures` wrong passwords in a row: 0, 0, 0, 1 s, 2 s, 4 s … capped at 60 s. */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(failures - FREE_ATTEMPTS, 16));
}

/** Pure policy: how long until the next attempt is allowed (0 = now). */
export function retryAfterMs(state: ThrottleState, now: number): number {
  const delay = delayAfter(state.failures);
  if (delay === 0) return 0;
  const wait = state.lastFailureAt + delay - now;
  // A clock that went backwards must not lock the user out for longer than the cap.
  return Math.max(0, Math.min(wait, MAX_DELAY_MS));
}

export const recordFailure = (state: ThrottleState, now: number): ThrottleState => ({
  failures: state.failures + 1,
  lastFailureAt: now,
});

const stateSchema = v.object({
  failures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lastFailureAt: v.pipe(v.number(), v.minValue(0)),
});

export async function readThrottle(store: KeyValueStore): Promise<ThrottleState> {
  try {
    const found = await store.get([THROTTLE_KEY]);
    const parsed = v.safeParse(stateSchema, found[THROTTLE_KEY]);
    return parsed.success ? parsed.output : NO_FAILURES;
  } catch {
    return NO_FAILURES;
  }
}

/** Best effort: a store that cannot write the counter must not turn a wrong password into a crash. */
export async function writeThrottle(store: KeyValueStore, state: ThrottleState): Promise<void> {
  try {
    if (state.failures === 0) await store.remove([THROTTLE_KEY]);
    else await store.set({ [THROTTLE_KEY]: state });
  } catch {
    // ignored on purpose
  }
}

export async function throttleWait(store: KeyValueStore, clock: Clock): Promise<number> {
  return retryAfterMs(await readThrottle(store), clock.now());
}

/** The pure policy in one place, for the background and the popup's countdown. */
export const unlockThrottle = { delayAfter, retryAfterMs, recordFailure, initial: NO_FAILURES } as const;
