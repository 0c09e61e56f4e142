import { useEffect, useState } from 'preact/hooks';
import type { TimerPort } from './platform';

/**
 * One shared one-second clock for every countdown on screen: one interval, and only the small components that
 * show seconds re-render each tick (the 200-row list does not).
 */
export class SecondTicker {
  private readonly listeners = new Set<(now: number) => void>();
  private cancel: (() => void) | null = null;

  constructor(private readonly timers: TimerPort) {}

  now(): number {
    return this.timers.now();
  }

  subscribe(listener: (now: number) => void): () => void {
    this.listeners.add(listener);
    if (!this.cancel) this.cancel = this.timers.every(1000, () => this.tick());
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.cancel) {
        this.cancel();
        this.cancel = null;
      }
    };
  }

  private tick(): void {
    const now = this.timers.now();
    for (const listener of this.listeners) listener(now);
  }
}

/** Re-renders the calling component once a second with the current time. */
export function useNow(ticker: SecondTicker): number {
  const [now, setNow] = useState(() => ticker.now());
  useEffect(() => ticker.subscribe(setNow), [ticker]);
  return now;
}
