import { useEffect } from 'preact/hooks';
import type { AccountsList } from '../../messaging/protocol';
import { NEXT_CODE_SECONDS } from '../components/code-timer';
import type { TimerPort } from '../platform';

/**
 * Milliseconds until the list must be fetched again: when a code expires, or when the last seconds of a period start
 * and the background has not given the next code yet. Null when no code expires (only HOTP accounts).
 */
export function msUntilRefresh(list: AccountsList): number | null {
  let soonest: number | null = null;
  for (const account of list.accounts) {
    if (account.kind === 'hotp') continue;
    const remaining = account.secondsRemaining;
    const due = account.nextCode === undefined && remaining > NEXT_CODE_SECONDS ? remaining - NEXT_CODE_SECONDS : remaining;
    if (soonest === null || due < soonest) soonest = due;
  }
  // Never faster than twice a second, whatever the background says.
  return soonest === null ? null : Math.max(500, soonest * 1000);
}

export function useCodeRefresh(list: AccountsList | null, timers: TimerPort, reload: () => unknown): void {
  useEffect(() => {
    if (!list) return;
    const delay = msUntilRefresh(list);
    if (delay === null) return;
    return timers.after(delay, reload);
  }, [list, timers, reload]);
}
