import * as v from 'valibot';
import type { Clock } from '../ports';
import { err, ok, type Result } from '../result';
import type { VaultError } from './errors';
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

/** As if many wrong passwords had just been typed: the longest wait (the cap). */
const WORST_FAILURES = FREE_ATTEMPTS + 6; // 2^6 s > 60 s: delayAfter() is at its cap
export const worstCase = (now: number): ThrottleState => ({ failures: WORST_FAILURES, lastFailureAt: now });

type RawRead = { kind: 'absent' } | { kind: 'valid'; state: ThrottleState } | { kind: 'damaged' } | { kind: 'failed'; cause: unknown };

async function readRaw(store: KeyValueStore): Promise<RawRead> {
  try {
    const found = (await store.get([THROTTLE_KEY]))[THROTTLE_KEY];
    if (found === undefined) return { kind: 'absent' };
    const parsed = v.safeParse(stateSchema, found);
    return parsed.success ? { kind: 'valid', state: parsed.output } : { kind: 'damaged' };
  } catch (cause) {
    return { kind: 'failed', cause };
  }
}

/** For display: a counter that cannot be read counts as the worst case, never as zero failures. */
export async function readThrottle(store: KeyValueStore, now: number): Promise<ThrottleState> {
  const read = await readRaw(store);
  if (read.kind === 'absent') return NO_FAILURES;
  return read.kind === 'valid' ? read.state : worstCase(now);
}

/** Returns false when the counter could not be written. */
export async function writeThrottle(store: KeyValueStore, state: ThrottleState): Promise<boolean> {
  try {
    if (state.failures === 0) await store.remove([THROTTLE_KEY]);
    else await store.set({ [THROTTLE_KEY]: state });
    return true;
  } catch {
    return false;
  }
}

const tooMany = (wait: number): VaultError => ({
  code: 'too-many-attempts',
  retryAfterMs: wait,
  message: `too many wrong passwords: try again in ${Math.ceil(wait / 1000)} s`,
});
const noCounter = (operation: string): VaultError => ({
  code: 'storage-failed',
  message: `the wrong-password counter could not be ${operation}, so no password is tried; try again`,
});

/**
 * Before a password is tried: refuses while the throttle says wait, then counts the attempt as a
 * failure up front, so a store that cannot write (or a worker killed mid-check) gives no free guesses.
 * Returns the state before the attempt; `settleAttempt` resets or restores it afterwards.
 */
export async function chargeAttempt(store: KeyValueStore, clock: Clock): Promise<Result<ThrottleState, VaultError>> {
  const now = clock.now();
  const read = await readRaw(store);
  if (read.kind === 'failed') return err(noCounter('read'));
  if (read.kind === 'damaged') {
    // Rewritten as the worst case so the wait ends (a damaged record must not lock the user out for good).
    return err((await writeThrottle(store, worstCase(now))) ? tooMany(MAX_DELAY_MS) : noCounter('repaired'));
  }
  const state = read.kind === 'valid' ? read.state : NO_FAILURES;
  const wait = retryAfterMs(state, now);
  if (wait > 0) return err(tooMany(wait));
  if (!(await writeThrottle(store, recordFailure(state, now)))) return err(noCounter('written'));
  return ok(state);
}

/** After the attempt: a right password clears the counter, a failure other than a wrong password restores it. */
export async function settleAttempt(store: KeyValueStore, before: ThrottleState, outcome: 'right' | 'wrong' | 'other'): Promise<void> {
  if (outcome === 'wrong') return;
  await writeThrottle(store, outcome === 'right' ? NO_FAILURES : before);
}

/** The pure policy in one place, for the background and the popup's countdown. */
export const unlockThrottle = { delayAfter, retryAfterMs, recordFailure, initial: NO_FAILURES } as const;
